"""lms.reports.xlsx: the streamed sheet reads back, with its types, in
openpyxl."""

import datetime
import io
import warnings
import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from lms.reports.xlsx import SheetWriter, column_letters


def _written(rows, *, title="Completions", moment_format="dd-mm-yyyy hh:mm"):
    output = io.BytesIO()
    with SheetWriter(output, title=title, moment_format=moment_format) as sheet:
        for chunk in rows:
            sheet.write_rows(chunk)
    output.seek(0)
    return output


def _sheet(output):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # openpyxl warns of a malformed style sheet
        workbook = load_workbook(output)
    return workbook.worksheets[0]


def test_values_keep_their_types():
    moment = datetime.datetime(2026, 12, 2, 14, 30, 15)
    output = _written(
        [
            [["Name", "Due", "Done at", "Score", "Passed", "Mark"]],
            [["Ann", datetime.date(2026, 3, 1), moment, 85, True, Decimal("7.5")]],
            [["Bo", None, None, 0.25, False, ""]],
        ]
    )
    sheet = _sheet(output)
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Name", "Due", "Done at", "Score", "Passed", "Mark")
    assert rows[1] == ("Ann", datetime.datetime(2026, 3, 1), moment, 85, True, 7.5)
    assert rows[2] == ("Bo", None, None, 0.25, False, None)
    assert sheet["B2"].number_format == "yyyy-mm-dd"
    assert sheet["C2"].number_format == "dd-mm-yyyy hh:mm"
    assert sheet.title == "Completions"


@pytest.mark.parametrize(
    "text", ["=1+1", "#N/A", "#DIV/0!", "<b>&amp;</b>", "  spaces kept  ", "ß ✓ 日本"]
)
def test_text_stays_text_as_written(text):
    sheet = _sheet(_written([[[text]]]))
    cell = sheet["A1"]
    assert cell.value == text
    assert cell.data_type == "s"


def test_characters_xml_cannot_hold_are_dropped_and_long_text_cut():
    sheet = _sheet(_written([[["a\x00b\x1fc\td", "x" * 40_000]]]))
    assert sheet["A1"].value == "abc\td"
    assert len(sheet["B1"].value) == 32767


def test_numbers_that_are_no_numbers_are_written_as_text():
    sheet = _sheet(_written([[[float("nan"), float("inf")]]]))
    assert [sheet["A1"].value, sheet["B1"].value] == ["nan", "inf"]


def test_many_rows_and_columns_past_z():
    rows = [[list(range(30)) for _ in range(1000)] for _ in range(5)]
    sheet = _sheet(_written(rows))
    assert sheet.max_row == 5000
    assert sheet.cell(row=5000, column=30).value == 29
    assert column_letters(0) == "A"
    assert column_letters(25) == "Z"
    assert column_letters(26) == "AA"
    assert column_letters(701) == "ZZ"
    assert column_letters(702) == "AAA"


def test_the_title_is_escaped_and_the_file_is_a_valid_zip():
    output = _written([[["x"]]], title='Tom & "Jerry" <3')
    assert _sheet(output).title == 'Tom & "Jerry" <3'
    output.seek(0)
    with zipfile.ZipFile(output) as archive:
        assert archive.testzip() is None
        assert "xl/worksheets/sheet1.xml" in archive.namelist()
