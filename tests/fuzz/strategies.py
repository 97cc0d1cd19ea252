"""Generators of hostile and half-plausible documents, shared by the property tests (tests/test_properties.py,
a few thousand examples in every run) and the long fuzz target (tests/fuzz/run.py, for nightly runs).

Each generator is written once, against a draw source (`Hyp`: hypothesis, which shrinks what fails; `Rand`:
random.Random, some 20 times cheaper per input, for runs of a million). The hypothesis strategies wrap them.

The real-style lines below are our own, written in the manner of Chinese budget disclosures (部门预算/决算说明,
三公经费, 绩效自评表); none is copied from a published document.
"""
from __future__ import annotations

import codecs
import random

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


class Hyp:
    """Draws through hypothesis (the property tests)."""

    def __init__(self, draw) -> None:
        self.draw = draw

    def int(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(lo, hi))

    def pick(self, seq):
        return self.draw(st.sampled_from(seq))

    def decimal(self) -> str:
        return str(self.draw(st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**6,
                                         max_value=10**6)))

    def char(self) -> str:
        return self.draw(st.characters())

    def text(self, max_size: int) -> str:
        return self.draw(st.text(st.characters(codec=None, exclude_categories=("Cs",)), max_size=max_size))

    def binary(self, max_size: int) -> bytes:
        return self.draw(st.binary(max_size=max_size))


class Rand:
    """Draws from random.Random (the long run): no shrinking, no bookkeeping per draw."""

    # where code points come from: ASCII, CJK, fullwidth and punctuation, then anything but surrogates
    PLANES = ((0x20, 0x7E), (0x4E00, 0x9FFF), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0, 0xD7FF), (0xE000, 0x10FFFF))

    def __init__(self, seed) -> None:
        self.rng = random.Random(seed)

    def int(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def decimal(self) -> str:
        return f"{self.rng.uniform(-10**6, 10**6):.3f}"

    def char(self) -> str:
        lo, hi = self.pick(self.PLANES)
        return chr(self.rng.randint(lo, hi))

    def text(self, max_size: int) -> str:
        return "".join(self.char() for _ in range(self.rng.randint(0, max_size)))

    def binary(self, max_size: int) -> bytes:
        return self.rng.randbytes(self.rng.randint(0, max_size))


def number(d) -> str:
    k = d.int(0, 9)
    if k == 0:
        return str(d.int(0, 10**6))
    if k == 1:
        return f"{d.int(0, 99999)}.{d.int(0, 99):02d}"
    if k == 2:
        return f"{d.int(0, 9999)}.{d.int(0, 9999)}"
    if k == 3:
        return f"{d.int(1000, 10**9):,}"
    if k == 4:
        return f"{d.int(0, 100)}%"
    if k == 5:
        return d.decimal()
    return ("9" * 40, "0.000000000000000000001", "-0", "1e5")[k - 6]


UNITS = ["万元", "元", "亿元", "千元", "万亿元", "%", "个百分点", "人", "辆", "个", "项", "分", "‰", ""]

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


def mutated_line(d) -> str:
    """Real-style lines with things done to them: cut, repeated, joined, digits changed, debris put in."""
    return mutate(d, "\n".join(d.pick(LINES) for _ in range(d.int(1, 8))))


# lines of published disclosures, for the long run only: read at run time from texts kept outside the
# repository (tests/fuzz/run.py --real-lines DIR), never written into it
REAL_LINES: list[str] = []


def mutated_real(d) -> str:
    """Consecutive lines of a published disclosure, mutated as above."""
    at = d.int(0, len(REAL_LINES) - 1)
    return mutate(d, "\n".join(REAL_LINES[at:at + d.int(1, 8)]))


def mutate(d, text: str) -> str:
    for _ in range(d.int(0, 6)):
        op = d.int(0, 7)
        at = d.int(0, len(text))
        if op == 0 and text:  # cut a stretch
            text = text[:at] + text[at + d.int(1, 20):]
        elif op == 1:  # put a piece in
            text = text[:at] + d.pick(PIECES) + text[at:]
        elif op == 2:  # a number in
            text = text[:at] + number(d) + d.pick(UNITS) + text[at:]
        elif op == 3 and text:  # a stretch repeated
            n = d.int(1, 30)
            text = text[:at] + text[at:at + n] * d.int(2, 20) + text[at:]
        elif op == 4:  # a digit changed
            digits = [k for k, c in enumerate(text) if c.isdigit()]
            if digits:
                k = d.pick(digits)
                text = text[:k] + str(d.int(0, 9)) + text[k + 1:]
        elif op == 5:  # a line broken (as a PDF converter breaks them)
            text = text[:at] + d.pick(["\n", "\n\n", " \n", "\t", " | "]) + text[at:]
        elif op == 6:  # fullwidth
            text = text[:at] + text[at:].translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
        else:  # a random character
            text = text[:at] + d.char() + text[at:]
    return text


def vocab(d) -> str:
    """Up to 60 pieces of claim vocabulary, figures and units, run together."""
    out = []
    for _ in range(d.int(0, 60)):
        k = d.int(0, 2)
        out.append(d.pick(PIECES) if k == 0 else number(d) if k == 1 else d.pick(UNITS))
    return "".join(out)


HEADER_WORDS = ["项目", "合计", "预算数", "执行数", "执行率", "得分", "权重分值", "得分系数", "分值", "年初预算数",
                "全年预算数", "全年执行数", "指标得分", "栏次", "科目编码", "", "总数"]
ROW_WORDS = ["合计", "小计", "总计", "其中：", "201", "20101", "2010101", "指标1:产出", "自评总得分", "绩效指标总分"]


def cell(d) -> str:
    k = d.int(0, 3)
    return number(d) if k == 0 else d.pick(HEADER_WORDS) if k == 1 else d.pick(ROW_WORDS) if k == 2 else d.text(8)


def table(d) -> str:
    """Tab, pipe or cell-per-line tables with random cells and the header words the table readers look for."""
    width = d.int(1, 12)
    rows = [[cell(d) for _ in range(d.int(1, width))] for _ in range(d.int(1, 12))]
    shape = d.pick(["tab", "pipe", "cell", "aligned"])
    title = d.pick(["", "收入支出决算总表\n", "单位：万元\n", "项目支出绩效自评表\n"])
    if shape == "tab":
        body = "\n".join("\t".join(r) for r in rows)
    elif shape == "pipe":
        body = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    elif shape == "cell":
        body = "\n".join("\n".join(f"{c} |" for c in r) + " ||||" for r in rows)
    else:
        body = "\n".join("    ".join(r) for r in rows)
    return title + body + "\n" + d.pick(["", GOOD_LINE])


GOOD_LINE = "本年支出合计3.00万元，其中基本支出1.00万元，项目支出2.00万元。"

def plain_text(d) -> str:
    return d.text(400)


BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]


