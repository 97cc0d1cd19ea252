"""A document as the rules see it: source -> normalize -> blocks -> extract -> mentions -> claims.

The text stages are properties here; claims are built by the kinds registered in lint/claims/kinds.py."""
from __future__ import annotations

import operator
from functools import cached_property, reduce

from ..arith.numbers import Interval
from ..arith.precision import interval
from ..inputs.source import Source
from ..parse.extract import extract
from ..parse.mentions import Mention, Paragraph, build
from ..text import blocks as blocks_mod
from ..text import caps, outline, structure
from ..text import tables as tables_mod
from ..text.normalize import normalize
from .kinds import builders


def _is_prose_cell(text: str) -> bool:
    return len(text) >= 20 and any(p in text for p in ",。;") and any(ch.isdigit() for ch in text)


class Document:
    def __init__(self, source: Source, rounding: str = "round", rule_options: dict[str, dict] | None = None):
        self.source = source
        self.rounding = rounding
        self.rule_options = rule_options or {}  # rule code -> the options configured for it (validated)
        self.norm = normalize(source.text)
        self.blocks = blocks_mod.split(self.norm.text)
        # (what was being read, the exception) for claim builders that raised; the engine reports them
        self.broken: list[tuple[str, Exception]] = []
        # what the caps of an absurd document left unread (text/caps.py); the engine reports them
        self.notes = caps.Notes(self.norm, source.notes)

    @property
    def path(self) -> str:
        return self.source.path

    def __getattr__(self, name: str):
        """Claims of a registered kind ("sums", "changes" …), built once, on first use."""
        if name.startswith("_"):
            raise AttributeError(name)
        found = builders(name)
        if not found:
            raise AttributeError(f"no claim kind {name!r}")
        claims = []
        self.__dict__[name] = claims  # set first, so that a builder that fails is not run again by each rule
        for build_kind in found:
            try:
                claims.extend(build_kind(self))
            except Exception as e:  # a bug loses this builder's claims, not the other kinds' or rules'
                self.broken.append((f"{name} claims", e))
        return claims

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        """Prose paragraphs, and the sentences written inside table cells ("全年共受理…办结率99.46%")."""
        text = self.norm.text
        spans = [(b.start, b.end) for b in self.blocks if b.kind == "prose"]
        spans += [(c.start, c.end) for t in self.tables for r in t.rows for c in r.cells if _is_prose_cell(c.text)]
        return [build(extract(text, a, b, self.notes), a, b) for a, b in sorted(spans)]

    @cached_property
    def tables(self) -> list[tables_mod.Table]:
        text = self.norm.text
        out = []
        for b in self.blocks:
            if b.kind == "table":
                before = text[max(0, b.start - 200): b.start]
                out.extend(tables_mod.parse_all(text, b, before, self.notes))
        return out

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        for line in self.norm.text.split("\n"):
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    @cached_property
    def years(self) -> list[structure.YearClaim]:
        return structure.years(self.norm.text, self.lines)

    @cached_property
    def toc(self) -> list[structure.TocEntry]:
        return structure.toc(self.norm.text, self.lines)

    @cached_property
    def sections(self) -> list[outline.Section]:
        return outline.parse(self.norm.text, [(b.start, b.end) for b in self.blocks if b.kind == "prose"])

    def options(self, rule) -> dict:
        """A rule's options for this document: its declared defaults, overridden by the configuration."""
        return {name: opt.default for name, opt in rule.options.items()} | self.rule_options.get(rule.code, {})

    def interval(self, m: Mention, peers: list[Mention] = (), mode: str | None = None) -> Interval | None:
        return interval(m.q, [p.q for p in peers if p is not None], mode=mode or self.rounding)

    def total(self, figures, peers) -> Interval | None:
        """The interval of the sum of `figures`, each read among `peers`; None when one is an estimate."""
        ivs = [self.interval(f, peers) for f in figures]
        if not ivs or any(iv is None for iv in ivs):
            return None
        return reduce(operator.add, ivs)

    def _as_truncated(self, stated: Mention, computed: Interval, sign: int) -> bool | None:
        """Would the stated figure agree if the document truncated? None when that is not asked (the run
        already reads it as truncated) or the figure has no interval."""
        if self.rounding == "truncate":
            return None
        iv = self.interval(stated, mode="truncate")
        return None if iv is None else computed.overlaps(-iv if sign < 0 else iv)

    def only_truncated(self, stated: Mention, computed: Interval, sign: int = 1) -> bool:
        """True when a percent that fails as rounded would pass as truncated (95.457% written 95.45%):
        many offices cut digits, so this is worth a note, not an error."""
        return self._as_truncated(stated, computed, sign) is True

    def rounds_up(self, stated: Mention, computed: Interval, sign: int = 1) -> bool:
        """True when a percent that agrees as rounded would not agree as truncated (40.456% written 40.46%):
        the document rounds, so a figure elsewhere that agrees only as truncated is wrong."""
        return self._as_truncated(stated, computed, sign) is False

    def written(self, start: int, end: int) -> str:
        """The original text of a normalized span (fullwidth digits and all)."""
        a = self.norm.origin(start)
        b = self.norm.origin(end - 1) + 1 if end > start else a
        return self.norm.original[a:b]
