"""Random documents built from the claim vocabulary: the grammar accepts every sentence, and no
document makes a rule or a report raise."""
import random

import lark
from conftest import lint_text
from fiscal_lint.parse.extract import parser, sentences
from fiscal_lint.reports import html, json, sarif
from fiscal_lint.text.normalize import normalize
from lark.utils import TextSlice

PIECES = ["合计", "其中", "包括", "分别为", "较上年", "增加", "减少", "增长", "下降", "持平", "占", "执行率", "控制率",
          "节约率", "办结率", "预算", "实际支出", "结余", "年末结转和结余", "年初结转和结余", "收入总计", "本年收入合计",
          "万元", "元", "亿元", "%", "人", "个", "项", "，", "、", "。", "；", "：", "（", "）", "|", "\t", "\n", "\n\n",
          "得", "分", "1、", "(1)", "一、", "2023年", "2024年度", "决算数", "大于", "小于", "等于", "预算数", "追加",
          "调减", "约", "余", "以上", "≥", "×", "/", "=", "-", "100", "0", "3.14", "1,010.52", "12.5", "99.99", "五个",
          "三人", "三", "基本支出", "项目支出", "三公", "目录", "第一部分", "本表无数据", "总分", "权重分值", "得分系数",
          "截至2023年12月31日", "万", "千", "＄", "$\\geq 9\\%$", "PAGEREF _Toc1 \\h 3"]


def test_random_documents():
    rng = random.Random(20261122)
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 50)))
        n = normalize(text)
        for a, b in sentences(n.text, 0, len(n.text)):
            try:
                parser().parse(TextSlice(n.text, a, b))
            except lark.exceptions.LarkError as e:  # pragma: no cover - the failure explains itself
                raise AssertionError(f"grammar rejects {n.text[a:b]!r}: {e}") from None
        r = lint_text(text)
        json.render([r], "en")
        html.render([r], "zh")
        sarif.render([r], "en")
