"""Report exports too large for a request, prepared by a background task.

A report page (lms.reports.views.HubReportView, certification's reports
too) exports inline up to ``LMS_EXPORT_INLINE_MAX_ROWS`` rows. A larger
export becomes an ExportJob: the task (lms.export_tasks) builds the report's
view again, as its requester with the filters of their request, and writes
the same file chunk by chunk to a temporary file, then to the private
``exports`` storage; the requester sees its progress on the report page and
downloads it there, or from the link mailed to them, until it expires.

Every run re-checks the requester's permission and scope: a manager whose
units changed meanwhile gets the rows they may see when it runs. A retried
run starts the file again (the job's attempt number fences off a run that
was replaced); the file is offered only once it is whole.
"""

import logging
import tempfile
from datetime import timedelta

from django.core.files import File
from django.core.files.storage import storages
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import IntegrityError, transaction
from django.http import HttpRequest, QueryDict
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, resolve, reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from lms import app_settings, persons
from lms.models import ExportJob
from lms.models.exports import FILTERS_MAX_LENGTH
from lms.reports.exports import LISTING_ONLY_PARAMETERS, StreamingSpreadsheetExportMixin
from lms.support.site_urls import absolute_url

logger = logging.getLogger(__name__)

# Why a job failed, by the code kept in its error field.
ERRORS = {
    "forbidden": _("You may no longer see this report."),
    "filters": _("The filters of this export could not be applied."),
    "interrupted": _("The export was interrupted. Ask for it again."),
    "failed": _("The export could not be prepared. Ask for it again."),
}
CONTENT_TYPES = {
    ExportJob.Format.CSV: "text/csv; charset=utf-8",
    ExportJob.Format.XLSX: (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
}


class ExportRefused(Exception):
    """An export that cannot be prepared; code is a key of ERRORS."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code

    @property
    def message(self):
        return ERRORS[self.code]


class Superseded(Exception):
    """This run is no longer the job's: a retry took over, or it was dropped."""


def storage():
    """The private storage of prepared exports."""
    return storages[app_settings.EXPORT_STORAGE]


def error_message(job: ExportJob) -> str:
    """Why a job failed, in the active language."""
    code = job.error.partition(":")[0]
    return str(ERRORS.get(code, ERRORS["failed"]))


# The reports


def report_view_class(report: str):
    """The view of a report by its URL name, if it exports; else None."""
    try:
        match = resolve(reverse(report))
    except NoReverseMatch:
        return None
    view_class = getattr(match.func, "view_class", None)
    if (
        view_class is None
        or match.func.view_initkwargs
        or not issubclass(view_class, StreamingSpreadsheetExportMixin)
        or not hasattr(view_class, "user_may_view")
    ):
        return None
    return view_class


def report_title(report: str) -> str:
    view_class = report_view_class(report)
    return str(getattr(view_class, "page_title", "") or report)


def report_url(report: str, filters: str = "") -> str:
    """The report's page with these filters."""
    url = reverse(report)
    return f"{url}?{filters}" if filters else url


def may_export(user, report: str) -> bool:
    """Whether a person may export a report now."""
    view_class = report_view_class(report)
    return view_class is not None and view_class.user_may_view(user)


def normalise_filters(query: str) -> str:
    """A report's query string as an export keeps it: the parameters that
    filter or order, sorted, without empty values, the page or the export
    format; equal filters give equal strings."""
    params = QueryDict(query)
    kept = [
        (name, value)
        for name in sorted(params)
        if name not in (*LISTING_ONLY_PARAMETERS, "export")
        for value in params.getlist(name)
        if value != ""
    ]
    return urlencode(kept)


def build_view(*, report: str, user, filters: str):
    """The report's view set up as if ``user`` had opened it with these
    filters: the same rows, scope and checks as on the page."""
    view_class = report_view_class(report)
    if view_class is None:
        raise ExportRefused("failed")
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = reverse(report)
    request.GET = QueryDict(filters)
    request.user = user
    request.META = {"SERVER_NAME": "localhost", "SERVER_PORT": "80"}
    view = view_class()
    view.setup(request)
    return view


def check_filters(*, report: str, user, filters: str) -> None:
    """Refuse filters that the report would refuse (ExportRefused)."""
    view = build_view(report=report, user=user, filters=filters)
    if view.filter_errors:
        raise ExportRefused("filters")


# Asking


def start_url(*, report: str, export_format: str, filters: str) -> str:
    """The page that offers to prepare an export in the background."""
    query = urlencode(
        {
            "report": report,
            "format": export_format,
            "filters": normalise_filters(filters),
        }
    )
    return f"{reverse('hub_export_start')}?{query}"


def active_job(*, requester, report: str, export_format: str, filters: str):
    """The same export, still on its way, if there is one."""
    return (
        ExportJob.objects.active()
        .filter(
            requester=requester,
            report=report,
            export_format=export_format,
            filters=filters,
        )
        .first()
    )


def request_export(
    *, requester, report: str, export_format: str, filters: str, language: str
) -> tuple[ExportJob, bool]:
    """Queue an export, or find the same one on its way; (job, created).

    The caller has checked that the requester may see the report; the
    filters must be normalised (normalise_filters) and valid. A job left
    without progress for LMS_EXPORT_STALE_MINUTES counts as abandoned: it is
    marked failed and a new one starts.
    """
    from lms.export_tasks import enqueue_export

    if len(filters) > FILTERS_MAX_LENGTH:
        raise ExportRefused("filters")
    key = {
        "requester": requester,
        "report": report,
        "export_format": export_format,
        "filters": filters,
    }
    with transaction.atomic():
        # The requester sees the interruption on the page: no mail about it.
        fail_stale(ExportJob.objects.filter(**key), mail=False)
        existing = ExportJob.objects.active().filter(**key).first()
        if existing is not None:
            return existing, False
        try:
            with transaction.atomic():
                job = ExportJob.objects.create(**key, language=language)
        except IntegrityError:
            # Asked twice at once: the other request's job is the one.
            return ExportJob.objects.active().get(**key), False
        log(
            job,
            "lms.export_request",
            user=requester,
            data={
                "report": report_title(report),
                "format": job.get_export_format_display(),
                "filters": filters,
            },
        )
        enqueue_export(job.pk)
    return job, True


def fail_stale(jobs, now=None, *, mail: bool = True) -> int:
    """Mark failed the jobs among these left without progress too long (a
    worker that died without a retry); without ``mail``, none is told."""
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=app_settings.EXPORT_STALE_MINUTES)
    stale = list(jobs.active().filter(updated_at__lt=cutoff))
    for job in stale:
        # What a run that crashed after storing its file may have left.
        _discard_file(stored_name(job))
    return ExportJob.objects.filter(
        pk__in=[job.pk for job in stale], updated_at__lt=cutoff
    ).update(
        status=ExportJob.Status.FAILED,
        error="interrupted",
        finished_at=now,
        mailed_at=None if mail else now,
    )


