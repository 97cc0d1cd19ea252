"""Writing arithmetic for people: figures in the unit the document used, to the digits it used."""
from __future__ import annotations

from decimal import Decimal

from ..arith.numbers import fmt, round_to
from ..arith.quantity import Quantity
from .rule import Message

HUNDRED = Decimal(100)  # a percent's scale


def in_unit(base_value: Decimal, like: Quantity, decimals: int | None = None) -> str:
    """A base-unit value written like `like` ("69.15万元"), to `decimals` places (default: like's)."""
    d = like.decimals if decimals is None else decimals
    v = base_value / like.scale
    return f"{fmt(v, max(d, 0))}{like.unit}"


def value_text(q: Quantity) -> str:
    """A figure as the arithmetic shows it: digits as written and unit, without qualifiers."""
    return f"{q.number}{q.unit}"


def percent(v: Decimal, decimals: int) -> str:
    return f"{fmt(round_to(v, decimals), decimals)}%"


def shown(v: Decimal, decimals: int) -> str:
    """A computed percent as a message shows it beside a stated one of `decimals` places: a digit more (at least
    two), or as many more as it takes for the figure shown to round as the figure itself does (45.4547% shown as
    45.455% would seem to round to the 45.46% it disagrees with)."""
    want = round_to(v, decimals)
    for d in range(max(2, decimals + 1), decimals + 6):
        if round_to(round_to(v, d), decimals) == want:
            return percent(v, d)
    return percent(v, decimals + 6)


def truncated_note(msg: Message) -> Message:
    """The same message, saying that the figure agrees if the document truncates."""
    return Message(msg.en + " (agrees if the document truncates instead of rounding: --rounding truncate)",
                   msg.zh + "（若文中数字为截尾而非四舍五入则一致：--rounding truncate）")


def same_quantity(doc, a, b) -> str | None:
    """Do two statements of one quantity agree? "same", "near" or "different"; None for an estimate.

    Written to the same precision they must be identical: the same value rounds the same way, so 326.71
    and 326.72 are two values. A difference of one in the last digit is "near": two tables summing
    rounded amounts can each be right to their own rounding. At different precisions the intervals must
    overlap."""
    if a.q.approx or b.q.approx:
        return None
    if a.q.decimals == b.q.decimals and a.q.scale == b.q.scale:
        if a.q.value == b.q.value:
            return "same"
        one = Decimal(1).scaleb(-a.q.decimals)
        return "near" if abs(a.q.value - b.q.value) == one else "different"
    ia, ib = doc.interval(a, [a]), doc.interval(b, [b])
    if ia is None or ib is None:
        return None
    return "same" if ia.overlaps(ib) else "different"
