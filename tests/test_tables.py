"""Table shapes: tab, pipe, one cell per line, space-aligned."""
import pytest
from conftest import codes, lint_text
from fiscal_lint.text.blocks import split
from fiscal_lint.text.normalize import normalize
from fiscal_lint.text.tables import parse_all


def tables(text):
    n = normalize(text)
    return n, [t for b in split(n.text) if b.kind == "table" for t in parse_all(n.text, b, n.text[:b.start])]


def test_tab_separated_keeps_column_positions():
    n, ts = tables("项目\t预算数\t执行数\n大厅运行\t93.64\t\t\n")
    assert ts[0].shape == "tab"
    assert ts[0].rows[1].texts == ["大厅运行", "93.64", "", ""]


def test_pipe_rows():
    n, ts = tables("| 项目 | 预算数 | 执行数 |\n| 大厅运行 | 93.64 | 93.64 |\n")
    assert ts[0].shape == "pipe"
    assert ts[0].rows[1].texts == ["大厅运行", "93.64", "93.64"]


def test_one_cell_per_line_with_row_closing_pipes():
    text = "部门名称 |\n区政务服务办 |\n自评总得分 |\n100 | ||||\n指标1 |\n15 |\n100% |\n15 |\n|||\n"
    n, ts = tables(text)
    assert ts[0].shape == "cell"
    assert [r.texts for r in ts[0].rows] == [["部门名称", "区政务服务办", "自评总得分", "100"], ["指标1", "15", "100%", "15"]]
    # offsets point at the original cells
    cell = ts[0].rows[1].cells[3]
    assert n.line_col(cell.start) == (8, 1)


def test_title_rows_start_a_new_table():
    text = "甲表 | ||||\n分值 |\n得分 | |||\n乙表 | ||||\n分值 |\n得分 | |||\n"
    n, ts = tables(text)
    assert [t.rows[0].texts for t in ts] == [["甲表"], ["乙表"]]


def test_space_aligned_columns_and_unit():
    text = "单位：万元\n项目          年初预算数      全年执行数\n基本支出       331.66          331.66\n"
    n, ts = tables(text)
    t = ts[0]
    assert t.shape == "aligned" and t.unit == "万元"
    assert t.rows[1].texts == ["基本支出", "331.66", "331.66"]


def test_column_totals_are_checked():
    from conftest import codes, lint_text, passed

    good = "单位：万元\n项目\t年初预算数\t全年执行数\n基本支出\t300.00\t331.66\n项目支出\t600.00\t678.86\n合计\t900.00\t1010.52\n"
    r = lint_text(good)
    assert codes(r) == [] and len(passed(r, "sum")) == 2
    r = lint_text(good.replace("1010.52", "1000.52"))
    assert codes(r) == ["FL101"]
    assert r.findings[0].anchor.label == "合计 · 全年执行数"


def test_hierarchical_rows_are_left_to_the_standard_table_rules():
    from conftest import codes, lint_text, passed

    text = ("科目\t决算数\n201 一般公共服务支出\t100.00\n20101 人大事务\t60.00\n20102 政协事务\t40.00\n合计\t100.00\n")
    r = lint_text(text)
    assert codes(r) == [] and passed(r, "sum") == []


def test_a_row_written_over_several_lines_has_an_empty_cell_at_each_break():
    text = ("地区 | 收入当月 | 收入累计 | 为预算的% | 增幅% | 支出当月 | 支出累计 |\n"
            "甲县 | 5120 | 16230 |\n| 8.4 | 4210 | 12890 |\n"
            "乙县 | 3310 | 9840 |\n| -2.6 | 2980 | 8700 |\n|\n"
            "丙县 | 1800 | 5020 |\n| 1.5 | 1500 | 4100 |\n")
    n, ts = tables(text)
    rows = [r.texts for r in ts[0].rows]
    assert rows[1] == ["甲县", "5120", "16230", "", "8.4", "4210", "12890"]
    assert rows[2] == ["乙县", "3310", "9840", "", "-2.6", "2980", "8700"]  # the break before the next row is no cell
    assert rows[3] == ["丙县", "1800", "5020", "", "1.5", "1500", "4100"]
    assert [c.column for c in ts[0].rows[1].cells] == list(range(7))


def test_rows_of_a_pipe_table_that_open_with_a_figure_are_not_joined_when_the_widths_disagree():
    # a serial number first in each row: joining would make one row of everything
    text = "| 序号 | 项目 | 金额 |\n| 1 | 办公费 | 3.50 |\n| 2 | 印刷费 | 1.20 |\n| 3 | 水电费 | 2.00 |\n"
    n, ts = tables(text)
    assert [r.texts for r in ts[0].rows][1:] == [["1", "办公费", "3.50"], ["2", "印刷费", "1.20"], ["3", "水电费", "2.00"]]


