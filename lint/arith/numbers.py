"""Exact arithmetic on written figures: Chinese numerals, and the rounding interval of a figure.

A figure stands for every value that rounds to it (NOTES.md, the XBRL Calculations 1.1 rule):
26.3% is [26.25, 26.35]. Two figures are inconsistent only when their intervals do not overlap.
Everything is Decimal; a float never enters.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(text: str) -> int:
    """三 -> 3, 十二 -> 12, 二十 -> 20, 一百零五 -> 105, 两千 -> 2000; digit strings like 一二 -> 12."""
    if all(c in _DIGITS for c in text):
        return int("".join(str(_DIGITS[c]) for c in text))
    total, digit = 0, None
    for c in text:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[c]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + (digit or 0)


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @staticmethod
    def exact(v: Decimal) -> Interval:
        return Interval(v, v)

    def __add__(self, o: Interval) -> Interval:
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: Interval) -> Interval:
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __mul__(self, o: Interval) -> Interval:
        c = (self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi)
        return Interval(min(c), max(c))

    def __truediv__(self, o: Interval) -> Interval | None:
        """None when the divisor may be zero: the ratio is then unbounded and proves nothing."""
        if o.lo <= 0 <= o.hi:
            return None
        c = (self.lo / o.lo, self.lo / o.hi, self.hi / o.lo, self.hi / o.hi)
        return Interval(min(c), max(c))

    def scaled(self, k: Decimal) -> Interval:
        return self * Interval.exact(k)

    def overlaps(self, o: Interval) -> bool:
        return self.lo <= o.hi and o.lo <= self.hi

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    def __contains__(self, v: Decimal) -> bool:
        return self.lo <= v <= self.hi


def figure_interval(value: Decimal, decimals: int, scale: Decimal = Decimal(1), exact: bool = False,
                    mode: str = "round") -> Interval:
    """The values a written figure stands for, in base units.

    round: 26.3 -> [26.25, 26.35]; truncate: 26.3 -> [26.3, 26.4) (some offices cut, not round).
    """
    if exact:
        return Interval.exact(value * scale)
    step = Decimal(1).scaleb(-decimals)
    if mode == "truncate":
        lo, hi = (value, value + step) if value >= 0 else (value - step, value)
    else:
        lo, hi = value - step / 2, value + step / 2
    return Interval(lo * scale, hi * scale)


def round_to(v: Decimal, decimals: int, mode: str = "round") -> Decimal:
    """v to `decimals` places (negative: to tens, hundreds…), for any v: the context is widened to the
    digits the result needs, since quantize refuses a result longer than the context's precision."""
    q = Decimal(1).scaleb(-decimals)
    if not v.is_finite():
        return v
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, v.adjusted() + decimals + 2)
        return v.quantize(q, rounding=ROUND_DOWN if mode == "truncate" else ROUND_HALF_UP)


def fmt(v: Decimal, decimals: int | None = None) -> str:
    """A plain decimal string, never in exponent form."""
    if decimals is not None:
        v = round_to(v, decimals)
        if decimals <= 0:
            return format(v, "f") if v.is_finite() else str(v)
        return f"{v:.{decimals}f}"
    return format(v.normalize(), "f")
