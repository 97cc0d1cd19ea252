"""A total and its parts, each with its growth percent and nothing else: "收入700.4亿元,增长1.9%。其中:市本级
341.5亿元,下降0.7%;区级358.9亿元,增长4.4%". Each growth implies last year's figure (figure ÷ (1 + growth)); the
parts' last-year figures must make the total's. Read only where every figure of the breakdown has its own growth."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..parse.extract import Keyword, Label
from ..parse.mentions import Mention, Paragraph
from .common import usable_amount
from .kinds import claim_kind
from .sums import SumClaim

PUNCTUATION = regex.compile(r"[\p{P}\s]*")


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
        if last is not None and m.role == "pct" and m.kind == "percent" and not m.q.approx and m.sign and _own(para, m):
            out[id(last)] = m
            last = None
    return out


def _own(para: Paragraph, m: Mention) -> bool:
    """Does the growth's clause hold nothing before it but its direction word and a comparison with last year? A
    name ("其中增值税增长5%") makes it another figure's; a comparison with a budget ("比年初预算增长") is not with last
    year's figure."""
    for it in reversed(para.items[:m.index]):
        if isinstance(it, Keyword):
            if it.kind in ("SEP", "END"):
                return True
            if it.kind in ("UP", "DOWN") or (it.kind == "BASE" and "预算" not in it.text):
                continue
            return False
        if isinstance(it, Label) and not PUNCTUATION.fullmatch(it.text):
            return False
    return True


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
