"""Generators of hostile and half-plausible documents, shared by the property tests (tests/test_properties.py,
a few thousand examples in every run) and the long fuzz target (tests/fuzz/run.py, for nightly runs).

The real-style lines below are our own, written in the manner of Chinese budget disclosures (部门预算/决算说明,
三公经费, 绩效自评表); none is copied from a published document.
"""
from __future__ import annotations

import codecs

from hypothesis import strategies as st

# the claim vocabulary (tests/test_fuzz.py builds its documents from it too), and more of what real documents hold
VOCABULARY = ["合计", "其中", "包括", "分别为", "较上年", "增加", "减少", "增长", "下降", "持平", "占", "执行率", "控制率",
          "节约率", "办结率", "预算", "实际支出", "结余", "年末结转和结余", "年初结转和结余", "收入总计", "本年收入合计",
          "万元", "元", "亿元", "%", "人", "个", "项", "，", "、", "。", "；", "：", "（", "）", "|", "\t", "\n", "\n\n",
          "得", "分", "1、", "(1)", "一、", "2023年", "2024年度", "决算数", "大于", "小于", "等于", "预算数", "追加",
          "调减", "约", "余", "以上", "≥", "×", "/", "=", "-", "100", "0", "3.14", "1,010.52", "12.5", "99.99", "五个",
          "三人", "三", "基本支出", "项目支出", "三公", "目录", "第一部分", "本表无数据", "总分", "权重分值", "得分系数",
          "截至2023年12月31日", "万", "千", "＄", "$\\geq 9\\%$", "PAGEREF _Toc1 \\h 3"]
PIECES = VOCABULARY + [
          "人均", "车均", "个百分点", "‰", "左右", "不超过", "同比", "与上年相比", "总计", "小计", "本年支出合计",
          "财政拨款收入", "一般公共预算", "政府性基金预算", "公务接待费", "公务用车购置及运行维护费", "因公出国(境)费",
          "自评总得分", "指标1:", "满意度", "≥95%", "较年初预算数", "年初预算数", "全年预算数", "全年执行数", "单位：万元",
          "收入支出决算总表", "分别是", "具体为", "等", "增", "减", "较", "比", "上年", "( )", "(   )", "|  |", "||||",
          "１２３．４５", "較上年增長", "減少", "佔", "萬元", "\\times", "\\div", "HYPERLINK \\l \"_Toc2\"", "   ", "\u3000",
          "\x1b[31m", "\r", "\x00", "\u202e", "\ufeff", "一二三四五六七八九十", "十个", "两人", "零", "〇"]

NUMBERS = st.one_of(
    st.integers(0, 10**6).map(str),
    st.tuples(st.integers(0, 99999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]:02d}"),
    st.tuples(st.integers(0, 9999), st.integers(0, 9999)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.integers(1000, 10**9).map(lambda n: f"{n:,}"),
    st.integers(0, 100).map(lambda n: f"{n}%"),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**6, max_value=10**6).map(str),
    st.just("9" * 40), st.just("0.000000000000000000001"), st.just("-0"), st.just("1e5"),
)

UNITS = st.sampled_from(["万元", "元", "亿元", "千元", "万亿元", "%", "个百分点", "人", "辆", "个", "项", "分", "‰", ""])

# our own lines in the style of the disclosures
LINES = [
    "2024年度部门收入合计1,286.45万元，其中：财政拨款收入1,150.20万元，事业收入136.25万元。",
    "本年支出合计1,286.45万元，其中基本支出802.16万元，项目支出484.29万元。",
    "2024年度“三公”经费支出18.60万元，较上年减少2.40万元，下降11.4%，主要原因是严格控制公务接待。",
    "其中：因公出国（境）费0万元，公务用车购置及运行维护费12.30万元，公务接待费6.30万元。",
    "机关运行经费支出56.78万元，比上年增加3.21万元，增长6.0%。",
    "项目预算批复金额200万元，实际支出186.5万元，预算执行率为93.25%。",
    "年初结转和结余35.62万元，本年收入合计1,286.45万元，本年支出合计1,300.07万元，年末结转和结余22.00万元。",
    "政府采购支出总额88.40万元，其中政府采购货物支出30.10万元、工程支出20.00万元、服务支出38.30万元。",
    "截至2024年12月31日，本部门共有车辆3辆，其中一般公务用车2辆、执法执勤用车1辆。",
    "本部门内设4个科室，分别是办公室、财务科、业务一科、业务二科。",
    "全年共受理群众来信来访126件，办结125件，办结率99.21%。",
    "人均公用经费1.85万元，在职人员40人。",
    "1、产出指标(40分)：数量指标得20分，质量指标得20分。",
    "指标1:培训人次\t10\t100%\t10",
    "年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "100.00\t120.00\t108.00\t10\t90.00%\t9.00",
    "项目 | 合计 | 基本支出 | 项目支出 |",
    "合计 | 1286.45 | 802.16 | 484.29 |",
    "一、收入支出决算总体情况说明",
    "2024年度收入总计1,321.07万元，较2023年度决算数增加105.30万元，增长8.7%。",
    "节约率=（预算数-实际支出）/预算数×100%=6.75%",
    "本表无数据，故公开空表。",
    "第三部分 2024年度部门决算情况说明 ………… 12",
    "财政拨款支出与年初预算数基本持平。",
    "决算数小于预算数的主要原因是项目结转。",
]


