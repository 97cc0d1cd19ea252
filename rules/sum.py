"""FL10x sum: a stated total against its listed parts (money and item counts).

The arithmetic and the readings are those of lint/breakdown.py; head counts and vehicles are the
count family's (FL602).
"""
from __future__ import annotations

from collections.abc import Iterator

from fiscal_lint.breakdown import check_breakdown, is_head_count
from fiscal_lint.rule import Check, Finding, Message, Rule

MISMATCH = Rule(
    "FL101", "sum-mismatch", "sum", "error",
    Message("Listed parts do not add up to their stated total.", "所列分项之和与合计数不符。"),
)
OTHER_TOTAL = Rule(
    "FL102", "sum-other-total", "sum", "warning",
    Message("Listed parts add up to another figure of the sentence, not to the total they follow.",
            "所列分项之和等于句中另一数字，而不是其前面的合计数。"),
)
RULES = [MISMATCH, OTHER_TOTAL]


def check(doc) -> Iterator[Check | Finding]:
    for claim in doc.sums + doc.table_sums:
        if not is_head_count(claim):
            yield from check_breakdown(doc, claim, MISMATCH, OTHER_TOTAL)
