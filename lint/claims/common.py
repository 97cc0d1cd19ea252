"""What several claim kinds share: which figures can be amounts, the nearest figure before a keyword,
sentence starts, and the fund a label scopes a figure to."""
from __future__ import annotations

from ..parse.extract import Keyword, Label
from ..parse.mentions import ATTACHED_ROLES, Mention, Paragraph
from ..rx import lazy

MAX_SENTENCES_BACK = 2


def usable_amount(m: Mention) -> bool:
    return m.kind in ("money", "count") and m.role not in ATTACHED_ROLES and m.role != "adjust"


def has_own_share(para: Paragraph, m: Mention) -> bool:
    """Is the figure followed, in its sentence and before any other amount, by a share of its own ("资产总额2134亿元,
    占全市53.8%")?"""
    return next((x.role == "share" for x in para.mentions if x.index > m.index and x.sent == m.sent
                 and (x.role == "share" or usable_amount(x))), False)


def nearest(mentions: list[Mention], before: int, pred) -> Mention | None:
    for m in reversed(mentions):
        if m.index < before and pred(m):
            return m
    return None


def outside_brackets(para: Paragraph, ki: int):
    """The figures before item ki, nearest first, leaving out those inside brackets closed before it."""
    depth, walked = 0, ki
    for m in reversed(para.mentions):
        if m.index >= ki:
            continue
        depth += sum(it.text.count(")") - it.text.count("(") for it in para.items[m.index + 1: walked]
                     if isinstance(it, Label))
        walked = m.index
        if depth <= 0:
            yield m


def paragraph_at(paragraphs, offset: int) -> Paragraph | None:
    """The paragraph that holds a position of the text."""
    return next((p for p in paragraphs if p.start <= offset < p.end), None)


def sent_start(para: Paragraph, sent: int) -> int:
    return para.sent_of.index(sent)


def inside_list(para: Paragraph, start: int, end: int) -> bool:
    return any(isinstance(it, Keyword) and it.kind == "PARTS" for it in para.items[start:end])


def listed(para: Paragraph, m: Mention) -> bool:
    """Is the figure listed after a 其中/包括 of its sentence (a part, not the whole)?"""
    return inside_list(para, sent_start(para, m.sent), m.index)


FUNDS = ("一般公共预算", "政府性基金", "国有资本经营", "社会保险基金")


def fiscal_scope(m: Mention) -> bool:
    return "财政拨款" in m.label or any(f in m.label for f in FUNDS)


def scope_of(label: str) -> str:
    """Which money a figure counts: one budget fund, all 财政拨款, or the unit's whole."""
    fund = next((f for f in FUNDS if f in label), "")
    return fund or ("财政拨款" if "财政拨款" in label else "")


def unquoted(label: str) -> str:
    """A label without its quotation marks (“三公”经费 and 三公经费 are one name)."""
    return label.replace("“", "").replace("”", "").replace('"', "")


PUNCTUATION = lazy(r"[\p{P}\s]*")
YEAR = lazy(r"(?:19|20)\d{2}")  # a year written in digits


def own_clause(para: Paragraph, m: Mention) -> bool:
    """Does a change figure's clause hold nothing before it but its direction word and a comparison with last year?
    A name ("其中增值税增长5%") makes it another figure's; a comparison with a budget ("比年初预算增长") is not with
    last year's figure."""
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


TITLE_MAX = 40  # characters of a headline


def is_title(para: Paragraph) -> bool:
    """A headline: a short paragraph with no punctuation between its words ("广西上半年采购规模达467亿元"). A news
    title restates a figure of the body, rounded or cut ("467" for 467.56); it is no base for the body's figures."""
    return para.end - para.start <= TITLE_MAX and not any(
        isinstance(it, Keyword) and it.kind in ("SEP", "END") and it.text for it in para.items)
