"""PDF with a text layer: per page, the text outside tables and the tables as rows of cells
(pdfplumber, the 'pdf' extra; chosen over pdfminer.six alone for its table finder, which turns the nine
standard tables into cells — see the closing note of the issue for the measurements)."""
from __future__ import annotations

import io

from . import Extracted, TextBuilder, clean_cell
from .limits import Limits
from ..source import InputError


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
            # digits often sit in another font a little off the baseline: a generous tolerance keeps them on their line
            words = prose.extract_text_lines(y_tolerance=10, return_chars=False)
            pieces = [(w["top"], "line", w["text"]) for w in words]
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
