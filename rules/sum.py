"""FL10x sum: a stated total against its listed parts (money and item counts).

The arithmetic and the readings are those of lint/breakdown.py; head counts and vehicles are the
count family's (FL602).
"""
from __future__ import annotations

from collections.abc import Iterator

from fiscal_lint.check.breakdown import check_breakdown, is_head_count
from fiscal_lint.check.rule import Check, Family, Finding, Message, Rule, guarded

FAMILY = Family("sum", Message("Sums: totals and their parts", "合计与分项"))

MISMATCH = Rule(
    "FL101", "sum-mismatch", "sum", "error",
    Message("Listed parts do not add up to their stated total.", "所列分项之和与合计数不符。"),
    explanation=Message('The figures listed under a total (其中, 包括, 分别为 …, or before 合计) are added with their rounding; the total must be within that range. A short 其中 list need not be complete, so a shortfall is reported only when the list says it is complete.',
                        '合计数下所列分项（其中、包括、分别为…，或合计前所列各项）按四舍五入区间相加，合计数应落在该区间内。其中所列分项可以不全，因此仅当列举表明完整时才报告分项之和不足。'),
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
RULES = [MISMATCH, OTHER_TOTAL]


def check(doc) -> Iterator[Check | Finding]:
    for claim in doc.sums + doc.table_sums:
        if not is_head_count(claim):
            yield from guarded(check_breakdown(doc, claim, MISMATCH, OTHER_TOTAL))
