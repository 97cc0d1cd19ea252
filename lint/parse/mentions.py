"""Mentions: each figure of a paragraph with what the words around it say it is.

The grammar gives a flat sequence of items per sentence. Here each quantity gets
- its label (the words of its clause before it: "办公费", "项目预算"),
- its role, from the nearest claim keyword of its clause: a change amount or change percent
  (增加/下降 …), a share (占), a rate (执行率, 控制率 …), a budget, an actual, a balance, an opening
  balance, an adjustment (追加), a total (合计 …), or plain,
- the year its clause or sentence names, and where it sits (sentence, clause).
Claims are built from these mentions (lint/claims.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..arith.quantity import Quantity
from .extract import Item, Keyword, Label, Sentence

# figures that belong to another figure of their clause: a change of it, its share, its rate, or the budget a
# rate is taken of ("占年初预算2180万元的44.5%")
ATTACHED_ROLES = {"delta", "pct", "share", "rate", "exec_rate", "points", "rate_base", "versus"}
# Keywords that give the next figure of the clause its role; nearest one wins.
ROLE_OF_KEYWORD = {
    "BUDGET": "budget",
    "ACTUAL": "actual",
    "BALANCE": "balance",
    "OPENING": "opening",
    "CARRY": "carry",
    "ADJUST_UP": "adjust",
    "ADJUST_DOWN": "adjust",
    "TOTAL": "total",
    "RATE_OF": "rate_base",
}
# Words that may stand between a keyword and its figure without breaking the bond: 执行率为100%,
# 增长了26.3%, 占全部支出的32.8%.
GLUE_MAX = 8


@dataclass
class Mention:
    q: Quantity
    role: str
    label: str
    keyword: Keyword | None  # the keyword that gave the role
    year: int | None
    sent: int
    clause: int
    index: int  # position in Paragraph.items
    first_in_clause: bool
    sign: int = 0  # +1 / -1 for change figures (增加 / 减少), 0 otherwise
    context: str = ""  # every word of the clause before the figure, across earlier figures

    @property
    def kind(self) -> str:
        return self.q.kind

    def same_dimension(self, other: Mention) -> bool:
        if self.kind != other.kind:
            return False
        if self.kind == "count":
            return self.q.unit.lstrip("万亿千") == other.q.unit.lstrip("万亿千")
        return True


@dataclass
class Paragraph:
    start: int
    end: int
    items: list[Item] = field(default_factory=list)
    sent_of: list[int] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)



def _clause_break(it: Item) -> bool:
    return isinstance(it, Keyword) and it.kind in ("SEP", "END")


def build(sentences: list[Sentence], start: int, end: int) -> Paragraph:
    para = Paragraph(start, end)
    for si, s in enumerate(sentences):
        para.items.extend(s.items)
        para.sent_of.extend([si] * len(s.items))
        if not (s.items and isinstance(s.items[-1], Keyword) and s.items[-1].kind == "END"):
            # a sentence cut by a line end still ends here
            para.items.append(Keyword("END", "", s.end, s.end))
            para.sent_of.append(si)

    clause = 0
    clause_start = 0
    sent_year: int | None = None
    last_sent = -1
    first_seen = False
    for i, it in enumerate(para.items):
        si = para.sent_of[i]
        if si != last_sent:
            sent_year, last_sent = None, si
        if _clause_break(it):
            clause += 1
            clause_start = i + 1
            first_seen = False
            continue
        if isinstance(it, Keyword) and it.kind == "YEAR":
            sent_year = int(it.text.split("年")[0])
            continue
        if not isinstance(it, Quantity):
            continue
        role, kw, label, sign = _role(para.items, clause_start, i, it)
        prev = para.mentions[-1] if para.mentions else None
        if (role == "plain" and prev is not None and prev.index == i - 2 and prev.role in ATTACHED_ROLES
                and prev.kind == it.kind and (_joins(para.items[i - 1]) or _borrowed_unit(prev.q, para.items[i - 1]))):
            # "各减少1267.86、2570.97万元", "占…的8.1%和91.9%": a figure listed after a change or share figure is one too
            role, kw, sign = prev.role, prev.keyword, prev.sign
        if (role == "plain" and it.kind == "percent" and prev is not None and prev.role == "delta"
                and prev.index == i - 2 and isinstance(para.items[i - 1], Label) and para.items[i - 1].text.strip() == "("):
            # "较上年减少1.5万元(42.86%)": the percent in brackets is the same change's
            role, kw, sign = "pct", prev.keyword, prev.sign
        if (role == "plain" and it.kind == "percent" and prev is not None and prev.role == "rate_base"
                and prev.index == i - 2 and isinstance(para.items[i - 1], Label) and para.items[i - 1].text == "的"):
            # "占年初预算2180万元的44.5%": the percent closes the phrase its budget stands in
            role, kw = "exec_rate", prev.keyword
        if role == "plain" and prev is not None and prev.role == "versus" and prev.index == i - 1 and prev.kind == it.kind:
            # "较2022年决算数441.63万元129.41万元,增长29.3%": a figure right after the one compared with is the
            # difference, its direction the next change word of the sentence (none: a difference all the same)
            role, kw, sign = "versus", None, 0
            for nxt in para.items[i + 1:]:
                if isinstance(nxt, Keyword) and nxt.kind in ("UP", "DOWN", "END"):
                    if nxt.kind != "END":
                        role, kw, sign = "delta", nxt, 1 if nxt.kind == "UP" else -1
                    break
        nxt = para.items[i + 1] if i + 1 < len(para.items) else None
        if role in ("plain", "budget") and "由" in label and isinstance(nxt, Keyword) and nxt.kind == "ADJUST_TO":
            role, kw = "versus", None  # "由年初预算的65000万元调整为35000万元": the figure before the adjustment
        context = "".join(x.text for x in para.items[clause_start:i] if isinstance(x, (Label, Keyword)))
        # a change written with a minus ("增长-5.2%") is read as its size and the opposite direction: the mention
        # holds its own copy of the figure, the parsed one stays as written
        q = replace(it, value=-it.value, number=it.number.lstrip("-")) if sign and it.value < 0 else it
        para.mentions.append(Mention(q=q, role=role, label=label, keyword=kw, year=sent_year, sent=si,
                                     clause=clause, index=i, first_in_clause=not first_seen, sign=sign,
                                     context=context))
        first_seen = True
    return para


def _joins(it: Item) -> bool:
    """The word between two listed figures: 、 or 和/及/与."""
    return (isinstance(it, Keyword) and it.text == "、") or (isinstance(it, Label) and it.text in ("和", "及", "与", "以及"))


def _borrowed_unit(q: Quantity, sep: Item) -> bool:
    """"各减少1267.86,2570.97万元": a comma joins two figures when the first has the second's unit only."""
    return isinstance(sep, Keyword) and sep.text == "," and bool(q.unit) and not q.text.endswith(q.unit)


