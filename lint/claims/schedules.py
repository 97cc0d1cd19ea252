"""An execution rate against the time schedule: "上半年…完成年初预算的53.5%,超序时进度3.5个百分点". The schedule is the
share of the year the period stands for (上半年 50%, 1-7月 7/12), so the rate less the schedule is the points stated."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from ..parse.extract import Keyword, Label
from ..parse.mentions import Mention, Paragraph
from .kinds import claim_kind
from ..rx import lazy

CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11}
# the words before 序时进度 that say which side of it the rate is
AHEAD = lazy(r"(?:超|超过|快于|高于|领先)$")
BEHIND = lazy(r"(?:低于|慢于|落后于?|滞后于?)$")


@dataclass
class ScheduleClaim:
    rate: Mention  # the execution rate ("53.5%")
    points: Mention  # how far it is from the schedule ("3.5个百分点")
    sign: int  # +1: ahead of the schedule
    months: int  # of the year the period covers
    period: Keyword  # where the period is named


def months(period: str) -> int | None:
    """How many months of the year a period names: "1-7月" 7, "上半年" 6, "前三季度" 9, "截至5月底" 5, "前八个月" 8."""
    if period == "上半年":
        return 6
    if period.endswith("季度") or period == "三季度末":
        return 9 if "三" in period else 3
    digits = regex.findall(r"\d+", period)
    if period.startswith("1") and len(digits) >= 2:
        return int(digits[1])
    if digits:
        return int(digits[-1])
    found = regex.search(r"前(十一|[二两三四五六七八九十])个月", period)
    return CN_DIGITS[found.group(1)] if found else None


def _period_before(paras: list[Paragraph], n: int, index: int) -> Keyword | None:
    """The period named before a position of the paragraph, or else in the paragraph before it; none where two
    periods are named there ("1-6月份,…好于一季度"): which one the rate is of is not known."""
    places = [(paras[n], index)] + ([(paras[n - 1], None)] if n else [])
    for para, end in places:
        found = [it for it in para.items[:end] if isinstance(it, Keyword) and it.kind == "PERIOD"]
        if found:
            return found[-1] if len({months(it.text) for it in found}) == 1 else None
    return None


@claim_kind("schedules")
def _schedules(doc) -> list[ScheduleClaim]:
    out: list[ScheduleClaim] = []
    paras = doc.paragraphs
    for n, para in enumerate(paras):
        items = para.items
        for k, m in enumerate(para.mentions):
            if m.kind != "points" or m.q.approx or m.index < 2:
                continue
            kw, words = items[m.index - 1], items[m.index - 2]
            # "超序时进度", "快于时间进度", "低于序时进度" (低于 and 高于 are comparison words of the grammar)
            if not (isinstance(kw, Keyword) and kw.kind == "SCHEDULE"
                    and (isinstance(words, Label) or isinstance(words, Keyword) and words.kind == "COMPARE")):
                continue
            sign = 1 if AHEAD.search(words.text) else -1 if BEHIND.search(words.text) else 0
            # the nearest execution rate of the sentence: a growth may stand between ("为年度预算的36.98%,同比下降14.09%,
            # 低于序时进度4.69个百分点")
            rate = next((r for r in reversed(para.mentions[:k]) if r.sent == m.sent and r.role == "exec_rate"), None)
            if not sign or rate is None or rate.q.approx:
                continue
            period = _period_before(paras, n, rate.index)
            count = months(period.text) if period is not None else None
            if count is None or not 1 <= count <= 11:
                continue
            out.append(ScheduleClaim(rate, m, sign, count, period))
    return out


DAYS = (31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)  # days of a common year by the end of each month


def schedule(count: int) -> Decimal:
    """The share of the year, in percent, that `count` months stand for."""
    return Decimal(count) * 100 / 12


def schedules_by_days(count: int) -> tuple[Decimal, Decimal]:
    """The same share counted by days, as some offices count it: in a common year and in a leap year."""
    return Decimal(DAYS[count - 1]) * 100 / 365, Decimal(DAYS[count - 1] + (count >= 2)) * 100 / 366
