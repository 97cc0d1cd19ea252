"""Breakdowns: a stated total against its listed parts, shared by the sum and count rules.

Consistent when the interval of the parts' sum overlaps the interval of the total (NOTES.md). Lists
under 其中 need not be complete ("支出1000万元,其中三公经费5万元"), so parts that fall short of the total
are only reported when the list says it is complete: 分别为/分别是, a last part "其他…", both halves of a
known pair (基本支出 + 项目支出, 人员经费 + 公用经费 …), or three or more named parts (a warning). Parts
that exceed the total are always reported, except when a leading run of them makes the total exactly:
then the list simply went on to sibling figures ("总收入666.29万元,其中财政拨款666.29万元,上年结转304.08万元").
"""
from __future__ import annotations

import operator
from collections.abc import Iterator
from decimal import Decimal
from functools import reduce

from ..arith.numbers import Interval
from ..claims.common import paragraph_at
from ..claims.rates import ESTABLISHMENT, STAFF
from ..claims.sums import SumClaim, complete_pair
from ..text import caps
from .explain import HUNDRED, in_unit, value_text
from .rule import Check, Finding, Message, Rule, figure

# head counts and vehicles belong to the count family (实物量); money and item counts to the sum family
HEAD_UNITS = {"人", "名", "人次", "辆", "台", "台套", "台(套)"}


def is_head_count(claim: SumClaim) -> bool:
    return claim.total.kind == "count" and claim.total.q.unit in HEAD_UNITS


def _expression(parts) -> str:
    return " + ".join(value_text(p.q) for p in parts)


def _peers(figures) -> list:
    """The figures whose precision the others are read at: of each kind and scale, the nonzero one written with
    the most decimals (all that precision.interval looks at), so that reading n parts costs n, not n²."""
    best: dict = {}
    for f in figures:
        if f is None or f.q.value == 0:
            continue
        key = (f.q.kind, f.q.scale)
        if key not in best or f.q.decimals > best[key].q.decimals:
            best[key] = f
    return list(best.values())


def adds_up(doc, claim: SumClaim) -> bool:
    """Do the listed parts, with their rounding, make the stated total? (A 其中 list that does names every part.)"""
    peers = _peers([claim.total, *claim.parts])
    parts, total = doc.total(claim.parts, peers), doc.interval(claim.total, peers)
    return parts is not None and total is not None and parts.overlaps(total)


def _matches_other(doc, claim: SumClaim, s: Interval, peers):
    """Another figure of the sentence that the parts add up to (the budget beside the actual …).
    Parts that are all zero name special categories ("其中:外事接待0人") and match nothing."""
    if all(p.q.value == 0 for p in claim.parts):
        return None
    return next((o for o in claim.others if (iv := doc.interval(o, peers)) is not None and iv.overlaps(s)), None)


def _two_bases(a, b) -> bool:
    """Are two figures one quantity on two bases: the budget and the actual, or the establishment (编制) and the
    staff in post (在职)?"""
    if {a.role, b.role} == {"budget", "actual"}:
        return True
    est = lambda m: any(w in m.label for w in ESTABLISHMENT)  # noqa: E731
    staff = lambda m: any(w in m.label for w in STAFF)  # noqa: E731
    return est(a) and staff(b) or staff(a) and est(b)


def _as_written(doc, total, parts, peers) -> str:
    """Figures of one list written to different places ("1118万元…386.53万元…454.2万元", total 1958.7万元) are read as
    having dropped their trailing zeros. A whole number among decimals usually has (6万元 beside 1.49万元 is 6.00), a
    figure written to one place may as well have been rounded to it, and so may one whole number (节约728万元, the
    difference of two figures to the cent). If the sum agrees when those are, the reading was a guess, and the sum
    only unsure."""
    figures = [total, *parts]
    if len({m.q.decimals for m in figures if m.q.value}) < 2:
        return ""
    borrowed = [doc.interval(m, peers) for m in figures]
    own = [doc.interval(m) for m in figures]
    if any(iv is None for iv in borrowed + own):
        return ""
    decimal = [o if m.q.decimals else b for m, b, o in zip(figures, borrowed, own, strict=True)]
    readings = [decimal] + [[own[k] if k == w else iv for k, iv in enumerate(decimal)]
                            for w, m in enumerate(figures) if m.q.decimals == 0 and m.q.value]
    for ivs in readings:
        s = reduce(operator.add, ivs[1:])
        if s.overlaps(ivs[0]):
            return "it agrees if a figure is rounded to the places it is written with"
    return ""


