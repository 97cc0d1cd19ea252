"""Changes read from tables: a column for this year, one for the year before, and the change between them as
an amount (增减额) or a rate (增长率), row by row.

"项目 | 上年决算数 | 本年决算数 | 比上年增、减情况 |" over "增、减金额 | 增、减幅度 |": a header cell that spans
several columns is written once, with the empty cells it covers after it, and the row below names those
columns; so the row below's cells are the last columns of the rightmost such span. A column's part is read
from its words; a table is read only where one column is the previous year, one the current year, and one
the amount or the rate of the change, with nothing left to guess.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..text.tables import Row, Table
from .common import YEAR
from .kinds import claim_kind
from .tabular import TableFigure, _fig, as_money
from ..rx import lazy

RATE = lazy(r"增长率|增减率|增幅|减幅|幅度|增长%|增减%|比上年增长|变动率")
DELTA = lazy(r"增加额|增减额|减少额|增减金额|增、减金额|增减变动|增减|比较|差额")
PREVIOUS = lazy(r"上年|上期|同期|上年度")
CURRENT = lazy(r"本年|本期|本次|本年度|执行数|决算数|预算数|完成数")
HEADER_ROWS = 3  # rows above the first row of figures that may name its columns


@dataclass
class TableChange:
    current: TableFigure
    previous: TableFigure
    delta: TableFigure | None = None
    rate: TableFigure | None = None


SPACES = lazy(r"\s+")


def _words(text: str) -> str:
    return SPACES.sub("", text)


def column_labels(header: list[Row], width: int) -> tuple[list[str], list[int]]:
    """A label per column: the top row's, and in the span of a heading the heading with the row below's words for
    each column it spans ("2020年执行数" over "金额 | 占调整预算% | 比上年增长%"); and per column, the first column of
    the heading it stands under (itself, outside a span)."""
    top = [_words(c.text) for c in header[0].cells] + [""] * width
    top = top[:width]
    group = list(range(width))
    if len(header) == 1:
        return top, group
    sub = [_words(c.text) for c in header[1].cells if c.text.strip()]
    k = len(sub)
    spans = [s for s in range(width - k + 1) if top[s] and all(not t for t in top[s + 1:s + k])]
    if not spans:
        return top, group
    s = spans[-1]
    return ([f"{top[s]}{sub[j - s]}" if s <= j < s + k else t for j, t in enumerate(top)],
            [s if s <= j < s + k else j for j in group])


def roles(labels: list[str], group: list[int] | None = None) -> dict[str, int] | None:
    """Which column is the previous year, the current year, the change amount and the change rate (`group`: the
    heading each column stands under, as column_labels gives it)."""
    group = group or list(range(len(labels)))
    rate = [j for j, t in enumerate(labels) if RATE.search(t) and "占" not in t]
    delta = [j for j, t in enumerate(labels) if j not in rate and DELTA.search(t) and "占" not in t]
    amounts = [j for j, t in enumerate(labels) if t and j not in rate and j not in delta and "%" not in t
               and "占" not in t and "率" not in t]
    years = {j: int(m.group()) for j in amounts if (m := YEAR.search(labels[j]))}
    previous = [j for j in amounts if PREVIOUS.search(labels[j])]
    if not previous and len(set(years.values())) == 2:
        previous = [j for j, y in years.items() if y == min(years.values())]
    current = [j for j in amounts if j not in previous and (CURRENT.search(labels[j]) or
                                                            (years and years.get(j) == max(years.values())))]
    if len(rate) > 1 or len(delta) > 1 or len(previous) != 1 or not current or not (rate or delta):
        return None
    change = (rate or delta)[0]
    # of several current columns (预算调整数, 执行数金额), the one under the same heading as the change, else the
    # nearest before it
    same = [j for j in current if group[j] == group[change] != change]
    before = [j for j in current if j < change]
    pick = same[-1] if len(same) == 1 else before[-1] if before else None
    if pick is None or (len(current) > 1 and not same and len(before) > 1):
        return None
    out = {"previous": previous[0], "current": pick}
    if rate:
        out["rate"] = rate[0]
    if delta:
        out["delta"] = delta[0]
    return out


def header_of(table: Table) -> tuple[int, list[str], list[int]] | None:
    """Where a table's rows of figures start, and a label and a heading (column_labels) for each column."""
    rows = table.rows
    first = next((i for i, r in enumerate(rows) if len(r.numbers()) >= 2), None)
    if first is None or first == 0:
        return None
    above = [r for r in rows[max(0, first - HEADER_ROWS):first] if not r.numbers() and any(c.text for c in r.cells)]
    tops = [i for i, r in enumerate(above) if sum(1 for c in r.cells if c.text.strip()) >= 3]
    if not tops:
        return None
    top = tops[-1]
    if len(tops) > 1 and tops[-2] == top - 1:
        top -= 1  # the row below a spanning heading has three names of its own: it is the heading's second row
    header = above[top:top + 2]
    width = max(len(r.cells) for r in rows[first:])
    labels, group = column_labels(header, width)
    return first, labels, group


def table_changes(table: Table) -> list[TableChange]:
    found = header_of(table)
    if found is None:
        return []
    first, labels, group = found
    rows = table.rows
    cols = roles(labels, group)
    if cols is None:
        return []
    out = []
    for row in rows[first:]:
        if not row.numbers():
            continue
        cells = {role: row.cells[j] for role, j in cols.items() if j < len(row.cells) and row.cells[j].text}
        if "current" not in cells or "previous" not in cells:
            continue
        label = row.label
        figs = {role: _fig(cell, f"{label} · {labels[cols[role]]}", percent=role == "rate")
                for role, cell in cells.items()}
        if any(f is None for f in figs.values()) or any(f.q.kind == "percent" for r, f in figs.items()
                                                        if r != "rate"):
            continue
        if table.unit:
            figs = {r: f if r == "rate" else as_money(f, table.unit) for r, f in figs.items()}
        out.append(TableChange(figs["current"], figs["previous"], figs.get("delta"), figs.get("rate")))
    return out


@claim_kind("table_changes")
def _table_changes(doc) -> list[TableChange]:
    return [c for t in doc.tables for c in table_changes(t)]
