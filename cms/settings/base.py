"""Settings shared by every environment; values that differ come from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from cms.sso import config as _sso_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """A whole number from the environment; anything else stops the start
    with a message naming the variable."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from None


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "certification",
    "lms",
    "courses",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    # The API (/api/v1/): its docs page serves Swagger UI from ninja's own
    # static files, not from a CDN that the Content Security Policy refuses.
    "ninja",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Single sign-on through the organisation's OpenID Connect provider.
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Background work on a real queue in production (cms.settings.production):
    # RQ workers on Redis, or the database as the queue.
    "django_tasks",
    "django_tasks_db",
    "django_tasks_rq",
    "django_rq",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The Content Security Policy (below), and what Wagtail's admin needs
    # beyond it (cms.csp).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "cms.csp.AdminPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Admin users without a second factor are sent to set one up (cms.mfa).
    "cms.mfa.AdminMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# A SQLite file under var/ unless DATABASE_URL says otherwise. Connections
# close at the end of each request: runserver starts a thread per request and
# every thread would keep its own persistent connection open after it ends.
# Production, with a fixed number of threads, keeps them (production.py).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}", conn_max_age=0
    )
}


def without_jit(database: dict) -> dict:
    """PostgreSQL's JIT compiles a query whose estimated cost is high, and the
    status conditions of the reports and the team matrix estimate high while
    they run in milliseconds: at 100,000 people the compiling took 700 ms of
    a 45 ms query. Pages here are short queries; JIT stays off for them."""
    if database["ENGINE"].endswith((".postgresql", ".postgis")):
        options = database["OPTIONS"] = dict(database.get("OPTIONS", {}))
        given = options.get("options", "")
        if "jit=" not in given:  # unless the URL's options set it
            options["options"] = f"{given} -c jit=off".strip()
    return database


without_jit(DATABASES["default"])
# Models without a table (django_rq's admin entry) stay out of dumpdata.
DATABASE_ROUTERS = ["cms.db_routers.TablelessAppsRouter"]
# Wagtail's database search backend uses PostgreSQL's full-text search fields
# there; the app is left out elsewhere, as its lookups would only fail on
# another database.
if DATABASES["default"]["ENGINE"].endswith((".postgresql", ".postgis")):
    INSTALLED_APPS.append("django.contrib.postgres")
elif DATABASES["default"]["ENGINE"].endswith(".sqlite3"):
    # SQLite lets one transaction write at a time; taking that turn when the
    # transaction begins makes concurrent requests wait for each other rather
    # than read, then fail to write ("database is locked") or write twice.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "cms.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# The demo's catalogue sits under its home page (any page, by default).
COURSES_CATALOGUE_PARENT_PAGE_TYPES = ["wagtailcore.Page", "cms.HomePage"]
# The admin signs in through allauth too, and allauth resets passwords:
# Wagtail's own forms would bypass allauth's rate limits.
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_RESET_ENABLED = False
LOGIN_REDIRECT_URL = "lms:my_learning"

# Dutch is the default language, English the other.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "Europe/Amsterdam"
# SHORT_DATE_FORMAT and SHORT_DATETIME_FORMAT per language (tables' dates).
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Reports prepared in the background (lms.reports.export_jobs): never under
    # MEDIA_ROOT, which a web server may serve; only their requester downloads
    # them, through a view. Every web and worker machine must see the same
    # directory (a shared volume), or point this alias at an S3 storage.
    "exports": {
        "BACKEND": "lms.private_storage.PrivateFileSystemStorage",
        "OPTIONS": {
            "location": Path(
                os.environ.get("EXPORTS_ROOT", BASE_DIR / "var" / "exports")
            )
        },
    },
}

# Mail: SMTP configured from the environment; development and tests override it.
# Another EMAIL_BACKEND (the console's, say) takes none of SMTP's options:
# Django refuses a mailer given options it does not know.
_SMTP = "django.core.mail.backends.smtp.EmailBackend"
_email_backend = os.environ.get("EMAIL_BACKEND", _SMTP)
MAILERS = {
    "default": {
        "BACKEND": _email_backend,
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
        }
        if _email_backend == _SMTP
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Hub Academy <academy@localhost>"
)

# Background work goes through django.tasks; inline unless a queue is configured.
# Large report exports run on a queue of their own ("exports").
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "exports"],
    }
}

# django-allauth: email is the login; organisations bring their own people, so
# public sign-up is closed unless ACCOUNT_SIGNUP_OPEN is set.
ACCOUNT_ADAPTER = "cms.accounts.AccountAdapter"
ACCOUNT_SIGNUP_OPEN = env_bool("ACCOUNT_SIGNUP_OPEN")
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "cms.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "optional")
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Hub Academy] "
# Per client address only: allauth's default also locks an email after five
# failures, whoever sent them, so a stranger could lock a person out. One
# address guessing one account is slowed by a growing delay instead
# (cms.login_attempts), which the right password from elsewhere never meets.
# The per-address limits are generous because a whole town hall may share
# one address at nine in the morning.
ACCOUNT_RATE_LIMITS = {
    "login": "120/m/ip",
    "login_failed": "30/m/ip",
}

