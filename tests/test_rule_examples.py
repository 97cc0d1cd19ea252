"""Every rule's documented examples, run: the consistent one raises nothing, the inconsistent one raises
that rule. The documentation cannot drift from the code."""
import pytest
from conftest import lint_text
from fiscal_lint.run.registry import all_rules

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_examples(rule):
    assert rule.good and rule.bad and rule.explanation, f"{rule.code} is not documented"
    good = lint_text(rule.good)
    assert [f.rule.code for f in good.findings] == [], f"{rule.code}: the consistent example raised"
    bad = lint_text(rule.bad)
    assert rule.code in [f.rule.code for f in bad.findings], f"{rule.code}: the inconsistent example did not raise"
