"""Spreadsheet exports of the hub reports: streamed, and safe to open.

Wagtail's SpreadsheetExportMixin is the base. Three things change:

- a cell that a spreadsheet would read as a formula (it begins with =, +, -,
  @, a tab or a carriage return) is neutralised, in CSV and in XLSX alike;
- rows are read with ``QuerySet.iterator()`` a chunk at a time, so memory
  stays flat however many rows there are (iterating the queryset, as Wagtail
  does, caches every row);
- XLSX is written by openpyxl's write-only workbook to a temporary file and
  streamed from there, not built in memory.
"""

import csv
import tempfile
from itertools import islice

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter, SpreadsheetExportMixin

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Query parameters of the listing that mean nothing to an export.
LISTING_ONLY_PARAMETERS = ("p", "_w_filter_fragment")


def neutralise(value):
    """A text that a spreadsheet would take for a formula, made inert.

    A leading single quote makes Excel, LibreOffice and Google Sheets show
    the text as it is (OWASP, "CSV injection"). Anything else is returned
    unchanged, numbers included: a negative number is no formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class StreamingSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Exports whose memory does not grow with the rows and whose cells are inert.

    Put it before Wagtail's ReportView (or another listing view) in the bases.
    """

    # Rows fetched per database round trip (and decorated together).
    export_chunk_size = 2000

    def get(self, request, *args, **kwargs):
        if self.is_export:
            # ReportView.get would build the listing's context first, which
            # counts the rows by loading every one of them.
            return self.as_spreadsheet(
                self.get_export_queryset(), request.GET.get("export")
            )
        return super().get(request, *args, **kwargs)

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
        if isinstance(queryset, QuerySet):
            rows = queryset.iterator(chunk_size=self.export_chunk_size)
        else:
            rows = iter(queryset)
        while chunk := list(islice(rows, self.export_chunk_size)):
            yield self.decorate_rows(chunk)

    def preprocess_field_value(self, field, value, export_format):
        if field not in self.custom_field_preprocess and (
            value is None or type(value) in (str, int)
        ):
            # Nothing to convert: skip Wagtail's lookups, a million of them
            # for a large export.
            value = neutralise(value)
        else:
            # Preprocessing may turn a value into text (a list, joined).
            value = neutralise(
                super().preprocess_field_value(field, value, export_format)
            )
        if export_format == self.FORMAT_XLSX and isinstance(value, str):
            # XML cannot hold most control characters; openpyxl would refuse
            # the whole sheet for one stray character in a name.
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in super().generate_xlsx_row(worksheet, row_dict, date_format):
            if isinstance(cell.value, str):
                # Text stays text, whatever openpyxl guessed from it.
                cell.data_type = "s"
            yield cell

    def stream_csv(self, queryset):
        # The lines are written after the view has returned, when the
        # request's language is no longer active: keep the one of now.
        return self._csv_lines(queryset, translation.get_language())

    def _csv_lines(self, queryset, language):
        buffer = Echo()
        writer = csv.DictWriter(buffer, fieldnames=self.list_export)
        with translation.override(language):
            # A byte order mark, so that Excel reads UTF-8 (names with accents).
            yield "\ufeff".encode() + writer.writerow(
                {field: self.get_heading(queryset, field) for field in self.list_export}
            )
        for chunk in self.iterate_export_chunks(queryset):
            with translation.override(language):
                yield b"".join(
                    self.write_csv_row(writer, self.to_row_dict(item)) for item in chunk
                )

    def write_csv_response(self, queryset):
        response = StreamingHttpResponse(
            self.stream_csv(queryset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{self.get_filename()}.csv"'
        )
        return response

    def write_xlsx(self, queryset, output):
        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=self.get_sheet_title())
        worksheet.append(
            self.get_heading(queryset, field) for field in self.list_export
        )
        date_format = ExcelDateFormatter().get()
        for chunk in self.iterate_export_chunks(queryset):
            for item in chunk:
                worksheet.append(
                    self.generate_xlsx_row(
                        worksheet, self.to_row_dict(item), date_format=date_format
                    )
                )
        workbook.save(output)

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