def _own_share(doc, part):
    """The share stated right after a figure, in its sentence, before any other amount ("…301.05亿元,占…的76.01%")."""
    para = paragraph_at(getattr(doc, "paragraphs", ()), part.q.start)
    if para is None:
        return None
    for m in para.mentions:
        if m.index <= part.index:
            continue
        if m.sent != part.sent or m.kind in ("money", "count"):
            return None
        if m.role == "share" and m.kind == "percent" and not m.q.approx:
            return m
    return None


def over_hundred(pcts) -> bool:
    """Do stated percents make more than 100% even at the low end of each one's rounding?"""
    return sum(x.q.value for x in pcts) - sum(Decimal(5).scaleb(-x.q.decimals - 1) for x in pcts) > 100


def _overlapping(doc, parts) -> str:
    """"其中,集中采购规模为301.05亿元,占采购总规模的76.01%;公开招标方式的采购额为338.92亿元,占…的85.57%": parts that
    each state their share, and whose shares make more than 100%, are of several breakdowns of the whole (by how
    it was organised, by how it was bought), not one list of it."""
    pcts = [_own_share(doc, p) for p in parts]
    if len(pcts) < 2 or any(x is None for x in pcts) or not over_hundred(pcts):
        return ""
    return f"the parts' own shares ({' + '.join(x.q.text for x in pcts)}) make more than 100%: they overlap"


def _halves(total, parts) -> str:
    """"总投入73728万元。其中:国家财政性教育经费64507万元,一般公共预算教育经费64469万元(…)": two parts that are each more
    than half the whole, and nearly equal, are one figure and most of itself: one holds the other. (Two parts over
    half that differ more are as likely a mistyped figure, which is worth the error.)"""
    big = sorted(p.q.base for p in parts if 2 * p.q.base > total.q.base > 0)
    near = any(a * 10 >= b * 9 for a, b in zip(big, big[1:], strict=False))
    return "two nearly equal parts each exceed half the total: one may hold the other" if near else ""


def _share_off(doc, claim: SumClaim, t: Interval) -> str:
    """"收入预算总额为7783.26万元…其中:财政拨款收入751.8万元,占…的9.7%;…其他收入7000万元,占…的90.3%;上年结…": the parts are
    the whole only because their shares make 100%; when a share disagrees with the total itself (7000 / 7783.26 =
    89.94%), the share is what is wrong or a part is missing, and the sum says nothing more."""
    for pct, part in zip(claim.shares, claim.parts, strict=False):
        p, s = doc.interval(pct), doc.interval(part, claim.parts)
        ratio = s / t if p is not None and s is not None else None
        if ratio is not None and not ratio.scaled(HUNDRED).overlaps(p):
            return f"the share {pct.q.text} of a part disagrees with the total: a part may be missing"
    return ""


