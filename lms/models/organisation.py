from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from treebeard.mp_tree import MP_Node
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from lms import persons
from lms.querysets import OrgUnitManager, RoleMembershipQuerySet


class OrgUnit(MP_Node):
    """The hub, a spoke or a team below them; managers manage the subtree."""

    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managers"),
        related_name="managed_units",
        blank=True,
    )

    node_order_by = ["name"]
    objects = OrgUnitManager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        permissions = [
            ("view_all_units", _("Can see every unit of the organisation")),
        ]

    def __str__(self):
        return self.name

    @property
    def indented_name(self) -> str:
        """The name indented by depth, for flat lists of the tree."""
        return "\u2003" * (self.depth - 1) + self.name

    def path_label(self, units_by_path=None) -> str:
        """The names from the root down, joined by '/', e.g. 'Hub/Webcare'."""
        if units_by_path is None:
            names = [unit.name for unit in self.get_ancestors()]
        else:
            names = [
                units_by_path[self.path[:end]].name
                for end in range(self.steplen, len(self.path), self.steplen)
            ]
        return "/".join([*names, self.name])


class Role(ClusterableModel):
    """A role in the hub, with what it is for and the training it requires."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    purpose = models.TextField(_("purpose"), blank=True)
    tasks = models.TextField(_("tasks"), blank=True)
    responsibilities = models.TextField(_("responsibilities"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("purpose"),
        FieldPanel("tasks"),
        FieldPanel("responsibilities"),
        InlinePanel(
            "requirements", label=_("Required courses"), heading=_("Required courses")
        ),
    ]

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RoleRequirement(Orderable):
    """A course the role requires, due a number of days after joining the role."""

    role = ParentalKey(Role, on_delete=models.CASCADE, related_name="requirements")
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="role_requirements",
    )
    due_within_days = models.PositiveSmallIntegerField(
        _("due within (days)"),
        default=30,
        # Three years, LMS_MAX_DAYS_AHEAD's default: a due date reaches no
        # further than a manager may set one.
        validators=[MinValueValidator(1), MaxValueValidator(1096)],
        help_text=_("Days after joining the role."),
    )

    panels = [FieldPanel("course"), FieldPanel("due_within_days")]

    class Meta(Orderable.Meta):
        verbose_name = _("required course")
        verbose_name_plural = _("required courses")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "course"], name="lms_role_requires_course_once"
            ),
        ]

    def __str__(self):
        return f"{self.role}: {self.course}"


class RoleMembership(models.Model):
    """A person in a unit, in a role or (role empty) simply as a member.

    Ending a membership keeps it: the history of who held which role stays.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.ForeignKey(
        Role,
        verbose_name=_("role"),
        on_delete=models.PROTECT,
        related_name="memberships",
        null=True,
        blank=True,
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = RoleMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-started_on", "-pk"]
        constraints = [
            # One current membership per person, unit and role (or no role).
            models.UniqueConstraint(
                F("user"),
                F("unit"),
                Coalesce(F("role"), Value(0)),
                condition=Q(ended_on__isnull=True),
                name="lms_one_current_membership",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="lms_membership_ends_after_start",
            ),
        ]

    def __str__(self):
        role = self.role or _("member")
        return f"{persons.display_name(self.user)} – {role} ({self.unit})"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None
