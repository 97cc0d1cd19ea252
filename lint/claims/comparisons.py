"""Comparison words (大于, 小于, 持平) between a budget and an actual figure."""
from __future__ import annotations

from dataclasses import dataclass

from ..parse.extract import Keyword
from ..parse.mentions import Mention, Paragraph
from .common import (
    MAX_SENTENCES_BACK,
    listed,
    sent_start,
)
from .kinds import paragraph_kind


@dataclass
class ComparisonClaim:
    word: Keyword  # 大于, 小于, 等于, 持平, 基本持平, 超过, 未超过 …
    left: Mention  # the figure of the subject named first ("决算数" in 决算数小于预算数)
    right: Mention
    left_word: Keyword
    right_word: Keyword


GREATER = ("大于", "高于", "超过", "多于")
LESS = ("小于", "低于", "少于", "未超过")


@paragraph_kind("comparisons")
def comparisons(para: Paragraph) -> list[ComparisonClaim]:
    """"决算数小于预算数", "决算数与预算数基本持平": the two subjects are budget and actual words around
    the comparison word; their figures are the nearest budget and actual figures before it, within two
    sentences (or after it in the same sentence: "实际支出95万元，低于预算数100万元")."""
    out = []
    items = para.items
    for ki, kw in enumerate(items):
        if not (isinstance(kw, Keyword) and kw.kind in ("COMPARE", "FLAT")):
            continue
        sent = para.sent_of[ki]
        start = sent_start(para, sent)
        subjects = [it for it in items[start:] if isinstance(it, Keyword) and it.kind in ("ACTUAL", "BUDGET")
                    and para.sent_of[items.index(it)] == sent]
        kinds = [s.kind for s in subjects]
        if sorted(kinds[:2]) != ["ACTUAL", "BUDGET"]:
            continue
        first, second = subjects[0], subjects[1]
        if kw.kind == "COMPARE" and not (items.index(first) < ki < items.index(second)):
            continue
        figures, pools = {}, {}
        for word in (first, second):
            role = "actual" if word.kind == "ACTUAL" else "budget"
            near = [m for m in para.mentions if m.role == role and m.kind == "money" and not m.q.approx
                    and sent - MAX_SENTENCES_BACK <= m.sent <= sent]
            before = [m for m in near if m.index < ki]
            pools[role] = before
            figures[role] = before[-1] if before else (near[0] if near else None)
        budget, actual = figures["budget"], figures["actual"]
        if budget is not None and actual is not None and listed(para, budget) != listed(para, actual):
            # "…预算为145,500元,支出决算为390,118.10元。其中:…公务接待费支出决算为116,416元…决算数大于预算数": the
            # whole is compared with the whole; a listed part's figure is not the subject's
            part_role = "budget" if listed(para, budget) else "actual"
            whole = [m for m in pools[part_role] if not listed(para, m)]
            figures[part_role] = whole[-1] if whole else None
        left = figures["actual" if first.kind == "ACTUAL" else "budget"]
        right = figures["actual" if second.kind == "ACTUAL" else "budget"]
        if left is None or right is None or left is right:
            continue
        out.append(ComparisonClaim(kw, left, right, first, second))
    return out
