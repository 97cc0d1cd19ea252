"""A total and its parts, each with its growth percent and nothing else: "收入700.4亿元,增长1.9%。其中:市本级
341.5亿元,下降0.7%;区级358.9亿元,增长4.4%". Each growth implies last year's figure (figure ÷ (1 + growth)); the
parts' last-year figures must make the total's. Read only where every figure of the breakdown has its own growth."""
from __future__ import annotations

from dataclasses import dataclass

from ..parse.mentions import Mention, Paragraph
from .common import own_clause, usable_amount
from .kinds import claim_kind
from .sums import SumClaim


@dataclass
class GrowthSet:
    sums: SumClaim
    growth: dict[int, Mention]  # the total's and each part's growth percent, by the figure's id


def growth_of(para: Paragraph) -> dict[int, Mention]:
    """Each amount of the paragraph followed in its sentence by a growth percent of its own: the next percent
    with a direction word (增长/下降) before any other amount, in a clause that names nothing else."""
    out: dict[int, Mention] = {}
    last: Mention | None = None
    for m in para.mentions:
        if last is not None and m.sent != last.sent:
            last = None
        if usable_amount(m):
            last = None if m.q.approx else m
            continue
        if m.role == "delta":
            last = None  # a change with its amount: the change rules read it
            continue
        if last is not None and m.role == "pct" and m.kind == "percent" and not m.q.approx and m.sign and own_clause(para, m):
            out[id(last)] = m
            last = None
    return out


@claim_kind("growths")
def _growths(doc) -> list[GrowthSet]:
    growth: dict[int, Mention] = {}
    for para in doc.paragraphs:
        growth.update(growth_of(para))
    out = []
    for s in doc.sums:
        figures = [s.total, *s.parts]
        if (len(s.parts) >= 2 and not s.open and not s.guess and all(id(f) in growth for f in figures)
                and all(f.kind == "money" for f in figures)):
            out.append(GrowthSet(s, {id(f): growth[id(f)] for f in figures}))
    return out
