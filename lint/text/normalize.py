"""Normalization: one canonical spelling of the text, with a map back to the original.

Every later stage works on normalized text; every finding is reported at the original line and
column through `Normalized.origin()`. Each pass below exists because real disclosures need it:
fullwidth digits and punctuation, traditional characters on mirror sites, LaTeX left by OCR,
Word table-of-contents fields, thousands separators, and words or numbers broken by PDF
conversion.
"""
from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain

import regex

from . import caps
from .blocks import FURNITURE, TABLE_ROW  # a table row, or page furniture (【图表解读】…), is never joined to the next
from ..rx import lazy

# Traditional -> simplified, one character for one, so the map stays simple. Only characters that
# occur in the claim vocabulary or in the labels the rules compare need to be here.
_TRAD = (
    "較较 長长 減减 佔占 總总 計计 預预 決决 結结 餘余 轉转 執执 萬万 億亿 項项 與与 費费 點点 "
    "際际 實实 額额 別别 為为 數数 撥拨 務务 經经 資资 產产 個个 幣币 開开 門门 對对 於于 業业 "
    "們们 會会 議议 購购 車车 輛辆 臺台 種种 當当 從从 後后 並并 達达 還还 這这 過过 進进 運运 "
    "維维 護护 國国 類类 級级 應应 設设 備备 專专 財财 稅税 績绩 評评 價价 標标 準准 據据 現现 "
    "況况 說说 機关 關关 構构 員员 編编 製制 節节 約约 辦办 單单 發发 區区 縣县 鄉乡 鎮镇 農农 "
    "醫医 療疗 衛卫 體体 學学 價价 貨货 採采 錢钱 銀银 庫库 勞劳 務务 補补 貼贴 獎奖 險险 繳缴 "
    "場场 廳厅 處处 證证 記记 錄录 為为 無无 礎础 鬆松 權权 務务 動动 態态 億亿 籌筹 調调 戶户 "
    "歷历 屆届 條条 們们 張张 筆笔 電电 郵邮 訊讯 費费 報报 導导 領领 傳传 辦办 續续 額额 鑑鉴 "
    "額额 餐餐 飲饮 貸贷 債债 償偿 務务 險险 屬属 來来 劃划 雜杂 隊队 億亿 廣广 擴扩 獲获 壞坏 "
    "減减 少少 滿满 蓋盖 齊齐 參参 與与 舉举 總总 結结 轉转 幹干 夠够 歸归 負负 擔担 務务 層层 "
    "規规 營营 養养 歲岁 統统 質质 環环 職职 淨净 審审 檢检 驗验 確确 認认 穩稳 徑径 凈净 彌弥 "
    # the grammar's own words in traditional script: 序時進度, 時間進度, 壓減, 壓縮, 無變化, 沒有變化, 團組, 漲幅,
    # 將近, 知曉率, 發佈率, 回訪率, 年均遞增, 兩, 加劇, 加強, 分攤, 分鐘, 職責
    "時时 間间 壓压 縮缩 變变 沒没 團团 組组 漲涨 將将 曉晓 佈布 訪访 遞递 兩两 劇剧 強强 攤摊 鐘钟 鍾钟 責责"
)
TRAD_TO_SIMP = {}
for _pair in _TRAD.split():
    TRAD_TO_SIMP[_pair[0]] = _pair[1]
TRAD_TO_SIMP["機"] = "机"

_EXTRA = {
    "\u3000": " ",  # ideographic space
    "\u00a0": " ",
    "\u2212": "-",  # minus sign: NFKC leaves it alone
    "\ufe6a": "%",  # small percent sign
    "\u2030": "‰",
    "\u2264": "≤",
    "\u2265": "≥",
    "\u2502": "|",  # box-drawing verticals: a table drawn in text ("一、岁入合计 │ 3,160,840 │ 2,503,949 │")
    "\u2503": "|",
}


# one character for one, so that str.translate (in C) makes the whole canonical spelling and the map stays the identity
CANON = {ord(ch): to for ch, to in TRAD_TO_SIMP.items()}
CANON.update({ord(ch): to for ch, to in _EXTRA.items()})
CANON.update({code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)})  # fullwidth ASCII: same length under NFKC


