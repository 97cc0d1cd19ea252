"""--format concise: one line per finding, `path:line:col: CODE message`."""
from __future__ import annotations

from ..engine import FileResult


def render(results: list[FileResult], lang: str) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(f"{r.path}:1:1: E000 {r.error}")
            continue
        for f in r.findings:
            line, col = r.doc.norm.line_col(f.anchor.start)
            lines.append(f"{r.path}:{line}:{col}: {f.rule.code} {f.message.get(lang)}")
    return "\n".join(lines) + ("\n" if lines else "")
