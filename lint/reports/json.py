"""--format json: the public contract documented in docs/json-format.md (version 1)."""
from __future__ import annotations

from .pretty import write_object

from .. import __version__
from ..check.rule import Figure, Position
from ..run.engine import FileResult


def _where(p: Position) -> dict:
    return {"line": p.line, "column": p.column, "end_line": p.end_line, "end_column": p.end_column,
            "location": p.place}


def _figure(f: Figure) -> dict:
    return {"role": f.role, "text": f.text, "label": f.label, **_where(f.at)}


def file_entry(r: FileResult) -> dict:
    """One file's entry of `files`."""
    entry = {"path": r.path, "encoding": r.encoding, "status": "error" if r.error else "checked"}
    if r.rule_errors:
        entry["rule_errors"] = list(r.rule_errors)
    if r.notes:
        entry["notes"] = list(r.notes)
    if r.error:
        entry["error"] = r.error
    else:
        entry["findings"] = len(r.findings)
        entry["checks"] = len(r.checks)
    return entry


def finding_entries(r: FileResult, lang: str) -> list[dict]:
    return [{
        "path": r.path,
        **_where(f.at),
        "code": f.rule.code,
        "name": f.rule.name,
        "family": f.rule.family,
        "severity": f.severity,
        "message": f.message.get(lang),
        "expected": f.expected,
        "fingerprint": f.fingerprint,
        "figures": [_figure(x) for x in f.figures],
    } for f in r.findings]


def check_entries(r: FileResult) -> list[dict]:
    return [{
        "path": r.path,
        "line": c.at.line,
        "column": c.at.column,
        "location": c.at.place,
        "code": c.rule.code,
        "family": c.rule.family,
        "status": c.status,
        "figures": [_figure(x) for x in c.figures],
        **({"reading": c.reading} if c.status == "unsure" else {}),
    } for c in r.checks]


def file_parts(r: FileResult, lang: str) -> tuple[dict, list[dict], list[dict]]:
    """One file's entry of `files`, and its `findings` and `checks`."""
    return file_entry(r), finding_entries(r, lang), check_entries(r)


def suppressions(report) -> dict:
    return {
        "suppressed": report.suppressed,
        "baselined": report.baselined,
        "unused": [{"path": d.path, "line": d.line, "column": d.column, "directive": d.text} for d in report.unused],
        "unused_fingerprints": report.unused_fingerprints,
        "stale_baseline": report.stale,
    }


TOOL = {"name": "fiscal-lint", "version": __version__}


def write(results: list[FileResult], lang: str, write, report=None) -> None:
    """The report, given to `write` a piece at a time (each file's entries are made as they are written)."""
    members = [
        ("version", 1, False),
        ("tool", TOOL, False),
        ("files", (file_entry(r) for r in results), True),
        ("findings", (f for r in results for f in finding_entries(r, lang)), True),
        ("checks", (c for r in results for c in check_entries(r)), True),
    ]
    if report is not None:
        members.append(("suppressions", suppressions(report), False))
    write_object(write, members)
    write("\n")


def render(results: list[FileResult], lang: str, report=None) -> str:
    out: list[str] = []
    write(results, lang, out.append, report)
    return "".join(out)