@dataclass
class Normalized:
    original: str
    text: str
    # src[i] = index in original of text[i]; src[len(text)] = len(original). An array of C ints: a list would hold an
    # int object per character (36 bytes, not 4), kept for every file to the end of a run and pickled back from workers
    src: array
    notes: list[str] = field(default_factory=list)  # what the caps left unread ("line 3: …")

    def __post_init__(self) -> None:
        starts, find, at = [0], self.original.find, 0
        while (at := find("\n", at) + 1) > 0:
            starts.append(at)
        self._line_starts = starts

    def origin(self, i: int) -> int:
        return self.src[min(max(i, 0), len(self.src) - 1)]

    def line_col(self, i: int) -> tuple[int, int]:
        """1-based line and column (in characters) in the original text of normalized index i."""
        o = self.origin(i)
        line = bisect.bisect_right(self._line_starts, o)
        return line, o - self._line_starts[line - 1] + 1

    def end_line_col(self, end: int) -> tuple[int, int]:
        """Position just after the character at normalized index end - 1 (exclusive end)."""
        if end <= 0:
            return self.line_col(0)
        line, col = self.line_col(end - 1)
        return line, col + 1

    def original_line(self, line: int) -> str:
        start = self._line_starts[line - 1]
        stop = self.original.find("\n", start)
        return self.original[start: stop if stop >= 0 else len(self.original)]


def _substitute(text: str, src: array, pattern: regex.Pattern, repl: Callable) -> tuple[str, array]:
    """Like pattern.sub, but carries the source map: inserted characters point at the match start,
    or at the same offset when the replacement keeps the length."""
    out: list[str] = []
    out_src = array("i")
    pos = 0
    for m in pattern.finditer(text):
        new = repl(m)
        if new is None or new == m.group(0):
            continue
        out.append(text[pos: m.start()])
        out_src.extend(src[pos: m.start()])
        out.append(new)
        if len(new) == m.end() - m.start():
            out_src.extend(src[m.start(): m.end()])
        else:
            out_src.extend([src[m.start()]] * len(new))
        pos = m.end()
    if not out:
        return text, src
    out.append(text[pos:])
    out_src.extend(src[pos:])
    return "".join(out), out_src


_HAN = r"\p{Han}"
SPACE_IN_PHRASE = lazy(rf"(?<=[{_HAN}\d%)])[ ](?=[{_HAN}\d%(≥≤])")
# "减少2415.45   万元": a run of spaces between a figure and its unit, in prose; not in a table's aligned columns,
# where the figure itself stands after a run of spaces, or the unit is followed by more figures
SPACES_BEFORE_UNIT = lazy(
    r"(?<=(?<![ ]{2}|\t|[\d.])\d+(?:\.\d+)?)[ ]{2,}(?=(?:万亿|亿|万|千)?元(?![ ]*[\d|])|%(?![ ]*[\d|]))")
_LIST_MARKER = lazy(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[①-⑳⑴-⒇]|第[一二三四五六七八九十\d]+|附件|附表)"
)
_ENDS_SENTENCE = set("。！？；：!?;:")
_TAIL_FIGURE = lazy(r"(?<![\d.])\d+(?:\.\d+)?(?:[万亿千]*元|%)$")
# a news deck ("----中小企业中标金额达299.99亿元;…", "——全省…") is a line of its own, whatever its length
_DECK = lazy(r"\s*(?:-{2,}|—+|─{2,})")

