"""The expected outcome of every URL pattern, for every kind and method.

Keys are those of tests/security/urlconf.py: "namespace:name", or the route
of an unnamed pattern. A new URL fails test_every_url_has_an_entry until it
gets an entry here; the policies are in tests/security/policies.py.

The table states the intended policy (DESIGN.md "Scope" and "Qualities",
decisions D1 and D2), not whatever the code does today. An override marked
WAGTAIL accepts a refusal that Wagtail words its own way (a 404 where the
policy says 403, reveals less) or a screen Wagtail opens to every admin user
that shows nothing beyond page, task or image names.
"""

from tests.security.outcomes import Outcome
from tests.security.policies import (
    ADMIN_ANY,
    ADMIN_ONLY,
    BAD,
    CONTENT,
    CONTENT_PUBLISH,
    DENIED,
    ERROR,
    HIDDEN,
    HOLDER_OR_MANAGERS,
    HR_ONLY,
    HUB_DEFINITIONS,
    HUB_DEFINITIONS_VIEW,
    HUB_MANAGE,
    HUB_MANAGE_OWN,
    HUB_READ_OWN,
    HUB_START,
    HUB_VIEW,
    HUB_VIEW_OWN,
    INVITE_OWN,
    KINDS,
    LOGIN,
    NOT_ALLOWED,
    OK,
    PUBLIC,
    REQUESTER_ONLY,
    SIGNED_IN_SELF,
    TOKEN_ONLY,
    Entry,
    each,
)

E = Entry
ADMINS = ("manager", "other_manager", "hr", "coordinator", "editor", "superuser")
NO_CONTENT = ("manager", "other_manager", "hr", "coordinator")
NOT_ADMIN = (*NO_CONTENT, "editor")
# Who has no second factor in the world (only the other learner has).
NOT_MFA = tuple(set(KINDS) - {"anonymous", "other_learner"})

COURSE = {"page_id": "@course"}
COURSE_TYPE = {
    "content_type_app_name": "courses",
    "content_type_model_name": "coursepage",
}
CERTIFICATE_SETTINGS = {
    "app_name": "certification",
    "model_name": "certificatesettings",
}
# A page form posted without its StreamField's item count is a malformed
# request that Wagtail answers with a KeyError; the count makes it a form
# with errors.
COURSE_FORM = {"learning_objectives-count": "0"}
GET_ONLY = {"post": NOT_ALLOWED}
POST_ONLY = {"get": NOT_ALLOWED}
ADMIN_POST_ONLY = {"admin_only": ("POST",)}
ADMIN_GET_ONLY = {"admin_only": ("GET",)}
# Deleting what learner records point at: a clear refusal, nothing deleted.
PROTECTED = {"post": BAD}


def viewset(prefix, policies, **views):
    """Entries of a ModelViewSet's views: {view name: policy}, and per view
    the Entry arguments."""
    return {
        f"{prefix}:{name}": E(policy, **views.get(name, {}))
        for name, policy in policies.items()
    }


def object_views(pk, *names, **extra):
    """The Entry arguments of a viewset's views that take the object's id."""
    reading = {"usage", "history", "history_results", "inspect"}
    return {
        name: {
            "kwargs": {"pk": pk},
            **(GET_ONLY if name in reading else {}),
            **extra.get(name, {}),
        }
        for name in names
    }


CONFIGURATION_VIEWS = (
    "index",
    "index_results",
    "add",
    "edit",
    "delete",
    "history",
    "history_results",
    "usage",
)


def configuration(prefix, pk, *extra_views, **views):
    """A Wagtail settings viewset (sites, users, groups, locales): ADMIN_ONLY."""
    names = (*CONFIGURATION_VIEWS, *extra_views)
    object_names = [
        name for name in names if name not in ("index", "index_results", "add")
    ]
    return viewset(
        prefix,
        dict.fromkeys(names, ADMIN_ONLY),
        index=GET_ONLY,
        index_results=GET_ONLY,
        **object_views(pk, *object_names, **views),
        **{name: views[name] for name in ("add",) if name in views},
    )


