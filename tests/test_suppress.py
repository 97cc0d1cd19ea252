"""Suppressions and baselines: inline comments in Markdown and HTML, fingerprints for plain text,
baselines that survive edits and moves, and reports of what no longer applies."""
import json

from click.testing import CliRunner
from fiscal_lint.front.cli import main

BAD = "本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出688.86万元。"
BAD2 = "2021年度收入合计1,010.52万元，较上年决算数增加210.44万元，增长27.3%。"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def report(*args):
    r = run("check", "--format", "json", "--isolated", *args)
    return r, json.loads(r.stdout)


def test_markdown_disable_enable_and_next_line(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(f"<!-- fiscal-lint: disable=FL101 -->\n\n{BAD}\n\n<!-- fiscal-lint: enable=FL101 -->\n\n{BAD}\n\n"
                  f"<!-- fiscal-lint: disable-next-line=change-percent -->\n{BAD2}\n", encoding="utf-8")
    r, doc = report(md)
    assert [(f["code"], f["line"]) for f in doc["findings"]] == [("FL101", 7)]
    assert doc["suppressions"]["suppressed"] == 2
    assert doc["suppressions"]["unused"] == []


def test_disable_file_and_unused_suppression(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(f"<!-- fiscal-lint: disable-file -->\n{BAD}\n", encoding="utf-8")
    r, doc = report(md)
    assert doc["findings"] == [] and r.exit_code == 0
    md.write_text(f"<!-- fiscal-lint: disable=FL401 -->\n{BAD}\n", encoding="utf-8")
    r, doc = report(md)
    assert [f["code"] for f in doc["findings"]] == ["FL101"]
    assert [u["directive"] for u in doc["suppressions"]["unused"]] == ["<!-- fiscal-lint: disable=FL401 -->"]
    text = run("check", "--isolated", "--lang", "en", md).output
    assert "unused suppression" in text


def test_comments_mean_nothing_in_plain_text(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text(f"<!-- fiscal-lint: disable-file -->\n{BAD}\n", encoding="utf-8")
    r, doc = report(txt)
    assert [f["code"] for f in doc["findings"]] == ["FL101"]


def test_plain_text_ignored_by_fingerprint(tmp_path):
    txt = tmp_path / "a.txt"
    txt.write_text(f"{BAD}\n{BAD2}\n", encoding="utf-8")
    r, doc = report(txt)
    fp = doc["findings"][0]["fingerprint"]
    assert fp in run("check", "--isolated", txt).output  # printed with every finding
    (tmp_path / ".fiscal-lint.toml").write_text(f'ignore-findings = ["{fp}", "0000000000000000"]\n', encoding="utf-8")
    r = run("check", "--format", "json", txt)
    doc = json.loads(r.stdout)
    assert [f["code"] for f in doc["findings"]] == ["FL201"]
    assert doc["suppressions"]["unused_fingerprints"] == ["0000000000000000"]


def test_baseline_survives_edits_elsewhere_and_moves(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "report.txt"
    doc.write_text(f"一、总体情况\n{BAD}\n二、收入情况\n{BAD2}\n", encoding="utf-8")
    r = run("check", "--isolated", "--write-baseline", "baseline.json", "report.txt")
    assert r.exit_code == 0
    assert len(json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]) == 2
    # unrelated edits and the paragraph moved to the end: nothing comes back
    doc.write_text(f"二、收入情况（修订）\n{BAD2}\n\n新增一段说明，没有数字。\n一、总体情况\n{BAD}\n", encoding="utf-8")
    r, out = report("--baseline", "baseline.json", "report.txt")
    assert out["findings"] == [] and r.exit_code == 0
    assert out["suppressions"]["baselined"] == 2
    # a new error is reported
    doc.write_text(f"{BAD}\n{BAD2}\n会议费1.20万元，培训费2.80万元，合计4.10万元。\n", encoding="utf-8")
    r, out = report("--baseline", "baseline.json", "report.txt")
    assert [f["code"] for f in out["findings"]] == ["FL101"] and r.exit_code == 1
    assert out["findings"][0]["line"] == 3
    # fixing a baselined error leaves a stale entry, which is reported
    doc.write_text(f"{BAD2}\n", encoding="utf-8")
    r, out = report("--baseline", "baseline.json", "report.txt")
    assert out["findings"] == []
    assert [e["path"] for e in out["suppressions"]["stale_baseline"]] == ["report.txt"]
    assert "stale baseline entry" in run("check", "--isolated", "--lang", "en", "--baseline", "baseline.json",
                                         "report.txt").output


def test_changing_a_figure_of_a_baselined_claim_reports_it_again(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(BAD + "\n", encoding="utf-8")
    run("check", "--isolated", "--write-baseline", "b.json", "r.txt")
    (tmp_path / "r.txt").write_text(BAD.replace("688.86", "698.86") + "\n", encoding="utf-8")
    r, out = report("--baseline", "b.json", "r.txt")
    assert [f["code"] for f in out["findings"]] == ["FL101"]


def test_bad_baseline_file(tmp_path):
    (tmp_path / "b.json").write_text("[]", encoding="utf-8")
    r = run("check", "--isolated", "--baseline", tmp_path / "b.json", "-")
    assert r.exit_code == 2 and "baseline" in r.output
