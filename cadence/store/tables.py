"""Read a spreadsheet file into tables of text cells, whatever shape it came in.

Teams bring CSV from Google Sheets, ``;``-separated CSV from Excel in many
locales, TSV copied out of a web tool, pipe-separated text, or an ``.xlsx``
workbook with several sheets (Ninety's rocks export has ``Rocks`` and
``Milestones``). Every importer reads the same thing: a ``Workbook`` of named
``Table`` objects whose cells are the text a person sees in the sheet, so a
date cell reads ``2025-11-03``, a 0.85 shown as a percentage reads ``85%``,
and a number reads without a stray ``.0``.

A CSV text cell that ``sheet_writer`` protected with a leading ``'`` (a title
starting ``=`` or ``-``) reads back as it was, so export -> import is lossless.
In an ``.xlsx`` such a cell is stored as a text cell instead, read as it is.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from cadence.store.errors import InputError

XLSX_SUFFIXES = (".xlsx", ".xlsm")
PROTECTED = re.compile(r"^'('*[=+\-@\t\r].*)$", re.DOTALL)
"""A text cell ``sheet_writer.neutralise`` prefixed with ``'`` so no spreadsheet runs it."""

_DELIMITERS = {",": "comma-separated", ";": "semicolon-separated", "\t": "tab-separated", "|": "pipe-separated"}


@dataclass(frozen=True)
class Table:
    """One sheet: its name (``""`` for a text file) and its rows of text cells, as read (rows keep their
    length; a row number is its index + 1, the number a spreadsheet shows)."""

    name: str
    rows: list[list[str]]

    def cell(self, row: int, column: int) -> str:
        """The text at 0-based ``row`` / ``column``, ``""`` past the row's end."""
        cells = self.rows[row] if row < len(self.rows) else []
        return cells[column] if column < len(cells) else ""


@dataclass(frozen=True)
class Workbook:
    """What a file held: ``shape`` says how it was read (shown to the user), ``tables`` its sheets in order."""

    shape: str
    tables: list[Table]

    def table(self, *names: str) -> Table | None:
        """The first sheet whose name is one of ``names`` (case and spaces ignored)."""
        wanted = {_fold(name) for name in names}
        return next((table for table in self.tables if _fold(table.name) in wanted), None)


def _fold(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name).casefold()


def read_workbook(path: Path) -> Workbook:
    """Read ``path`` (CSV, TSV, pipe-separated text or ``.xlsx``); ``InputError`` says why it cannot be read."""
    try:
        payload = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    if path.suffix.casefold() in XLSX_SUFFIXES or payload[:4] == b"PK\x03\x04":
        return read_xlsx(payload, path.name)
    return read_text(payload, path.name)


def read_text(payload: bytes | str, name: str = "") -> Workbook:
    """A delimited text file: the delimiter is whichever of ``,`` ``;`` tab ``|`` its first line uses most."""
    if isinstance(payload, bytes):
        try:
            text = payload.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{name or 'the file'} is not UTF-8 text (save it as CSV UTF-8, or as .xlsx)") from None
    else:
        text = payload
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(_DELIMITERS, key=first.count) if first else ","
    if first and first.count(delimiter) == 0:
        delimiter = ","
    try:
        rows = [
            [_unprotect(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise InputError(f"{name or 'the file'} is not readable as CSV: {error}") from None
    shape = "CSV" if delimiter == "," else f"{_DELIMITERS[delimiter]} text"
    return Workbook(shape, [Table("", rows)])


def read_xlsx(payload: bytes, name: str = "") -> Workbook:
    """Every sheet of an Excel workbook, cells as the sheet shows them (see ``xlsx_cell_text``)."""
    import openpyxl  # only an .xlsx import pays for it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(payload), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, TypeError) as error:
        raise InputError(f"{name or 'the file'} is not a readable .xlsx workbook: {error}") from None
    except Exception as error:  # zipfile.BadZipFile and friends: a damaged file, said in one line
        raise InputError(f"{name or 'the file'} is not a readable .xlsx workbook ({type(error).__name__})") from None
    tables: list[Table] = []
    try:
        for sheet in book.worksheets:
            # A sheet's stated size is not trusted: one formatted cell in column XFD would pad every
            # row to 16,384 cells (a 20,000-row file took 91 s to read). Each row gives only its cells.
            if hasattr(sheet, "reset_dimensions"):
                sheet.reset_dimensions()
            rows: list[list[str]] = []
            for row in sheet.iter_rows():
                rows.append(
                    [xlsx_cell_text(getattr(cell, "value", None), getattr(cell, "number_format", "")) for cell in row]
                )
            while rows and not any(cell.strip() for cell in rows[-1]):
                rows.pop()
            tables.append(Table(sheet.title, [_trim_row(row) for row in rows]))
    finally:
        book.close()
    return Workbook(f"Excel workbook ({len(tables)} sheet{'s' if len(tables) != 1 else ''})", tables)


def _trim_row(row: list[str]) -> list[str]:
    while row and not row[-1]:
        row.pop()
    return row


def xlsx_cell_text(value: object, number_format: str = "") -> str:
    """A cell's value written as the sheet shows it: dates ISO, percentages with ``%``, whole numbers
    without ``.0``, booleans ``yes``/``no``, durations ``H:MM``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value.hour}:{value.minute:02d}"
    if isinstance(value, timedelta):
        minutes = round(value.total_seconds() / 60)
        return f"{minutes // 60}:{minutes % 60:02d}"
    if isinstance(value, int | float):
        if "%" in (number_format or ""):
            return f"{_number(value * 100)}%"
        text = _number(value)
        if any(sign in (number_format or "") for sign in "$€£¥"):
            sign = next(sign for sign in "$€£¥" if sign in number_format)
            return f"-{sign}{text[1:]}" if text.startswith("-") else f"{sign}{text}"
        return text
    return str(value)


def _number(value: float) -> str:
    """``12.0`` -> ``12``, ``0.1 + 0.2`` -> ``0.3``: the shortest text that reads back as the same value
    to 12 significant digits (what a spreadsheet shows)."""
    if isinstance(value, int):
        return str(value)
    rounded = float(f"{value:.12g}")
    return str(int(rounded)) if rounded.is_integer() and abs(rounded) < 1e15 else repr(rounded)


def _unprotect(cell: str) -> str:
    match = PROTECTED.match(cell)
    return match.group(1) if match else cell
