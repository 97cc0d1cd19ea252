"""Which findings are reported: rule selection and severities from the settings, inline comments in
Markdown and HTML, fingerprints ignored in the configuration, and a baseline of accepted findings.

A finding's fingerprint (check/rule.py, given by the engine) is made of the rule, the words naming each figure
and the figures as written (after normalization), never of a position: editing other lines or moving the
paragraph keeps it.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..check.rule import Finding
from ..inputs.source import COMMENT_SUFFIXES, resolved
from ..rx import lazy
from .engine import FileResult
from .registry import all_rules
from .settings import Settings, matches

DIRECTIVE = lazy(
    r"<!--\s*fiscal-lint\s*:\s*(?P<verb>disable-next-line|disable-file|disable|enable)"
    r"(?:\s*=\s*(?P<codes>[\w\s,-]+?))?\s*-->")


@dataclass
class Directive:
    path: str
    line: int
    column: int
    verb: str
    selectors: tuple[str, ...]  # empty: every rule
    text: str
    first: int = 0  # lines it covers, inclusive
    last: int = 0
    used: int = 0

    def covers(self, line: int, code: str) -> bool:
        rules = {r.code: r for r in all_rules()}
        return self.first <= line <= self.last and (
            not self.selectors or any(matches(s, rules[code]) for s in self.selectors))


def directives(path: str, text: str) -> list[Directive]:
    """<!-- fiscal-lint: disable=FL401 --> … <!-- fiscal-lint: enable=FL401 -->, disable-next-line,
    disable-file, in Markdown and HTML files."""
    if not path.lower().endswith(COMMENT_SUFFIXES):
        return []
    lines = text.split("\n")
    out: list[Directive] = []
    open_: dict[tuple[str, ...], Directive] = {}
    for i, line in enumerate(lines, start=1):
        for m in DIRECTIVE.finditer(line):
            sel = tuple(s.strip() for s in (m.group("codes") or "").split(",") if s.strip())
            d = Directive(path, i, m.start() + 1, m.group("verb"), sel, m.group(0))
            if d.verb == "disable-file":
                d.first, d.last = 1, len(lines)
                out.append(d)
            elif d.verb == "disable-next-line":
                nxt = next((k for k in range(i + 1, len(lines) + 1) if lines[k - 1].strip()), i + 1)
                d.first = d.last = nxt
                out.append(d)
            elif d.verb == "disable":
                d.first, d.last = i, len(lines)
                open_[sel] = d
                out.append(d)
            else:  # enable closes the matching disable, or every open one when it names no rule
                for key in [k for k in open_ if not sel or k == sel]:
                    open_.pop(key).last = i
    return out


@dataclass
class Report:
    """What the filters did, for the summary and for --format json."""
    suppressed: int = 0
    baselined: int = 0
    unused: list[Directive] = field(default_factory=list)
    unused_fingerprints: list[str] = field(default_factory=list)
    stale: list[dict] = field(default_factory=list)


def _key_path(path: str) -> str:
    p = Path(path)
    try:
        return resolved(path).relative_to(resolved(".")).as_posix()
    except ValueError:
        return p.as_posix()


def load_baseline(path: str) -> Counter:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter((e["path"], e["fingerprint"]) for e in entries)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ValueError(f"{path}: not a fiscal-lint baseline ({e})") from None


def baseline_document(results: list[FileResult], lang: str) -> str:
    entries = [{"path": _key_path(r.path), "fingerprint": f.fingerprint, "code": f.rule.code,
                "message": f.message.get(lang)}
               for r in results if not r.error for f in r.findings]
    return json.dumps({"version": 1, "tool": "fiscal-lint", "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def apply(results: list[FileResult], settings_for, baseline: Counter | None = None) -> Report:
    """Filter the findings of every result in place; `settings_for(path)` gives each file's settings."""
    filters = Filter(settings_for, baseline)
    for r in results:
        filters.add(r)
    return filters.report()


class Filter:
    """apply(), one result at a time as results arrive (a streamed report writes each file before the
    next is checked); report() says what was left out, once every result has been added."""

    def __init__(self, settings_for, baseline: Counter | None = None):
        self.settings_for = settings_for
        self.summary = Report()
        self.used_fingerprints: Counter = Counter()
        self.all_fingerprints: set[str] = set()
        self.remaining = Counter(baseline) if baseline is not None else None
        self.checked: set[str] = set()

    def add(self, r: FileResult) -> None:
        """Filter the findings of one result in place."""
        if r.error:
            return
        report = self.summary
        s: Settings = self.settings_for(r.path)
        self.all_fingerprints.update(s.ignore_findings)
        where = None
        if self.remaining is not None:  # a baseline's key: the path resolved (file system calls), only for one
            where = _key_path(r.path)
            self.checked.add(where)
        # a result sent back without its document (a report that reads none) is of a file that holds no comments
        marks = directives(r.path, r.doc.norm.original) if r.doc is not None else []
        on: dict[str, bool] = {}  # by rule code: whether a rule is on resolves the file's path, once a rule will do

        def enabled(rule) -> bool:
            if rule.code not in on:
                on[rule.code] = s.enabled(rule, r.path)
            return on[rule.code]

        kept: list[Finding] = []
        for f in r.findings:
            if not enabled(f.rule):
                continue
            f.severity = s.severity_for(f.rule, f.severity)
            directive = next((d for d in marks if d.covers(f.at.line, f.rule.code)), None)
            if directive is not None:
                directive.used += 1
                report.suppressed += 1
                continue
            if f.fingerprint in s.ignore_findings:
                self.used_fingerprints[f.fingerprint] += 1
                report.suppressed += 1
                continue
            key = (where, f.fingerprint)
            if self.remaining is not None and self.remaining[key] > 0:
                self.remaining[key] -= 1
                report.baselined += 1
                continue
            kept.append(f)
        r.findings = kept
        r.checks = [c for c in r.checks if enabled(c.rule)]
        report.unused.extend(d for d in marks if not d.used and d.verb != "enable")

    def report(self) -> Report:
        report = self.summary
        report.unused_fingerprints = sorted(self.all_fingerprints - set(self.used_fingerprints))
        if self.remaining is not None:
            report.stale = [{"path": p, "fingerprint": fp, "count": n}
                            for (p, fp), n in sorted(self.remaining.items()) if n > 0 and p in self.checked]
        return report
