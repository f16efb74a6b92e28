from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from lms.personal_data import erasure


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person of the organisation: logs in with their email address."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("How the person is shown.")
    )
    employee_number = models.CharField(
        _("employee number"),
        max_length=50,
        blank=True,
        help_text=_("The number HR knows the person by, e.g. from an import."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("The language the site speaks to this person."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name", "email"]

    def __str__(self):
        return self.get_full_name()

    def get_full_name(self):
        # An erased person's stored name reads in the reader's language.
        return erasure.readable_names(self.name) if self.name else self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


class HomePage(Page):
    """The site's front page: an introduction and the way in to the courses."""

    intro = models.CharField(_("introduction"), max_length=255, blank=True)
    body = RichTextField(
        _("body"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class AccessibilityStatementPage(Page):
    """The site's accessibility statement, in the form Dutch public bodies
    publish (the model of digitoegankelijk.nl): the standard, the status
    reached, how it is tested, the known gaps and whom to contact.

    One address in every language: Wagtail routes a request through the
    translation of the site's root in the reader's language, and a
    translation keeps the page's slug.
    """

    class Status(models.TextChoices):
        A = "A", _("A: meets the requirements fully")
        B = "B", _("B: meets the requirements partly")
        C = "C", _("C: first measures taken")
        D = "D", _("D: first measures not yet taken")
        E = "E", _("E: does not meet the requirements")

    standard = models.CharField(_("standard"), max_length=100, default="WCAG 2.2 AA")
    status = models.CharField(
        _("status"), max_length=1, choices=Status.choices, default=Status.B
    )
    statement_date = models.DateField(_("date of the statement"))
    scope = RichTextField(
        _("what it covers"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    testing = RichTextField(
        _("how it is tested"), features=["h3", "bold", "italic", "link", "ol", "ul"]
    )
    known_gaps = RichTextField(
        _("known gaps"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ol", "ul"],
    )
    contact_email = models.EmailField(_("contact email"))
    contact = RichTextField(
        _("contact"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("How to report a barrier, and when to expect an answer."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("standard"),
        FieldPanel("status"),
        FieldPanel("statement_date"),
        FieldPanel("scope"),
        FieldPanel("testing"),
        FieldPanel("known_gaps"),
        FieldPanel("contact_email"),
        FieldPanel("contact"),
    ]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")
