from django import template

from cms import mfa

register = template.Library()


@register.simple_tag(takes_context=True)
def mfa_required_for_me(context) -> bool:
    """Whether the site requires a second factor of whoever is signed in."""
    request = context.get("request")
    return request is not None and mfa.required_for(request.user)
