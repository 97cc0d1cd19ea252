"""PDF with a text layer: per page, the text outside tables and the tables as rows of cells.

Read with pypdfium2 (the 'pdf' extra): with PDFium's characters and ruling lines a 23–30-page 部门决算
is read in 0.15–0.5 s; pdfplumber, on pdfminer, took 2–4 s (issue 11: at most 1 s for 25 pages). The table
finder is pdfplumber's "lines" strategy done again on PDFium's paths (snap nearby rules, join their
pieces, the smallest rectangles their crossings make, cells sharing a corner make a table), and text is
put into lines and cells the way pdfplumber's extract_text_lines and Table.extract put it, so that what
the rules read did not change with the library.
"""
from __future__ import annotations

import bisect
import ctypes
import itertools
import threading

from .decode import InputError
from .limits import Limits
from .located import Extracted, TextBuilder, clean_cell

# PDFium keeps global state and must not be entered from two threads at once, and pypdfium2 does not
# lock: fiscal-lint reads in worker processes, but a program calling read from threads would crash.
_LOCK = threading.Lock()

SNAP = 3  # rules this close are one rule (pdfplumber's snap and join tolerance)
MIN_EDGE = 3  # shorter rules, once joined, are ornaments, not cell borders
CROSS = 3  # a rule ends this close to another and still crosses it
STRAIGHT = 0.5  # a segment that drifts less than this is taken as horizontal or vertical
LINE_Y = 5  # characters whose tops are this close are one line of prose
CELL_Y = 3  # … and one line inside a cell
WORD_GAP = 3  # a wider gap between two characters separates two words
# A character's height from its baseline and size, not from its font: ideographic fonts fill an em from
# 0.12 below the baseline to 0.88 above. pdfminer took each font's own descent, which put digits set in
# Arial several points off the Chinese on the same baseline (what _lines had to put back).
ASCENT, DESCENT = 0.88, 0.12
# The page as a viewer shows it, /Rotate applied (pdfminer does the same for pdfplumber): x and top of
# a point (px, py) of PDF space are xx·px + xy·py and tx·px + ty·py, for /Rotate 0, 90, 180 and 270. Only
# differences of coordinates matter below, so the page's origin is left where it falls.
VIEWS = [(1, 0, 0, -1), (0, 1, 1, 0), (-1, 0, 0, 1), (0, -1, -1, 0)]
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


class Char:
    __slots__ = ("text", "x0", "x1", "top", "bottom", "size", "upright", "cx", "cy")

    def __init__(self, text, x0, x1, top, bottom, size, upright):
        self.text, self.x0, self.x1, self.top, self.bottom = text, x0, x1, top, bottom
        self.size, self.upright = size, upright
        self.cx, self.cy = (x0 + x1) / 2, (top + bottom) / 2  # what places a character in a cell

    def __repr__(self) -> str:
        return f"Char({self.text!r}, {self.x0:.1f}, {self.top:.1f})"


def read(data: bytes, limits: Limits) -> Extracted:
    import pypdfium2
    import pypdfium2.raw as raw

    with _LOCK:
        try:
            pdf = pypdfium2.PdfDocument(data)
        except Exception as e:  # PdfiumError for damaged, encrypted or non-PDF data; all mean the same to the user
            raise InputError(f"not a readable PDF ({str(e)[:80] or type(e).__name__})") from None
        try:
            return _read(pdf, raw, limits)
        finally:
            pdf.close()


