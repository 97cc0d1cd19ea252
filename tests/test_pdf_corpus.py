"""The real 部门决算 PDFs in ../shared/corpus/pdf (not committed; skipped where absent).

Three published documents: every error-level finding must be one of the real errors they contain
(listed below, each verified by hand). The blank national template: no crash. The copy of the 财政局
document with errors put in on purpose: the planted errors are found.
"""
import json

import pytest
from conftest import HERE

pytest.importorskip("pypdfium2", reason="the 'pdf' extra is not installed")
CORPUS = HERE.parent.parent / "shared" / "corpus" / "pdf"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is not here (the PDFs are not committed)")

FINANCE = "上海市普陀区财政局2024年度部门决算.pdf"
PLANNING = "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"
SOCIAL = "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
TEMPLATE = "附件2：部门决算模板.pdf"
PLANTED = "24年普陀区财政局（测试问题版本）.pdf"

# real errors of the published documents, checked by hand against the PDFs
KNOWN = {
    FINANCE: {
        ("FL804", "财政拨款收入支出总计"),  # "财政拨款收入支出总计0.3万元" vs 2,961.68 in 财政拨款收入支出决算总表
        ("FL401", "71.73"),  # 一般公共服务支出 2106.66 / 2940.05 = 71.65%, printed 71.73%
        ("FL402", "100.07"),  # so the four shares total 100.07%
    },
    # percents that agree only if truncated, in documents that round their other percents (run/grade.py)
    PLANNING: {
        ("FL401", "99.86%"),  # 9746.50 / 9759.38 = 99.868%, printed 99.86% (it rounds 4381.74 / 9759.38 = 44.898% to 44.90%)
        ("FL301", "95.45%"),  # 9746.50 / 10210.34 = 95.457%, printed 95.45%
    },
    SOCIAL: {
        ("FL401", "9.55%"),  # 29.42 / 307.82 = 9.5575%, printed 9.55% (it rounds 10.82 / 307.82 = 3.5150% to 3.52%)
    },
}


def run(name):
    from click.testing import CliRunner
    from fiscal_lint.front.cli import main

    r = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", "--lang", "zh", str(CORPUS / name)])
    assert "Traceback" not in r.output
    return r, json.loads(r.stdout)


@pytest.mark.parametrize("name", [FINANCE, PLANNING, SOCIAL])
def test_published_documents_only_real_errors(name):
    r, doc = run(name)
    assert doc["files"][0]["status"] == "checked"
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    for f in errors:
        assert any(code == f["code"] and word in f["message"] for code, word in KNOWN.get(name, ())), f
    assert len(doc["checks"]) > 100


def test_template_does_not_crash():
    r, doc = run(TEMPLATE)
    assert doc["files"][0]["status"] == "checked"
    assert r.exit_code in (0, 1)


def test_planted_errors_are_found():
    r, doc = run(PLANTED)
    found = [(f["code"], f["message"]) for f in doc["findings"]]

    def has(code, *words):
        return any(c == code and all(w in m for w in words) for c, m in found)

    assert has("FL804", "0万元", "2995.39")  # 收入支出总计 0万元
    assert has("FL712", "2023")  # 第三部分…2023年度部门决算情况说明
    assert sum(1 for c, m in found if c == "FL712") == 2  # and 截至2023年12月31日
    assert has("FL304", "1511.89", "1560.05", "大于")
    assert has("FL304", "80.38", "80.81", "大于")
    assert has("FL304", "60.99", "62.29", "等于")
