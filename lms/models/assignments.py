from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lms import persons
from lms.querysets import TrainingAssignmentQuerySet


class AssignmentBatch(models.Model):
    """A manager's assignment of a course to a person, a role or a unit."""

    class Target(models.TextChoices):
        PERSON = "person", _("A person")
        ROLE = "role", _("A role")
        UNIT = "unit", _("A unit")

    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due date"))
    reason = models.CharField(_("reason"), max_length=300)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    target = models.CharField(_("assign to"), max_length=10, choices=Target)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    role = models.ForeignKey(
        "lms.Role",
        verbose_name=_("role"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    unit = models.ForeignKey(
        "lms.OrgUnit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    include_subunits = models.BooleanField(_("include the units below"), default=True)
    people_count = models.PositiveIntegerField(_("people"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The form's own id: the same form sent twice assigns once.
    token = models.UUIDField(_("form token"), null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("assignment batch")
        verbose_name_plural = _("assignment batches")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target="person", person__isnull=False)
                | Q(target="role", role__isnull=False)
                | Q(target="unit", unit__isnull=False),
                name="lms_batch_target_is_set",
            )
        ]

    def __str__(self):
        return f"{self.course} → {self.target_label}"

    @property
    def target_label(self) -> str:
        if self.target == self.Target.PERSON:
            return str(self.person)
        if self.target == self.Target.ROLE:
            where = self.unit or _("everywhere")
            return f"{self.role} ({where})"
        return str(self.unit)


class TrainingAssignment(models.Model):
    """A course a person must complete by a date: one current record per course.

    Several roles and managers may ask for the same course (its demands);
    the assignment is withdrawn only when none of them still does.
    """

    class Source(models.TextChoices):
        ROLE = "role", _("Required for a role")
        MANAGER = "manager", _("Assigned by a manager")
        RENEWAL = "renewal", _("Renewal of a certificate")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    source = models.CharField(_("source"), max_length=10, choices=Source)
    due_on = models.DateField(_("due date"))
    # A manager's words; the reasons the system gives are what asked for
    # the assignment (reason_object), put in words in the reader's language.
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    # The role that requires the course, or the certification it renews
    # (generic: lms knows nothing of certifications).
    reason_type = models.ForeignKey(
        ContentType,
        verbose_name=_("asked for by (type)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason_id = models.PositiveBigIntegerField(
        _("asked for by (id)"), null=True, blank=True
    )
    reason_object = GenericForeignKey("reason_type", "reason_id")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    # Done, and closed because the course is due again (renewing a
    # certificate): the new round is a new assignment, this one stays history.
    fulfilled_at = models.DateTimeField(_("fulfilled at"), null=True, blank=True)

    objects = TrainingAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("training assignment")
        verbose_name_plural = _("training assignments")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(withdrawn_at__isnull=True, fulfilled_at__isnull=True),
                name="lms_one_current_assignment",
            )
        ]
        indexes = [models.Index(fields=["course", "due_on"])]

    def __str__(self):
        # The course in the reader's language where the row has it
        # (TrainingAssignmentQuerySet.with_course_title).
        course = getattr(self, "course_title", None) or self.course
        return f"{persons.display_name(self.user)} – {course} ({self.due_on})"

    @property
    def reason_text(self) -> str:
        """Why, in words, in the active language.

        A role's requirement names the role, a renewal the certification (its
        name in the active language, through its str()). Listings prefetch
        reason_object (TrainingAssignmentQuerySet.with_reason). A manager's
        reason, and rows from before reason_object, show the stored words.
        """
        about = self.reason_object if self.reason_type_id else None
        if about is not None and self.source == self.Source.ROLE:
            return _("Required for the role %(role)s") % {"role": about}
        name = about if about is not None else self.reason
        if self.source == self.Source.RENEWAL and name:
            return _("To renew the certificate “%(name)s”") % {"name": name}
        if not self.reason and self.reason_type_id:
            # What asked for it is gone: at least the kind of reason.
            return str(self.get_source_display())
        return self.reason


class AssignmentDemand(models.Model):
    """Why an assignment exists: a role membership or a manager's batch."""

    assignment = models.ForeignKey(
        TrainingAssignment, on_delete=models.CASCADE, related_name="demands"
    )
    membership = models.ForeignKey(
        "lms.RoleMembership",
        on_delete=models.CASCADE,
        null=True,
        related_name="demands",
    )
    batch = models.ForeignKey(
        AssignmentBatch, on_delete=models.CASCADE, null=True, related_name="demands"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("assignment demand")
        verbose_name_plural = _("assignment demands")
        constraints = [
            models.CheckConstraint(
                condition=Q(membership__isnull=True, batch__isnull=False)
                | Q(membership__isnull=False, batch__isnull=True),
                name="lms_demand_has_one_source",
            ),
            models.UniqueConstraint(
                fields=["assignment", "membership"], name="lms_demand_per_membership"
            ),
            models.UniqueConstraint(
                fields=["assignment", "batch"], name="lms_demand_per_batch"
            ),
        ]


class Exemption(models.Model):
    """Prior learning: the person need not take the course, on someone's authority."""

    assignment = models.OneToOneField(
        TrainingAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="exemption",
    )
    reason = models.CharField(_("reason"), max_length=300)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("exemption")
        verbose_name_plural = _("exemptions")

    def __str__(self):
        return f"{self.assignment}: {self.reason}"


class DueDateExtension(models.Model):
    """A later due date, granted on top of the original, which stays recorded."""

    assignment = models.ForeignKey(
        TrainingAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="extensions",
    )
    due_on = models.DateField(_("new due date"))
    reason = models.CharField(_("reason"), max_length=300)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("due date extension")
        verbose_name_plural = _("due date extensions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.assignment} → {self.due_on}"
