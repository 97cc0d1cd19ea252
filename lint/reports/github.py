"""--format github: workflow commands that GitHub shows as annotations, and a Markdown summary written
to $GITHUB_STEP_SUMMARY when it is set (GitHub shows only 10 errors and 10 warnings per step).

What comes from a document or a file name is escaped: in a command by GitHub's rules (% as %25, CR and LF as
%0D and %0A, and : and , in properties), with any other control character written out (\\x1b: the log would
act on an escape sequence); in the summary, so that Markdown and HTML in it are shown, not rendered."""
from __future__ import annotations

import os
from collections import Counter

from ..run.engine import FileResult
from .common import message, printable

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return printable(s, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], lang: str) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(f"::error file={escape_property(r.path)}::{escape_data(r.error)}")
            continue
        lines += [f"::notice file={escape_property(r.path)}::{escape_data(note)}" for note in r.notes]
        for f in r.findings:
            p = f.at
            fields = [("file", r.path)]
            if p.place is None:  # lines only mean something in a text file
                fields += [("line", p.line), ("endLine", p.end_line), ("col", p.column), ("endColumn", p.end_column)]
            fields.append(("title", f"{f.rule.code} {f.rule.name}"))
            props = ",".join(f"{k}={escape_property(str(v))}" for k, v in fields)
            lines.append(f"::{COMMAND[f.severity]} {props}::{escape_data(message(f, lang))}")
    return "\n".join(lines) + ("\n" if lines else "")


MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~"} | {"&": "&amp;"})


def cell(s: str) -> str:
    """Text for one cell of a Markdown table, shown as written: no line break, no markup, no HTML."""
    return printable(s).translate(MARKDOWN)


def summary(results: list[FileResult], lang: str) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: every finding, not only the first ten of each kind."""
    findings = [(r, f) for r in results if not r.error for f in r.findings]
    counts = Counter(f.rule.code for _, f in findings)
    out = ["## fiscal-lint", ""]
    if not findings and not any(r.error for r in results):
        out.append(f"{len(results)} file(s) checked, no findings.")
        return "\n".join(out) + "\n"
    out += ["| rule | findings |", "|---|---|"] + [f"| {code} | {n} |" for code, n in sorted(counts.items())]
    out += ["", "| file | line | rule | severity | message |", "|---|---|---|---|---|"]
    for r, f in findings:
        out.append(f"| {cell(r.path)} | {f.at.line} | {f.rule.code} | {f.severity} | {cell(f.message.get(lang))} |")
    for r in results:
        if r.error:
            out.append(f"| {cell(r.path)} | | | error | {cell(r.error)} |")
    return "\n".join(out) + "\n"


def write_summary(results: list[FileResult], lang: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as f:
            f.write(summary(results, lang))
