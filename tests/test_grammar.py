"""The claim grammar: every number, unit and qualifier form, and the claim keywords."""
import re
from decimal import Decimal

import pytest
from fiscal_lint.arith.quantity import Quantity
from fiscal_lint.parse.extract import Keyword, Label, extract, parser
from fiscal_lint.text.normalize import normalize


def items(text: str):
    n = normalize(text)
    return [it for s in extract(n.text) for it in s.items]


def quantities(text: str) -> list[Quantity]:
    return [it for it in items(text) if isinstance(it, Quantity)]


def one(text: str) -> Quantity:
    qs = [q for q in quantities(text) if q.kind != "number" or len(quantities(text)) == 1]
    assert len(qs) == 1, qs
    return qs[0]


def test_grammar_is_conflict_free_and_collision_free():
    # strict mode raises on shift/reduce conflicts and on two terminals of one priority matching
    # the same text (NOTES.md: 下降 mis-tokenized silently otherwise)
    parser.cache_clear()
    parser(strict=True)
    parser.cache_clear()


@pytest.mark.parametrize("text,value,unit,kind,base", [
    ("收入1010.52万元", "1010.52", "万元", "money", "10105200"),
    ("收入1,010.52万元", "1010.52", "万元", "money", "10105200"),
    ("收入1，010.52万元", "1010.52", "万元", "money", "10105200"),
    ("收入１０１０．５２万元", "1010.52", "万元", "money", "10105200"),
    ("收入1010.52萬元", "1010.52", "万元", "money", "10105200"),
    ("收入3,256,480.00元", "3256480.00", "元", "money", "3256480.00"),
    ("收入12,580千元", "12580", "千元", "money", "12580000"),
    ("支出12.35亿元", "12.35", "亿元", "money", "1235000000"),
    ("支出12.35億元", "12.35", "亿元", "money", "1235000000"),
    ("债务1.2万亿元", "1.2", "万亿元", "money", "1200000000000"),
    ("增长26.3%", "26.3", "%", "percent", "26.3"),
    ("增长26.3％", "26.3", "%", "percent", "26.3"),
    ("下降3.8 %", "3.8", "%", "percent", "3.8"),
    ("发生率2.5‰", "2.5", "‰", "permille", "2.5"),
    ("提高1.5个百分点", "1.5", "个百分点", "points", "1.5"),
    ("在职人员25人", "25", "人", "count", "25"),
    ("接待3批次", "3", "批次", "count", "3"),
    ("车辆2辆", "2", "辆", "count", "2"),
    ("设备5台(套)", "5", "台(套)", "count", "5"),
    ("出访1个团组", "1", "个", "count", "1"),
    ("得分20分", "20", "分", "score", "20"),
    ("人均100元/人", "100", "元/人", "per", "100"),
])
def test_number_and_unit_forms(text, value, unit, kind, base):
    q = one(text)
    assert q.value == Decimal(value)
    assert q.unit == unit
    assert q.kind == kind
    assert q.base == Decimal(base)


@pytest.mark.parametrize("text,value", [
    ("内设三个科室", 3), ("在职人员十二人", 12), ("二十个", 20), ("两辆", 2), ("一百零五人", 105),
    ("七个股室", 7),
])
def test_chinese_numerals_for_counts(text, value):
    q = one(text)
    assert q.chinese and q.value == value and q.kind == "count"


def test_chinese_numeral_words_that_are_not_counts():
    # 一是, 三集中, 十九大: no measure word after them; 八项规定 is a name
    assert quantities("一是深化三集中改革，学习十九大精神，落实八项规定") == []
    assert [q.text for q in quantities("开展检查八项，落实八项规定")] == ["八项"]
    # 一次性 is "one-off"; 约三人 is a bound on a count
    assert [q.text for q in quantities("上年一次性缴库较多，检查一次")] == ["一次"]
    assert [(q.text, q.approx) for q in quantities("约三人")] == [("约三人", "约")]


@pytest.mark.parametrize("text,approx", [
    ("约20万元", "约"), ("20余起", "余"), ("200余万元", "余"), ("25万余件", "余"), ("1.5亿余元", "余"),
    ("满意率98%以上", "以上"), ("近30个", "近"), ("≥99%", "≥"), ("$\\geq 99\\%$", "≥"), ("5人左右", "左右"),
])
def test_qualifiers_make_a_bound(text, approx):
    q = one(text)
    assert q.approx == approx


def test_magnitude_in_counts_keeps_its_precision():
    q = one("汇聚电子证照数据20.2万个")
    assert q.value == Decimal("202000") and q.kind == "count" and q.decimals == -3


def test_years_are_not_amounts():
    its = items("2023年度收入1010.52万元")
    assert isinstance(its[0], Keyword) and its[0].kind == "YEAR" and its[0].text == "2023年度"
    assert [q.text for q in quantities("2023年度收入1010.52万元")] == ["1010.52万元"]


@pytest.mark.parametrize("text,year", [("111年度决算收入52.3亿元", "111年度"), ("112年3月收入4.1亿元", "112年"),
                                       ("108年底余额6.2亿元", "108年")])
def test_years_of_the_republic_are_years(text, year):
    its = items(text)
    assert isinstance(its[0], Keyword) and its[0].kind == "YEAR" and its[0].text == year


