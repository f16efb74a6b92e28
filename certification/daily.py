"""The daily run's repair of issuing: certificates earned and not issued.

A certificate is issued when the completion that earns it has committed, by
a hook that runs after the commit (certification.receivers). A process that
dies between the two leaves the learner with the work done and no
certificate; the daily run finds every such gap and issues what is missing.

A gap is a person and a certification where the person's course completions
earn a certificate (as certification.services.issue_if_earned decides) and
no certificate answers the latest of them:

- a first certificate, or one earned again after a revocation or a lapse:
  every required course completed (since the last revocation), one of them
  after the person's latest certificate of it was issued, none in force and
  no renewal under way;
- a renewal: every renewal course completed since the renewal began, and the
  certificate not yet renewed.

Finding them costs a fixed number of queries per certification, whatever the
number of people; each gap found is then issued by the same service as on
completion, which the database keeps to one certificate per period.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery

from certification.models import Certificate, Certification
from courses.models import CoursePage
from lms.models import CourseCompletion


def _keys(courses) -> set[str]:
    return set(courses.values_list("translation_key", flat=True))


def _course_ids(keys) -> list[int]:
    """The courses of these translation keys, in every language. Filtering
    the completions by their ids rather than through the pages' keys lets
    the database pick the courses' completions first: through the join it
    read every completion of every course, and at 100,000 people sorted them
    on disk."""
    return list(
        CoursePage.objects.filter(translation_key__in=keys).values_list("pk", flat=True)
    )


def first_issue_gaps(certification: Certification, today: date):
    """Ids of the people who earned a certificate of certification that was
    never issued: neither held in force nor being renewed (two queries)."""
    required = _keys(certification.courses)
    if not required:
        return CourseCompletion.objects.none().values_list("pk", flat=True)
    theirs = Certificate.objects.filter(
        holder=OuterRef("enrolment__user"), certification=certification
    )
    return (
        CourseCompletion.objects.filter(
            enrolment__course_id__in=_course_ids(required),
            enrolment__user__is_active=True,
        )
        .annotate(
            last_revoked=Subquery(
                theirs.revoked().order_by("-revoked_at").values("revoked_at")[:1]
            ),
            last_issued=Subquery(theirs.order_by("-issued_at").values("issued_at")[:1]),
        )
        # After a revocation only what was completed since counts.
        .filter(Q(last_revoked__isnull=True) | Q(completed_at__gte=F("last_revoked")))
        .exclude(Exists(theirs.in_force(today)))
        .exclude(
            Exists(
                theirs.filter(
                    renewal_started_at__isnull=False,
                    successor__isnull=True,
                    revoked_at__isnull=True,
                )
            )
        )
        .order_by()
        .values("enrolment__user")
        .annotate(
            done=Count("enrolment__course__translation_key", distinct=True),
            unanswered=Count(
                "pk",
                filter=Q(last_issued__isnull=True)
                | Q(completed_at__gt=F("last_issued")),
            ),
        )
        .filter(done=len(required), unanswered__gt=0)
        .values_list("enrolment__user", flat=True)
    )


def renewal_gaps(certification: Certification):
    """Certificates of certification whose renewal is complete and whose
    successor was never issued (two queries)."""
    keys = _keys(certification.get_renewal_courses())
    if not keys:
        return Certificate.objects.none()
    done = (
        CourseCompletion.objects.filter(
            enrolment__user=OuterRef("holder"),
            enrolment__course_id__in=_course_ids(keys),
            completed_at__gte=OuterRef("renewal_started_at"),
        )
        .order_by()
        .values("enrolment__user")
        .annotate(count=Count("enrolment__course__translation_key", distinct=True))
        .values("count")
    )
    return (
        Certificate.objects.filter(
            certification=certification,
            renewal_started_at__isnull=False,
            successor__isnull=True,
            revoked_at__isnull=True,
            holder__is_active=True,
        )
        .annotate(renewed=Subquery(done))
        .filter(renewed=len(keys))
    )


def issue_earned(today: date) -> int:
    """The daily step: issue every certificate earned and not issued; returns
    how many were issued. A second run issues nothing."""
    from certification.services import issue_if_earned

    people = get_user_model().objects
    issued = 0
    for certification in Certification.objects.all():
        holder_ids = set(first_issue_gaps(certification, today))
        holder_ids |= set(
            renewal_gaps(certification).values_list("holder_id", flat=True)
        )
        for holder in people.filter(pk__in=holder_ids):
            certificate = issue_if_earned(
                holder=holder, certification=certification, today=today
            )
            issued += certificate is not None
    return issued
