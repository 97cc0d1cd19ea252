"""Extraction: sentences with figures in them, parsed by the claim grammar into items.

A regex pre-scan picks the sentences that contain a digit (or a Chinese numeral before a measure
word); only those are parsed, each as its own LALR window, which keeps the parser off the long
stretches of prose that hold no figures (NOTES.md: ~14 µs a window).
"""
from __future__ import annotations

import functools
import pkgutil
from dataclasses import dataclass, field, replace
from decimal import Decimal

from lark import Lark, Token, Tree
from lark import lexer as lark_lexer
from lark.exceptions import LarkError

from ..arith.numbers import cn_to_int
from ..arith.quantity import Quantity
from ..text import caps
from . import scan
from ..rx import lazy

# 千/万/亿 before 元 or before a measure word ("25万余件")
MAGNITUDE = {"": 0, "千": 3, "万": 4, "亿": 8, "万亿": 12}
KIND_OF_UNIT = {
    "MONEY": "money",
    "PER_UNIT": "per",
    "PERCENT": "percent",
    "PERMILLE": "permille",
    "POINTS": "points",
    "MEASURE": "count",
    "SCORE": "score",
}




@dataclass
class Keyword:
    kind: str  # the terminal name: BASE, UP, DOWN, TOTAL, PARTS, ...
    text: str
    start: int
    end: int


@dataclass
class Label:
    text: str
    start: int
    end: int


Item = Quantity | Keyword | Label
LABEL = ("WORD", "CHAR")  # the terminals of a label's text (grammar: start)


@dataclass
class Sentence:
    start: int
    end: int
    items: list[Item] = field(default_factory=list)


@functools.cache
def parser(strict: bool = False) -> Lark:
    # pkgutil, which Lark imports anyway; importlib.resources would add its own modules to every start (1% of the
    # instructions of a check of one small file)
    grammar = pkgutil.get_data("fiscal_lint.grammars", "claims.lark").decode("utf-8")
    build = functools.partial(Lark, grammar, parser="lalr", lexer="contextual", strict=strict, cache=not strict,
                              propagate_positions=False, maybe_placeholders=False)
    if strict:
        return build()
    # With interegular installed (the test extra), Lark compares every pair of terminals for collisions whenever it
    # builds the parser, strict or not: 17-25 s on a cold cache, paid by every fresh CI job and by any user who has
    # it. The proof that no two terminals collide is strict mode's, in the tests; checking does not need it again.
    saved = lark_lexer.has_interegular
    lark_lexer.has_interegular = False
    try:
        lark = build()
    finally:
        lark_lexer.has_interegular = saved
    scan.install(lark, runs=LABEL)  # a label's text: one token a run (grammar: start)
    return lark


# a "?" right before a digit stands for a character a broken encoding lost ("支出?8639万元"), not a question
SENTENCE = lazy(r"(?:[^。!?\n]|\?(?=\d))*(?:[。!?]|\n|$)")
# a sentence is parsed when it holds a figure, or compares figures stated before it ("决算数小于预算数")
# (a run of numerals is tried from its start only: from inside it the match would end at the same place)
HAS_FIGURE = lazy(r"\d|(?<![零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]+"
                  r"(?:个|项|人|名|件|辆|台|次|批次|宗|家|团组|条|户)|大于|小于|等于|高于|低于|超过|持平")


TAIL = 8  # characters of a figureless sentence closing a paragraph with a colon that is still read


def _colon_tail(text: str, m, end: int) -> bool:
    if m.end() < end - 1:
        return False
    tail = text[m.start():m.end()].strip()
    return 0 < len(tail) <= TAIL and tail.endswith(":")


