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


NEARLY_FLAT = "培训费支出3.20万元，较上年决算数增加0.21万元，增长7.0%，与上年基本持平。\n"  # 7% is more than 5%


def test_a_rule_option_from_config_by_code_or_name(tmp_path):
    (tmp_path / "flat.txt").write_text(NEARLY_FLAT, encoding="utf-8")
    r = run("check", "--format", "json", "--isolated", tmp_path / "flat.txt")
    finding = json.loads(r.stdout)["findings"][0]
    assert finding["code"] == "FL204" and "more than the 5% it allows" in finding["message"]
    for config in ('[rules.FL204]\nnearly-flat-percent = 8\n', '[rules.change-flat]\nnearly-flat-percent = 7.5\n'):
        (tmp_path / ".fiscal-lint.toml").write_text(config, encoding="utf-8")
        r = run("check", "--format", "json", tmp_path / "flat.txt")
        doc = json.loads(r.stdout)
        assert doc["findings"] == [] and r.exit_code == 0, config
        assert any(c["code"] == "FL204" and c["status"] == "pass" for c in doc["checks"])
    (tmp_path / ".fiscal-lint.toml").write_text('[rules.FL204]\nnearly-flat-percent = 6\n', encoding="utf-8")
    assert codes(run("check", "--format", "json", tmp_path / "flat.txt")) == ["FL204"]
    # 持平 itself is not loosened by the option: no change within rounding
    (tmp_path / "strict.txt").write_text(NEARLY_FLAT.replace("基本持平", "持平"), encoding="utf-8")
    (tmp_path / ".fiscal-lint.toml").write_text('[rules.FL204]\nnearly-flat-percent = 50\n', encoding="utf-8")
    assert codes(run("check", "--format", "json", tmp_path / "strict.txt")) == ["FL204"]


def test_rule_options_in_pyproject_and_show_settings(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.fiscal-lint.rules.FL204]\nnearly-flat-percent = 10\n',
                                             encoding="utf-8")
    (tmp_path / "flat.txt").write_text(NEARLY_FLAT, encoding="utf-8")
    assert codes(run("check", "--format", "json", tmp_path / "flat.txt")) == []
    shown = json.loads(run("check", "--show-settings", tmp_path / "flat.txt").stdout)
    assert shown["rules"]["FL204"] == {"nearly-flat-percent": 10}
    assert json.loads(run("check", "--isolated", "--show-settings", "-").stdout)["rules"]["FL204"] == \
        {"nearly-flat-percent": 5.0}  # the defaults are in force


def test_bad_rule_options_name_the_key(tmp_path):
    for config, word in (('[rules.FL204]\nnearly-flat = 8\n', "'rules.FL204.nearly-flat'"),
                         ('[rules.FL204]\nnearly-flat-percent = "8"\n', "'rules.FL204.nearly-flat-percent' must be a number"),
                         ('[rules.FL204]\nnearly-flat-percent = true\n', "'rules.FL204.nearly-flat-percent' must be a number"),
                         ('[rules.FL204]\nnearly-flat-percent = -1\n', "'rules.FL204.nearly-flat-percent' must be at least 0"),
                         ('[rules.FL101]\nnearly-flat-percent = 8\n', "has options: none"),
                         ('[rules.FL999]\nx = 1\n', "'rules.FL999' names no rule"),
                         ('[rules.FL2]\nnearly-flat-percent = 8\n', "'rules.FL2' names no rule"),
                         ('[rules]\nFL204 = 8\n', "'rules.FL204' must be a table"),
                         ('rules = 8\n', "'rules' must hold one table per rule"),
                         ('[rules.FL204]\nnearly-flat-percent = 8\n[rules.change-flat]\nnearly-flat-percent = 9\n',
                          "'rules.change-flat' configures FL204 a second time")):
        (tmp_path / ".fiscal-lint.toml").write_text(config, encoding="utf-8")
        (tmp_path / "a.txt").write_text(NEARLY_FLAT, encoding="utf-8")
        r = run("check", tmp_path / "a.txt")
        assert r.exit_code == 2, config
        assert word in r.output, (config, r.output)
        assert "Traceback" not in r.output


def test_a_rule_reads_its_defaults_without_configuration():
    from conftest import lint_text
    from fiscal_lint.inputs.source import Source
    from fiscal_lint.run.engine import lint_source

    assert [f.rule.code for f in lint_text(NEARLY_FLAT).findings] == ["FL204"]
    source = Source(path="doc.txt", text=NEARLY_FLAT, encoding="utf-8")
    assert lint_source(source, rule_options={"FL204": {"nearly-flat-percent": 7.5}}).findings == []
