"""The outline of a report's scoring section: headings with scores and the item scores under them.

"1、投入 5 分" / "(1) 预算执行得 20 分。…得 5 分；…得 5 分" — a heading's score should be the sum of its
sub-headings' scores, or, where it has none, of the item scores ("得N分") written under it. Marker
levels follow the usual order 一、 > (一) > 1、/1. > (1) > ①. A heading whose children are not all
scored, or that has both scored children and loose items, is left unchecked: its structure is
ambiguous (real reports mis-number their sub-headings) and a false alarm costs more than a miss.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..arith.quantity import Quantity
from ..rx import lazy

MARKERS = [
    ("cn", r"[一二三四五六七八九十]+、"),
    ("pcn", r"[(（][一二三四五六七八九十]+[)）]"),
    ("num", r"\d{1,2}(?:、|[.．](?!\d))"),
    ("pnum", r"[(（]\d{1,2}[)）]"),
    ("circle", r"[①-⑳]"),
]
LEVEL = {name: i for i, (name, _) in enumerate(MARKERS)}
HEADING = lazy(r"^\s*(?:" + "|".join(f"(?P<{n}>{p})" for n, p in MARKERS) + r")\s*(?P<title>[^。;:!?]{0,40})")
NOT_POINTS = r"(?![值数类析别])"  # 分值, 分数, 分类, 分析, 分别 are not points
HEADING_SCORE = lazy(r"(?P<title>[^。;:!?\d]{1,30}?)\s*(?:得分为|得分|得)?\s*(?P<score>\d+(?:\.\d+)?)\s*分" + NOT_POINTS)
# "…相符的得10分,基本相符的得6分": 的得 is a criterion of a scoring standard, what a case would score, not an item's score
ITEM_SCORE = lazy(r"(?<!满|总|分值|权重|的)(?:得分为|得分|得)\s*(?P<score>\d+(?:\.\d+)?)\s*分" + NOT_POINTS)


@dataclass
class Score:
    value: Decimal
    text: str
    start: int  # normalized offsets of the number
    end: int

    @property
    def q(self) -> Quantity:
        digits = self.text
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        return Quantity(text=digits, start=self.start, end=self.end, value=self.value, scale=Decimal(1),
                        kind="score", unit="分", decimals=decimals, number=digits)

    @property
    def label(self) -> str:
        return ""


@dataclass
class Section:
    level: int
    title: str
    score: Score | None
    start: int
    children: list[Section] = field(default_factory=list)
    items: list[Score] = field(default_factory=list)
    parent: Section | None = None


def _score(m, group: str, offset: int) -> Score:
    return Score(Decimal(m.group(group)), m.group(group), offset + m.start(group), offset + m.end(group))


def parse(text: str, paragraphs: list[tuple[int, int]]) -> list[Section]:
    """Every scored heading (with children and items filled in), in document order."""
    stack: list[Section] = []
    scored: list[Section] = []
    for a, b in paragraphs:
        line = text[a:b]
        m = HEADING.match(line)
        body_from = 0
        if m:
            kind = next(n for n, _ in MARKERS if m.group(n))
            level = LEVEL[kind]
            rest_at = m.start("title")
            hs = HEADING_SCORE.match(line, rest_at)
            score = _score(hs, "score", a) if hs else None
            title = (hs.group("title") if hs else m.group("title")).strip()
            while stack and stack[-1].level >= level:
                stack.pop()
            section = Section(level, title, score, a, parent=stack[-1] if stack else None)
            if section.parent:
                section.parent.children.append(section)
            stack.append(section)
            if score:
                scored.append(section)
            body_from = hs.end() if hs else m.end()
        if not stack:
            continue
        for im in ITEM_SCORE.finditer(line, body_from):
            stack[-1].items.append(_score(im, "score", a))
    return scored