def sentences(text: str, start: int, end: int, notes=None) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end] that hold a figure; one longer than caps.MAX_SENTENCE is
    left out, and `notes` (caps.Notes) hears of it, as of the sentences past the document's caps.MAX_SENTENCES."""
    out = []
    for m in SENTENCE.finditer(text, start, end):
        # and a short last one ending in a colon: "…1116.14万元。其中:" opens a list on the lines that follow
        if m.end() > m.start() and (HAS_FIGURE.search(text, m.start(), m.end()) or _colon_tail(text, m, end)):
            if m.end() - m.start() > caps.MAX_SENTENCE:
                if notes is not None:
                    notes.at(m.start(), f"a sentence of {caps.count(m.end() - m.start())} characters (more than "
                                        f"{caps.count(caps.MAX_SENTENCE)}) was not read")
                continue
            if notes is not None:
                if notes.sentences >= caps.MAX_SENTENCES:
                    notes.once("sentences", m.start(), f"more than {caps.count(caps.MAX_SENTENCES)} sentences with "
                                                       f"figures: from here on, none was read")
                    continue
                notes.sentences += 1
            out.append((m.start(), m.end()))
    return out


def _quantity(tree: Tree, offset: int = 0) -> Quantity:
    toks: list[Token] = list(tree.children)  # type: ignore[assignment]
    start, end = toks[0].start_pos + offset, toks[-1].end_pos + offset
    approx = ""
    number = mag = unit = ""
    unit_type = ""
    chinese = False
    for t in toks:
        if t.type == "NUMBER":
            number = str(t)
        elif t.type == "CN_NUMBER":
            number, chinese = str(cn_to_int(str(t))), True
        elif t.type == "MAG":
            mag = str(t)
        elif t.type in ("PRE", "APPROX", "POST"):
            approx += str(t)
        else:
            unit, unit_type = str(t), t.type
    kind = KIND_OF_UNIT.get(unit_type, "number")
    value = Decimal(number)
    decimals = len(number.split(".")[1]) if "." in number else 0
    if kind == "money":
        scale = Decimal(1).scaleb(MAGNITUDE[mag])
    else:
        # "25万余件": the magnitude is part of the count, and its precision moves with it:
        # 20.2万个 is good to ±500 (decimals may go negative)
        value = value.scaleb(MAGNITUDE[mag])
        decimals -= MAGNITUDE[mag]
        scale = Decimal(1)
    return Quantity(text="".join(str(t) for t in toks), start=start, end=end, value=value,
                    scale=scale, kind=kind, unit=mag + unit, decimals=decimals, approx=approx,
                    chinese=chinese, number=number)


def _sign(text: str, q: Quantity, items: list[Item]) -> None:
    """"结余-5.20万元": a minus sign right before a figure, not inside a date or a range ("2024-8",
    "10-20万元"), makes it negative. The sign was lexed into the label before the figure."""
    at = q.start - 1
    if at < 0 or text[at] != "-" or q.approx:
        return
    if at > 0 and text[at - 1] in "万亿千元%":
        q.approx = "-"  # "5亿-10亿元": the upper end of a range is a bound, not a figure
        return
    if at > 0 and text[at - 1].isdigit():
        return  # "2024-8", "10-20万元": a date, or a range whose figures carry no unit of their own
    q.value, q.number, q.text, q.start = -q.value, "-" + q.number, "-" + q.text, at
    if items and isinstance(items[-1], Label) and items[-1].end == at + 1:
        label = items.pop()
        if label.text != "-":
            items.append(Label(label.text[:-1], label.start, at))


def parse_sentence(text: str, start: int, end: int) -> Sentence:
    try:
        # the sentence is parsed as a string of its own: a TextSlice makes Lark count the newlines of
        # everything before it, once per sentence, which is quadratic in the length of the document
        tree = parser().parse(text[start:end])
    except LarkError:
        # the grammar accepts any text by design; should a sentence still trip it, that sentence is
        # skipped (no claims from it) rather than the document lost
        return Sentence(start, end, [])
    items: list[Item] = []
    for child in tree.children:
        if isinstance(child, Tree):  # a quantity
            q = _quantity(child, start)
            _sign(text, q, items)
            items.append(q)
        elif child.type in LABEL:
            last = items[-1] if items else None
            if isinstance(last, Label):  # a run the scanner did not join (grammar: start)
                last.text, last.end = last.text + str(child), child.end_pos + start
            else:
                items.append(Label(str(child), child.start_pos + start, child.end_pos + start))
        else:
            items.append(Keyword(child.type, str(child), child.start_pos + start, child.end_pos + start))
    _compounds(items)
    _share_units(items)
    _compared_units(items)
    _changed_units(items)
    return Sentence(start, end, items)


