"""Certificates for pages of other apps (My learning), through templates."""

from django import template
from django.utils import timezone

from certification import sharing
from certification.models import Certificate, CertificateSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def my_certificates(context):
    """The signed-in person's certificates, newest period first, with status."""
    user = context["request"].user
    if not user.is_authenticated:
        return []
    today = timezone.localdate()
    certificates = list(
        Certificate.objects.filter(holder=user).select_related("certification")
    )
    issuer = CertificateSettings.for_request(context["request"]).issuer_name
    for certificate in certificates:
        certificate.status = certificate.status_on(today)
        certificate.status_label = Certificate.Status(certificate.status).label
        if certificate.status != Certificate.Status.REVOKED:
            certificate.share_url = sharing.verify_url(context["request"], certificate)
            certificate.linkedin_url = sharing.linkedin_url(
                context["request"], certificate, issuer=issuer
            )
    return certificates


@register.filter
def lapsing(entry, days):
    """The members of a readiness entry who lapse within that many days."""
    return entry.lapsing_within(days)


@register.simple_tag
def certification_gaps(rows):
    """For the team matrix: person id → certifications their roles miss."""
    from certification.readiness import not_certified_since

    return not_certified_since(
        user_ids=[row.person.pk for row in rows], today=timezone.localdate()
    )


@register.filter
def gaps_for(gaps, person_id):
    return gaps.get(person_id, [])
