"""FL421 per-capita: 人均/车均/次均 figures against total ÷ count, with the interval rule, read conservatively."""
import pytest
from conftest import HERE, codes, lint_text
from fiscal_lint.check.rule import all_rules, families


def per_capita(result, status=None):
    return [c for c in result.checks if c.rule.code == "FL421" and (status is None or c.status == status)]


def test_the_rule_and_its_family_come_from_its_module():
    rule = next(r for r in all_rules() if r.code == "FL421")
    assert (rule.name, rule.family, rule.severity) == ("per-capita", "average", "error")
    family = next(f for f in families() if f.name == "average")
    assert family.title.zh == "人均、车均与次均"


def test_reception_per_person_times_shows_the_arithmetic():
    r = lint_text("2023年公务接待费支出1678.4元，共接待20人次，人均接待费85.92元。")
    assert codes(r) == ["FL421"]
    f = r.findings[0]
    assert f.message.en == "1678.4元 / 20人次 = 83.92元, stated 85.92元"
    assert f.message.zh == "1678.4元 ÷ 20人次 = 83.92元，文中人均接待费为85.92元"
    assert f.expected == "83.92元" and f.anchor.text == "85.92元"
    assert [(g.role, g.text) for g in f.figures] == [("average", "85.92元"), ("total", "1678.4元"), ("count", "20人次")]
    ok = lint_text("2023年公务接待费支出1678.4元，共接待20人次，人均接待费83.92元。")
    assert codes(ok) == [] and len(per_capita(ok, "pass")) == 1


@pytest.mark.parametrize("stated, consistent", [
    # 0.21万元 stands for [2050, 2150]元: over 25人 that is [82, 86]元
    ("83.92元", True), ("84元", True), ("82元", True), ("86元", True), ("81元", False), ("86.6元", False), ("0.01万元", True),
])
def test_money_units_and_the_interval_rule(stated, consistent):
    r = lint_text(f"国内公务接待3批次25人，共计支出0.21万元，人均接待费{stated}。")
    assert per_capita(r, "pass" if consistent else "fail"), stated
    assert codes(r) == ([] if consistent else ["FL421"])


def test_vehicles_in_wan_yuan_and_yuan_per_person():
    r = lint_text("公务用车运行维护费3.50万元，公务用车保有量5辆，车均运行维护费0.80万元。")
    assert [f.message.en for f in r.findings] == ["3.50万元 / 5辆 = 0.70万元, stated 0.80万元"]
    assert codes(lint_text("全市更新购置车辆10辆，公务用车购置费329万元，车均购置费32.9万元。")) == []
    assert per_capita(lint_text("培训费2万元，培训100人，人均培训费200元/人。"), "pass")
    assert codes(lint_text("培训费支出1.8万元，培训100人，人均培训费200元。")) == ["FL421"]


def test_trips_per_batch():
    assert per_capita(lint_text("公务接待费1.2万元，共接待15批次，次均接待费800元。"), "pass")
    assert codes(lint_text("公务接待费1.2万元，共接待15批次，次均接待费900元。")) == ["FL421"]


def test_a_figure_that_only_truncated_agrees_is_a_note():
    # 1679.2元 / 20人次 is about 83.96元: 83.9 is wrong if rounded, right if the digits were cut
    r = lint_text("公务接待费支出1679.2元，共接待20人次，人均接待费83.9元。")
    assert [(f.rule.code, f.severity) for f in r.findings] == [("FL421", "info")]
    assert codes(lint_text("公务接待费支出1679.2元，共接待20人次，人均接待费83.9元。", rounding="truncate")) == []


@pytest.mark.parametrize("text", [
    "在职人员15人，公务接待费1.2万元，接待30人次，人均接待费500元。",  # two head counts
    "公务接待费预算2万元，实际支出1.5万元，接待30人次，人均接待费600元。",  # two totals
    "接待费1678.4元，接待10批次20人次，次均接待费100元。",  # 次均: batches or person-times
    "差旅费3万元，出差20人次，人均住宿费900元。",  # another expense than the average's
    "培训费支出1.8万元，培训100人，人均培训费标准200元。",  # a standard, not an average
    "培训费支出1.8万元，培训100人，按人均200元标准控制。",
    "公务接待费1678.4元，接待20人次，人均接待费90元，上年人均接待费80元。",  # which average is this year's total's
    "公务接待费1678.4元，接待约20人次，人均接待费90元。",  # an estimate proves nothing
    "公务接待费约1678.4元，接待20人次，人均接待费90元。",
    "公务接待费0元，接待0人次，人均接待费0元。",  # nothing to divide by
    "公务接待费1678.4元，接待20人次。人均接待费90元。",  # the count is in another sentence
])
def test_nothing_is_built_when_the_reading_is_not_certain(text):
    r = lint_text(text)
    assert per_capita(r) == [] and "FL421" not in codes(r), text


def test_the_seed_average_whose_total_is_paragraphs_away_is_not_read():
    # 002 line 56: 人均接待费83.92元 follows 25人 in the sentence before; the 接待费 is two lines above
    seed = next((HERE / "corpus" / "seeds").glob("002_*.txt"))
    text = seed.read_text(encoding="utf-8")
    assert "人均接待费83.92元" in text.split("\n")[55]
    assert per_capita(lint_text(text, path=seed.name)) == []


def test_the_claims_are_a_registered_kind():
    from fiscal_lint.claims.document import Document
    from fiscal_lint.inputs.source import Source

    doc = Document(Source(path="doc.txt", text="公务接待费1678.4元，接待20人次，人均接待费83.92元。", encoding="utf-8"))
    [claim] = doc.averages
    assert (claim.word, claim.noun, claim.total.q.text, claim.count.q.text) == ("人均", "接待费", "1678.4元", "20人次")
