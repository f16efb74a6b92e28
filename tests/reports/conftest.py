"""A small organisation whose report figures are worked out by hand below.

Units (from the hub fixture): Hub > Webcare > Night shift, and Hub > Marketing.
The manager manages Webcare (and Night shift), other_manager Marketing.

People and current memberships:
    learner   Night shift, Webcare agent
    anna      Webcare, Webcare agent
    fenna     Webcare (no role); Marketing, Webcare agent
    outsider  Marketing, Webcare agent; Marketing, Content creator
    dirk      left Webcare (membership ended): HR only
    eva       erased (inactive, no memberships): HR only

Assignments (T is today; A and B are courses):
    1 learner-A   due T+10, completed, quiz scores 60% and 85%   completed
    2 learner-B   due T-5                                        overdue
    3 anna-A      due T-3, extended to T+20, completed, 70%      completed
    4 anna-B      due T-1, exempted                              exempt
    5 fenna-B     due T+5, a module done                         in_progress
    6 outsider-A  due T-2                                        overdue
    7 outsider-B  due T+30                                       not_started
    8 dirk-A      due T-10, assigned T-100                       overdue
    9 eva-A       due T-20, assigned T-100, completed            completed

    HR:            9 rows, 3 completed, 1 exempt, 3 overdue, rate 3/8 = 38%
    manager:       rows 1-5, 2 completed, 1 exempt, 1 overdue, rate 2/4 = 50%
    other_manager: rows 5-7, 0 completed, 1 overdue, rate 0/3 = 0%
    per unit (HR): Webcare rows 3,4,5: 1/2 = 50%; Night shift rows 1,2:
                   1/2 = 50%; Marketing rows 5,6,7: 0/3 = 0%

Certificates (W: "Webcare certified", 12 months, renewal window 60 days;
C: "Crisis certified", 24 months, window 30 days):
    c1 learner-W  until T+64                      valid
    c2 anna-W     until T+20                      expiring (ends within 30)
    c3 outsider-W until T+45                      expiring (window 60)
    c4 fenna-C    until T+45                      valid (window 30)
    c5 learner-C  until T-1, issued T-400         expired
    c6 dirk-W     until T+100, revoked, issued T-400   revoked
    c7 eva-W      until T+10                      expiring (ends within 30)
    c8 anna-C     until T+5, renewed by c9        expiring (not in "expiring")
    c9 anna-C     from T+6                        pending (not yet valid)
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from certification.models import Certificate, Certification
from lms.models import (
    DueDateExtension,
    Enrolment,
    Exemption,
    ModuleProgress,
    Role,
    RoleMembership,
    TrainingAssignment,
)
from lms.organisation import services as organisation
from tests.factories import UserFactory, make_course
from tests.reports.records import assign, certificate, complete


@pytest.fixture
def org(hub, catalogue):
    today = timezone.localdate()
    started = today - timedelta(days=30)
    o = SimpleNamespace(today=today, hub=hub)
    o.course_a = make_course(catalogue, slug="course-a", title="Webcare basics")
    o.course_b = make_course(catalogue, slug="course-b", title="Crisis basics")
    o.content_creator = Role.objects.create(name="Content creator")

    o.learner, o.outsider = hub.learner, hub.outsider
    o.anna = UserFactory(name="Anna Webcare")
    o.fenna = UserFactory(name="Fenna Twofold")
    o.dirk = UserFactory(name="Dirk Left")
    o.eva = UserFactory(name="Eva Erased", is_active=False)
    organisation.join_role(
        user=o.anna, unit=hub.spoke, role=hub.role, started_on=started
    )
    organisation.join_role(user=o.fenna, unit=hub.spoke, started_on=started)
    organisation.join_role(
        user=o.fenna, unit=hub.other_spoke, role=hub.role, started_on=started
    )
    organisation.join_role(
        user=o.outsider,
        unit=hub.other_spoke,
        role=o.content_creator,
        started_on=started,
    )
    RoleMembership.objects.create(
        user=o.dirk,
        unit=hub.spoke,
        role=hub.role,
        started_on=today - timedelta(days=200),
        ended_on=today - timedelta(days=50),
    )
    # Joining a role assigns what it requires: the hub role requires nothing,
    # so every assignment is the one made here.
    assert not TrainingAssignment.objects.exists()

    a, b = o.course_a, o.course_b
    o.rows = [
        assign(o.learner, a, 10),
        assign(o.learner, b, -5),
        assign(o.anna, a, -3),
        assign(o.anna, b, -1),
        assign(o.fenna, b, 5),
        assign(o.outsider, a, -2),
        assign(o.outsider, b, 30),
        assign(o.dirk, a, -10, assigned_days_ago=100),
        assign(o.eva, a, -20, assigned_days_ago=100),
    ]
    complete(o.learner, a, "0.6", "0.85")
    complete(o.anna, a, "0.7")
    complete(o.eva, a)
    DueDateExtension.objects.create(
        assignment=o.rows[2],
        due_on=today + timedelta(days=20),
        reason="Leave",
        granted_by=hub.manager,
    )
    Exemption.objects.create(
        assignment=o.rows[3], reason="Prior learning", approved_by=hub.manager
    )
    enrolment = Enrolment.objects.create(user=o.fenna, course=b)
    ModuleProgress.objects.create(enrolment=enrolment, module=b.get_modules()[0])

    o.webcare = Certification.objects.create(
        name="Webcare certified", validity_months=12, renewal_window_days=60
    )
    o.crisis = Certification.objects.create(
        name="Crisis certified", validity_months=24, renewal_window_days=30
    )
    o.certificates = [
        certificate(o.learner, o.webcare, 64),
        certificate(o.anna, o.webcare, 20),
        certificate(o.outsider, o.webcare, 45),
        certificate(o.fenna, o.crisis, 45),
        certificate(o.learner, o.crisis, -1),
        certificate(
            o.dirk,
            o.webcare,
            100,
            revoked_at=timezone.now(),
            revocation_reason="Left",
        ),
        certificate(o.eva, o.webcare, 10),
        certificate(o.anna, o.crisis, 5),
    ]
    o.certificates.append(
        certificate(
            o.anna, o.crisis, 6 + 729, valid_days=729, previous=o.certificates[7]
        )
    )
    Certificate.objects.filter(
        pk__in=[o.certificates[4].pk, o.certificates[5].pk]
    ).update(issued_at=timezone.now() - timedelta(days=400))
    # The admin speaks English to them, so that tests read English labels.
    for viewer in (hub.hr, hub.manager, hub.other_manager):
        profile = UserProfile.get_for_user(viewer)
        profile.preferred_language = "en"
        profile.save()
    return o


@pytest.fixture
def viewer(client, org):
    """Log in as one of the hub fixture's users (or stay anonymous)."""

    def log_in(kind):
        client.logout()
        if kind != "anonymous":
            client.force_login(getattr(org.hub, kind))
        return client

    return log_in
