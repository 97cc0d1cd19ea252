"""FL413: per-person and per-vehicle averages against the amount and the count they come from."""
import pytest
from conftest import codes, lint_text, passed


@pytest.mark.parametrize("text", [
    # 0.21万元 / 25人 = 84.00元; written to two decimals of 万元 the amount is 2050–2150元, so 82–86元 per person
    "公务接待费0.21万元，主要用于接待来访。\n国内公务接待3批次25人，其中：外事接待0批次，0人。本年人均接待费83.92元。",
    "公务车运行维护费1.90万元。\n公务用车购置0辆，公务车保有量为2辆。车均维护费0.95万元。",
])
def test_consistent(text):
    r = lint_text(text)
    assert codes(r) == []
    assert passed(r, "ratio")


def test_inconsistent_names_the_figure():
    r = lint_text("公务接待费0.21万元。\n国内公务接待3批次25人。本年人均接待费93.92元。")
    assert codes(r) == ["FL413"]
    assert r.findings[0].expected == "84.00元"
    assert "0.21万元 / 25人" in r.findings[0].message.en


@pytest.mark.parametrize("text", [
    # two different amounts of that name: which one is averaged is a guess
    "公务接待费0.21万元。公务接待费0.35万元。\n国内公务接待3批次25人。人均接待费93.92元。",
    # no vehicles: nothing to divide by
    "公务车运行维护费0.95万元。\n公务车保有量为0辆。车均维护费0.95万元。",
    # two head counts of 接待 outside any list: which one is meant is a guess
    "公务接待费0.21万元。\n国内公务接待25人，国外公务接待5人。人均接待费93.92元。",
])
def test_unclear_readings_say_nothing(text):
    assert "FL413" not in codes(lint_text(text))
