"""A percent that agrees only if truncated: a note, unless the document is seen to round (run/grade.py)."""
from conftest import lint_text

# 457.14 / 3000 = 15.238%: rounds to 15.24, truncates to 15.23
TRUNCATED = "其中公用经费457.14万元，占本年支出的15.23%。"
# 1215.24 / 3000 = 40.508%: written 40.51, as rounded (truncated it would be 40.50)
ROUNDED = "本年支出合计3000.00万元，其中基本支出1215.24万元，占40.51%；项目支出1784.76万元，占59.49%。"


def test_truncated_alone_is_a_note():
    r = lint_text(ROUNDED.replace("40.51", "40.50") + TRUNCATED)
    assert [f.severity for f in r.findings] == ["info", "info"]
    assert all("--rounding truncate" in f.message.en for f in r.findings)


def test_truncated_where_the_document_rounds_is_an_error():
    r = lint_text(ROUNDED + TRUNCATED)
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL401", "error")]
    f = r.findings[0]
    assert f.expected == "15.24%" and f.anchor.text == "15.23%"
    assert "the document rounds: line 1, 40.51%" in f.message.en and "四舍五入" in f.message.zh


def test_truncate_mode_reports_neither():
    r = lint_text(ROUNDED.replace("40.51", "40.50") + TRUNCATED, rounding="truncate")
    assert r.findings == []


def test_a_document_that_truncates_throughout_gets_notes_only():
    # both figures agree as truncated and neither as rounded: nothing shows the document rounds
    r = lint_text("本年支出合计3000.00万元，其中基本支出1215.24万元，占40.50%；公用经费457.14万元，占15.23%。")
    assert [f.severity for f in r.findings] == ["info", "info"]
