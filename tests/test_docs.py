"""The README's rule table and docs/rules/ are generated from the rule modules: they cannot drift."""
import re
import shutil

from conftest import HERE
from fiscal_lint.front import docs
from fiscal_lint.run.registry import all_rules


def test_readme_rule_table_is_generated_from_the_rules():
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    assert readme == docs.with_readme_table(readme), "README.md's rule table is stale: run `python -m fiscal_lint.front.docs`"
    rows = re.findall(r"^\| (FL\d{3}) \| (\S+) \| (\S+) \| (\S+) \| (.+?) \|$", readme, re.M)
    documented = {code: (name, family, severity, summary) for code, name, family, severity, summary in rows}
    assert documented == {r.code: (r.name, r.family, r.severity, r.summary.en) for r in all_rules()}


def test_regenerate_rewrites_what_is_stale_and_check_says_so(tmp_path, capsys):
    shutil.copytree(HERE.parent / "docs" / "rules", tmp_path / "docs" / "rules")
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    (tmp_path / "README.md").write_text(readme.replace("| FL101 | sum-mismatch |", "| FL101 | sum-mismatched |"),
                                        encoding="utf-8")
    (tmp_path / "docs" / "rules" / "share.md").unlink()
    assert docs.main(["--check", str(tmp_path)]) == 1
    assert sorted(capsys.readouterr().out.splitlines()) == [f"stale {tmp_path / 'README.md'}",
                                                            f"stale {tmp_path / 'docs' / 'rules' / 'share.md'}"]
    assert docs.main([str(tmp_path)]) == 0
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == readme
    assert docs.main(["--check", str(tmp_path)]) == 0
    (tmp_path / "README.md").write_text("# no table\n", encoding="utf-8")
    assert docs.main([str(tmp_path)]) == 2


def test_readme_has_exactly_two_setup_commands():
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up")[1].split("\n## ")[0]
    commands = re.findall(r"```sh\n(.+?)\n```", setup, re.S)
    assert commands == ["pip install . && fiscal-lint check tests/corpus/seeds",
                        "pip install -e '.[test]' && pytest"]
    ci = (HERE.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci  # CI may add pytest options after it


def test_rule_pages_are_generated_from_the_rules():
    folder = HERE.parent / "docs" / "rules"
    assert sorted(p.name for p in folder.glob("*.md")) == sorted(docs.pages())
    for name, text in docs.pages().items():
        committed = (folder / name).read_text(encoding="utf-8")
        assert committed == text, f"docs/rules/{name} is stale: run `python -m fiscal_lint.front.docs`"


def test_rule_command_explains_with_the_live_message():
    from click.testing import CliRunner
    from fiscal_lint.front.cli import main

    r = CliRunner().invoke(main, ["rule", "FL201", "--lang", "en"])
    assert r.exit_code == 0
    assert "Consistent example" in r.output and "FL201 [error]" in r.output
    r = CliRunner().invoke(main, ["rule", "change-percent", "--lang", "zh"])
    assert "一致的示例" in r.output and "文中为27.3%" in r.output
    assert CliRunner().invoke(main, ["rule", "FL999"]).exit_code == 2
