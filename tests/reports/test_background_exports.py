"""Exports too large for a request: prepared by a task, downloaded by their
requester alone, for a limited time, every step in the audit trail."""

import io
import tracemalloc
from datetime import timedelta
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from lms.audit import services as audit_trail
from lms.models import ExportJob, RoleMembership, TrainingAssignment
from lms.reports import export_jobs
from tests.reports.pages import csv_rows, xlsx_rows
from tests.reports.test_memory import copy_assignments

pytestmark = pytest.mark.django_db

REPORTS = [
    "hub_reports_completion",
    "hub_reports_overdue",
    "hub_reports_certificates",
    "hub_reports_expiring",
]
START = reverse("hub_export_start")


@pytest.fixture
def small_limit(settings):
    """Reports of more than one row are exported in the background."""
    settings.LMS_EXPORT_INLINE_MAX_ROWS = 1
    return 1


def stored_file(job) -> bytes:
    with export_jobs.storage().open(job.storage_name, "rb") as file:
        return file.read()


def file_rows(job) -> list[list[str]]:
    class Stored:
        streaming = False
        content = stored_file(job)

    if job.export_format == "csv":
        return csv_rows(Stored)
    return xlsx_rows(Stored)


def ask(client, report, export_format="csv", filters="", *, run, capture):
    """Ask for a background export as the client; run: whether its task runs
    (the immediate backend runs it when the request commits)."""
    with capture(execute=run):
        response = client.post(
            START, {"report": report, "format": export_format, "filters": filters}
        )
    assert response.status_code == HTTPStatus.FOUND, response.content[:500]
    return response


def latest_job():
    return ExportJob.objects.latest("pk")


def refused_by_wagtail(response) -> bool:
    """Wagtail answers an admin view's PermissionDenied with its dashboard."""
    return response.status_code == HTTPStatus.FOUND and response["Location"] == reverse(
        "wagtailadmin_home"
    )


# Threshold


@pytest.mark.parametrize("name", REPORTS)
def test_exports_up_to_the_limit_stay_inline(viewer, settings, name):
    client = viewer("hr")
    url = reverse(name) + ("?days=45" if name == "hub_reports_expiring" else "")
    settings.LMS_EXPORT_INLINE_MAX_ROWS = None
    rows = csv_rows(client.get(url, {"export": "csv"}))
    settings.LMS_EXPORT_INLINE_MAX_ROWS = len(rows) - 1
    response = client.get(url, {"export": "csv"})
    assert response.status_code == HTTPStatus.OK
    assert csv_rows(response) == rows
    assert not ExportJob.objects.exists()


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_larger_export_is_offered_in_the_background(
    viewer, org, small_limit, name, export_format
):
    client = viewer("hr")
    response = client.get(reverse(name), {"export": export_format, "p": "2"})
    assert response.status_code == HTTPStatus.FOUND
    location = urlsplit(response["Location"])
    assert location.path == START
    query = parse_qs(location.query)
    assert query["report"] == [name]
    assert query["format"] == [export_format]
    # The page number is no filter.
    assert "filters" not in query or "p=" not in query["filters"][0]
    page = client.get(response["Location"])
    assert page.status_code == HTTPStatus.OK
    text = page.content.decode()
    assert "more than 1 row:" in text
    assert f'name="report" value="{name}"' in text
    # Offering writes nothing.
    assert not ExportJob.objects.exists()


