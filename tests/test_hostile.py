"""Hostile and absurd input: every document gets a result, and a bug costs one relation, not the file."""
import pytest
from conftest import lint_text
from fiscal_lint.check.rule import Broken, guarded

# short inputs that once raised inside a rule and lost every check of the document (issue 12)
REPRODUCERS = [
    "支出决算表|7||\n|||合计",
    "支出决算表\n|合计|+\n||7",
    "2元分别为9999999999999999999999999万元",
    "2元其中5555555555555555555555555元占2%",
    "\t\t全年预算数\t执行数\t执行率\t\n\t\t7\t9\t0.0000000000000000000000001\t",
    "5/9\\\\times0%=9%",
    "预算2元实际支出9元控制率4亿%",
    "府采7,7元占府采0万%",
]


@pytest.mark.parametrize("text", REPRODUCERS)
def test_reproducer_is_read_without_a_rule_error(text):
    result = lint_text(text)
    assert result.error is None and result.rule_errors == []


def test_a_huge_figure_is_checked_exactly():
    result = lint_text("合计2元，分别为9999999999999999999999999万元。")
    (f,) = [f for f in result.findings if f.rule.code == "FL101"]
    assert "99999999999999999999999990000" in f.message.en


def test_a_percent_takes_no_magnitude():
    # "4亿%" is no figure: nothing is checked against it, and nothing raises
    result = lint_text("预算2元，实际支出9元，控制率4亿%。")
    assert not [c for c in result.checks if c.rule.code == "FL411"]


def test_a_division_by_a_zero_multiplier_is_not_an_error():
    result = lint_text("5/9×0%=9%")
    assert result.rule_errors == []
    (f,) = result.findings  # as written, 5 / 9 × 0% is 0%: the slip to "× 100%" cannot be worked out
    assert f.rule.code == "FL412" and f.message.en.startswith("5 / 9 × 0% = 0.00%")


def test_guarded_keeps_what_was_given_and_marks_the_rest():
    def verdicts():
        yield "first"
        raise ZeroDivisionError("x")

    out = list(guarded(verdicts()))
    assert out[0] == "first" and isinstance(out[1], Broken) and isinstance(out[1].error, ZeroDivisionError)


def test_a_relation_that_raises_loses_only_itself(monkeypatch):
    import fiscal_lint.rules.ratio as ratio

    real = ratio._rate
    seen = []

    def flaky(doc, c):
        seen.append(c)
        if len(seen) == 1:
            raise IndexError("list index out of range")
        yield from real(doc, c)

    monkeypatch.setattr(ratio, "_rate", flaky)
    text = ("一、项目预算100万元，实际支出90万元，控制率为90%。\n"
            "二、项目预算200万元，实际支出150万元，控制率为75%。")
    result = lint_text(text)
    rates = [c for c in result.checks if c.rule.code == "FL411"]
    assert len(seen) == 2 and len(rates) == 1 and rates[0].status == "pass"
    assert len(result.rule_errors) == 1 and "IndexError" in result.rule_errors[0]


def test_a_claim_builder_that_raises_loses_only_its_paragraph(monkeypatch):
    from fiscal_lint.claims import kinds

    calls = []
    original = kinds.BUILDERS["rates"][:]

    def broken(doc):
        calls.append(1)
        raise KeyError("boom")

    monkeypatch.setitem(kinds.BUILDERS, "rates", [broken, *original])
    result = lint_text("本年支出合计30万元，其中基本支出10万元，项目支出20万元。项目预算100万元，实际支出90万元，控制率为90%。")
    assert calls == [1]  # built once, though two rules read the rates
    assert any(c.rule.code == "FL101" and c.status == "pass" for c in result.checks)
    assert any(c.rule.code == "FL411" and c.status == "pass" for c in result.checks)
    assert any("rates claims" in e and "KeyError" in e for e in result.rule_errors)
