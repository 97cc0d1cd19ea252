"""Claims read from tables: self-evaluation score tables (绩效自评表) and execution rows.

A 自评表 has an execution block (年初预算数, 全年预算数, 全年执行数, 执行率权重分值/分值, 执行率, 执行率得分)
and an indicator block (… 权重分值/分值, 得分系数, 指标得分/得分) closed by a total row (绩效指标总分/总分),
and often a 自评总得分 cell. Merged cells make indicator rows differ in length, so an indicator row is
read by the pattern at its end (weight, [coefficient %], score), not by position.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..arith.quantity import Quantity
from ..text.tables import SCALE, Cell, Row, Table, header_index
from .executions import ExecClaim
from .kinds import claim_kind
from .sums import SumClaim
from ..rx import lazy

TOTAL_ROW = lazy(r"^(?:绩效指标总分|总分|合计|总计|小计|得分合计|指标总分)")
WEIGHT_WORDS = ("权重分值", "分值", "权重")
SCORE_WORDS = ("指标得分", "得分")
COEF_WORDS = ("得分系数",)
# the money columns of an execution block, in their usual order
MONEY_COLUMNS = [("initial", ("年初预算数",)),
                 ("budget", ("全年预算数", "全年(调整)预算数", "调整后预算数", "调整预算数")),
                 ("actual", ("执行数",))]


@dataclass
class TableFigure:
    """A table cell standing in a claim, with the row and column labels it is read under."""
    q: Quantity
    label: str

    @property
    def kind(self) -> str:
        return self.q.kind

    def same_dimension(self, other) -> bool:
        return self.q.kind == other.q.kind


@dataclass
class ScoreItem:
    row: Row
    weight: TableFigure | None
    score: TableFigure
    coefficient: TableFigure | None = None


@dataclass
class ScoreTable:
    table: Table
    items: list[ScoreItem] = field(default_factory=list)
    total: ScoreItem | None = None
    execution: ScoreItem | None = None  # the 执行率 weight and score of the execution block
    overall: TableFigure | None = None  # 自评总得分
    has_coef: bool = False  # the indicator header has 得分系数: rows end weight, coefficient, score


def _fig(cell: Cell, label: str, percent: bool = False) -> TableFigure | None:
    q = cell.quantity()
    if q is None:
        return None
    if percent and q.kind != "percent":
        q = replace(q, kind="percent", unit="%")
    return TableFigure(q, label)


def _is_header(row: Row) -> bool:
    return header_index(row, *SCORE_WORDS) is not None and header_index(row, *WEIGHT_WORDS) is not None \
        and not row.numbers()


def _is_exec_header(row: Row) -> bool:
    return (header_index(row, "执行数") is not None and header_index(row, "预算数") is not None
            and header_index(row, "执行率") is not None and not row.numbers())


def score_tables(table: Table) -> list[ScoreTable]:
    out: list[ScoreTable] = []
    current: ScoreTable | None = None
    overall: TableFigure | None = None
    execution: ScoreItem | None = None
    rows = table.rows
    for i, row in enumerate(rows):
        overall = _overall(row) or overall
        if _is_exec_header(row):
            execution = _execution_score(table, i) or execution
        if _is_header(row) and not _is_exec_header(row):
            current = ScoreTable(table=table, execution=execution, overall=overall,
                                 has_coef=header_index(row, *COEF_WORDS) is not None)
            out.append(current)
            continue
        if current is None or current.total is not None:
            continue
        item = _item(row, current.has_coef)
        if item is None:
            continue
        if TOTAL_ROW.match(row.label):
            current.total = item
        else:
            current.items.append(item)
    for st in out:
        st.overall = st.overall or overall
    return out


def _overall(row: Row) -> TableFigure | None:
    for k, c in enumerate(row.cells):
        if "总得分" in c.text and not c.is_number:
            nxt = next((d for d in row.cells[k + 1:] if d.text), None)
            if nxt is not None and nxt.is_number:
                return _fig(nxt, c.text)
    return None


def _item(row: Row, has_coef: bool) -> ScoreItem | None:
    nums = row.numbers()
    label = row.label
    if has_coef:
        if len(nums) < 3 or not nums[-2].text.endswith("%"):
            return None
        w, k, s = nums[-3], nums[-2], nums[-1]
        if w.text.endswith("%") or s.text.endswith("%"):
            return None
        return ScoreItem(row, _fig(w, f"{label} · 权重分值"), _fig(s, f"{label} · 得分"), _fig(k, f"{label} · 得分系数"))
    if len(nums) < 2:
        return None
    w, s = nums[-2], nums[-1]
    if w.text.endswith("%") or s.text.endswith("%"):
        return None
    return ScoreItem(row, _fig(w, f"{label} · 分值"), _fig(s, f"{label} · 得分"))


def _execution_rows(table: Table, header_at: int) -> list[tuple[Row, dict[str, Cell]]]:
    """The data rows under an execution header, each as {role: cell}."""
    header = table.rows[header_at]
    sub = table.rows[header_at + 1] if header_at + 1 < len(table.rows) else None
    pairs = sub is not None and header_index(sub, "总数") is not None and not sub.numbers()
    start = header_at + (2 if pairs else 1)
    money_cols = [name for name, words in MONEY_COLUMNS if header_index(header, *words) is not None]
    out = []
    for row in table.rows[start:]:
        nums = row.numbers()
        if len(nums) < 3:
            break
        cells: dict[str, Cell] = {}
        if table.shape == "tab" and len(row.cells) == len(header.cells):
            for role, words in (("budget", ("全年预算数", "调整后预算数", "全年(调整)预算数", "调整预算数", "年初预算数")),
                                ("actual", ("全年执行数", "执行数")), ("rate", ("执行率",)),
                                ("weight", WEIGHT_WORDS), ("score", ("执行率得分", "得分"))):
                for w in words:
                    # "执行率" must not take the "执行率权重分值" or "执行率得分" column
                    k = next((i for i, c in enumerate(header.cells) if w in c.text
                              and not (role == "rate" and "分" in c.text)), None)
                    if k is not None and row.cells[k].is_number:
                        cells[role] = row.cells[k]
                        break
        else:
            # read from the end: weight, rate, score; before them the money columns
            width = 2 if pairs else 1
            if len(nums) < len(money_cols) * width + 3:
                break
            cells["weight"], cells["rate"], cells["score"] = nums[-3], nums[-2], nums[-1]
            money = nums[: len(money_cols) * width]
            by_col = {name: money[i * width] for i, name in enumerate(money_cols)}
            cells["actual"] = by_col.get("actual")
            cells["budget"] = by_col.get("budget") or by_col.get("initial")
        out.append((row, {k: v for k, v in cells.items() if v is not None}))
        if table.shape == "cell":
            break  # one data row per execution block in these tables
    return out


def _execution_score(table: Table, header_at: int) -> ScoreItem | None:
    rows = _execution_rows(table, header_at)
    if not rows:
        return None
    row, cells = rows[0]
    if "score" not in cells:
        return None
    label = row.label or table.rows[header_at].label
    return ScoreItem(row, _fig(cells["weight"], f"{label} · 执行率分值") if "weight" in cells else None,
                     _fig(cells["score"], f"{label} · 执行率得分"))


def executions(table: Table) -> list[ExecClaim]:
    """Execution rows: actual / budget against the 执行率 column."""
    out = []
    for i, row in enumerate(table.rows):
        if not _is_exec_header(row):
            continue
        for data, cells in _execution_rows(table, i):
            if not {"budget", "actual", "rate"} <= cells.keys():
                continue
            label = data.label or row.label
            budget = _fig(cells["budget"], f"{label} · 预算数", False)
            actual = _fig(cells["actual"], f"{label} · 执行数", False)
            rate = _fig(cells["rate"], f"{label} · 执行率", percent=True)
            if None in (budget, actual, rate):
                continue
            # without 单位, execution blocks are in 万元 by convention; the message shows only what is written
            budget, actual = (as_money(f, table.unit or "万元", shown=table.unit) for f in (budget, actual))
            out.append(ExecClaim(budget=budget, actual=actual, rate=rate))
    return out


def as_money(fig: TableFigure, unit: str, shown: str | None = None) -> TableFigure:
    """A table cell read as an amount in the table's unit (单位：万元): a new figure, the cell's own unchanged."""
    q = replace(fig.q, kind="money", scale=SCALE.get(unit, SCALE["万元"]), unit=unit if shown is None else shown)
    return TableFigure(q, fig.label)


TOTAL_LABEL = lazy(r"^(?:合\s*计|总\s*计|小\s*计)$")
CODE = lazy(r"^\s*(\d{3}(?:\d{2}){0,2})(?!\d)")


def _header_at(rows: list[Row]) -> int | None:
    """The first row of names alone (two or more), which heads the columns."""
    return next((i for i, r in enumerate(rows) if not r.numbers() and sum(1 for c in r.cells if c.text) >= 2), None)


def table_sums(table: Table) -> list[SumClaim]:
    """Column totals: a 合计/总计/小计 row against the rows above it, column by column.

    Only where every row of the run has as many cells as the total row (so a column is a column),
    no row is a 其中 row, and the rows are not a 类/款/项 hierarchy of function codes (those are the
    standard tables' own rules).
    """
    out: list[SumClaim] = []
    rows = table.rows
    header = _header_at(rows)
    if header is None:
        return out
    start = header + 1
    for t in range(start, len(rows)):
        total_row = rows[t]
        first = next((c.text for c in total_row.cells if c.text), "")
        if not TOTAL_LABEL.match(first):
            continue
        data = rows[start:t]
        start = t + 1
        width = len(total_row.cells)
        if len(data) < 2 or any(len(r.cells) != width for r in data):
            continue
        labels = [r.label for r in data]
        if any(lab.startswith("其中") or TOTAL_LABEL.match(lab) for lab in labels):
            continue
        codes = {len(m.group(1)) for lab in labels if (m := CODE.match(lab))}
        if len(codes) > 1:
            continue
        header_row = rows[header]
        for j, cell in enumerate(total_row.cells):
            total_fig = _fig(cell, f"{first} · {_column(header_row, j)}")
            if total_fig is None or total_fig.q.kind == "percent":
                continue
            parts = [_fig(r.cells[j], f"{r.label} · {_column(header_row, j)}") for r in data if r.cells[j].text]
            if len(parts) < 2 or any(p is None or p.q.kind == "percent" for p in parts):
                continue
            if table.unit:
                total_fig, *parts = (as_money(f, table.unit) for f in [total_fig, *parts])
            out.append(SumClaim(total=total_fig, parts=parts, connective=None, exhaustive=True, closing=True))
    return out


# the numbering of an outline's rows, outermost first as a document meets them: (一) 一、 1. 1、 (1) ①
MARKER = lazy(r"^\s*(?:(?P<paren_cn>\([一二三四五六七八九十]+\))|(?P<cn>[一二三四五六七八九十]+、)"
              r"|(?P<num>\d{1,2}[.、](?!\d))|(?P<paren_num>\(\d{1,2}\))|(?P<circled>[①-⑳]))")
ROW_NUMBERS = ("行次", "栏次", "序号", "编号")


def _marker(row: Row) -> str | None:
    m = MARKER.match(row.cells[0].text) if row.cells else None
    return m.lastgroup if m else None


def outline_sums(table: Table) -> list[SumClaim]:
    """"(一)支出合计 | 2 | 1131.15 | 1224.42" / "1.因公出国(境)费 | 3 | | 4.20" / "2.公务用车… | 4 | 806.15 | 872.60" /
    "(1)公务用车购置费 | 5 | 21.28 | 28.19" …: a total first and its parts in the rows numbered one level below it,
    until a row of its level or above; rows without a number (其中:…) belong to the row before. Column by column,
    where every part has a figure (an empty cell is not a zero: a blank 增加额 may stand for a change of the whole
    figure) and the column does not number the rows. Which rows are the parts is read from the numbering alone, so a
    sum that fails is unsure."""
    rows = table.rows
    at = _header_at(rows)
    header = rows[at] if at is not None else None
    depth: dict[str, int] = {}
    levels: list[int | None] = []
    for r in rows:
        kind = _marker(r)
        if kind is None:
            # an unnumbered 合计 row with figures, before any row that has a level: the root of the outline
            first = next((c.text for c in r.cells if c.text), "")
            root = not depth and "合计" in first and r.numbers() and -1 not in levels
            levels.append(-1 if root else None)
            continue
        depth.setdefault(kind, len(depth))
        levels.append(depth[kind])
    out: list[SumClaim] = []
    for t, level in enumerate(levels):
        if level is None:
            continue
        children = []
        for k in range(t + 1, len(rows)):
            if levels[k] is not None and levels[k] <= level:
                break
            if levels[k] is not None and levels[k] == level + 1:
                children.append(rows[k])
            elif levels[k] is not None and levels[k] > level + 1 and not children:
                break  # a deeper number before any of the next level: not this outline
        width = len(rows[t].cells)
        if len(children) < 2 or any(len(r.cells) != width for r in children):
            continue
        for j in range(1, width):
            if header is not None and j < len(header.cells) and any(w in header.cells[j].text for w in ROW_NUMBERS):
                continue
            column = _column(header, j) if header else j + 1
            total = _fig(rows[t].cells[j], f"{rows[t].label} · {column}")
            parts = [_fig(r.cells[j], f"{r.label} · {column}") for r in children]
            if total is None or total.q.kind == "percent" or any(p is None or p.q.kind == "percent" for p in parts):
                continue
            if _counting(total, parts):
                continue
            if table.unit:
                total, *parts = (as_money(f, table.unit) for f in [total, *parts])
            out.append(SumClaim(total=total, parts=parts, connective=None, exhaustive=True,
                                guess="the parts are the rows numbered one level below the total"))
    return out


SANGONG_TOTAL = lazy(r"^(?:合计|总计|“?三公”?经费(?:支出)?(?:合计|小计)?)$")
# the numbering and 其中 that open a row's name: "其中:(1)公务用车运行维护费", "3.公务用车费", "(二)公务接待费"
ROW_PREFIX = lazy(r"^(?:其中[:：]?|[(（]?[一二三四五六七八九十\d]{1,2}[)）.、]|[①-⑳])+")
RATE_COLUMN = lazy(r"%|率|幅")


def _sangong_item(label: str) -> str | None:
    """Which line of a 三公 table a row's name is: one of the three items (出国, 接待, 车: 公务用车购置及运行费, 公务
    用车费), or one of the two parts of 公务用车 (运行, 购置); None for any other row."""
    name = ROW_PREFIX.sub("", label.replace(" ", ""))
    if "出国" in name or "出境" in name:
        return "出国"
    if "接待" in name:
        return "接待"
    if "车" in name:
        run, buy = "运行" in name or "运维" in name, "购置" in name
        if run and buy or not (run or buy):
            return "车"
        return "运行" if run else "购置"
    return None


def sangong_rows(table: Table) -> list[SumClaim]:
    """A 三公 table written total first: "合计 | 34.35" / "因公出国(境)费 | 0" / "公务接待费 | 1.70" / "公务用车购置及
    运行费 | 32.65" / "其中:公务用车运行费 | 32.65" / "公务用车购置费 | 0". The total is the three items (they make
    the whole of the 三公 funds), and the 公务用车 row its two parts, column by column. A cell left blank is taken as
    0 (these tables leave an item without spending blank), so a sum that fails with one is unsure; so is the
    total when the 公务用车 row disagrees with its own parts (which of the two is wrong is then not known)."""
    rows = table.rows
    at = _header_at(rows)
    header = rows[at] if at is not None else None
    out: list[SumClaim] = []
    for t, row in enumerate(rows):
        if not (row.cells and SANGONG_TOTAL.match(row.cells[0].text.replace(" ", "")) and row.numbers()):
            continue
        found: dict[str, Row] = {}
        for r in rows[t + 1:]:
            kind = _sangong_item(r.cells[0].text) if r.cells else None
            if kind is None or kind in found or kind in ("运行", "购置") and "车" not in found:
                break
            found[kind] = r
        items = [found.get(k) for k in ("出国", "接待", "车")]
        subs = [found.get(k) for k in ("运行", "购置")]
        if any(r is None for r in items) or any(len(r.cells) != len(row.cells) for r in items + [s for s in subs if s]):
            continue
        for j in range(1, len(row.cells)):
            column = _column(header, j) if header else f"column {j + 1}"
            if RATE_COLUMN.search(column):
                continue
            car = _sum_of(table, found["车"], [s for s in subs if s is not None], j, column)
            top = _sum_of(table, row, items, j, column)
            if top is not None and car is not None and sum(p.q.value for p in car.parts) != car.total.q.value:
                top.nests = "the 公务用车 row disagrees with its own parts"
            out.extend(c for c in (top, car) if c is not None)
    return out


def _sum_of(table: Table, total_row: Row, part_rows: list[Row], j: int, column: str) -> SumClaim | None:
    """The sum of one column: the total row's cell against the parts' (blank cells taken as 0)."""
    if len(part_rows) < 2:
        return None
    total = _fig(total_row.cells[j], f"{total_row.label} · {column}")
    parts = [_fig(r.cells[j], f"{r.label} · {column}") for r in part_rows]
    blank = [r.cells[j].text == "" for r in part_rows]
    if total is None or total.q.kind == "percent" or any(p is None and not b for p, b in zip(parts, blank, strict=True)):
        return None
    parts = [p for p in parts if p is not None]
    if not parts or any(p.q.kind == "percent" for p in parts):
        return None
    if table.unit:
        total, *parts = (as_money(f, table.unit) for f in [total, *parts])
    return SumClaim(total=total, parts=parts, connective=None, exhaustive=True, closing=True,
                    guess="a blank cell taken as 0" if any(blank) else "")


def _counting(total: TableFigure, parts: list[TableFigure]) -> bool:
    """A column that numbers the rows (2, then 3, 4, 7): whole numbers that rise row by row."""
    figs = [total, *parts]
    values = [f.q.value for f in figs]
    return all("." not in f.q.text for f in figs) and all(b > a for a, b in zip(values, values[1:], strict=False))


def _column(header: Row, j: int) -> str:
    return header.cells[j].text if j < len(header.cells) and header.cells[j].text else f"column {j + 1}"


@claim_kind("executions")
def _table_executions(doc) -> list[ExecClaim]:
    return [c for t in doc.tables for c in executions(t)]


@claim_kind("score_tables")
def _score_tables(doc) -> list[ScoreTable]:
    return [st for t in doc.tables for st in score_tables(t)]
