"""Reading report pages and their spreadsheets back in tests."""

import csv
import datetime
import io
from html.parser import HTMLParser

from openpyxl import load_workbook


class _ListingParser(HTMLParser):
    """The text of each cell of the first table.listing's body rows, as a
    screen reader reads it (without aria-hidden symbols)."""

    def __init__(self):
        super().__init__()
        self.rows, self.in_listing, self.in_body, self.cell = [], False, False, None
        self.hidden = []

    def handle_starttag(self, tag, attrs):
        if self.hidden or dict(attrs).get("aria-hidden") == "true":
            self.hidden.append(tag)
            return
        if tag == "table" and "listing" in (dict(attrs).get("class") or ""):
            self.in_listing = True
        elif self.in_listing and tag == "tbody":
            self.in_body = True
        elif self.in_body and tag == "tr":
            self.rows.append([])
        elif self.in_body and tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if self.hidden:
            self.hidden.pop()
            return
        if self.in_body and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tbody":
            self.in_body = self.in_listing = False

    def handle_data(self, data):
        if self.cell is not None and not self.hidden:
            self.cell.append(data)


def table_rows(response) -> list[list[str]]:
    parser = _ListingParser()
    parser.feed(response.content.decode())
    return parser.rows


def content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response) -> list[list[str]]:
    """Header and rows; the file starts with a byte order mark for Excel."""
    text = content(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _plain(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value)


def xlsx_cells(response):
    workbook = load_workbook(io.BytesIO(content(response)))
    return list(workbook.active.iter_rows())


def xlsx_rows(response) -> list[list[str]]:
    """Header and rows, each value as the CSV would write it."""
    return [[_plain(cell.value) for cell in row] for row in xlsx_cells(response)]


def column(rows, heading) -> list[str]:
    """The values under a heading (rows[0] is the header)."""
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]
