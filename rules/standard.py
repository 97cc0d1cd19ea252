"""FL80x the nine standard tables of a 部门决算 and the structure of the document around them.

Totals of the function-coded tables (类 = Σ 款 = Σ 项; 合计 columns), the balance of the two summary
tables, the same figure in two tables, the explanation text against the tables, empty tables without
their statement, and the table of contents against what follows it. See lint/standard.py.
"""
from __future__ import annotations

from collections.abc import Iterator

from fiscal_lint.check.agree import two_statements
from fiscal_lint.check.breakdown import check_breakdown
from fiscal_lint.check.explain import in_unit, value_text
from fiscal_lint.check.rule import Check, Figure, Finding, Message, Rule, figure, guarded
from fiscal_lint.claims.standard import balances, facts, headline_pairs, hierarchy, row_totals
from fiscal_lint.rules.consistency import BALANCE_FAMILY, CROSSREF_FAMILY
from fiscal_lint.rules.sum import FAMILY as SUM_FAMILY

# the tables' rules belong to the families of the prose rules they mirror
FAMILIES = (SUM_FAMILY, BALANCE_FAMILY, CROSSREF_FAMILY)

TABLE = "单位：万元\n支出决算表\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n{rows}\n"
GOOD_ROWS = "合计\t\t300.00\t200.00\t100.00\n201\t一般公共服务支出\t300.00\t200.00\t100.00\n20101\t人大事务\t120.00\t120.00\t\n20102\t政协事务\t180.00\t80.00\t100.00"
BAD_ROWS = GOOD_ROWS.replace("20102\t政协事务\t180.00", "20102\t政协事务\t190.00")
SUMMARY = ("收入支出决算总表\n单位：万元\n收入\t\t支出\t\n项目\t决算数\t项目\t决算数\n"
           "一、一般公共预算财政拨款收入\t300.00\t一、一般公共服务支出\t280.00\n本年收入合计\t300.00\t本年支出合计\t280.00\n"
           "年初结转和结余\t10.00\t年末结转和结余\t{end}\n总计\t310.00\t总计\t310.00\n")

TOTALS = Rule(
    "FL801", "table-total", "sum", "error",
    Message("In a standard table, a 类/款 row or a 合计 is not the sum of what it is made of.",
            "决算表中类、款或合计数不等于其下各项之和。"),
    explanation=Message("In tables coded by function (支出功能分类科目), a 类 row is the sum of its 款 rows, a 款 row of "
                        "its 项 rows, and 合计 of the 类 rows, column by column; a 合计 column is the sum of the columns "
                        "that break it down (基本支出 + 项目支出 …).",
                        "按支出功能分类科目编码的决算表中，类 = 其下各款之和，款 = 其下各项之和，合计 = 各类之和（逐列）；"
                        "合计列 = 其后各分列之和（基本支出 + 项目支出 …）。"),
    good=TABLE.format(rows=GOOD_ROWS),
    bad=TABLE.format(rows=BAD_ROWS),
)
BALANCE = Rule(
    "FL802", "summary-balance", "balance", "error",
    Message("A summary table does not balance.", "收入支出决算总表不平衡。"),
    explanation=Message("本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计 = 本年支出合计 + 结余分配 + 年末结转和结余, "
                        "in 收入支出决算总表 and 财政拨款收入支出决算总表.",
                        "收入支出决算总表与财政拨款收入支出决算总表中：本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 总计"
                        " = 本年支出合计 + 结余分配 + 年末结转和结余。"),
    good=SUMMARY.format(end="30.00"),
    bad=SUMMARY.format(end="20.00"),
)
CROSS = Rule(
    "FL803", "table-crossref", "crossref", "error",
    Message("The same figure differs between two standard tables.", "同一数字在两张决算表中不一致。"),
    explanation=Message("A function class's spending in 收入支出决算总表 equals the 合计 of its row in 支出决算表.",
                        "收入支出决算总表中各类支出应等于支出决算表中该类的合计数。"),
    good=SUMMARY.format(end="30.00") + TABLE.format(rows=GOOD_ROWS.replace("300.00", "280.00", 2).replace("\t200.00\t100.00", "\t180.00\t100.00", 2).replace("20101\t人大事务\t120.00\t120.00", "20101\t人大事务\t100.00\t100.00")),
    bad=SUMMARY.format(end="30.00") + TABLE.format(rows=GOOD_ROWS),
)
TEXT = Rule(
    "FL804", "text-table", "crossref", "error",
    Message("The explanation states a total that its table gives differently.", "情况说明中的数字与决算表不一致。"),
    explanation=Message("收入支出总计, 本年收入合计, 本年支出合计, 年初/年末结转和结余 in the text against 收入支出决算总表; "
                        "财政拨款收入支出总计 against 财政拨款收入支出决算总表.",
                        "情况说明中的收入支出总计、本年收入合计、本年支出合计、年初/年末结转和结余与收入支出决算总表核对；"
                        "财政拨款收入支出总计与财政拨款收入支出决算总表核对。"),
    good=SUMMARY.format(end="30.00") + "\n本部门2024年度收入支出总计310.00万元。\n",
    bad=SUMMARY.format(end="30.00") + "\n本部门2024年度收入支出总计301.00万元。\n",
)
EMPTY = Rule(
    "FL805", "empty-table", "crossref", "warning",
    Message("A standard table without figures carries no statement that it is empty.", "空表未注明本表无数据。"),
    explanation=Message("A table a unit has nothing to report in (政府性基金, 国有资本经营 …) must say so: 本表无数据, "
                        "or 无…收支/支出.",
                        "本单位无相关收支的决算表应注明“本表无数据”或“无…收支/支出”。"),
    good="政府性基金预算财政拨款收入支出决算表\n单位：万元\n项目\t本年收入\t本年支出\n合计\t\t\n注：本单位无政府性基金预算财政拨款收支，故本表无数据。\n",
    bad="政府性基金预算财政拨款收入支出决算表\n单位：万元\n项目\t本年收入\t本年支出\n合计\t\t\n",
)
TOC = Rule(
    "FL806", "toc-missing", "crossref", "warning",
    Message("A section listed in the table of contents is not in the document.", "目录所列章节在正文中不存在。"),
    explanation=Message("Each section of the 目录 must appear after it (numbering aside, wording allowed to differ a little). Entries past the last one found may lie beyond the end of an excerpt, and the report tables (entries ending in 表, 《收支预算总表》 too) are often attachments or images, so neither is reported.",
                        "目录中的每一章节都应在正文中出现（不计编号，措辞可略有不同）。最后一个找到的条目之后的条目可能在节选之外，报表（以“表”结尾的条目）常为附件或图片，二者均不报告。"),
    good="目录\n第一部分 部门概况\n第二部分 收支情况\n第三部分 情况说明\n第一部分 部门概况\n内容。\n第二部分 收支情况\n第三部分 情况说明\n",
    bad="目录\n第一部分 部门概况\n第二部分 收支情况\n第三部分 情况说明\n第一部分 部门概况\n内容。\n第三部分 情况说明\n",
)
RULES = [TOTALS, BALANCE, CROSS, TEXT, EMPTY, TOC]


