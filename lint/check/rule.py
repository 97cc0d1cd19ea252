"""What a rule is and what it reports: findings (something is wrong) and checks (a relation that
was verified, pass or fail). Rules live in the `fiscal_lint.rules` package, one module per family;
a module declares `RULES` and a `check(doc)` generator, and is found without being registered.

A rule yields one verdict for each relation it verifies: a passing `Check` when the relation holds, a
`Finding` when it does not. The engine records the failing check of a finding itself, so a rule never
yields a `Check` with status fail.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from types import ModuleType

from ..claims.tabular import TableFigure

FAMILIES = ("sum", "change", "execution", "share", "ratio", "score", "count", "balance", "crossref")
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Message:
    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Rule:
    code: str  # frozen once released: never renumbered, never reused
    name: str
    family: str
    severity: str  # the default
    summary: Message
    explanation: Message | None = None
    good: str = ""  # a consistent example: no finding (run by the tests)
    bad: str = ""  # an inconsistent example: a finding of this rule (run by the tests)


@dataclass(frozen=True)
class Position:
    """Where a figure stands in the file: worked out once, by the engine, after the rules ran."""
    line: int  # 1-based, in the original text (for PDF/Office/HTML inputs, the text fiscal-lint extracted)
    column: int  # in characters, not bytes
    end_line: int  # just after the last character
    end_column: int
    place: dict | None  # PDF, Word, Excel and HTML inputs: the place in the original (page and line, cell …)
    span: tuple[int, int]  # [start, end) in the original text


@dataclass
class Figure:
    """A figure taking part in a claim, as written, with its part in the relation."""
    role: str  # total, part, current, delta, percent, previous, budget, actual, balance, rate, adjustment
    start: int  # offsets in the normalized text
    end: int
    text: str = ""  # the original text of the figure
    label: str = ""  # for table cells: "row label · column header"
    context: str = ""  # the words naming the figure in prose; part of the fingerprint, not shown
    at: Position | None = field(default=None, compare=False, repr=False)  # filled in by the engine


def figure(doc, m, role: str) -> Figure:
    """A figure of a claim, as the document wrote it; table cells carry their row and column labels."""
    in_table = isinstance(m, TableFigure)
    return Figure(role=role, start=m.q.start, end=m.q.end, text=doc.written(m.q.start, m.q.end),
                  label=m.label if in_table else "", context=getattr(m, "label", ""))


@dataclass
class Finding:
    rule: Rule
    severity: str
    message: Message
    anchor: Figure  # the figure that is blamed
    figures: list[Figure]
    expected: str | None = None  # the figure that would be consistent, as it would be written
    fingerprint: str = ""  # stable across edits elsewhere and moves: rule, labels, figures as written
    # the rule whose relation failed, when the finding is another rule's: a breakdown whose parts add up
    # to another figure is reported by FL102 (sum-other-total), but the relation checked is FL101's
    relation: Rule | None = None

    def check(self) -> Check:
        """The failing check this finding stands for: same relation, same figures."""
        return Check(self.relation or self.rule, "fail", self.anchor, self.figures)

    @property
    def at(self) -> Position:
        return self.anchor.at


@dataclass
class Check:
    rule: Rule
    status: str  # "pass" | "fail"
    anchor: Figure
    figures: list[Figure] = field(default_factory=list)

    @property
    def at(self) -> Position:
        return self.anchor.at


def rule_modules() -> list[ModuleType]:
    from .. import rules as package  # the rules/ folder, installed as fiscal_lint.rules

    mods = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(mod, "RULES") and hasattr(mod, "check"):
            mods.append(mod)
    return mods


def all_rules() -> list[Rule]:
    seen: dict[str, Rule] = {}
    for mod in rule_modules():
        for r in mod.RULES:
            if r.code in seen:
                raise RuntimeError(f"rule code {r.code} declared twice")
            if r.family not in FAMILIES or r.severity not in SEVERITIES:
                raise RuntimeError(f"rule {r.code}: bad family or severity")
            seen[r.code] = r
    return sorted(seen.values(), key=lambda r: r.code)
