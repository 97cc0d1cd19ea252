"""--format json: the public contract documented in docs/json-format.md (version 1)."""
from __future__ import annotations

import json

from .. import __version__
from ..check.rule import Figure
from ..run.engine import FileResult


def _where(doc, start: int, end: int) -> dict:
    line, col = doc.norm.line_col(start)
    end_line, end_col = doc.norm.end_line_col(end)
    place = doc.source.place(doc.norm.origin(start))
    return {"line": line, "column": col, "end_line": end_line, "end_column": end_col, "location": place}


def _figure(doc, f: Figure) -> dict:
    return {"role": f.role, "text": f.text, "label": f.label, **_where(doc, f.start, f.end)}


def render(results: list[FileResult], lang: str, report=None) -> str:
    files, findings, checks = [], [], []
    for r in results:
        entry = {"path": r.path, "encoding": r.encoding, "status": "error" if r.error else "checked"}
        if r.rule_errors:
            entry["rule_errors"] = list(r.rule_errors)
        if r.error:
            entry["error"] = r.error
        else:
            entry["findings"] = len(r.findings)
            entry["checks"] = len(r.checks)
        files.append(entry)
        for f in r.findings:
            findings.append({
                "path": r.path,
                **_where(r.doc, f.anchor.start, f.anchor.end),
                "code": f.rule.code,
                "name": f.rule.name,
                "family": f.rule.family,
                "severity": f.severity,
                "message": f.message.get(lang),
                "expected": f.expected,
                "fingerprint": f.fingerprint,
                "figures": [_figure(r.doc, x) for x in f.figures],
            })
        for c in r.checks:
            line, col = r.doc.norm.line_col(c.anchor.start)
            checks.append({
                "path": r.path,
                "line": line,
                "column": col,
                "location": r.doc.source.place(r.doc.norm.origin(c.anchor.start)),
                "code": c.rule.code,
                "family": c.rule.family,
                "status": c.status,
                "figures": [_figure(r.doc, x) for x in c.figures],
                **({"reading": c.reading} if c.status == "unsure" else {}),
            })
    doc = {"version": 1, "tool": {"name": "fiscal-lint", "version": __version__},
           "files": files, "findings": findings, "checks": checks}
    if report is not None:
        doc["suppressions"] = {
            "suppressed": report.suppressed,
            "baselined": report.baselined,
            "unused": [{"path": d.path, "line": d.line, "column": d.column, "directive": d.text} for d in report.unused],
            "unused_fingerprints": report.unused_fingerprints,
            "stale_baseline": report.stale,
        }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
