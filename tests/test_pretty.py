"""The report encoder writes what json.dumps(indent=2, ensure_ascii=False) writes, byte for byte."""
import json

import pytest
from fiscal_lint.reports.pretty import dumps


@pytest.mark.parametrize("obj", [
    {}, [], "", 0, -12, True, False, None,
    {"a": [], "b": {}, "c": [[], [{}]], "d": [1, [2, [3, {"e": None}]]]},
    {"path": "报告/2024年\"三公\"经费.txt", "text": "tab\there\nline\\", "ctl": "\x00\x1f\u2028", "emoji": "😀"},
    [{"line": 3, "ok": True, "fig": ("1010.52万元", 2)}, {"location": {"page": 4, "cell": [2, 7]}}],
    {"float": 1.5, "nan": float("nan"), "inf": [float("inf")]},  # floats go to the standard encoder
    {1: "a key that is no string"},
])
def test_same_bytes_as_the_standard_encoder(obj):
    assert dumps(obj) == json.dumps(obj, ensure_ascii=False, indent=2)


def test_a_real_report_round_trips():
    from conftest import lint_text
    from fiscal_lint.reports import json as report

    r = lint_text("三公经费合计10.00万元，其中公务接待费4.00万元，公务用车运行维护费5.00万元。")
    text = report.render([r], "zh")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_the_report_written_as_results_come_is_the_standard_encoding_of_the_whole(monkeypatch):
    from conftest import lint_text
    from fiscal_lint.reports import json as report

    results = [lint_text("三公经费合计10.00万元，其中公务接待费4.00万元，公务用车运行维护费5.00万元。"),
               lint_text("没有数字。"), lint_text("本年支出合计3万元，其中基本支出1万元，项目支出2万元。")]
    monkeypatch.setattr(report, "SPOOL", 10)  # the spools go to temporary files at once
    for some in (results, results[1:2], []):
        text = report.render(some, "en")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
        assert [f["path"] for f in json.loads(text)["files"]] == [r.path for r in some]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_the_spools_reach_a_stream_of_any_encoding_whole(monkeypatch, encoding):
    """A UTF-8 stream is given the spooled bytes as they are, another one their text: either way, split into
    chunks that end inside characters, the report is the standard encoding of the whole."""
    import io

    from conftest import lint_text
    from fiscal_lint.reports import json as report

    results = [lint_text("三公经费合计10.00万元，其中公务接待费4.00万元，公务用车运行维护费5.00万元。"),
               lint_text("本年支出合计3万元，其中基本支出1万元，项目支出2万元。")]
    monkeypatch.setattr(report, "SPOOL", 10)
    monkeypatch.setattr(report, "CHUNK", 7)
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding)
    writer = report.Writer(stream, "zh")
    for r in results:
        writer.file(r)
    writer.end()
    stream.flush()
    text = raw.getvalue().decode(encoding)
    assert text == report.render(results, "zh") == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
