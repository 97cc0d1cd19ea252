"""What a rule is and what it reports: findings (something is wrong) and checks (a relation that
was verified: pass, fail, or unsure). Rules live in the `fiscal_lint.rules` package, one module per family;
a module declares `RULES`, the `FAMILY` its rules belong to (or `FAMILIES`, when it holds rules of
several) and a `check(doc)` generator, and is found by lint/run/registry.py. The rule modules are
the only registry: families, their titles, codes and severities are read from them and checked there.

A rule yields one verdict for each relation it verifies: a passing `Check` when the relation holds, a
`Finding` when it does not. The engine records the failing check of a finding itself, so a rule never
yields a `Check` with status fail.
"""
from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from ..claims.tabular import TableFigure

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Message:
    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Family:
    """A family of rules: its name (in reports and the JSON contract) and the title of its page."""
    name: str
    title: Message


@dataclass(frozen=True)
class Option:
    """A setting of one rule, read from `[tool.fiscal-lint.rules.CODE]` (or the rule's name): its default
    gives its type (bool, int, float — which also takes an int — or str)."""
    default: bool | int | float | str
    summary: Message
    minimum: int | float | None = None  # for numbers: the smallest value that makes sense

    def problem(self, value) -> str | None:
        """Why `value` cannot be this option's value, or None when it can."""
        kind = type(self.default)
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) if kind is float else \
            type(value) is kind
        if not ok:
            what = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}[kind]
            return f"must be {what}, not {value!r}"
        if self.minimum is not None and value < self.minimum:
            return f"must be at least {self.minimum}, not {value!r}"
        return None


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
    # settings of this rule by name (kebab-case); rules read them with doc.options(rule)
    options: dict[str, Option] = field(default_factory=dict, hash=False)

    def __reduce_ex__(self, protocol):
        # a rule of a rule module crosses to another process by name, as a class does: every finding and check
        # names its rule, and re-creating the rule (its messages, options, examples) for each of them made
        # two thirds of the time a worker's results took to unpickle
        known, module = _RELEASED.get(self.code, (None, ""))
        if known is self:
            return _released, (module, self.code)
        return super().__reduce_ex__(protocol)


_RELEASED: dict[str, tuple[Rule, str]] = {}  # code -> (the rule, its module), filled by the registry


def release(rule: Rule, module: str) -> None:
    """`rule` is the module-level rule `module` declares: it pickles as a reference to it."""
    _RELEASED[rule.code] = (rule, module)


@cache
def _released(module: str, code: str) -> Rule:
    return next(r for r in importlib.import_module(module).RULES if r.code == code)


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
class Broken:
    """In place of the verdicts of one relation that raised while they were worked out (a bug): the
    engine reports it, and only that relation is lost, not the rule's others on the document."""
    error: Exception


def guarded(verdicts: Iterable[Check | Finding]) -> Iterator[Check | Finding | Broken]:
    """The verdicts of one relation as a rule gives them; if it raises, those given stand and a Broken
    takes the place of the rest."""
    try:
        yield from verdicts
    except Exception as e:
        yield Broken(e)


@dataclass
class Finding:
    rule: Rule
    severity: str
    message: Message
    anchor: Figure  # the figure that is blamed
    figures: list[Figure]
    expected: str | None = None  # the figure that would be consistent, as it would be written
    fingerprint: str = ""  # stable across edits elsewhere and moves: rule, labels, figures as written
    # how the relation was read when its reading needed a guess (a remote total, one of several candidate
    # figures): such a relation is not reported as wrong but recorded as an unsure check
    unsure: str = ""
    # the rule whose relation failed, when the finding is another rule's: a breakdown whose parts add up
    # to another figure is reported by FL102 (sum-other-total), but the relation checked is FL101's
    relation: Rule | None = None
    # a percent that agrees only if the document truncates: an error where the document is seen to round
    # (run/grade.py), else a note
    truncated: bool = False

    def check(self) -> Check:
        """The failing check this finding stands for: same relation, same figures."""
        return Check(self.relation or self.rule, "fail", self.anchor, self.figures)

    @property
    def at(self) -> Position:
        return self.anchor.at


def fingerprint(text: str, f: Finding) -> str:
    """What identifies a finding across edits elsewhere and moves: its rule, the words naming each figure and the
    figures as written in `text`, the normalized text (never a position)."""
    parts = [f.rule.code]
    for fig in f.figures:
        parts.append(f"{fig.role}:{fig.label or fig.context}:{text[fig.start:fig.end]}")
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass
class Check:
    rule: Rule
    status: str  # "pass" | "fail" | "unsure" (it fails as read, but the reading needed a guess)
    anchor: Figure
    figures: list[Figure] = field(default_factory=list)
    reading: str = ""  # for "unsure": what was guessed
    message: Message | None = None  # for "unsure": what the arithmetic gives as read
    rounds: bool = False  # a percent that agrees as rounded and not as truncated: the document rounds

    @property
    def at(self) -> Position:
        return self.anchor.at
