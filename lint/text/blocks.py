"""Blocks: the normalized text cut into prose paragraphs and tables.

A paragraph is a line of normalized text (wrapped lines were joined by normalize). A table is a
run of lines that look like table rows: tab-separated, pipe-separated, one cell per line ending
in " |", or columns aligned with runs of spaces as `pdftotext -layout` writes them. Prose rules
read paragraphs only: a table row read as a sentence would pair figures from different columns.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import caps
from ..rx import lazy

TABLE_ROW = lazy(r"\t|\|\s*$|^\s*\||\s\|\s|\S {3,}\S")
# Page furniture and navigation that never carries claims.
FURNITURE = lazy(r"^\s*(?:分享|扫一扫|【|qrcode|手机扫码|联系客服|发布时间|来源[:：]|字号[:：]|摘要[:：]\s*\{)")
# a page's byline row ("发布时间: … | 来源: … | 作者: …"), whatever its separators: never a table
BYLINE = lazy(r"(?:发布时间|發佈時間|发布日期|來源|来源|浏览量|瀏覽|责任编辑|責任編輯|作者)\s*[:：]")


CELL_SEP = lazy(r"\||\t")


def _byline(line: str) -> bool:
    """"发布时间: … | 来源: … | 作者:", "浏览量:1 | | |": the page's own furniture, with few cells of text."""
    found = len(BYLINE.findall(line))
    if found != 1:
        return found >= 2
    return sum(1 for c in CELL_SEP.split(line) if c.strip()) <= 2


def _stray_pipe(line: str) -> bool:
    """A line on its own that a page's markup left a "|" after ("…支出情况。 |") is a sentence, not a table: it
    ends a sentence and has no other cell."""
    body = line.rstrip()
    if not body.endswith("|") or body.count("|") != 1 or "\t" in line or regex.search(r"\S {3,}\S", body):
        return False
    body = body[:-1].rstrip()
    return len(body) >= 20 and body.endswith(("。", "!", "?", "."))


def _prose_after_pipe(line: str) -> bool:
    """"  | 根据…。按…为583.83万元,…。其中:…": a page's markup left one "|" before a paragraph of sentences. Even
    among the pipes of a layout table it is prose: a table cell holds no run of several sentences."""
    body = line.strip()
    if not body.startswith("|") or body.count("|") != 1 or "\t" in line:
        return False
    body = body[1:].strip()
    return len(body) >= 40 and len(SENTENCE_END.findall(body)) >= 2 and not regex.search(r"\S {3,}\S", body)


BOX_RULE = lazy(r"^[\s\-─━┬┼┴├┤┌┐└┘═╤╪╧╞╡┯┷┿]+$")
SENTENCE_END = lazy(r"[。!?]")


def _pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """A prose line longer than caps.MAX_PARAGRAPH, cut after the ends of its sentences into pieces no longer
    than that (a longer sentence is a piece of its own): what relates figures never reaches that far, and a
    whole file on one line would otherwise be one paragraph, whose readings are quadratic in its length."""
    if b - a <= caps.MAX_PARAGRAPH:
        return [(a, b)]
    out: list[tuple[int, int]] = []
    start = prev = a
    for e in [m.end() for m in SENTENCE_END.finditer(text, a, b)] + [b]:
        if e - start > caps.MAX_PARAGRAPH and prev > start:
            out.append((start, prev))
            start = prev
        prev = e
    out.append((start, b))
    return [(x, y) for x, y in out if y > x]


@dataclass
class Block:
    kind: str  # "prose" | "table"
    start: int  # offsets in the normalized text
    end: int
    lines: list[tuple[int, int]]  # spans of the lines inside the block


PIPES_ONLY = lazy(r"^[\s|]+$")  # a line of pipes alone (blank lines are no line of a block)
TITLE_LIKE = lazy(r"表\s*$|情况\s*$|单位\s*[:：]|[:：]\s*$")
BAR_CELL = 30  # the longest line read as a table cell between lines of pipes
BAR_CELL_LINES = 3  # and the most lines one such cell is written over ("一般公共" / "预算")
BAR_LEAD = 10  # and the longest first cell, before the first line of pipes ("项目", "年度", "月份")


def _bar_cells(lines: list[str]) -> set[int]:
    """Lines that are cells of a table whose cells stand between lines of pipes alone ("项目" / "|" / "合计" / "|"
    / "312.23" / "|"), as some pages turn an HTML table into text: short lines, none ending a sentence, with a
    line of pipes before them and after them. Long lines and sentences stay prose."""
    nonblank = [k for k, line in enumerate(lines) if line.strip()]
    out: set[int] = set()
    run: list[int] = []
    before_bar = False
    for k in nonblank:
        line = lines[k]
        if PIPES_ONLY.match(line):
            if before_bar and 0 < len(run) <= BAR_CELL_LINES:
                out.update(run)
            elif run and len(lines[run[-1]].strip()) <= BAR_LEAD and not TITLE_LIKE.search(lines[run[-1]]):
                out.add(run[-1])  # the first cell, before the first line of pipes ("项目" / "|" / "预算数")
            before_bar, run = True, []
        elif len(line.strip()) <= BAR_CELL and not SENTENCE_END.search(line) and "|" not in line:
            run.append(k)
        else:
            before_bar, run = False, []
    return out if len(out) >= 4 else set()


def split(text: str) -> list[Block]:
    blocks: list[Block] = []
    pos = 0
    table: list[tuple[int, int]] = []
    lines = text.split("\n")
    cells = _bar_cells(lines)

    def flush_table() -> None:
        if len(table) == 1 and _stray_pipe(text[table[0][0]:table[0][1]]):
            blocks.append(Block("prose", table[0][0], table[0][1], list(table)))
        elif table:
            blocks.append(Block("table", table[0][0], table[-1][1], list(table)))
        table.clear()

    for k, line in enumerate(lines):
        span = (pos, pos + len(line))
        pos += len(line) + 1
        if not line.strip() or BOX_RULE.match(line):  # a rule drawn between table rows breaks no table
            continue
        if k in cells or TABLE_ROW.search(line) and not _byline(line) and not _prose_after_pipe(line):
            table.append(span)
            continue
        flush_table()
        if FURNITURE.match(line) or _byline(line):
            continue
        for piece in _pieces(text, *span):
            blocks.append(Block("prose", piece[0], piece[1], [piece]))
    flush_table()
    return blocks
