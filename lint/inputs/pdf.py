"""PDF with a text layer: per page, the text outside tables and the tables as rows of cells
(pdfplumber, the 'pdf' extra; chosen over pdfminer.six alone for its table finder, which turns the nine
standard tables into cells — see the closing note of the issue for the measurements)."""
from __future__ import annotations

import io

from .decode import InputError
from .limits import Limits
from .located import Extracted, TextBuilder, clean_cell


def read(data: bytes, limits: Limits) -> Extracted:
    import pdfplumber

    out = TextBuilder()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # pdfminer raises many kinds on damaged files; all mean the same to the user
        raise InputError(f"not a readable PDF ({str(e)[:80] or type(e).__name__})") from None
    with pdf:
        if len(pdf.pages) > limits.max_pages:
            raise InputError(f"too many pages: {len(pdf.pages)} (limit {limits.max_pages}; see --max-pages)")
        text_chars = 0
        t_index = 0
        for p_no, page in enumerate(pdf.pages, start=1):
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj, boxes=boxes):
                x = (obj["x0"] + obj["x1"]) / 2
                y = (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

            prose = page.filter(outside) if boxes else page
            pieces = [(top, "line", text) for top, text in _lines(prose)]
            pieces += [(t.bbox[1], "table", t) for t in tables]
            line_no = 0
            for _, kind, item in sorted(pieces, key=lambda x: x[0]):
                if kind == "line":
                    line_no += 1
                    text_chars += len(item)
                    out.line(item, {"page": p_no, "line": line_no})
                else:
                    t_index += 1
                    out.blank()
                    for r, row in enumerate(item.extract(), start=1):
                        cells = [clean_cell(c) for c in row]
                        text_chars += sum(len(c) for c in cells)
                        out.row(cells, [{"page": p_no, "table": t_index, "row": r, "column": k}
                                        for k in range(1, len(cells) + 1)])
                    out.blank()
        if text_chars == 0:
            raise InputError("the PDF has no text layer (a scan?): nothing to check without OCR")
    return out.build("pdf")


DIGITS_ONLY = set("0123456789.,%-+ ")


def _lines(page) -> list[tuple[float, str]]:
    """Text lines, with figures put back where they belong: documents set digits in another font whose
    characters sit a few points off the Chinese baseline ("…总计 万元" and a stray "2995.39" line), and a
    larger title font moves them further. A line of figures only is merged, by x position, into the line
    it overlaps vertically."""
    lines = page.extract_text_lines(y_tolerance=5, return_chars=True)
    out: list[dict] = []
    for line in lines:
        chars = line["chars"]
        text = line["text"]
        if out and set(text) <= DIGITS_ONLY:
            prev = out[-1]
            size = max(c.get("size", 10) for c in prev["chars"])
            if line["top"] - prev["top"] < 0.9 * size:
                merged = sorted(prev["chars"] + chars, key=lambda c: c["x0"])
                prev["chars"] = merged
                prev["text"] = _join(merged)
                continue
        out.append({"top": line["top"], "chars": chars, "text": text})
    return [(line["top"], line["text"]) for line in out]


def _join(chars) -> str:
    """Characters in x order; a space where a gap wider than a character separates two of them."""
    text = []
    for k, c in enumerate(chars):
        if k and c["x0"] - chars[k - 1]["x1"] > 0.6 * c.get("size", 10):
            text.append(" ")
        text.append(c["text"])
    return "".join(text)
