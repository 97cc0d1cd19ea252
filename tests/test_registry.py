"""The rule modules are the only registry: families with their titles, codes and severities are read from
them, and contradictions are refused."""
from types import ModuleType

import pytest
from fiscal_lint.check.rule import Family, Message, Option, Rule
from fiscal_lint.run.registry import RegistryError, all_rules, families, registry

SUMS = Family("sum", Message("Sums", "合计与分项"))


def module(name, rules, **declared):
    mod = ModuleType(f"fiscal_lint.rules.{name}")
    mod.RULES, mod.check = rules, lambda doc: iter(())
    for key, value in declared.items():
        setattr(mod, key, value)
    return mod


def rule(code="FL101", name="sum-mismatch", family="sum", severity="error", options=None):
    return Rule(code, name, family, severity, Message("en", "zh"), options=options or {})


def test_the_real_modules_declare_every_family_once():
    names = [f.name for f in families()]
    assert len(names) == len(set(names))
    assert set(names) == {r.family for r in all_rules()}
    assert names[:3] == ["sum", "change", "execution"]  # in the order of their first code
    assert all(f.title.en and f.title.zh for f in families())


def test_a_module_may_hold_rules_of_families_it_imports():
    rules, fams = registry([module("sum", [rule()], FAMILY=SUMS),
                            module("tables", [rule("FL801", "table-total")], FAMILIES=(SUMS,))])
    assert [r.code for r in rules] == ["FL101", "FL801"] and fams == (SUMS,)


@pytest.mark.parametrize("mods, says", [
    ([module("sum", [rule()])], "declares no FAMILY"),
    ([module("sum", [rule(family="summ")], FAMILY=SUMS)], "family 'summ' is not declared by rules/sum.py"),
    ([module("sum", [rule()], FAMILY=SUMS), module("other", [rule("FL102", "b")], FAMILY=Family("sum", Message("x", "y")))],
     "family 'sum' is declared differently"),
    ([module("sum", [rule(), rule(name="other")], FAMILY=SUMS)], "rule code FL101 declared twice"),
    ([module("sum", [rule(), rule(code="FL102")], FAMILY=SUMS)], "rule name 'sum-mismatch' declared twice"),
    ([module("sum", [rule(severity="fatal")], FAMILY=SUMS)], "severity 'fatal'"),
    ([module("sum", [rule(code="F101")], FAMILY=SUMS)], "not a rule code"),
    ([module("sum", [rule()], FAMILIES=(SUMS, Family("change", Message("x", "y"))))], "family 'change'"),
    ([module("sum", [rule(options={"Min_Parts": Option(2, Message("x", "y"))})], FAMILY=SUMS)], "option 'Min_Parts'"),
    ([module("sum", [rule(options={"min-parts": Option(1, Message("x", "y"), minimum=2)})], FAMILY=SUMS)], "option 'min-parts'"),
    ([module("sum", [rule(options={"min-parts": 2})], FAMILY=SUMS)], "option 'min-parts'"),
])
def test_contradictions_are_refused(mods, says):
    with pytest.raises(RegistryError, match=says):
        registry(mods)


def test_option_values_are_checked_against_the_default_type():
    number, whole, flag = Option(5.0, Message("x", "y"), minimum=0), Option(2, Message("x", "y")), Option(True, Message("x", "y"))
    assert number.problem(7) is None and number.problem(7.5) is None
    assert "a number" in number.problem("7") and "a number" in number.problem(True) and "at least 0" in number.problem(-1)
    assert whole.problem(3) is None and "a whole number" in whole.problem(3.0)
    assert flag.problem(False) is None and "true or false" in flag.problem(1)


def test_a_released_rule_crosses_processes_by_name_and_any_other_by_value():
    import pickle

    for released in all_rules():
        assert pickle.loads(pickle.dumps(released)) is released
    made = rule(code=all_rules()[0].code, name="a-rule-of-a-test")  # same code, not the module's rule
    copy = pickle.loads(pickle.dumps(made))
    assert copy == made and copy is not made and copy.name == "a-rule-of-a-test"
