"""Signed webhooks: events POSTed to the organisation's systems, with retries.

HR registers endpoints in the admin (Hub › Webhooks), each for some event
types. When something happens, ``services.emit`` records the event once (its
key keeps a retried action or a second daily run from announcing it twice)
and one delivery per active endpoint that hears of the type; the deliveries
are queued on commit (``tasks``) and tried by ``delivery.deliver``.

What a receiver gets: a POST with a JSON body

    {"id": "<event id, a UUID>", "type": "course.completed",
     "occurred_at": "2026-12-04T10:15:00+00:00", "data": {...}}

and the headers ``Hub-Event-Id`` (the id again: de-duplicate on it, as a
delivery may arrive more than once), ``Hub-Event-Type`` and
``Hub-Signature: t=<unix seconds>,v1=<hex>``, where the hex is the
HMAC-SHA256, keyed with the endpoint's secret, of ``"<t>.<raw body>"``
(``signing.verify_signature`` checks it, as a receiver should, with a
tolerance on t against replays). A 2xx answer is a delivery; anything else
(or no answer within LMS_WEBHOOK_TIMEOUT seconds; redirects are not
followed) is tried again after 1, 5, 15, 60, 180, then every 360 minutes
(LMS_WEBHOOK_RETRY_DELAYS), until a day after the event, then given up.

The data of each type (ids are the site's own; ``person`` is always
``{"id": …, "email": …}``):

- ``course.completed``: person, ``course`` ``{"id", "title"}``,
  ``enrolment_id``, ``completed_at``.
- ``assignment.overdue``: person, course, ``assignment_id``, ``due_on``
  (the due date, extended or not, that passed). Once per assignment and due
  date, from the daily run, for due dates of the past week (an endpoint
  registered later hears of what becomes overdue from then on).
- ``certificate.issued``: person, ``certificate`` ``{"id", "code",
  "valid_from", "valid_until", "verify_url"}``, ``certification``
  ``{"id", "name"}``, ``renews`` (the previous certificate's code or null).
- ``certificate.revoked``: person, certificate, certification,
  ``revoked_at``, ``reason``.
- ``certificate.expiring``: person, certificate, certification: the
  certificate has entered its renewal window (once per certificate).
- ``ping``: ``endpoint`` ``{"id", "name"}``: the admin's "Send test event".

Apps above lms add their types through the ``register_lms_webhook_events``
hook (``events``); certification adds the certificate events.

Retries: where the task backend defers tasks (RQ, the database backend) a
failed try queues the next one at its time; with inline tasks the sweep,
``manage.py deliver_webhooks`` (cron, every minute; lms_daily runs it too),
tries what is due. Erasing a person deletes the events that name them.
"""
