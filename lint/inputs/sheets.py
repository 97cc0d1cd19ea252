"""XLSX and XLS: every sheet as a table with its title and unit rows (openpyxl and xlrd, the 'office'
extra). Numbers are written with the decimals their cell format shows, as a reader of the sheet sees them."""
from __future__ import annotations

import io
from decimal import Decimal

from .decode import InputError
from .limits import Limits, safe_zip
from .located import Extracted, TextBuilder, clean_cell
from ..rx import lazy

DECIMALS = lazy(r"0\.(0+)")


def _column(k: int) -> str:
    name = ""
    while k:
        k, r = divmod(k - 1, 26)
        name = chr(65 + r) + name
    return name


def _number(value, fmt: str | None) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        m = DECIMALS.search(fmt or "")
        if fmt and "%" in fmt:
            places = len(m.group(1)) if m else 0
            return f"{Decimal(repr(value)) * 100:.{places}f}%"
        if m:
            return f"{Decimal(repr(value)):.{len(m.group(1))}f}"
        d = Decimal(repr(value))
        if d == d.to_integral_value():
            return format(d.normalize(), "f")
        # a stored 1.2 is exactly 1.20 in a money sheet; writing it "1.2" would make it look rounded
        return f"{d:.2f}" if (d * 100) == (d * 100).to_integral_value() else repr(value)
    return clean_cell(value)


def read(data: bytes, limits: Limits, suffix: str) -> Extracted:
    """Rows are read one at a time and their cells counted as they come, so a sheet that declares a
    million rows by sixteen thousand columns (A1:XFD1048576) costs only the cells it really has, and
    reading stops at --max-cells."""
    out = TextBuilder()
    cells = 0
    for name, rows in (_xlsx(data, limits) if suffix == ".xlsx" else _xls(data)):
        out.line(name, {"sheet": name, "cell": "A1"})
        for r, row in enumerate(rows, start=1):
            if not row:
                continue  # a row the sheet skips ("<row r=1048576>" after row 1) costs nothing
            cells += len(row)
            if cells > limits.max_cells:
                raise InputError(f"too many cells (limit {limits.max_cells})")
            texts = [t for t, _ in row]
            if not any(t.strip() for t in texts):
                continue
            while texts and not texts[-1]:
                texts.pop()
            out.row(texts, [{"sheet": name, "cell": f"{_column(k)}{r}"} for k in range(1, len(texts) + 1)])
        out.blank()
    return out.build(suffix.lstrip("."))


def _xlsx(data: bytes, limits: Limits):
    safe_zip(data, limits)
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            yield ws.title, _xlsx_rows(ws)
    finally:
        wb.close()


def _xlsx_rows(ws):
    # the sheet's own <dimension> is not believed: openpyxl would pad every row to its width
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    for row in ws.iter_rows():
        yield [(_number(c.value, getattr(c, "number_format", None)), None) for c in row]


def _xls(data: bytes):
    import xlrd

    try:
        # ragged rows: a row holds the cells it has, not the widest row's count
        book = xlrd.open_workbook(file_contents=data, formatting_info=False, on_demand=True, ragged_rows=True)
    except xlrd.biffh.XLRDError as e:
        raise InputError(f"not a readable .xls file: {e}") from None
    for sheet in book.sheets():
        yield sheet.name, _xls_rows(sheet)


def _xls_rows(sheet):
    for r in range(sheet.nrows):
        yield [(_number(v, None) if isinstance(v, float) else clean_cell(v), None) for v in sheet.row_values(r)]
