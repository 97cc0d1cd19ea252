"""FL60x count: a stated count against the names listed for it, and head-count or vehicle
breakdowns against their total (the arithmetic of lint/breakdown.py)."""
from __future__ import annotations

from collections.abc import Iterator

from fiscal_lint.check.breakdown import check_breakdown, is_head_count
from fiscal_lint.check.explain import value_text
from fiscal_lint.check.rule import Check, Family, Figure, Finding, Message, Rule, figure, guarded

FAMILY = Family("count", Message("Counts and enumerations", "数量与列举"))

ENUMERATION = Rule(
    "FL601", "count-enumeration", "count", "error",
    Message("A stated count differs from the number of names listed.", "所述数量与列举的名称个数不符。"),
    explanation=Message('A count followed by a list of names (内设3个科室，分别是…) must match the number of names; a list ending in 等 is open.',
                        '数量后列举名称（内设3个科室，分别是…）时，名称个数应与数量一致；以“等”结尾的列举不检查。'),
    good='内设3个科室，分别是综合科、财务科、业务科。',
    bad='内设4个科室，分别是综合科、财务科、业务科。',
)
BREAKDOWN = Rule(
    "FL602", "count-breakdown", "count", "error",
    Message("A head count or vehicle count differs from the sum of its breakdown.", "人数或车辆数与其分项之和不符。"),
    explanation=Message('Head counts and vehicles against their breakdown, with the readings of FL101.',
                        '人数、车辆数与其分项之和，判断方式同FL101。'),
    good='在职人员6人，其中：行政编制4人，事业编制2人。',
    bad='在职人员6人，其中：行政编制4人，事业编制3人。',
)
OTHER_TOTAL = Rule(
    "FL603", "count-other-total", "count", "warning",
    Message("A count breakdown adds up to another count of the sentence, not the one it follows.",
            "人数（车辆数）分项之和等于句中另一数字，而不是其前面的总数。"),
    explanation=Message('The breakdown adds up to another count of the sentence (编制 beside 在职), not the one it follows.',
                        '分项之和等于句中另一个数（如编制数而非在职人数），而非其前面的总数。'),
    good='在职人员6人，其中：行政编制4人，事业编制2人。',
    bad='核定编制25人，实有在职人员35人，其中：行政编制20人，事业编制5人。',
)
RULES = [ENUMERATION, BREAKDOWN, OTHER_TOTAL]


def check(doc) -> Iterator[Check | Finding]:
    for claim in doc.sums + doc.table_sums:
        if is_head_count(claim):
            yield from guarded(check_breakdown(doc, claim, BREAKDOWN, OTHER_TOTAL))
    for e in doc.enumerations:
        yield from guarded(_enumeration(doc, e))


def _enumeration(doc, e):
    stated = e.count.q.value
    listed = Figure(role="list", start=e.start, end=e.end, text=doc.written(e.start, e.end))
    figures = [figure(doc, e.count, "count"), listed]
    if stated == len(e.names):
        yield Check(ENUMERATION, "pass", figures[0], figures)
        return
    names = "、".join(e.names)
    msg = Message(f"{value_text(e.count.q)}{e.noun} stated, {len(e.names)} listed: {names}",
                  f"文中称{value_text(e.count.q)}{e.noun}，实际列举{len(e.names)}个：{names}")
    yield Finding(ENUMERATION, "error", msg, figures[0], figures, expected=f"{len(e.names)}{e.count.q.unit}")
