"""Changes read from tables (claims/table_changes.py): previous, current, amount and rate columns."""
import pytest
from conftest import codes, lint_text

CHANGE_TABLE = """某县2024年"三公"经费决算情况统计表
单位:万元
项目 | 上年决算数 | 本年决算数 | 比上年增、减情况 | |
增、减金额 | 增、减幅度 | |||
合计 | 200.00 | 180.00 | -20.00 | -10.0% |
1.因公出国(境)费 | 10.00 | 8.00 | {delta} | -20.0% |
2.公务接待费 | 190.00 | 172.00 | -18.00 | -9.47% |
"""


@pytest.mark.parametrize("delta, ok", [("-2.00", True), ("-3.00", False)])
def test_a_change_table_with_a_spanning_header(delta, ok):
    r = lint_text(CHANGE_TABLE.format(delta=delta))
    assert codes(r) == ([] if ok else ["FL203"])
    rules = [c.rule.code for c in r.checks if c.rule.family == "change"]
    assert rules.count("FL203") == 3 and rules.count("FL201") == 3
    if not ok:
        assert r.findings[0].expected == "-2.00万元"


def test_a_change_table_drawn_with_box_characters():
    text = ("                 各級政府收支比較表  單位:新台幣百萬元\n"
            "──────────┬──────┬──────┬──────\n"
            "    項       目  │本 次 預 算 數│ 上年度預算數 │ 比     較\n"
            "──────────┼──────┼──────┼──────\n"
            "一、歲 入 合 計  │   3,100,000  │   2,500,000  │    600,000\n"
            "  1.稅課收入     │   2,000,000  │   1,400,000  │    610,000\n")
    r = lint_text(text)
    assert codes(r) == ["FL203"]
    assert r.findings[0].expected == "600000"
    assert "2000000 − 1400000 = 600000, stated 610000" in r.findings[0].message.en


def test_a_change_table_with_two_years_before_is_not_read():
    text = ("项目 | 2022年决算数 | 2023年决算数 | 2024年决算数 | 增长率 |\n"
            "合计 | 100.00 | 110.00 | 121.00 | 10.0% |\n")
    r = lint_text(text)
    assert not [c for c in r.checks if c.rule.family == "change"]


# a heading spanning the amount, its share of the budget and its growth, over a second row naming all three; rows
# whose figures are all empty ("城镇土地使用税 | |||||") are rows of a pipe table, not cells written one per line
EXECUTION_TABLE = """2024年某镇一般公共预算收入执行情况表 | |||||
单位:万元 | |||||
项 目 | 2023年决算数 | 2024年预算调整数 | 2024年执行数 | ||
金额 | 占调整预算% | 比上年增长% | |||
一、税收收入 | 520 | 560 | 560 | 100 | 7.69 |
增值税 | 300 | 330 | 330 | 100 | {rate} |
资源税 | |||||
城镇土地使用税 | |||||
耕地占用税 | |||||
契税 | |||||
二、非税收入 | |||||
罚没收入 | |||||
"""


@pytest.mark.parametrize("rate, ok", [("10.00", True), ("12.00", False)])
def test_the_growth_under_a_spanning_heading_is_of_the_amount_under_it(rate, ok):
    r = lint_text(EXECUTION_TABLE.format(rate=rate))
    assert codes(r) == ([] if ok else ["FL201"])
    assert [c.rule.code for c in r.checks if c.rule.family == "change"].count("FL201") == 2
    if not ok:
        assert r.findings[0].expected == "10.00%"


RATE_TABLE = """2024年某镇一般公共预算收入执行情况表
单位:万元
项 目 | 2023年决算数 | 2024年预算调整数 | 2024年执行数 | ||
金额 | 占调整预算% | 比上年增长% | |||
一、税收收入 | 520 | 560 | 548 | {rate} | 5.38 |
增值税 | 310 | 330 | 330 | 100 | 6.45 |
"""


@pytest.mark.parametrize("rate, found", [("97.86", []), ("98.86", ["FL301"])])
def test_an_execution_rate_column_is_its_amount_over_the_budget_it_names(rate, found):
    r = lint_text(RATE_TABLE.format(rate=rate))
    assert codes(r) == found  # 548 / 560 = 97.857%
    assert [c.rule.code for c in r.checks].count("FL301") == 2
