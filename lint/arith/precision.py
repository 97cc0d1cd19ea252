"""Which values a written figure stands for, given how it and its neighbours are written.

NOTES.md: precision is a property of how a figure is written in its context.
- Zero is exact: "实际支出0万元" means nothing was spent. A percent of 0 is not: "0.0%" is any share that rounds
  to it.
- A money figure written with fewer decimals than its neighbours in the same claim dropped its
  trailing zeros ("实际支出5万元" after "预算5.00万元" is 5.00), so it takes their precision, up to two places.
- A whole-number count of people or items is exact; a count with 万/亿 is rounded like money.
- A figure with 约/余/以上/≥ is a bound or an estimate and is never checked.
"""
from __future__ import annotations

from collections.abc import Iterable

from .numbers import Interval, figure_interval
from .quantity import Quantity


def interval(q: Quantity, peers: Iterable[Quantity] = (), mode: str = "round") -> Interval | None:
    if q.approx:
        return None
    if q.value == 0 and q.kind not in ("percent", "permille"):
        # nothing spent is nothing; but a share written 0.0% is one that rounds to it (1.21 of 3012.46 is 0.04%)
        return Interval.exact(q.value)
    if q.kind == "count" and not q.unit.startswith(("万", "亿", "千")):
        return Interval.exact(q.value)
    decimals = q.decimals
    if q.kind in ("money", "count"):
        # a figure takes its neighbours' places up to two, the cents of 元 or the hundreds of 万元 that tables
        # drop when they are zeros; a neighbour written to three places or more (44.239万元) is an exact sum, and
        # "2.35" beside it says nothing about a third place
        written = [min(p.decimals, 2) for p in peers if p.kind == q.kind and p.scale == q.scale and p.value != 0]
        decimals = max([decimals, *written])
    return figure_interval(q.value, decimals, q.scale, mode=mode)

