"""Identities that hold by definition, stated as three figures in a row: 资产总额 = 负债总额 + 净资产总额,
采购计划金额 = 实际采购金额 + 节约资金, 送审金额 = 审定金额 + 审减金额. Read as a total and its parts (the rules of
sums check them)."""
from __future__ import annotations

from ..parse.mentions import ATTACHED_ROLES, Mention, Paragraph
from .kinds import paragraph_kind
from .sums import SumClaim

# the whole, and its parts in the order the documents state them, by the words their labels hold; a label
# holding a later word is not the earlier one ("净资产总额" is no 资产总额)
IDENTITIES = (
    (("资产",), ("负债",), ("净资产", "所有者权益")),
    (("采购计划", "计划采购", "采购预算"), ("实际采购",), ("节约",)),
    (("送审",), ("审定",), ("审减",)),  # a project review: what was submitted, approved, and cut
)


# a share of a term, not the term: "归属于母公司的净资产" is the owners' part of 所有者权益
SHARE_OF = ("归属于", "归母", "少数股东")


def _is(m: Mention, words: tuple[str, ...], later: tuple[str, ...]) -> bool:
    return (any(w in m.label for w in words) and not any(w in m.label for w in later)
            and not any(w in m.label for w in SHARE_OF))


@paragraph_kind("identities")
def identities(para: Paragraph) -> list[SumClaim]:
    ms = [m for m in para.mentions if m.kind == "money" and not m.q.approx and m.role not in ATTACHED_ROLES]
    out: list[SumClaim] = []
    for terms in IDENTITIES:
        for k, whole in enumerate(ms):
            if not _is(whole, terms[0], terms[1] + terms[2]):
                continue
            found, at = [], k
            for n, words in enumerate(terms[1:], 1):
                later = tuple(w for t in terms[n + 1:] for w in t)
                nxt = next((j for j in range(at + 1, len(ms)) if ms[j].sent <= whole.sent + 1
                            and _is(ms[j], words, later)), None)
                # another statement of the whole, or a term out of order, before it: not one identity
                if nxt is None or any(_is(m, terms[0], terms[1] + terms[2]) for m in ms[at + 1:nxt]):
                    break
                found.append(ms[nxt])
                at = nxt
            if len(found) == 2 and all(f.same_dimension(whole) for f in found):
                out.append(SumClaim(whole, found, None, exhaustive=True))
    return out
