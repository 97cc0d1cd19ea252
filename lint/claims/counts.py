"""A stated count against the names listed for it."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..parse.extract import Keyword
from ..parse.mentions import Mention, Paragraph
from .kinds import claim_kind
from ..rx import lazy


@dataclass
class EnumClaim:
    count: Mention
    noun: str
    names: list[str]
    start: int  # offsets of the listed names in the normalized text
    end: int


ENUM = lazy(
    r"(?P<noun>\p{Han}{0,8}?)(?:[,，]\s*(?:均为|都是|均是)[^:：,，。;；]{0,10})?\s*"
    # (the blanks before a comma-less 分别是 are the \s* before it: two \s* in a row were tried every way)
    r"(?:[:：]|(?:[,，]\s*)?(?:分别是|分别为|包括|具体为|依次为|即)[:：]?)\s*(?P<list>[^,，;；。]+)")
LAST_JOIN = lazy(r"(?:以及|和|及|与)")
# after the list, a comma and one more short name, figure-free, closed by punctuation: the names may go on
GOES_ON = lazy(r"[,，]\p{Han}{2,8}[,，。;；]")


def enumerations(para: Paragraph, text: str) -> list[EnumClaim]:
    """"内设3个科室,分别是综合科、职能转变协调科、政务服务科": a count and the names listed for it.

    Read only where a measure word and a noun are followed by a colon or 分别是/包括 and a list of at
    least two names joined by 、; a list ending in 等 is open and not counted.
    """
    out = []
    for m in para.mentions:
        if m.kind != "count" or m.q.approx or m.q.unit not in ("个", "家", "名", "项", "所", "处", "种", "类"):
            continue
        end = next((it.end for it in para.items[m.index:] if isinstance(it, Keyword) and it.kind == "END"), para.end)
        em = ENUM.match(text, m.q.end, end)
        if not em:
            continue
        listed = em.group("list").strip()
        if listed.endswith(("等", "等等")) or "、" not in listed:
            continue
        if GOES_ON.match(text, em.end("list")):
            continue  # "6个功能区:…郑东新区、经开区、高新区、航空港区,开封示范区,洛阳伊滨区": the list may go on past a comma
        names = [n.strip() for n in listed.split("、")]
        last = LAST_JOIN.split(names[-1], maxsplit=1)
        if len(last) == 2 and all(p.strip() for p in last):
            names = names[:-1] + [p.strip() for p in last]
        if any(not n for n in names) or _not_names(names) or _counted(names, m.q.unit):
            continue
        noun = em.group("noun") or m.label[-4:]  # "内设科室8个，分别为…": the noun came first
        out.append(EnumClaim(count=m, noun=noun, names=names,
                             start=em.start("list"), end=em.start("list") + len(listed)))
    return out


@claim_kind("enumerations")
def _enumerations(doc) -> list[EnumClaim]:
    return [c for p in doc.paragraphs for c in enumerations(p, doc.norm.text)]


def _counted(names: list[str], unit: str) -> bool:
    """"共有预算单位3277个,包括…机关和16个在京直属事业单位、31个省(区、市)气象局…": the list counts groups of
    its own, so the count is their sum, not the number of entries."""
    return any(regex.search(r"[\d零〇一二两三四五六七八九十百千]\s*" + regex.escape(unit), n) for n in names)


NAME_END = lazy(r"(?:厅|局|室|会|委|处|科|股|中心|所|站|院|校|队|部|办|组|馆|团|社|司|园|场|站|庭)$")


def _not_names(names: list[str]) -> bool:
    """A list the 、 does not cut into names: reasons told in clauses ("一是…、…"), or names of bodies of which
    one does not end like a body's name ("贵州省经济、信息化委员会": the 、 stands inside a name)."""
    if regex.match(r"(?:一是|第一|首先|其一)", names[0]):
        return True
    bodies = sum(1 for n in names if NAME_END.search(n))
    return bodies >= 3 and bodies < len(names)