def _read(pdf, raw, limits: Limits) -> Extracted:
    if len(pdf) > limits.max_pages:
        raise InputError(f"too many pages: {len(pdf)} (limit {limits.max_pages}; see --max-pages)")
    out = TextBuilder()
    text_chars = 0
    t_index = 0
    for p_no in range(1, len(pdf) + 1):
        try:
            page = pdf[p_no - 1]
        except Exception as e:  # a page whose objects PDFium cannot load
            raise InputError(f"not a readable PDF (page {p_no}: {str(e)[:80] or type(e).__name__})") from None
        try:
            view = VIEWS[raw.FPDFPage_GetRotation(page.raw) % 4]
            chars = _chars(raw, page.raw, view)
            h_edges, v_edges = _edges(raw, page.raw, view)
        finally:
            page.close()
        tables = _tables(h_edges, v_edges)
        boxes = [t[0] for t in tables]

        def outside(c, boxes=boxes):
            return not any(b[0] <= c.cx <= b[2] and b[1] <= c.cy <= b[3] for b in boxes)

        prose = [c for c in chars if outside(c)] if boxes else chars
        pieces = [(top, "line", text) for top, text in _lines(prose)]
        pieces += [(bbox[1], "table", _extract(rows, bbox, chars)) for bbox, rows in tables]
        line_no = 0
        for _, kind, item in sorted(pieces, key=lambda x: x[0]):
            if kind == "line":
                line_no += 1
                text_chars += len(item)
                out.line(item, {"page": p_no, "line": line_no})
            else:
                t_index += 1
                out.blank()
                for r, row in enumerate(item, start=1):
                    cells = [clean_cell(c) for c in row]
                    text_chars += sum(len(c) for c in cells)
                    out.row(cells, [{"page": p_no, "table": t_index, "row": r, "column": k}
                                    for k in range(1, len(cells) + 1)])
                out.blank()
    if text_chars == 0:
        raise InputError("the PDF has no text layer (a scan?): nothing to check without OCR")
    return out.build("pdf")


# ---- characters ------------------------------------------------------------------------------------

def _chars(raw, page, view) -> list[Char]:
    """The page's characters in the order of its content, placed as the page is shown (see VIEWS).
    PDFium's own spaces and line ends (it adds them where it sees a gap) are left out: gaps are judged
    here, as they were before; spaces the document itself set are kept, as word breaks."""
    tp = raw.FPDFText_LoadPage(page)
    if not tp:
        return []
    try:
        n = raw.FPDFText_CountChars(tp)
        if n <= 0:
            return []
        buf = (ctypes.c_ushort * (n + 1))()
        got = raw.FPDFText_GetText(tp, 0, n, buf)
        text = bytes(buf)[: 2 * max(got - 1, 0)].decode("utf-16-le", "replace")
        if len(text) != n:  # characters beyond the BMP take two units each: ask one by one
            text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(n))
        box, m = raw.FS_RECTF(), raw.FS_MATRIX()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        xx, xy, tx, ty = view
        out = []
        for i, ch in enumerate(text):
            if ch.isspace() or ch < " ":
                if raw.FPDFText_IsGenerated(tp, i) != 0 or (ch < " " and ch not in "\t\n\r"):
                    continue
            elif ch in "\ufffe\uffff":
                continue
            raw.FPDFText_GetLooseCharBox(tp, i, box)
            raw.FPDFText_GetMatrix(tp, i, m)
            size = raw.FPDFText_GetFontSize(tp, i) * (m.c * m.c + m.d * m.d) ** 0.5
            # pdfminer's test of upright, on the glyph's axes as shown (y up)
            a, b = xx * m.a + xy * m.b, -(tx * m.a + ty * m.b)
            c, d = xx * m.c + xy * m.d, -(tx * m.c + ty * m.d)
            x0, x1 = sorted((xx * box.left + xy * box.bottom, xx * box.right + xy * box.top))
            glyph = LIGATURES.get(ch, ch)
            if a * d > 0 and b * c <= 0:
                raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
                baseline = tx * ox.value + ty * oy.value
                out.append(Char(glyph, x0, x1, baseline - ASCENT * size, baseline + DESCENT * size, size, True))
            else:
                top, bottom = sorted((tx * box.left + ty * box.bottom, tx * box.right + ty * box.top))
                out.append(Char(glyph, x0, x1, top, bottom, size, False))
        return out
    finally:
        raw.FPDFText_ClosePage(tp)


# ---- lines of prose --------------------------------------------------------------------------------

DIGITS_ONLY = set("0123456789.,%-+ ")


