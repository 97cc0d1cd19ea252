"""FL10x sum: a stated total against its listed parts (money and item counts), and against their changes.

The arithmetic and the readings are those of lint/breakdown.py; head counts and vehicles are the
count family's (FL602).
"""
from __future__ import annotations

import operator
from dataclasses import replace
from collections.abc import Iterator
from decimal import Decimal
from functools import reduce

from fiscal_lint.arith.numbers import Interval
from fiscal_lint.check.breakdown import adds_up, check_breakdown, is_head_count
from fiscal_lint.check.explain import in_unit
from fiscal_lint.check.rule import Check, Family, Finding, Message, Rule, figure, guarded
from fiscal_lint.claims.changes import ChangeClaim
from fiscal_lint.claims.common import paragraph_at
from fiscal_lint.claims.sums import SumClaim
from fiscal_lint.parse.extract import Keyword, Quantity

FAMILY = Family("sum", Message("Sums: totals and their parts", "合计与分项"))

MISMATCH = Rule(
    "FL101", "sum-mismatch", "sum", "error",
    Message("Listed parts do not add up to their stated total.", "所列分项之和与合计数不符。"),
    explanation=Message('The figures listed under a total (其中, 包括, 分别为 …, or before 合计) are added with their rounding; the total must be within that range. A short 其中 list need not be complete, so a shortfall is reported only when the list says it is complete. Totals by definition are read the same way: 资产总额 = 负债总额 + 净资产总额, 采购计划金额 = 实际采购金额 + 节约资金, 送审金额 = 审定金额 + 审减金额, and a total whose parts each carry a share that together make 100%.',
                        '合计数下所列分项（其中、包括、分别为…，或合计前所列各项）按四舍五入区间相加，合计数应落在该区间内。其中所列分项可以不全，因此仅当列举表明完整时才报告分项之和不足。按定义成立的合计同样核对：资产总额 = 负债总额 + 净资产总额，采购计划金额 = 实际采购金额 + 节约资金，送审金额 = 审定金额 + 审减金额，以及各分项占比合计为100%的合计数。'),
    good='本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出678.86万元。',
    bad='本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出688.86万元。',
)
OTHER_TOTAL = Rule(
    "FL102", "sum-other-total", "sum", "warning",
    Message("Listed parts add up to another figure of the sentence, not to the total they follow.",
            "所列分项之和等于句中另一数字，而不是其前面的合计数。"),
    explanation=Message('The parts equal another figure of the sentence (typically the budget beside the actual), not the total they follow: one of the two is mislabelled.',
                        '分项之和等于句中另一个数字（常见为实际数旁的预算数），而非其前面的合计数：两者之一表述有误。'),
    good='基本支出预算539.26万元，实际支出539.26万元，其中：人员经费438.00万元，公用经费101.26万元。',
    bad='2020年度财政拨款基本支出预算539.26万元,实际支出550.55万元,其中:人员经费438万元;公用经费101.26万元。',
)
CHANGES = Rule(
    "FL103", "sum-of-changes", "sum", "error",
    Message("The changes of the parts do not add up to the change of their total.", "各分项的增减额之和与合计数的增减额不符。"),
    explanation=Message('When a total and each of its listed parts state a change against the same base (较上年 增加/减少 …, or 持平 for a part of 0), and the parts make the total (a list said to be whole, or a 其中 list whose figures add up to it), the parts\' changes, signed, must add up to the total\'s change within rounding: a total made of its parts this year and last year changes by what they change.',
                        '合计数及其各分项均说明了相对同一基期的增减额（较上年增加/减少…，或分项为0时的持平），且各分项构成合计数（列举完整，或“其中”所列各项之和等于合计数）时，各分项的增减额（计正负号）按四舍五入区间相加，应与合计数的增减额一致：今年和去年都由这些分项构成的合计数，其变化等于各分项变化之和。'),
    good='“三公”经费支出30万元，较上年增加5万元。其中：因公出国(境)费0万元，与上年持平；公务接待费10万元，较上年减少1万元；公务用车运行维护费20万元，较上年增加6万元。',
    bad='“三公”经费支出30万元，较上年增加5万元。其中：因公出国(境)费0万元，与上年持平；公务接待费10万元，较上年减少1万元；公务用车运行维护费20万元，较上年增加8万元。',
)
RULES = [MISMATCH, OTHER_TOTAL, CHANGES]


