"""Spreadsheet exports of the hub reports: streamed, and safe to open.

Wagtail's SpreadsheetExportMixin is the base. Three things change:

- a cell that a spreadsheet would read as a formula (see ``neutralise``) is
  made inert, in CSV and in XLSX alike, here and in every other export of the
  admin (``make_spreadsheet_exports_inert``, called when the app is ready);
- rows are read with ``QuerySet.iterator()`` a chunk at a time, so memory
  stays flat however many rows there are (iterating the queryset, as Wagtail
  does, caches every row);
- XLSX is written a chunk of rows at a time by lms.reports.xlsx to a
  temporary file and streamed from there, not built in memory;
- an export of more rows than a view's inline limit is not written inside
  the request: the view answers with ``background_export`` instead, and a
  task writes the same file later with ``write_csv`` or ``write_xlsx``
  (lms.reports.export_jobs).
"""

import csv
import io
import tempfile
import unicodedata
from collections import namedtuple
from collections.abc import Callable
from functools import partial, wraps
from itertools import islice

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.encoding import force_str, is_protected_type
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter, SpreadsheetExportMixin

from lms.reports.xlsx import ILLEGAL_XML, SheetWriter

# A cell starting with one of these is run as a formula (OWASP "CSV
# injection", ASVS 1.2.10): = + - @, a tab, a carriage return, a null.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\0")
# What a look-alike must fold to (NFKC) to count as one: fullwidth ＝ and
# small ﹦ fold to =, superscript ⁻ to the minus sign, which NFKC keeps.
_FOLDED_TRIGGERS = frozenset("=+-@\u2212")
# Leading characters that a spreadsheet may skip before reading a formula.
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf"))

# Query parameters of the listing that mean nothing to an export.
LISTING_ONLY_PARAMETERS = ("p", "_w_filter_fragment")

# Told, after each chunk written, how many rows are written so far.
Progress = Callable[[int], None]