# --- MFA (allauth.mfa) ----------------------------------------------------
# A second factor: an authenticator app (TOTP) or a security key (WebAuthn),
# with recovery codes for a lost phone. Passkeys are a second factor only,
# never a way in without the password (or the organisation's SSO).
# HUB_MFA_REQUIRED_FOR_ADMIN (MFA_REQUIRED_FOR_ADMIN, on in production): whoever
# can reach the Wagtail admin is kept out of it until they have set one up
# (cms.mfa); learners are asked nothing unless they turn it on themselves.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_TOTP_ISSUER = "Hub Academy"
# A code of the period before or after the current one counts too: a phone's
# clock drifts, and typing a code takes a few seconds (RFC 6238, 5.2).
MFA_TOTP_TOLERANCE = 1
# WebAuthn needs HTTPS, except on http://localhost in development and tests.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False
HUB_MFA_REQUIRED_FOR_ADMIN = env_bool("MFA_REQUIRED_FOR_ADMIN")

# The client's address for every rate limit (allauth's, through the account
# adapter, and certificate verification's). Behind proxies: how many of them
# append to X-Forwarded-For, or the header one of them sets (X-Real-IP).
# Without either, X-Forwarded-For is ignored, as any client can write it.
LMS_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
LMS_CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

WAGTAIL_SITE_NAME = "Hub Academy"
# No avatars from Gravatar: each admin page would send a hash of the
# person's email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]

LMS_SCENARIO_MAX_LENGTH = 5000

# The key that signs Open Badges credentials: a PEM file, or the PEM text in
# the CERTIFICATION_SIGNING_KEY environment variable; never in the database.
# Without either, development generates one under var/keys/.
if os.environ.get("CERTIFICATION_SIGNING_KEY_FILE"):
    CERTIFICATION_SIGNING_KEY_FILE = os.environ["CERTIFICATION_SIGNING_KEY_FILE"]
CERTIFICATION_KEYS_DIR = Path(
    os.environ.get("CERTIFICATION_KEYS_DIR", BASE_DIR / "var" / "keys")
)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Wagtail sets SAMEORIGIN itself on the previews its admin shows in a frame.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Content Security Policy ---------------------------------------------
# Enforced everywhere, development and tests included, so that a page that
# breaks it fails in the browser tests (tests/security/test_csp.py) long
# before production. Scripts and styles come from this site's own files;
# nothing inline runs unless it carries the request's nonce (csp_nonce in a
# template; Django adds it to the header only on a page that used it).
# The video block embeds players from YouTube and Vimeo (Wagtail's oEmbed
# finders). Sign-in through an organisation's identity provider posts a form
# that is redirected there, which form-action governs as well:
# CSP_FORM_ACTION_ORIGINS names those origins, CSP_FRAME_ORIGINS other
# players' (comma-separated, https://host).
CSP_VIDEO_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    # report-sample: a violation report quotes the start of what was refused.
    "script-src": [CSP.SELF, CSP.NONCE, CSP.REPORT_SAMPLE],
    "style-src": [CSP.SELF, CSP.NONCE, CSP.REPORT_SAMPLE],
    # data: for the SVG icons of Wagtail's admin and its image previews,
    # blob: for the preview of an image chosen for upload.
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    "frame-src": [CSP.SELF, *CSP_VIDEO_ORIGINS, *env_list("CSP_FRAME_ORIGINS")],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF, *env_list("CSP_FORM_ACTION_ORIGINS")],
    # Nobody frames this site, except that the admin frames its own previews
    # (cms.csp.AdminPolicyMiddleware makes that 'self').
    "frame-ancestors": [CSP.NONE],
}
# The admin would ask releases.wagtail.org for the latest version from each
# superuser's browser: a call to a third party, like Gravatar's (above), and
# upgrades are the operator's business.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Single sign-on (cms.sso) ----------------------------------------------
# OpenID Connect providers (Entra ID, Google Workspace, Keycloak, ...) from
# the environment, SSO_SERVER_URL and SSO_CLIENT_ID/SECRET or SSO_PROVIDERS
# (cms.sso.config), or as social applications in the admin (Settings →
# Single sign-on). People are matched by the provider's subject, or by an
# address the provider vouches for; nobody else gets in unless
# SSO_SIGNUP_OPEN; SSO_ONLY leaves passwords to SSO_BREAK_GLASS_EMAILS
# (cms.sso.policy). PKCE on every provider.
SSO_APPS = _sso_config.apps_from_environment(os.environ)
SOCIALACCOUNT_PROVIDERS = _sso_config.socialaccount_providers(SSO_APPS)
SOCIALACCOUNT_ADAPTER = "cms.sso.adapter.SocialAccountAdapter"
# The organisation's own provider is trusted with its people's addresses,
# where it says it verified them; the match links the accounts for good.
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SSO_SIGNUP_OPEN = env_bool("SSO_SIGNUP_OPEN")
SSO_ONLY = env_bool("SSO_ONLY")
SSO_BREAK_GLASS_EMAILS = env_list("SSO_BREAK_GLASS_EMAILS")
# Whom a refused person should ask, as the refusal page says it.
SSO_HELP_CONTACT = os.environ.get("SSO_HELP_CONTACT", "")
ACCOUNT_FORMS = {
    "login": "cms.sso.forms.LoginForm",
    "reset_password": "cms.sso.forms.ResetPasswordForm",
    "reset_password_from_key": "cms.sso.forms.ResetPasswordKeyForm",
}
# Providers added in the admin instead need CSP_FORM_ACTION_ORIGINS.
SECURE_CSP["form-action"] = _sso_config.form_action(SECURE_CSP["form-action"], SSO_APPS)
# An invitation (lms) points to the organisation's sign-in where there is
# one, and sets no password where that is the only way in.
LMS_INVITATION_SIGN_IN_URL = "account_login" if SSO_APPS or SSO_ONLY else ""
LMS_INVITATION_PASSWORDS = not SSO_ONLY

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Every inline task would otherwise log twice at INFO.
    "loggers": {"django.tasks": {"level": "WARNING", "propagate": True}},
}
