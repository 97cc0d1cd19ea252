"""Changes against a base period (较上年, 同比 …)."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..parse.extract import Keyword, Quantity
from ..parse.mentions import Mention, Paragraph
from .common import (
    MAX_SENTENCES_BACK,
    usable_amount,
)
from .kinds import paragraph_kind


@dataclass
class ChangeClaim:
    base: Keyword
    base_sent: int
    current: Mention | None
    delta: Mention | None = None
    pct: Mention | None = None
    points: Mention | None = None
    previous: Mention | None = None  # stated explicitly ("2019年度…7.08万元")
    flat: Keyword | None = None
    candidates: list[Mention] = field(default_factory=list)  # other plausible current figures


@paragraph_kind("changes")
def changes(para: Paragraph) -> list[ChangeClaim]:
    """Changes against a base (较上年, 比上年, 较年初预算数, 同比, 与上年相比 …).

    Readings taken: the change figures are those right after the base phrase (an amount and/or a
    percent, each with its direction word). The current figure is the nearest figure before the base
    that is not itself a change, share or rate, within two sentences. When no change amount is given,
    a pair of figures for consecutive years ("2020年度…2.2万元,2019年度…7.08万元") gives current and
    previous. Distributive lists with several amounts are not read.
    """
    claims: list[ChangeClaim] = []
    items = para.items
    by_index = {m.index: m for m in para.mentions}
    for bi, kw in enumerate(items):
        if not (isinstance(kw, Keyword) and kw.kind == "BASE"):
            continue
        deltas: list[Mention] = []
        pcts: list[Mention] = []
        points: list[Mention] = []
        flat: Keyword | None = None
        sent = para.sent_of[bi]
        j = bi + 1
        clause_has_change = True
        while j < len(items) and para.sent_of[j] == sent:
            it = items[j]
            if isinstance(it, Keyword):
                if it.kind in ("BASE", "END"):
                    break
                if it.kind == "FLAT":
                    flat = it
                    clause_has_change = True
                if it.kind == "SEP":
                    if not clause_has_change and (deltas or pcts or points or flat):
                        break  # a clause without change figures ("主要原因是…") ends the group
                    clause_has_change = False
            elif isinstance(it, Quantity):
                m = by_index[j]
                clause_has_change = clause_has_change or m.role in ("delta", "pct", "points")
                if m.role == "delta":
                    deltas.append(m)
                elif m.role == "pct":
                    pcts.append(m)
                elif m.role == "points":
                    points.append(m)
                else:
                    break
            j += 1
        if not (deltas or pcts or points or flat):
            continue
        if len(deltas) > 1 or len(pcts) > 1 or len(points) > 1:
            claims.extend(_distributive(para, bi, kw, sent, deltas, pcts))
            continue
        delta = deltas[0] if deltas else None
        dim = delta  # the current figure is of the change amount's kind (money, or a count of the same unit)
        cands = [m for m in reversed(para.mentions)
                 if m.index < bi and usable_amount(m) and not m.q.approx
                 and m.sent >= sent - MAX_SENTENCES_BACK and (dim is None or m.same_dimension(dim))]
        # "…增加52.00万元，增长5.2%，达到1,052.00万元": the figure the change reached, stated after it
        after = next((m for m in para.mentions if m.index >= j and m.sent == sent), None)
        if (after is not None and usable_amount(after) and not after.q.approx
                and (dim is None or after.same_dimension(dim)) and regex.search(r"达到|达|增至|降至|为$", after.label)):
            cands.insert(0, after)
        claim = ChangeClaim(base=kw, base_sent=sent, current=cands[0] if cands else None, delta=delta,
                            pct=pcts[0] if pcts else None, points=points[0] if points else None, flat=flat,
                            candidates=cands[1:])
        pair = _year_pair(para, bi)
        if pair and (delta is None and claim.pct is not None or delta is not None and claim.current in pair):
            # "2020年度…2.2万元,2019年度…7.08万元…比上年减少68.93%": both years are stated
            claim.current, claim.previous = pair
            claim.candidates = []
        claims.append(claim)
    return claims


def _distributive(para: Paragraph, bi: int, kw: Keyword, sent: int, deltas: list[Mention],
                  pcts: list[Mention]) -> list[ChangeClaim]:
    """"收入和支出分别为4125.49、4143.91万元，较上年各减少1267.86、2570.97万元，各下降23.51%、38.28%": as many
    figures before the base, in the same sentence, as there are amounts (and percents) after it; paired in order."""
    k = len(deltas)
    if k < 2 or (pcts and len(pcts) != k):
        return []
    before = [m for m in para.mentions if m.index < bi and m.sent == sent and usable_amount(m) and not m.q.approx
              and m.same_dimension(deltas[0])]
    if len(before) < k:
        return []
    currents = before[-k:]
    return [ChangeClaim(base=kw, base_sent=sent, current=c, delta=d, pct=pcts[n] if pcts else None)
            for n, (c, d) in enumerate(zip(currents, deltas, strict=True))]


def _year_pair(para: Paragraph, before: int) -> tuple[Mention, Mention] | None:
    """Two figures of one quantity for consecutive years, the later first."""
    prior = [m for m in para.mentions if m.index < before and usable_amount(m) and m.year and not m.q.approx]
    for a in reversed(prior):
        for b in reversed(prior):
            if b is not a and b.year == a.year - 1 and b.same_dimension(a) and _same_subject(a.label, b.label):
                return a, b
    return None


def _same_subject(a: str, b: str) -> bool:
    strip = lambda t: regex.sub(r"[\p{P}\s]|年度?|为|是", "", t)  # noqa: E731
    a, b = strip(a), strip(b)
    return bool(a) and bool(b) and (a in b or b in a or a[-2:] == b[-2:])
