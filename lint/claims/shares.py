"""Shares (占X%) with their part and denominator."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..parse.extract import Keyword, Label
from ..parse.mentions import Mention, Paragraph
from .common import (
    nearest,
    sent_start,
    unquoted,
    usable_amount,
)
from .kinds import claim_kind
from .sums import SumClaim


@dataclass
class ShareClaim:
    part: Mention
    pct: Mention
    total: Mention | None = None  # the stated denominator
    parts: list[Mention] = field(default_factory=list)  # or: the parts of a breakdown whose shares total 100%
    owner: SumClaim | None = None  # the breakdown whose listed part this is
    explicit: bool = False  # the denominator is named ("占政府采购支出总额的6.0%")


SHARE_TAIL = ("的比重", "的比例", "比重", "比例", "的")


def _share_words(para: Paragraph, m: Mention) -> str:
    """The words naming the denominator between 占 and the percent: "本年支出合计" in "占本年支出合计的100%"."""
    if m.keyword is None:
        return ""
    k = para.items.index(m.keyword) if m.keyword in para.items else -1
    words = "".join(it.text for it in para.items[k + 1: m.index] if isinstance(it, (Label, Keyword))
                    and not (isinstance(it, Keyword) and it.kind in ("SEP", "END")))
    for tail in SHARE_TAIL:
        if words.endswith(tail):
            words = words[: -len(tail)]
            break
    return words.strip()


def _label_key(label: str) -> str:
    return unquoted(label)


def shares(paragraphs: list[Paragraph], sum_claims: list[SumClaim]) -> list[ShareClaim]:
    """Shares (占X%) with the part they belong to and their denominator.

    Readings taken: the part is the figure just before 占 in its sentence. The denominator is, in
    order: the figure the share names ("占本年支出合计的…", found by its label earlier in the
    document); the total of the list the part belongs to; or, for a run of shares with no stated
    total (one per paragraph, "(1)…占93.6%", "(2)…占0.1%" …), the sum of their parts when the
    shares total 100% within rounding.
    """
    part_of = {id(p): c for c in sum_claims for p in c.parts}
    out: list[ShareClaim] = []
    pending: list[tuple[int, ShareClaim]] = []
    earlier: list[Mention] = []
    for pi, para in enumerate(paragraphs):
        listed = _respectively(para)
        for m in para.mentions:
            if m.role != "share" or m.q.approx or m.kind != "percent":
                if usable_amount(m):
                    earlier.append(m)
                continue
            if id(m) in listed:
                part, first = listed[id(m)]
                if part is None:
                    continue  # a respectively-list whose figures do not pair one to one: nothing to check
            else:
                part, first = nearest(para.mentions, m.index, lambda x, sent=m.sent: x.sent == sent and usable_amount(x)
                                      and not x.q.approx), m
                if part is None or any(x.role == "share" and part.index < x.index < m.index for x in para.mentions):
                    continue
            claim = ShareClaim(part=part, pct=m)
            words = _share_words(para, first)
            if len(words) == 2:
                continue  # "占收入的89.99%": a base named by one generic word could be any of several figures
            if len(words) >= 3:
                key = _label_key(words)
                total = next((x for x in reversed(earlier) if x is not part and key in _label_key(x.label)
                              and x.same_dimension(part)), None)
                if total is not None:
                    claim.total, claim.explicit = total, True
                    out.append(claim)
                continue
            owner = part_of.get(id(part))
            if owner is not None:
                claim.total, claim.owner = owner.total, owner
                out.append(claim)
                continue
            pending.append((pi, claim))
    out.extend(_grouped(pending))
    return out


def _respectively(para: Paragraph) -> dict[int, tuple[Mention | None, Mention]]:
    """"A、B分别为x亿元和y亿元，占…的p%和q%": the shares listed after one 占 pair, in order, with as many figures
    listed before it in the sentence, when the sentence says 分别. Maps each share (by id) to its part (None when
    the counts differ) and the first share of its list."""
    groups: dict[int, list[Mention]] = {}
    for m in para.mentions:
        if m.role == "share" and m.keyword is not None:
            groups.setdefault(id(m.keyword), []).append(m)
    out: dict[int, tuple[Mention | None, Mention]] = {}
    for shares_ in groups.values():
        if len(shares_) < 2:
            continue
        first = shares_[0]
        k = para.items.index(first.keyword)
        start = sent_start(para, first.sent)
        if not any("分别" in it.text for it in para.items[start:k] if isinstance(it, (Label, Keyword))):
            continue
        amounts = [x for x in para.mentions if x.sent == first.sent and x.index < k and usable_amount(x) and not x.q.approx]
        pairs = amounts[-len(shares_):] if len(amounts) >= len(shares_) else [None] * len(shares_)
        for s, a in zip(shares_, pairs, strict=True):
            out[id(s)] = (a, first)
    return out


def _about_hundred(pcts: list[Mention]) -> bool:
    """Do the written shares total 100% within their rounding (half a unit of the last digit each)?"""
    total = sum(p.q.value for p in pcts)
    slack = sum(Decimal(5).scaleb(-p.q.decimals - 1) for p in pcts)
    return abs(total - 100) <= slack


def _grouped(pending: list[tuple[int, ShareClaim]]) -> list[ShareClaim]:
    """Runs of shares without a stated total, in the same or consecutive paragraphs."""
    runs: list[list[tuple[int, ShareClaim]]] = []
    for pi, c in pending:
        if runs and pi - runs[-1][-1][0] <= 1 and c.part.same_dimension(runs[-1][-1][1].part):
            runs[-1].append((pi, c))
        else:
            runs.append([(pi, c)])
    out = []
    for run in runs:
        claims = [c for _, c in run]
        if len(claims) < 2 or not _about_hundred([c.pct for c in claims]):
            continue  # without a stated total the sum of the parts is the total only if the shares make 100%
        parts = [c.part for c in claims]
        for c in claims:
            c.parts = parts
        out.extend(claims)
    return out


@claim_kind("shares")
def _shares(doc) -> list[ShareClaim]:
    return shares(doc.paragraphs, doc.sums)
