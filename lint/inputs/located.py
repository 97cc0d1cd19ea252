"""Readers for what offices publish besides plain text: HTML, DOCX, XLSX/XLS and PDF.

Each reader turns a file into plain text that the rest of fiscal-lint reads like any other document —
paragraphs as lines, tables as tab-separated rows — together with a Locator that maps every character of
that text back to where it came from in the original (page and line, sheet and cell, paragraph, table
cell, HTML source line). The dependencies are optional extras; a reader whose extra is missing says
which one to install.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class Locator:
    """Spans of the produced text and the original place each came from."""
    starts: list[int] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)

    def add(self, start: int, place: dict) -> None:
        self.starts.append(start)
        self.places.append(place)

    def at(self, offset: int) -> dict | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.places[i] if i >= 0 else None


@dataclass
class Extracted:
    text: str
    locator: Locator
    kind: str  # html | docx | xlsx | xls | pdf
    notes: list[str] = field(default_factory=list)  # what the reader could not read as it is (run/engine: notes)


class TextBuilder:
    """Accumulates lines of text, recording the original place of each line (or cell)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.locator = Locator()

    def line(self, text: str, place: dict) -> None:
        self.locator.add(self.length, place)
        self._write(text + "\n")

    def row(self, cells: list[str], places: list[dict]) -> None:
        """A table row: cells joined by tabs, each cell with its own place."""
        for k, (cell, place) in enumerate(zip(cells, places, strict=True)):
            self.locator.add(self.length, place)
            self._write(cell + ("\t" if k < len(cells) - 1 else ""))
        self._write("\n")

    def blank(self) -> None:
        self._write("\n")

    def _write(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def build(self, kind: str) -> Extracted:
        return Extracted("".join(self.parts), self.locator, kind)


def clean_cell(value) -> str:
    """One line per cell: a cell's own line breaks are wrapping, not structure."""
    if value is None:
        return ""
    text = str(value).replace("\r", "").replace("\t", " ")
    return "".join(part.strip() for part in text.split("\n"))


def describe(place: dict | None) -> str:
    """"page 3, line 12", "收入支出决算总表!B12", "paragraph 14", "table 2 row 3 cell 4", "line 120"."""
    if not place:
        return ""
    if "sheet" in place:
        return f"{place['sheet']}!{place['cell']}"
    if "page" in place:
        if "table" in place:
            return f"page {place['page']}, table {place['table']}, row {place['row']}, column {place['column']}"
        return f"page {place['page']}, line {place['line']}"
    if "paragraph" in place:
        return f"paragraph {place['paragraph']}"
    if "table" in place:
        return f"table {place['table']}, row {place['row']}, cell {place['cell']}"
    if "line" in place:
        return f"line {place['line']}"
    return ""
