"""FL413 per-capita: a stated average per person or per vehicle (人均接待费83.92元, 车均维护费0.95万元) against
the amount it averages and the count it is taken over, both stated elsewhere in the document.

The claim kind is registered here, with the rule: the average names its noun (接待费, 维护费 …); the amount is the
one earlier figure whose label ends with that noun (several different ones: nothing is read); the count is the
one figure in 人/人次 (for 人均) or 辆 (for 车均, 保有量 preferred) of the average's paragraph whose words name
the noun's subject and that is not itself listed under a 其中. A count of zero averages nothing.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fiscal_lint.arith.numbers import Interval
from fiscal_lint.check.explain import in_unit, value_text
from fiscal_lint.check.rule import Check, Finding, Message, Rule, figure, guarded
from fiscal_lint.claims.common import listed
from fiscal_lint.claims.kinds import claim_kind
from fiscal_lint.parse.mentions import ATTACHED_ROLES, Mention, Paragraph
from fiscal_lint.rules.ratio import FAMILY  # noqa: F401  (a rate of the ratio family, declared there)
from fiscal_lint.rx import lazy

PER_CAPITA = Rule(
    "FL413", "per-capita", "ratio", "error",
    Message("A per-person or per-vehicle average (人均, 车均) is not the amount divided by the count.",
            "人均、车均等平均数与相应金额除以人数（车辆数）不符。"),
    explanation=Message('人均接待费 = 公务接待费 / 接待人数; 车均维护费 = 公务用车运行维护费 / 公务用车保有量. The amount is the figure named by the same noun, the count the one of its paragraph; both are read with their rounding.',
                        '人均接待费 = 公务接待费 ÷ 接待人数；车均维护费 = 公务用车运行维护费 ÷ 公务用车保有量。金额取名称相同的数字，人数或车辆数取同一段落中的数字，均按四舍五入区间计算。'),
    good='公务接待费0.21万元。\n国内公务接待3批次25人。本年人均接待费84.00元。',
    bad='公务接待费0.21万元。\n国内公务接待3批次25人。本年人均接待费93.92元。',
)
RULES = [PER_CAPITA]

AVERAGE = lazy(r"(人均|车均|次均|辆均)(\p{Han}{2,6}?费)")
SUBJECT = {"接待费": "接待", "维护费": "车", "运行费": "车", "购置费": "车", "会议费": "会议", "培训费": "培训",
           "差旅费": "差旅"}
UNITS = {"人均": ("人", "人次"), "车均": ("辆",), "辆均": ("辆",), "次均": ("次", "批次")}


@dataclass
class PerCapitaClaim:
    average: Mention
    amount: Mention
    count: Mention


@claim_kind("per_capita")
def _per_capita(doc) -> list[PerCapitaClaim]:
    out: list[PerCapitaClaim] = []
    earlier: list[Mention] = []
    for para in doc.paragraphs:
        for m in para.mentions:
            found = AVERAGE.search(m.label)
            if found and m.kind == "money" and not m.q.approx:
                claim = _read(para, m, found.group(1), found.group(2), earlier)
                if claim is not None:
                    out.append(claim)
            elif m.kind == "money" and m.role not in ATTACHED_ROLES and not m.q.approx:
                earlier.append(m)
    return out


def _read(para: Paragraph, avg: Mention, per: str, noun: str, earlier: list[Mention]) -> PerCapitaClaim | None:
    named = [x for x in earlier if x.label.rstrip("为是:").endswith(noun) and not AVERAGE.search(x.label)]
    if not named or len({x.q.base for x in named}) != 1:
        return None
    subject = SUBJECT.get(noun, noun[:-1])
    counts = [x for x in para.mentions if x.index < avg.index and x.kind == "count" and x.q.unit in UNITS[per]
              and subject in x.context and not x.q.approx and not listed(para, x)]
    if per in ("车均", "辆均") and any("保有" in x.context for x in counts):
        counts = [x for x in counts if "保有" in x.context]
    if len(counts) != 1 or counts[0].q.value == 0:
        return None
    return PerCapitaClaim(avg, named[-1], counts[0])


def check(doc) -> Iterator[Check | Finding]:
    for c in doc.per_capita:
        yield from guarded(_average(doc, c))


def _average(doc, c):
    amount = doc.interval(c.amount, [c.amount])
    stated = doc.interval(c.average, [c.average])
    if amount is None or stated is None or c.count.q.value <= 0:
        return
    computed = Interval(amount.lo / c.count.q.value, amount.hi / c.count.q.value)
    figures = [figure(doc, c.average, "average"), figure(doc, c.amount, "amount"), figure(doc, c.count, "count")]
    if computed.overlaps(stated):
        yield Check(PER_CAPITA, "pass", figures[0], figures)
        return
    want = in_unit(c.amount.q.base / c.count.q.value, c.average.q)
    expr = f"{value_text(c.amount.q)} / {value_text(c.count.q)}"
    msg = Message(f"{expr} = {want}, stated {value_text(c.average.q)}",
                  f"{expr} = {want}，文中为{value_text(c.average.q)}")
    yield Finding(PER_CAPITA, "error", msg, figures[0], figures, expected=want)
