"""Where a document stops being a document: the most of each thing fiscal-lint reads.

Real disclosures stay far below every cap (the longest line of the bundled examples has 687 characters,
the widest table a few dozen columns). A file past one is absurd or hostile — a table ten thousand columns
wide, a whole file on one line, a list of fifteen hundred parts — and reading it in full would take minutes
and gigabytes. What lies past a cap is skipped and the file says so in a note (FileResult.notes, `notes`
in the JSON); everything else in it is checked as usual.
"""
from __future__ import annotations

MAX_CHARS = 2_000_000  # characters of one document; the rest is not read
MAX_LINES = 50_000  # lines of one document; the rest is not read
MAX_LINE = 100_000  # characters of one line; a longer line is not read
MAX_PARAGRAPH = 10_000  # characters of one paragraph: a longer line is read in pieces of whole sentences
MAX_SENTENCE = 10_000  # characters of one sentence; a longer one is not parsed
MAX_SENTENCES = 10_000  # sentences with figures in one document (each is parsed); the rest are not read
MAX_COLUMNS = 500  # cells of one table row; the cells after are not read
MAX_CELL = 10_000  # characters of one table cell; a longer cell is read as empty
MAX_PARTS = 2_000  # parts of one listed total (or table rows under a 合计); a longer list is not checked


def count(n: int) -> str:
    """10000 -> "10,000"."""
    return f"{n:,}"


class Notes(list):
    """The notes of one document, each "line N: what was skipped"; `at` takes an offset in the normalized
    text and finds its line in the original. A list of strings to whoever reads it."""

    def __init__(self, norm, earlier=()) -> None:
        super().__init__([*earlier, *norm.notes])
        self.norm = norm
        self.sentences = 0  # sentences with figures read so far (MAX_SENTENCES)
        self._once: set[str] = set()

    def once(self, key: str, offset: int, message: str) -> None:
        """A note that is given once per document (the first place a document-wide cap was met)."""
        if key not in self._once:
            self._once.add(key)
            self.at(offset, message)

    def at(self, offset: int, message: str) -> None:
        note = f"line {self.norm.line_col(offset)[0]}: {message}"
        if note not in self[-8:]:  # the same cap met again nearby says nothing new
            self.append(note)