def _lines(chars: list[Char]) -> list[tuple[float, str]]:
    """Text lines, with figures put back where they belong: some documents set digits a few points below
    the Chinese they belong to ("…总计 万元" and a stray "2995.39" line), a larger title font further. A
    line of figures only is merged, by x position, into the line it overlaps vertically."""
    out: list[dict] = []
    for line in _text_lines(chars, LINE_Y):
        if out and set(line["text"]) <= DIGITS_ONLY:
            prev = out[-1]
            size = max(c.size for c in prev["chars"])
            if line["top"] - prev["top"] < 0.9 * size:
                merged = sorted(prev["chars"] + line["chars"], key=lambda c: c.x0)
                prev["chars"] = merged
                prev["text"] = _join(merged)
                continue
        out.append(line)
    return [(line["top"], line["text"]) for line in out]


def _join(chars: list[Char]) -> str:
    """Characters in x order; a space where a gap wider than a character separates two of them."""
    text = []
    for k, c in enumerate(chars):
        if k and c.x0 - chars[k - 1].x1 > 0.6 * c.size:
            text.append(" ")
        text.append(c.text)
    return "".join(text)


def _text_lines(chars: list[Char], y_tolerance: float) -> list[dict]:
    """Lines as pdfplumber's extract_text_lines gives them: words (see _words) gathered into lines by
    their tops, in the order the words come; a line's text is its words with one space between."""
    words = _words(chars, y_tolerance)
    lines = []
    for group in _cluster(words, _top, y_tolerance, keep_order=True):
        line_chars = [c for w in group for c in w]
        lines.append({"top": min(c.top for c in line_chars), "chars": line_chars,
                      "text": " ".join("".join(c.text for c in w) for w in group)})
    return lines


def _words(chars: list[Char], y_tolerance: float) -> list[list[Char]]:
    """Words, line by line from the top: a run of upright characters (or of rotated ones) is cut into
    lines by the tops of its characters, each line read left to right (rotated: top to bottom), and a
    line into words at spaces, at a gap wider than WORD_GAP and where a character steps back."""
    words = []
    for upright, run in itertools.groupby(chars, key=lambda c: c.upright):
        run = list(run)
        if upright:
            line_key, tol, order = (lambda c: c.top), y_tolerance, (lambda c: c.x0)
        else:
            line_key, tol, order = (lambda c: c.x0), WORD_GAP, (lambda c: (c.top, c.bottom))
        for line in _cluster(run, line_key, tol):
            line.sort(key=order)
            word: list[Char] = []
            for c in line:
                if c.text.isspace():
                    if word:
                        words.append(word)
                    word = []
                    continue
                if word:
                    p = word[-1]
                    if upright:
                        new = c.x0 < p.x0 or c.x0 > p.x1 + WORD_GAP or abs(c.top - p.top) > y_tolerance
                    else:
                        new = c.top < p.top or c.top > p.bottom + y_tolerance or abs(c.x0 - p.x0) > WORD_GAP
                    if new:
                        words.append(word)
                        word = []
                word.append(c)
            if word:
                words.append(word)
    return words


def _top(word: list[Char]) -> float:
    return min(c.top for c in word)


def _cluster(items: list, key, tolerance: float, keep_order: bool = False) -> list[list]:
    """pdfplumber's cluster_objects: values chained while each is within `tolerance` of the last; items
    by cluster from the lowest value (each cluster in the items' order), or with keep_order, the items
    in their order, a new group wherever the cluster changes."""
    values = sorted({key(x) for x in items})
    cluster_of = {}
    group = 0
    for k, v in enumerate(values):
        if k and v > values[k - 1] + tolerance:
            group += 1
        cluster_of[v] = group
    if keep_order:
        return [list(g) for _, g in itertools.groupby(items, key=lambda x: cluster_of[key(x)])]
    groups: list[list] = [[] for _ in range(group + 1)]
    for x in items:
        groups[cluster_of[key(x)]].append(x)
    return [g for g in groups if g]


