"""What several formats write alike: where a finding is, and its message with the consistent figure."""
from __future__ import annotations

from ..check.rule import Finding, Position
from ..inputs.located import describe


def at(path: str, pos: Position) -> str:
    """`path:line:col` in a text file; `path [page 3, line 12]` where the original has places of its own."""
    return f"{path}:{pos.line}:{pos.column}" if pos.place is None else f"{path} [{describe(pos.place)}]"


def place_note(pos: Position) -> str:
    """` [page 3, line 12]` after a message, for PDF, Word, Excel and HTML inputs; nothing for text."""
    return f" [{describe(pos.place)}]" if pos.place else ""


def message(f: Finding, lang: str) -> str:
    """The message, the consistent figure (→ 69.15万元) and the place in the original, on one line."""
    return f.message.get(lang) + (f" → {f.expected}" if f.expected else "") + place_note(f.at)