def check(doc) -> Iterator[Check | Finding]:
    for st in doc.standard:
        for claim in hierarchy(st) + row_totals(st):
            yield from guarded(check_breakdown(doc, claim, TOTALS, TOTALS))
        for b in balances(st):
            yield from guarded(_balance(doc, b))
    yield from guarded(_cross(doc))
    yield from guarded(_text(doc))
    yield from guarded(_empty(doc))
    yield from guarded(_toc(doc))


def _balance(doc, b):
    terms = [b.result, *b.terms]
    result, total = doc.interval(b.result, terms), doc.total(b.terms, terms)
    if result is None or total is None:
        return
    figures = [figure(doc, b.result, "total"), *(figure(doc, t, "part") for t in b.terms)]
    if total.overlaps(result):
        yield Check(BALANCE, "pass", figures[0], figures)
        return
    point = sum(t.q.base for t in b.terms)
    want = in_unit(point, b.result.q, b.result.q.decimals)
    expr = " + ".join(f"{t.label.split(' · ')[0]} {value_text(t.q)}" for t in b.terms)
    msg = Message(f"{b.table.title}: {expr} = {want}, stated 总计 {value_text(b.result.q)}",
                  f"{b.table.title}：{expr} = {want}，表中总计为{value_text(b.result.q)}")
    yield Finding(BALANCE, "error", msg, figures[0], figures, expected=want)


def _cross(doc):
    found = facts(doc.standard)
    seen: dict[str, object] = {}
    for f in found:
        if f.table.title not in ("收入支出决算总表", "支出决算表") or f.key in ("总计",):
            continue
        first = seen.get(f.key)
        if first is None or first.table is f.table:
            seen.setdefault(f.key, f)
            continue
        msg = Message(f"{f.key}: {value_text(f.figure.q)} in {f.table.title}, {value_text(first.figure.q)} in "
                      f"{first.table.title}",
                      f"{f.key}：{f.table.title}为{value_text(f.figure.q)}，{first.table.title}为{value_text(first.figure.q)}")
        yield from two_statements(doc, CROSS, f.figure, first.figure, msg)


def _text(doc):
    for m, fig, title, key in headline_pairs(doc.paragraphs, doc.standard):
        msg = Message(f"the text says {m.label} {value_text(m.q)}; {title} gives {key} {value_text(fig.q)}",
                      f"文中{m.label}为{value_text(m.q)}，{title}中{key}为{value_text(fig.q)}")
        yield from two_statements(doc, TEXT, m, fig, msg, roles=("text", "table"))


def _empty(doc):
    standard = doc.standard
    following = [standard[k + 1].start if k + 1 < len(standard) else len(doc.norm.text) for k in range(len(standard))]
    from fiscal_lint.claims.standard import empties

    for e in empties(doc.norm.text, standard, following):
        cell = e.table.rows[0].cells[0]
        fig = Figure(role="table", start=cell.start, end=max(cell.end, cell.start + 1),
                     text=doc.written(cell.start, max(cell.end, cell.start + 1)))
        if e.statement:
            yield Check(EMPTY, "pass", fig, [fig])
            continue
        msg = Message(f"{e.table.title} has no figures and no statement such as 本表无数据",
                      f"{e.table.title}无数据，但未注明“本表无数据”或“无…收支”")
        yield Finding(EMPTY, "warning", msg, fig, [fig], expected="本表无数据")


def _toc(doc):
    for entry in doc.toc:
        fig = Figure(role="entry", start=entry.start, end=entry.end, text=doc.written(entry.start, entry.end))
        if entry.found:
            yield Check(TOC, "pass", fig, [fig])
            continue
        if entry.title.rstrip("》」』”\"）) ").endswith("表"):
            continue  # the report tables are often attachments or images: not finding one in the text says nothing
        msg = Message(f"“{entry.title}” is in the table of contents but not in the document",
                      f"目录中的“{entry.title}”在正文中找不到")
        yield Finding(TOC, "warning", msg, fig, [fig])
