"""What several formats write alike: where a finding is, its message with the consistent figure, and text
made safe for a terminal."""
from __future__ import annotations

from ..check.rule import Finding, Position
from ..inputs.located import describe
from ..rx import lazy

# C0 controls but the tab (the line feed too: every string written for a terminal is one line), DEL, C1, and
# the bidirectional overrides and isolates that reorder what a terminal shows ("Trojan source")
UNPRINTABLE = lazy(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(m) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def printable(s: str, keep: str = "") -> str:
    """Text for a terminal or a log: an escape character, a carriage return or a line feed in a file name or in
    the document is shown as \\x1b, \\x0d, \\x0a, never acted on; `keep`: characters a caller escapes its own way."""
    if not UNPRINTABLE.search(s):
        return s
    return UNPRINTABLE.sub(lambda m: m.group() if m.group() in keep else _escape(m), s)


def printable_map(s: str) -> tuple[str, list[int]]:
    """printable(s), and for each offset of s (and its end) the offset it moved to."""
    if not UNPRINTABLE.search(s):
        return s, range(len(s) + 1)
    out, offsets, at = [], [], 0
    for ch in s:
        offsets.append(at)
        shown = printable(ch)
        out.append(shown)
        at += len(shown)
    offsets.append(at)
    return "".join(out), offsets


def at(path: str, pos: Position) -> str:
    """`path:line:col` in a text file; `path [page 3, line 12]` where the original has places of its own."""
    path = printable(path)
    return f"{path}:{pos.line}:{pos.column}" if pos.place is None else f"{path} [{describe(pos.place)}]"


def place_note(pos: Position) -> str:
    """` [page 3, line 12]` after a message, for PDF, Word, Excel and HTML inputs; nothing for text."""
    return f" [{describe(pos.place)}]" if pos.place else ""


def message(f: Finding, lang: str) -> str:
    """The message, the consistent figure (→ 69.15万元) and the place in the original, on one line."""
    return f.message.get(lang) + (f" → {f.expected}" if f.expected else "") + place_note(f.at)
