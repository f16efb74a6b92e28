"""The person's certificates on the Hub's person page (lms), added through
its construct_hub_person_panels hook."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from certification.models import Certificate


class PersonCertificatesPanel(Component):
    template_name = "certification/admin/_person_certificates.html"

    def __init__(self, person):
        self.person = person

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        certificates = list(
            Certificate.objects.filter(holder=self.person)
            .select_related("certification")
            .order_by("-valid_from", "-pk")
        )
        for certificate in certificates:
            certificate.status = certificate.status_on(today)
            certificate.status_label = Certificate.Status(certificate.status).label
        return {"certificates": certificates}
