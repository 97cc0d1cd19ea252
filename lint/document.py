"""A document as the rules see it: source -> normalize -> blocks -> extract -> mentions -> claims."""
from __future__ import annotations

import operator
from functools import cached_property, reduce

from . import blocks as blocks_mod
from . import claims as claims_mod
from . import outline, structure, tableclaims
from . import standard as standard_mod
from . import tables as tables_mod
from .extract import extract
from .mentions import Mention, Paragraph, build
from .normalize import normalize
from .numbers import Interval
from .precision import interval
from .rule import Figure
from .source import Source


def _is_prose_cell(text: str) -> bool:
    return len(text) >= 20 and any(p in text for p in ",。;") and any(ch.isdigit() for ch in text)


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
        """Prose paragraphs, and the sentences written inside table cells ("全年共受理…办结率99.46%")."""
        text = self.norm.text
        spans = [(b.start, b.end) for b in self.blocks if b.kind == "prose"]
        spans += [(c.start, c.end) for t in self.tables for r in t.rows for c in r.cells if _is_prose_cell(c.text)]
        return [build(extract(text, a, b), a, b) for a, b in sorted(spans)]

    @cached_property
    def shares(self) -> list[claims_mod.ShareClaim]:
        return claims_mod.shares(self.paragraphs, self.sums)

    @cached_property
    def balances(self) -> list[claims_mod.BalanceClaim]:
        return claims_mod.balances(self.paragraphs)

    @cached_property
    def crossrefs(self) -> list[claims_mod.CrossRef]:
        return claims_mod.crossrefs(self.paragraphs, self.sums)

    @cached_property
    def enumerations(self) -> list[claims_mod.EnumClaim]:
        return [c for p in self.paragraphs for c in claims_mod.enumerations(p, self.norm.text)]

    @cached_property
    def rates(self) -> list[claims_mod.RateClaim]:
        return claims_mod.rates(self.paragraphs)

    def _claims(self, builder) -> list:
        return [c for p in self.paragraphs for c in builder(p)]

    @cached_property
    def sums(self) -> list[claims_mod.SumClaim]:
        return self._claims(claims_mod.sums)

    @cached_property
    def changes(self) -> list[claims_mod.ChangeClaim]:
        return self._claims(claims_mod.changes)

    @cached_property
    def tables(self) -> list[tables_mod.Table]:
        text = self.norm.text
        out = []
        for b in self.blocks:
            if b.kind == "table":
                before = text[max(0, b.start - 200): b.start]
                out.extend(tables_mod.parse_all(text, b, before))
        return out

    @cached_property
    def executions(self) -> list[claims_mod.ExecClaim]:
        return self._claims(claims_mod.executions) + [c for t in self.tables for c in tableclaims.executions(t)]

    @cached_property
    def table_sums(self) -> list[claims_mod.SumClaim]:
        """Column totals of ordinary tables; the standard tables have rules of their own."""
        standard = {id(t) for st in self.standard if standard_mod.hierarchy(st) or standard_mod.row_totals(st)
                    for t in st.tables}
        return [c for t in self.tables if id(t) not in standard for c in tableclaims.table_sums(t)]

    @cached_property
    def standard(self) -> list[standard_mod.StandardTable]:
        return standard_mod.find(self.norm.text, self.tables)

    @cached_property
    def comparisons(self) -> list[claims_mod.ComparisonClaim]:
        return self._claims(claims_mod.comparisons)

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
    def score_tables(self) -> list[tableclaims.ScoreTable]:
        return [st for t in self.tables for st in tableclaims.score_tables(t)]

    @cached_property
    def sections(self) -> list[outline.Section]:
        return outline.parse(self.norm.text, [(b.start, b.end) for b in self.blocks if b.kind == "prose"])

    def paragraph_of(self, m: Mention) -> Paragraph:
        for p in self.paragraphs:
            if p.start <= m.q.start <= p.end:
                return p
        raise LookupError(m)

    def interval(self, m: Mention, peers: list[Mention] = (), mode: str | None = None) -> Interval | None:
        return interval(m.q, [p.q for p in peers if p is not None], mode=mode or self.rounding)

    def total(self, figures, peers) -> Interval | None:
        """The interval of the sum of `figures`, each read among `peers`; None when one is an estimate."""
        ivs = [self.interval(f, peers) for f in figures]
        if not ivs or any(iv is None for iv in ivs):
            return None
        return reduce(operator.add, ivs)

    def only_truncated(self, stated: Mention, computed: Interval, sign: int = 1) -> bool:
        """True when a percent that fails as rounded would pass as truncated (95.457% written 95.45%):
        many offices cut digits, so this is worth a note, not an error."""
        if self.rounding == "truncate":
            return False
        iv = self.interval(stated, mode="truncate")
        return iv is not None and computed.overlaps(-iv if sign < 0 else iv)

    def figure(self, m, role: str) -> Figure:
        """A figure of a claim; table cells carry their row and column labels."""
        in_table = isinstance(m, tableclaims.TableFigure)
        return Figure(role=role, start=m.q.start, end=m.q.end, text=self.written(m.q.start, m.q.end),
                      label=m.label if in_table else "", context=getattr(m, "label", ""))

    def written(self, start: int, end: int) -> str:
        """The original text of a normalized span (fullwidth digits and all)."""
        a = self.norm.origin(start)
        b = self.norm.origin(end - 1) + 1 if end > start else a
        return self.norm.original[a:b]
