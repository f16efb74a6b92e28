"""The JSON API's lms part: tokens, their checks, and the routers for people,
the organisation, assignments and learning records.

certification.api builds the API (``/api/v1/``) from these routers and its
own, as lms knows nothing of certificates. The parts:

- tokens: making, finding and revoking API tokens (only digests are kept);
- security: the bearer check, write access and the per-token rate limit;
- errors: the 400 body every refused request gets;
- pagination: keyset cursors over the primary key;
- organisation, assignments, learning: the routers.
"""
