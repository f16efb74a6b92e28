"""System checks for the lms settings."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from lms import app_settings

# What each plugin needs beside what `wagtail start` installs, in the order
# they stand in INSTALLED_APPS (an app above the apps it uses).
PLUGIN_NEEDS = {
    # certification builds the API (/api/v1/); its docs page needs ninja's
    # static files.
    "certification": ["lms", "wagtail.contrib.settings", "ninja"],
    "lms": ["courses", "wagtail.contrib.routable_page"],
    # The module blocks choose images and documents and embed videos.
    "courses": [
        "wagtail",
        "wagtail.admin",
        "wagtail.snippets",
        "wagtail.images",
        "wagtail.documents",
        "wagtail.embeds",
    ],
}
# What the plugins' templates read from their context.
CONTEXT_PROCESSORS = [
    "django.template.context_processors.request",
    "django.contrib.auth.context_processors.auth",
    "django.contrib.messages.context_processors.messages",
]


@register()
def client_address_settings_check(app_configs, **kwargs):
    """LMS_TRUSTED_PROXY_COUNT must be a whole number, 0 or more."""
    value = getattr(settings, "LMS_TRUSTED_PROXY_COUNT", 0)
    try:
        valid = int(value) >= 0 and not isinstance(value, float)
    except (TypeError, ValueError):
        valid = False
    if valid:
        return []
    return [
        Error(
            f"LMS_TRUSTED_PROXY_COUNT must be a whole number, 0 or more, "
            f"not {value!r}.",
            hint="Set it to how many proxies in front of the site append to "
            "X-Forwarded-For; 0 when there is none.",
            id="lms.E001",
        )
    ]


@register(Tags.security, deploy=True)
def proxy_settings_agree_check(app_configs, **kwargs):
    """Behind a proxy that says the scheme, rate limits must know it too."""
    behind_proxy = app_settings.TRUSTED_PROXY_COUNT or app_settings.CLIENT_IP_HEADER
    if not getattr(settings, "SECURE_PROXY_SSL_HEADER", None) or behind_proxy:
        return []
    return [
        Warning(
            "SECURE_PROXY_SSL_HEADER trusts a proxy, but rate limits count the "
            "address the request comes from: every client would share the "
            "proxy's limits.",
            hint="Set LMS_TRUSTED_PROXY_COUNT (TRUSTED_PROXY_COUNT in the "
            "environment) to the number of proxies that append to "
            "X-Forwarded-For, or LMS_CLIENT_IP_HEADER (CLIENT_IP_HEADER) to "
            "the header one of them sets.",
            id="lms.W001",
        )
    ]


@register()
def plugin_apps_check(app_configs, **kwargs):
    """Every app a Hub Academy plugin needs is installed: one line for each
    app missing, saying what to add."""
    installed = {config.name for config in apps.get_app_configs()}
    errors = []
    for plugin, needs in PLUGIN_NEEDS.items():
        if plugin not in installed:
            continue
        for app in needs:
            if app not in installed:
                errors.append(
                    Error(
                        f"{plugin} needs {app!r} in INSTALLED_APPS.",
                        hint=f"Add {app!r} to INSTALLED_APPS"
                        + (f", below {plugin!r}." if app in PLUGIN_NEEDS else "."),
                        id="lms.E002",
                    )
                )
    return errors


@register(Tags.templates)
def context_processors_check(app_configs, **kwargs):
    """The plugins' templates read the request, the user and messages."""
    engines = [
        engine
        for engine in settings.TEMPLATES
        if engine["BACKEND"] == "django.template.backends.django.DjangoTemplates"
    ]
    if not engines:
        return [
            Error(
                "The Hub Academy plugins need Django's template engine.",
                hint="Add a DjangoTemplates engine with APP_DIRS = True to TEMPLATES.",
                id="lms.E003",
            )
        ]
    found = set(engines[0].get("OPTIONS", {}).get("context_processors", []))
    return [
        Error(
            f"The Hub Academy plugins need the context processor {name!r}.",
            hint=f"Add {name!r} to TEMPLATES[0]['OPTIONS']['context_processors'].",
            id="lms.E004",
        )
        for name in CONTEXT_PROCESSORS
        if name not in found
    ]


@register()
def export_storage_check(app_configs, **kwargs):
    """Large report exports are written to a private storage of their own."""
    alias = app_settings.EXPORT_STORAGE
    if alias in getattr(settings, "STORAGES", {}):
        return []
    return [
        Error(
            f"The Hub's report exports need the storage {alias!r} in STORAGES.",
            hint=f'Add STORAGES[{alias!r}] = {{"BACKEND": '
            '"lms.private_storage.PrivateFileSystemStorage", "OPTIONS": '
            '{"location": "<a folder outside MEDIA_ROOT>"}}, or name another '
            "alias in LMS_EXPORT_STORAGE.",
            id="lms.E005",
        )
    ]
