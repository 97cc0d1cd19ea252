"""FL70x document consistency: balance identities, and the same quantity stated twice.

Balance: closing = opening + income − expense (上年结转 + 总收入 − 总支出 = 年末结余); 收入总计 = 本年收入合计
+ 年初结转和结余 (+ 使用非财政拨款结余); 支出总计 = 本年支出合计 + 年末结转和结余 (+ 结余分配).
Cross-reference: one quantity (category, scope, budget or actual, year) with two values that differ
beyond rounding; the finding carries both places.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from fiscal_lint.arith.numbers import Interval
from fiscal_lint.check.agree import two_statements
from fiscal_lint.check.explain import in_unit, value_text
from fiscal_lint.check.rule import Check, Family, Figure, Finding, Message, Rule, figure, guarded

BALANCE_FAMILY = Family("balance", Message("Balance identities", "结转结余恒等式"))
CROSSREF_FAMILY = Family("crossref", Message("The same figure stated twice", "前后一致"))
FAMILIES = (BALANCE_FAMILY, CROSSREF_FAMILY)

BALANCE = Rule(
    "FL701", "balance-identity", "balance", "error",
    Message("A balance identity does not hold (opening + income − expense = closing, totals = year + balances).",
            "结转结余恒等式不成立（年初结转和结余 + 收入 − 支出 = 年末结转和结余；总计 = 本年合计 + 结转结余）。"),
    explanation=Message('上年结转 + 总收入 − 总支出 = 年末结余; 收入 − 支出 = 本年收支结余 (the year\'s balance, stated after them); 收入总计 = 本年收入合计 + 年初结转和结余 (+ 使用非财政拨款结余); 支出总计 = 本年支出合计 + 年末结转和结余 (+ 结余分配). A missing optional term makes a failure a warning.',
                        '上年结转 + 总收入 − 总支出 = 年末结余；收入 − 支出 = 本年收支结余（其后所述的当年结余）；收入总计 = 本年收入合计 + 年初结转和结余（+ 使用非财政拨款结余）；支出总计 = 本年支出合计 + 年末结转和结余（+ 结余分配）。缺少可选项时不符只给出警告。'),
    good='2022年实际完成总收入820.50万元，上年结转120.30万元，总支出850.60万元，年末结余90.20万元。',
    bad='2022年实际完成总收入820.50万元，上年结转120.30万元，总支出850.60万元，年末结余100.20万元。',
)
CROSSREF = Rule(
    "FL711", "crossref-mismatch", "crossref", "error",
    Message("The same quantity is stated in two places with different values.", "同一数字在两处表述不一致。"),
    explanation=Message('One quantity (category such as 基本支出, fund scope, budget or actual, year) stated twice must have one value. Where the basis of one figure is not written (taken as actual), a difference is a warning. An amount stated again under the same words (six characters or more, same year and level, values within a fifth of each other) is checked too, but a difference there is only unsure: the words may name two scopes.',
                        '同一数量（类别如基本支出、资金范围、预算或实际、年度）两处表述应一致；其中一处未写明口径（按实际数理解）时，不一致给出警告。以相同文字（六字以上、同一年度和层级、数值相差不超过五分之一）再次表述的金额也予核对，但不一致仅记为“不确定”：相同文字可能指不同口径。'),
    good='2023年度人员经费250.00万元。\n2023年度人员经费250.00万元。\n',
    bad='2023年度人员经费250.00万元。\n2023年度人员经费260.00万元。\n',
)
RULES = [BALANCE, CROSSREF]


def check(doc) -> Iterator[Check | Finding]:
    for c in doc.balances:
        yield from guarded(_balance(doc, c))
    for c in doc.crossrefs:
        yield from guarded(_crossref(doc, c))
    yield from guarded(_years(doc))


def _balance(doc, c):
    terms = [c.result, *c.plus, *c.minus]
    result, plus = doc.interval(c.result, terms), doc.total(c.plus, terms)
    minus = doc.total(c.minus, terms) if c.minus else Interval.exact(Decimal(0))
    if None in (result, plus, minus):
        return
    computed = plus - minus
    roles = {id(c.result): "result"}
    figures = [figure(doc, m, roles.get(id(m), "plus" if m in c.plus else "minus")) for m in terms]
    if computed.overlaps(result):
        yield Check(BALANCE, "pass", figures[0], figures)
        return
    point = sum(m.q.base for m in c.plus) - sum(m.q.base for m in c.minus)
    want = in_unit(point, c.result.q, max(m.q.decimals for m in terms))
    expr = " + ".join(f"{value_text(m.q)}" for m in c.plus) + "".join(f" − {value_text(m.q)}" for m in c.minus)
    names = " + ".join(m.label or "?" for m in c.plus) + "".join(f" − {m.label or '?'}" for m in c.minus)
    msg = Message(f"{names}: {expr} = {want}, stated {c.result.label} {value_text(c.result.q)}",
                  f"{names}：{expr} = {want}，文中{c.result.label}为{value_text(c.result.q)}")
    yield Finding(BALANCE, "error" if c.complete else "warning", msg, figures[0], figures, expected=want)


def _crossref(doc, c):
    line, _ = doc.norm.line_col(c.first.q.start)
    basis_en = {"budget": "budget", "actual": "actual"}[c.basis]
    basis_zh = {"budget": "预算数", "actual": "实际数"}[c.basis]
    year = f"{c.first.year} " if c.first.year else ""
    msg = Message(f"{year}{c.category} ({basis_en}) is {value_text(c.second.q)} here but {value_text(c.first.q)} "
                  f"on line {line}",
                  f"{year and year.strip() + '年'}{c.category}（{basis_zh}）此处为{value_text(c.second.q)}，"
                  f"第{line}行为{value_text(c.first.q)}")
    # a basis taken as actual because none was written makes the pairing doubtful: a warning
    yield from two_statements(doc, CROSSREF, c.second, c.first, msg, doubtful=c.guess or c.inferred)


YEAR = Rule(
    "FL712", "year-mismatch", "crossref", "error",
    Message("A heading or a 截至…12月31日 date names another year than the report's.",
            "标题或“截至…12月31日”的年份与报告年度不一致。"),
    explanation=Message("The report year is the year its titles name (2024年度部门决算). A heading naming another "
                        "year's 决算/预算, or a balance date 截至YYYY年12月31日 of another year, is reported; "
                        "comparisons (与2023年度相比) are not headings and are fine.",
                        "报告年度取自标题（2024年度部门决算）。标题写成其他年度的决算/预算，或“截至YYYY年12月31日”的年份"
                        "不是报告年度时报告；“与2023年度相比”等比较表述不受影响。"),
    good="2024年度部门决算\n截至2024年12月31日，本部门共有车辆2辆。\n与2023年度相比，支出减少。\n",
    bad="2024年度部门决算\n2024年度部门决算情况说明\n截至2023年12月31日，本部门共有车辆2辆。\n",
)
RULES.append(YEAR)


def _years(doc):
    for y in doc.years:
        fig = Figure(role="year", start=y.start, end=y.end, text=doc.written(y.start, y.end))
        what_en = "a heading" if y.context == "heading" else "the date 截至…12月31日"
        what_zh = "标题" if y.context == "heading" else "“截至…12月31日”"
        msg = Message(f"{what_en} names {y.year} in a report for {y.expected}",
                      f"{y.expected}年度报告中，{what_zh}写作{y.year}年")
        yield Finding(YEAR, "error", msg, fig, [fig], expected=str(y.expected))