def has_more_rows_than(queryset, limit: int) -> bool:
    """Whether a queryset holds more than limit rows.

    Reads at most limit + 1 ids, unordered, instead of counting every row:
    the database stops at the first row past the limit.
    """
    if not isinstance(queryset, QuerySet):
        return len(queryset) > limit
    return queryset.order_by().values_list("pk", flat=True)[limit : limit + 1].exists()


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet might run the text as a formula.

    It does if the first character that shows, past any spaces and control or
    format characters, is a trigger or folds to one (fullwidth ＝, small ﹢,
    the minus sign −); a leading tab, carriage return or null is one too.
    """
    if text[:1].isalnum() and text[:1].isascii():
        # Most texts: a letter or digit shows first.
        return False
    for char in text:
        if char.isascii():
            if char in FORMULA_TRIGGERS:
                return True
            if char.isspace() or not char.isprintable():
                continue
            return False
        if char.isspace() or unicodedata.category(char) in _INVISIBLE_CATEGORIES:
            continue
        return unicodedata.normalize("NFKC", char)[:1] in _FOLDED_TRIGGERS
    return False


def neutralise(value):
    """A text that a spreadsheet would take for a formula, made inert.

    A leading single quote makes Excel, LibreOffice and Google Sheets show
    the text as it is (OWASP, "CSV injection"); a quoted text starts with the
    quote, so neutralising twice adds nothing. Anything else is returned
    unchanged, numbers and dates included: a negative number is no formula.
    """
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def spreadsheet_cell(value, export_format):
    """A preprocessed value as it may be written to a cell: inert, and for
    XLSX without the control characters that XML cannot hold (openpyxl, which
    writes the admin's other exports, would refuse the whole sheet for one
    stray character in a name)."""
    if export_format == SpreadsheetExportMixin.FORMAT_XLSX and isinstance(value, str):
        value = ILLEGAL_XML.sub("", value)
    return neutralise(value)


def inert_text(text: str) -> str:
    """neutralise for a text, the common case first."""
    first = text[:1]
    if first.isalnum() and first.isascii():
        return text
    return "'" + text if looks_like_formula(text) else text


def _unchanged(value):
    return value


def _keeps(preprocess) -> bool:
    """Whether a preprocessing function is Wagtail's default, force_str with
    strings_only, which returns numbers, dates and times as they are."""
    return (
        isinstance(preprocess, partial)
        and preprocess.func is force_str
        and preprocess.keywords.get("strings_only")
    )


def _preprocessed_cell(preprocess, export_format, value):
    if preprocess is not None:
        value = preprocess(value)
    return spreadsheet_cell(value, export_format)


def make_spreadsheet_exports_inert():
    """Make every cell and heading of every Wagtail spreadsheet export inert.

    Every export the admin offers goes through Wagtail's
    SpreadsheetExportMixin: ModelViewSet and snippet indexes, ReportView
    reports (Site history, Locked pages, Aging pages, workflows) and form
    submissions. It writes text as it is (a unit named
    ``=HYPERLINK(...)`` becomes a live formula in Site history) and has no
    hook for filtering cells, so the two methods through which every export
    writes its text are wrapped here, once, for every subclass.
    """
    mixin = SpreadsheetExportMixin
    if getattr(mixin.preprocess_field_value, "makes_cells_inert", False):
        return
    preprocess_field_value = mixin.preprocess_field_value
    get_heading = mixin.get_heading

    @wraps(preprocess_field_value)
    def inert_preprocess_field_value(self, field, value, export_format):
        value = preprocess_field_value(self, field, value, export_format)
        return spreadsheet_cell(value, export_format)

    @wraps(get_heading)
    def inert_get_heading(self, queryset, field):
        # Headings can be typed by editors too (a form field's label).
        return neutralise(get_heading(self, queryset, field))

    inert_preprocess_field_value.makes_cells_inert = True
    mixin.preprocess_field_value = inert_preprocess_field_value
    mixin.get_heading = inert_get_heading


def export_row_class(fields):
    """A tuple whose items are read as attributes (the fields), and which
    takes more attributes when decorated (decorate_rows)."""
    return type("ExportRow", (namedtuple("ExportRow", fields),), {})


class StreamingSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Exports whose memory does not grow with the rows and whose cells are inert.

    Put it before Wagtail's ReportView (or another listing view) in the bases.
    """

    # Rows fetched per database round trip (and decorated together).
    export_chunk_size = 2000
    # The fields and annotations that an export reads from a row: rows are
    # then fetched as tuples (export_row_class) instead of model instances.
    # Empty: instances.
    export_fields: tuple[str, ...] = ()

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # ReportView.get would build the listing's context first, which
            # counts the rows by loading every one of them.
            queryset = self.get_export_queryset()
            export_format = request.GET.get("export")
            limit = self.get_inline_export_limit()
            if limit is not None and has_more_rows_than(queryset, limit):
                return self.background_export(export_format)
            return self.as_spreadsheet(queryset, export_format)
        return super().get(request, *args, **kwargs)

    def get_inline_export_limit(self) -> int | None:
        """The most rows exported inside the request; None: no limit."""
        return None

    def background_export(self, export_format: str):
        """The response to an export too large for the request."""
        raise NotImplementedError

    def get_export_filters(self) -> str:
        """The query string that the export applies: the listing's, without
        its page number and the export parameter itself."""
        params = self.request.GET.copy()
        for name in (*LISTING_ONLY_PARAMETERS, "export"):
            params.pop(name, None)
        return params.urlencode()

    def get_export_queryset(self):
        """The rows to export: the listing's, filtered and ordered, unpaginated."""
        return self.get_filtered_queryset()

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def get_export_url(self, format):
        params = self.request.GET.copy()
        for name in LISTING_ONLY_PARAMETERS:
            params.pop(name, None)
        params["export"] = format
        return f"{self.request.path}?{params.urlencode()}"

    def decorate_rows(self, rows: list) -> list:
        """Add to a chunk of rows what their query cannot give (one more query
        per chunk, say). The listing may call it for its page too."""
        return rows

    def iterate_export_chunks(self, queryset):
        """Lists of at most export_chunk_size decorated rows."""
        size = self.export_chunk_size
        if isinstance(queryset, QuerySet) and self.export_fields:
            row = export_row_class(self.export_fields)._make
            tuples = queryset.values_list(*self.export_fields).iterator(size)
            while chunk := list(islice(tuples, size)):
                yield self.decorate_rows(list(map(row, chunk)))
            return
        if isinstance(queryset, QuerySet):
            rows = queryset.iterator(chunk_size=size)
        else:
            rows = iter(queryset)
        while chunk := list(islice(rows, size)):
            yield self.decorate_rows(chunk)

    def preprocess_field_value(self, field, value, export_format):
        if field not in self.custom_field_preprocess and (
            value is None or type(value) in (str, int)
        ):
            # Nothing to convert: skip Wagtail's lookups, a million of them
            # for a large export.
            return spreadsheet_cell(value, export_format)
        # Preprocessing may turn a value into text (a list, joined); Wagtail's
        # method, wrapped by make_spreadsheet_exports_inert, then makes it inert.
        return super().preprocess_field_value(field, value, export_format)

    def get_export_values(self) -> Callable[[object], list] | None:
        """A function giving an item's values in the order of list_export, or
        None: each row then goes through to_row_dict and Wagtail's per-cell
        methods. With it, each column's values are converted by a
        cell_converter, without Wagtail's lookups for every cell."""
        return None

    def cell_converter(self, field, export_format) -> Callable[[object], object]:
        """A function that makes a value the cell that preprocess_field_value
        would give, choosing the conversion once per type of value instead of
        per cell."""
        if field in self.custom_field_preprocess:
            return partial(
                self.preprocess_field_value, field, export_format=export_format
            )
        by_type = {}

        def convert(value):
            try:
                return by_type[type(value)](value)
            except KeyError:
                function = by_type[type(value)] = self._typed_converter(
                    field, value, export_format
                )
                return function(value)

        return convert

    def _typed_converter(self, field, value, export_format):
        xlsx = export_format == self.FORMAT_XLSX
        if type(value) is str:
            return (
                partial(spreadsheet_cell, export_format=export_format)
                if xlsx
                else inert_text
            )
        if value is None or type(value) is int:
            return _unchanged
        # The function Wagtail would choose for this type of value (a list is
        # joined, a date kept, an aware datetime made naive for XLSX).
        preprocess = self.get_preprocess_function(field, value, export_format)
        if not isinstance(value, str) and (
            preprocess is None or (_keeps(preprocess) and is_protected_type(value))
        ):
            # Neither converted nor text, so nothing to make inert.
            converted = _unchanged
        else:
            converted = partial(_preprocessed_cell, preprocess, export_format)
        return converted

    def _export_cells(self, export_format):
        """A function giving an item's cells, or None (see get_export_values)."""
        values = self.get_export_values()
        if values is None:
            return None
        converters = [
            self.cell_converter(field, export_format) for field in self.list_export
        ]

        def cells(item):
            return [
                convert(value)
                for convert, value in zip(converters, values(item), strict=True)
            ]

        return cells

    def stream_csv(self, queryset):
        # The lines are written after the view has returned, when the
        # request's language is no longer active: keep the one of now.
        return self._csv_lines(queryset, translation.get_language())

    def _csv_lines(self, queryset, language, progress: Progress | None = None):
        buffer = Echo()
        writer = csv.DictWriter(buffer, fieldnames=self.list_export)
        with translation.override(language):
            # A byte order mark, so that Excel reads UTF-8 (names with accents).
            yield "\ufeff".encode() + writer.writerow(
                {field: self.get_heading(queryset, field) for field in self.list_export}
            )
            cells = self._export_cells(self.FORMAT_CSV)
        written = 0
        for chunk in self.iterate_export_chunks(queryset):
            with translation.override(language):
                if cells is None:
                    lines = b"".join(
                        self.write_csv_row(writer, self.to_row_dict(item))
                        for item in chunk
                    )
                else:
                    # The same lines as DictWriter's, a chunk at a time.
                    text = io.StringIO()
                    csv.writer(text).writerows(map(cells, chunk))
                    lines = text.getvalue().encode()
                yield lines
            written += len(chunk)
            if progress is not None:
                progress(written)

    def write_csv(self, queryset, output, progress: Progress | None = None):
        """Write the CSV file to a binary file, a chunk of rows at a time."""
        for lines in self._csv_lines(queryset, translation.get_language(), progress):
            output.write(lines)

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.get_filename()}.csv"'
        )
        return response

    def write_xlsx(self, queryset, output, progress: Progress | None = None):
        """Write the XLSX file to a binary file, a chunk of rows at a time.
        Text stays text (never a formula or an error code), a moment takes
        the admin's date format."""
        cells = self._export_cells(self.FORMAT_XLSX)
        if cells is None:
            fields = self.list_export

            def cells(item):
                row = self.to_row_dict(item)
                return [
                    self.preprocess_field_value(field, row.get(field), self.FORMAT_XLSX)
                    for field in fields
                ]

        with SheetWriter(
            output,
            title=self.get_sheet_title(),
            moment_format=ExcelDateFormatter().get(),
        ) as sheet:
            sheet.write_rows(
                [[self.get_heading(queryset, field) for field in self.list_export]]
            )
            written = 0
            for chunk in self.iterate_export_chunks(queryset):
                sheet.write_rows(map(cells, chunk))
                written += len(chunk)
                if progress is not None:
                    progress(written)

    def get_sheet_title(self) -> str:
        # Excel allows 31 characters and none of []:*?/\ in a sheet's name.
        title = str(getattr(self, "page_title", "") or "Sheet1")
        return "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet1"

    def write_xlsx_response(self, queryset):
        # The file is deleted when the response closes it, after sending.
        output = tempfile.TemporaryFile(suffix=".xlsx")
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(
            output,
            as_attachment=True,
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
            filename=f"{self.get_filename()}.xlsx",
        )
