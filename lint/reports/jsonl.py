"""--format jsonl: the JSON contract (docs/json-format.md) streamed, one line per file.

Each file's line is written and flushed as soon as it and the files before it are checked, so a run
that is stopped or crashes halfway keeps every line already written; a last line sums the run up.
Concatenating the lines' `file`, `findings` and `checks` gives the json format's `files`, `findings`
and `checks`; the summary line carries its `tool` and `suppressions`.
"""
from __future__ import annotations

import json

from ..run.engine import FileResult
from .json import TOOL, file_parts, suppressions


def _line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"


class Writer:
    def __init__(self, stream, lang: str):
        self.stream = stream
        self.lang = lang
        self.files = self.findings = self.checks = 0

    def file(self, r: FileResult) -> None:
        entry, findings, checks = file_parts(r, self.lang)
        self.files += 1
        self.findings += len(findings)
        self.checks += len(checks)
        self.stream.write(_line({"type": "file", "version": 1, "file": entry, "findings": findings, "checks": checks}))
        self.stream.flush()

    def end(self, report=None) -> None:
        summary = {"type": "summary", "version": 1, "tool": TOOL, "files": self.files, "findings": self.findings,
                   "checks": self.checks}
        if report is not None:
            summary["suppressions"] = suppressions(report)
        self.stream.write(_line(summary))
        self.stream.flush()
