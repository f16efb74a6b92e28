"""LMS settings, read lazily so that tests can override them."""

from django.conf import settings


class AppSettings:
    @property
    def SCENARIO_MAX_LENGTH(self) -> int:
        """The longest scenario answer accepted, in characters."""
        return getattr(settings, "LMS_SCENARIO_MAX_LENGTH", 5000)

    @property
    def SCENARIO_MIN_LENGTH(self) -> int:
        """The shortest scenario answer accepted, in characters."""
        return getattr(settings, "LMS_SCENARIO_MIN_LENGTH", 20)

    @property
    def REMINDER_DAYS_BEFORE(self) -> int:
        """How many days before the due date the reminder goes out."""
        return max(0, int(getattr(settings, "LMS_REMINDER_DAYS_BEFORE", 7)))

    @property
    def OVERDUE_EVERY_DAYS(self) -> int:
        """How many days apart the overdue notices go out."""
        # At least one day: zero would divide by zero and mail every run.
        return max(1, int(getattr(settings, "LMS_OVERDUE_EVERY_DAYS", 7)))

    @property
    def MAX_DAYS_AHEAD(self) -> int:
        """How many days ahead a due date or a membership's start may lie."""
        return max(1, int(getattr(settings, "LMS_MAX_DAYS_AHEAD", 1096)))

    @property
    def TRUSTED_PROXY_COUNT(self) -> int:
        """How many proxies in front of the site append to X-Forwarded-For.

        0 ignores the header, as any client can write it.
        """
        return max(0, int(getattr(settings, "LMS_TRUSTED_PROXY_COUNT", 0) or 0))

    @property
    def CLIENT_IP_HEADER(self) -> str:
        """The header a trusted proxy sets to the client's address, such as
        ``X-Real-IP``; empty to use X-Forwarded-For or the connection."""
        return getattr(settings, "LMS_CLIENT_IP_HEADER", "") or ""

    @property
    def EXPORT_INLINE_MAX_ROWS(self) -> int | None:
        """The most rows a report exports inside the request; a larger
        export is prepared in the background. None: always inside."""
        value = getattr(settings, "LMS_EXPORT_INLINE_MAX_ROWS", 50_000)
        return None if value is None else max(0, int(value))

    @property
    def EXPORT_EXPIRY_HOURS(self) -> float:
        """How long a prepared export may be downloaded, in hours."""
        return max(0.0, float(getattr(settings, "LMS_EXPORT_EXPIRY_HOURS", 24)))

    @property
    def EXPORT_STALE_MINUTES(self) -> float:
        """After how long without progress an export counts as abandoned, and
        asking again starts a new one."""
        return max(1.0, float(getattr(settings, "LMS_EXPORT_STALE_MINUTES", 15)))

    @property
    def EXPORT_STORAGE(self) -> str:
        """The STORAGES alias of the private storage for prepared exports."""
        return getattr(settings, "LMS_EXPORT_STORAGE", "exports")

    @property
    def TASK_RETRY_DELAYS(self) -> list[int]:
        """Seconds before each retry of a background job that failed or whose
        worker died (on RQ, with lms.queues.RetryingQueue); empty: none."""
        delays = getattr(settings, "LMS_TASK_RETRY_DELAYS", [10, 60, 300])
        return [max(0, int(delay)) for delay in delays or []]

    @property
    def INVITATION_EXPIRY_DAYS(self) -> float:
        """How many days an invitation link works."""
        return max(0.01, float(getattr(settings, "LMS_INVITATION_EXPIRY_DAYS", 14)))

    @property
    def INVITATIONS_PER_PERSON_PER_DAY(self) -> int:
        """How many invitations one person may be sent in a day: more would
        only fill their mailbox."""
        return max(1, int(getattr(settings, "LMS_INVITATIONS_PER_PERSON_PER_DAY", 5)))

    @property
    def INVITATIONS_PER_SENDER_PER_HOUR(self) -> int:
        """How many invitations one person may send from the people screens
        in an hour (the import invites a whole file at once, and is not
        counted)."""
        return max(
            1, int(getattr(settings, "LMS_INVITATIONS_PER_SENDER_PER_HOUR", 100))
        )

    @property
    def INVITATION_PASSWORDS(self) -> bool:
        """Whether an invitation lets the person choose a password; a site
        where everyone signs in with the organisation's account says no."""
        return bool(getattr(settings, "LMS_INVITATION_PASSWORDS", True))

    @property
    def INVITATION_SIGN_IN_URL(self) -> str:
        """Where an invited person signs in with the organisation's account
        (single sign-on): a URL or URL name; empty where the site has none."""
        return getattr(settings, "LMS_INVITATION_SIGN_IN_URL", "") or ""

    @property
    def API_TOKEN_DEFAULT_DAYS(self) -> int:
        """How long a new API token works unless its maker says otherwise."""
        return max(1, int(getattr(settings, "LMS_API_TOKEN_DEFAULT_DAYS", 365)))

    @property
    def API_TOKEN_MAX_DAYS(self) -> int:
        """The longest an API token may work, in days."""
        return max(1, int(getattr(settings, "LMS_API_TOKEN_MAX_DAYS", 730)))

    @property
    def API_RATE_PER_MINUTE(self) -> int:
        """The requests a new API token may make per minute."""
        return max(1, int(getattr(settings, "LMS_API_RATE_PER_MINUTE", 600)))

    @property
    def API_PAGE_SIZE(self) -> int:
        """Records per page of an API list, unless the client asks for fewer."""
        return max(1, int(getattr(settings, "LMS_API_PAGE_SIZE", 100)))

    @property
    def API_MAX_PAGE_SIZE(self) -> int:
        """The most records an API page holds."""
        return max(1, int(getattr(settings, "LMS_API_MAX_PAGE_SIZE", 1000)))

    @property
    def API_MAX_BATCH(self) -> int:
        """The most people one HR sync request may hold."""
        return max(1, int(getattr(settings, "LMS_API_MAX_BATCH", 5000)))

    @property
    def WEBHOOK_ALLOW_HTTP(self) -> bool:
        """Whether webhook endpoints may be plain http:// addresses (for
        development and tests); in production they must be https://."""
        return bool(getattr(settings, "LMS_WEBHOOK_ALLOW_HTTP", False))

    @property
    def WEBHOOK_TIMEOUT(self) -> float:
        """Seconds a webhook's receiver has to answer one try."""
        return max(1.0, float(getattr(settings, "LMS_WEBHOOK_TIMEOUT", 10)))

    @property
    def WEBHOOK_RETRY_DELAYS(self) -> list[int]:
        """Seconds before each retry of a webhook delivery that failed; the
        last delay repeats until a day after the event."""
        delays = getattr(
            settings, "LMS_WEBHOOK_RETRY_DELAYS", [60, 300, 900, 3600, 10800, 21600]
        )
        return [max(1, int(delay)) for delay in delays or []] or [3600]


app_settings = AppSettings()


def __getattr__(name):
    return getattr(app_settings, name)
