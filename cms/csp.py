"""What the Content Security Policy allows the Wagtail admin beyond the site.

The site's own pages need nothing inline. Wagtail's admin (8.x) still does
(wagtail/wagtail#1288), in three ways that this middleware allows one by one
on admin pages only, rather than 'unsafe-inline' for all of them:

- Form widgets start with an inline script: the date and time pickers (a
  template) and the choosers (Python), rendered without the request, so
  they cannot print its nonce. A script that is exactly a call of one of
  Wagtail's widget initialisers with JSON arguments gets the nonce; any
  other inline script, an injected one among them, stays blocked.
- Draftail adds <style> elements: list nesting, and placeholders that name
  the editor's block keys, new with every edit, so no hash can allow them,
  and Wagtail gives Draftail no nonce. Admin pages allow inline <style>
  elements (style-src-elem), never style attributes nor inline scripts.
- The admin shows its previews in a frame and marks them X-Frame-Options:
  SAMEORIGIN; browsers obey frame-ancestors over that header, so those
  responses get frame-ancestors 'self' instead of 'none'.
"""

import json
import re

from django.conf import settings
from django.urls import reverse
from django.utils.csp import CSP

INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
# initDateChooser("id_due", {...}); new SnippetChooser("id_topic", {...});
WIDGET_CALL = re.compile(
    r"(?:init(?:Date|Time|DateTime)Chooser|new [A-Z][A-Za-z]*Chooser)"
    r"\((?P<arguments>.*)\);?",
    re.DOTALL,
)
# new InlinePanel(JSON.parse("...")), inside a function that runs at once.
PANEL_CALL = re.compile(
    r"\(function\(\) \{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)"
    r'\(JSON\.parse\("(?P<escaped>[^"]*)"\)\);\s*\}\)\(\);',
    re.DOTALL,
)


def is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def is_widget_start(script: str) -> bool:
    """Whether the script only calls a Wagtail widget initialiser with data."""
    script = script.strip()
    if call := WIDGET_CALL.fullmatch(script):
        return is_json(f"[{call['arguments']}]")
    if call := PANEL_CALL.fullmatch(script):
        text = f'"{call["escaped"]}"'
        return is_json(text) and is_json(json.loads(text))
    return False


class AdminPolicyMiddleware:
    """Listed after Django's CSP middleware, so that this sees the response
    first and the nonce it hands out reaches the header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(response, "_csp_config", settings.SECURE_CSP)
        if not policy or not request.path.startswith(reverse("wagtailadmin_home")):
            return response
        policy = {**policy, "style-src-elem": [CSP.SELF, CSP.UNSAFE_INLINE]}
        if (
            response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
            and "frame-ancestors" in policy
        ):
            policy["frame-ancestors"] = [CSP.SELF]
        response._csp_config = policy
        if response.get("Content-Type", "").startswith("text/html") and not (
            response.streaming
        ):
            self.nonce_widget_scripts(request, response)
        return response

    def nonce_widget_scripts(self, request, response):
        nonce = getattr(request, "_csp_nonce", None)
        if nonce is None:
            return
        charset = response.charset or "utf-8"
        html = response.content.decode(charset)

        def add_nonce(script):
            if not is_widget_start(script[1]):
                return script[0]
            return f'<script nonce="{nonce}">{script[1]}</script>'

        nonced = INLINE_SCRIPT.sub(add_nonce, html)
        if nonced != html:
            response.content = nonced.encode(charset)
            if "Content-Length" in response:  # set by CommonMiddleware
                response["Content-Length"] = str(len(response.content))
