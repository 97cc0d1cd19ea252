"""FL40x shares and FL41x rates, written from realistic variants."""
import pytest
from conftest import codes, lint_text, passed


@pytest.mark.parametrize("text", [
    "2021年度支出合计1010.52万元。其中:基本支出331.66万元,占32.8%;项目支出678.86万元,占67.2%。",
    "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%。",
    "政府采购支出总额76.07万元。授予中小企业合同金额76.07万元,占政府采购支出总额的100.0%,其中:授予小微企业合同金额4.57万元,占政府采购支出总额的6.0%。",
    # one item per paragraph, no stated total: the shares make 100%, so the parts make the total
    "(1)一般公共服务支出945.8万元,占93.6%。\n(2)教育支出0.6万元,占0.1%。\n(3)社会保障与就业支出32.8万元,占3.2%。\n(4)卫生健康支出15.45万元,占1.5%。\n(5)住房保障支出15.87万元,占1.6%。",
    # 元 and traditional characters
    "本年支出合計41,234,567.89元，其中：基本支出32,109,876.54元，佔77.87%；項目支出9,124,691.35元，佔22.13%。",
])
def test_shares_consistent(text):
    r = lint_text(text)
    assert codes(r) == []
    assert passed(r, "share")


def test_share_wrong_and_shares_over_100():
    r = lint_text("2021年度支出合计1010.52万元。其中:基本支出331.66万元,占32.8%;项目支出678.86万元,占68.2%。")
    assert codes(r) == ["FL401", "FL402"]
    assert r.findings[0].expected == "67.2%"
    assert "678.86万元 / 1010.52万元 = 67.18%" in r.findings[0].message.en


def test_shares_without_a_total_that_do_not_make_100_are_not_guessed():
    r = lint_text("(1)一般公共服务支出945.8万元,占93.6%。\n(2)教育支出0.6万元,占0.1%。")
    assert codes(r) == [] and passed(r, "share") == []


@pytest.mark.parametrize("text", [
    "截至2020年12月31日编制部门核定我办编制25名,在职人数为35人,在职人数控制率140%。",
    "2020年,我中心“三公”经费预算安排数2.2万元,实际支出1.369万元,控制率62.23%。",
    "全年共受理问题线索7394件,截至12月底共办结7354件,办结率99.46%。",
    "在职人员控制率：在职 15 人/编制 19 人 \\times 100%=79%。",
    "全年采购金额4138.49万元，节约资金324.63万元，节约率7.3%。",
])
def test_rates_consistent(text):
    r = lint_text(text)
    assert codes(r) == []
    assert passed(r, "ratio")


def test_rate_with_zero_spent():
    r = lint_text("公务运行维护经费预算数0.58万元,实际支出0万元,控制率25.46%。")
    assert codes(r) == ["FL411"]
    assert r.findings[0].expected == "0.00%"


def test_saving_rate_tries_both_definitions():
    text = "2023年组织实施政府采购项目130宗,采购总金额4138.49万元,节约采购资金350.68万元。\n全年节约采购资金350.68万元,节约率7%。"
    r = lint_text(text)
    assert codes(r) == ["FL411"]
    msg = r.findings[0].message.en
    assert "7.81%" in msg and "8.47%" in msg and "no definition gives it" in msg


def test_formula_with_percent_slip():
    r = lint_text("在职人员控制率：在职 15 人/编制 19 人 \\times 1%=79%。")
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL412", "warning")]
    r = lint_text("在职人员控制率：在职 15 人/编制 19 人 \\times 100%=69%。")
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL412", "error")]
