"""Two percents and the points between them: "增长20.6%,比全省平均水平(17.9%)高2.7个百分点",
"平均数37.1%,较上年度的36.9%增加0.2个百分点", "自给率为21.4%,…低于全区自给率(53.2%)33.9个百分点"."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..arith.quantity import Quantity
from ..parse.extract import Keyword, Label
from ..parse.mentions import Mention, Paragraph
from .common import PUNCTUATION
from .kinds import paragraph_kind
from ..rx import lazy


@dataclass
class Gap:
    subject: Mention  # the percent compared ("20.6%")
    versus: Mention  # the percent it is compared with ("17.9%")
    points: Mention  # the points between them
    sign: int  # +1: the subject is above
    guess: str = ""  # why the subject may be another percent: a difference is then unsure


# the word for the direction, right before the points ("高2.7个百分点", "低了1个百分点")
HIGH = lazy(r"(?:高|多|快)(?:出|了)?")
LOW = lazy(r"(?:低|少|慢)(?:出|了)?")
COMPARE_SIGN = {"高于": 1, "多于": 1, "大于": 1, "低于": -1, "少于": -1, "小于": -1}


def _minus(para: Paragraph, m: Mention) -> bool:
    """Is the figure written with a minus sign before it ("(-1.4%)")?"""
    before = para.items[m.index - 1] if m.index > 0 else None
    return m.q.text.startswith("-") or isinstance(before, Label) and before.text.rstrip().endswith("-")


def _between(para: Paragraph, a: int, b: int) -> list | None:
    """The items strictly between two positions, None when a figure or a clause break stands there."""
    items = para.items[a + 1:b]
    if any(isinstance(it, Quantity) or isinstance(it, Keyword) and it.kind in ("SEP", "END") for it in items):
        return None
    return items


def _direction(items: list) -> int:
    """The sign the words between the percent compared with and the points give; 0 when they give none."""
    words = ""
    for it in items:
        if isinstance(it, Keyword) and it.kind in ("UP", "DOWN"):
            return 1 if it.kind == "UP" else -1
        if isinstance(it, Keyword):
            return 0
        words += it.text
    words = PUNCTUATION.sub("", words)
    return 1 if HIGH.fullmatch(words) else -1 if LOW.fullmatch(words) else 0


def _compared(para: Paragraph, versus: Mention) -> tuple[bool, int]:
    """Is the percent introduced as the one compared with (比/较 …, a comparison with last year, 高于/低于),
    and the sign 高于/低于 gives. The words from the comparison word to the percent hold no other figure."""
    for it in reversed(para.items[:versus.index]):
        if isinstance(it, Quantity) or isinstance(it, Keyword) and it.kind in ("SEP", "END"):
            return False, 0
        if isinstance(it, Keyword) and it.kind == "COMPARE":
            return True, COMPARE_SIGN.get(it.text, 0)
        if isinstance(it, Keyword) and it.kind == "BASE" and not it.text.startswith("同比"):
            return True, 0
        if isinstance(it, Label) and regex.search(r"[比较]", it.text):
            return True, 0
    return False, 0


@paragraph_kind("gaps")
def gaps(para: Paragraph) -> list[Gap]:
    """A points figure with a direction, right after a percent introduced as the one compared with, and the
    nearest percent before that in the sentence (a clause of points about it may stand between). The percent
    compared is a guess when its clause holds another percent, or its sentence another of its role."""
    out: list[Gap] = []
    ms = para.mentions
    for k, p in enumerate(ms):
        if p.kind != "points" or p.q.approx or k == 0:
            continue
        versus = ms[k - 1]
        if versus.kind != "percent" or versus.q.approx or versus.sent != p.sent or _minus(para, versus):
            continue  # "比我市增幅(-1.4%)高1.5个百分点": a negative percent compared with is not read
        between = _between(para, versus.index, p.index)
        if between is None:
            continue
        introduced, compare_sign = _compared(para, versus)
        if not introduced:
            continue
        sign = _direction(between) or compare_sign
        if not sign:
            continue
        subject = None
        for m in reversed(ms[:k - 1]):
            if m.sent != p.sent:
                break
            if m.kind == "points":
                continue  # "…为21.4%,虽然高于上年2.1个百分点,但…": points about the same percent
            subject = m if m.kind == "percent" else None
            break
        if subject is None or subject.q.approx or subject.sign < 0:
            continue  # a decrease compared may be of its size or of its signed value: not read
        # "税收收入增长5.2%,其中增值税增长9.8%,比全市平均水平(3.2%)高…": either growth may be the one compared
        rivals = [m for m in ms[:k - 1] if m is not subject and m.kind == "percent" and m.sent == p.sent
                  and (m.clause == subject.clause or m.role == subject.role)]
        guess = "the percent compared may be another of its sentence" if rivals else ""
        out.append(Gap(subject, versus, p, sign, guess))
    return out
