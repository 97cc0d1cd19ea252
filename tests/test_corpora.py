"""The seed documents and the variants corpus, scored as ../shared/tools/score.py scores them."""
import json

import pytest
from conftest import HERE, lint_text, load_expected, score
from fiscal_lint.reports.json import render
from fiscal_lint.run.engine import lint_paths

CORE = {"sum", "change", "execution"}


def report(paths):
    return json.loads(render(lint_paths([str(p) for p in paths]), "en"))


def test_seeds_core_families():
    expected = [g for g in load_expected(HERE / "corpus" / "seeds.expected.json") if g["family"] in CORE]
    rep = report(sorted((HERE / "corpus" / "seeds").glob("*.txt")))
    rep["findings"] = [f for f in rep["findings"] if f["family"] in CORE]
    s = score(expected, rep)
    assert s["false_alarms"] == []
    assert s["missed"] == []
    oks = len(s["verified"]) + len(s["unverified"])
    assert len(s["verified"]) >= 0.8 * oks, s["unverified"]


def test_variants():
    expected = load_expected(HERE / "variants" / "variants.expected.json")
    files = sorted(p for p in (HERE / "variants").iterdir() if p.suffix in (".txt", ".md"))
    assert len(files) >= 30
    s = score(expected, report(files))
    assert s["false_alarms"] == []
    assert s["missed"] == []
    assert s["unverified"] == []


MUTATIONS = [
    # (seed, line, figure as written, replacement): one figure of a consistent claim changed
    ("000_b56fbf9ec72289d4.txt", 10, "212.57万元", "213.57万元"),
    ("000_b56fbf9ec72289d4.txt", 142, "培训费1.10万元", "培训费1.30万元"),
    ("000_b56fbf9ec72289d4.txt", 229, "实际支出13.30万元", "实际支出12.30万元"),
    ("001_876218c1489ae6d7.txt", 47, "一次办结免费证照邮寄费10万元", "一次办结免费证照邮寄费11万元"),
    ("002_39cc25592c2554a0.txt", 42, "下降5.4%", "下降6.4%"),
    ("002_39cc25592c2554a0.txt", 36, "增长11.6%", "增长12.6%"),
    ("002_39cc25592c2554a0.txt", 65, "政府采购服务支出67.98万元", "政府采购服务支出69.98万元"),
    ("004_1aad6d97ad41bf06.txt", 87, "流转 4142 件", "流转 4152 件"),
]


@pytest.mark.parametrize("seed,line,old,new", MUTATIONS)
def test_mutating_one_figure_of_a_consistent_claim_is_caught(seed, line, old, new):
    text = (HERE / "corpus" / "seeds" / seed).read_text(encoding="utf-8")
    lines = text.split("\n")
    assert old in lines[line - 1]
    before = lint_text(text)
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    after = lint_text("\n".join(lines))
    new_findings = [f for f in after.findings if after.doc.norm.line_col(f.anchor.start)[0] in range(line - 2, line + 3)]
    old_findings = [f for f in before.findings if before.doc.norm.line_col(f.anchor.start)[0] in range(line - 2, line + 3)]
    assert len(new_findings) > len(old_findings)
    assert any(f.expected for f in new_findings)
