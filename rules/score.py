"""FL5xx score: self-evaluation tables (绩效自评表) and the scores of a report's outline.

Scores and weights are assigned, not measured, so they are compared exactly: a weight of 15 and a
score of 16 is an error, whatever the rounding of other figures.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from fiscal_lint.check.explain import HUNDRED, value_text
from fiscal_lint.check.rule import Check, Family, Finding, Message, Rule, figure, guarded
from fiscal_lint.claims.tabular import ScoreItem, ScoreTable

FAMILY = Family("score", Message("Self-evaluation scores", "绩效自评得分"))

OVER = Rule(
    "FL501", "score-over-weight", "score", "error",
    Message("An indicator's score exceeds its weight.", "指标得分超过其权重分值。"),
    explanation=Message('In a self-evaluation table an indicator can score at most its weight (权重分值).',
                        '绩效自评表中指标得分不得超过其权重分值。'),
    good='三级指标\t分值\t得分\n巡查次数\t30\t30\n群众满意度\t20\t20\n总分\t50\t50\n',
    bad='三级指标\t分值\t得分\n巡查次数\t30\t30\n群众满意度\t20\t22\n总分\t50\t52\n',
)
COEFFICIENT = Rule(
    "FL502", "score-coefficient", "score", "error",
    Message("An indicator's score is not its weight × 得分系数.", "指标得分不等于权重分值 × 得分系数。"),
    explanation=Message('score = weight × 得分系数.',
                        '指标得分 = 权重分值 × 得分系数。'),
    good='三级指标\t权重分值\t得分系数\t指标得分\n巡查次数\t30\t100%\t30\n群众满意度\t20\t90%\t18\n绩效指标总分\t50\t100%\t48\n',
    bad='三级指标\t权重分值\t得分系数\t指标得分\n巡查次数\t30\t100%\t30\n群众满意度\t20\t90%\t20\n绩效指标总分\t50\t100%\t50\n',
)
TOTAL = Rule(
    "FL503", "score-total", "score", "error",
    Message("Indicator scores (or weights) do not add up to the stated total.", "各指标得分（或分值）之和与总分不符。"),
    explanation=Message('The indicator scores (and weights) add up to the stated total, with or without the execution-rate row.',
                        '各指标得分（及分值）之和应等于总分，可含或不含执行率一行。'),
    good='三级指标\t分值\t得分\n巡查次数\t30\t30\n群众满意度\t20\t20\n总分\t50\t50\n',
    bad='三级指标\t分值\t得分\n巡查次数\t30\t30\n群众满意度\t20\t20\n总分\t50\t55\n',
)
SECTION = Rule(
    "FL504", "score-section", "score", "error",
    Message("A section's score is not the sum of the scores under it.", "章节得分与其下各项得分之和不符。"),
    explanation=Message('A heading\'s score ("1、投入 10 分") equals the sum of its sub-headings\' scores, or of the item scores (得N分) under it. Headings with unscored sub-headings are left alone.',
                        '标题得分（“1、投入 10 分”）应等于其下各小节得分之和，或其下各项得分（得N分）之和；含未记分小节的标题不检查。'),
    good='1、投入 10 分\n\n预算编制得 5 分；资金管理得 5 分。\n',
    bad='1、投入 5 分\n\n预算编制得 5 分；资金管理得 5 分。\n',
)
OVERALL = Rule(
    "FL505", "score-overall", "score", "error",
    Message("自评总得分 is not the execution-rate score plus the indicator total.",
            "自评总得分不等于执行率得分与绩效指标总分之和。"),
    explanation=Message('自评总得分 = 执行率得分 + 绩效指标总分 (or the indicator total alone where the table folds the execution row in).',
                        '自评总得分 = 执行率得分 + 绩效指标总分（表内总分已含执行率一行时等于总分）。'),
    good='自评总得分\t100\n项目资金\t年初预算数\t全年预算数\t全年执行数\t执行率权重分值\t执行率(%)\t执行率得分\n年度资金总额\t50\t50\t50\t10\t100\t10\n三级指标\t分值\t得分\n巡查次数\t90\t90\n总分\t90\t90\n',
    bad='自评总得分\t95\n项目资金\t年初预算数\t全年预算数\t全年执行数\t执行率权重分值\t执行率(%)\t执行率得分\n年度资金总额\t50\t50\t50\t10\t100\t10\n三级指标\t分值\t得分\n巡查次数\t90\t90\n总分\t90\t90\n',
)
RULES = [OVER, COEFFICIENT, TOTAL, SECTION, OVERALL]


def check(doc) -> Iterator[Check | Finding]:
    for st in doc.score_tables:
        for item in st.items:
            yield from guarded(_item(doc, item))
        if st.execution is not None:
            yield from guarded(_item(doc, st.execution))
        yield from guarded(_totals(doc, st))
        yield from guarded(_overall(doc, st))
    for section in doc.sections:
        yield from guarded(_section(doc, section))


def _item(doc, item: ScoreItem):
    if item.weight is None:
        return
    w, s = item.weight.q.value, item.score.q.value
    figures = [figure(doc, item.score, "score"), figure(doc, item.weight, "weight")]
    if s > w:
        msg = Message(f"score {value_text(item.score.q)} exceeds the weight {value_text(item.weight.q)}",
                      f"得分{value_text(item.score.q)}超过权重分值{value_text(item.weight.q)}")
        yield Finding(OVER, "error", msg, figures[0], figures, expected=f"≤ {item.weight.q.number}")
        return
    yield Check(OVER, "pass", figures[0], figures)
    if item.coefficient is None:
        return
    k = item.coefficient.q.value / HUNDRED
    want = w * k
    figures.append(figure(doc, item.coefficient, "coefficient"))
    # a coefficient written to whole percents stands for ±0.5%
    slack = w * Decimal("0.005") if item.coefficient.q.decimals == 0 else Decimal(0)
    if abs(s - want) <= slack:
        yield Check(COEFFICIENT, "pass", figures[0], figures)
        return
    msg = Message(f"{item.weight.q.number} × {item.coefficient.q.text} = {_n(want)}, stated score {item.score.q.number}",
                  f"{item.weight.q.number} × {item.coefficient.q.text} = {_n(want)}，文中得分为{item.score.q.number}")
    yield Finding(COEFFICIENT, "error", msg, figures[0], figures, expected=_n(want))


def _n(v: Decimal) -> str:
    s = format(v.normalize(), "f")
    return s


def _totals(doc, st: ScoreTable):
    if st.total is None or not st.items:
        return
    for part, name_en, name_zh in (("score", "scores", "得分"), ("weight", "weights", "分值")):
        stated = getattr(st.total, part)
        figs = [getattr(i, part) for i in st.items]
        if stated is None or any(f is None for f in figs):
            continue
        total = sum(f.q.value for f in figs)
        extra = getattr(st.execution, part, None) if st.execution else None
        figures = [figure(doc, stated, "total"), *(figure(doc, f, "part") for f in figs)]
        if total == stated.q.value or extra is not None and total + extra.q.value == stated.q.value:
            if total != stated.q.value:
                figures.append(figure(doc, extra, "part"))
            yield Check(TOTAL, "pass", figures[0], figures)
            continue
        expr = " + ".join(f.q.number for f in figs)
        msg = Message(f"indicator {name_en} {expr} = {_n(total)}, stated total {stated.q.number}",
                      f"各指标{name_zh} {expr} = {_n(total)}，文中总分为{stated.q.number}")
        yield Finding(TOTAL, "error", msg, figures[0], figures, expected=_n(total))


def _overall(doc, st: ScoreTable):
    if st.overall is None or st.execution is None or st.total is None:
        return
    e, s, t = st.execution.score.q.value, st.total.score.q.value, st.overall.q.value
    figures = [figure(doc, st.overall, "total"), figure(doc, st.execution.score, "part"), figure(doc, st.total.score, "part")]
    if e + s == t or s == t:  # some tables fold the execution score into the indicator total
        yield Check(OVERALL, "pass", figures[0], figures)
        return
    msg = Message(f"{_n(e)} + {_n(s)} = {_n(e + s)}, stated 自评总得分 {_n(t)}",
                  f"执行率得分{_n(e)} + 绩效指标总分{_n(s)} = {_n(e + s)}，文中自评总得分为{_n(t)}")
    yield Finding(OVERALL, "error", msg, figures[0], figures, expected=_n(e + s))


def _section(doc, section):
    children = section.children
    if children and (section.items or any(c.score is None for c in children)):
        return  # structure unclear: unscored sub-headings, or loose items beside sub-headings
    parts = [c.score for c in children] if children else section.items
    if not parts:
        return
    total = sum(p.value for p in parts)
    figures = [figure(doc, section.score, "total"), *(figure(doc, p, "part") for p in parts)]
    if total == section.score.value:
        yield Check(SECTION, "pass", figures[0], figures)
        return
    what_en = "its sub-sections" if children else "the items under it"
    what_zh = "其下各小节" if children else "其下各项"
    expr = " + ".join(p.text for p in parts)
    msg = Message(f"“{section.title}” is given {section.score.text} points, but {what_en} score {expr} = {_n(total)}",
                  f"“{section.title}”记{section.score.text}分，但{what_zh}得分 {expr} = {_n(total)}")
    yield Finding(SECTION, "error", msg, figures[0], figures, expected=f"{_n(total)}分")
