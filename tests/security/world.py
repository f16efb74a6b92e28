"""A small organisation with a real object behind every URL parameter.

The objects that URLs name belong to the learner (in Night shift) or to
Night shift itself, a unit below Webcare: the manager of Webcare manages
them, the manager of Marketing does not.
"""

import io
import uuid
from datetime import timedelta
from types import SimpleNamespace

from allauth.account.forms import default_token_generator as allauth_tokens
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.socialaccount.models import SocialApp
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from PIL import Image as PILImage
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    Locale,
    PageViewRestriction,
    Site,
    UploadedFile,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from certification import badges
from certification import services as certification_services
from certification.models import Certification
from courses.models import CourseIndexPage, ModulePage
from lms.api import tokens as api_tokens
from lms.assignments import services as assignments
from lms.calendar import services as calendar_feeds
from lms.calendar import tokens as calendar_tokens
from lms.invitations import services as invitations
from lms.invitations.tokens import invitation_tokens
from lms.learning import services
from lms.models import RoleRequirement
from lms.organisation import services as organisation
from lms.reports import export_jobs
from lms.webhooks import services as webhooks
from tests.factories import (
    TopicFactory,
    UserFactory,
    correct_answers,
    make_course,
    text_block,
)
from tests.security_keys import registered_credential


def _png(name: str) -> ImageFile:
    data = io.BytesIO()
    PILImage.new("RGB", (8, 8), "white").save(data, "PNG")
    return ImageFile(data, name=name)


