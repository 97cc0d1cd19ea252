"""Reading what offices publish: HTML, DOCX, XLSX, XLS and PDF files built here, each with a known
error, found at its original place; hostile files refused with a clear message."""
import json
import zipfile

import pytest
from click.testing import CliRunner
from fiscal_lint.front.cli import main

BAD_PROSE = "本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出688.86万元。"
TABLE = [["项目", "年初预算数", "全年执行数"], ["基本支出", "300.00", "331.66"], ["项目支出", "600.00", "678.86"],
         ["合计", "900.00", "1000.52"]]


def check(path, *args):
    r = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", *args, str(path)])
    return r, (json.loads(r.stdout) if r.stdout.strip().startswith("{") else None)


def test_html_article_tables_and_source_lines(tmp_path):
    page = f"""<!doctype html><html><head><title>决算</title><script>var x = "合计100万元，其中A 50万元、B 60万元";</script></head>
<body><nav>首页 | 政务公开 | 合计9万元，其中1万元、2万元、3万元</nav>
<div class="TRS_Editor">
<p>2024年度部门决算情况说明</p>
<p>{BAD_PROSE}</p>
<table><tr><td>项目</td><td>年初预算数</td><td>全年执行数</td></tr>
<tr><td>基本支出</td><td>300.00</td><td>331.66</td></tr>
<tr><td>项目支出</td><td>600.00</td><td>678.86</td></tr>
<tr><td>合计</td><td>900.00</td><td>1000.52</td></tr></table>
</div><footer>版权所有 合计1万元，其中2万元、3万元</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(page, encoding="utf-8")
    r, doc = check(p)
    found = {(f["code"], json.dumps(f["location"])) for f in doc["findings"]}
    assert ("FL101", json.dumps({"line": 5})) in found  # the prose, on its HTML source line
    assert any(code == "FL101" and '"line": 9' in loc for code, loc in found)  # the table's 合计 row
    assert len(doc["findings"]) == 2  # nothing from the script, the navigation or the footer


def test_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("2024年度部门决算情况说明")
    d.add_paragraph(BAD_PROSE)
    t = d.add_table(rows=len(TABLE), cols=3)
    for i, row in enumerate(TABLE):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    p = tmp_path / "report.docx"
    d.save(p)
    r, doc = check(p)
    assert doc["files"][0]["encoding"] == "docx"
    locations = [f["location"] for f in doc["findings"]]
    assert {"paragraph": 2} in locations
    assert {"table": 1, "row": 4, "cell": 3} in locations
    text = CliRunner().invoke(main, ["check", "--isolated", "--lang", "en", str(p)]).output
    assert "[paragraph 2]: FL101" in text


def test_xlsx_sheets_and_cells(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "支出决算表"
    ws.append(["单位：万元"])
    for row in TABLE:
        ws.append([float(v) if v.replace(".", "").isdigit() else v for v in row])
    for row in ws.iter_rows(min_row=3, min_col=2, max_col=3):
        for c in row:
            c.number_format = "0.00"
    p = tmp_path / "tables.xlsx"
    wb.save(p)
    r, doc = check(p)
    assert [(f["code"], f["location"]) for f in doc["findings"]] == [("FL101", {"sheet": "支出决算表", "cell": "C5"})]
    assert "331.66" in json.dumps(doc["findings"][0]["figures"], ensure_ascii=False)


def test_xls_old_excel(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    pytest.importorskip("xlrd")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("三公经费")
    rows = [["项目", "决算数"], ["公务接待费", 1.20], ["公务用车运行维护费", 2.80], ["合计", 4.10]]
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            ws.write(i, j, v)
    p = tmp_path / "old.xls"
    wb.save(str(p))
    r, doc = check(p)
    assert [(f["code"], f["location"]) for f in doc["findings"]] == [("FL101", {"sheet": "三公经费", "cell": "B4"})]


def _pdf(path, lines, pages=1):
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        c.setFont("STSong-Light", 11)
        y = 800
        for line in lines:
            c.drawString(40, y, line)
            y -= 18
        c.showPage()
    c.save()


def test_pdf_text_layer_with_page_and_line(tmp_path):
    pytest.importorskip("pypdfium2")
    p = tmp_path / "report.pdf"
    _pdf(p, ["2024年度部门决算情况说明", "一、收入支出决算总体情况说明", BAD_PROSE])
    r, doc = check(p)
    assert doc["files"][0]["encoding"] == "pdf"
    assert [(f["code"], f["location"]) for f in doc["findings"]] == [("FL101", {"page": 1, "line": 3})]


def _ruled_pdf(path, rows, spans=(), before="说明在前", after="说明在后", in_form=False, rotate=0, font="STSong-Light"):
    """A page with a line of prose, a table ruled cell by cell, and another line. `spans`: (row, column)
    of cells merged with the cell to their right (0-based), whose dividing rule is left out. With
    in_form the rules are drawn inside a Form XObject placed by a translation, as some producers do;
    with rotate the page carries /Rotate and its content is drawn turned back, so that it shows upright."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    if rotate:
        c.setPageRotation(rotate)  # a viewer turns the page clockwise by this much
        w, h = A4
        c.translate(*{90: (w, 0), 180: (w, h), 270: (0, h)}[rotate])
        c.rotate(rotate)  # counter-clockwise: turned back
    x0, top, width, height = 40, 500, 120, 20
    n_cols = max(len(r) for r in rows)
    bottom, right = top - height * len(rows), x0 + width * n_cols
    if in_form:
        c.beginForm("rules")
        ox, oy = x0, bottom  # the form draws from its own origin; doForm below moves it into place
    else:
        ox, oy = 0, 0
    for k in range(len(rows) + 1):
        c.line(x0 - ox, top - height * k - oy, right - ox, top - height * k - oy)
    for j in range(n_cols + 1):
        for k in range(len(rows)):
            if (k, j - 1) not in spans:
                c.line(x0 + width * j - ox, top - height * k - oy, x0 + width * j - ox, top - height * (k + 1) - oy)
    if in_form:
        c.endForm()
        c.saveState()
        c.translate(x0, bottom)
        c.doForm("rules")
        c.restoreState()
    c.setFont(font, 11)
    c.drawString(x0, top + 30, before)
    for k, row in enumerate(rows):
        for j, text in enumerate(row):
            c.drawString(x0 + width * j + 4, top - height * (k + 1) + 6, text)
    c.drawString(x0, bottom - 30, after)
    c.showPage()
    c.save()


