"""The nine standard tables of a 部门决算, read into facts and relations.

收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表, 一般公共预算财政拨款支出决算表,
一般公共预算财政拨款基本支出决算表, 财政拨款"三公"经费支出决算表, 政府性基金预算财政拨款收入支出决算表,
国有资本经营预算财政拨款收入支出决算表.

What their structure implies, as claims for the rules (rules/standard.py):
- totals: a 类 row is the sum of its 款 rows, a 款 row of its 项 rows, 合计 of the 类 rows; the 合计 column
  of a row is the sum of the columns that break it down;
- the summary tables balance: 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计 = 本年支出合计 +
  结余分配 + 年末结转和结余;
- facts (a labelled figure of a table, with the money it counts) that must agree across tables and with
  the explanation text.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..text import caps
from ..text.tables import Row, Table
from .common import unquoted
from .kinds import claim_kind
from .sums import SumClaim
from .tabular import TableFigure, _fig, as_money, outline_sums, sangong_rows, table_sums
from ..rx import lazy

TITLES = [
    "财政拨款收入支出决算总表", "收入支出决算总表", "收入决算表", "一般公共预算财政拨款基本支出决算表",
    "一般公共预算财政拨款支出决算表", "支出决算表", "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表",
]
NUMBERING = lazy(r"^[一二三四五六七八九十]+、|^[(（][一二三四五六七八九十]+[)）]")
CODE_CELL = lazy(r"^\d{2,7}$")
FIGURE = lazy(r"\d\.\d")
EMPTY_STATEMENT = lazy(r"本表无数据|无[^。;；]{0,30}(?:收支|支出|收入|数据)")


@dataclass
class StandardTable:
    title: str
    tables: list[Table]  # one title may span pages
    start: int  # normalized offsets: the title (or first row) and the end of the last row
    end: int

    @property
    def rows(self) -> list[Row]:
        return [r for t in self.tables for r in t.rows]

    @property
    def unit(self) -> str:
        return next((t.unit for t in self.tables if t.unit), "万元")

    def has_numbers(self) -> bool:
        return any(c.is_number and c.text.strip("0.,%") for r in self.rows for c in r.cells)


@dataclass
class Fact:
    table: StandardTable
    key: str  # 本年收入合计, 总计 (收入), 社会保障和就业支出 …
    figure: TableFigure


@dataclass
class Balance:
    table: StandardTable
    result: TableFigure
    terms: list[TableFigure]
    name: str


def find(text: str, tables: list[Table]) -> list[StandardTable]:
    """Standard tables by their titles: the line just above a table, or its first row."""
    out: list[StandardTable] = []
    for t in tables:
        # space-aligned text (pdftotext -layout) drops empty cells, so its columns cannot be trusted;
        # fiscal-lint's own PDF reader gives tab-separated cells
        if not t.rows or not t.rows[0].cells or t.shape == "aligned":
            continue
        before = text[max(0, t.block.start - 160): t.block.start]
        lines = [ln.strip() for ln in before.split("\n") if ln.strip() and not ln.strip().startswith("单位")]
        head = (lines[-1] if lines else "") + " " + " ".join(t.rows[0].texts)
        title = next((ti for ti in TITLES if ti in head.replace(" ", "")), "")
        if not title and "三公" in head:
            title = "财政拨款“三公”经费支出决算表"
        if not title:
            continue
        start = t.rows[0].cells[0].start
        last = t.rows[-1].cells[-1]
        if out and out[-1].title == title:
            out[-1].tables.append(t)
            out[-1].end = last.end
        else:
            out.append(StandardTable(title, [t], start, last.end))
    return out


def _money(st: StandardTable, fig: TableFigure | None) -> TableFigure | None:
    if fig is None or fig.q.kind == "percent":
        return None
    return as_money(fig, st.unit)


def _code(row: Row) -> tuple[str, int]:
    """The function code of a row ("2010601", or "201" "06" "01" in three cells) and where the name starts."""
    code = ""
    k = 0
    while k < len(row.cells) and k < 3 and CODE_CELL.match(row.cells[k].text):
        code += row.cells[k].text
        k += 1
    if k == 0 and row.cells and regex.match(r"^\d{3}(?:\d{2}){0,2}$", row.cells[0].text):
        return row.cells[0].text, 1
    while k < len(row.cells) and not row.cells[k].text:
        k += 1
    return code, k


# economic classification tables put two code columns side by side (工资福利支出 | 商品和服务支出): their
# rows are not one hierarchy
TWO_SIDED = ("一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表")


def hierarchy(st: StandardTable) -> list[SumClaim]:
    """类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, column by column, for tables coded by function."""
    if st.title in TWO_SIDED:
        return []
    coded: list[tuple[str, Row]] = []
    total_row: Row | None = None
    for row in st.rows:
        code, k = _code(row)
        label = next((c.text for c in row.cells[k:] if c.text and not c.is_number), "")
        if code and len(code) in (3, 5, 7):
            coded.append((code, row))
        elif label.replace(" ", "") in ("合计", "总计") or any(c.text.replace(" ", "") == "合计" for c in row.cells[:4]):
            total_row = row
    if len(coded) < 2:
        return []
    width = max(len(r.cells) for _, r in coded)
    out: list[SumClaim] = []

    read: dict[int, dict[int, TableFigure]] = {}

    def numeric_columns(row: Row) -> dict[int, TableFigure]:
        if id(row) in read:  # a row is a child of each row with its parent code: read it once
            return read[id(row)]
        figs = read[id(row)] = {}
        for j, c in enumerate(row.cells):
            if j < 3 and CODE_CELL.match(c.text):
                continue
            f = _money(st, _fig(c, f"{_row_label(row)} · column {j + 1}"))
            if f is not None:
                figs[j] = f
        return figs

    groups: list[tuple[Row, list[Row]]] = []
    classes = [(c, r) for c, r in coded if len(c) == 3]
    # the rows under each code, by the code they extend by two digits (looked up, not searched for each row:
    # a table of 8,000 coded rows took 40 s)
    under: dict[str, list[Row]] = {}
    for c, r in coded:
        if len(c) > 3:
            under.setdefault(c[:-2], []).append(r)
    for code, row in coded:
        # past the cap the claim is not checked (check/breakdown.py notes it): one part more is all it needs to know
        children = under.get(code, [])[:caps.MAX_PARTS + 1]
        if children:
            groups.append((row, children))
    if total_row is not None and classes:
        groups.append((total_row, [r for _, r in classes]))
    for parent, children in groups:
        pfigs = numeric_columns(parent)
        cfigs = [numeric_columns(c) for c in children]
        for j in range(width):
            if j not in pfigs:
                continue
            parts = [f[j] for f in cfigs if j in f]
            if not parts:
                continue
            out.append(SumClaim(total=pfigs[j], parts=parts, connective=None, exhaustive=True, closing=True))
    return out


def row_totals(st: StandardTable) -> list[SumClaim]:
    """A 合计 column (本年收入合计, 本年支出合计, 合计) against the columns that break it down."""
    header = next((r for r in st.rows[:4] if any("合计" in c.text for c in r.cells) and not r.numbers()), None)
    if header is None or st.title in ("收入支出决算总表", "财政拨款收入支出决算总表", "财政拨款“三公”经费支出决算表",
                                      "一般公共预算财政拨款基本支出决算表"):
        return []
    # positions in the row, not Cell.column: a row opened with "|" counts its columns from 1
    col = next(i for i, c in enumerate(header.cells) if "合计" in c.text)
    parts_cols = [i for i, c in enumerate(header.cells) if i > col and c.text]
    out = []
    for row in st.rows:
        if len(row.cells) != len(header.cells) or not row.numbers():
            continue
        total = _money(st, _fig(row.cells[col], f"{_row_label(row)} · {header.cells[col].text}"))
        parts = [_money(st, _fig(row.cells[j], f"{_row_label(row)} · {header.cells[j].text}"))
                 for j in parts_cols if row.cells[j].text]
        parts = [p for p in parts if p is not None]
        if total is not None and parts:
            out.append(SumClaim(total=total, parts=parts, connective=None, exhaustive=True, closing=True))
    return out


def _row_label(row: Row) -> str:
    code, k = _code(row)
    label = next((c.text for c in row.cells[k:] if c.text and not c.is_number), "")
    return f"{code} {label}".strip()


def pairs(st: StandardTable) -> list[tuple[str, TableFigure]]:
    """(label, figure) for every label cell followed by a figure in its row — the layout of the two-sided
    summary tables (收入 项目 | 决算数 | 支出 项目 | 决算数)."""
    out = []
    numbered = any(c.text.strip() in ("行次", "栏次") for r in st.rows for c in r.cells)
    for row in st.rows:
        cells = row.cells
        for k, c in enumerate(cells[:-1]):
            if c.text and not c.is_number and cells[k + 1].is_number:
                j = k + 1
                if numbered and regex.fullmatch(r"\d{1,3}", cells[j].text.strip()):
                    # "本年收入合计 | 23 | 34846.81": under a 行次 column the first figure is the row's number
                    j += 1
                    if j >= len(cells) or not cells[j].is_number:
                        continue
                label = NUMBERING.sub("", c.text.replace(" ", ""))
                fig = _money(st, _fig(cells[j], f"{label} · {st.title}"))
                if fig is not None:
                    out.append((label, fig))
    return out


def balances(st: StandardTable) -> list[Balance]:
    if st.title not in ("收入支出决算总表", "财政拨款收入支出决算总表"):
        return []
    found = pairs(st)
    totals = [f for label, f in found if label == "总计"]
    get = lambda *names: next((f for label, f in found if any(label.startswith(n) for n in names)), None)  # noqa: E731
    income = get("本年收入合计")
    spend = get("本年支出合计")
    out = []
    if income is not None and totals:
        # a 事业单位 writes its use of the 事业基金 as 用事业基金弥补收支差额 where others write 使用非财政拨款结余
        terms = [income] + [f for f in (get("使用非财政拨款结余", "用事业基金弥补收支差额"),
                                        get("年初结转和结余", "年初财政拨款结转和结余")) if f]
        out.append(Balance(st, totals[0], terms, "income"))
    if spend is not None and len(totals) > 1:
        terms = [spend] + [f for f in (get("结余分配"), get("年末结转和结余", "年末财政拨款结转和结余")) if f]
        out.append(Balance(st, totals[1], terms, "expense"))
    if len(totals) > 1:
        out.append(Balance(st, totals[1], [totals[0]], "totals"))
    return out


def facts(standard: list[StandardTable]) -> list[Fact]:
    """Labelled figures comparable across tables: the items of the summary tables, and the 合计 column of
    each coded row of the income and expenditure tables (keyed by the function's name)."""
    out: list[Fact] = []
    for st in standard:
        if st.title in ("收入支出决算总表",):
            for label, fig in pairs(st):
                out.append(Fact(st, label, fig))
        if st.title in ("支出决算表", "一般公共预算财政拨款支出决算表"):
            for row in st.rows:
                code, k = _code(row)
                if len(code) != 3:
                    continue
                name = next((c.text for c in row.cells[k:] if c.text and not c.is_number), "")
                nums = [c for c in row.cells[k:] if c.is_number]
                fig = _money(st, _fig(nums[0], f"{code} {name} · 合计")) if nums else None
                if name and fig is not None:
                    scope_key = name if st.title == "支出决算表" else f"一般公共预算:{name}"
                    out.append(Fact(st, scope_key, fig))
    return out


@dataclass
class Empty:
    table: StandardTable
    statement: bool


def empties(text: str, standard: list[StandardTable], following: list[int]) -> list[Empty]:
    """Tables without figures, and whether a statement (本表无数据, 无…收支) stands near them."""
    out = []
    for st, nxt in zip(standard, following, strict=True):
        if st.has_numbers() or FIGURE.search(text, st.start, nxt):
            continue  # figures the table reader did not take as cells (one cell per line, columns as lines) are figures
        window = text[max(0, st.start - 300): nxt]
        out.append(Empty(st, bool(EMPTY_STATEMENT.search(window))))
    return out


# ---------------------------------------------------------------------------------------- text vs tables

# prose label (its last words) -> (table, fact key): the headline figures the explanation restates
HEADLINES = [
    (lazy(r"财政拨款收入支出总计$|财政拨款收、支总计$"), "财政拨款收入支出决算总表", "总计"),
    (lazy(r"(?<!财政拨款)收入支出总计$|(?<!财政拨款)收、支总计$"), "收入支出决算总表", "总计"),
    (lazy(r"(?<!财政拨款)本年收入合计$"), "收入支出决算总表", "本年收入合计"),
    (lazy(r"(?<!财政拨款)本年支出合计$"), "收入支出决算总表", "本年支出合计"),
    (lazy(r"^(?!.*财政拨款).*年初结转和结余$"), "收入支出决算总表", "年初结转和结余"),
    (lazy(r"^(?!.*财政拨款).*年末结转和结余$"), "收入支出决算总表", "年末结转和结余"),
]


def table_value(standard: list[StandardTable], title: str, key: str) -> TableFigure | None:
    st = next((s for s in standard if s.title == title), None)
    if st is None:
        return None
    found = [f for label, f in pairs(st) if label == key]
    return found[0] if found else None


def headline_pairs(paragraphs, standard: list[StandardTable]):
    """(prose mention, table figure) for every headline figure the text states."""
    out = []
    for para in paragraphs:
        for m in para.mentions:
            if m.kind != "money" or m.q.approx or m.role not in ("plain", "total", "actual"):
                continue
            label = unquoted(m.label).replace(" ", "")
            for pattern, title, key in HEADLINES:
                if pattern.search(label):
                    fig = table_value(standard, title, key)
                    if fig is not None:
                        out.append((m, fig, title, key))
                    break
    return out


@claim_kind("standard")
def _standard(doc) -> list[StandardTable]:
    return find(doc.norm.text, doc.tables)


@claim_kind("table_sums")
def _table_sums(doc) -> list[SumClaim]:
    """Column totals of ordinary tables; the standard tables have rules of their own."""
    standard = {id(t) for st in doc.standard if hierarchy(st) or row_totals(st) for t in st.tables}
    out = []
    for t in doc.tables:
        if id(t) in standard:
            continue
        read = [*table_sums(t), *outline_sums(t)]
        totals = {c.total.q.start for c in read}
        out += read + [c for c in sangong_rows(t) if c.total.q.start not in totals]
    return out
