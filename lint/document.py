"""A document as the rules see it: source -> normalize -> blocks -> extract -> mentions -> claims."""
from __future__ import annotations

from functools import cached_property

from . import blocks as blocks_mod
from . import claims as claims_mod
from .extract import extract
from .mentions import Mention, Paragraph, build
from .normalize import normalize
from .numbers import Interval
from .precision import interval
from .rule import Figure
from .source import Source


class Document:
    def __init__(self, source: Source, rounding: str = "round"):
        self.source = source
        self.rounding = rounding
        self.norm = normalize(source.text)
        self.blocks = blocks_mod.split(self.norm.text)

    @property
    def path(self) -> str:
        return self.source.path

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        text = self.norm.text
        return [build(extract(text, b.start, b.end), b.start, b.end)
                for b in self.blocks if b.kind == "prose"]

    def _claims(self, builder) -> list:
        return [c for p in self.paragraphs for c in builder(p)]

    @cached_property
    def sums(self) -> list[claims_mod.SumClaim]:
        return self._claims(claims_mod.sums)

    @cached_property
    def changes(self) -> list[claims_mod.ChangeClaim]:
        return self._claims(claims_mod.changes)

    @cached_property
    def executions(self) -> list[claims_mod.ExecClaim]:
        return self._claims(claims_mod.executions)

    def paragraph_of(self, m: Mention) -> Paragraph:
        for p in self.paragraphs:
            if p.start <= m.q.start <= p.end:
                return p
        raise LookupError(m)

    def interval(self, m: Mention, peers: list[Mention] = (), mode: str | None = None) -> Interval | None:
        return interval(m.q, [p.q for p in peers if p is not None], mode=mode or self.rounding)

    def only_truncated(self, stated: Mention, computed: Interval, sign: int = 1) -> bool:
        """True when a percent that fails as rounded would pass as truncated (95.457% written 95.45%):
        many offices cut digits, so this is worth a note, not an error."""
        if self.rounding == "truncate":
            return False
        iv = self.interval(stated, mode="truncate")
        return iv is not None and computed.overlaps(-iv if sign < 0 else iv)

    def figure(self, m: Mention, role: str) -> Figure:
        return Figure(role=role, start=m.q.start, end=m.q.end, text=self.written(m.q.start, m.q.end))

    def written(self, start: int, end: int) -> str:
        """The original text of a normalized span (fullwidth digits and all)."""
        a = self.norm.origin(start)
        b = self.norm.origin(end - 1) + 1 if end > start else a
        return self.norm.original[a:b]
