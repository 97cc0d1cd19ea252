"""Tables: a table block cut into rows and cells, with offsets, header labels and the table's unit.

Shapes seen in real disclosures:
- tab-separated rows (pasted from Word or Excel): cells keep their column positions;
- pipe-separated rows on one line ("a | b | c |");
- one cell per line ending in " |", a row closed by a line that carries extra pipes
  ("100 | |||||") or by a line of pipes alone (seed 002's 自评表, scraped from an HTML table);
- space-aligned columns as `pdftotext -layout` writes them (two or more spaces between cells).
Merged cells make rows of one table differ in length; rules that read rows therefore match cells
by header words and by the pattern of the figures, not by position alone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal

import regex

from ..arith.quantity import Quantity
from . import caps
from .blocks import PIPES_ONLY, Block
from ..rx import lazy

PLAIN_NUMBER = lazy(r"^[+-]?\d+(?:\.\d+)?%?$")
UNIT = lazy(r"单位\s*[:：]?\s*(万亿元|亿元|万元|千元|元)")
HEADER_UNIT = lazy(r"[(（](万亿元|亿元|万元|千元|元)[)）]")
INDICATOR = lazy(r"^指标\s*\d")
SCALE = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(10) ** 8,
         "万亿元": Decimal(10) ** 12}


@dataclass
class Cell:
    text: str  # normalized, stripped
    start: int  # offsets in the normalized text
    end: int
    column: int  # position in its row

    @cached_property  # read for every cell of every row by each table reader: once is enough
    def is_number(self) -> bool:
        return bool(PLAIN_NUMBER.match(self.text))

    def quantity(self, unit: str = "") -> Quantity | None:
        """The cell as a figure, when it is a plain number or percent ("70.68", "100%")."""
        if not self.is_number:
            return None
        number = self.text.rstrip("%").lstrip("+")
        percent = self.text.endswith("%")
        decimals = len(number.split(".")[1]) if "." in number else 0
        money = unit in SCALE and not percent
        return Quantity(text=self.text, start=self.start, end=self.end, value=Decimal(number),
                        scale=SCALE[unit] if money else Decimal(1),
                        kind="percent" if percent else ("money" if money else "number"),
                        unit="%" if percent else (unit if money else ""), decimals=decimals, number=number)


@dataclass
class Row:
    cells: list[Cell]

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    @cached_property  # asked for each column of a wide table: computed once per row
    def label(self) -> str:
        """What the row is about: its indicator name ("指标1:…") if it has one, else its first words."""
        words = [c.text for c in self.cells if c.text and not c.is_number]
        text = next((w for w in words if INDICATOR.match(w)), words[0] if words else "")
        return text if len(text) <= 24 else text[:23] + "…"

    def numbers(self) -> list[Cell]:
        return [c for c in self.cells if c.is_number]


@dataclass
class Table:
    block: Block
    shape: str  # tab | pipe | cell | aligned
    rows: list[Row] = field(default_factory=list)
    unit: str = ""  # 单位：万元


def _cells(text: str, start: int, end: int, separator: regex.Pattern) -> list[Cell]:
    cells = []
    pos = start
    for i, piece in enumerate(separator.split(text[start:end])):
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        cells.append(Cell(stripped, pos + lead, pos + lead + len(stripped), i))
        pos += len(piece)
        m = separator.match(text, pos)
        pos = m.end() if m else pos
    return cells


TAB = lazy(r"\t")
PIPE = lazy(r"(?<!\s)\s*\|\s*|\|\s*")  # never from inside a run of blanks: linear in a long run
SPACES = lazy(r" {2,}")


def _shape(text: str, lines: list[tuple[int, int]]) -> str:
    sample = [text[a:b] for a, b in lines]
    tabs = sum("\t" in s for s in sample)
    if tabs * 2 >= len(sample):
        return "tab"
    bars = sum(1 for s in sample if PIPES_ONLY.match(s))
    if bars * 3 >= len(sample) and all(PIPES_ONLY.match(s) or "|" not in s for s in sample):
        return "cell"  # cells on lines of their own between lines of pipes, some written over two lines
    single = sum(1 for s in sample if PIPES_ONLY.match(s) or s.count("|") >= 1 and "|" not in s.split("|", 1)[0]
                 and s.strip().endswith("|") and len([p for p in s.split("|") if p.strip()]) <= 1)
    # a line of one cell and more pipes closes a row of cells written one per line ("100 | |||||"), or is a row of
    # a pipe table whose other cells are empty ("资源税 | |||||"): rows of several cells, more of them than lines
    # of one cell and its one pipe, make it the second
    own = sum(1 for s in sample if PIPES_ONLY.match(s) or s.count("|") == 1 and s.strip().endswith("|"))
    several = sum(1 for s in sample if len([p for p in s.split("|") if p.strip()]) >= 2)
    if single * 2 >= len(sample) and several <= own:
        return "cell"
    if sum("|" in s for s in sample) * 2 >= len(sample):
        return "pipe"
    return "aligned"


TITLE = lazy(r"表\s*$")


def split_titles(table: Table) -> list[Table]:
    """Several tables pasted one after another ("…自评表 | ||||" opens each): one Table each."""
    out: list[Table] = []
    for row in table.rows:
        texts = [t for t in row.texts if t]
        is_title = len(texts) == 1 and TITLE.search(texts[0]) and not row.numbers()
        if not out or is_title and out[-1].rows:
            out.append(Table(block=table.block, shape=table.shape, unit=table.unit))
        out[-1].rows.append(row)
    return out


def parse_all(text: str, block: Block, context_before: str = "", notes=None) -> list[Table]:
    return split_titles(parse(text, block, context_before, notes))


def _capped(cells: list[Cell], notes, at: int) -> list[Cell]:
    """A row within caps.MAX_COLUMNS cells, each within caps.MAX_CELL characters; `notes` (caps.Notes) hears
    of what was dropped."""
    if len(cells) > caps.MAX_COLUMNS:
        if notes is not None:
            notes.at(at, f"a table row of {caps.count(len(cells))} cells: only the first {caps.count(caps.MAX_COLUMNS)} "
                         f"were read")
        cells = cells[:caps.MAX_COLUMNS]
    for k, c in enumerate(cells):
        if len(c.text) > caps.MAX_CELL:
            if notes is not None:
                notes.at(c.start, f"a table cell of {caps.count(len(c.text))} characters (more than "
                                  f"{caps.count(caps.MAX_CELL)}) was read as empty")
            cells[k] = Cell("", c.start, c.start, c.column)
    return cells


def parse(text: str, block: Block, context_before: str = "", notes=None) -> Table:
    table = Table(block=block, shape=_shape(text, block.lines))
    body = text[block.start:block.end]
    m = UNIT.search(body) or UNIT.search(context_before)
    table.unit = m.group(1) if m else ""
    if table.shape == "cell":
        _parse_cell_per_line(text, block, table)
        table.rows = [Row(_capped(r.cells, notes, r.cells[0].start)) if len(r.cells) > caps.MAX_COLUMNS
                      or any(len(c.text) > caps.MAX_CELL for c in r.cells) else r for r in table.rows]
        return table
    sep = {"tab": TAB, "pipe": PIPE, "aligned": SPACES}[table.shape]
    lines: list[list[Cell]] = []
    for a, b in block.lines:
        line = text[a:b]
        if table.shape == "pipe":
            # drop the empty cells made by a leading or trailing pipe
            cells = [c for c in _cells(text, a, b, sep) if c.text or 0 < c.column < line.count("|")]
        else:
            lead = len(line) - len(line.lstrip(" ")) if table.shape == "aligned" else 0
            cells = _cells(text, a + lead, b, sep)
        lines.append(cells)
    joined = _joined(lines) if table.shape == "pipe" else None
    for cells in joined or lines:
        if any(c.text for c in cells):
            table.rows.append(Row(_capped(cells, notes, cells[0].start)))
    return table


def _opens_row(cells: list[Cell]) -> bool:
    return bool(cells) and bool(cells[0].text) and not cells[0].is_number


def _joined(lines: list[list[Cell]]) -> list[list[Cell]] | None:
    """Rows written over several lines, a line break for each empty cell, as some pages turn an HTML table into
    text: "濮阳市 | 73795 | 234267 |" / "| -10.9 | 70.9 | 380990 | 744234 |" / "| -4.1 |" is one row of ten cells
    (two of them empty). A row opens with a label; the lines that follow it open with a figure or hold nothing.
    Taken only where most rows so joined come out of one width, and then only for the rows of that width: a row
    of another width keeps its lines as they were."""
    groups: list[list[list[Cell]]] = []  # the lines of each row
    for cells in lines:
        texts = [c for c in cells if c.text]
        if groups and _opens_row(groups[-1][0]) and (not texts or cells[0].is_number):
            groups[-1].append(cells)
        elif texts:
            groups.append([cells])

    def row(group: list[list[Cell]]) -> list[Cell]:
        out = list(group[0])
        for cells in group[1:]:
            out.append(Cell("", out[-1].end, out[-1].end, 0))  # the line break: one empty cell
            out.extend(c for c in cells if c.text)
        while not out[-1].text:  # line breaks before the next row are no cells
            out.pop()
        return out

    joined = {k: row(g) for k, g in enumerate(groups) if sum(1 for cells in g if any(c.text for c in cells)) >= 2}
    widths = [len(r) for r in joined.values()]
    width = max(set(widths), key=widths.count, default=0)
    if widths.count(width) < 2 or widths.count(width) * 4 < len(widths) * 3:
        return None
    out = []
    for k, g in enumerate(groups):
        if k in joined and len(joined[k]) == width:
            out.append([Cell(c.text, c.start, c.end, i) for i, c in enumerate(joined[k])])
        else:
            out.extend(cells for cells in g if any(c.text for c in cells))
    return out


CLOSER = lazy(r"\|[^|]*\|")  # a line of more than one pipe: a row closer of the one-cell-per-line shape


def _by_labels(text: str, block: Block) -> list[Row] | None:
    """"项 目 |" / "预 算 数 |" / "决 算 数 |" / "合 计 |" / "49.9 |" / "7.69 |" / "因公出国(境)费 |" / "20 |" / "|": cells one
    per line with no line that closes a row, where a line of a pipe alone is an empty cell. A row opens with a
    name followed by a figure or an empty cell; the names before the first such row are the header. Taken only
    where most rows come out of one width (so a text cell among the figures does not cut rows apart)."""
    lines = [text[a:b] for a, b in block.lines]
    if any(CLOSER.search(line) for line in lines) or not any(line.strip() == "|" for line in lines):
        return None
    if sum(1 for line in lines if line.rstrip().endswith("|") and line.strip() != "|") * 4 < len(lines) * 3:
        return None  # cells between lines of pipes ("项目" / "|" / "合计" / "|"): the pipes there separate, not fill
    cells = []
    for a, b in block.lines:
        line = text[a:b]
        bar = line.rfind("|")
        content = line[:bar] if bar >= 0 else line
        lead = len(content) - len(content.lstrip())
        stripped = content.strip()
        cells.append(Cell(stripped, a + lead, a + lead + len(stripped), 0))
    rows: list[list[Cell]] = []
    for k, c in enumerate(cells):
        nxt = cells[k + 1] if k + 1 < len(cells) else None
        opens = bool(c.text) and not c.is_number and (nxt is None or nxt.is_number or not nxt.text)
        if not rows or opens and rows[-1]:
            rows.append([])
        rows[-1].append(c)
    body = [len(r) for r in rows[1:]]
    width = max(set(body), key=body.count, default=0)
    if width < 2 or body.count(width) < 2 or body.count(width) * 4 < len(body) * 3:
        return None
    return [Row([Cell(c.text, c.start, c.end, i) for i, c in enumerate(r)]) for r in rows if any(c.text for c in r)]


def _between_bars(text: str, block: Block) -> list[Row] | None:
    """"项目" / "|" / "合计" / "|" / "一般公共" / "预算" / "|" / "|" / "行政经费" / "|" / "312.23" / "|": each cell on
    lines of its own between lines of pipes, a cell written over several lines, two pipe lines in a row an empty
    cell. A row opens with a name followed by a figure or an empty cell; the names before the first such row are
    the header, whose width every row must keep (empty cells at a row's end are the breaks before the next row,
    or cells left blank). Taken only where the header and at least two rows (or every row) have one width: a header of two
    levels (合计 over 车辆购置, 车辆运行) has more names than rows have cells, and its columns are not known."""
    lines = [(a, b) for a, b in block.lines if text[a:b].strip()]
    if any("|" in text[a:b] and not PIPES_ONLY.match(text[a:b]) for a, b in lines):
        return None
    cells: list[Cell] = []
    run: list[tuple[int, int]] = []
    for a, b in lines + [(-1, -1)]:
        if a >= 0 and not PIPES_ONLY.match(text[a:b]):
            run.append((a, b))
            continue
        if run:
            (a0, b0), (a1, b1) = run[0], run[-1]
            start = b0 - len(text[a0:b0].lstrip())
            end = a1 + len(text[a1:b1].rstrip())
            cells.append(Cell("".join(text[x:y].strip() for x, y in run), start, end, 0))
        elif a >= 0 and cells:
            cells.append(Cell("", a, a, 0))
        run = []
    cells = [c for c in cells if not UNIT.search(c.text)]
    while cells and not cells[0].text:
        cells.pop(0)
    rows: list[list[Cell]] = []
    for k, c in enumerate(cells):
        nxt = cells[k + 1] if k + 1 < len(cells) else None
        opens = bool(c.text) and not c.is_number and nxt is not None and (nxt.is_number or not nxt.text)
        if not rows or opens and rows[-1]:
            rows.append([])
        rows[-1].append(c)
    for r in rows:
        while r and not r[-1].text:
            r.pop()
    rows = [r for r in rows if r]
    first = next((k for k, r in enumerate(rows) if any(c.is_number for c in r)), None)
    if first is None:
        return None
    header = [c for r in rows[:first] for c in r]  # names before the first row of figures, however they were cut
    if len({c.text for c in header}) < len(header):
        return None  # a name twice (合计 of all, 合计 of 公务用车): a header of two levels
    body = rows[first:]
    width = len(header) if header else max(len(r) for r in body)
    full = sum(1 for r in body if len(r) == width)
    if width < 2 or any(len(r) > width for r in body) or full < 2 and not (header and full == len(body)):
        return None
    out = [Row([Cell(c.text, c.start, c.end, i) for i, c in enumerate(r)]) for r in ([header] if header else []) + body]
    for r in out[1 if header else 0:]:
        while len(r.cells) < width:
            r.cells.append(Cell("", r.cells[-1].end, r.cells[-1].end, len(r.cells)))
    return out


def _parse_cell_per_line(text: str, block: Block, table: Table) -> None:
    for read in (_by_labels, _between_bars):
        rows = read(text, block)
        if rows is not None:
            table.rows = rows
            return
    row: list[Cell] = []
    for a, b in block.lines:
        line = text[a:b]
        if PIPES_ONLY.match(line):
            if row:
                table.rows.append(Row(row))
            row = []
            continue
        bar = line.find("|")
        content = line[:bar] if bar >= 0 else line
        lead = len(content) - len(content.lstrip())
        stripped = content.strip()
        if row and bar >= 0 and "|" in line[bar + 1:] and TITLE.search(stripped):
            table.rows.append(Row(row))  # a title row opens the next table
            row = []
        row.append(Cell(stripped, a + lead, a + lead + len(stripped), len(row)))
        # more pipes after the cell's own close the row ("100 | |||||")
        if bar >= 0 and "|" in line[bar + 1:]:
            table.rows.append(Row(row))
            row = []
    if row:
        table.rows.append(Row(row))


def header_index(row: Row, *words: str) -> int | None:
    """Position of the first cell whose text contains one of the words."""
    for c in row.cells:
        if any(w in c.text for w in words):
            return c.column
    return None
