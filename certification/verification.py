"""Verification codes: how they are made, printed, typed back and found.

A code made today is 26 characters of Crockford's base32 (130 random bits,
above the 128-bit floor), printed in groups of four, read back whatever the
case and with the letters people confuse with digits (I, L, O) taken as those
digits. Codes made before are 43 characters of URL-safe base64 (256 bits) and
stay valid as they are.
"""

import re
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 26
GROUP = 4
# What a URL may hold of a code (certification.urls.CodeConverter).
CODE = re.compile(r"[A-Za-z0-9_-]{1,100}")
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def printed(code: str) -> str:
    """A code as the certificate prints it: 7K3M-9Q2P-… for today's codes."""
    if len(code) != LENGTH:
        return code
    return "-".join(code[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def candidates(text: str) -> list[str]:
    """The codes someone may mean by what they typed or pasted: the code
    itself, a link to its page, with spaces or line breaks in between. The
    first is the one to show; none when it cannot be a code."""
    text = "".join(text.split())
    if "/verify/" in text:
        text = text.split("?", 1)[0].split("#", 1)[0]
        text = text.split("/verify/", 1)[1].split("/", 1)[0]
    if not CODE.fullmatch(text):
        return []
    found = [text]
    short = text.replace("-", "").upper().translate(_READ_AS)
    if len(short) == LENGTH and set(short) <= set(ALPHABET) and short != text:
        found.insert(0, short)
    return found


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=300,
        help_text=_(
            "The code printed on the certificate, or the link to its "
            "verification page. Letters may be typed in either case."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "none",
            }
        ),
    )

    def clean_code(self):
        found = candidates(self.cleaned_data["code"])
        if not found:
            raise ValidationError(
                _(
                    "A verification code has letters, digits, dashes and "
                    "underscores only."
                ),
                code="invalid",
            )
        return found[0]