def check(doc) -> Iterator[Check | Finding]:
    for claim in doc.sums + doc.table_sums + doc.share_sums + doc.identities:
        if not is_head_count(claim):
            yield from guarded(check_breakdown(doc, claim, MISMATCH, OTHER_TOTAL))
    changes = _changes_of(doc)
    for claim in doc.sums:
        if (not claim.open and not claim.guess and claim.total.kind == "money"
                and (claim.exhaustive or len(claim.parts) >= 2 and adds_up(doc, claim))):
            yield from guarded(_changes(doc, claim, changes))


def _changes_of(doc) -> dict[int, ChangeClaim]:
    """The change stated of each figure (by id), where it was read without a guess; and of a figure stated again
    with its change where the first statement has none ("其中:因公出国(境)费10万元,公务接待费240万元…" and then
    "(一)因公出国(境)费10万元,与上年持平", "(三)公务接待费240万元,比上年减少10万元"): one quantity, one change."""
    out: dict[int, ChangeClaim] = {}
    for c in doc.changes:
        if c.current is not None and not c.guess and (c.delta is not None or c.flat is not None):
            out.setdefault(id(c.current), c)
    for r in doc.crossrefs:
        if r.inferred or r.guess or r.first.q.base != r.second.q.base:
            continue
        for a, b in ((r.first, r.second), (r.second, r.first)):
            if id(a) not in out and id(b) in out:
                out[id(a)] = replace(out[id(b)], current=a)
    return out


def _level(doc, part, whole: ChangeClaim | None) -> ChangeClaim | None:
    """"因公出国(境)费…0万元,与上年持平": a part of 0 said to stay level, with no base phrase of its own."""
    if whole is None or part.q.value != 0:
        return None
    para = paragraph_at(doc.paragraphs, part.q.start)
    if para is None:
        return None
    for it in para.items[part.index + 1:]:
        if isinstance(it, Quantity) or isinstance(it, Keyword) and it.kind == "END":
            return None
        if isinstance(it, Keyword) and it.kind == "FLAT" and it.text != "基本持平":
            return ChangeClaim(base=whole.base, base_sent=whole.base_sent, current=part, flat=it)
    return None


def _basis(c: ChangeClaim) -> str:
    return "budget" if "预算" in c.base.text else "previous"


def _signed_delta(doc, c: ChangeClaim, peers) -> tuple[Interval, Decimal] | None:
    """A change as an interval and a point, signed: a part of 0 that stayed level changed by exactly 0, another by
    no more than two figures written alike may differ (持平: the same figure, to its rounding, as the year before)."""
    if c.delta is None:
        if c.flat is None or c.flat.text == "基本持平":
            return None
        if c.current.q.value == 0:
            return Interval.exact(Decimal(0)), Decimal(0)
        iv = doc.interval(c.current, peers)
        return (None if iv is None else (iv - iv, Decimal(0)))
    iv = doc.interval(c.delta, peers)
    if iv is None or not c.delta.sign:
        return None
    return (-iv if c.delta.sign < 0 else iv), c.delta.q.base * c.delta.sign


def _changes(doc, claim: SumClaim, changes: dict[int, ChangeClaim]) -> Iterator[Check | Finding]:
    whole = changes.get(id(claim.total))
    steps = [changes.get(id(p)) or _level(doc, p, whole) for p in claim.parts]
    if whole is None or whole.delta is None or len(steps) < 2 or any(s is None for s in steps):
        return
    if any(_basis(s) != _basis(whole) for s in steps):
        return  # one against last year, another against the budget: not one change
    deltas = [s.delta for s in (whole, *steps) if s.delta is not None]
    signed = [_signed_delta(doc, s, deltas) for s in (whole, *steps)]
    if any(x is None for x in signed):
        return
    (stated, stated_point), parts = signed[0], signed[1:]
    total = reduce(operator.add, (iv for iv, _ in parts))
    figures = [figure(doc, whole.delta, "total"), *(figure(doc, s.delta or s.current, "part") for s in steps)]
    if total.overlaps(stated):
        yield Check(CHANGES, "pass", figures[0], figures)
        return
    point = sum((p for _, p in parts), Decimal(0))
    d = max(x.q.decimals for x in deltas)
    like = whole.delta.q
    shown = lambda v: ("+" if v >= 0 else "−") + in_unit(abs(v), like, d)  # noqa: E731
    expr = " ".join(shown(p) for _, p in parts)
    msg = Message(f"changes of the parts {expr} = {shown(point)}, stated change of the total {shown(stated_point)}",
                  f"各分项增减额 {expr} = {shown(point)}，文中合计增减额为{shown(stated_point)}")
    yield Finding(CHANGES, "error", msg, figures[0], figures, expected=in_unit(abs(point), like, d))
