"""Invitations: a link by mail with which a person chooses a password, or
signs in with the organisation's account, for the first time.

- tokens: the link's signature, made with Django's token machinery;
- services: inviting one person or everyone new in an import, using a
  link, and the mail;
- views: the link's page; the person screen's button is in
  lms.organisation.views.people.
"""