def _cell_text(chars: list[Char]) -> str:
    """A cell's text as pdfplumber's extract_text gives it: words, their lines by top, lines joined by
    line breaks (which clean_cell then removes)."""
    words = _words(chars, CELL_Y)
    lines = _cluster(words, _top, CELL_Y)
    return "\n".join(" ".join("".join(c.text for c in w) for w in line) for line in lines)


# ---- ruling lines and tables -----------------------------------------------------------------------

def _edges(raw, page, view) -> tuple[list[list[float]], list[list[float]]]:
    """The page's horizontal rules as [y, x0, x1] and vertical ones as [x, top, bottom], as the page
    is shown (see VIEWS): every straight side of every path (a stroked line, a thin filled rectangle
    gives two, a cell's box four), whatever its colour, as pdfminer gives them to pdfplumber."""
    h: list[list[float]] = []
    v: list[list[float]] = []
    m = raw.FS_MATRIX()

    def walk(count, get, outer):
        for k in range(count):
            obj = get(k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM) or not raw.FPDFPageObj_GetMatrix(obj, m):
                continue
            matrix = _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                walk(raw.FPDFFormObj_CountObjects(obj), lambda j, obj=obj: raw.FPDFFormObj_GetObject(obj, j), matrix)
            else:
                for p, q in _segments(raw, obj, matrix, view):
                    _side(p, q, h, v)

    walk(raw.FPDFPage_CountObjects(page), lambda j: raw.FPDFPage_GetObject(page, j), None)
    return h, v


def _compose(inner, outer):
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _segments(raw, obj, matrix, view):
    """The straight segments of a path in page space, a closed subpath's closing side included;
    curves only move the pen."""
    get_segment, get_point = raw.FPDFPath_GetPathSegment, raw.FPDFPathSegment_GetPoint
    get_type, get_close = raw.FPDFPathSegment_GetType, raw.FPDFPathSegment_GetClose
    moveto, lineto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO
    a, b, c, d, e, f = matrix
    xx, xy, tx, ty = view
    x, y = ctypes.c_float(), ctypes.c_float()
    out = []
    start = prev = None
    for k in range(raw.FPDFPath_CountSegments(obj)):
        seg = get_segment(obj, k)
        if not seg or not get_point(seg, x, y):
            continue
        px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        pt = (xx * px + xy * py, tx * px + ty * py)
        kind = get_type(seg)
        if kind == moveto:
            start = pt
        elif kind == lineto and prev is not None:
            out.append((prev, pt))
        if start is not None and get_close(seg):
            out.append((pt, start))
            pt = start
        prev = pt
    return out


def _side(p, q, h, v) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) <= STRAIGHT and abs(x1 - x0) >= 1:
        h.append([(y0 + y1) / 2, min(x0, x1), max(x0, x1)])
    elif abs(x1 - x0) <= STRAIGHT and abs(y1 - y0) >= 1:
        v.append([(x0 + x1) / 2, min(y0, y1), max(y0, y1)])


def _merge(edges: list[list[float]]) -> list[list[float]]:
    """Rules within SNAP of one another moved to their mean, then the pieces of one rule joined where
    they touch or nearly do; what is still shorter than MIN_EDGE is dropped."""
    if not edges:
        return []
    edges = sorted(edges, key=lambda e: e[0])
    snapped = []
    for group in _cluster(edges, lambda e: e[0], SNAP):
        mean = sum(e[0] for e in group) / len(group)
        snapped += [[mean, e[1], e[2]] for e in group]
    joined = []
    for _, group in itertools.groupby(sorted(snapped, key=lambda e: (e[0], e[1])), key=lambda e: e[0]):
        group = list(group)
        run = [group[0]]
        for e in group[1:]:
            if e[1] <= run[-1][2] + SNAP:
                run[-1] = [e[0], run[-1][1], max(run[-1][2], e[2])]
            else:
                run.append(e)
        joined += run
    return [e for e in joined if e[2] - e[1] >= MIN_EDGE]