@st.composite
def mutated_lines(draw):
    """Real-style lines with things done to them: cut, repeated, joined, digits changed, debris put in."""
    lines = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=8))
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.integers(0, 7))
        at = draw(st.integers(0, len(text)))
        if op == 0 and text:  # cut a stretch
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        elif op == 1:  # put a piece in
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        elif op == 2:  # a number in
            text = text[:at] + draw(NUMBERS) + draw(UNITS) + text[at:]
        elif op == 3 and text:  # a stretch repeated
            n = draw(st.integers(1, 30))
            text = text[:at] + text[at:at + n] * draw(st.integers(2, 20)) + text[at:]
        elif op == 4:  # a digit changed
            digits = [k for k, c in enumerate(text) if c.isdigit()]
            if digits:
                k = draw(st.sampled_from(digits))
                text = text[:k] + str(draw(st.integers(0, 9))) + text[k + 1:]
        elif op == 5:  # a line broken (as a PDF converter breaks them)
            text = text[:at] + draw(st.sampled_from(["\n", "\n\n", " \n", "\t", " | "])) + text[at:]
        elif op == 6:  # fullwidth
            text = text[:at] + text[at:].translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
        else:  # a random character
            text = text[:at] + draw(st.characters()) + text[at:]
    return text


vocabulary = st.lists(st.one_of(st.sampled_from(PIECES), NUMBERS, UNITS), max_size=60).map("".join)


@st.composite
def tables(draw):
    """Tab, pipe or cell-per-line tables with random cells and the header words the table readers look for."""
    header_words = st.sampled_from(["项目", "合计", "预算数", "执行数", "执行率", "得分", "权重分值", "得分系数", "分值",
                                    "年初预算数", "全年预算数", "全年执行数", "指标得分", "栏次", "科目编码", "", "总数"])
    cell = st.one_of(NUMBERS, header_words, st.sampled_from(["合计", "小计", "总计", "其中：", "201", "20101",
                                                             "2010101", "指标1:产出", "自评总得分", "绩效指标总分"]),
                     st.text(max_size=8))
    width = draw(st.integers(1, 12))
    rows = draw(st.lists(st.lists(cell, min_size=1, max_size=width), min_size=1, max_size=12))
    shape = draw(st.sampled_from(["tab", "pipe", "cell", "aligned"]))
    title = draw(st.sampled_from(["", "收入支出决算总表\n", "单位：万元\n", "项目支出绩效自评表\n"]))
    if shape == "tab":
        body = "\n".join("\t".join(r) for r in rows)
    elif shape == "pipe":
        body = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    elif shape == "cell":
        body = "\n".join("\n".join(f"{c} |" for c in r) + " ||||" for r in rows)
    else:
        body = "\n".join("    ".join(r) for r in rows)
    return title + body + "\n" + draw(st.sampled_from(["", GOOD_LINE]))


GOOD_LINE = "本年支出合计3.00万元，其中基本支出1.00万元，项目支出2.00万元。"

random_text = st.text(st.characters(codec=None, exclude_categories=("Cs",)), max_size=400)

BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]


@st.composite
def byte_strings(draw):
    """Random bytes, and text in every encoding the decoder tries, with bytes spoilt."""
    if draw(st.booleans()):
        return draw(st.sampled_from(BOMS)) + draw(st.binary(max_size=600))
    text = draw(st.one_of(mutated_lines(), vocabulary))
    data = text.encode(draw(st.sampled_from(["utf-8", "gb18030", "utf-16-le", "utf-16-be", "utf-16", "utf-32"])),
                       errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=4)) + data[at + draw(st.integers(0, 3)):]
    return data


documents = st.one_of(random_text, vocabulary, tables(), mutated_lines(),
                      st.lists(st.one_of(vocabulary, tables(), mutated_lines()), min_size=2, max_size=5).map("\n".join))
