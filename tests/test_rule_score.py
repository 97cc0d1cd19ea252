"""FL50x: self-evaluation tables and outline scores, in the shapes real 自评表 come in."""
import pytest
from conftest import HERE, codes, lint_text, passed

CELL_TABLE = """项目资金绩效目标自评表 | ||||||||
项目名称 |
大厅运行 |
自评总得分 |
{overall} | ||||
项目资金(万元) |
年初预算数 |
全年预算数 |
全年执行数 |
执行率权重分值 |
执行率(%) |
执行率得分 | ||||
586 |
600 |
{actual} |
10 |
{rate} |
10 | ||||
绩效指标 |
一级指标 |
二级指标 |
三级指标 |
权重分值 |
得分系数 |
指标得分 | |
产出指标 |
数量指标 |
指标1:保障大厅运行 |
{w1} |
100% |
{s1} |
|||
指标2:解决午餐问题 |
40 |
{k2} |
{s2} |
|||
满意度指标 |
指标1:群众满意率 |
40 |
100% |
40 |
|||
绩效指标总分 |
{wt} |
100% |
{st} |
"""


def cell_table(**kw):
    values = dict(overall=100, actual=600, rate="100%", w1=10, s1=10, k2="100%", s2=40, wt=90, st=90)
    values.update(kw)
    return CELL_TABLE.format(**values)


def test_consistent_cell_table():
    r = lint_text(cell_table())
    assert codes(r) == []
    assert len(passed(r, "score")) >= 5
    assert passed(r, "execution")


@pytest.mark.parametrize("kw,code", [
    (dict(s1=12, st=92), "FL501"),            # score over weight (total follows the items)
    (dict(k2="90%"), "FL502"),               # 40 × 90% = 36, not 40
    (dict(st=91), "FL503"),                  # items total 90, stated 91
    (dict(wt=95), "FL503"),                  # weights total 90 (100 with the execution weight), stated 95
    (dict(overall=95), "FL505"),             # 10 + 90 = 100, stated 95
    (dict(actual=570, rate="100%"), "FL301"),  # 570 / 600 = 95%, stated 100%
])
def test_inconsistent_cell_table(kw, code):
    r = lint_text(cell_table(**kw))
    assert code in codes(r)


def test_table_finding_names_row_and_column():
    r = lint_text(cell_table(s1=12, st=92))
    f = next(f for f in r.findings if f.rule.code == "FL501")
    assert f.anchor.label == "指标1:保障大厅运行 · 得分"


def test_tab_table_from_a_seed():
    text = (HERE / "corpus" / "seeds" / "003_6ff16a5e237bf77f.txt").read_text(encoding="utf-8")
    r = lint_text(text)
    assert codes(r) == []
    assert passed(r, "score") and passed(r, "execution")
    broken = text.replace("总分\t\t\t\t\t\t100\t100", "总分\t\t\t\t\t\t100\t95")
    assert "FL503" in codes(lint_text(broken))


def test_outline_scores():
    text = ("三、预算执行与管理情况\n\n1、投入 10 分\n\n预算配置。在职人员控制率得 5 分；“三公”经费变动率得 5 分。\n\n"
            "2、过程 50 分\n\n(1) 预算执行得 20 分。预算完成率得 5 分；预算控制率得 5 分；无新建楼堂馆所得 10 分。\n\n"
            "(2) 预算管理得 30 分。政府采购执行率得 6 分；管理制度健全得 8 分；资金使用合规得 6 分；信息公开得 10 分。\n")
    r = lint_text(text)
    assert codes(r) == []
    assert len(passed(r, "score")) == 4
    assert codes(lint_text(text.replace("1、投入 10 分", "1、投入 5 分"))) == ["FL504"]
    assert codes(lint_text(text.replace("2、过程 50 分", "2、过程 45 分"))) == ["FL504"]
    # the messages say which items were summed
    f = lint_text(text.replace("2、过程 50 分", "2、过程 45 分")).findings[0]
    assert "20 + 30 = 50" in f.message.en


def test_mis_numbered_outline_is_left_alone():
    text = ("3、产出及效率 40 分\n\n(1) 职责履行得 10 分。\n\n(2) 履职效益得 30 分。\n\n①产出指标内容：\n\n"
            "指标 1：事项梳理，得 2.5 分\n\n(2) 效益指标方面：\n\n指标 1：完成度，得 2.5 分\n\n（3）满意度得 10 分：优秀。\n")
    assert codes(lint_text(text)) == []