# Running


def stored_name(job: ExportJob) -> str:
    """Where a job's file is kept: one name per job, so that a retry
    replaces what a crashed run may have left."""
    return f"job-{job.pk}.{job.export_format}"


def run_export(job_id: int) -> str:
    """Prepare a job's file (the task's body); safe to run again.

    Returns the job's status afterwards. A job that is ready or failed gets
    its mail if it has not had it; one that is queued or running (a retry
    after a crash) is written again from the start.
    """
    attempt = _begin(job_id)
    if attempt is None:
        status = (
            ExportJob.objects.filter(pk=job_id).values_list("status", flat=True).first()
        )
        if status in (ExportJob.Status.READY, ExportJob.Status.FAILED):
            send_result_mail(job_id)
        return status or "missing"
    job = ExportJob.objects.select_related("requester").get(pk=job_id)
    try:
        with translation.override(job.language):
            _write(job, attempt)
    except Superseded:
        return "superseded"
    except ExportRefused as refusal:
        _fail(job, attempt, refusal.code)
    except Exception as error:
        logger.exception("Export job %s failed", job_id)
        _fail(job, attempt, f"failed: {type(error).__name__}")
    send_result_mail(job_id)
    purge_expired()
    return ExportJob.objects.values_list("status", flat=True).get(pk=job_id)


def _begin(job_id: int) -> int | None:
    """Take the job for this run: its new attempt number, or None if there
    is nothing to write (done, failed, expired or gone)."""
    with transaction.atomic():
        job = ExportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or not job.is_active:
            return None
        job.attempts += 1
        job.status = ExportJob.Status.RUNNING
        job.rows_done = 0
        job.rows_total = None
        job.error = ""
        job.updated_at = timezone.now()
        job.save(
            update_fields=[
                "attempts",
                "status",
                "rows_done",
                "rows_total",
                "error",
                "updated_at",
            ]
        )
        return job.attempts


def _progress(job: ExportJob, attempt: int, **fields) -> None:
    """Record progress, unless this run has been replaced (Superseded)."""
    updated = ExportJob.objects.filter(
        pk=job.pk, attempts=attempt, status=ExportJob.Status.RUNNING
    ).update(updated_at=timezone.now(), **fields)
    if not updated:
        raise Superseded


def _write(job: ExportJob, attempt: int) -> None:
    requester = job.requester
    if not may_export(requester, job.report):
        raise ExportRefused("forbidden")
    view = build_view(report=job.report, user=requester, filters=job.filters)
    if view.filter_errors:
        raise ExportRefused("filters")
    queryset = view.get_export_queryset()
    _progress(job, attempt, rows_total=queryset.count())
    written = 0

    def progress(rows: int) -> None:
        nonlocal written
        written = rows
        _progress(job, attempt, rows_done=rows)

    with tempfile.TemporaryFile(suffix=f".{job.export_format}") as output:
        if job.export_format == ExportJob.Format.CSV:
            view.write_csv(queryset, output, progress)
        else:
            view.write_xlsx(queryset, output, progress)
        output.seek(0)
        name = stored_name(job)
        _discard_file(name)
        name = storage().save(name, File(output, name=name))
    file_name = f"{view.get_filename()}.{job.export_format}"
    _finish(job, attempt, name=name, file_name=file_name, rows=written)