def _tables(h_edges, v_edges) -> list[tuple[tuple, list[list[tuple | None]]]]:
    """Tables as (bbox, rows of cell boxes, None where a merged cell spans), top first: the crossings of
    the rules, the smallest rectangle each crossing opens to the right and below along rules, and cells
    that share a corner belong to one table (pdfplumber's lines strategy, with its tolerances)."""
    h = _merge(h_edges)
    v = _merge(v_edges)
    if not h or not v:
        return []
    # crossings: (x, y) -> ids of the vertical and of the horizontal rules through it
    h.sort(key=lambda e: (e[0], e[1]))
    h_y = [e[0] for e in h]
    cross: dict[tuple[float, float], tuple[set, set]] = {}
    for vi, (vx, vtop, vbottom) in enumerate(sorted(v, key=lambda e: (e[0], e[1]))):
        for hi in range(bisect.bisect_left(h_y, vtop - CROSS), bisect.bisect_right(h_y, vbottom + CROSS)):
            hy, hx0, hx1 = h[hi]
            if hx0 - CROSS <= vx <= hx1 + CROSS:
                point = cross.setdefault((vx, hy), (set(), set()))
                point[0].add(vi)
                point[1].add(hi)
    below: dict[float, list[float]] = {}
    right: dict[float, list[float]] = {}
    for px, py in sorted(cross):
        below.setdefault(px, []).append(py)
        right.setdefault(py, []).append(px)
    cells = []
    for (px, py), (pv, ph) in sorted(cross.items()):
        cell = None
        for by in below[px][bisect.bisect_right(below[px], py):]:
            bv = cross[(px, by)][0]
            if not pv & bv:
                continue
            bh = cross[(px, by)][1]
            for rx in right[py][bisect.bisect_right(right[py], px):]:
                rv, rh = cross[(rx, py)]
                if not ph & rh:
                    continue
                corner = cross.get((rx, by))
                if corner and corner[0] & rv and corner[1] & bh:
                    cell = (px, py, rx, by)
                    break
            if cell:
                break
        if cell:
            cells.append(cell)
    return [(_bbox(group), _rows(group)) for group in _groups(cells)]


def _groups(cells: list[tuple]) -> list[list[tuple]]:
    """Cells joined by shared corners, each group of more than one cell a table, top-left first."""
    parent = list(range(len(cells)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_at: dict[tuple, int] = {}
    for i, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            j = first_at.setdefault(corner, i)
            parent[root(i)] = root(j)
    groups: dict[int, list[tuple]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    tables = [g for g in groups.values() if len(g) > 1]
    return sorted(tables, key=lambda t: min((c[1], c[0]) for c in t))


def _bbox(cells) -> tuple:
    return (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))


def _rows(cells: list[tuple]) -> list[list[tuple | None]]:
    """Cells by their tops, each row with a place for every left edge of the table, None where no cell
    of the row starts there (a cell merged across it)."""
    xs = sorted({c[0] for c in cells})
    rows = []
    for _, row in itertools.groupby(sorted(cells, key=lambda c: (c[1], c[0])), key=lambda c: c[1]):
        at = {c[0]: c for c in row}
        rows.append([at.get(x) for x in xs])
    return rows


def _extract(rows, bbox, chars: list[Char]) -> list[list[str | None]]:
    """Each cell's text from the characters whose centre is in it; None for a merged cell's spanned places."""

    def inside(chars, box):
        x0, top, x1, bottom = box
        return [c for c in chars if x0 <= c.cx < x1 and top <= c.cy < bottom]

    chars = inside(chars, bbox)
    order = {id(c): k for k, c in enumerate(chars)}  # the page's order, which ties in a line keep
    by_height = sorted(chars, key=lambda c: c.cy)
    ys = [c.cy for c in by_height]
    out = []
    for row in rows:
        row_box = _bbox([c for c in row if c])
        band = by_height[bisect.bisect_left(ys, row_box[1]):bisect.bisect_left(ys, row_box[3])]
        row_chars = sorted(inside(band, row_box), key=lambda c: order[id(c)])
        out.append([None if cell is None else _cell_text(inside(row_chars, cell)) for cell in row])
    return out