def _template_choice(before: list[Keyword], items: list[Item], start: int, end: int) -> list[Keyword]:
    """A template's "下降（增长）27.78%" left unedited: the word outside the brackets is the author's."""
    if len(before) >= 2 and before[0].kind in ("UP", "DOWN") and before[1].kind in ("UP", "DOWN"):
        between = "".join(it.text for it in items[start:end] if isinstance(it, Label)
                          and before[1].end <= it.start < before[0].start)
        if between.strip() == "(":
            return before[1:]
    return before


PERCENT_KEYWORDS = {"UP": "pct", "DOWN": "pct", "SHARE": "share", "RATE": "rate", "RATE_EXEC": "exec_rate",
                    "RATE_OF": "exec_rate"}


def _role(items: list[Item], clause_start: int, i: int, q: Quantity) -> tuple[str, Keyword | None, str, int]:
    """Role, the keyword that gave it, the label, and the sign of a change figure."""
    words: list[str] = []
    glue = 0  # characters of plain words between the figure and the nearest keyword
    nearest: Keyword | None = None
    j = i - 1
    while j >= clause_start and not isinstance(items[j], Quantity):
        it = items[j]
        if isinstance(it, Keyword):
            if it.kind != "YEAR":
                words.append(it.text)
                if nearest is None and it.kind != "OP":
                    nearest = it
        else:
            words.append(it.text)
            if nearest is None:
                glue += len(it.text)
        j -= 1
    label = "".join(reversed(words)).strip()
    before = _template_choice([it for it in reversed(items[j + 1: i]) if isinstance(it, Keyword)], items, j + 1, i)

    if q.kind in ("percent", "permille", "points"):
        for kw in before:
            if kw.kind == "AVERAGE":
                break  # a growth per year: nothing here checks a compounded rate
            if kw.kind in PERCENT_KEYWORDS:
                role = PERCENT_KEYWORDS[kw.kind]
                sign = {"UP": 1, "DOWN": -1}.get(kw.kind, 0)
                if sign and q.value < 0:
                    sign = -sign  # "增长-5.2%" is a decrease of 5.2%
                if q.kind == "points":
                    role = "points" if sign else "plain"
                return role, kw, label, sign
        return "plain", None, label, 0
    if q.kind == "number":
        return "plain", None, label, 0  # no unit: a list number, a time of day, "7×24"
    if nearest is not None and nearest.kind in ("UP", "DOWN") and glue <= GLUE_MAX:
        sign = 1 if nearest.kind == "UP" else -1
        if q.value < 0:  # "增加-3.5万元"
            sign = -sign
        return "delta", nearest, label, sign
    if nearest is not None and nearest.kind == "BASE" and glue <= GLUE_MAX:
        return "versus", nearest, label, 0  # "比预算数…24.76亿元" with no word for the direction: a difference
    if (nearest is not None and nearest.kind in ("BUDGET", "ACTUAL", "TOTAL") and glue <= GLUE_MAX and len(before) >= 2
            and before[1].kind == "BASE" and before[1].end == nearest.start):
        # "较2023年年初预算的1278万元", "比上年累计支出433万元": the figure compared with
        return "versus", before[1], label, 0
    # "追加预算35.5万元" is an addition, not a budget: an adjustment word anywhere in the clause wins
    for kw in before:
        if kw.kind in ("ADJUST_UP", "ADJUST_DOWN"):
            return "adjust", kw, label, 1 if kw.kind == "ADJUST_UP" else -1
    for kw in before:
        if kw.kind in ROLE_OF_KEYWORD:
            return ROLE_OF_KEYWORD[kw.kind], kw, label, 0
    return "plain", None, label, 0
