"""Demo certifications and certificates: valid, in the renewal window, revoked."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from certification import renewal, services
from certification.models import Certificate, Certification
from cms.demo.learners import work_through
from courses.models import CoursePage
from lms.models import CourseCompletion, Enrolment, Role

# name: (course slug, months valid, roles that require it)
CERTIFICATIONS = {
    "Webcare": ("webcare-basis", 24, ["Webcare-agent", "Communitymanager"]),
    "Crisiscommunicatie": (
        "crisiscommunicatie-hub",
        12,
        ["Crisiscommunicatie-lead", "Hubmanager"],
    ),
    "Personal branding": (
        "linkedin-voor-gemeentemedewerkers",
        24,
        ["Social media champion"],
    ),
    "Social engagement": ("inwoners-betrekken-online", 24, ["Contentmaker"]),
    "Social recruitment": ("werven-via-sociale-media", 24, []),
}
# The names above in English, where they differ.
ENGLISH_NAMES = {"Crisiscommunicatie": "Crisis communication"}
CRITERIA = {
    "nl": "Alle modules van de cursus afgerond, met goedgekeurde casussen.",
    "en": "Completed every module of the course, with approved scenarios.",
}


def _english(name: str) -> dict:
    english = ENGLISH_NAMES.get(name, name)
    return {
        "en": {
            "name": english,
            "description": f"Hub Academy: {english}",
            "criteria": CRITERIA["en"],
        }
    }


def _certifications():
    certifications = {}
    for name, (slug, months, roles) in CERTIFICATIONS.items():
        certification, created = Certification.objects.get_or_create(
            name=name,
            defaults={
                "validity_months": months,
                "description": f"Hub Academy: {name}",
                "criteria": CRITERIA["nl"],
                "translations": _english(name),
            },
        )
        if not certification.translations:  # seeded before there were any
            certification.translations = _english(name)
            certification.save(update_fields=["translations"])
        if created:
            certification.courses.set(
                CoursePage.objects.filter(slug=slug).order_by("pk")[:1]
            )
            certification.roles.set(Role.objects.filter(name__in=roles))
        certifications[name] = certification
    return certifications


def _hold(holder, certification, *, started_days_ago):
    if Certificate.objects.filter(holder=holder, certification=certification).exists():
        return None
    certificate = services.issue_certificate(
        holder=holder,
        certification=certification,
        valid_from=timezone.localdate() - timedelta(days=started_days_ago),
    )
    # A demo certificate looks issued when its period began, not today.
    issued_at = timezone.now() - timedelta(days=started_days_ago)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=issued_at)
    certificate.issued_at = issued_at
    return certificate


def _earned_back_then(certificate, *, reviewer) -> None:
    """The holder completed the certificate's courses when it was issued, so
    that renewal has something to open again."""
    courses = list(certificate.certification.courses.all())
    for course in courses:
        for module in course.get_modules().specific():
            work_through(
                certificate.holder,
                module,
                token_prefix="demo-earned",
                reviewer=reviewer,
            )
    completions = Enrolment.objects.filter(user=certificate.holder, course__in=courses)
    completions.filter(status="completed").update(completed_at=certificate.issued_at)
    CourseCompletion.objects.filter(enrolment__in=completions).update(
        completed_at=certificate.issued_at
    )


def seed_certificates(users) -> None:
    """The learner holds one valid certificate and one inside its renewal
    window; elsewhere in the hub one certificate is revoked."""
    certifications = _certifications()
    learner, manager = users["learner@example.org"], users["manager@example.org"]
    branding = _hold(learner, certifications["Personal branding"], started_days_ago=40)
    if branding:
        _earned_back_then(branding, reviewer=manager)
    crisis = _hold(
        learner, certifications["Crisiscommunicatie"], started_days_ago=330
    )  # 12 months
    if crisis:
        _earned_back_then(crisis, reviewer=manager)
    User = get_user_model()
    for email, name, days in [
        ("daan.meijer@example.org", "Webcare", 100),
        ("imane.vos@example.org", "Crisiscommunicatie", 200),
        ("said.van der meer@example.org".replace(" ", ""), "Crisiscommunicatie", 60),
    ]:
        person = User.objects.filter(email=email).first()
        if person:
            _hold(person, certifications[name], started_days_ago=days)
    revoked_holder = User.objects.filter(email="merel.dekker@example.org").first()
    if revoked_holder:
        certificate = _hold(
            revoked_holder, certifications["Webcare"], started_days_ago=150
        )
        if certificate:
            services.revoke(
                certificate=certificate,
                by=manager,
                reason="Behaald met het account van een collega.",
            )
    # What lms_daily would do today: the learner's crisis certificate is in
    # its window, so its course is assigned again for renewal.
    renewal.start_due_renewals(timezone.localdate())