def _finish(job: ExportJob, attempt: int, *, name: str, file_name: str, rows: int):
    now = timezone.now()
    with transaction.atomic():
        updated = ExportJob.objects.filter(
            pk=job.pk, attempts=attempt, status=ExportJob.Status.RUNNING
        ).update(
            status=ExportJob.Status.READY,
            storage_name=name,
            file_name=file_name,
            rows_done=rows,
            rows_total=rows,
            updated_at=now,
            finished_at=now,
            expires_at=now + timedelta(hours=app_settings.EXPORT_EXPIRY_HOURS),
        )
    if not updated:
        # Replaced meanwhile: the file is the replacement's to write.
        _discard_file(name)
        raise Superseded


def _fail(job: ExportJob, attempt: int, error: str) -> None:
    now = timezone.now()
    ExportJob.objects.filter(pk=job.pk, attempts=attempt).exclude(
        status=ExportJob.Status.READY
    ).update(
        status=ExportJob.Status.FAILED,
        error=error[:500],
        updated_at=now,
        finished_at=now,
    )


def _discard_file(name: str) -> None:
    if name:
        try:
            storage().delete(name)
        except FileNotFoundError:
            pass


# Mail


def send_result_mail(job_id: int) -> bool:
    """Tell the requester their export is ready (or failed); once per job.

    The row is locked while the mail goes out, so two runs cannot both send
    it; a failure to send is logged and the daily run tries again.
    """
    try:
        with transaction.atomic():
            job = (
                ExportJob.objects.select_for_update()
                .select_related("requester")
                .filter(
                    pk=job_id,
                    mailed_at__isnull=True,
                    status__in=[ExportJob.Status.READY, ExportJob.Status.FAILED],
                )
                .first()
            )
            if job is None or not job.requester.email:
                return False
            mailers.default.send_messages([_result_message(job)])
            job.mailed_at = timezone.now()
            job.save(update_fields=["mailed_at"])
    except Exception:
        logger.exception("Could not mail the result of export job %s", job_id)
        return False
    return True


def _result_message(job: ExportJob) -> EmailMultiAlternatives:
    """The mail about a finished job, in the requester's language."""
    recipient = job.requester
    language = persons.language(recipient)
    template = "ready" if job.status == ExportJob.Status.READY else "failed"
    with translation.override(language):
        context = {
            "job": job,
            "recipient": recipient,
            "language": translation.get_language(),
            "report_title": job.report_title,
            "job_url": absolute_url(reverse("hub_export", args=[job.pk])),
            "error": error_message(job),
        }
        subject = " ".join(
            render_to_string(
                f"lms/emails/export_{template}_subject.txt", context
            ).split()
        )
        context["subject"] = subject
        text = render_to_string(f"lms/emails/export_{template}_body.txt", context)
        html = render_to_string(f"lms/emails/export_{template}_body.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[recipient.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message


# Downloading and expiry


def open_download(job: ExportJob, *, user):
    """The job's file, opened for its requester, and the download logged.

    The caller has checked that the job is the user's and downloadable.
    """
    file = storage().open(job.storage_name, "rb")
    log(
        job,
        "lms.export_download",
        user=user,
        data={
            "report": job.report_title,
            "format": job.get_export_format_display(),
            "rows": job.rows_total,
        },
    )
    return file


def purge_expired(now=None) -> int:
    """Delete the files past their time and mark their jobs expired; how
    many were deleted."""
    now = now or timezone.now()
    deleted = 0
    for job in ExportJob.objects.expired(now).only("pk", "storage_name"):
        _discard_file(job.storage_name)
        deleted += ExportJob.objects.filter(
            pk=job.pk, status=ExportJob.Status.READY
        ).update(status=ExportJob.Status.EXPIRED, storage_name="")
    return deleted


def daily_cleanup(now=None) -> str:
    """The daily run's part: expired files deleted, abandoned jobs failed,
    the mails that could not be sent sent again."""
    now = now or timezone.now()
    deleted = purge_expired(now)
    interrupted = fail_stale(ExportJob.objects.all(), now)
    unsent = ExportJob.objects.filter(
        mailed_at__isnull=True,
        status__in=[ExportJob.Status.READY, ExportJob.Status.FAILED],
        finished_at__lt=now - timedelta(minutes=5),
    ).values_list("pk", flat=True)
    mailed = sum(send_result_mail(pk) for pk in list(unsent))
    return (
        f"export files deleted: {deleted}, interrupted: {interrupted}, "
        f"mails sent again: {mailed}"
    )