# The background path, end to end


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("hub_reports_completion", lambda org: {"status": "overdue"}),
        ("hub_reports_completion", lambda org: {"unit": org.hub.team.pk}),
        ("hub_reports_completion", lambda org: {"ordering": "-due"}),
        ("hub_reports_overdue", lambda org: {"unit": org.hub.spoke.pk}),
        ("hub_reports_certificates", lambda org: {"certification": org.crisis.pk}),
        ("hub_reports_expiring", lambda org: {"days": "45"}),
    ],
)
@pytest.mark.parametrize("kind", ["hr", "manager"])
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_file_holds_what_the_inline_export_holds(
    viewer,
    org,
    settings,
    django_capture_on_commit_callbacks,
    name,
    query,
    kind,
    export_format,
):
    client = viewer(kind)
    params = {**query(org), "export": export_format}
    settings.LMS_EXPORT_INLINE_MAX_ROWS = None
    inline = client.get(reverse(name), params)
    expected = csv_rows(inline) if export_format == "csv" else xlsx_rows(inline)
    settings.LMS_EXPORT_INLINE_MAX_ROWS = 0
    offer = client.get(reverse(name), params)
    filters = parse_qs(urlsplit(offer["Location"]).query).get("filters", [""])[0]
    ask(
        client,
        name,
        export_format,
        filters,
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    job = latest_job()
    assert job.status == ExportJob.Status.READY
    assert job.requester == getattr(org.hub, kind)
    assert file_rows(job) == expected
    assert job.rows_done == job.rows_total == len(expected) - 1
    assert job.file_name.startswith(inline_name(inline))
    assert job.storage_name


def inline_name(response) -> str:
    disposition = response["Content-Disposition"]
    return disposition.split('filename="')[1].split(".")[0]


def test_the_task_runs_on_the_exports_queue():
    from lms.export_tasks import run_export_task

    assert run_export_task.queue_name == "exports"


def test_asking_queues_once_and_a_second_click_shows_the_same_job(
    viewer, org, small_limit, django_capture_on_commit_callbacks
):
    client = viewer("hr")
    first = ask(
        client,
        "hub_reports_completion",
        run=False,
        capture=django_capture_on_commit_callbacks,
    )
    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.QUEUED
    assert first["Location"] == reverse("hub_export", args=[job.pk])
    second = ask(
        client,
        "hub_reports_completion",
        run=False,
        capture=django_capture_on_commit_callbacks,
    )
    assert second["Location"] == first["Location"]
    # The report's download link leads to the job too.
    offer = client.get(reverse("hub_reports_completion"), {"export": "csv"})
    assert client.get(offer["Location"])["Location"] == first["Location"]
    assert ExportJob.objects.count() == 1
    # Another format is another export.
    ask(
        client,
        "hub_reports_completion",
        "xlsx",
        run=False,
        capture=django_capture_on_commit_callbacks,
    )
    assert ExportJob.objects.count() == 2


def test_a_job_left_without_progress_is_replaced(
    viewer, org, small_limit, settings, django_capture_on_commit_callbacks
):
    settings.LMS_EXPORT_STALE_MINUTES = 15
    client = viewer("hr")
    ask(
        client,
        "hub_reports_completion",
        run=False,
        capture=django_capture_on_commit_callbacks,
    )
    old = ExportJob.objects.get()
    ExportJob.objects.filter(pk=old.pk).update(
        status=ExportJob.Status.RUNNING,
        updated_at=timezone.now() - timedelta(minutes=16),
    )
    ask(
        client,
        "hub_reports_completion",
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    old.refresh_from_db()
    assert old.status == ExportJob.Status.FAILED
    assert old.error == "interrupted"
    assert latest_job().status == ExportJob.Status.READY
    # The abandoned run, if it ever comes back, writes nothing.
    assert export_jobs.run_export(old.pk) == ExportJob.Status.FAILED


def test_bad_filters_are_refused_before_anything_is_queued(
    viewer, org, small_limit, django_capture_on_commit_callbacks
):
    client = viewer("manager")
    # Marketing is not the manager's unit: the report refuses the value.
    for data in (
        {"report": "hub_reports_completion", "format": "csv", "filters": "unit=999"},
        {
            "report": "hub_reports_completion",
            "format": "csv",
            "filters": f"unit={org.hub.other_spoke.pk}",
        },
        {"report": "hub_reports_completion_results", "format": "csv"},
        {"report": "wagtailadmin_home", "format": "csv"},
        {"report": "hub_reports_completion", "format": "pdf"},
        {
            "report": "hub_reports_completion",
            "format": "csv",
            "filters": "role=1&" * 400,
        },
        {},
    ):
        response = client.post(START, data)
        assert response.status_code == HTTPStatus.BAD_REQUEST, data
        assert client.get(START, data).status_code == HTTPStatus.BAD_REQUEST
    assert not ExportJob.objects.exists()


def test_only_who_may_see_the_report_may_ask(client, org, hub):
    data = {"report": "hub_reports_completion", "format": "csv"}
    client.force_login(hub.coordinator)
    assert refused_by_wagtail(client.post(START, data))
    assert refused_by_wagtail(client.get(START, data))
    assert not ExportJob.objects.exists()


# Progress


def test_the_page_shows_progress_in_a_live_region_without_needing_a_script(
    viewer, org, small_limit, django_capture_on_commit_callbacks
):
    client = viewer("hr")
    ask(
        client,
        "hub_reports_completion",
        run=False,
        capture=django_capture_on_commit_callbacks,
    )
    job = ExportJob.objects.get()
    job_url = reverse("hub_export", args=[job.pk])

    page = client.get(job_url).content.decode()
    assert 'role="status" aria-live="polite"' in page
    assert "Waiting to be prepared." in page
    assert f'data-export-poll="{job_url}?fragment=status"' in page
    assert f'<a href="{job_url}">Check again</a>' in page
    assert "lms/export_progress.js" in page

    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.RUNNING, rows_done=4000, rows_total=9000
    )
    fragment = client.get(job_url, {"fragment": "status"})
    text = fragment.content.decode()
    assert "<html" not in text
    assert "Being prepared." in text
    assert '<progress max="9000" value="4000"' in text
    assert "4,000 of 9,000 rows written." in text

    # The report page shows the viewer's exports of it, above the results.
    report = client.get(reverse("hub_reports_completion")).content.decode()
    assert "Your exports of this report" in report
    assert "4,000 of 9,000 rows written." in report
    assert report.index("Your exports of this report") < report.index(
        'id="listing-results"'
    )
    # Another report, and another person, show none of it.
    assert (
        "Your exports"
        not in client.get(reverse("hub_reports_overdue")).content.decode()
    )
    other = viewer("manager").get(reverse("hub_reports_completion"))
    assert "Your exports" not in other.content.decode()


def test_a_ready_job_offers_its_download_and_stops_asking(
    viewer, org, small_limit, django_capture_on_commit_callbacks
):
    client = viewer("hr")
    ask(
        client,
        "hub_reports_completion",
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    job = latest_job()
    page = client.get(reverse("hub_export", args=[job.pk])).content.decode()
    assert "Ready to download." in page
    assert "9 rows. You can download it until" in page
    assert f'action="{reverse("hub_export_download", args=[job.pk])}"' in page
    assert "data-export-poll" not in page


# Mail


def test_the_requester_gets_one_mail_in_their_language(
    viewer, org, small_limit, django_capture_on_commit_callbacks, mailoutbox
):
    org.hub.manager.language = "nl"
    org.hub.manager.save()
    client = viewer("manager")
    ask(
        client,
        "hub_reports_completion",
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    job = latest_job()
    [mail] = mailoutbox
    assert mail.to == [org.hub.manager.email]
    # The report's name in Dutch, as its page is called there.
    assert "Afronding van cursussen" in mail.subject
    job_url = "http://testserver" + reverse("hub_export", args=[job.pk])
    assert job_url in mail.body
    html = mail.alternatives[0].content
    assert 'lang="nl"' in html
    assert f'href="{job_url}"' in html
    assert mail.extra_headers["Auto-Submitted"] == "auto-generated"
    # Running the task again sends nothing more.
    assert export_jobs.run_export(job.pk) == ExportJob.Status.READY
    assert export_jobs.send_result_mail(job.pk) is False
    assert len(mailoutbox) == 1


def test_a_mail_that_could_not_be_sent_goes_out_with_the_daily_run(
    viewer,
    org,
    small_limit,
    django_capture_on_commit_callbacks,
    mailoutbox,
    monkeypatch,
):
    client = viewer("hr")

    def refuse(messages):
        raise OSError("no mail server")

    with monkeypatch.context() as patched:
        patched.setattr(export_jobs, "_result_message", refuse)
        ask(
            client,
            "hub_reports_completion",
            run=True,
            capture=django_capture_on_commit_callbacks,
        )
    job = latest_job()
    assert job.status == ExportJob.Status.READY
    assert job.mailed_at is None
    assert not mailoutbox
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        call_command("lms_daily", stdout=io.StringIO())
    assert len(mailoutbox) == 1
    job.refresh_from_db()
    assert job.mailed_at is not None


# Downloading


def test_only_the_requester_downloads_the_file(
    client, org, small_limit, django_capture_on_commit_callbacks
):
    hub = org.hub
    client.force_login(hub.manager)
    ask(
        client,
        "hub_reports_completion",
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    job = latest_job()
    download = reverse("hub_export_download", args=[job.pk])
    page = reverse("hub_export", args=[job.pk])

    response = client.post(download)
    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content) == stored_file(job)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{job.file_name}"' in response["Content-Disposition"]
    # A link cannot download it: a GET is refused.
    assert client.get(download).status_code == HTTPStatus.METHOD_NOT_ALLOWED

    for someone_else in (hub.other_manager, hub.hr):
        client.force_login(someone_else)
        assert client.post(download).status_code == HTTPStatus.NOT_FOUND
        assert client.get(page).status_code == HTTPStatus.NOT_FOUND
        assert client.get(download).status_code == HTTPStatus.NOT_FOUND
    client.logout()
    response = client.post(download)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(resolve_url(django_settings.LOGIN_URL))


def test_a_requester_who_lost_the_permission_cannot_download(
    client, org, small_limit, django_capture_on_commit_callbacks
):
    hub = org.hub
    client.force_login(hub.manager)
    ask(
        client,
        "hub_reports_completion",
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    job = latest_job()
    hub.manager.groups.remove(Group.objects.get(name="Hub managers"))
    hub.manager.groups.add(Group.objects.get(name="Editors"))
    response = client.post(reverse("hub_export_download", args=[job.pk]))
    assert refused_by_wagtail(response)


def test_files_expire_and_the_daily_run_deletes_them(
    viewer, org, small_limit, settings, django_capture_on_commit_callbacks
):
    settings.LMS_EXPORT_EXPIRY_HOURS = 24
    client = viewer("hr")
    ask(
        client,
        "hub_reports_completion",
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    job = latest_job()
    assert job.expires_at - job.finished_at == timedelta(hours=24)
    download = reverse("hub_export_download", args=[job.pk])
    with time_machine.travel(job.expires_at + timedelta(seconds=1)):
        response = client.post(download)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == reverse("hub_export", args=[job.pk])
        page = client.get(response["Location"]).content.decode()
        assert "This export can no longer be downloaded." in page
        assert "has expired" in page
        assert (
            "Your exports"
            not in client.get(reverse("hub_reports_completion")).content.decode()
        )
        assert export_jobs.storage().exists(job.storage_name)
        call_command("lms_daily", stdout=io.StringIO())
    assert not export_jobs.storage().exists(job.storage_name)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.EXPIRED
    assert job.storage_name == ""
    # Nothing to download, and a second daily run has nothing to do.
    assert client.post(download).status_code == HTTPStatus.FOUND
    assert export_jobs.purge_expired(job.expires_at + timedelta(days=2)) == 0


def test_a_later_export_deletes_the_expired_files_too(
    viewer, org, small_limit, django_capture_on_commit_callbacks
):
    client = viewer("hr")
    ask(
        client,
        "hub_reports_completion",
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    old = latest_job()
    with time_machine.travel(old.expires_at + timedelta(minutes=1)):
        ask(
            client,
            "hub_reports_overdue",
            run=True,
            capture=django_capture_on_commit_callbacks,
        )
    old.refresh_from_db()
    assert old.status == ExportJob.Status.EXPIRED
    assert not export_jobs.storage().exists(export_jobs.stored_name(old))


def test_the_files_are_not_under_media_and_have_no_url(settings):
    storage = export_jobs.storage()
    media = str(settings.MEDIA_ROOT)
    assert not str(storage.location).startswith(media)
    with pytest.raises(NotImplementedError):
        storage.url("job-1.csv")


# Audit trail


def test_asking_and_downloading_are_in_the_audit_trail(
    client, org, small_limit, django_capture_on_commit_callbacks
):
    hub = org.hub
    client.force_login(hub.manager)
    ask(
        client,
        "hub_reports_completion",
        filters="status=overdue",
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    job = latest_job()
    client.post(reverse("hub_export_download", args=[job.pk]))
    client.post(reverse("hub_export_download", args=[job.pk]))
    entries = ModelLogEntry.objects.for_instance(job).order_by("pk")
    assert [(e.action, e.user_id) for e in entries] == [
        ("lms.export_request", hub.manager.pk),
        ("lms.export_download", hub.manager.pk),
        ("lms.export_download", hub.manager.pk),
    ]
    assert entries[0].data["filters"] == "status=overdue"
    assert entries[1].data["rows"] == job.rows_total

    request = audit_trail.describe(entries[0])
    assert request.who == hub.manager.get_full_name()
    assert "filters: status=overdue" in request.details
    assert "format: CSV" in request.details

    # HR reads them in the trail.
    client.force_login(hub.hr)
    trail = client.get(reverse("hub_audit_trail")).content.decode()
    assert "Ask for an export" in trail
    assert "Download an export" in trail


# Scope and retries


def test_the_task_applies_the_scope_the_requester_has_when_it_runs(
    client, org, small_limit, django_capture_on_commit_callbacks
):
    hub = org.hub
    client.force_login(hub.manager)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        client.post(START, {"report": "hub_reports_completion", "format": "csv"})
    # Before the worker gets to it, Webcare passes to another manager and
    # Marketing to this one.
    hub.spoke.managers.remove(hub.manager)
    hub.other_spoke.managers.add(hub.manager)
    for callback in queued:
        callback()
    job = latest_job()
    assert job.status == ExportJob.Status.READY
    people = {row[0] for row in file_rows(job)[1:]}
    assert people == {"Fenna Twofold", "Learner Marketing"}


def test_a_requester_who_may_no_longer_see_the_report_gets_no_file(
    client, org, small_limit, django_capture_on_commit_callbacks, mailoutbox
):
    hub = org.hub
    client.force_login(hub.manager)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        client.post(START, {"report": "hub_reports_completion", "format": "csv"})
    hub.manager.groups.remove(Group.objects.get(name="Hub managers"))
    for callback in queued:
        callback()
    job = latest_job()
    assert job.status == ExportJob.Status.FAILED
    assert job.error == "forbidden"
    assert job.storage_name == ""
    assert not export_jobs.storage().exists(export_jobs.stored_name(job))
    [mail] = mailoutbox
    assert "could not be prepared" in mail.subject or "kon niet" in mail.subject


def test_a_retried_run_starts_the_file_again(
    viewer, org, small_limit, django_capture_on_commit_callbacks
):
    """A worker killed mid-file leaves the job running and perhaps a file;
    the retry writes the whole file anew and only then offers it."""
    client = viewer("hr")
    ask(
        client,
        "hub_reports_completion",
        run=False,
        capture=django_capture_on_commit_callbacks,
    )
    job = ExportJob.objects.get()
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.RUNNING, attempts=1, rows_done=2, rows_total=9
    )
    storage = export_jobs.storage()
    storage.save(export_jobs.stored_name(job), io.BytesIO(b"half a file"))
    page = client.get(reverse("hub_export", args=[job.pk])).content.decode()
    assert "Download" not in page

    assert export_jobs.run_export(job.pk) == ExportJob.Status.READY
    job.refresh_from_db()
    assert job.attempts == 2
    assert job.storage_name == export_jobs.stored_name(job)
    rows = file_rows(job)
    assert len(rows) == 10
    assert b"half a file" not in stored_file(job)
    assert storage.listdir("")[1] == [job.storage_name]


def test_a_run_replaced_by_a_retry_stops_and_offers_nothing(
    viewer, org, small_limit, django_capture_on_commit_callbacks, monkeypatch
):
    client = viewer("hr")
    ask(
        client,
        "hub_reports_completion",
        run=False,
        capture=django_capture_on_commit_callbacks,
    )
    job = ExportJob.objects.get()
    real_progress = export_jobs._progress

    def taken_over(job, attempt, **fields):
        # Another worker took the job over meanwhile.
        ExportJob.objects.filter(pk=job.pk).update(attempts=attempt + 1)
        real_progress(job, attempt, **fields)

    monkeypatch.setattr(export_jobs, "_progress", taken_over)
    assert export_jobs.run_export(job.pk) == "superseded"
    job.refresh_from_db()
    assert job.status == ExportJob.Status.RUNNING
    assert job.storage_name == ""
    assert not export_jobs.storage().exists(export_jobs.stored_name(job))


def test_a_failing_export_is_marked_failed_and_its_file_never_offered(
    viewer, org, small_limit, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(self, queryset, output, progress=None):
        raise RuntimeError("disk full")

    monkeypatch.setattr("lms.reports.views.HubReportView.write_csv", broken)
    client = viewer("hr")
    ask(
        client,
        "hub_reports_completion",
        run=True,
        capture=django_capture_on_commit_callbacks,
    )
    job = latest_job()
    assert job.status == ExportJob.Status.FAILED
    assert job.error == "failed: RuntimeError"
    page = client.get(reverse("hub_export", args=[job.pk])).content.decode()
    assert "could not be prepared" in page
    assert "Download" not in page


# Memory


@pytest.fixture
def many_rows(hub, catalogue):
    """People in Night shift, each assigned one course: more courses later."""
    from tests.factories import make_course, text_block

    today = timezone.localdate()
    courses = [
        make_course(catalogue, bodies=[[text_block()]], title=f"Course {n}")
        for n in range(10)
    ]
    User = get_user_model()
    people = User.objects.bulk_create(
        (User(email=f"p{i}@example.org", name=f"Person {i:05}") for i in range(5000)),
        batch_size=2000,
    )
    RoleMembership.objects.bulk_create(
        (
            RoleMembership(user=p, unit=hub.team, role=hub.role, started_on=today)
            for p in people
        ),
        batch_size=2000,
    )
    TrainingAssignment.objects.bulk_create(
        (
            TrainingAssignment(
                user=person, course=courses[0], source="role", due_on=today
            )
            for person in people
        ),
        batch_size=2000,
    )
    return courses


def export_peak(client, capture) -> tuple[int, ExportJob]:
    tracemalloc.start()
    try:
        ask(client, "hub_reports_completion", "xlsx", run=True, capture=capture)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, latest_job()


def test_a_background_xlsx_keeps_memory_flat(
    client, hub, many_rows, small_limit, django_capture_on_commit_callbacks
):
    """Ten times the rows, about the same peak: rows are read, written and
    stored a chunk at a time, the workbook is written to a temporary file."""
    client.force_login(hub.hr)
    small_peak, small = export_peak(client, django_capture_on_commit_callbacks)
    assert small.rows_total == 5000
    copy_assignments(many_rows[0], many_rows[1:])
    large_peak, large = export_peak(client, django_capture_on_commit_callbacks)
    assert large.status == ExportJob.Status.READY
    assert large.rows_total == 50_000
    with export_jobs.storage().open(large.storage_name, "rb") as file:
        sheet = load_workbook(file, read_only=True).active
        assert sum(1 for _row in sheet.iter_rows(values_only=True)) == 50_001
    assert large_peak < small_peak * 1.5 + 2 * 2**20, (
        f"peak {small_peak / 2**20:.1f} MB at 5,000 rows, "
        f"{large_peak / 2**20:.1f} MB at 50,000"
    )
