"""FL42x average: a per-capita figure against the total and the count it is the quotient of.

人均接待费83.92元 is 接待费 ÷ 接待人次, 车均运行维护费 is 运行维护费 ÷ 车辆数, 次均 is per 批次 (or 次, 人次).
Read only within the sentence of the stated average, and only when that sentence holds exactly one
money figure that can be its total and exactly one count in the measure the average word names
(人均: 人, 人次, 名; 车均/辆均: 辆; 次均: 批次, 次, 人次); with several candidates nothing is read. A
total whose words name another expense than the average (差旅费 beside 人均住宿费) is no candidate, two
averages of one expense in a sentence (this year's and last year's) are read as neither, and a 标准 or
定额 is a standard, not an average. The quotient is the interval of the total over the interval of the
count, in 元 whatever the units (万元, 元/人); it must overlap the interval of the stated figure.
This module registers its own claim kind, read as doc.averages.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from fiscal_lint.check.explain import in_unit, truncated_note, value_text
from fiscal_lint.check.rule import Check, Family, Finding, Message, Rule, figure
from fiscal_lint.claims.kinds import paragraph_kind
from fiscal_lint.parse.extract import Keyword
from fiscal_lint.parse.mentions import ATTACHED_ROLES, Mention, Paragraph

FAMILY = Family("average", Message("Averages: per person, per vehicle, per trip", "人均、车均与次均"))

PER_CAPITA = Rule(
    "FL421", "per-capita", "average", "error",
    Message("A per-capita figure (人均, 车均, 次均) is not its total divided by its count.",
            "人均（车均、次均）数不等于总额除以人数（车辆数、批次数）。"),
    explanation=Message("人均接待费 = 接待费 ÷ 接待人次 (人, 人次), 车均运行维护费 = 运行维护费 ÷ 车辆数 (辆), 次均 = total ÷ 批次 "
                        "(次), read within one sentence that holds exactly one such total and one such count; with "
                        "several candidates, or a 标准/定额, nothing is checked. Totals in 万元 and averages in 元 are "
                        "compared in 元, each figure standing for every value that rounds to it.",
                        "人均接待费 = 接待费 ÷ 接待人次（人、人次），车均运行维护费 = 运行维护费 ÷ 车辆数（辆），次均 = 总额 ÷ 批次"
                        "（次）；仅在同一句中恰有一个总额和一个相应数量时核对，有多个候选或为标准、定额时不检查。"
                        "万元与元换算后比较，每个数字代表舍入到它的所有数值。"),
    good="2023年公务接待费支出1678.4元，共接待20人次，人均接待费83.92元。",
    bad="2023年公务接待费支出1678.4元，共接待20人次，人均接待费85.92元。",
)
RULES = [PER_CAPITA]

# the average word, and the measure words of the counts it divides by
PER = {"人均": ("人", "人次", "名"), "车均": ("辆",), "辆均": ("辆",), "次均": ("批次", "次", "人次")}
AVERAGE_WORD = regex.compile("|".join(PER))
GENERIC = ("", "经费", "费用", "支出", "开支", "成本", "金额", "花费", "费")
STANDARD = ("标准", "定额", "限额", "上限", "不超过", "不得超过", "控制在")


@dataclass
class AverageClaim:
    average: Mention  # 83.92元 in 人均接待费83.92元
    word: str  # 人均, 车均, 辆均, 次均
    noun: str  # 接待费: the words after the average word
    total: Mention  # the money it is the quotient of
    count: Mention  # the people, vehicles or trips it is divided by


def _after(para: Paragraph, m: Mention) -> str:
    """The words of m's clause after it ("标准" in 人均200元标准)."""
    words = []
    for it in para.items[m.index + 1:]:
        if isinstance(it, Keyword) and it.kind in ("SEP", "END"):
            break
        words.append(it.text)
    return "".join(words)


def _stated(para: Paragraph, m: Mention) -> tuple[str, str] | None:
    """(average word, noun) when m is a stated average: a money figure (or 元/人) after 人均/车均/次均 …,
    not a standard (人均接待费标准150元, 人均200元标准)."""
    if m.role in ATTACHED_ROLES or m.role == "adjust" or m.q.approx:
        return None
    if m.kind != "money" and not (m.kind == "per" and m.q.unit.startswith("元")):
        return None
    found = list(AVERAGE_WORD.finditer(m.label))
    if not found:
        return None
    word = found[-1].group()
    noun = m.label[found[-1].end():].strip()
    for tail in ("为", "是", "达", "约"):
        noun = noun.removesuffix(tail)
    if any(w in m.label or w in _after(para, m) for w in STANDARD):
        return None
    return word, noun


def _names_the_expense(noun: str, total: Mention) -> bool:
    """Can the total be of the expense the average is of? 接待费 in 公务接待费支出; a total that names no
    expense (共计支出0.21万元); any total for 人均经费. Not 差旅费 for 人均住宿费."""
    if noun in GENERIC or "费" not in total.label:
        return True
    core = noun[-3:] if len(noun) >= 3 else noun
    return core in total.label


def averages(para: Paragraph) -> list[AverageClaim]:
    out = []
    stated = {id(m): s for m in para.mentions if (s := _stated(para, m)) is not None}
    for m in para.mentions:
        if id(m) not in stated:
            continue
        word, noun = stated[id(m)]
        sentence = [x for x in para.mentions if x.sent == m.sent and x is not m]
        if any(stated.get(id(x)) == (word, noun) for x in sentence):
            continue  # this year's and last year's average of one expense: which total is whose is unsaid
        totals = [x for x in sentence if x.kind == "money" and id(x) not in stated and not AVERAGE_WORD.search(x.label)
                  and x.role not in ATTACHED_ROLES and x.role != "adjust" and _names_the_expense(noun, x)]
        counts = [x for x in sentence if x.kind == "count" and x.q.unit in PER[word]]
        if len(totals) == 1 and len(counts) == 1:
            out.append(AverageClaim(average=m, word=word, noun=noun, total=totals[0], count=counts[0]))
    return out


paragraph_kind("averages")(averages)


def check(doc) -> Iterator[Check | Finding]:
    for c in doc.averages:
        yield from _average(doc, c)


def _average(doc, c: AverageClaim):
    total, count, stated = doc.interval(c.total, []), doc.interval(c.count, []), doc.interval(c.average, [])
    if total is None or count is None or stated is None or c.count.q.base <= 0:
        return
    computed = total / count  # None when the count may be zero
    if computed is None:
        return
    figures = [figure(doc, c.average, "average"), figure(doc, c.total, "total"), figure(doc, c.count, "count")]
    if computed.overlaps(stated):
        yield Check(PER_CAPITA, "pass", figures[0], figures)
        return
    yield Check(PER_CAPITA, "fail", figures[0], figures)
    point = c.total.q.base / c.count.q.base
    want = in_unit(point, c.average.q)
    arith = f"{value_text(c.total.q)} / {value_text(c.count.q)} = {want}"
    msg = Message(f"{arith}, stated {value_text(c.average.q)}",
                  f"{arith.replace(' / ', ' ÷ ')}，文中{c.word}{c.noun}为{value_text(c.average.q)}")
    severity = "error"
    if doc.only_truncated(c.average, computed):
        severity, msg = "info", truncated_note(msg)
    yield Finding(PER_CAPITA, severity, msg, figures[0], figures, expected=want)
