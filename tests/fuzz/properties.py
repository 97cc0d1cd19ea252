"""What must hold for any input: fiscal-lint reads it without raising, no rule fails on it, and every report
renders. Shared by the property tests and the long fuzz target."""
from __future__ import annotations

import io
import json
import time

from fiscal_lint.inputs.decode import InputError, decode
from fiscal_lint.inputs.source import Source
from fiscal_lint.reports import concise, github, gitlab, html, sarif
from fiscal_lint.reports import json as json_report
from fiscal_lint.reports import text as text_report
from fiscal_lint.run.engine import FileResult, lint_source
from rich.console import Console


def lint(text: str, path: str = "doc.txt") -> FileResult:
    result = lint_source(Source(path=path, text=text, encoding="utf-8"))
    assert result.error is None
    assert result.rule_errors == [], "\n".join(result.rule_tracebacks)
    return result


def render_all(result: FileResult, langs=("en", "zh")) -> None:
    for lang in langs:
        json.loads(json_report.render([result], lang))
        json.loads(sarif.render([result], lang, root="."))
        json.loads(gitlab.render([result], lang))
        html.render([result], lang)
        for out in (concise.render([result], lang), github.render([result], lang), github.summary([result], lang)):
            assert "\x1b" not in out
        buf = io.StringIO()
        text_report.render([result], lang, Console(file=buf, force_terminal=False, soft_wrap=True, highlight=False),
                           show_unsure=True)
        assert "\x1b" not in buf.getvalue()


def check_text(text: str, langs=None) -> float:
    """The property on one document; returns the seconds it took (the long target holds inputs to a budget).
    `langs`: the languages to render in (default: one of the two, by the length of the text)."""
    t = time.perf_counter()
    render_all(lint(text), langs or (("en", "zh")[len(text) % 2],))
    return time.perf_counter() - t


def check_bytes(data: bytes, langs=None) -> float:
    t = time.perf_counter()
    try:
        text, _ = decode(data)
    except InputError:
        return time.perf_counter() - t
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    render_all(lint(text), langs or (("en", "zh")[len(data) % 2],))
    return time.perf_counter() - t
