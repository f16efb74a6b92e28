"""Who may do what, as named policies; an entry applies one to a URL.

A policy says, for each kind of user and each method, whether the request is
allowed or which refusal it meets. What an allowed request returns (a page,
a redirect, a form's 400, a 405) is the entry's, since it depends on the
view and on the empty form the matrix posts.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tests.security.outcomes import Outcome

OK = Outcome.OK
LOGIN = Outcome.LOGIN
DENIED = Outcome.DENIED
HIDDEN = Outcome.HIDDEN
BAD = Outcome.BAD
NOT_ALLOWED = Outcome.NOT_ALLOWED
ERROR = Outcome.ERROR
UNAUTHORIZED = Outcome.UNAUTHORIZED
ALLOW = "ALLOW"

KINDS = (
    "anonymous",
    "learner",
    "other_learner",
    "manager",
    "other_manager",
    "hr",
    "coordinator",
    "editor",
    "superuser",
)
METHODS = ("GET", "POST")
SIGNED_IN = frozenset(KINDS) - {"anonymous"}
LEARNERS = frozenset({"learner", "other_learner"})
ADMIN_USERS = SIGNED_IN - LEARNERS


@dataclass(frozen=True)
class Policy:
    """For each kind and method: ALLOW, or the refusal it meets."""

    name: str
    doc: str
    rules: Mapping[tuple[str, str], str]

    def __str__(self):
        return self.name

    def access(self, kind: str, method: str) -> str:
        return self.rules[kind, method]


def site(name: str, doc: str, allow: Iterable[str], refuse=DENIED) -> Policy:
    """A page of the site: anonymous people log in, others are refused."""
    allow = frozenset(allow)
    rules = {}
    for kind in KINDS:
        for method in METHODS:
            if kind in allow:
                rules[kind, method] = ALLOW
            elif kind == "anonymous":
                rules[kind, method] = LOGIN
            else:
                rules[kind, method] = refuse
    return Policy(name, doc, rules)


def admin(
    name: str,
    doc: str,
    view: Iterable[str],
    change: Iterable[str] | None = None,
    out_of_scope: Iterable[str] = (),
) -> Policy:
    """An admin screen: anonymous people log in; learners, who have no admin
    access, and admin users without the permission are refused; a manager
    who holds the permission but not the object's unit finds nothing (404),
    as if it did not exist. ``view`` may GET, ``change`` may POST."""
    view = frozenset(view)
    change = view if change is None else frozenset(change)
    out_of_scope = frozenset(out_of_scope)
    rules = {}
    for kind in KINDS:
        for method, allowed in (("GET", view), ("POST", change)):
            if kind in allowed:
                rules[kind, method] = ALLOW
            elif kind == "anonymous":
                rules[kind, method] = LOGIN
            elif kind in out_of_scope:
                rules[kind, method] = HIDDEN
            else:
                rules[kind, method] = DENIED
    return Policy(name, doc, rules)


SU = {"superuser"}
MANAGERS = {"manager", "other_manager"}

PUBLIC = site("PUBLIC", "Anyone, without an account.", KINDS)
SIGNED_IN_SELF = site(
    "SIGNED_IN_SELF",
    "Anyone signed in, about themselves only (no URL names another person).",
    SIGNED_IN,
)
HOLDER_OR_MANAGERS = site(
    "HOLDER_OR_MANAGERS",
    "A learner's own record: the learner, the managers of their units, HR "
    "(reading) and administrators; anyone else is refused.",
    {"learner", "manager", "hr", "superuser"},
)
ADMIN_ANY = admin(
    "ADMIN_ANY",
    "Any admin user: Wagtail's dashboard, account and the choosers it opens "
    "to every admin user.",
    ADMIN_USERS,
)
CONTENT = admin(
    "CONTENT",
    "Content editors, as Wagtail's Editors group makes them (pages: add, "
    "change, submit for moderation; images and documents; topics and "
    "translations, which the demo grants), and administrators. Managers, HR and coordinators hold no "
    "content permissions.",
    {"editor", "superuser"},
)
CONTENT_PUBLISH = admin(
    "CONTENT_PUBLISH",
    "Publishing, moving, locking, privacy and moderation: Wagtail's "
    "Moderators and administrators. Editors write and submit for moderation.",
    SU,
)
ADMIN_ONLY = admin(
    "ADMIN_ONLY",
    "Site configuration (users, groups, sites, locales, collections, "
    "workflows, redirects): administrators only.",
    SU,
)
HUB_VIEW = admin(
    "HUB_VIEW",
    "A hub list or report: managers (the people of their units) and HR (everyone).",
    {*MANAGERS, "hr", "superuser"},
)
HUB_START = admin(
    "HUB_START",
    "The Hub's start page: whoever may open one of the Hub's screens "
    "(managers, HR, coordinators), with the figures of their own scope.",
    {*MANAGERS, "hr", "coordinator", "superuser"},
)
HUB_VIEW_OWN = admin(
    "HUB_VIEW_OWN",
    "A record in the manager's unit: its managers and HR may see it; the "
    "manager of another unit finds nothing.",
    {"manager", "hr", "superuser"},
    out_of_scope={"other_manager"},
)
HUB_MANAGE = admin(
    "HUB_MANAGE",
    "A hub action inside the manager's own units (assign, import, a new "
    "unit): managers; not HR (D2).",
    {*MANAGERS, "superuser"},
)
HUB_MANAGE_OWN = admin(
    "HUB_MANAGE_OWN",
    "An action on a record in the manager's unit: its managers; the manager "
    "of another unit finds nothing; HR changes nothing (D2).",
    {"manager", "superuser"},
    out_of_scope={"other_manager"},
)
INVITE_OWN = admin(
    "INVITE_OWN",
    "Inviting a person by mail: the managers of their units, and HR, who "
    "invites anyone; the manager of another unit finds nobody.",
    {"manager", "hr", "superuser"},
    out_of_scope={"other_manager"},
)
HUB_READ_OWN = admin(
    "HUB_READ_OWN",
    "Wagtail's history and usage of a unit: for who may change it (its "
    "managers); the manager of another unit finds nothing. HR reads the "
    "audit trail instead (Wagtail's history needs a change permission).",
    {"manager", "superuser"},
    out_of_scope={"other_manager"},
)
HUB_DEFINITIONS_VIEW = admin(
    "HUB_DEFINITIONS_VIEW",
    "Organisation-wide definitions (roles, certifications), read: the "
    "coordinators who own them, managers and HR.",
    {*MANAGERS, "hr", "coordinator", "superuser"},
)
HUB_DEFINITIONS = admin(
    "HUB_DEFINITIONS",
    "Organisation-wide definitions, changed: training coordinators (D1) and "
    "administrators; never a manager of one spoke.",
    {"coordinator", "superuser"},
)
HR_ONLY = admin(
    "HR_ONLY",
    "The audit trail, personal-data requests and webhook endpoints: HR and "
    "administrators.",
    {"hr", "superuser"},
)
REQUESTER_ONLY = admin(
    "REQUESTER_ONLY",
    "An export prepared in the background for one person (the world's is "
    "the manager's): only they follow and download it; for every other "
    "admin user, HR and administrators included, it does not exist.",
    {"manager"},
    out_of_scope=ADMIN_USERS - {"manager"},
)

TOKEN_ONLY = Policy(
    "TOKEN_ONLY",
    "The JSON API: a session is no token, so everyone is asked for one (401). "
    "What each token may do is the API's own matrix (tests/api/test_matrix.py).",
    {(kind, method): UNAUTHORIZED for kind in KINDS for method in METHODS},
)


@dataclass(frozen=True)
class Entry:
    """The expected outcomes of one URL pattern (one sample URL of it).

    ``kwargs``/``args`` fill the pattern (reverse), or ``path`` gives the URL
    of an unnamed pattern; a value "@name" is the world's id of that name.
    ``get``/``post`` are what an allowed request returns; ``only`` lists the
    methods the view answers before it checks who asks (everyone else meets
    405), ``admin_only`` those it answers once Wagtail has checked admin
    access, before the view's own permission check; ``overrides`` maps a
    kind, or (kind, method), to the outcome it meets instead: the access
    stays the policy's (a refused request must still write nothing).
    """

    policy: Policy
    kwargs: Mapping = field(default_factory=dict)
    args: tuple = ()
    path: str = ""
    query: str = ""
    data: Mapping = field(default_factory=dict)
    get: Outcome = OK
    post: Outcome = OK
    only: tuple[str, ...] = ()
    admin_only: tuple[str, ...] = ()
    overrides: Mapping = field(default_factory=dict)
    label: str = ""
    shadowed_by: str = ""
    note: str = ""

    def expected(self, kind: str, method: str) -> Outcome:
        for key in ((kind, method), kind):
            if key in self.overrides:
                return self.overrides[key]
        if self.only and method not in self.only:
            return NOT_ALLOWED
        if self.admin_only and method not in self.admin_only and kind in ADMIN_USERS:
            return NOT_ALLOWED
        access = self.policy.access(kind, method)
        if access != ALLOW:
            return access
        return self.get if method == "GET" else self.post

    def allows(self, kind: str, method: str) -> bool:
        """Whether the policy lets this kind make this request."""
        return self.policy.access(kind, method) == ALLOW


def each(kinds: Iterable[str], outcome: Outcome, method: str | None = None) -> dict:
    """Overrides: these kinds meet this outcome (for one method, or both)."""
    return {(kind, method) if method else kind: outcome for kind in kinds}
