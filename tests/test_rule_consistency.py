"""FL70x: balance identities and cross-references."""
from conftest import codes, lint_text, passed


def test_carry_over_identity():
    text = "2020年实际完成总收入666.29万元,上年结转304.08万元,总支出550.55万元,年末结余419.82万元。"
    r = lint_text(text)
    assert codes(r) == [] and passed(r, "balance")
    r = lint_text(text.replace("419.82", "429.82"))
    assert codes(r) == ["FL701"] and r.findings[0].expected == "419.82万元"


def test_grand_totals():
    text = ("2023年度收入总计1,200.00万元，支出总计1,200.00万元。\n本年收入合计1,100.00万元。\n年初结转和结余100.00万元。\n"
            "本年支出合计1,150.00万元。\n年末结转和结余50.00万元。\n")
    r = lint_text(text)
    assert codes(r) == []
    assert len(passed(r, "balance")) == 2
    r = lint_text(text.replace("年末结转和结余50.00万元", "年末结转和结余40.00万元"))
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL701", "warning")]  # 结余分配 not stated


def test_same_quantity_twice():
    text = ("2020年度财政拨款基本支出预算539.26万元,实际支出550.55万元。\n"
            "2020年收入预算707万元,其中:财政拨款收入707万元。2020年总支出550.55万元(其中基本支出499.98万元、项目支出50.57万元)。\n")
    # the sentence says which basis its figures are (实际完成): the two statements are one quantity
    r = lint_text(text.replace("2020年总支出", "2020年实际完成总支出"))
    assert "FL711" in codes(r)
    f = next(f for f in r.findings if f.rule.code == "FL711")
    assert {x.text for x in f.figures} == {"499.98万元", "550.55万元"}
    assert "line 1" in f.message.en
    # without a basis word, 499.98 may be a budget or an actual: unsure, not a finding
    r = lint_text(text)
    assert "FL711" not in codes(r)
    assert any(c.rule.code == "FL711" and c.status == "unsure" for c in r.checks)


def test_different_funds_and_balances_are_different_quantities():
    text = ("本年收入合计42,345,678.90元，其中：一般公共预算财政拨款收入40,123,456.78元；政府性基金预算财政拨款收入0元。\n"
            "基本支出结余 0 元，项目支出结余 0 元。基本支出396.58万元。\n"
            "2023年度财政拨款收入总计40,123,456.78元，支出总计40,123,456.78元。2023年度支出总计45,678,912.34元。\n")
    # 0元 of the 政府性基金 is not the 40 million of the 一般公共预算; 基本支出结余 is not 基本支出;
    # the 财政拨款 支出总计 is not the unit's 支出总计
    assert "FL711" not in codes(lint_text(text))


def test_years_of_a_final_account_and_of_a_budget():
    final = "2024年度部门决算\n2023年度部门决算情况说明\n截至2023年12月31日，本部门共有车辆2辆。\n与2023年度相比，支出减少。\n"
    assert codes(lint_text(final)) == ["FL712", "FL712"]
    # a 2024 budget counts its assets at the end of 2023: nothing to say
    budget = "2024年部门预算\n2024年部门预算情况说明\n截至2023年12月31日，本部门共有车辆2辆。\n"
    assert codes(lint_text(budget)) == []