def _compounds(items: list[Item]) -> None:
    """"1万5664.1亿元" (1万亿 and 5664.1亿), "139亿6932万元": a number of a larger unit written right before the
    figure, as one figure. The lexer reads a bare "1万" and the figure after it apart; they are joined here."""
    k = 0
    while k < len(items) - 1:
        a, b = items[k], items[k + 1]
        if (isinstance(a, Quantity) and isinstance(b, Quantity) and a.kind == "number" and a.end == b.start
                and a.unit in ("万", "亿", "万亿") and not a.approx and not b.approx and b.kind == "money"
                and b.unit[:-1] in ("万", "亿") and a.unit != b.unit[:-1]):
            m1, m2 = MAGNITUDE[a.unit], MAGNITUDE[b.unit[:-1]]
            first = Decimal(a.number).scaleb(m1 + m2 if m1 < m2 else m1)  # 1万 before 亿 is 1万亿
            value = (first + b.value.scaleb(m2)).scaleb(-m2)
            items[k:k + 2] = [replace(b, text=a.text + b.text, start=a.start, value=value,
                                      number=format(value, "f"))]
        k += 1


def _take_unit(bare: Quantity, written: Quantity) -> None:
    """A figure written without its unit takes the one written with another figure of the same quantity."""
    bare.kind, bare.unit = written.kind, written.unit
    if written.kind == "money":
        bare.scale = written.scale


def _share_units(items: list[Item]) -> None:
    """"4125.49、4143.91万元", "23.51、38.28%": a unit written once after a list of figures belongs to each of
    them. Walked from the right so that a chain of several figures takes the unit of the last."""
    for i in range(len(items) - 3, -1, -1):
        q, sep, nxt = items[i], items[i + 1], items[i + 2]
        if (isinstance(q, Quantity) and q.kind == "number" and not q.chinese and not q.approx
                and isinstance(sep, Keyword) and sep.kind == "SEP" and sep.text in "、,"
                and isinstance(nxt, Quantity) and nxt.kind in ("money", "percent", "permille")):
            _take_unit(q, nxt)


PREVIOUS = lazy(r"(?:比|较)(?:上年|去年|上年同期)")


def _compared_units(items: list[Item]) -> None:
    """"普通高中为19245.95元,比上年的21444.76下降10.25%", "幼儿园为8112.74,比上年的8094.21元增长0.23%": a figure and the
    one it is compared with are one quantity in two years, so the unit written with one is the other's."""
    for i in range(len(items) - 4):
        a, sep, base, of, b = items[i:i + 5]
        if not (isinstance(a, Quantity) and isinstance(b, Quantity) and isinstance(sep, Keyword) and sep.kind == "SEP"
                and sep.text == "," and isinstance(base, Keyword) and base.kind == "BASE" and PREVIOUS.fullmatch(base.text)
                and isinstance(of, Label) and of.text == "的"):
            continue
        for bare, written in ((a, b), (b, a)):
            if bare.kind == "number" and written.kind == "money" and not bare.chinese and not bare.approx and not bare.unit:
                _take_unit(bare, written)


def _changed_units(items: list[Item]) -> None:
    """"相比2016年的总收入6871.82减少243.10万元": the figure compared with, written bare right before the change, is of
    the change amount's unit (a change is measured in the quantity's own)."""
    for i in range(1, len(items) - 2):
        q, word, amount = items[i], items[i + 1], items[i + 2]
        if (isinstance(q, Quantity) and q.kind == "number" and not q.chinese and not q.approx and not q.unit
                and isinstance(word, Keyword) and word.kind in ("UP", "DOWN")
                and isinstance(amount, Quantity) and amount.kind == "money"
                and _compares(items, i)):
            _take_unit(q, amount)


def _compares(items: list[Item], i: int) -> bool:
    """A comparison word (比上年, 相比2016年的) before item i in its clause."""
    for it in reversed(items[:i]):
        if isinstance(it, Keyword) and it.kind in ("SEP", "END"):
            return False
        if isinstance(it, Keyword) and it.kind == "BASE":
            return True
    return False


def extract(text: str, start: int = 0, end: int | None = None, notes=None) -> list[Sentence]:
    end = len(text) if end is None else end
    return [parse_sentence(text, a, b) for a, b in sentences(text, start, end, notes)]
