"""The nine standard tables and the structure around them, in the shapes the PDF reader produces."""
from conftest import codes, lint_text, passed, statuses

SPLIT_CODES = """一般公共预算财政拨款支出决算表
单位：万元
项目\t\t\t\t合计\t基本支出\t项目支出
类\t款\t项\t科目名称\t\t\t
201\t\t\t一般公共服务支出\t2106.66\t1503.52\t603.14
201\t06\t\t财政事务\t2106.66\t1503.52\t603.14
201\t06\t01\t行政运行\t1511.89\t1503.52\t8.37
201\t06\t02\t一般行政管理事务\t10.00\t\t10.00
201\t06\t07\t信息化建设\t135.25\t\t135.25
201\t06\t08\t财政委托业务支出\t449.52\t\t449.52
合计\t\t\t\t2106.66\t1503.52\t603.14
"""


def test_hierarchy_with_codes_in_three_columns():
    r = lint_text(SPLIT_CODES)
    assert codes(r) == []
    assert len(passed(r, "sum")) >= 9  # 类, 款, 合计 per column, and the 合计 column of each row
    bad = SPLIT_CODES.replace("201\t06\t07\t信息化建设\t135.25\t\t135.25", "201\t06\t07\t信息化建设\t145.25\t\t145.25")
    r = lint_text(bad)
    assert "FL801" in codes(r)
    f = next(f for f in r.findings if f.rule.code == "FL801")
    assert "财政事务" in f.anchor.label


def test_empty_table_with_and_without_statement():
    table = "国有资本经营预算财政拨款收入支出决算表\n单位：万元\n项目\t本年收入\t本年支出\n合计\t\t\n"
    assert codes(lint_text(table + "注：本单位无国有资本经营预算财政拨款收支，故本表无数据。\n")) == []
    assert codes(lint_text(table)) == ["FL805"]


def test_comparison_words():
    base = "年初预算为{b}万元，支出决算为{a}万元。决算数{w}预算数的主要原因：{why}。"
    assert codes(lint_text(base.format(b="80.81", a="80.38", w="小于", why="节约"))) == []
    assert codes(lint_text(base.format(b="80.81", a="80.38", w="大于", why="节约"))) == ["FL304"]
    assert codes(lint_text(base.format(b="62.29", a="60.99", w="等于", why="节约"))) == ["FL304"]
    assert codes(lint_text("年初预算为10.00万元，支出决算为10.00万元。决算数与预算数基本持平。")) == []
    assert codes(lint_text("年初预算为10.00万元，支出决算为12.00万元。决算数与预算数持平。")) == ["FL304"]
    # "超过5万元" is a bound, not a comparison of budget and actual
    assert codes(lint_text("项目预算10.00万元，实际支出超过5万元。")) == []


def test_table_of_contents():
    doc = "目录\n一、部门职责\n二、收入支出决算总表\n三、其他重要事项说明\n一、部门职责\n负责全区财政工作。\n二、收入支出决算总表\n三、其他重要事项的情况说明\n"
    assert codes(lint_text(doc)) == []  # worded a little differently is fine
    missing = "目录\n一、部门职责\n二、部门收支情况\n三、其他重要事项说明\n一、部门职责\n负责全区财政工作。\n三、其他重要事项说明\n"
    r = lint_text(missing)
    assert codes(r) == ["FL806"] and "部门收支情况" in r.findings[0].message.en
    # a report table is often an attachment or an image: its absence from the text is not reported
    table = "目录\n一、部门职责\n二、收入支出决算总表\n三、其他重要事项说明\n一、部门职责\n负责全区财政工作。\n三、其他重要事项说明\n"
    assert codes(lint_text(table)) == []
    # nor is one named in 《》; and a heading that adds words to the entry's ("部门(单位)机构设置情况") is the entry
    quoted = "目录\n一、主要职责\n二、《收支预算总表》\n三、部门机构设置\n四、其他说明\n一、主要职责\n负责全镇工作。\n" \
             "三、部门(单位)机构设置情况\n设有3个股室。\n四、其他说明\n"
    assert codes(lint_text(quoted)) == []


def test_space_aligned_standard_tables_are_not_read_by_position():
    # pdftotext -layout collapses empty cells: columns shift, so the structure is not checked
    text = ("一般公共预算财政拨款支出决算表\n单位：万元\n"
            "  类   款   项   科目名称              合计        基本支出      项目支出\n"
            "  201            一般公共服务支出      2,106.66    1,503.52      603.14\n"
            "  201  06   01   行政运行              1,511.89    1,503.52      8.37\n"
            "  201  06   02   一般行政管理事务      10.00                     10.00\n"
            "                 合计                  2,336.91    2,336.91\n")
    assert [c for c in codes(lint_text(text)) if c.startswith("FL80")] == []


SUMMARY_WITH_ROW_NUMBERS = """收入支出决算总表
单位名称:某县人民医院 单位:万元
项目 | 行次 | 金额 | 项目 | 行次 | 金额 |
一、财政拨款收入 | 1 | 412.30 | 一、卫生健康支出 | 28 | 21650.10 |
三、事业收入 | 3 | 20380.50 |
本年收入合计 | 23 | 20792.80 | 本年支出合计 | 50 | 21650.10 |
用事业基金弥补收支差额 | 24 | 1080.20 | 结余分配 | 51 | |
年初结转和结余 | 25 | 215.40 | 年末结转和结余 | 52 | {closing} |
总计 | 27 | 22088.40 | 总计 | 54 | 22088.40 |
"""


def test_a_row_number_column_is_no_amount_and_a_hospital_uses_its_fund():
    # 23 is 本年收入合计's 行次, not its amount; 20792.80 + 1080.20 + 215.40 = 22088.40 (事业基金 used to cover the gap)
    r = lint_text(SUMMARY_WITH_ROW_NUMBERS.format(closing="438.30"))
    assert codes(r) == [] and statuses(r, "FL802").count("pass") >= 2
    r = lint_text(SUMMARY_WITH_ROW_NUMBERS.format(closing="448.30"))  # 21650.10 + 448.30 = 22098.40
    assert "FL802" in codes(r)
    assert all("23万元" not in f.message.en for f in r.findings)