def build_world(hub, catalogue, home_page, locales) -> SimpleNamespace:
    """Everything a URL of the site can name, and who the nine kinds are."""
    today = timezone.localdate()
    w = SimpleNamespace(hub=hub, catalogue=catalogue, home=home_page)

    # The people: the hub fixture's, a coordinator, an administrator, and
    # someone whose password-reset links stay valid (nobody logs in as them).
    w.coordinator = hub.coordinator
    w.superuser = UserFactory(name="Admin", is_superuser=True, is_staff=True)
    w.reset_person = UserFactory(name="Forgetful Learner")
    organisation.join_role(
        user=w.reset_person, unit=hub.team, role=hub.role, started_on=today
    )
    # An invitation to them stays usable, as nobody uses it.
    w.invitation = invitations.invite(person=w.reset_person, by=hub.hr)
    # The learner's calendar address: the token is the only credential.
    w.calendar_feed = calendar_feeds.feed_for(user=hub.learner)
    w.kinds = {
        "anonymous": None,
        "learner": hub.learner,
        "other_learner": hub.outsider,
        "manager": hub.manager,
        "other_manager": hub.other_manager,
        "hr": hub.hr,
        "coordinator": w.coordinator,
        "editor": hub.editor,
        "superuser": w.superuser,
    }

    # Courses: the webcare course is required for the role; a second one is
    # assigned to the learner by the manager.
    w.course = make_course(catalogue, slug="webcare", title="Webcare")
    w.reading, w.quiz_module, w.scenario_module = w.course.get_modules()
    w.quiz_block = w.quiz_module.interactive_blocks()[0]
    w.scenario_block = w.scenario_module.interactive_blocks()[0]
    w.second_course = make_course(
        catalogue, bodies=[[text_block()]], slug="crisis", title="Crisis"
    )
    RoleRequirement.objects.create(role=hub.role, course=w.course)
    organisation.sync_role_requirements(role=hub.role, by=hub.manager)
    assignments.assign_course(
        by=hub.manager,
        course=w.second_course,
        due_on=today + timedelta(days=30),
        reason="Everyone on the night shift",
        target="person",
        person=hub.learner,
    )
    w.assignment = hub.learner.assignments.get(course=w.second_course)

    # The learner's work: a module done, a quiz passed, a scenario answer
    # waiting for review.
    services.complete_module(user=hub.learner, module=w.reading)
    services.submit_quiz(
        user=hub.learner,
        module=w.quiz_module,
        block_id=w.quiz_block.id,
        answers=correct_answers(w.quiz_block.value),
        token=uuid.uuid4(),
    )
    w.submission = services.submit_scenario(
        user=hub.learner,
        module=w.scenario_module,
        block_id=w.scenario_block.id,
        text="Sorry to hear that; a crew will empty the bins today.",
        token=uuid.uuid4(),
    )

    # Certificates of the learner and of the other learner.
    w.certification = Certification.objects.create(
        name="Webcare certified", validity_months=24
    )
    w.certification.courses.add(w.course)
    w.certificate = certification_services.issue_certificate(
        holder=hub.learner, certification=w.certification, valid_from=today
    )
    w.other_certificate = certification_services.issue_certificate(
        holder=hub.outsider, certification=w.certification, valid_from=today
    )

    # Content: a topic, an image, a document, a private collection and page,
    # a redirect, a workflow in progress on the course, revisions.
    w.topic = TopicFactory(name="Webcare", slug="webcare-topic")
    root_collection = Collection.get_first_root_node()
    w.collection = root_collection.add_child(name="Private files")
    w.collection_restriction = CollectionViewRestriction.objects.create(
        collection=w.collection, restriction_type="password", password="secret"
    )
    # Size and hash as an upload sets them (else the edit form fills them in).
    w.image = Image(title="Logo", file=_png("logo.png"))
    w.image._set_image_file_metadata()
    w.image.save()
    w.document = Document(
        title="Guidelines", file=ContentFile(b"Be kind.", name="guidelines.txt")
    )
    w.document._set_document_file_metadata()
    w.document.save()
    w.uploaded_image = UploadedFile.objects.create(
        file=_png("upload.png"),
        for_content_type=ContentType.objects.get_for_model(Image),
        uploaded_by_user=hub.editor,
    )
    w.uploaded_document = UploadedFile.objects.create(
        file=ContentFile(b"Draft.", name="upload.txt"),
        for_content_type=ContentType.objects.get_for_model(Document),
        uploaded_by_user=hub.editor,
    )
    w.alias = w.second_course.create_alias(parent=catalogue, update_slug="crisis-alias")
    w.private_page = home_page.add_child(
        instance=CourseIndexPage(title="Internal", slug="internal")
    )
    w.page_restriction = PageViewRestriction.objects.create(
        page=w.private_page, restriction_type="password", password="secret"
    )
    w.redirect = Redirect.objects.create(old_path="/old-courses", redirect_link="/")
    w.workflow = Workflow.objects.create(name="Course review")
    w.task = GroupApprovalTask.objects.create(name="Hub approval")
    w.task.groups.set([Group.objects.get(name="Moderators")])
    WorkflowTask.objects.create(workflow=w.workflow, task=w.task, sort_order=0)
    WorkflowPage.objects.create(workflow=w.workflow, page=catalogue)
    w.first_revision = w.course.save_revision(user=hub.editor, log_action=True)
    w.course.title = "Webcare basics"
    w.revision = w.course.save_revision(user=hub.editor, log_action=True)
    w.workflow_state = w.workflow.start(w.course, hub.editor)
    w.task_state = w.workflow_state.current_task_state
    w.editing_session = EditingSession.objects.create(
        user=hub.editor,
        content_type=ContentType.objects.get_for_model(w.course.specific_class),
        object_id=str(w.course.pk),
        last_seen_at=timezone.now(),
    )
    log(w.topic, "wagtail.create", user=hub.editor)

    # Accounts: a verified address and its confirmation key; reset links.
    w.email_address = EmailAddress.objects.create(
        user=hub.learner, email=hub.learner.email, primary=True, verified=True
    )
    w.new_address = EmailAddress.objects.create(
        user=hub.learner, email="learner.private@example.net"
    )
    w.confirmation_key = EmailConfirmationHMAC(w.new_address).key
    w.site = Site.objects.get(is_default_site=True)
    # The other learner's second factors (allauth.mfa): an authenticator
    # app, a security key and recovery codes, only theirs to see or change.
    Authenticator.objects.create(
        user=hub.outsider,
        type=Authenticator.Type.TOTP,
        data={"secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"},
    )
    w.security_key = Authenticator.objects.create(
        user=hub.outsider,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": "Phone", "credential": registered_credential()},
    )
    RecoveryCodes.activate(hub.outsider)
    # An OpenID Connect provider set up in the admin; nothing listens at its
    # address, so a sign-in started there fails at once, offline.
    w.sso_provider = SocialApp.objects.create(
        provider="openid_connect",
        provider_id="world-idp",
        name="World IdP",
        client_id="world",
        settings={"server_url": "http://127.0.0.1:9"},
    )

    # The manager's export of the completion report, prepared and ready.
    w.export_job, _created = export_jobs.request_export(
        requester=hub.manager,
        report="hub_reports_completion",
        export_format="csv",
        filters="",
        language="en",
    )
    export_jobs.run_export(w.export_job.pk)

    # An integration's API token, made by HR.
    w.api_token, _raw = api_tokens.make_token(
        name="AFAS sync", user=hub.hr, access="write", by=hub.hr
    )

    # HR's webhook endpoint; nothing listens at its address, so a test event
    # sent to it is refused at once, offline.
    w.webhook = webhooks.register_endpoint(
        name="HR dashboard",
        url="http://127.0.0.1:9/hooks",
        event_names=["course.completed"],
        by=hub.hr,
    )

    w.ids = {
        # People and the organisation
        "learner": hub.learner.pk,
        "unit": hub.team.pk,
        "role": hub.role.pk,
        "membership": hub.membership.pk,
        "assignment": w.assignment.pk,
        "submission": w.submission.pk,
        "certificate": w.certificate.pk,
        "certificate_code": w.certificate.code,
        "certification": w.certification.pk,
        "export_job": w.export_job.pk,
        "webhook": w.webhook.pk,
        "api_token": w.api_token.pk,
        "status_list": badges.STATUS_LIST_NUMBER,
        "group": Group.objects.get(name="Hub managers").pk,
        # Courses
        "catalogue": catalogue.pk,
        "course": w.course.pk,
        "second_course": w.second_course.pk,
        "module": w.reading.pk,
        "quiz_module": w.quiz_module.pk,
        "quiz_block": w.quiz_block.id,
        "scenario_module": w.scenario_module.pk,
        "scenario_block": w.scenario_block.id,
        "home": home_page.pk,
        "text_block_definition": ModulePage._meta.get_field("body")
        .stream_block.child_blocks["text"]
        .definition_prefix,
        "private_page": w.private_page.pk,
        "alias": w.alias.pk,
        "page_restriction": w.page_restriction.pk,
        "revision": w.revision.pk,
        "workflow": w.workflow.pk,
        "task": w.task.pk,
        "workflow_state": w.workflow_state.pk,
        "task_state": w.task_state.pk,
        "editing_session": w.editing_session.pk,
        # Content
        "topic": w.topic.pk,
        "image": w.image.pk,
        "document": w.document.pk,
        "document_file": w.document.filename,
        "uploaded_image": w.uploaded_image.pk,
        "uploaded_document": w.uploaded_document.pk,
        "collection": w.collection.pk,
        "collection_restriction": w.collection_restriction.pk,
        "redirect": w.redirect.pk,
        "site": w.site.pk,
        "locale": Locale.objects.get(language_code="en").pk,
        # Accounts
        "confirmation_key": w.confirmation_key,
        "reset_uidb36": user_pk_to_url_str(w.reset_person),
        "reset_key": allauth_tokens.make_token(w.reset_person),
        "reset_uidb64": urlsafe_base64_encode(force_bytes(w.reset_person.pk)),
        "reset_token": default_token_generator.make_token(w.reset_person),
        "security_key": w.security_key.pk,
        "sso_provider": w.sso_provider.pk,
        "sso_provider_id": w.sso_provider.provider_id,
        "invitation": w.invitation.pk,
        "invitation_token": invitation_tokens.token_for(w.invitation),
        "calendar_token": calendar_tokens.token_for(w.calendar_feed),
    }
    return w