# Passes that rewrite debris: (pattern, replacement). Inserted characters map to the match start.
# A pattern that opens with \s* opens with (?<!\s) too: a match never starts inside a run of blanks (it would
# start where the run does), and without it each blank of a long run is tried again, quadratic in the run; the
# second alternative is the match right after a previous one that ended with the blanks.
PASSES: list[tuple[regex.Pattern, Callable]] = [
    # LaTeX from OCR: "$\geq 99\%$", "\times".
    (lazy(r"\\geq?(?![a-z])\s*"), lambda m: "≥"),
    (lazy(r"\\leq?(?![a-z])\s*"), lambda m: "≤"),
    (lazy(r"(?<!\s)\s*\\times\s*|\\times\s*"), lambda m: "×"),
    (lazy(r"(?<!\s)\s*\\div\s*|\\div\s*"), lambda m: "÷"),
    (lazy(r"(?<!\s)\s*\\cdot\s*|\\cdot\s*"), lambda m: "×"),
    (lazy(r"\\%"), lambda m: "%"),
    # Taiwan's 兆 is 万亿 (a trillion): "2.1兆元", "1兆1155.2亿元" in a mirror of a mainland report
    (lazy(r"(?<=\d)兆(?=元|\d|亿)"), lambda m: "万亿"),
]
# Passes that only delete characters, so every kept character keeps its own place in the map.
DELETIONS: list[regex.Pattern] = [
    # Word field codes left in a pasted table of contents, with the page number they point to.
    lazy(r"(?<!\s)\s*(?:HYPERLINK\s*\\l\s*\"?_Toc\d+\"?|PAGEREF\s*_Toc\d+(?:\s*\\?h)?(?:\s*\d+(?!\d*[.．、]))?|TOC\s*\\o\s*\"[^\"]*\"(?:\s*\\[hzuw])*|_Toc\d+)"),
    # the dollar signs around OCR'd LaTeX
    lazy(r"\$(?=[^$\n]{0,60}\$)|(?<=\$[^$\n]{0,60})\$"),
    # pinyin a page printed after a character, as ruby text flattened: "结(jié)余", "预(yù)算"
    lazy(r"(?<=\p{Han})\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)"),
    # thousands separators: 1,010.52 -> 1010.52 (a list "4125.49,4143.91" is left alone)
    lazy(r"(?<=(?<![\d.,])\d{1,3}(?:,\d{3})*),(?=\d{3}(?:,\d{3})*(?![\d,]))"),
]


def _delete(text: str, src: array, pattern: regex.Pattern) -> tuple[str, array]:
    spans = [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]
    return _delete_spans(text, src, spans) if spans else (text, src)


def _drop_spaces(text: str, src: array) -> tuple[str, array]:
    """A single space inside a phrase ("673.48 万元", "下降3.8 %", "增 加"); never between two digits,
    and never two or more spaces, which align table columns, except between a figure and its unit."""
    spans = [(m.start(), m.end()) for m in SPACE_IN_PHRASE.finditer(text)
             if not (text[m.start() - 1].isdigit() and text[m.end()].isdigit())]
    spans += [(m.start(), m.end()) for m in SPACES_BEFORE_UNIT.finditer(text)]
    spans.sort()
    return _delete_spans(text, src, spans) if spans else (text, src)


def _delete_spans(text: str, src: array, spans: list[tuple[int, int]]) -> tuple[str, array]:
    out: list[str] = []
    out_src = array("i")
    pos = 0
    for a, b in spans:
        out.append(text[pos:a])
        out_src.extend(src[pos:a])
        pos = b
    out.append(text[pos:])
    out_src.extend(src[pos:])
    return "".join(out), out_src