def test_passing_a_figure_is_a_bound():
    assert [q.approx for q in quantities("收入突破了120亿元")] == ["突破了"]


def test_a_hundred_and_ten_years_of_history_is_no_year():
    assert [q.text for q in quantities("建校110年来培养学生3.2万人")] == ["110", "3.2万人"]


def test_list_of_amounts_is_not_a_thousands_number():
    assert [q.value for q in quantities("各减少1267.86,2570.97万元")] == [Decimal("1267.86"), Decimal("2570.97")]


def test_label_is_the_words_before_a_figure():
    its = items("其中流动资产144.57万元,固定资产(净值)212.57万元")
    labels = [it.text for it in its if isinstance(it, Label)]
    assert labels == ["流动资产", "固定资产(净值)"]


@pytest.mark.parametrize("text,kind", [
    ("较上年决算数", "BASE"), ("比上年", "BASE"), ("较年初预算数", "BASE"), ("同比", "BASE"),
    ("与上年相比", "BASE"), ("与2020年相比", "BASE"), ("較上年決算數", "BASE"), ("较上年支出数", "BASE"),
    ("增加", "UP"), ("增长", "UP"), ("增長", "UP"), ("提高", "UP"), ("增幅为", "UP"),
    ("减少", "DOWN"), ("減少", "DOWN"), ("下降", "DOWN"), ("降低", "DOWN"), ("负增长", "DOWN"),
    ("持平", "FLAT"), ("基本持平", "FLAT"), ("无增减", "FLAT"), ("无增减变化", "FLAT"),
    ("合计", "TOTAL"), ("總計", "TOTAL"), ("共计", "TOTAL"), ("总额", "TOTAL"),
    ("其中", "PARTS"), ("包括", "PARTS"), ("分别为", "PARTS"), ("主要用于", "PARTS"), ("主要支出方向为", "PARTS"),
    ("占", "SHARE"), ("佔", "SHARE"), ("占比", "SHARE"),
    ("预算执行率", "RATE_EXEC"), ("执行率", "RATE_EXEC"), ("完成预算的", "RATE_EXEC"), ("控制率", "RATE"),
    ("预算", "BUDGET"), ("年初预算数", "BUDGET"), ("預算數", "BUDGET"),
    ("实际支出", "ACTUAL"), ("實際支出", "ACTUAL"), ("执行数", "ACTUAL"), ("结余", "BALANCE"), ("結餘", "BALANCE"),
    ("年初结转和结余", "OPENING"), ("追加", "ADJUST_UP"), ("调减", "ADJUST_DOWN"),
])
def test_claim_keywords(text, kind):
    its = items(text + "5万元")
    kws = [it.kind for it in its if isinstance(it, Keyword)]
    assert kws and kws[0] == kind, kws


def test_longer_phrase_wins():
    kws = [it.kind for it in items("预算执行率为100%") if isinstance(it, Keyword)]
    assert kws[0] == "RATE_EXEC"
    kws = [it.kind for it in items("增长率5%") if isinstance(it, Keyword)]
    assert kws[0] == "RATE"


def test_sentences_without_figures_are_not_parsed():
    n = normalize("这里没有数字。这里有100万元。这里也没有。")
    sents = extract(n.text)
    assert len(sents) == 1
    assert "100" in n.text[sents[0].start:sents[0].end]


def _without_lookarounds(rx: str) -> str:
    """A regex with its lookaheads and lookbehinds taken out: it matches a superset, so its first characters include
    every first character of the original."""
    out, i = [], 0
    while i < len(rx):
        if rx.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            depth, j, in_class = 0, i, False
            while j < len(rx):
                c = rx[j]
                if c == "\\":
                    j += 2
                    continue
                if in_class:
                    in_class = c != "]"
                elif c == "[":
                    in_class = True
                elif c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            i = j + 1
            continue
        out.append(rx[i])
        i += 1
    return "".join(out)


def test_word_runs_stop_before_every_character_that_can_begin_another_terminal():
    # WORD lexes a run of ordinary text as one token; it must never swallow the start of a quantity or keyword
    import interegular

    terminals = {t.name: t for t in parser().terminals}
    word = re.compile(terminals["WORD"].pattern.to_regexp())
    leaked = {}
    for name, t in terminals.items():
        if name in ("CHAR", "WORD"):
            continue
        fsm = interegular.parse_pattern(_without_lookarounds(t.pattern.to_regexp())).to_fsm()
        firsts = {c for sym in fsm.map[fsm.initial] for c, s in fsm.alphabet.items()
                  if s == sym and isinstance(c, str)}
        assert all(isinstance(c, str) for sym in fsm.map[fsm.initial] for c, s in fsm.alphabet.items() if s == sym), \
            f"{name} can begin with any character"
        bad = sorted(c for c in firsts if word.fullmatch(c))
        if bad:
            leaked[name] = "".join(bad)
    assert leaked == {}


def test_scanners_are_built_before_the_first_sentence(monkeypatch):
    # a worker forked from a warmed forkserver must not compile the lexer's scanners again for its first files
    from fiscal_lint.parse.scan import scanners

    fresh = parser.__wrapped__()
    assert scanners(fresh) > 1
    compiled = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *a, **k: compiled.append(a[0]) or real(*a, **k))
    fresh.parse("2023年收入合计1,010.52万元,比上年增长3.8%,其中:财政拨款收入800万元。")
    assert compiled == []