EXPECTATIONS = {
    # Site history: cms serves both paths, ahead of Wagtail's, leaving the
    # hub's records to those who see everyone.
    "admin/reports/site-history/": E(ADMIN_ANY, **GET_ONLY),
    "admin/reports/site-history/results/": E(ADMIN_ANY, **GET_ONLY),
    "wagtailadmin_reports:site_history": E(
        ADMIN_ANY, shadowed_by="admin/reports/site-history/", **GET_ONLY
    ),
    "wagtailadmin_reports:site_history_results": E(
        ADMIN_ANY, shadowed_by="admin/reports/site-history/results/", **GET_ONLY
    ),
    # The dashboard and what Wagtail opens to every admin user.
    "wagtailadmin_home": E(ADMIN_ANY, **GET_ONLY),
    "admin/test404/": E(ADMIN_ANY, **GET_ONLY),
    "wagtailadmin_error_test": E(
        ADMIN_ANY,
        get=ERROR,
        post=ERROR,
        note="WAGTAIL: a deliberate server error, for any admin user.",
    ),
    # The admin API lists to every admin user; pages only to who may edit
    # them (404 to others).
    "wagtailadmin_api:pages:listing": E(ADMIN_ANY, **GET_ONLY),
    "wagtailadmin_api:pages:detail": E(
        CONTENT,
        kwargs={"pk": "@course"},
        overrides=each(NO_CONTENT, HIDDEN, "GET"),
        **ADMIN_GET_ONLY,
    ),
    "wagtailadmin_api:pages:find": E(
        CONTENT,
        query="html_path=/courses/webcare/",
        overrides=each(NO_CONTENT, HIDDEN, "GET"),
        **ADMIN_GET_ONLY,
    ),
    "wagtailadmin_api:pages:action": E(
        CONTENT_PUBLISH,
        kwargs={"pk": "@course", "action_name": "unpublish"},
        overrides=each(NO_CONTENT, HIDDEN, "POST"),
        **ADMIN_POST_ONLY,
    ),
    "wagtailadmin_api:documents:listing": E(ADMIN_ANY, **GET_ONLY),
    "wagtailadmin_api:documents:detail": E(
        ADMIN_ANY, kwargs={"pk": "@document"}, **GET_ONLY
    ),
    "wagtailadmin_api:documents:find": E(ADMIN_ANY, query="id=@document", **GET_ONLY),
    "wagtailadmin_api:images:listing": E(ADMIN_ANY, **GET_ONLY),
    "wagtailadmin_api:images:detail": E(ADMIN_ANY, kwargs={"pk": "@image"}, **GET_ONLY),
    "wagtailadmin_api:images:find": E(ADMIN_ANY, query="id=@image", **GET_ONLY),
    # Pages
    "wagtailadmin_explore_root": E(CONTENT, **GET_ONLY),
    "wagtailadmin_explore": E(
        CONTENT, kwargs={"parent_page_id": "@catalogue"}, **GET_ONLY
    ),
    "wagtailadmin_explore_results": E(
        CONTENT, kwargs={"parent_page_id": "@catalogue"}, **GET_ONLY
    ),
    "wagtail_bulk_action": E(
        CONTENT_PUBLISH,
        kwargs={"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
        query="id=@course",
        overrides=each(NOT_ADMIN, OK),
        note="WAGTAIL: the bulk-action screen opens to every admin user and acts "
        "only on what they may (the matrix checks that it writes nothing).",
        **PROTECTED,
    ),
    "wagtailadmin_pages:add": E(
        CONTENT,
        kwargs={**COURSE_TYPE, "parent_page_id": "@catalogue"},
        data=COURSE_FORM,
    ),
    "wagtailadmin_pages:preview_on_add": E(
        CONTENT, kwargs={**COURSE_TYPE, "parent_page_id": "@catalogue"}
    ),
    "wagtailadmin_pages:type_use": E(CONTENT, kwargs=COURSE_TYPE, **GET_ONLY),
    "wagtailadmin_pages:choose_parent": E(
        CONTENT,
        kwargs={"app_label": "courses", "model_name": "coursepage"},
        overrides=each(NO_CONTENT, OK),
        note="WAGTAIL: lists the pages a course may go under, to every admin "
        "user; adding there is refused.",
    ),
    "wagtailadmin_pages:type_use_results": E(CONTENT, kwargs=COURSE_TYPE, **GET_ONLY),
    "wagtailadmin_pages:usage": E(CONTENT, kwargs=COURSE, **GET_ONLY),
    "wagtailadmin_pages:edit": E(CONTENT, kwargs=COURSE, data=COURSE_FORM),
    "wagtailadmin_pages:preview_on_edit": E(CONTENT, kwargs=COURSE),
    "wagtailadmin_pages:view_draft": E(CONTENT, kwargs=COURSE),
    "wagtailadmin_pages:add_subpage": E(
        CONTENT, kwargs={"parent_page_id": "@catalogue"}
    ),
    "wagtailadmin_pages:delete": E(CONTENT_PUBLISH, kwargs=COURSE, **PROTECTED),
    "wagtailadmin_pages:unpublish": E(CONTENT_PUBLISH, kwargs=COURSE),
    "wagtailadmin_pages:convert_alias": E(CONTENT, kwargs={"page_id": "@alias"}),
    "wagtailadmin_pages:search": E(CONTENT, **GET_ONLY),
    "wagtailadmin_pages:search_results": E(CONTENT, **GET_ONLY),
    "wagtailadmin_pages:move": E(
        CONTENT_PUBLISH, kwargs={"page_to_move_id": "@course"}
    ),
    "wagtailadmin_pages:move_confirm": E(
        CONTENT_PUBLISH,
        kwargs={"page_to_move_id": "@course", "destination_id": "@private_page"},
        overrides=each(NOT_ADMIN, OK, "GET"),
        note="WAGTAIL: the confirmation shows to every admin user; moving is refused.",
    ),
    "wagtailadmin_pages:set_page_position": E(
        CONTENT_PUBLISH, kwargs={"page_to_move_id": "@course"}, **ADMIN_POST_ONLY
    ),
    "wagtailadmin_pages:copy": E(
        CONTENT, kwargs=COURSE, data={"new_parent_page": "@catalogue"}
    ),
    "wagtailadmin_pages:workflow_action": E(
        CONTENT_PUBLISH,
        kwargs={**COURSE, "action_name": "approve", "task_state_id": "@task_state"},
    ),
    "wagtailadmin_pages:collect_workflow_action_data": E(
        CONTENT_PUBLISH,
        kwargs={**COURSE, "action_name": "approve", "task_state_id": "@task_state"},
    ),
    "wagtailadmin_pages:confirm_workflow_cancellation": E(
        CONTENT,
        kwargs=COURSE,
        overrides=each(NO_CONTENT, OK),
        note="WAGTAIL: the confirmation dialog shows to every admin user.",
    ),
    "wagtailadmin_pages:workflow_preview": E(
        CONTENT_PUBLISH, kwargs={**COURSE, "task_id": "@task"}, **ADMIN_GET_ONLY
    ),
    "wagtailadmin_pages:set_privacy": E(CONTENT_PUBLISH, kwargs=COURSE),
    "wagtailadmin_pages:lock": E(CONTENT_PUBLISH, kwargs=COURSE, **ADMIN_POST_ONLY),
    "wagtailadmin_pages:unlock": E(CONTENT_PUBLISH, kwargs=COURSE, **ADMIN_POST_ONLY),
    "wagtailadmin_pages:revisions_index": E(
        CONTENT,
        kwargs=COURSE,
        overrides=each(NO_CONTENT, OK),
        note="WAGTAIL: a redirect to the page's history, which refuses them.",
    ),
    "wagtailadmin_pages:revisions_view": E(
        CONTENT, kwargs={**COURSE, "revision_id": "@revision"}, **GET_ONLY
    ),
    "wagtailadmin_pages:revisions_revert": E(
        CONTENT, kwargs={**COURSE, "revision_id": "@revision"}, data=COURSE_FORM
    ),
    "wagtailadmin_pages:revisions_unschedule": E(
        CONTENT_PUBLISH, kwargs={**COURSE, "revision_id": "@revision"}
    ),
    "wagtailadmin_pages:revisions_compare": E(
        CONTENT,
        kwargs={
            "pk": "@course",
            "revision_id_a": "earliest",
            "revision_id_b": "latest",
        },
        **GET_ONLY,
    ),
    "wagtailadmin_pages:workflow_history": E(CONTENT, kwargs=COURSE, **GET_ONLY),
    "wagtailadmin_pages:workflow_history_detail": E(
        CONTENT, kwargs={**COURSE, "workflow_state_id": "@workflow_state"}, **GET_ONLY
    ),
    "wagtailadmin_pages:history": E(CONTENT, kwargs=COURSE, **GET_ONLY),
    "wagtailadmin_pages:history_results": E(CONTENT, kwargs=COURSE, **GET_ONLY),
    # Choosers Wagtail opens to every admin user (they list what one may pick).
    "wagtailadmin_choose_page": E(ADMIN_ANY, **GET_ONLY),
    "wagtailadmin_choose_page_child": E(
        ADMIN_ANY, kwargs={"parent_page_id": "@catalogue"}, **GET_ONLY
    ),
    "wagtailadmin_choose_page_search": E(ADMIN_ANY, query="q=webcare", **GET_ONLY),
    "wagtailadmin_choose_page_chosen_multiple": E(
        ADMIN_ANY, query="id=@course", **GET_ONLY
    ),
    "wagtailadmin_choose_page_external_link": E(
        ADMIN_ANY, data={"external-link-chooser-url": "https://example.org/"}
    ),
    "wagtailadmin_choose_page_email_link": E(ADMIN_ANY),
    "wagtailadmin_choose_page_phone_link": E(ADMIN_ANY),
    "wagtailadmin_choose_page_anchor_link": E(ADMIN_ANY),
    "wagtailadmin_tag_autocomplete": E(ADMIN_ANY, query="term=web"),
    "wagtailadmin_tag_model_autocomplete": E(
        ADMIN_ANY, kwargs={"app_name": "taggit", "model_name": "tag"}, query="term=web"
    ),
    "wagtailembeds:chooser": E(ADMIN_ANY),
    "wagtailembeds:chooser_upload": E(ADMIN_ANY),
    "wagtaildocs_chooser:choose": E(ADMIN_ANY, **ADMIN_GET_ONLY),
    "wagtaildocs_chooser:choose_results": E(ADMIN_ANY, **ADMIN_GET_ONLY),
    "wagtaildocs_chooser:chosen": E(
        ADMIN_ANY, kwargs={"pk": "@document"}, **ADMIN_GET_ONLY
    ),
    "wagtaildocs_chooser:chosen_multiple": E(
        ADMIN_ANY, query="id=@document", **ADMIN_GET_ONLY
    ),
    "wagtaildocs_chooser:create": E(CONTENT),
    "wagtailimages_chooser:choose": E(ADMIN_ANY, **ADMIN_GET_ONLY),
    "wagtailimages_chooser:choose_results": E(ADMIN_ANY, **ADMIN_GET_ONLY),
    "wagtailimages_chooser:chosen": E(
        ADMIN_ANY, kwargs={"pk": "@image"}, **ADMIN_GET_ONLY
    ),
    "wagtailimages_chooser:chosen_multiple": E(
        ADMIN_ANY, query="id=@image", **ADMIN_GET_ONLY
    ),
    "wagtailimages_chooser:create": E(CONTENT),
    "wagtailimages_chooser:select_format": E(ADMIN_ANY, kwargs={"image_id": "@image"}),
    "wagtailsnippetchoosers_courses_topic:choose": E(ADMIN_ANY, **ADMIN_GET_ONLY),
    "wagtailsnippetchoosers_courses_topic:choose_results": E(
        ADMIN_ANY, **ADMIN_GET_ONLY
    ),
    "wagtailsnippetchoosers_courses_topic:chosen": E(
        ADMIN_ANY, kwargs={"pk": "@topic"}, **ADMIN_GET_ONLY
    ),
    "wagtailsnippetchoosers_courses_topic:chosen_multiple": E(
        ADMIN_ANY, query="id=@topic", **ADMIN_GET_ONLY
    ),
    "wagtailsnippetchoosers_courses_topic:create": E(
        CONTENT,
        post=ERROR,
        note="WAGTAIL: the topic chooser offers no creation form, and a POST "
        "to it is an AttributeError.",
    ),
    "wagtailadmin_block_preview": E(
        ADMIN_ANY, query="id=@text_block_definition", **GET_ONLY
    ),
    # Site configuration
    "wagtailadmin_collections:index": E(ADMIN_ONLY, **GET_ONLY),
    "wagtailadmin_collections:add": E(ADMIN_ONLY),
    "wagtailadmin_collections:edit": E(ADMIN_ONLY, kwargs={"pk": "@collection"}),
    "wagtailadmin_collections:delete": E(
        ADMIN_ONLY,
        kwargs={"pk": "@collection"},
        overrides=each(NOT_ADMIN, HIDDEN),
        note="WAGTAIL: only collections one may delete are found.",
    ),
    "wagtailadmin_collections:set_privacy": E(
        ADMIN_ONLY, kwargs={"collection_id": "@collection"}
    ),
    "wagtailadmin_workflows:index": E(ADMIN_ONLY, **GET_ONLY),
    "wagtailadmin_workflows:index_results": E(ADMIN_ONLY, **GET_ONLY),
    "wagtailadmin_workflows:add": E(ADMIN_ONLY),
    "wagtailadmin_workflows:enable": E(
        ADMIN_ONLY, kwargs={"pk": "@workflow"}, **ADMIN_POST_ONLY
    ),
    "wagtailadmin_workflows:disable": E(ADMIN_ONLY, kwargs={"pk": "@workflow"}),
    "wagtailadmin_workflows:edit": E(ADMIN_ONLY, kwargs={"pk": "@workflow"}),
    "wagtailadmin_workflows:usage": E(
        ADMIN_ONLY, kwargs={"pk": "@workflow"}, **GET_ONLY
    ),
    "wagtailadmin_workflows:usage_results": E(
        ADMIN_ONLY, kwargs={"pk": "@workflow"}, **GET_ONLY
    ),
    "wagtailadmin_workflows:remove admin/workflows/remove/<int:page_pk>/": E(
        ADMIN_ONLY, kwargs={"page_pk": "@catalogue"}, **ADMIN_POST_ONLY
    ),
    "wagtailadmin_workflows:remove admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/": E(
        ADMIN_ONLY,
        kwargs={"page_pk": "@catalogue", "workflow_pk": "@workflow"},
        **ADMIN_POST_ONLY,
    ),
    "wagtailadmin_workflows:add_task": E(
        ADMIN_ONLY,
        kwargs={"app_label": "wagtailcore", "model_name": "groupapprovaltask"},
    ),
    "wagtailadmin_workflows:select_task_type": E(ADMIN_ONLY),
    "wagtailadmin_workflows:task_index": E(ADMIN_ONLY, **GET_ONLY),
    "wagtailadmin_workflows:task_index_results": E(ADMIN_ONLY, **GET_ONLY),
    "wagtailadmin_workflows:edit_task": E(ADMIN_ONLY, kwargs={"pk": "@task"}),
    "wagtailadmin_workflows:disable_task": E(ADMIN_ONLY, kwargs={"pk": "@task"}),
    "wagtailadmin_workflows:enable_task": E(
        ADMIN_ONLY, kwargs={"pk": "@task"}, **ADMIN_POST_ONLY
    ),
    # Wagtail lists workflow tasks (their names) to every admin user in the
    # task chooser, and refuses to create one without the permission.
    "wagtailadmin_workflows:task_chooser": E(
        ADMIN_ONLY,
        overrides=each(NOT_ADMIN, OK, "GET"),
        note="WAGTAIL: task names, to every admin user.",
        **ADMIN_GET_ONLY,
    ),
    "wagtailadmin_workflows:task_chooser_results": E(
        ADMIN_ONLY,
        overrides=each(NOT_ADMIN, OK, "GET"),
        note="WAGTAIL: task names, to every admin user.",
        **ADMIN_GET_ONLY,
    ),
    "wagtailadmin_workflows:task_chooser_create": E(
        ADMIN_ONLY,
        overrides={**each(NOT_ADMIN, OK, "GET"), **each(NOT_ADMIN, BAD, "POST")},
        note="WAGTAIL: shows no form, and refuses with a 400, without the "
        "permission to add tasks.",
    ),
    "wagtailadmin_workflows:task_chosen": E(
        ADMIN_ONLY,
        kwargs={"task_id": "@task"},
        overrides=each(NOT_ADMIN, OK),
        note="WAGTAIL: a task's name, to every admin user.",
    ),
    # Wagtail's reports
    "wagtailadmin_reports:locked_pages": E(CONTENT_PUBLISH, **GET_ONLY),
    "wagtailadmin_reports:locked_pages_results": E(CONTENT_PUBLISH, **GET_ONLY),
    "wagtailadmin_reports:workflow": E(CONTENT, **GET_ONLY),
    "wagtailadmin_reports:workflow_results": E(CONTENT, **GET_ONLY),
    "wagtailadmin_reports:workflow_tasks": E(CONTENT, **GET_ONLY),
    "wagtailadmin_reports:workflow_tasks_results": E(CONTENT, **GET_ONLY),
    "wagtailadmin_reports:aging_pages": E(CONTENT, **GET_ONLY),
    "wagtailadmin_reports:aging_pages_results": E(CONTENT, **GET_ONLY),
    "wagtailadmin_reports:page_types_usage": E(CONTENT, **GET_ONLY),
    "wagtailadmin_reports:page_types_usage_results": E(CONTENT, **GET_ONLY),
    # The admin user's own account and editing sessions.
    "wagtailadmin_account": E(ADMIN_ANY),
    "wagtailadmin_logout": E(ADMIN_ANY, post=LOGIN, **POST_ONLY),
    "wagtailadmin_dismissibles": E(ADMIN_ANY, **GET_ONLY),
    "wagtailadmin_editing_sessions:ping": E(
        CONTENT,
        kwargs={
            "app_label": "courses",
            "model_name": "coursepage",
            "object_id": "@course",
            "session_id": "@editing_session",
        },
        overrides=each(NO_CONTENT, HIDDEN, "POST"),
        **ADMIN_POST_ONLY,
    ),
    "wagtailadmin_editing_sessions:release": E(
        ADMIN_ANY,
        kwargs={"session_id": "@editing_session"},
        note="Releases only the requester's own session.",
        **ADMIN_POST_ONLY,
    ),
    # The hub's reports and audit trail
    "hub_reports_certificates": E(HUB_VIEW, **GET_ONLY),
    "hub_reports_certificates_results": E(HUB_VIEW, **GET_ONLY),
    "hub_reports_expiring": E(HUB_VIEW, **GET_ONLY),
    "hub_reports_expiring_results": E(HUB_VIEW, **GET_ONLY),
    "hub_audit_trail": E(HR_ONLY, **GET_ONLY),
    "hub_audit_trail_results": E(HR_ONLY, **GET_ONLY),
    "hub_reports_completion": E(HUB_VIEW, **GET_ONLY),
    "hub_reports_completion_results": E(HUB_VIEW, **GET_ONLY),
    "hub_reports_overdue": E(HUB_VIEW, **GET_ONLY),
    "hub_reports_overdue_results": E(HUB_VIEW, **GET_ONLY),
    # Exports prepared in the background: offered (GET) and asked for (POST)
    # by whoever may see the report; followed and downloaded (POST, as it is
    # audited) by their requester alone.
    "hub_export_start": E(
        HUB_VIEW,
        query="report=hub_reports_completion&format=csv",
        data={"report": "hub_reports_completion", "format": "csv"},
    ),
    "hub_export": E(REQUESTER_ONLY, kwargs={"pk": "@export_job"}, **GET_ONLY),
    "hub_export_download": E(REQUESTER_ONLY, kwargs={"pk": "@export_job"}, **POST_ONLY),
    # Form pages: the site has no form page type, so no page id is a form's.
    "wagtailforms:index": E(CONTENT, **GET_ONLY),
    "wagtailforms:index_results": E(CONTENT, **GET_ONLY),
    "wagtailforms:list_submissions": E(
        CONTENT,
        kwargs=COURSE,
        get=HIDDEN,
        post=HIDDEN,
        overrides=each(NO_CONTENT, HIDDEN),
    ),
    "wagtailforms:list_submissions_results": E(
        CONTENT,
        kwargs=COURSE,
        get=HIDDEN,
        post=HIDDEN,
        overrides=each(NO_CONTENT, HIDDEN),
    ),
    "wagtailforms:delete_submissions": E(
        CONTENT, kwargs=COURSE, overrides=each(("editor", "superuser"), DENIED)
    ),
    "wagtailredirects:index": E(ADMIN_ONLY, **GET_ONLY),
    "wagtailredirects:index_results": E(ADMIN_ONLY, **GET_ONLY),
    "wagtailredirects:add": E(ADMIN_ONLY),
    "wagtailredirects:edit": E(ADMIN_ONLY, kwargs={"redirect_id": "@redirect"}),
    "wagtailredirects:delete": E(ADMIN_ONLY, kwargs={"redirect_id": "@redirect"}),
    "wagtailredirects:start_import": E(ADMIN_ONLY),
    "wagtailredirects:process_import": E(
        ADMIN_ONLY,
        post=ERROR,
        note="WAGTAIL: a POST without the signed import form is a KeyError.",
        **POST_ONLY,
    ),
    # What certificates print is the organisation's: training coordinators.
    "wagtailsettings:edit admin/settings/<slug:app_name>/<slug:model_name>/": E(
        HUB_DEFINITIONS, kwargs=CERTIFICATE_SETTINGS
    ),
    "wagtailsettings:edit admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/": E(
        HUB_DEFINITIONS, kwargs={**CERTIFICATE_SETTINGS, "pk": "@site"}
    ),
    "wagtailsettings:preview_on_edit": E(
        HUB_DEFINITIONS,
        kwargs={**CERTIFICATE_SETTINGS, "pk": "@site"},
        get=HIDDEN,
        post=HIDDEN,
        note="The certificate settings have no preview.",
    ),
    "simple_translation:submit_page_translation": E(CONTENT, kwargs=COURSE),
    "simple_translation:submit_snippet_translation": E(
        CONTENT,
        kwargs={"app_label": "courses", "model_name": "topic", "pk": "@topic"},
    ),
    "wagtailsnippets:index": E(
        ADMIN_ANY,
        overrides=each(ADMINS, DENIED),
        note="WAGTAIL: with every snippet model in a menu of its own, the "
        "snippets index refuses everyone.",
    ),
    # Documents and images
    "wagtaildocs:index": E(CONTENT, **GET_ONLY),
    "wagtaildocs:index_results": E(CONTENT, **GET_ONLY),
    "wagtaildocs:add": E(CONTENT),
    "wagtaildocs:edit": E(CONTENT, kwargs={"document_id": "@document"}),
    "wagtaildocs:delete": E(CONTENT, kwargs={"document_id": "@document"}),
    "wagtaildocs:add_multiple": E(CONTENT, post=BAD),
    "wagtaildocs:edit_multiple": E(
        CONTENT, kwargs={"doc_id": "@document"}, **ADMIN_POST_ONLY
    ),
    "wagtaildocs:create_multiple_from_uploaded_document": E(
        CONTENT,
        kwargs={"uploaded_file_id": "@uploaded_document"},
        post=ERROR,
        overrides={("superuser", "POST"): DENIED},
        note="An upload is its uploader's (the editor's). WAGTAIL: the "
        "document is validated before its file is attached, a ValueError.",
        **ADMIN_POST_ONLY,
    ),
    "wagtaildocs:delete_multiple": E(
        CONTENT, kwargs={"doc_id": "@document"}, **ADMIN_POST_ONLY
    ),
    "wagtaildocs:delete_upload_multiple": E(
        CONTENT,
        kwargs={"uploaded_file_id": "@uploaded_document"},
        overrides={("superuser", "POST"): DENIED},
        note="An upload is its uploader's (the editor's).",
        **ADMIN_POST_ONLY,
    ),
    "wagtaildocs:document_usage": E(
        CONTENT, kwargs={"document_id": "@document"}, **GET_ONLY
    ),
    "wagtailimages:index": E(CONTENT, **GET_ONLY),
    "wagtailimages:index_results": E(CONTENT, **GET_ONLY),
    "wagtailimages:edit": E(CONTENT, kwargs={"image_id": "@image"}),
    "wagtailimages:delete": E(CONTENT, kwargs={"image_id": "@image"}),
    "wagtailimages:url_generator": E(
        CONTENT,
        kwargs={"image_id": "@image"},
        get=HIDDEN,
        note="No dynamic image serve view is routed, so there is no URL to make.",
        **GET_ONLY,
    ),
    "wagtailimages:url_generator_output": E(
        CONTENT,
        kwargs={"image_id": "@image"},
        query="filter_method=original",
        get=HIDDEN,
        note="No dynamic image serve view is routed, so there is no URL to make.",
        **GET_ONLY,
    ),
    "wagtailimages:preview": E(
        CONTENT, kwargs={"image_id": "@image", "filter_spec": "fill-4x4"}
    ),
    "wagtailimages:add": E(CONTENT),
    "wagtailimages:image_usage": E(CONTENT, kwargs={"image_id": "@image"}, **GET_ONLY),
    "wagtailimages:add_multiple": E(CONTENT, post=BAD),
    "wagtailimages:edit_multiple": E(
        CONTENT, kwargs={"image_id": "@image"}, **ADMIN_POST_ONLY
    ),
    "wagtailimages:create_multiple_from_uploaded_image": E(
        CONTENT,
        kwargs={"uploaded_file_id": "@uploaded_image"},
        overrides={("superuser", "POST"): DENIED},
        note="An upload is its uploader's (the editor's).",
        **ADMIN_POST_ONLY,
    ),
    "wagtailimages:delete_multiple": E(
        CONTENT, kwargs={"image_id": "@image"}, **ADMIN_POST_ONLY
    ),
    "wagtailimages:delete_upload_multiple": E(
        CONTENT,
        kwargs={"uploaded_file_id": "@uploaded_image"},
        overrides={("superuser", "POST"): DENIED},
        note="An upload is its uploader's (the editor's).",
        **ADMIN_POST_ONLY,
    ),
    # Topics
    **viewset(
        "wagtailsnippets_courses_topic",
        dict.fromkeys(
            [
                "list",
                "list_results",
                "add",
                "edit",
                "delete",
                "usage",
                "history",
                "history_results",
                "copy",
            ],
            CONTENT,
        ),
        list=GET_ONLY,
        list_results=GET_ONLY,
        **object_views(
            "@topic", "edit", "delete", "usage", "history", "history_results", "copy"
        ),
    ),
    # Personal data (HR)
    "hub_personal_data:index": E(HR_ONLY, **GET_ONLY),
    "hub_personal_data:person": E(HR_ONLY, kwargs={"pk": "@learner"}, **GET_ONLY),
    "hub_personal_data:export": E(HR_ONLY, kwargs={"pk": "@learner"}, **POST_ONLY),
    "hub_personal_data:erase": E(HR_ONLY, kwargs={"pk": "@learner"}, post=BAD),
    # Certificates and certifications
    "hub_readiness:index": E(HUB_VIEW, **GET_ONLY),
    "hub_certificates:index": E(HUB_VIEW, **GET_ONLY),
    "hub_certificates:revoke": E(
        HUB_MANAGE_OWN, kwargs={"pk": "@certificate"}, post=BAD
    ),
    "hub_certificates:reinstate": E(
        HUB_MANAGE_OWN, kwargs={"pk": "@certificate"}, **POST_ONLY
    ),
    **viewset(
        "hub_certifications",
        {
            "index": HUB_DEFINITIONS_VIEW,
            "index_results": HUB_DEFINITIONS_VIEW,
            "add": HUB_DEFINITIONS,
            "edit": HUB_DEFINITIONS,
            "delete": ADMIN_ONLY,
            "history": HUB_DEFINITIONS,
            "history_results": HUB_DEFINITIONS,
            "usage": HUB_DEFINITIONS,
        },
        index=GET_ONLY,
        index_results=GET_ONLY,
        **object_views(
            "@certification",
            "edit",
            "delete",
            "history",
            "history_results",
            "usage",
            edit={"post": BAD},
            delete=PROTECTED,
        ),
        add={"post": BAD},
    ),
    # The hub's screens
    "hub:index": E(HUB_START, **GET_ONLY),
    "hub_matrix:index": E(HUB_VIEW, **GET_ONLY),
    "hub_assignments:index": E(HUB_VIEW, **GET_ONLY),
    "hub_assignments:assign": E(HUB_MANAGE, post=BAD),
    "hub_reviews:index": E(HUB_VIEW, **GET_ONLY),
    "hub_reviews:history": E(HUB_VIEW, **GET_ONLY),
    "hub_reviews:review": E(HUB_MANAGE_OWN, kwargs={"pk": "@submission"}, post=BAD),
    "hub_people:index": E(HUB_VIEW, **GET_ONLY),
    "hub_people:person": E(HUB_VIEW_OWN, kwargs={"pk": "@learner"}, **GET_ONLY),
    "hub_people:add_membership": E(HUB_MANAGE_OWN, kwargs={"pk": "@learner"}, post=BAD),
    "hub_people:end_membership": E(
        HUB_MANAGE_OWN, kwargs={"pk": "@membership"}, post=BAD
    ),
    "hub_people:invite": E(INVITE_OWN, kwargs={"pk": "@learner"}),
    "hub_people:exempt": E(HUB_MANAGE_OWN, kwargs={"pk": "@assignment"}, post=BAD),
    "hub_people:extend": E(HUB_MANAGE_OWN, kwargs={"pk": "@assignment"}, post=BAD),
    "hub_people_import:index": E(HUB_MANAGE, post=BAD),
    "hub_people_import:template": E(HUB_MANAGE, **GET_ONLY),
    # Webhook endpoints (lms.manage_webhooks): HR registers them.
    "hub_webhooks:index": E(HR_ONLY, **GET_ONLY),
    "hub_webhooks:add": E(HR_ONLY, post=BAD),
    "hub_webhooks:endpoint": E(HR_ONLY, kwargs={"pk": "@webhook"}, **GET_ONLY),
    "hub_webhooks:edit": E(HR_ONLY, kwargs={"pk": "@webhook"}, post=BAD),
    "hub_webhooks:delete": E(HR_ONLY, kwargs={"pk": "@webhook"}),
    "hub_webhooks:test": E(HR_ONLY, kwargs={"pk": "@webhook"}, **POST_ONLY),
    "hub_webhooks:secret": E(HR_ONLY, kwargs={"pk": "@webhook"}, **POST_ONLY),
    # API tokens: HR makes them (for themselves), sees and revokes them.
    "hub_api_tokens:index": E(HR_ONLY, **GET_ONLY),
    "hub_api_tokens:add": E(HR_ONLY, post=BAD),
    "hub_api_tokens:revoke": E(HR_ONLY, kwargs={"pk": "@api_token"}, **POST_ONLY),
    **viewset(
        "hub_roles",
        {
            "index": HUB_DEFINITIONS_VIEW,
            "index_results": HUB_DEFINITIONS_VIEW,
            "add": HUB_DEFINITIONS,
            "edit": HUB_DEFINITIONS,
            "delete": ADMIN_ONLY,
            "history": HUB_DEFINITIONS,
            "history_results": HUB_DEFINITIONS,
            "usage": HUB_DEFINITIONS,
            "inspect": HUB_DEFINITIONS_VIEW,
        },
        index=GET_ONLY,
        index_results=GET_ONLY,
        **object_views(
            "@role",
            "edit",
            "delete",
            "history",
            "history_results",
            "usage",
            "inspect",
            edit={"post": BAD},
            delete=PROTECTED,
        ),
        add={"post": BAD},
    ),
    # Units: the object is Night shift, below the manager's Webcare. The
    # screens find a unit among those the user may see before they check the
    # permission, so those without one meet a 404 (which reveals less).
    **viewset(
        "hub_units",
        {
            "index": HUB_VIEW,
            "index_results": HUB_VIEW,
            "add": HUB_MANAGE,
            "edit": HUB_MANAGE_OWN,
            "delete": ADMIN_ONLY,
            "history": HUB_READ_OWN,
            "history_results": HUB_READ_OWN,
            "usage": HUB_READ_OWN,
            "inspect": HUB_VIEW_OWN,
        },
        index=GET_ONLY,
        index_results=GET_ONLY,
        add={"post": BAD},
        **object_views(
            "@unit",
            "edit",
            "delete",
            "history",
            "history_results",
            "usage",
            "inspect",
            edit={"post": BAD},
            delete=PROTECTED,
            history={"overrides": each(("coordinator", "editor"), HIDDEN)},
            history_results={"overrides": each(("coordinator", "editor"), HIDDEN)},
            usage={"overrides": each(("coordinator", "editor"), HIDDEN)},
            inspect={"overrides": each(("coordinator", "editor"), HIDDEN)},
        ),
    ),
    # Site configuration: sites, users, groups, locales.
    **configuration("wagtailsites", "@site", "copy"),
    **configuration("wagtailusers_users", "@learner", "copy", delete=PROTECTED),
    **configuration("wagtailusers_groups", "@group"),
    **configuration(
        "wagtaillocales",
        "@locale",
        add={
            "overrides": {"superuser": DENIED},
            "note": "Every content language has its locale already.",
        },
    ),
    # The organisation's OpenID Connect providers (cms.sso): administrators.
    **configuration("sso_providers", "@sso_provider"),
    # The admin's public pages.
    "wagtailadmin_sprite": E(PUBLIC),
    # The admin signs in through allauth, whose limits Wagtail's own login
    # and password reset would bypass: cms serves the login path ahead of
    # Wagtail's and sends everyone to allauth; the reset is switched off.
    "admin_login": E(PUBLIC, get=LOGIN, post=LOGIN),
    "wagtailadmin_login": E(PUBLIC, shadowed_by="admin_login", get=LOGIN, post=LOGIN),
    "wagtailadmin_password_reset": E(PUBLIC, get=HIDDEN, post=HIDDEN),
    "wagtailadmin_password_reset_done": E(PUBLIC, get=HIDDEN, post=HIDDEN),
    "wagtailadmin_password_reset_confirm": E(
        PUBLIC,
        kwargs={"uidb64": "@reset_uidb64", "token": "@reset_token"},
        get=HIDDEN,
        post=HIDDEN,
    ),
    "wagtailadmin_password_reset_complete": E(PUBLIC, get=HIDDEN, post=HIDDEN),
    "wagtailadmin_javascript_catalog": E(PUBLIC, **GET_ONLY),
    "admin/.*/$": E(
        ADMIN_ANY,
        path="/admin/no-such-screen/",
        get=HIDDEN,
        post=HIDDEN,
        overrides=each(("learner", "other_learner"), LOGIN),
        note="WAGTAIL: an unknown admin path sends who has no admin access to "
        "the admin's login page.",
    ),
    # Documents are served to anyone, unless their collection is private.
    "wagtaildocs_serve": E(PUBLIC, args=("@document", "@document_file")),
    "wagtaildocs_authenticate_with_password": E(
        PUBLIC, kwargs={"restriction_id": "@collection_restriction"}
    ),
    # For load balancers and monitoring: whether the site's parts answer.
    "healthz": E(PUBLIC, **GET_ONLY),
    # Accounts (allauth)
    "account_login": E(PUBLIC),
    "account_logout": E(PUBLIC),
    "account_inactive": E(PUBLIC, **GET_ONLY),
    "account_signup": E(PUBLIC),
    "account_reauthenticate": E(SIGNED_IN_SELF),
    "account_request_reauthentication_code": E(SIGNED_IN_SELF),
    "account_confirm_reauthentication_code": E(SIGNED_IN_SELF),
    "account_email": E(SIGNED_IN_SELF),
    "account_email_verification_sent": E(PUBLIC, **GET_ONLY),
    "account_change_password": E(SIGNED_IN_SELF),
    "account_set_password": E(SIGNED_IN_SELF),
    "account_reset_password": E(PUBLIC),
    "account_confirm_login_code": E(
        PUBLIC,
        overrides={"anonymous": LOGIN},
        note="Without a login by code under way, back to the login page.",
    ),
    "account_confirm_email": E(
        PUBLIC,
        kwargs={"key": "@confirmation_key"},
        overrides=each(set(KINDS) - {"learner"}, LOGIN, "POST"),
        note="Anyone with the key confirms the address (allauth's design); "
        "whoever is not its owner is then sent to log in.",
    ),
    "account_reset_password_from_key_done": E(PUBLIC, **GET_ONLY),
    "account_reset_password_from_key": E(
        PUBLIC, kwargs={"uidb36": "@reset_uidb36", "key": "@reset_key"}
    ),
    "account_reset_password_done": E(PUBLIC, **GET_ONLY),
    # Two-factor authentication (allauth.mfa), each person's own; the steps
    # to it that the admin sends its users to (cms.mfa).
    "mfa_required": E(SIGNED_IN_SELF, only=("GET",)),
    "mfa_index": E(SIGNED_IN_SELF, **GET_ONLY),
    "mfa_authenticate": E(
        PUBLIC,
        overrides={"anonymous": LOGIN},
        note="Without a login under way, back to the login page.",
    ),
    "mfa_reauthenticate": E(SIGNED_IN_SELF),
    "mfa_activate_totp": E(SIGNED_IN_SELF),
    "mfa_add_webauthn": E(SIGNED_IN_SELF),
    "mfa_reauthenticate_webauthn": E(
        SIGNED_IN_SELF,
        overrides={("other_learner", "POST"): LOGIN},
        note="allauth answers a key's failed answer with the login page.",
    ),
    # Only the other learner has an app, a key and recovery codes: for
    # everyone else they do not exist.
    "mfa_deactivate_totp": E(SIGNED_IN_SELF, overrides=each(NOT_MFA, HIDDEN)),
    "mfa_view_recovery_codes": E(
        SIGNED_IN_SELF, overrides=each(NOT_MFA, HIDDEN, "GET"), **GET_ONLY
    ),
    "mfa_download_recovery_codes": E(SIGNED_IN_SELF, overrides=each(NOT_MFA, HIDDEN)),
    # allauth asks for the password again before it looks for the codes or
    # the key (a redirect, OK here); then whoever is not the owner finds
    # nothing (tests/cms/test_mfa.py).
    "mfa_generate_recovery_codes": E(SIGNED_IN_SELF),
    "mfa_remove_webauthn": E(SIGNED_IN_SELF, kwargs={"pk": "@security_key"}),
    "mfa_edit_webauthn": E(SIGNED_IN_SELF, kwargs={"pk": "@security_key"}),
    "mfa_list_webauthn": E(SIGNED_IN_SELF, **GET_ONLY),
    # Single sign-on (allauth.socialaccount's OpenID Connect, cms.sso). The
    # world's provider does not answer: starting a sign-in meets the page
    # that says so (503); a callback without a sign-in under way, and the
    # error page, answer allauth's 401.
    "openid_connect_login": E(
        PUBLIC, kwargs={"provider_id": "@sso_provider_id"}, post=ERROR
    ),
    "openid_connect_callback": E(
        PUBLIC,
        kwargs={"provider_id": "@sso_provider_id"},
        get=Outcome.UNAUTHORIZED,
        post=Outcome.UNAUTHORIZED,
    ),
    "socialaccount_login_cancelled": E(PUBLIC, **GET_ONLY),
    "socialaccount_login_error": E(PUBLIC, get=Outcome.UNAUTHORIZED, **GET_ONLY),
    "socialaccount_signup": E(
        PUBLIC,
        overrides=each(KINDS, LOGIN),
        note="Without a sign-in under way, back to the login page.",
    ),
    "socialaccount_connections": E(SIGNED_IN_SELF),
    "accounts/social/login/cancelled/": E(PUBLIC),
    "accounts/social/login/error/": E(PUBLIC),
    "accounts/social/signup/": E(PUBLIC),
    "accounts/social/connections/": E(PUBLIC),
    "set_language": E(
        PUBLIC, data={"language": "en", "next": "/learn/"}, only=("POST",)
    ),
    # The learner's pages: every action is about the signed-in person.
    "lms:my_learning": E(SIGNED_IN_SELF),
    "lms:enrol": E(
        SIGNED_IN_SELF, kwargs={"course_id": "@second_course"}, only=("POST",)
    ),
    "lms:complete_module": E(
        SIGNED_IN_SELF, kwargs={"module_id": "@module"}, only=("POST",)
    ),
    "lms:submit_quiz": E(
        SIGNED_IN_SELF,
        kwargs={"module_id": "@quiz_module", "block_id": "@quiz_block"},
        only=("POST",),
        post=BAD,
    ),
    "lms:submit_scenario": E(
        SIGNED_IN_SELF,
        kwargs={"module_id": "@scenario_module", "block_id": "@scenario_block"},
        only=("POST",),
        post=BAD,
    ),
    # An invitation's link: its token is the key; the first request keeps
    # it in the session and redirects.
    "lms:invitation": E(
        PUBLIC, kwargs={"pk": "@invitation", "token": "@invitation_token"}
    ),
    # The learner's calendar feed, fetched by calendar programs without a
    # session: the token is the key (as an invitation's), GET only. Making
    # or replacing the address is the signed-in person's own action.
    "lms:calendar_feed": E(PUBLIC, kwargs={"token": "@calendar_token"}, only=("GET",)),
    "lms:calendar_address": E(SIGNED_IN_SELF, only=("POST",)),
    # Certificates: public verification, private files.
    "certification:verify_start": E(PUBLIC, **GET_ONLY),
    "certification:verify": E(PUBLIC, kwargs={"code": "@certificate_code"}),
    "certification:certificate_pdf": E(
        HOLDER_OR_MANAGERS, kwargs={"code": "@certificate_code"}, only=("GET",)
    ),
    "certification:credential": E(
        HOLDER_OR_MANAGERS, kwargs={"code": "@certificate_code"}, only=("GET",)
    ),
    "certification:status_list": E(
        PUBLIC, kwargs={"number": "@status_list"}, only=("GET",)
    ),
    "certification:did": E(PUBLIC, only=("GET",)),
    # The JSON API: its description is public, its data needs a token.
    "certification:api:openapi-json": E(PUBLIC),
    "certification:api:openapi-view": E(PUBLIC),
    "certification:api:api-root": E(PUBLIC, get=HIDDEN, post=HIDDEN),
    "certification:api_not_found": E(
        PUBLIC, kwargs={"rest": "nothing/here"}, get=HIDDEN, post=HIDDEN
    ),
    "certification:api:list_people": E(TOKEN_ONLY, only=("GET",)),
    "certification:api:get_person": E(
        TOKEN_ONLY, kwargs={"person_id": "@learner"}, only=("GET",)
    ),
    "certification:api:sync_people": E(TOKEN_ONLY, only=("POST",)),
    "certification:api:list_units": E(TOKEN_ONLY, only=("GET",)),
    "certification:api:get_unit": E(
        TOKEN_ONLY, kwargs={"unit_id": "@unit"}, only=("GET",)
    ),
    "certification:api:list_roles": E(TOKEN_ONLY, only=("GET",)),
    "certification:api:list_memberships": E(TOKEN_ONLY, only=("GET",)),
    "certification:api:list_certificates": E(TOKEN_ONLY, only=("GET",)),
    "certification:api:get_certificate": E(
        TOKEN_ONLY, kwargs={"certificate_id": "@certificate"}, only=("GET",)
    ),
    "certification:api:verify_certificate": E(
        TOKEN_ONLY, kwargs={"code": "@certificate_code"}, only=("GET",)
    ),
    "certification:api:revoke_certificate": E(
        TOKEN_ONLY, kwargs={"certificate_id": "@certificate"}, only=("POST",)
    ),
    "certification:api:reinstate_certificate": E(
        TOKEN_ONLY, kwargs={"certificate_id": "@certificate"}, only=("POST",)
    ),
    "certification:api:list_readiness": E(TOKEN_ONLY, only=("GET",)),
    # One route answers GET (the list) and POST (assigning).
    "certification:api:list_assignments": E(TOKEN_ONLY),
    "certification:api:assign": E(
        TOKEN_ONLY, shadowed_by="certification:api:list_assignments"
    ),
    "certification:api:get_assignment": E(
        TOKEN_ONLY, kwargs={"assignment_id": "@assignment"}, only=("GET",)
    ),
    "certification:api:withdraw": E(
        TOKEN_ONLY, kwargs={"assignment_id": "@assignment"}, only=("POST",)
    ),
    "certification:api:list_enrolments": E(TOKEN_ONLY, only=("GET",)),
    "certification:api:list_progress": E(TOKEN_ONLY, only=("GET",)),
    "certification:api:list_completions": E(TOKEN_ONLY, only=("GET",)),
    "certification:api:completion_report": E(TOKEN_ONLY, only=("GET",)),
    # Wagtail's front end
    "wagtailcore_authenticate_with_password": E(
        PUBLIC,
        kwargs={
            "page_view_restriction_id": "@page_restriction",
            "page_id": "@private_page",
        },
    ),
    "wagtailcore_login": E(PUBLIC),
    "wagtail_serve": [
        E(PUBLIC, label="home", args=("",)),
        E(PUBLIC, label="catalogue", args=("courses/",)),
        E(PUBLIC, label="course", args=("courses/webcare/",)),
        E(PUBLIC, label="quiz module", args=("courses/webcare/module-2/",)),
        E(PUBLIC, label="private page", args=("internal/",)),
    ],
}
