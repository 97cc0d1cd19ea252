"""--format concise: one line per finding, `path:line:col: CODE message`."""
from __future__ import annotations

from ..run.engine import FileResult
from .common import at, printable


def render(results: list[FileResult], lang: str) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(f"{printable(r.path)}:1:1: E000 {printable(r.error)}")
            continue
        lines += [f"{at(r.path, f.at)}: {f.rule.code} {printable(f.message.get(lang))}" for f in r.findings]
    return "\n".join(lines) + ("\n" if lines else "")
