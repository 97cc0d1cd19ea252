"""FL60x: counts against enumerations and head-count breakdowns."""
import pytest
from conftest import codes, lint_text, passed


@pytest.mark.parametrize("text", [
    "重庆市梁平区政务服务管理办公室是区政府工作部门。内设3个科室,分别是综合科、职能转变协调科、政务服务科,单位现有在职人员6人。",
    "2020年本单位内设7个股室,均为正股级:办公室、管理股、监督股、应用股、保障股、资源股、项目服务股。",
    "内设三个科室：办公室、财务科和业务科。",
    "单位现有在职人员6人,其中正处级1人,副处级1人,三级调研员1人,正科级3人。",
    "在职人员十二人，其中：行政编制八人，事业编制四人。",
    "截至2021年12月31日,本部门共有车辆1辆,其中,机要通信用车1辆、应急保障用车0辆、其他用车0辆。",
])
def test_consistent(text):
    r = lint_text(text)
    assert codes(r) == []
    assert passed(r, "count")


@pytest.mark.parametrize("text,code,expected", [
    ("内设4个科室,分别是综合科、职能转变协调科、政务服务科。", "FL601", "3个"),
    ("本单位下设五个股室：办公室、管理股、监督股、应用股、保障股、资源股。", "FL601", "6个"),
    ("年末实有人数25人，分别为：在职人员18人、离退休人员6人。", "FL602", "24人"),
    ("本部门共有车辆3辆,分别为:机要通信用车1辆、应急保障用车1辆。", "FL602", "2辆"),
])
def test_inconsistent(text, code, expected):
    r = lint_text(text)
    assert codes(r) == [code]
    assert r.findings[0].expected == expected


def test_open_lists_are_not_counted():
    assert codes(lint_text("内设5个科室，包括综合科、财务科等。")) == []
    assert [c for c in lint_text("内设5个科室，包括综合科、财务科等。").checks if c.rule.family == "count"] == []


def test_enumeration_message_lists_the_names():
    r = lint_text("内设4个科室,分别是综合科、职能转变协调科、政务服务科。")
    assert "综合科、职能转变协调科、政务服务科" in r.findings[0].message.en
    assert "实际列举3个" in r.findings[0].message.zh


def test_breakdown_of_the_other_count_is_a_warning():
    r = lint_text("核定编制25人，实有在职人员35人，其中：行政编制20人，事业编制5人。")
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL603", "warning")]
