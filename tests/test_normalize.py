"""Normalization and its map back to the original text."""
import pytest
from fiscal_lint.text.normalize import CANON, normalize


def test_map_points_at_original_characters():
    original = "收入總計１，０１０．５２萬元，較上年增長 3.8 %。"
    n = normalize(original)
    assert n.text == "收入总计1010.52万元,较上年增长3.8%。"
    for i, ch in enumerate(n.text):
        # every kept character maps onto its own original form, thousands separators and all
        assert original[n.src[i]].translate(CANON) == ch


def test_line_and_column_are_original_and_in_characters():
    original = "第一行\n　　２０２１年度收入总计１，０１０．５２万元。"
    n = normalize(original)
    i = n.text.index("1010.52")
    assert n.line_col(i) == (2, 13)
    assert original.split("\n")[1][12] == "１"
    assert n.end_line_col(i + len("1010.52")) == (2, 21)


@pytest.mark.parametrize("original,expected", [
    ("3,256,480.00元", "3256480.00元"),
    ("1，010.52万元", "1010.52万元"),
    ("4125.49,4143.91万元", "4125.49,4143.91万元"),  # a list, not a thousands number
    ("分别为1,2,3个", "分别为1,2,3个"),
])
def test_thousands_separators(original, expected):
    assert normalize(original).text == expected


@pytest.mark.parametrize("original,expected", [
    ("优化办事效率 $\\geq 99\\%$ ,得2.5分", "优化办事效率≥99% ,得2.5分"),
    ("在职 15 人/编制 19 人 \\times 100%=79%", "在职15人/编制19人×100%=79%"),
    ("第一部分 部门概况 PAGEREF _Toc25831 \\h 3", "第一部分部门概况"),
    ("HYPERLINK \\l \"_Toc123\" 一、部门职责", " 一、部门职责"),
    # pinyin printed after characters (flattened ruby text): the words are read without it
    ("本年收支結(jié)餘7480億元,預(yù)算執行(a)", "本年收支结余7480亿元,预算执行(a)"),
])
def test_debris(original, expected):
    assert normalize(original).text == expected


def test_spaces_inside_phrases_go_but_not_between_digits_or_columns():
    assert normalize("收到财政资金 673.48 万元").text == "收到财政资金673.48万元"
    assert normalize("2024-8-21 15:15").text == "2024-8-21 15:15"
    assert normalize("合计    100.00    200.00").text == "合计    100.00    200.00"
    # a run of spaces between a figure and its unit is one phrase; a unit column of a table is not
    assert normalize("收入合计减少2415.45   万元,下降34  %。").text == "收入合计减少2415.45万元,下降34%。"
    assert normalize("合计  100.00  万元  200.00  万元").text == "合计  100.00  万元  200.00  万元"


def test_pdf_breaks_are_joined():
    n = normalize("较上年决算数增加 0.00\n万元")
    assert n.text == "较上年决算数增加0.00万元"
    long_line = "2022年度机关运行经费支出38.52万元，较上年决算数增"
    n = normalize(long_line + "\n加4.12万元。")
    assert "增加4.12万元" in n.text
    i = n.text.index("4.12")
    assert n.line_col(i) == (2, 2)


def test_page_break_with_blank_line_joins_only_long_lines():
    long_line = "2022年度政府采购支出总额215.80万元，较上年决算数增加35.80万元，增长19.9%，主要原因是集中采购增"
    assert "增加。" in normalize(long_line + "\n\n加。").text
    # headings and short list items stay apart
    assert normalize("1、投入 5 分\n\n预算配置得分。").text == "1、投入5分\n\n预算配置得分。"
    assert normalize("指标 3：优化办事效率 ≥99% ，得 2.5 分\n\n指标 4：便利度").text.count("\n") == 2


def test_table_rows_are_never_joined():
    text = "项目\t预算数\t执行数\n大厅运行经费项目支出情况说明如下所示内容较长\t93.64\t93.64"
    assert normalize(text).text == text


def test_traditional_keywords():
    assert normalize("較上年增長，減少，佔，總計，結餘，預算，決算").text == "较上年增长,减少,占,总计,结余,预算,决算"


def test_traditional_forms_of_the_grammar_words():
    # every word the claim grammar knows has its traditional form mapped: 序時進度, 壓縮, 無變化, 團組 …
    text = "超序時進度,時間進度,壓減,壓縮,無變化,沒有變化,團組,漲幅,將近,知曉率,發佈率,回訪率"
    assert normalize(text).text == "超序时进度,时间进度,压减,压缩,无变化,没有变化,团组,涨幅,将近,知晓率,发布率,回访率"