def _read_pdf(path):
    pytest.importorskip("pypdfium2")
    from fiscal_lint.inputs import pdf
    from fiscal_lint.inputs.limits import Limits

    return pdf.read(path.read_bytes(), Limits())


def test_pdf_table_cells_at_page_table_row_column(tmp_path):
    p = tmp_path / "table.pdf"
    _ruled_pdf(p, TABLE)
    ex = _read_pdf(p)
    rows = "\n".join("\t".join(r) for r in TABLE)
    assert ex.text == f"说明在前\n\n{rows}\n\n说明在后\n"  # prose and table in the order of the page
    assert ex.locator.at(ex.text.index("说明在后")) == {"page": 1, "line": 2}  # the table takes no line number
    assert ex.locator.at(ex.text.index("1000.52")) == {"page": 1, "table": 1, "row": 4, "column": 3}
    r, doc = check(p)
    assert [(f["code"], f["location"]) for f in doc["findings"]] == [("FL101", {"page": 1, "table": 1, "row": 4, "column": 3})]


def test_pdf_merged_cell_leaves_its_spanned_places_empty(tmp_path):
    p = tmp_path / "merged.pdf"
    _ruled_pdf(p, [["项目", "金额"], ["", "年初预算数", "全年执行数"], ["基本支出", "300.00", "331.66"]], spans={(0, 1)})
    ex = _read_pdf(p)
    assert "项目\t金额\t\n\t年初预算数\t全年执行数\n基本支出\t300.00\t331.66\n" in ex.text
    assert ex.locator.at(ex.text.index("金额")) == {"page": 1, "table": 1, "row": 1, "column": 2}


