"""Writing arithmetic for people: figures in the unit the document used, to the digits it used."""
from __future__ import annotations

from decimal import Decimal

from .extract import Quantity
from .numbers import fmt, round_to


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


def decimals_for(*qs: Quantity) -> int:
    return max([0, *(q.decimals for q in qs if q is not None)])


def truncated_note(msg):
    """The same message, saying that the figure agrees if the document truncates."""
    from .rule import Message

    return Message(msg.en + " (agrees if the document truncates instead of rounding: --rounding truncate)",
                   msg.zh + "（若文中数字为截尾而非四舍五入则一致：--rounding truncate）")
