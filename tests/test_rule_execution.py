"""FL3xx: budget, actual spending, balance and execution rate."""
import pytest
from conftest import codes, lint_text, passed


@pytest.mark.parametrize("text", [
    "2023年项目预算93.64万元,主要支出方向为办公费、邮电费等。截至2023年12月31日,实际支出93.64万元,结余0万元,预算执行率为100%。",
    # 5 after 5.00 is 5.00
    "2023年,项目预算5.00万元。截至2023年12月31日,实际支出5万元,结余0万元,预算执行率为100%。",
    "2022年項目預算數為45.00萬元，實際支出45.00萬元，結餘0萬元，預算執行率為100%。",
    "项目预算50.00万元，实际支出49.50万元，预算执行率为$99\\%$，结余0.50万元。",
    "2020年,我中心支出预算707万元,实际支出550.55万元,预算执行率77.87%。",
    # an addition during the year belongs to the budget
    "项目全年预算数为586万元,中途追加92.86万元,执行数为678.86万元,完成预算的100.0%。",
    # amounts in 元
    "项目预算资金1,250,000.00元，实际支出1,187,500.00元，结余62,500.00元，执行率95.0%。",
])
def test_consistent(text):
    r = lint_text(text)
    assert codes(r) == []
    assert passed(r, "execution")


@pytest.mark.parametrize("text,code,expected", [
    ("2023年项目预算120.00万元，截至2023年12月31日，实际支出118.80万元，预算执行率为100%。", "FL301", "99%"),
    ("2020年,我中心支出预算707万元,实际支出550.55万元,预算执行率87.87%。", "FL301", "77.87%"),
    ("项目全年预算数为300万元，中途调减20万元，执行数为300万元，执行率100%。", "FL301", "107%"),
    ("2023年，项目预算8.00万元，实际支出7.20万元，结余0万元。", "FL302", "0.80万元"),
    ("项目预算资金1,250,000.00元，实际支出1,187,500.00元，结余52,500.00元。", "FL302", "62500.00元"),
])
def test_inconsistent(text, code, expected):
    r = lint_text(text)
    assert codes(r) == [code]
    assert r.findings[0].severity == "error"
    assert r.findings[0].expected == expected


def test_full_execution_that_only_rounds_to_100_is_a_warning():
    r = lint_text("项目预算137.95万元，实际支出137.60万元，预算执行率100%。")
    assert codes(r) == ["FL303"]
    assert r.findings[0].severity == "warning"
    assert "99.75%" in r.findings[0].message.en


def test_other_rates_are_not_execution_rates():
    # 控制率 belongs to the ratio rules: the execution family stays out of it
    r = lint_text("公务运行维护经费预算数0.58万元,实际支出0万元,控制率25.46%。")
    assert [c for c in r.checks if c.rule.family == "execution"] == []


def test_opening_balance_is_not_the_balance():
    r = lint_text("我单位2023年收到财政资金673.48万元，年初结转结余0元，合计673.48万元。")
    assert codes(r) == []


def test_completion_of_the_initial_budget():
    r = lint_text("一般公共预算财政拨款支出年初预算为 2993.92 万元，支出决算为 2940.05 万元，完成年初预算的 98.20%。")
    assert codes(r) == []
    assert passed(r, "execution")
    r = lint_text("一般公共预算财政拨款支出年初预算为 2993.92 万元，支出决算为 2940.05 万元，完成年初预算的 96.20%。")
    assert codes(r) == ["FL301"]


def test_an_items_actual_is_not_checked_against_the_totals_budget():
    text = ("“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%，其中：因公出国（境）费"
            "决算为0.00万元，完成预算的0.00%；公务接待费支出决算为0.39万元，完成预算的50.00%。")
    r = lint_text(text)
    assert codes(r) == []
    assert len(passed(r, "execution")) == 1


def test_budget_stated_after_the_actual():
    r = lint_text("2023年实际支出95.00万元，预算100.00万元，预算执行率95.0%。")
    assert codes(r) == [] and passed(r, "execution")
    r = lint_text("2023年实际支出95.00万元，预算100.00万元，预算执行率90.0%。")
    assert codes(r) == ["FL301"]


def test_negative_balance():
    r = lint_text("项目预算100.00万元，实际支出105.20万元，结余-5.20万元。")
    assert codes(r) == [] and passed(r, "execution")


def test_the_rate_of_a_part_is_not_the_rate_of_the_whole():
    r = lint_text("2023年预算3,456.78万元，实际支出3,398.21万元，预算执行率98.31%，其中项目支出执行率92.5%。")
    assert codes(r) == []
