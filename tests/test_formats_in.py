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
    pytest.importorskip("pdfplumber")
    p = tmp_path / "report.pdf"
    _pdf(p, ["2024年度部门决算情况说明", "一、收入支出决算总体情况说明", BAD_PROSE])
    r, doc = check(p)
    assert doc["files"][0]["encoding"] == "pdf"
    assert [(f["code"], f["location"]) for f in doc["findings"]] == [("FL101", {"page": 1, "line": 3})]


def test_limits_pages_bytes_zip_bombs_and_entities(tmp_path):
    pytest.importorskip("pdfplumber")
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

    def no_pdfplumber(name, *args, **kwargs):
        if name == "pdfplumber":
            raise ImportError("No module named 'pdfplumber'", name="pdfplumber")
        return real_import(name, *args, **kwargs)

    p = tmp_path / "a.pdf"
    p.write_bytes(b"%PDF-1.4")
    txt = tmp_path / "b.txt"
    txt.write_text(BAD_PROSE, encoding="utf-8")
    monkeypatch.setattr(builtins, "__import__", no_pdfplumber)
    r = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", str(p), str(txt)])
    assert r.exit_code == 2
    assert "pip install 'fiscal-lint[pdf]'" in r.stderr
    doc = json.loads(r.stdout)
    assert [f["status"] for f in doc["files"]] == ["error", "checked"]
    assert doc["findings"][0]["code"] == "FL101"


def test_sarif_for_a_pdf_has_no_line_region(tmp_path):
    pytest.importorskip("pdfplumber")
    p = tmp_path / "report.pdf"
    _pdf(p, [BAD_PROSE])
    r = CliRunner().invoke(main, ["check", "--isolated", "--format", "sarif", "--lang", "en", str(p)])
    result = json.loads(r.stdout)["runs"][0]["results"][0]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert "[page 1, line 1]" in result["message"]["text"]
    assert result["properties"]["location"] == {"page": 1, "line": 1}
