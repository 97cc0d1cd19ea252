"""FL2xx: change amounts, percents and directions."""
import pytest
from conftest import codes, lint_text, passed, statuses


@pytest.mark.parametrize("text", [
    "2021年度收入合计1010.52万元,较上年决算数增加210.44万元,增长26.3%。",
    "2022年度“三公”經費支出共計12.58萬元，較上年決算數減少3.42萬元，下降21.4%。",
    "全年一般公共预算支出12.35亿元，同比增长6.2%，增加0.72亿元。",
    "公务用车运行维护费 3.6 万元，较上年减少 0.9 万元，下降 20.0 %。",
    "２０２３年度收入总计１，２３４．５６万元，较上年决算数增加１３４．５６万元，增长１２．２％。",
    "2023年度会议费支出1.85万元，较上年决算数减少3,500元，下降15.9%。",
    # the current figure stands two sentences back
    "2021年度“三公”经费支出共计1.16万元,较年初预算数减少3.87万元,下降76.9%,主要原因一是从严控制。二是落实规定。较上年支出数减少0.36万元,下降23.7%。",
    # consecutive-year pair instead of a change amount
    "2020年度“三公经费”预算为2.2万元,2019年度“三公经费”预算为7.08万元。“三公经费”支出预算比上年减少68.93%。",
    # 各: each of the two totals
    "财政拨款收、支总计1010.52万元。与2020年相比，财政拨款收、支总计各增加210.44万元，增长26.3%。",
    # a PDF line break inside 增加
    "2022年度机关运行经费支出38.52万元，较上年决算数增\n加4.12万元，增长12.0%，主要原因是新增物业费。",
])
def test_consistent(text):
    r = lint_text(text)
    assert codes(r) == []
    assert passed(r, "change")


@pytest.mark.parametrize("text,expected", [
    ("2022年度一般公共預算財政撥款支出856.40萬元，比上年增加56.40萬元，增長8.1%。", "7.1%"),
    ("全区国有土地使用权出让收入45.6亿元，比上年下降12.3%，减少5.2亿元。", "10.2%"),
    ("2022年度部门预算收入1,580.00万元，2021年度部门预算收入1,420.00万元，比上年增长12.5%。", "11.3%"),
    ("本年度培训费支出0.6万元,较上年决算数增加0.14万元,增长35.0%。", "30.4%"),
])
def test_wrong_percent(text, expected):
    r = lint_text(text)
    assert codes(r) == ["FL201"]
    assert r.findings[0].expected == expected
    assert "stated" in r.findings[0].message.en and "文中为" in r.findings[0].message.zh


def test_direction_words_disagree():
    r = lint_text("2023年度公用经费43.98万元，较上年决算数减少9.48万元，增长27.5%。")
    assert "FL202" in codes(r)
    # only the direction is wrong: the size agrees, so FL201 stays quiet
    r = lint_text("2023年度公用经费43.98万元，较上年决算数增加9.48万元，下降27.5%。")
    assert codes(r) == ["FL202"]


def test_direction_against_stated_figures():
    r = lint_text("2023年度“三公”经费预算为8.50万元，2022年度“三公”经费预算为8.00万元，“三公”经费预算比上年减少6.25%。")
    assert "FL202" in codes(r)


def test_change_amount_against_stated_previous():
    r = lint_text("2023年度收入120.00万元，2022年度收入100.00万元，较上年增加20.00万元，增长20.0%。")
    assert codes(r) == [] and passed(r, "change")
    r = lint_text("2023年度收入120.00万元，2022年度收入100.00万元，较上年增加25.00万元，增长20.0%。")
    assert "FL203" in codes(r)
    assert next(f for f in r.findings if f.rule.code == "FL203").expected == "20.00万元"
    # figures of two different quantities are not a pair
    r = lint_text("2023年度收入120.00万元，2022年度支出100.00万元，较上年增加25.00万元，增长26.3%。")
    assert "FL203" not in codes(r)


