"""--format text: for people. Each finding with its arithmetic and the source line, figures marked."""
from __future__ import annotations

import os
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from ..check.rule import Finding
from ..run.engine import FileResult
from .common import at, printable, printable_map

if TYPE_CHECKING:
    from rich.console import Console

CONTEXT = 28  # characters of the line shown around the figures
STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
WORDS = {
    "en": {"expected": "consistent figure", "clean": "no problems found", "input_error": "error", "note": "note"},
    "zh": {"expected": "一致的数字应为", "files": "个文件", "checked": "已检查", "passed": "处数字关系核对无误",
           "failed": "处不符", "errors": "个错误", "warnings": "个警告", "clean": "未发现问题",
           "input_error": "错误", "note": "说明"},
}


class Text:
    """A line of the report: its text, its style and the styles of its pieces, as rich.text.Text holds them
    (the same methods, the same spans). It becomes a rich Text only on a console that shows colours: a report
    into a file or a pipe never imports rich, which was a twelfth of the time of a check of one small file."""

    __slots__ = ("plain", "style", "spans")

    def __init__(self, text: str = "", style: str | None = None) -> None:
        self.plain, self.style, self.spans = text, style, []

    def append(self, text: str, style: str | None = None) -> Text:
        if text and style:
            self.spans.append((len(self.plain), len(self.plain) + len(text), style))
        self.plain += text
        return self

    def append_text(self, other: Text) -> Text:
        at = len(self.plain)
        if other.style:
            self.spans.append((at, at + len(other.plain), other.style))
        self.spans.extend((a + at, b + at, style) for a, b, style in other.spans)
        self.plain += other.plain
        return self

    def __add__(self, other: Text) -> Text:
        joined = Text(self.plain, self.style)
        joined.spans = list(self.spans)
        return joined.append_text(other)

    def stylize(self, style: str, start: int, end: int) -> None:
        if start < len(self.plain) and end > start:
            self.spans.append((start, min(end, len(self.plain)), style))

    def rich(self):
        from rich.text import Span
        from rich.text import Text as RichText

        return RichText(self.plain, style=self.style or "", spans=[Span(a, b, style) for a, b, style in self.spans])


def plain(stream, to_file: bool = False) -> bool:
    """Whether rich would write `stream` without colours (so the report is written there as plain text): a file
    named by --output, or a stream that is no terminal when no variable says otherwise (rich's Console.is_terminal)."""
    if to_file:
        return True
    if "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ:
        return False
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):
        return True


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _snippet(doc, f: Finding) -> list[Text]:
    """The original lines holding the finding's figures, cut to a window, with the figures marked."""
    by_line: dict[int, list[tuple[int, int, bool]]] = {}
    for fig in f.figures:
        p = fig.at
        end_col = p.end_column if p.end_line == p.line else len(doc.norm.original_line(p.line)) + 1
        by_line.setdefault(p.line, []).append((p.column, end_col, fig is f.anchor or fig.start == f.anchor.start))
    out: list[Text] = []
    gutter = max(len(str(n)) for n in by_line)
    for line in sorted(by_line):
        raw = doc.norm.original_line(line).rstrip()
        spans = sorted(by_line[line])
        # figures far apart on one long line are shown as separate windows joined by "…"
        windows: list[list[int]] = []
        for col, end_col, _ in spans:
            lo, hi = max(0, col - 1 - CONTEXT), min(len(raw), end_col - 1 + CONTEXT)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        shown = ""
        offsets: list[tuple[int, int]] = []  # (start in raw, start in shown) per window
        for lo, hi in windows:
            shown += "…" if lo > 0 or shown else ""
            offsets.append((lo, len(shown)))
            shown += raw[lo:hi]
        if windows[-1][1] < len(raw):
            shown += "…"
        shown, moved = printable_map(shown)  # control characters of the document shown as \x1b, never acted on
        body = Text(shown)
        marks = [" "] * _width(shown)
        for col, end_col, is_anchor in spans:
            lo, at = next((o for o in reversed(offsets) if o[0] <= col - 1), offsets[0])
            a, b = col - 1 - lo + at, end_col - 1 - lo + at
            a, b = moved[min(a, len(moved) - 1)], moved[min(b, len(moved) - 1)]
            body.stylize("bold red" if is_anchor else "cyan", a, b)
            start_w = _width(shown[:a])
            for k in range(start_w, start_w + _width(shown[a:b])):
                if k < len(marks) and (is_anchor or marks[k] == " "):
                    marks[k] = "^" if is_anchor else "~"
        text = Text(f"  {line:>{gutter}} │ ", style="dim")
        text.append_text(body)
        out.append(text)
        caret = Text(f"  {' ' * gutter} │ ", style="dim")
        caret.append("".join(marks).rstrip(), style="bold red")
        out.append(caret)
    return out


