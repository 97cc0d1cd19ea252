"""--format gitlab: GitLab code quality report (a JSON array), fingerprinted per claim."""
from __future__ import annotations

import hashlib
import json
from collections import Counter

from ..inputs.located import describe
from ..run.engine import FileResult

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(results: list[FileResult], lang: str) -> str:
    issues = []
    seen: Counter = Counter()
    for r in results:
        if r.error:
            continue
        for f in r.findings:
            line, _ = r.doc.norm.line_col(f.anchor.start)
            end_line, _ = r.doc.norm.end_line_col(f.anchor.end)
            # one fingerprint per issue: the claim's, told apart from its twins in the same file
            key = (r.path, f.fingerprint)
            seen[key] += 1
            fp = hashlib.sha1(f"{r.path}\x1f{f.fingerprint}\x1f{seen[key]}".encode()).hexdigest()
            place = r.doc.source.place(r.doc.norm.origin(f.anchor.start))
            at = f" [{describe(place)}]" if place else ""
            issues.append({
                "description": f"{f.rule.code} {f.message.get(lang)}{at}",
                "check_name": f"{f.rule.code} {f.rule.name}",
                "fingerprint": fp,
                "severity": SEVERITY[f.severity],
                "location": {"path": r.path, "lines": {"begin": line, "end": end_line}},
            })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
