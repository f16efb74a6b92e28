from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms import app_settings

# Longest filter query string kept (and so accepted): every report's filters
# fit many times over, and the unique index below stays within PostgreSQL's
# limit for one entry.
FILTERS_MAX_LENGTH = 2000


class ExportJobQuerySet(models.QuerySet):
    def active(self):
        """Jobs queued or running."""
        return self.filter(status__in=ExportJob.ACTIVE)

    def of(self, user):
        """The jobs a person asked for."""
        return self.filter(requester=user)

    def shown(self, now=None):
        """Jobs worth showing: queued or running; ready and in time; failed
        within the time a file would have been kept."""
        now = now or timezone.now()
        kept = timedelta(hours=app_settings.EXPORT_EXPIRY_HOURS)
        return self.filter(
            Q(status__in=ExportJob.ACTIVE)
            | Q(status=ExportJob.Status.READY, expires_at__gt=now)
            | Q(status=ExportJob.Status.FAILED, finished_at__gt=now - kept)
        )

    def expired(self, now=None):
        """Ready jobs whose file is past its time."""
        now = now or timezone.now()
        return self.filter(status=ExportJob.Status.READY, expires_at__lte=now)


class ExportJob(models.Model):
    """A report's spreadsheet prepared in the background for one person.

    The report is named by the URL name of its page; the filters are the
    page's query string, applied again when the job runs, in the scope the
    requester has then. The file is offered (``storage_name`` set, status
    ready) only once it is whole.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Expired")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        on_delete=models.CASCADE,
        related_name="export_jobs",
    )
    report = models.CharField(_("report"), max_length=100)
    export_format = models.CharField(_("format"), max_length=4, choices=Format)
    filters = models.CharField(_("filters"), max_length=FILTERS_MAX_LENGTH, blank=True)
    language = models.CharField(_("language"), max_length=15)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.QUEUED
    )
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    rows_total = models.PositiveIntegerField(_("rows in all"), null=True, blank=True)
    # Counts the runs: a run whose number is no longer the job's has been
    # replaced by a retry and stops writing.
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    storage_name = models.CharField(_("stored as"), max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["requester", "report", "-created_at"],
                name="lms_exportjob_requester",
            ),
            models.Index(fields=["status", "expires_at"], name="lms_exportjob_expiry"),
        ]
        constraints = [
            # A second click while the same export is on its way finds it.
            models.UniqueConstraint(
                fields=["requester", "report", "export_format", "filters"],
                condition=Q(status__in=["queued", "running"]),
                name="lms_exportjob_one_active",
            ),
            models.CheckConstraint(
                condition=Q(status="ready", storage_name__gt="") | ~Q(status="ready"),
                name="lms_exportjob_ready_has_file",
            ),
        ]

    def __str__(self):
        return f"{self.report_title} ({self.get_export_format_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def report_title(self) -> str:
        """The report's title, in the active language."""
        from lms.reports.export_jobs import report_title

        return report_title(self.report)

    @property
    def error_message(self) -> str:
        """Why the job failed, in the active language."""
        from lms.reports.export_jobs import error_message

        return error_message(self)

    @property
    def percent_done(self) -> int | None:
        if not self.rows_total:
            return 100 if self.status == self.Status.READY else None
        return min(100, self.rows_done * 100 // self.rows_total)

    def is_downloadable(self, now=None) -> bool:
        """Ready and not yet past its time."""
        now = now or timezone.now()
        return (
            self.status == self.Status.READY
            and self.expires_at is not None
            and self.expires_at > now
        )