MAX_TABLE_FIGURES = 8


def _table_figures(f: Finding) -> list[Text]:
    """Table findings: each figure on its own line with the row and column it sits under."""
    out: list[Text] = []
    ordered = [f.anchor] + [x for x in f.figures if x.start != f.anchor.start]
    gutter = max(len(str(x.at.line)) for x in ordered)
    for fig in ordered[:MAX_TABLE_FIGURES]:
        t = Text(f"  {fig.at.line:>{gutter}} │ ", style="dim")
        t.append(printable(fig.text.replace("\n", " ")), style="bold red" if fig is f.anchor else "cyan")
        if fig.label:
            t.append(f"  ← {printable(fig.label)}", style="dim")
        out.append(t)
    if len(ordered) > MAX_TABLE_FIGURES:
        out.append(Text(f"  {' ' * gutter} │ … +{len(ordered) - MAX_TABLE_FIGURES}", style="dim"))
    return out


class _Lines:
    """Stands in for the console while a report is written: lines are gathered and printed in batches, since
    rich spends a third of a millisecond on each print (a document with 15,000 findings: 30 s). `out` is a rich
    Console, or a stream to write plain text to (see plain())."""

    def __init__(self, out) -> None:
        self.out, self.lines = out, []

    def print(self, line: Text | None = None) -> None:
        self.lines.append(Text() if line is None else line)
        if len(self.lines) >= 500:
            self.flush()

    def flush(self) -> None:
        if not self.lines:
            return
        console = self.out if hasattr(self.out, "color_system") else None  # a rich Console, or a plain stream
        if console is None or (console.color_system is None and not console.record):
            # no colours (a file, a pipe, NO_COLOR): what rich would write is the plain text, its tabs expanded
            # to the cells rich counts; written directly, it costs a hundredth of rich's rendering
            stream = self.out if console is None else console.file
            stream.write("".join(_expanded(t.plain) + "\n" for t in self.lines).translate(_STRIPPED))
        else:
            console.print(*(t.rich() for t in self.lines), sep="\n")
        self.lines = []


_STRIPPED = dict.fromkeys((7, 8, 11, 12, 13))  # control characters rich leaves out of a text (rich.control)
TAB = 8


def _expanded(text: str) -> str:
    """Tabs as rich expands them: spaces to the next multiple of 8 cells, counted as rich counts cells."""
    if "\t" not in text:
        return text
    from rich.cells import cell_len

    out = []
    for line in text.split("\n"):
        *tabbed, last = line.split("\t")
        cells, pieces = 0, []
        for part in tabbed:  # the tab is a space, and spaces follow it to the next stop
            cells += cell_len(part) + 1
            pad = -cells % TAB
            pieces.append(part + " " * (1 + pad))
            cells += pad
        out.append("".join(pieces) + last)
    return "\n".join(out)


def render(results: list[FileResult], lang: str, console: Console, report=None, show_unsure: bool = False) -> None:
    """The report, to a rich Console or, as plain text, to a stream (plain() says when rich would write it so)."""
    lines = _Lines(console)
    try:
        _render(results, lang, lines, report, show_unsure)
    finally:
        lines.flush()