def byte_string(d) -> bytes:
    """Random bytes, and text in every encoding the decoder tries, with bytes spoilt."""
    if d.int(0, 1):
        return d.pick(BOMS) + d.binary(600)
    text = mutated_line(d) if d.int(0, 1) else vocab(d)
    data = text.encode(d.pick(["utf-8", "gb18030", "utf-16-le", "utf-16-be", "utf-16", "utf-32"]), errors="replace")
    for _ in range(d.int(0, 3)):
        at = d.int(0, len(data))
        data = data[:at] + d.binary(4) + data[at + d.int(0, 3):]
    return data


def document(d) -> str:
    """One of the kinds above, or two to five of the text-like ones joined by lines."""
    k = d.int(0, 4)
    if k < 4:
        return (plain_text, vocab, table, mutated_line)[k](d)
    return "\n".join(d.pick((vocab, table, mutated_line))(d) for _ in range(d.int(2, 5)))


# by kind: the generators, for the long run; the same as hypothesis strategies, for the property tests
GENERATORS = {"text": plain_text, "vocabulary": vocab, "tables": table, "lines": mutated_line, "bytes": byte_string,
              "documents": document, "real": mutated_real}


def strategy(gen):
    return st.composite(lambda draw: gen(Hyp(draw)))()


random_text, vocabulary, documents = strategy(plain_text), strategy(vocab), strategy(document)


def tables():
    return strategy(table)


def mutated_lines():
    return strategy(mutated_line)


def byte_strings():
    return strategy(byte_string)
