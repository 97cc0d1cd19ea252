"""FL1xx: totals against their parts, written from realistic variants."""
import pytest
from conftest import codes, lint_text, passed, statuses


@pytest.mark.parametrize("text", [
    "2023年末资产总额418.00万元,其中流动资产144.57万元,固定资产(净值)212.57万元,无形资产(净值)60.86万元。",
    # 元, thousands separators, fullwidth punctuation
    "本年收入合计3,256,480.00元，其中：财政拨款收入3,016,480.00元，事业收入240,000.00元。",
    # traditional characters from a mirror site
    "2021年度收入總計1,010.52萬元，其中：財政撥款收入970.52萬元，事業收入40.00萬元。",
    # 千元 and 亿元
    "本年支出合计12,580千元，其中基本支出8,460千元，项目支出4,120千元。",
    "全市一般公共预算收入合计86.42亿元，其中：税收收入65.30亿元，非税收入21.12亿元。",
    # rounding: 8.08 + 0 + 67.98 = 76.06 is within rounding of 76.07
    "政府采购支出总额76.07万元,其中:政府采购货物支出8.08万元、政府采购工程支出0万元、政府采购服务支出67.98万元。",
    # a whole number after two-decimal neighbours is read at their precision
    "项目预算5.00万元,主要支出方向为:办公费1.40万元、咨询费0.80万元、培训费2.8万元。",
    # closing total
    "因公出国（境）费0万元，公务用车运行维护费2.35万元，公务接待费1.20万元，合计3.55万元。",
    # PDF breaks inside the number and between the label and the figure
    "2021年度一般公共预算财政拨款基本支出 286.75\n万元，其中：人员经费 245.12 万元，公用经费\n41.63 万元。",
    # item counts
    "全县各乡镇、村共办理15721件业务，其中直办11579件，流转4142件。",
])
def test_consistent(text):
    r = lint_text(text)
    assert codes(r) == []
    assert passed(r, "sum"), "the sum was not verified"


@pytest.mark.parametrize("text,expected", [
    ("2023年度支出合计1,254,300.50元，其中：基本支出854,300.50元，项目支出410,000.00元。", "1264300.50元"),
    ("2021年度收入總計1,010.52萬元，其中：財政撥款收入970.52萬元，事業收入50.00萬元。", "1020.52万元"),
    ("2023年度“三公”经费支出合计5.60万元，分别为：因公出国（境）费0万元、公务用车购置及运行维护费3.20万元、公务接待费2.10万元。", "5.30万元"),
    ("会议费1.20万元，培训费2.80万元，差旅费3.15万元，合计7.25万元。", "7.15万元"),
    ("全县各乡镇、村共办理15721件业务，分别为：直办11579件，流转4152件。", "15731件"),
    ("本年支出合计12,580千元，其中基本支出8,460千元，项目支出4,210千元。", "12670千元"),
    ("收入预算707万元,其中:财政拨款收入800万元。", "800万元"),
])
def test_inconsistent(text, expected):
    r = lint_text(text)
    assert codes(r) == ["FL101"]
    f = r.findings[0]
    assert f.severity == "error"
    assert f.expected == expected
    assert "=" in f.message.en and "=" in f.message.zh


def test_finding_points_at_the_total_and_lists_the_parts():
    text = "第一段。\n2023年度支出合计500.00万元，其中：基本支出320.00万元，项目支出190.00万元。"
    r = lint_text(text)
    f = r.findings[0]
    assert r.doc.norm.line_col(f.anchor.start) == (2, 11)
    assert [x.role for x in f.figures] == ["total", "part", "part"]
    assert [x.text for x in f.figures] == ["500.00万元", "320.00万元", "190.00万元"]


def test_incomplete_list_is_not_an_error():
    # 其中 need not list everything
    r = lint_text("2023年度支出合计820.00万元，其中：“三公”经费5.30万元，会议费2.10万元。")
    assert codes(r) == []


def test_siblings_after_the_parts_are_not_parts():
    r = lint_text("实际完成总收入666.29万元,其中财政拨款666.29万元,上年结转304.08万元,总支出550.55万元。")
    assert codes(r) == []
    assert passed(r, "sum")


def test_parts_of_the_budget_not_the_actual_is_a_warning():
    text = ("2020年度财政拨款基本支出预算539.26万元,实际支出550.55万元,其中:人员经费438万元,"
            "主要包括:(基本工资、津贴补贴);公用经费101.26万元,主要包括:(办公费、印刷费)。")
    r = lint_text(text)
    assert codes(r) == ["FL102"]
    assert r.findings[0].severity == "warning"
    assert "539.26" in r.findings[0].message.en