def _render(results, lang, console, report, show_unsure) -> None:
    w = WORDS[lang]
    counts: Counter = Counter()
    passed = failed = unsure = 0
    for r in results:
        if r.error:
            console.print(Text(f"{printable(r.path)}: ", style="bold")
                          + Text(f"{w['input_error']}: {printable(r.error)}", style="bold red"))
            counts["input"] += 1
            continue
        passed += sum(1 for c in r.checks if c.status == "pass")
        failed += sum(1 for c in r.checks if c.status == "fail")
        unsure += sum(1 for c in r.checks if c.status == "unsure")
        if show_unsure:
            _unsure(r, lang, console)
        for f in r.findings:
            counts[f.severity] += 1
            head = Text(f"{at(r.path, f.at)}: ", style="bold")
            head.append(f.rule.code, style=STYLE[f.severity])
            head.append(f" [{f.severity}] {f.rule.name}", style=STYLE[f.severity])
            console.print(head)
            body = Text("  " + printable(f.message.get(lang)))
            if f.expected:
                body.append(f"  → {w['expected']}: ", style="dim")
                body.append(printable(f.expected), style="bold green")
            console.print(body)
            lines = _table_figures(f) if any(x.label for x in f.figures) else _snippet(r.doc, f)
            for t in lines:
                console.print(t)
            if f.fingerprint:
                console.print(Text(f"  fingerprint {f.fingerprint}", style="dim"))
            console.print()
        for note in r.notes:  # what the caps of an absurd document left unread
            console.print(Text(f"{printable(r.path)}: ", style="bold")
                          + Text(f"{w['note']}: {printable(note)}", style="cyan"))
    if report is not None:
        _suppressions(report, lang, console)
    n_files = len(results)
    summary = Text()
    if lang == "zh":
        summary.append(f"{w['checked']} {n_files} {w['files']}，{passed} {w['passed']}")
        if failed:
            summary.append(f"，{failed} {w['failed']}")
        if unsure:
            summary.append(f"，{unsure} 处读法不确定")
        summary.append(f"；{counts['error']} {w['errors']}，{counts['warning']} {w['warnings']}")
    else:
        plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
        summary.append(f"checked {plural(n_files, 'file')}: {plural(passed, 'relation')} verified")
        if failed:
            summary.append(f", {failed} failed")
        if unsure:
            summary.append(f", {unsure} unsure")
        summary.append(f"; {plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}")
    if not counts["error"] and not counts["warning"] and not counts["input"]:
        summary.append(f" — {w['clean']}", style="green")
    console.print(summary)


def _unsure(r: FileResult, lang: str, console: Console) -> None:
    """Relations that fail as read, where the reading needed a guess (--show-unsure)."""
    for c in r.checks:
        if c.status != "unsure":
            continue
        head = Text(f"{at(r.path, c.anchor.at)}: ", style="bold")
        head.append(f"{c.rule.code} [{'不确定' if lang == 'zh' else 'unsure'}] {c.rule.name}", style="dim")
        console.print(head)
        if c.message is not None:
            console.print(Text("  " + printable(c.message.get(lang)), style="dim"))
        console.print(Text(f"  {'读法' if lang == 'zh' else 'reading'}: {printable(c.reading)}", style="dim"))
        console.print()


def _suppressions(report, lang: str, console: Console) -> None:
    zh = lang == "zh"
    for d in report.unused:
        console.print(Text(f"{printable(d.path)}:{d.line}:{d.column}: ", style="bold")
                      + Text(("未使用的抑制注释：" if zh else "unused suppression: ") + printable(d.text), style="yellow"))
    for fp in report.unused_fingerprints:
        console.print(Text(("配置中的 ignore-findings 未匹配任何问题：" if zh else
                            "ignore-findings entry matches no finding: ") + printable(fp), style="yellow"))
    for e in report.stale:
        console.print(Text(f"{printable(e['path'])}: " + ("基线条目已过期（问题已不存在）：" if zh else
                                               "stale baseline entry (the finding is gone): ") + printable(e["fingerprint"]),
                           style="yellow"))
    if report.suppressed or report.baselined:
        console.print(Text((f"已抑制 {report.suppressed} 个，基线中 {report.baselined} 个" if zh else
                            f"{report.suppressed} suppressed, {report.baselined} in the baseline"), style="dim"))


def statistics(results: list[FileResult], console: Console) -> None:
    counts = Counter((f.rule.code, f.rule.name) for r in results if not r.error for f in r.findings)
    lines = _Lines(console)
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.print(Text(f"{n:>5}  {code}  {name}"))
    lines.flush()
