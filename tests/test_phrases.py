"""Claim phrases as real documents write them: each class of phrase in simplified, traditional and
PDF-broken forms. The passages are written for these tests, in the styles real disclosures show."""
import pytest
from conftest import codes, lint_text, passed


# ------------------------------------------------------------------ execution with the budget inside
@pytest.mark.parametrize("text", [
    "1-6月，全县完成一般公共预算收入5230万元，完成年初预算数11000万元的47.5%，同比增长3.2%。",
    "全市政府性基金收入812万元,占年初预算1900万元的42.7%,同比下降12.4%。",
    "1-6月，全縣完成政府性基金支出3015萬元，佔年初預算6120萬元的49.3%，同比下降8.5%。",
    "全县一般公共预算支出累计完成41230万元,\n完成调整预算数80500万元的51.2%。",
])
def test_budget_inside_the_rate_phrase_is_read(text):
    r = lint_text(text)
    assert [f.rule.code for f in r.findings if f.rule.family != "change"] == []
    assert passed(r, "execution")


@pytest.mark.parametrize("text,expected", [
    ("1-6月，全县完成一般公共预算收入5230万元，完成年初预算数11000万元的45.7%。", "47.5%"),
    ("全市政府性基金收入812万元,佔年初預算1900萬元的44.7%。", "42.7%"),
])
def test_budget_inside_the_rate_phrase_is_checked(text, expected):
    r = lint_text(text)
    assert codes(r) == ["FL301"]
    assert r.findings[0].expected == expected


def test_budget_inside_a_rate_is_not_a_total():
    # the budget of the rate is not the total of the list that follows
    r = lint_text("全县政府性基金收入930万元，占年初预算2200万元的42.3%，其中土地出让收入840万元，"
                  "城市基础设施配套费收入40万元，污水处理费收入50万元。")
    assert codes(r) == []
    assert passed(r, "sum") and passed(r, "execution")
