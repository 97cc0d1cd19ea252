"""Configuration: discovery, selection, severities, exclusions, and errors that name the key."""
import json

from click.testing import CliRunner
from fiscal_lint.front.cli import main

BAD_SUM = "本年支出合计1,010.52万元，其中：基本支出331.66万元，项目支出688.86万元。\n"
BAD_CHANGE = "2021年度收入合计1,010.52万元，较上年决算数增加210.44万元，增长27.3%。\n"
ROUNDED = "项目预算137.95万元，实际支出137.60万元，预算执行率100%。\n"  # FL303 warning


def run(*args, cwd=None):
    return CliRunner().invoke(main, [str(a) for a in args])


def codes(result):
    return [f["code"] for f in json.loads(result.stdout)["findings"]]


def project(tmp_path, config: str, name=".fiscal-lint.toml"):
    (tmp_path / name).write_text(config, encoding="utf-8")
    docs = tmp_path / "docs" / "2024"
    docs.mkdir(parents=True)
    (docs / "sum.txt").write_text(BAD_SUM, encoding="utf-8")
    (docs / "change.txt").write_text(BAD_CHANGE, encoding="utf-8")
    return docs


def test_found_by_walking_up_and_ignore_by_prefix(tmp_path):
    docs = project(tmp_path, 'ignore = ["FL2"]\n')
    r = run("check", "--format", "json", docs)
    assert codes(r) == ["FL101"]


def test_pyproject_table_and_select_by_name(tmp_path):
    docs = project(tmp_path, '[tool.fiscal-lint]\nselect = ["change-percent"]\n', name="pyproject.toml")
    assert codes(run("check", "--format", "json", docs)) == ["FL201"]


def test_command_line_wins_and_isolated_ignores_files(tmp_path):
    docs = project(tmp_path, 'ignore = ["FL2"]\n')
    assert sorted(codes(run("check", "--format", "json", "--isolated", docs))) == ["FL101", "FL201"]
    assert codes(run("check", "--format", "json", "--select", "FL2", "--ignore", "FL101", docs)) == ["FL201"]


def test_named_config_file(tmp_path):
    docs = project(tmp_path, 'ignore = ["FL2"]\n')
    other = tmp_path / "strict.toml"
    other.write_text('extend-select = ["FL2"]\nignore = ["sum-mismatch"]\n', encoding="utf-8")
    assert codes(run("check", "--format", "json", "--config", other, docs)) == ["FL201"]


def test_severity_fail_on_and_lang(tmp_path):
    docs = project(tmp_path, '[severity]\nFL101 = "warning"\n')
    r = run("check", "--format", "json", docs / "sum.txt")
    assert json.loads(r.stdout)["findings"][0]["severity"] == "warning"
    assert r.exit_code == 0
    (tmp_path / ".fiscal-lint.toml").write_text('fail-on = "warning"\nlang = "zh"\n[severity]\nFL101 = "warning"\n',
                                                encoding="utf-8")
    r = run("check", "--format", "json", docs / "sum.txt")
    assert r.exit_code == 1
    assert "文中合计为" in json.loads(r.stdout)["findings"][0]["message"]


def test_a_finding_below_its_default_stays_below(tmp_path):
    docs = project(tmp_path, '[severity]\nFL303 = "error"\n')
    (docs / "rounded.txt").write_text(ROUNDED, encoding="utf-8")
    r = run("check", "--format", "json", docs / "rounded.txt")
    assert json.loads(r.stdout)["findings"][0]["severity"] == "error"  # FL303's default is warning


def test_exclude_and_per_file_ignores(tmp_path):
    docs = project(tmp_path, 'exclude = ["docs/2024/change.txt"]\n[per-file-ignores]\n"sum.txt" = ["FL1"]\n')
    r = run("check", "--format", "json", docs)
    doc = json.loads(r.stdout)
    assert [f["path"].rsplit("/", 1)[-1] for f in doc["files"]] == ["sum.txt"]  # change.txt is excluded
    assert doc["findings"] == []  # FL1 is ignored in sum.txt
    assert r.exit_code == 0


def test_rounding_from_config(tmp_path):
    docs = project(tmp_path, 'rounding = "truncate"\n')
    (docs / "cut.txt").write_text("会议费支出1060.00万元，较上年增加130.00万元，增长13.9%。\n", encoding="utf-8")
    assert codes(run("check", "--format", "json", docs / "cut.txt")) == []


def test_unknown_key_and_bad_values_name_the_key(tmp_path):
    for config, word in (('selct = ["FL1"]\n', "selct"), ('rounding = "up"\n', "rounding"),
                         ('select = ["FL9"]\n', "select"), ('[severity]\nFL101 = "fatal"\n', "severity.FL101"),
                         ('exclude = "x"\n', "exclude"), ("select = [\n", "not valid TOML")):
        (tmp_path / ".fiscal-lint.toml").write_text(config, encoding="utf-8")
        (tmp_path / "a.txt").write_text(BAD_SUM, encoding="utf-8")
        r = run("check", tmp_path / "a.txt")
        assert r.exit_code == 2, config
        assert word in r.output, (config, r.output)
        assert "Traceback" not in r.output


def test_bad_command_line_selector():
    r = run("check", "--select", "FL9", "-")
    assert r.exit_code == 2 and "FL9" in r.output


def test_show_settings(tmp_path):
    docs = project(tmp_path, 'ignore = ["FL2"]\nrounding = "truncate"\n')
    r = run("check", "--show-settings", docs / "sum.txt")
    shown = json.loads(r.stdout)
    assert r.exit_code == 0
    assert shown["ignore"] == ["FL2"] and shown["rounding"] == "truncate"
    assert shown["path"].endswith(".fiscal-lint.toml")
