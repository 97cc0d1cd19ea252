"""DOCX: paragraphs and tables in document order (python-docx, the 'office' extra)."""
from __future__ import annotations

import io

from .limits import Limits, safe_zip
from .located import Extracted, TextBuilder, clean_cell


def read(data: bytes, limits: Limits) -> Extracted:
    safe_zip(data, limits)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    out = TextBuilder()
    p_index = t_index = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p_index += 1
            text = Paragraph(child, document).text
            out.line(" ".join(text.split("\n")), {"paragraph": p_index})
        elif tag == "tbl":
            t_index += 1
            out.blank()
            for r, row in enumerate(Table(child, document).rows, start=1):
                cells = [clean_cell(c.text) for c in row.cells]
                out.row(cells, [{"table": t_index, "row": r, "cell": k} for k in range(1, len(cells) + 1)])
            out.blank()
    return out.build("docx")
