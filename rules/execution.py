"""FL3xx execution: budget, actual spending, balance and execution rate agree.

rate = actual / (budget + additions − cuts); balance = budget − actual. A claim of full execution
(执行率100%, 结余0) requires actual = budget: a rate that only rounds to 100% is reported as a warning,
since "100%" may be a rounded 99.7% or a claim that everything was spent.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from fiscal_lint.arith.numbers import Interval, fmt
from fiscal_lint.check.explain import HUNDRED, in_unit, percent, shown, value_text
from fiscal_lint.check.rule import Check, Family, Figure, Finding, Message, Rule, figure, guarded
from fiscal_lint.claims.executions import ExecClaim
from fiscal_lint.claims.schedules import schedule, schedules_by_days

FAMILY = Family("execution", Message("Budget execution", "预算执行"))

RATE = Rule(
    "FL301", "execution-rate", "execution", "error",
    Message("A stated execution rate is not actual spending / budget.", "所述执行率不等于实际支出 ÷ 预算数。"),
    explanation=Message('rate = actual / (budget + additions − cuts), each figure read with its rounding.',
                        '执行率 = 实际支出 ÷（预算数 + 追加 − 调减），各数按其舍入区间计算。'),
    good='项目预算93.64万元，截至年底实际支出93.64万元，结余0万元，预算执行率为100%。',
    bad='项目预算120.00万元，截至年底实际支出118.80万元，预算执行率为100%。',
)
BALANCE = Rule(
    "FL302", "execution-balance", "execution", "error",
    Message("A stated balance is not budget − actual spending.", "所述结余不等于预算数 − 实际支出。"),
    explanation=Message('balance = budget − actual; 结余0万元 means everything was spent.',
                        '结余 = 预算数 − 实际支出；结余0万元表示全部支出。'),
    good='项目预算93.64万元，截至年底实际支出93.64万元，结余0万元，预算执行率为100%。',
    bad='项目预算8.00万元，实际支出7.20万元，结余0万元。',
)
FULL = Rule(
    "FL303", "execution-full", "execution", "warning",
    Message("Full execution (100%) is claimed, but actual spending differs from the budget.",
            "文中称预算执行率100%，但实际支出与预算数不相等。"),
    explanation=Message('A rate that only rounds to 100% (99.75%) is reported as a warning: 100% may mean a rounded figure or that everything was spent.',
                        '执行率仅因四舍五入为100%（如99.75%）时给出警告：100%可能是舍入结果，也可能表示全部支出。'),
    good='项目预算93.64万元，截至年底实际支出93.64万元，结余0万元，预算执行率为100%。',
    bad='项目预算137.95万元，实际支出137.60万元，预算执行率100%。',
)
RULES = [RATE, BALANCE, FULL]


def check(doc) -> Iterator[Check | Finding]:
    for claim in doc.executions:
        yield from guarded(_check(doc, claim))
    yield from guarded(_comparisons(doc))
    for c in doc.schedules:
        yield from guarded(_schedule(doc, c))


def _budget_text(c: ExecClaim) -> str:
    text = value_text(c.budget.q)
    for a in c.adjustments:
        text += f" {'−' if a.keyword.kind == 'ADJUST_DOWN' else '+'} {value_text(a.q)}"
    return f"({text})" if c.adjustments else text


def _check(doc, c: ExecClaim):
    peers = [c.budget, c.actual, c.balance, *c.adjustments]
    budget = doc.interval(c.budget, peers)
    actual = doc.interval(c.actual, peers)
    if budget is None or actual is None:
        return
    point_budget = c.budget.q.base
    for a in c.adjustments:
        iv = doc.interval(a, peers)
        if iv is None:
            return
        down = a.keyword.kind == "ADJUST_DOWN"
        budget = budget - iv if down else budget + iv
        point_budget += -a.q.base if down else a.q.base
    base = [figure(doc, c.budget, "budget"), *(figure(doc, a, "adjustment") for a in c.adjustments),
            figure(doc, c.actual, "actual")]
    decimals = max(m.q.decimals for m in peers if m is not None)

    if c.rate is not None and (stated := doc.interval(c.rate, [])) is not None:
        figures = [figure(doc, c.rate, "rate"), *base]
        ratio = actual / budget
        if ratio is not None and point_budget > 0:
            computed = ratio.scaled(HUNDRED)
            point = c.actual.q.base / point_budget * HUNDRED
            expr = f"{value_text(c.actual.q)} / {_budget_text(c)}"
            mid = shown(point, c.rate.q.decimals)
            if not computed.overlaps(stated):
                want = percent(point, c.rate.q.decimals)
                msg = Message(f"{expr} = {mid}, stated {value_text(c.rate.q)}",
                              f"{expr.replace('/', '÷')} = {mid}，文中为{value_text(c.rate.q)}")
                yield Finding(RATE, "error", msg, figures[0], figures, expected=want,
                              truncated=doc.only_truncated(c.rate, computed))
            else:
                yield Check(RATE, "pass", figures[0], figures, rounds=doc.rounds_up(c.rate, computed))
                if c.rate.q.value == HUNDRED and not actual.overlaps(budget):
                    msg = Message(
                        f"{expr} = {mid}, which rounds to {value_text(c.rate.q)}, but actual spending "
                        f"{value_text(c.actual.q)} is not the budget {_budget_text(c)}",
                        f"{expr.replace('/', '÷')} = {mid}，虽可约为{value_text(c.rate.q)}，"
                        f"但实际支出{value_text(c.actual.q)}不等于预算{_budget_text(c)}",
                    )
                    yield Finding(FULL, "warning", msg, figures[0], figures)

    if c.balance is not None and (stated := doc.interval(c.balance, peers)) is not None:
        figures = [figure(doc, c.balance, "balance"), *base]
        computed = budget - actual
        expr = f"{_budget_text(c)} − {value_text(c.actual.q)}"
        want = in_unit(point_budget - c.actual.q.base, c.balance.q if c.balance.q.value else c.budget.q, decimals)
        if computed.overlaps(stated):
            yield Check(BALANCE, "pass", figures[0], figures)
        else:
            msg = Message(f"{expr} = {want}, stated balance {value_text(c.balance.q)}",
                          f"{expr} = {want}，文中结余为{value_text(c.balance.q)}")
            yield Finding(BALANCE, "error", msg, figures[0], figures, expected=want)


COMPARISON = Rule(
    "FL304", "execution-comparison", "execution", "error",
    Message("A comparison word (大于, 小于, 等于, 持平 …) disagrees with the budget and actual figures it compares.",
            "比较用语（大于、小于、等于、持平等）与所比较的预算数、决算数不符。"),
    explanation=Message("“决算数小于预算数” needs the actual below the budget, 大于 above it, 等于 and 持平 equal within "
                        "rounding, 基本持平 within 5%; the figures are the nearest budget and actual figures before the words.",
                        "“决算数小于预算数”要求决算数低于预算数，大于则高于，等于、持平在舍入范围内相等，基本持平相差不超过5%；"
                        "比较的数字为该表述前最近的预算数与决算数。"),
    good="年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因：人员减少。",
    bad="年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因：人员减少。",
)
RULES.append(COMPARISON)
NEARLY = Decimal("0.05")


def _comparisons(doc):
    for c in doc.comparisons:
        a, b = doc.interval(c.left, [c.left, c.right]), doc.interval(c.right, [c.left, c.right])
        if a is None or b is None:
            continue
        word = c.word.text
        if word in ("大于", "高于", "超过", "多于"):
            wrong = a.hi <= b.lo
        elif word in ("小于", "低于", "少于"):
            wrong = a.lo >= b.hi
        elif word == "未超过":
            wrong = a.lo > b.hi
        elif word == "基本持平":
            wrong = abs(c.left.q.base - c.right.q.base) > NEARLY * max(abs(c.right.q.base), Decimal("0.01")) \
                and not a.overlaps(b)
        else:  # 等于, 持平, 无变化 …
            wrong = not a.overlaps(b)
        figures = [figure(doc, c.right, "right"), figure(doc, c.left, "left")]
        anchor = Figure(role="word", start=c.word.start, end=c.word.end, text=doc.written(c.word.start, c.word.end))
        figures = [anchor, *figures]
        if not wrong:
            yield Check(COMPARISON, "pass", anchor, figures)
            continue
        rel = ">" if c.left.q.base > c.right.q.base else "<" if c.left.q.base < c.right.q.base else "="
        rel_zh = {">": "大于", "<": "小于", "=": "等于"}[rel]
        msg = Message(f"{c.left_word.text} {value_text(c.left.q)} {rel} {c.right_word.text} {value_text(c.right.q)}, "
                      f"but the text says “{word}”",
                      f"{c.left_word.text}{value_text(c.left.q)}{rel_zh}{c.right_word.text}{value_text(c.right.q)}，"
                      f"文中却称“{word}”")
        yield Finding(COMPARISON, "error", msg, anchor, figures, expected=rel_zh)


SCHEDULE = Rule(
    "FL305", "execution-schedule", "execution", "warning",
    Message("An execution rate is not as far from the time schedule (序时进度) as stated.",
            "执行进度与序时进度的差距与所述不符。"),
    explanation=Message('The time schedule of a period is the share of the year it covers (上半年 50%, 1-7月 7/12 = 58.33%, 一季度 25%): a rate stated ahead of it or behind it by so many points must be that far from it. The schedule is read from the period named before the rate in its paragraph (or the paragraph before), and may be counted by months or by days (1-5月: 41.67%, or 151/365 = 41.37%); a gap that neither makes is reported.',
                        '期间的序时进度为其占全年的比例（上半年50%，1-7月7/12即58.33%，一季度25%）：所述超过或低于序时进度的百分点数，应等于执行进度与序时进度之差。期间取自执行进度之前（本段或上一段）所述期间，序时进度可按月或按天计算（1-5月：41.67%，或151/365即41.37%）；两种算法都不符时报告。'),
    good='上半年，全县一般公共预算收入完成年初预算的53.5%，超序时进度3.5个百分点。',
    bad='上半年，全县一般公共预算收入完成年初预算的53.5%，超序时进度5.5个百分点。',
)
RULES.append(SCHEDULE)


def _schedule(doc, c):
    rate, points = doc.interval(c.rate, [c.rate, c.points]), doc.interval(c.points, [c.rate, c.points])
    if rate is None or points is None:
        return
    at = schedule(c.months)
    # by months or by days, whichever the office counts: 5/12 = 41.67%, 151/365 = 41.37%
    ways = (at, *schedules_by_days(c.months))
    stated = points if c.sign > 0 else -points
    figures = [figure(doc, c.points, "points"), figure(doc, c.rate, "rate")]
    if any((rate - Interval.exact(w)).overlaps(stated) for w in ways):
        yield Check(SCHEDULE, "pass", figures[0], figures)
        return
    diff = c.rate.q.value - at
    side_en, side_zh = ("ahead of", "超") if diff >= 0 else ("behind", "低于")
    said_en, said_zh = ("ahead of", "超") if c.sign > 0 else ("behind", "低于")
    at_text = fmt(at, 2)
    msg = Message(f"{value_text(c.rate.q)} − {at_text}% ({c.months} of 12 months) = {fmt(abs(diff), 2)} points {side_en} "
                  f"the schedule, stated {said_en} it by {value_text(c.points.q)}",
                  f"{value_text(c.rate.q)} − {at_text}%（{c.months}/12个月）= {side_zh}序时进度{fmt(abs(diff), 2)}个百分点，"
                  f"文中为{said_zh}{value_text(c.points.q)}")
    yield Finding(SCHEDULE, "warning", msg, figures[0], figures, expected=f"{fmt(abs(diff), c.points.q.decimals)}个百分点")
