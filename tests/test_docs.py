"""The README's rule table is the rule registry: it cannot drift."""
import re

from conftest import HERE
from fiscal_lint.rule import all_rules


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
    assert commands[1] in ci
