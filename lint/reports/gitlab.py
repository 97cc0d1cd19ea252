"""--format gitlab: GitLab code quality report (a JSON array), fingerprinted per claim."""
from __future__ import annotations

import hashlib
from collections import Counter

from ..run.engine import FileResult
from .common import place_note
from .pretty import dumps

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(results: list[FileResult], lang: str) -> str:
    issues = []
    seen: Counter = Counter()
    for r in results:
        if r.error:
            continue
        for f in r.findings:
            # one fingerprint per issue: the claim's, told apart from its twins in the same file
            key = (r.path, f.fingerprint)
            seen[key] += 1
            fp = hashlib.sha1(f"{r.path}\x1f{f.fingerprint}\x1f{seen[key]}".encode()).hexdigest()
            issues.append({
                "description": f"{f.rule.code} {f.message.get(lang)}{place_note(f.at)}",
                "check_name": f"{f.rule.code} {f.rule.name}",
                "fingerprint": fp,
                "severity": SEVERITY[f.severity],
                "location": {"path": r.path, "lines": {"begin": f.at.line, "end": f.at.end_line}},
            })
    return dumps(issues) + "\n"