def _outline_table(total: str) -> str:
    rows = [["项 目", "行次", "上年决算数", "本年决算数"], ["(一)支出合计", "1", "50.00", total],
            ["1.因公出国(境)费", "2", "", "5.00"], ["2.公务用车购置及运行维护费", "3", "30.00", "35.50"],
            ["(1)公务用车购置费", "4", "10.00", "12.00"], ["(2)公务用车运行维护费", "5", "20.00", "23.50"],
            ["3.公务接待费", "6", "20.00", "20.00"]]
    return "“三公”经费支出决算表\n单位:万元\n" + "".join(f"{c} |\n" if c else "|\n" for r in rows for c in r) + "\n注:本表为决算数。\n"


@pytest.mark.parametrize("total, status", [("60.50", "pass"), ("61.50", "unsure")])
def test_cells_one_per_line_with_empty_cells_make_rows_and_an_outline_of_sums(total, status):
    # a line of a pipe alone is an empty cell; each row opens with its name. The total comes first and its parts are
    # the rows numbered one level below: 5.00 + 35.50 + 20.00 = 60.50, 12.00 + 23.50 = 35.50, 10.00 + 20.00 = 30.00;
    # the 上年 column of the total has an empty part (not a zero) and the 行次 column numbers rows
    r = lint_text(_outline_table(total))
    sums = sorted((c.status, c.figures[0].text) for c in r.checks if c.rule.code == "FL101")
    assert sums == sorted([(status, total), ("pass", "35.50"), ("pass", "30.00")])
    assert codes(r) == []


def _between_bars(rows, lead="科目"):
    """Each cell on its own lines, a line of a pipe between cells and an empty cell where two meet."""
    lines = [lead]
    for row in rows:
        for cell in row:
            lines += ["|", *cell.split("/")] if cell else ["|"]
        lines.append("|")
    return "\n".join(lines) + "\n"


def test_cells_between_lines_of_pipes_make_rows_of_the_header_width():
    # the header's second cell is written over two lines; 差旅 leaves its last cell blank, and the pipe that
    # closes each row (two pipes in a row) is no cell
    text = "说明如下。\n" + _between_bars([["上年/决算", "本年决算"], ["办公费", "12.50", "13.00"],
                                          ["差旅费", "4.00", ""], ["会议费", "2.10", "1.80"]])
    n, ts = tables(text)
    assert [t.shape for t in ts] == ["cell"]
    assert [r.texts for r in ts[0].rows] == [["科目", "上年决算", "本年决算"], ["办公费", "12.50", "13.00"],
                                             ["差旅费", "4.00", ""], ["会议费", "2.10", "1.80"]]
    assert n.line_col(ts[0].rows[0].cells[1].start) == (4, 1)


def test_a_header_naming_a_column_twice_is_not_taken_for_the_columns():
    # 小计 over 购置/运维 under 公务用车: two levels of header in one run of names, one column more than the rows
    text = _between_bars([["小计", "接待", "小计", "购置", "运维"], ["2023年", "30", "10", "20", "5", "15"],
                          ["2024年", "28", "9", "19", "4", "15"]], lead="年度")
    n, ts = tables(text)
    assert all(len(r.cells) == 1 for t in ts for r in t.rows)


def _sangong_table(car: str, blank_abroad: bool = False):
    return _between_bars([["预算数"], ["合计", "34.30"], ["因公出国(境)费", "" if blank_abroad else "0"],
                          ["公务接待费", "4.30"], ["公务用车购置及运行费", car], ["其中:公务用车运行费", "30.00"],
                          ["公务用车购置费", "0"]], lead="项目")


def test_a_sangong_table_with_its_total_first_adds_up_by_its_three_items_and_the_car_row_by_its_parts():
    r = lint_text("某单位2024年“三公”经费预算表\n单位:万元\n" + _sangong_table("30.00", blank_abroad=True))
    sums = sorted((c.status, c.figures[0].text) for c in r.checks if c.rule.code == "FL101")
    assert sums == [("pass", "30.00"), ("pass", "34.30")]
    assert codes(r) == []


def test_a_car_row_that_is_not_its_parts_is_the_error_and_the_total_above_it_only_unsure():
    r = lint_text("某单位2024年“三公”经费预算表\n单位:万元\n" + _sangong_table("0"))
    sums = sorted((c.status, c.figures[0].text) for c in r.checks if c.rule.code == "FL101")
    assert sums == [("fail", "0"), ("unsure", "34.30")]
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL101", "error")]
    assert "30.00万元 + 0万元 = 30.00万元" in r.findings[0].message.en
