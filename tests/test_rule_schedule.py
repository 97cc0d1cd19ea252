"""FL305: an execution rate against the time schedule (序时进度) of its period."""
import pytest
from conftest import codes, lint_text, statuses


def _schedule(text):
    r = lint_text(text)
    return statuses(r, "FL305"), codes(r)


@pytest.mark.parametrize("text", [
    # 1-8月 is 8/12 = 66.67% of the year: 70.2 - 66.67 = 3.53
    "1-8月,全区一般公共预算收入完成年度预算的70.2%,超序时进度3.5个百分点。",
    # a growth stands between the rate and the gap; 低于 is a comparison word
    "截至4月底,税收收入完成年初预算的30.15%,同比下降2.4%,低于序时进度3.18个百分点。",
    "一季度,全縣支出完成年初預算的27.9%,快於序時進度2.9個百分點。",
    # the period is named in the paragraph before
    "前三季度,全镇财政收入完成3200万元。\n全镇财政收入完成全年预算的80.0%,超时间进度5个百分点。",
])
def test_a_rate_as_far_from_the_schedule_as_stated_passes(text):
    assert _schedule(text) == (["pass"], [])


def test_a_rate_another_distance_from_the_schedule_is_reported():
    # 上半年 is 50% (181/365 = 49.59% by days): 53.5% is 3.5 or 3.9 points ahead, not 5.5
    r = lint_text("上半年,全县一般公共预算收入完成年初预算的53.5%,超序时进度5.5个百分点。")
    assert statuses(r, "FL305") == ["fail"] and codes(r) == ["FL305"]
    assert r.findings[0].severity == "warning" and r.findings[0].expected == "3.5个百分点"


def test_a_schedule_counted_by_days_agrees():
    # 1-5月: 151/365 = 41.37%; 45.0 - 41.37 = 3.63, where 5/12 would make 3.33
    assert _schedule("1-5月,全县一般公共预算支出完成年初预算的45.0%,快于序时进度3.6个百分点。") == (["pass"], [])


@pytest.mark.parametrize("text", [
    "全县一般公共预算收入完成年初预算的53.5%,超序时进度3.5个百分点。",  # no period: no schedule
    # two periods before the rate, one of them a comparison: which one the rate is of is not said
    "今年1-6月份,全县财政运行好于一季度。\n全县一般公共预算支出完成预算的53.5%,超过时间进度3.5个百分点。",
    "上半年,全县一般公共预算收入增长8.5%,超序时进度3.5个百分点。",  # a growth, not an execution rate
])
def test_no_period_or_no_execution_rate_is_not_read(text):
    assert _schedule(text) == ([], [])
