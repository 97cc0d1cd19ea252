"""The README's rule table is the rule registry: it cannot drift."""
import re

from conftest import HERE
from fiscal_lint.run.registry import all_rules


def test_readme_rule_table_matches_the_rules():
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (FL\d{3}) \| (\S+) \| (\S+) \| (\S+) \| (.+?) \|$", readme, re.M)
    documented = {code: (name, family, severity, summary) for code, name, family, severity, summary in rows}
    actual = {r.code: (r.name, r.family, r.severity, r.summary.en) for r in all_rules()}
    assert documented == actual


def test_readme_has_exactly_two_setup_commands():
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up")[1].split("\n## ")[0]
    commands = re.findall(r"```sh\n(.+?)\n```", setup, re.S)
    assert commands == ["pip install . && fiscal-lint check tests/corpus/seeds",
                        "pip install -e '.[test]' && pytest"]
    ci = (HERE.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci  # CI may add pytest options after it


def test_rule_pages_are_generated_from_the_rules():
    from fiscal_lint.front.docs import pages

    folder = HERE.parent / "docs" / "rules"
    for name, text in pages().items():
        committed = (folder / name).read_text(encoding="utf-8")
        assert committed == text, f"docs/rules/{name} is stale: run `fiscal-lint rules --write-docs docs/rules`"


def test_rule_command_explains_with_the_live_message():
    from click.testing import CliRunner
    from fiscal_lint.front.cli import main

    r = CliRunner().invoke(main, ["rule", "FL201", "--lang", "en"])
    assert r.exit_code == 0
    assert "Consistent example" in r.output and "FL201 [error]" in r.output
    r = CliRunner().invoke(main, ["rule", "change-percent", "--lang", "zh"])
    assert "一致的示例" in r.output and "文中为27.3%" in r.output
    assert CliRunner().invoke(main, ["rule", "FL999"]).exit_code == 2