def check_breakdown(doc, claim: SumClaim, mismatch: Rule, other_total: Rule) -> Iterator[Check | Finding]:
    """Check one total against its parts; `mismatch` and `other_total` are the rules to report under."""
    total, parts, exhaustive = claim.total, claim.parts, claim.exhaustive
    if len(parts) > caps.MAX_PARTS:
        notes = getattr(doc, "notes", None)
        if notes is not None:
            notes.at(total.q.start, f"a total listed with more than {caps.count(caps.MAX_PARTS)} parts was not checked")
        return
    peers = _peers([total, *parts])
    t = doc.interval(total, peers)
    s = doc.total(parts, peers)
    if t is None or s is None:
        return
    if not s.overlaps(t):
        if s.lo > t.hi and not claim.closing:
            # the sums of the leading runs, added once in order (not each run again: cubic in a long list)
            running, prefix = None, []
            for p in parts[:-1]:
                iv = doc.interval(p, peers)
                running = iv if running is None else running + iv
                prefix.append(running)
            for k in range(len(parts) - 1, 0, -1):
                if prefix[k - 1].overlaps(t):
                    parts = parts[:k]
                    s = None
                    break
        elif s.hi < t.lo and not claim.closing:
            # "其中:人员经费287.68万元…。公用经费43.98万元": the list went on after the full stop. The longer
            # reading that makes the total wins; failing that, the first that names both halves of a whole
            grown = [(extra, doc.total(parts + extra, _peers(peers + extra))) for extra in claim.continuations]
            grown = grown[:next((k for k, (_, g) in enumerate(grown) if g is None), len(grown))]
            taken = (next(((e, g) for e, g in grown if g.overlaps(t)), None)
                     or next(((e, g) for e, g in grown if complete_pair(parts + e, total)), None))
            if taken is not None:
                parts, s = parts + taken[0], taken[1]
                exhaustive = True
            if s is not None and not s.overlaps(t):
                complete = exhaustive and len(parts) >= 2
                named = sum(1 for p in parts if p.q.value != 0)
                # a short 其中 list need not be complete; three or more named parts usually are
                # meant to be the whole, which is worth a warning
                if claim.open or not complete and named < 3 and not _matches_other(doc, claim, s, peers):
                    return
    figures = [figure(doc, total, "total"), *(figure(doc, p, "part") for p in parts)]
    anchor = figures[0]
    if s is None or s.overlaps(t):
        yield Check(mismatch, "pass", anchor, figures)
        return
    unit_like = total.q
    point = sum(p.q.base for p in parts)
    written_sum = in_unit(point, unit_like, max(p.q.decimals for p in [total, *parts]))
    expr = _expression(parts)
    other = _matches_other(doc, claim, s, peers)
    if other is not None and not _two_bases(other, total):
        # "资产总额33.5万亿元,…净资产23.6万亿元。其中,行政单位资产10.1万亿元,事业单位资产23.4万亿元": the parts make
        # another quantity of the sentence than the one they follow; they are its breakdown, and they add up
        yield Check(mismatch, "pass", figure(doc, other, "total"), [figure(doc, other, "total"), *figures[1:]])
        return
    if other is not None:
        # the budget beside the actual: the parts make the one, and follow the other
        figures.append(figure(doc, other, "other"))
        msg = Message(
            f"{expr} = {written_sum}, which is {value_text(other.q)} ({other.label or 'the earlier figure'}), "
            f"not the total {value_text(total.q)} ({total.label or 'total'}) that the list follows",
            f"{expr} = {written_sum}，等于{other.label or '前一数字'}{value_text(other.q)}，"
            f"而不是其前面的{total.label or '合计'}{value_text(total.q)}",
        )
        yield Finding(other_total, "warning", msg, anchor, figures, expected=None, relation=mismatch)
        return
    diff = in_unit(abs(point - total.q.base), unit_like, max(p.q.decimals for p in [total, *parts]))
    # a total in another sentence, or a list that may leave parts out, is one reading among others
    unsure = (claim.guess or claim.nests or _as_written(doc, total, parts, peers) or _overlapping(doc, parts)
              or _share_off(doc, claim, t) or _halves(total, parts)
              or ("the list may not name every part" if not exhaustive and s.hi < t.lo else ""))
    msg = Message(
        f"{expr} = {written_sum}, stated total {value_text(total.q)}; off by {diff}",
        f"{expr} = {written_sum}，文中合计为{value_text(total.q)}，相差{diff}",
    )
    yield Finding(mismatch, "error", msg, anchor, figures, expected=written_sum, unsure=unsure)
