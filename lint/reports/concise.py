"""--format concise: one line per finding, `path:line:col: CODE message`."""
from __future__ import annotations

from ..inputs.located import describe
from ..run.engine import FileResult, where


def render(results: list[FileResult], lang: str) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(f"{r.path}:1:1: E000 {r.error}")
            continue
        for f in r.findings:
            line, col, place = where(r, f.anchor.start)
            at = f"{r.path}:{line}:{col}" if place is None else f"{r.path} [{describe(place)}]"
            lines.append(f"{at}: {f.rule.code} {f.message.get(lang)}")
    return "\n".join(lines) + ("\n" if lines else "")
