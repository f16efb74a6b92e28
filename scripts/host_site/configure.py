"""Make a fresh `wagtail start` site host Hub Academy, exactly as the README's
section "Add Hub Academy to an existing Wagtail site" says, and nothing more.

Run from the site's folder: python configure.py <project name>
"""

import re
import sys
from pathlib import Path

project = sys.argv[1]
settings = Path(project, "settings", "base.py")
urls = Path(project, "urls.py")

# 1. INSTALLED_APPS: the three plugins above Wagtail's apps, the two contrib
#    apps they use, and ninja for the API's docs page.
text = settings.read_text()
text = text.replace(
    "INSTALLED_APPS = [\n",
    "INSTALLED_APPS = [\n"
    '    "certification",\n'
    '    "lms",\n'
    '    "courses",\n'
    '    "wagtail.contrib.routable_page",\n'
    '    "wagtail.contrib.settings",\n'
    '    "ninja",\n',
    1,
)
# 2. A private storage for large report exports, outside MEDIA_ROOT.
text += (
    '\nSTORAGES["exports"] = {\n'
    '    "BACKEND": "lms.private_storage.PrivateFileSystemStorage",\n'
    '    "OPTIONS": {"location": BASE_DIR / "exports"},\n'
    "}\n"
)
settings.write_text(text)

# 3. URLs: the learner pages and the certificates, ahead of Wagtail's pages.
text = urls.read_text()
text, count = re.subn(
    r'(\n\s*path\("search/", search_views\.search, name="search"\),\n)',
    r'\1    path("learn/", include("lms.urls")),\n    path("", include("certification.urls")),\n',
    text,
    count=1,
)
if count != 1:
    sys.exit(f"configure: no search path in {urls} to add the plugins after")
urls.write_text(text)
print(f"configure: {settings} and {urls} now host Hub Academy")