def test_total_in_previous_sentence():
    # the sentence before states one amount: it is the total
    r = lint_text("2023年度部门支出合计500.00万元。其中：基本支出320.00万元，项目支出190.00万元。")
    assert codes(r) == ["FL101"] and r.findings[0].severity == "error"
    # it states two: which one is the total is a guess
    r = lint_text("2023年度部门支出合计500.00万元，年初预算为520.00万元。其中：基本支出320.00万元，项目支出190.00万元。")
    assert codes(r) == []
    assert statuses(r, "FL101") == ["unsure"]


def test_budget_and_actual_side_by_side_are_summed_per_role():
    text = ("我中心“三公”经费预算安排数2.2万元,实际支出1.369万元,控制率62.23%。其中:公务运行维护经费预算数0.58万元,"
            "实际支出0万元,控制率0%;公务接待费预算1.62万元,实际支出1.369万元,控制率84.51%。")
    r = lint_text(text)
    assert codes(r) == []
    assert len(passed(r, "sum")) == 2


def test_nested_list():
    text = "2023年度支出合计300.00万元，其中：基本支出180.00万元，其中人员经费150.00万元、公用经费30.00万元；项目支出120.00万元。"
    r = lint_text(text)
    assert codes(r) == []
    totals = sorted(c.figures[0].text for c in passed(r, "sum"))
    assert totals == ["180.00万元", "300.00万元"]


def test_list_continued_in_next_sentence():
    text = ("2021年度一般公共财政拨款基本支出331.66万元。其中:人员经费287.68万元,较上年决算数减少16.27万元,下降5.4%。"
            "人员经费用途主要包括基本工资等支出。公用经费43.98万元,较上年决算数增加9.48万元,增加27.5%。")
    r = lint_text(text)
    assert codes(r) == []
    assert any(len(c.figures) == 3 for c in passed(r, "sum"))


def test_approximate_figures_are_never_checked():
    r = lint_text("累计投入资金1.5亿余元，其中省级补助约8000万元，县级配套约5000万元。")
    assert codes(r) == [] and passed(r, "sum") == []


def test_sub_items_in_brackets_are_not_parts():
    # not parts of the list, but of the figure they follow: 100 = 60 + 40, and 60 = 50 + 10
    text = "支出合计100万元，其中：基本支出60万元（人员经费50万元、公用经费10万元），项目支出40万元。"
    r = lint_text(text)
    assert codes(r) == []
    assert sorted([f.text for f in c.figures] for c in passed(r, "sum")) == [
        ["100万元", "60万元", "40万元"], ["60万元", "50万元", "10万元"]]


def test_distributive_labels_do_not_reach_back():
    text = "2023年度部门预算收入合计500.00万元。收入、支出分别为100.00万元、90.00万元。"
    assert codes(lint_text(text)) == []


def test_closing_balance_is_not_a_part_and_not_budget_minus_actual():
    text = "本年支出预算480万元，实际支出400万元，年末结转和结余100万元。"
    r = lint_text(text)
    assert codes(r) == []


def test_three_named_parts_short_of_the_total_warn():
    text = "2023年度支出合计100.00万元，其中办公费20.00万元，印刷费30.00万元，差旅费40.00万元。"
    r = lint_text(text)
    assert codes(r) == []
    check = next(c for c in r.checks if c.rule.code == "FL101")
    assert check.status == "unsure" and "every part" in check.reading


def test_two_special_items_short_of_the_total_stay_quiet():
    r = lint_text("国内公务接待3批次25人，其中：国内外事接待0批次，0人；国(境)外公务接待0批次，0人。")
    assert codes(r) == []


def test_list_continued_with_its_complement_is_checked():
    text = ("2021年度一般公共财政拨款基本支出331.66万元。其中:人员经费287.68万元,较上年决算数减少16.27万元,下降5.4%。"
            "公用经费53.98万元,较上年决算数增加19.48万元,增加56.5%。")
    r = lint_text(text)
    assert codes(r) == ["FL101"]


def test_a_list_ending_in_deng_is_open():
    r = lint_text("2023年度公用经费43.98万元，其中：办公费10.00万元、印刷费2.00万元、水电费3.00万元等。")
    assert codes(r) == []


def test_negative_figures():
    from fiscal_lint.arith.quantity import Quantity
    from fiscal_lint.parse.extract import extract
    from fiscal_lint.text.normalize import normalize

    n = normalize("结余-5.20万元，2024-8-21，10-20万元")
    qs = [it for s in extract(n.text) for it in s.items if isinstance(it, Quantity)]
    assert [str(q.value) for q in qs if q.kind == "money"] == ["-5.20", "20"]