def test_pdf_table_ruled_inside_a_form_xobject(tmp_path):
    p = tmp_path / "form.pdf"
    _ruled_pdf(p, TABLE, in_form=True)
    ex = _read_pdf(p)
    assert "\n".join("\t".join(r) for r in TABLE) in ex.text


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_pdf_rotated_page_is_read_as_shown(tmp_path, rotate):
    # Helvetica: PDFium has no glyph boxes for a CJK font that is not embedded, and drops its text
    # when turned sideways; the published PDFs embed their fonts
    rows = [["Item", "Budget", "Actual"], ["Basic", "300.00", "331.66"], ["Total", "900.00", "1000.52"]]
    p = tmp_path / "turned.pdf"
    _ruled_pdf(p, rows, before="Before", after="After", rotate=rotate, font="Helvetica")
    rows = "\n".join("\t".join(r) for r in rows)
    assert _read_pdf(p).text == f"Before\n\n{rows}\n\nAfter\n"


def test_pdf_figures_set_off_the_baseline_join_their_line(tmp_path):
    """Digits in another font, a few points below the Chinese baseline (as the 部门决算 PDFs set them),
    belong to the line they overlap, and in x order; a gap of more than 0.6 of a character is a space."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    p = tmp_path / "offset.pdf"
    c = canvas.Canvas(str(p))
    head, figure = "收入支出总计", "2995.39"
    x = 40 + pdfmetrics.stringWidth(head, "STSong-Light", 11)
    w = pdfmetrics.stringWidth(figure, "Helvetica", 11)
    c.setFont("STSong-Light", 11)
    c.drawString(40, 700, head)
    c.drawString(x + w, 700, "万元")
    c.drawString(x + w + 30, 700, "其中")  # 30 pt after 万元: well over 0.6 of a character
    c.setFont("Helvetica", 11)
    c.drawString(x, 693, figure)  # 7 pt low: a line of its own by the tops, not by what it means
    c.setFont("STSong-Light", 11)
    c.drawString(40, 660, "下一行")
    c.showPage()
    c.save()
    assert _read_pdf(p).text == "收入支出总计2995.39万元 其中\n下一行\n"


def test_limits_pages_bytes_zip_bombs_and_entities(tmp_path):
    pytest.importorskip("pypdfium2")
    p = tmp_path / "long.pdf"
    _pdf(p, [BAD_PROSE], pages=3)
    r, doc = check(p, "--max-pages", "2")
    assert r.exit_code == 2 and "too many pages" in r.stderr
    r, doc = check(p, "--max-bytes", "100")
    assert r.exit_code == 2 and "file too large" in r.stderr
    # a zip bomb: one member that expands a thousandfold
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "0" * 5_000_000)
    r, doc = check(bomb)
    assert r.exit_code == 2 and "zip bomb" in r.stderr
    # an XML part declaring entities (billion laughs, external entities)
    evil = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')
    r, doc = check(evil)
    assert r.exit_code == 2 and "DTD" in r.stderr
    # not an Office file at all
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    r, doc = check(junk)
    assert r.exit_code == 2 and "damaged" in r.stderr and "Traceback" not in r.output


def test_missing_extra_names_it(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pypdfium2(name, *args, **kwargs):
        if name == "pypdfium2" or name.startswith("pypdfium2."):
            raise ImportError("No module named 'pypdfium2'", name="pypdfium2")
        return real_import(name, *args, **kwargs)

    p = tmp_path / "a.pdf"
    p.write_bytes(b"%PDF-1.4")
    txt = tmp_path / "b.txt"
    txt.write_text(BAD_PROSE, encoding="utf-8")
    monkeypatch.setattr(builtins, "__import__", no_pypdfium2)
    r = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", str(p), str(txt)])
    assert r.exit_code == 2
    assert "pip install 'fiscal-lint[pdf]'" in r.stderr
    doc = json.loads(r.stdout)
    assert [f["status"] for f in doc["files"]] == ["error", "checked"]
    assert doc["findings"][0]["code"] == "FL101"


def test_sarif_for_a_pdf_has_no_line_region(tmp_path):
    pytest.importorskip("pypdfium2")
    p = tmp_path / "report.pdf"
    _pdf(p, [BAD_PROSE])
    r = CliRunner().invoke(main, ["check", "--isolated", "--format", "sarif", "--lang", "en", str(p)])
    result = json.loads(r.stdout)["runs"][0]["results"][0]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert "[page 1, line 1]" in result["message"]["text"]
    assert result["properties"]["location"] == {"page": 1, "line": 1}