def _join_wrapped(text: str, src: array) -> tuple[str, array]:
    """Join lines that a PDF converter broke inside a sentence, a word or a number."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines) - 1:
        j = i + 1
        while j < len(lines) - 1 and not lines[j].strip() and j - i < 2:
            j += 1  # at most one blank line inside a wrapped sentence
        if lines[i].strip() and lines[j].strip() and _wrapped(lines[i], lines[j], blank=j > i + 1):
            indent = len(lines[j]) - len(lines[j].lstrip())
            spans.append((starts[i] + len(lines[i].rstrip(" ")), starts[j] + indent))
            i = j
        else:
            i += 1
    return _delete_spans(text, src, spans) if spans else (text, src)


def _wrapped(line: str, nxt: str, blank: bool) -> bool:
    s = line.rstrip()
    if not s or TABLE_ROW.search(line) or TABLE_ROW.search(nxt):
        return False
    last = s[-1]
    first = nxt.lstrip()[0]
    # A number cut from its unit ("增加 0.00\n万元") is joined whatever the line length.
    if (last.isdigit() or last == ".") and regex.match(r"\s*(?:[万亿千]?元|%|个百分点)", nxt):
        return True
    if _LIST_MARKER.match(nxt) or _DECK.match(line) or _DECK.match(nxt) or FURNITURE.match(line) or FURNITURE.match(nxt):
        return False
    # a numbered heading ("第三部分 …情况说明", "二、收入决算情况说明") is a line of its own
    if _LIST_MARKER.match(s) and len(s) < 40 and not any(p in s for p in "。,;，；"):
        return False
    # a headline ending in its figure, restated by the line after it ("…总收入637.58亿元" / "2023年,…总收入637.58亿元,其中"):
    # a wrapped sentence does not repeat the figure it was cut after
    tail = _TAIL_FIGURE.search(s)
    if tail and tail.group() in nxt:
        return False
    # a converter's wrap may fall after a comma or a semicolon; across a blank line only mid-word
    if last in "。！？!?" or blank and last in _ENDS_SENTENCE:
        return False
    # Short lines are headings or list items, not wrapped prose. Across a blank line (a page break)
    # only a long line is taken as cut: joining two real paragraphs would mix their figures.
    if len(s) < (40 if blank else 20):
        return False
    return bool(regex.match(rf"[{_HAN}\d、,;:(“]", last)) and bool(regex.match(rf"[{_HAN}\d(“%]", first))


def _readable(original: str) -> tuple[list[tuple[int, int]], list[str], int] | None:
    """The spans of the original that are read, notes on what is not (text/caps.py), and where reading stopped:
    lines past MAX_LINES or MAX_CHARS are not read, nor lines longer than MAX_LINE (their line break is kept).
    None when all is read."""
    n = len(original)
    if n <= caps.MAX_LINE and original.count("\n", 0, n) < caps.MAX_LINES:
        return None
    spans: list[tuple[int, int]] = []
    long_lines: list[tuple[int, int]] = []  # (line, its length)
    notes: list[str] = []
    pos = line = 0
    while pos < n:
        end = original.find("\n", pos)
        end = n if end < 0 else end
        line += 1
        if line > caps.MAX_LINES or end > caps.MAX_CHARS:
            why = (f"more than {caps.count(caps.MAX_LINES)} lines" if line > caps.MAX_LINES
                   else f"more than {caps.count(caps.MAX_CHARS)} characters")
            notes.append(f"line {line}: the document has {why}; the rest of it, from here on, was not read")
            n = pos
            break
        stop = min(end + 1, n)  # with its line break
        if end - pos > caps.MAX_LINE:
            long_lines.append((line, end - pos))
            piece = (end, stop)  # the line break alone
        else:
            piece = (pos, stop)
        if piece[0] < piece[1]:
            if spans and spans[-1][1] == piece[0]:
                spans[-1] = (spans[-1][0], piece[1])
            else:
                spans.append(piece)
        pos = stop
    if len(long_lines) == 1:
        k, length = long_lines[0]
        notes.insert(0, f"line {k}: {caps.count(length)} characters, more than {caps.count(caps.MAX_LINE)} in one "
                        f"line: the line was not read")
    elif long_lines:
        shown = ", ".join(str(k) for k, _ in long_lines[:5]) + (f" and {len(long_lines) - 5} more" if len(long_lines) > 5 else "")
        notes.insert(0, f"line {long_lines[0][0]}: {len(long_lines)} lines of more than {caps.count(caps.MAX_LINE)} "
                        f"characters (lines {shown}) were not read")
    if not notes:
        return None
    return spans, notes, n


def normalize(original: str) -> Normalized:
    readable = _readable(original)
    notes: list[str] = []
    if readable is None:
        text = original.translate(CANON)
        src = array("i", range(len(original) + 1))
    else:
        spans, notes, stop = readable
        # what is not read is not kept either: the reports show the original, and its line starts are counted
        original = original[:stop]
        text = "".join(original[a:b] for a, b in spans).translate(CANON)
        src = array("i", chain.from_iterable(range(a, b) for a, b in spans))
        src.append(spans[-1][1] if spans else 0)
    for pattern in DELETIONS:
        text, src = _delete(text, src, pattern)
    for pattern, repl in PASSES:
        text, src = _substitute(text, src, pattern, repl)
    text, src = _drop_spaces(text, src)
    text, src = _join_wrapped(text, src)
    return Normalized(original=original, text=text, src=src, notes=notes)
