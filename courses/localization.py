"""Course and module pages in the reader's language.

Learner records (enrolments, assignments, progress, submissions) point at a
course's original translation (CoursePage.get_canonical). What a reader sees
is that page's live translation in the active language, or the original
where there is none. Every screen, export and mail resolves it here, for all
its rows at once: as part of the rows' own query (localized_title), or in one
query for a set of ids (localized_pages, localized_titles).
"""

from django.conf import settings
from django.db.models import CharField, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def content_language(language: str | None = None) -> str:
    """The content language (a Locale's code) of a language, the active one
    by default: the site's default one where it is no content language, as
    Wagtail's Locale.get_active()."""
    for candidate in (language or translation.get_language(), settings.LANGUAGE_CODE):
        if candidate:
            try:
                return get_supported_content_language_variant(candidate)
            except LookupError:
                continue
    return settings.LANGUAGE_CODE


def localized_title(field: str = "", language: str | None = None):
    """An expression for annotate() and order_by(): the title of the page
    that field (a foreign key to a page; empty: the row, a page itself)
    points at, in a language (the active one), else the page's own title.

    The language is fixed when the expression is built, so that a streamed
    export evaluated after its request has returned keeps the request's.
    """
    prefix = f"{field}__" if field else ""
    translated = Page.objects.filter(
        translation_key=OuterRef(f"{prefix}translation_key"),
        locale__language_code=content_language(language),
        live=True,
    ).values("title")[:1]
    return Coalesce(Subquery(translated), F(f"{prefix}title"), output_field=CharField())


def _pages_and_translations(model, ids, language):
    """The pages of these ids and their live translations in a language (with
    in_language set on those), as one query."""
    # The locale is looked up inside the query, not in one of its own.
    locale = Subquery(
        Locale.objects.filter(language_code=content_language(language)).values("pk")[:1]
    )
    return model.objects.annotate(in_language=Q(live=True, locale_id=locale)).filter(
        Q(pk__in=ids)
        | Q(
            in_language=True,
            translation_key__in=model.objects.filter(pk__in=ids).values(
                "translation_key"
            ),
        )
    )


def localized_pages(model, ids, language: str | None = None) -> dict:
    """Each page's live translation in a language (the active one), else the
    page itself, by the page's id; in one query.

    model is the page model to load (Page when only a title and a URL are
    needed, as for links).
    """
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    originals, translations = {}, {}
    for page in _pages_and_translations(model, ids, language):
        if page.pk in ids:
            originals[page.pk] = page
        if page.in_language:
            translations[page.translation_key] = page
    return {
        pk: translations.get(page.translation_key, page)
        for pk, page in originals.items()
    }


def localized_page(page, language: str | None = None):
    """One page's live translation in a language (the active one), else the
    page itself."""
    return localized_pages(type(page), [page.pk], language).get(page.pk, page)


def localized_titles(ids, language: str | None = None) -> dict[int, str]:
    """Each page's title in a language (the active one), by the page's id; in
    one query that builds no page objects."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return {}
    originals, translations = {}, {}
    rows = _pages_and_translations(Page, ids, language).values_list(
        "pk", "in_language", "translation_key", "title"
    )
    for pk, in_language, key, title in rows:
        if pk in ids:
            originals[pk] = (key, title)
        if in_language:
            translations[key] = title
    return {pk: translations.get(key, title) for pk, (key, title) in originals.items()}
