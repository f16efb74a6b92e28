"""Single sign-on for the demo site: OpenID Connect through allauth.

config reads the providers from the environment (for cms.settings); policy
holds the organisation's rules (who may sign up, who may still use a
password); adapter applies them to allauth's social logins; forms and the
account adapter (cms.accounts) to the password forms.
"""
