"""The structure of a disclosure as a whole: its report year, the years its headings and dates name,
and the table of contents against the sections and tables that follow it."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

import regex

from ..rx import lazy

# "2023年决算" names a report; "较2022年决算数" compares with a figure of another year and names none
TITLE_YEAR = lazy(r"(?<![较比与])((?:19|20)\d{2})\s*年度?\s*(?:部门|单位)?(?:整体)?(?:决算|预算)(?!数)")
HEADING_YEAR = lazy(r"((?:19|20)\d{2})\s*年度?[^。,;:，；：]{0,12}(?:部门|单位)?(?:决算|预算)(?:情况说明|报表|表)?")
AS_OF = lazy(r"截至\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日")


@dataclass
class YearClaim:
    year: int
    expected: int
    start: int  # normalized offsets of the year
    end: int
    context: str  # heading | as-of


def report_year(text: str) -> int | None:
    """The fiscal year of a 决算/预算 disclosure: the year its titles name most often."""
    years = Counter(int(m.group(1)) for m in TITLE_YEAR.finditer(text[:20000]))
    return years.most_common(1)[0][0] if years else None


def years(text: str, lines: list[tuple[int, int]]) -> list[YearClaim]:
    """Headings and 截至…12月31日 dates whose year is not the report year. Comparisons (与2023年度相比,
    较上年) are not headings and are left alone. Only for 决算 documents: a 预算 for 2024 rightly
    counts its assets 截至2023年12月31日."""
    year = report_year(text)
    kinds = Counter(m.group(0)[-2:] for m in TITLE_YEAR.finditer(text[:20000]))
    if year is None or kinds["决算"] < kinds["预算"]:
        return []
    out = []
    for a, b in lines:
        line = text[a:b]
        stripped = line.strip()
        if len(stripped) <= 40 and "相比" not in stripped and "较" not in stripped:
            m = HEADING_YEAR.search(line)
            if m and int(m.group(1)) != year and ("情况说明" in stripped or stripped.endswith(("决算", "预算"))):
                out.append(YearClaim(int(m.group(1)), year, a + m.start(1), a + m.end(1), "heading"))
        for m in AS_OF.finditer(line):
            if int(m.group(1)) != year:
                out.append(YearClaim(int(m.group(1)), year, a + m.start(1), a + m.end(1), "as-of"))
    return out


@dataclass
class TocEntry:
    title: str
    start: int
    end: int
    found: bool


TOC_MARK = lazy(r"^\s*目\s*录\s*$")
# searched from the end ((?r)): tried at every position from the start, each run of digits was read again
PAGE_TAIL = lazy(r"(?r)[.·…\s]*\d*\s*$")


def _key(s: str) -> str:
    return regex.sub(r"[\s\p{P}]", "", s)


def toc(text: str, lines: list[tuple[int, int]]) -> list[TocEntry]:
    """Entries of a 目录 and whether each appears again after it. The table of contents runs from the
    line 目录 to the line that repeats its first entry (where the body starts)."""
    idx = next((i for i, (a, b) in enumerate(lines) if TOC_MARK.match(text[a:b])), None)
    if idx is None:
        return []
    entries: list[tuple[str, int, int]] = []
    body_from = None
    for i in range(idx + 1, len(lines)):
        a, b = lines[i]
        raw = PAGE_TAIL.sub("", text[a:b]).strip()
        if not raw:
            continue
        if entries and _key(raw) == _key(entries[0][0]):
            body_from = i
            break
        if len(raw) > 40:
            return []  # prose before the contents repeat: not a table of contents we understand
        entries.append((raw, a, b))
    if body_from is None or len(entries) < 3:
        return []
    raw = [text[a:b].strip() for a, b in lines[body_from:]]
    # a heading may run on into its text on the same line ("三、镇财政决算单位构成:由…"): its words before the colon
    heads = [[_key(NUMBERING.sub("", r))] + ([_key(NUMBERING.sub("", r.split(":", 1)[0]))] if ":" in r else [])
             for r in raw]
    whole = [_key(r) for r in raw]
    ends = list(accumulate(len(w) for w in whole))
    body = "".join(whole)
    keys = [_key(NUMBERING.sub("", t)) for t, _, _ in entries]
    at: list[int | None] = [None] * len(entries)  # the body line each entry is found at
    for k, key in enumerate(keys):
        pos = body.find(key) if key else -1
        if pos >= 0:
            at[k] = bisect_right(ends, pos)
    # worded a little differently: only a line no entry named exactly ("第三部分…预算表" is not the line
    # "第二部分…预算情况说明" that its own entry names)
    taken = {n for n in at if n is not None}
    for k, key in enumerate(keys):
        if at[k] is None:
            at[k] = next((n for n, hs in enumerate(heads) if n not in taken and _like(key, hs)), None)
    # renamed: between the lines of the entries before and after it, a heading of the same number and nothing
    # else ("二、部门基本情况" where the contents say "二、部门机构设置及人员基本情况")
    for k, (t, _, _) in enumerate(entries):
        mark = NUMBERING.match(t)
        if at[k] is not None or mark is None:
            continue
        lo = max((n for n in at[:k] if n is not None), default=-1)
        hi = min((n for n in at[k + 1:] if n is not None), default=None)
        if hi is None:
            continue
        same = [n for n in range(lo + 1, hi) if raw[n].startswith(mark.group(0).strip()) and len(raw[n]) <= 40]
        if len(same) == 1:
            at[k] = same[0]
    out = [TocEntry(t, a, b, at[k] is not None) for k, (t, a, b) in enumerate(entries)]
    # past the last entry found, the text may simply stop (an excerpt, a truncated file): those are unknown
    last = max((k for k, e in enumerate(out) if e.found), default=-1)
    return out[: last + 1]


def _in_order(key: str, line: str) -> bool:
    """Are the characters of `key` all in `line`, in their order?"""
    rest = iter(line)
    return bool(key) and all(ch in rest for ch in key)


NUMBERING = lazy(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[、.．])\s*")


def _like(key: str, heads: list[str]) -> bool:
    """A heading worded a little differently ("其他重要事项的情况说明" for "其他重要事项说明")."""
    from difflib import SequenceMatcher

    if any(len(k) <= len(key) + 6 and _in_order(key, k) for k in heads):
        return True  # "部门机构设置" as the heading "部门(单位)机构设置情况": words added, none dropped
    return any(abs(len(k) - len(key)) <= 6 and SequenceMatcher(None, key, k).ratio() >= 0.8 for k in heads if k)