def test_flat_with_a_real_change():
    r = lint_text("2023年度培训费支出3.20万元，较上年决算数增加0.45万元，增长16.4%，与上年持平。")
    assert codes(r) == ["FL204"] and r.findings[0].severity == "warning"


def test_zero_change_with_either_word_is_fine():
    r = lint_text("公务车运行维护费0.95万元。较上年支出数减少0万元,增长0%,与上年持平。")
    assert codes(r) == []
    r = lint_text("因公出国(境)费用0万元,费用支出较年初预算数增加0万元,增长0.0%。")
    assert codes(r) == []


def test_truncation_mode():
    # 130 / 930 = 13.978%: an office that truncates writes 13.9%, one that rounds 14.0%
    text = "会议费支出1060.00万元，较上年增加130.00万元，增长13.9%。"
    assert codes(lint_text(text)) == ["FL201"]
    assert codes(lint_text(text, rounding="truncate")) == []


def test_template_words_left_in_brackets():
    # "下降（增长）" left from the template: the word outside the brackets is the author's
    r = lint_text("2024年度“三公”经费财政拨款支出决算数0.39万元，比2023年度减少0.15万元，下降（增长）27.78%。")
    assert codes(r) == []
    assert passed(r, "change")


def test_truncated_percent_is_a_note_not_an_error():
    # 56.95 / 3052.34 = 1.8658%: written 1.86% by an office that truncates
    r = lint_text("收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.86%。")
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL201", "info")]
    assert "truncate" in r.findings[0].message.en
    assert codes(lint_text("收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降1.86%。",
                           rounding="truncate")) == []


def test_wrong_current_figure_is_named():
    # a figure replaced by 0: the amount and the percent agree with each other, not with it
    r = lint_text("2024年度收入支出总计0万元。与2023年度相比，收入支出总计减少56.95万元，下降1.87%。")
    assert codes(r) == ["FL201"]
    assert "2988.50万元" in r.findings[0].message.en


def test_negative_percent_after_increase_word():
    r = lint_text("2023年度会议费支出0.56万元，较上年决算数减少0.4万元，增长-41.7%。")
    assert codes(r) == []


def test_base_against_the_initial_budget():
    r = lint_text("一般公共预算财政拨款支出1010.52万元，与年初预算相比，增加98.08万元，增长10.7%。")
    assert codes(r) == [] and passed(r, "change")


def test_current_from_an_earlier_sentence():
    # the earlier sentence's figure is not named by the change's subject: unsure
    r = lint_text("收入支出总计1000.00万元。收支较上年决算数增加100.00万元，增长12.5%。")
    assert codes(r) == []
    assert statuses(r, "FL201") == ["unsure"]
    # it is: a link
    r = lint_text("收入支出总计1000.00万元。收入支出总计较上年决算数增加100.00万元，增长12.5%。")
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL201", "error")]
    r = lint_text("收入支出总计1000.00万元，较上年决算数增加100.00万元，增长12.5%。")
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL201", "error")]


def test_current_figure_stated_after_the_change():
    r = lint_text("办公用房面积800平方米。2023年度支出比上年增加52.00万元，增长5.2%，达到1,052.00万元。")
    assert codes(r) == [] and passed(r, "change")
    r = lint_text("2023年度支出比上年增加52.00万元，增长6.2%，达到1,052.00万元。")
    assert codes(r) == ["FL201"]


def test_distributive_lists():
    text = "2023年全县一般公共预算收入和支出分别为4125.49、4143.91万元，较上年各减少1267.86、2570.97万元，各下降23.51%、{p}。"
    r = lint_text(text.format(p="38.29%"))
    assert codes(r) == [] and len(passed(r, "change")) >= 2
    r = lint_text(text.format(p="36.29%"))
    assert codes(r) == ["FL201"] and r.findings[0].expected == "38.29%"
