"""FL2xx change: a figure, its base-period value, the change amount and the change percent agree.

previous = current − change; percent = change / previous. The direction words (增加/减少 …) give the
signs, and must agree with each other and with the figures. Where the current figure is taken from
context and the percent fails with it, every other plausible current figure of the paragraph is
tried before anything is reported.
"""
from __future__ import annotations

import operator
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from functools import reduce

from fiscal_lint.arith.numbers import Interval, fmt
from fiscal_lint.check.breakdown import adds_up
from fiscal_lint.check.explain import HUNDRED, in_unit, percent, shown, value_text
from fiscal_lint.check.rule import Check, Family, Finding, Message, Option, Rule, figure, guarded
from fiscal_lint.claims.changes import ChangeClaim
from fiscal_lint.claims.gaps import Gap
from fiscal_lint.claims.growths import GrowthSet
from fiscal_lint.claims.table_changes import TableChange

FAMILY = Family("change", Message("Changes against a base period", "增减变化"))

PERCENT = Rule(
    "FL201", "change-percent", "change", "error",
    Message("A change percent disagrees with the change amount and the figure it changed from.",
            "增减百分比与增减额及上年（基期）数不符。"),
    explanation=Message('previous = current − change; percent = change / previous. The current figure is the one the change follows; the previous one may also be stated for the year before.',
                        '上年数 = 本年数 − 增减额；增减率 = 增减额 ÷ 上年数。本年数为增减表述前的数字，上年数也可能直接写明。'),
    good='2021年度收入合计1,010.52万元，较上年决算数增加210.44万元，增长26.3%。',
    bad='2021年度收入合计1,010.52万元，较上年决算数增加210.44万元，增长27.3%。',
)
DIRECTION = Rule(
    "FL202", "change-direction", "change", "error",
    Message("A direction word (增加/减少 …) disagrees with another direction word or with the figures.",
            "增减方向用语与另一方向用语或数字不一致。"),
    explanation=Message('增加/增长/上升 and 减少/下降/降低 give the sign of a change; the amount and the percent of one change must go the same way, and the way the stated figures go.',
                        '增加、增长、上升与减少、下降、降低表示增减方向；同一变动的增减额与增减率方向应一致，并与所列数字一致。'),
    good='2023年度公用经费43.98万元，较上年决算数增加9.48万元，增长27.5%。',
    bad='2023年度公用经费43.98万元，较上年决算数增加9.48万元，下降27.5%。',
)
AMOUNT = Rule(
    "FL203", "change-amount", "change", "error",
    Message("A change amount disagrees with the current and previous figures it is the difference of.",
            "增减额与本期数、上期数之差不符。"),
    explanation=Message('Where both years are stated, the change amount must be their difference; so must a table\'s 增减额 column be its current column less its previous one (and its 增长率 column that difference over the previous).',
                        '两个年度的数字都已写明时，增减额应为二者之差；表格中的增减额栏应为本期栏减上期栏（增长率栏为该差额除以上期栏）。'),
    good='2023年度收入120.00万元，2022年度收入100.00万元，较上年增加20.00万元，增长20.0%。',
    bad='2023年度收入120.00万元，2022年度收入100.00万元，较上年增加25.00万元，增长20.0%。',
)
FLAT = Rule(
    "FL204", "change-flat", "change", "warning",
    Message("持平 (no change) is stated, but the figures show a change.", "文中称“持平”，但数字显示有变化。"),
    explanation=Message('持平 means no change within rounding; 基本持平 allows a change of up to 5% (option nearly-flat-percent).',
                        '持平指在舍入范围内没有变化；基本持平允许不超过5%的变化（选项nearly-flat-percent）。'),
    good='公务用车购置费0万元，较上年支出数增加0万元，增长0.0%，与上年持平。',
    bad='培训费支出3.20万元，较上年决算数增加0.45万元，增长16.4%，与上年持平。',
    options={"nearly-flat-percent": Option(
        5.0, Message("The largest change, in percent, that 基本持平 (nearly no change) still describes.",
                     "“基本持平”所能描述的最大变化幅度（百分数）。"), minimum=0)},
)
PARTS_GROWTH = Rule(
    "FL205", "change-parts-growth", "change", "error",
    Message("The growth percents of a total's parts disagree with the total's: the last-year figures they imply "
            "do not add up.", "各分项的增长率与合计数的增长率不符：由其推算的上年数之和不等于合计数的上年数。"),
    explanation=Message('last year = figure ÷ (1 + growth); the last-year figures of the parts must add up to the total\'s, within the rounding of every figure and percent. Read only where the total and every part have a growth percent of their own and the parts make the total.',
                        '上年数 = 本年数 ÷（1 + 增长率）；各分项的上年数之和应等于合计数的上年数（考虑各数字与百分比的舍入）。仅在合计数与每个分项都有各自的增长率、且分项之和等于合计数时核对。'),
    good='全县一般公共预算收入520.0亿元，增长3.0%。其中：税收收入300.0亿元，增长2.0%；非税收入220.0亿元，增长4.4%。',
    bad='全县一般公共预算收入520.0亿元，增长3.0%。其中：税收收入300.0亿元，增长2.0%；非税收入220.0亿元，增长8.4%。',
)
POINTS = Rule(
    "FL206", "change-points", "change", "error",
    Message("The percentage points said to lie between two percents are not their difference.",
            "所称两个百分比之间相差的百分点数与两者之差不符。"),
    explanation=Message('A percent compared with another stated beside it (比全省平均水平(17.9%)高2.7个百分点, 较上年的36.9%增加0.2个百分点, 低于…(53.2%)33.9个百分点): the points are the first minus the second, in the direction the words say. The percent compared is the nearest one before in its sentence; where its clause holds another percent, or its sentence another percent of its kind (another growth), the reading is unsure.',
                        '与并列写明的另一百分比相比较（比全省平均水平（17.9%）高2.7个百分点、较上年的36.9%增加0.2个百分点、低于…（53.2%）33.9个百分点）：相差的百分点 = 前者 − 后者，方向与文字一致。被比较的百分比取同一句中之前最近的一个；其所在分句另有百分比，或同一句另有同类百分比（另一增长率）时，判断为不确定。'),
    good='全县一般公共预算收入增长8.6%，比全市平均水平（6.2%）高2.4个百分点。',
    bad='全县一般公共预算收入增长8.6%，比全市平均水平（6.2%）高3.4个百分点。',
)
RULES = [PERCENT, DIRECTION, AMOUNT, FLAT, PARTS_GROWTH, POINTS]


def check(doc) -> Iterator[Check | Finding]:
    for claim in doc.changes:
        yield from guarded(_direction(doc, claim))
        yield from guarded(_percent(doc, claim))
        yield from guarded(_amount(doc, claim))
        yield from guarded(_flat(doc, claim))
    for change in doc.table_changes:
        yield from guarded(_table(doc, change))
    for growths in doc.growths:
        yield from guarded(_parts_growth(doc, growths))
    for gap in doc.gaps:
        yield from guarded(_points(doc, gap))


def _points(doc, g: Gap):
    peers = [g.subject, g.versus, g.points]
    a, b, p = (doc.interval(m, peers) for m in peers)
    if None in (a, b, p):
        return
    figures = [figure(doc, g.points, "points"), figure(doc, g.subject, "percent"), figure(doc, g.versus, "versus")]
    if (a - b).overlaps(_signed(p, g.sign)):
        yield Check(POINTS, "pass", figures[0], figures)
        return
    diff = g.subject.q.value - g.versus.q.value
    want = fmt(abs(diff), g.points.q.decimals)
    said_en, said_zh = ("above", "高") if g.sign > 0 else ("below", "低")
    was_en, was_zh = ("above", "高") if diff > 0 else ("below", "低")
    msg = Message(f"{value_text(g.subject.q)} − {value_text(g.versus.q)} = {fmt(diff)} points ({was_en}), stated "
                  f"{said_en} by {value_text(g.points.q)}",
                  f"{value_text(g.subject.q)} − {value_text(g.versus.q)} = {fmt(diff)}个百分点（{was_zh}），"
                  f"文中为{said_zh}{value_text(g.points.q)}")
    yield Finding(POINTS, "error", msg, figures[0], figures, expected=f"{want}个百分点", unsure=g.guess)


def _prior(doc, m, growth, peers) -> tuple[Interval, Decimal] | None:
    """Last year's figure implied by a figure and its growth percent: its interval and its value as written."""
    iv, g = doc.interval(m, peers), doc.interval(growth, [])
    if iv is None or g is None:
        return None
    factor = Interval.exact(Decimal(1)) + _signed(g, growth.sign).scaled(Decimal("0.01"))
    if factor.lo <= 0:
        return None  # 下降100%: nothing is implied
    return iv / factor, m.q.base / (1 + growth.sign * growth.q.value / HUNDRED)


def _parts_growth(doc, g: GrowthSet):
    claim = g.sums
    if not adds_up(doc, claim):
        return  # the parts do not make the total: FL101 says so, and nothing follows from their growth
    peers = [claim.total, *claim.parts]
    total = _prior(doc, claim.total, g.growth[id(claim.total)], peers)
    parts = [_prior(doc, p, g.growth[id(p)], peers) for p in claim.parts]
    if total is None or any(p is None for p in parts):
        return
    summed = reduce(operator.add, (p[0] for p in parts))
    tg = g.growth[id(claim.total)]
    figures = [figure(doc, tg, "percent"), figure(doc, claim.total, "total")]
    for p in claim.parts:
        figures += [figure(doc, p, "part"), figure(doc, g.growth[id(p)], "percent")]
    if summed.overlaps(total[0]):
        yield Check(PARTS_GROWTH, "pass", figures[0], figures)
        return
    point = sum(p[1] for p in parts)
    unit = claim.total.q
    d = max(2, unit.decimals)

    def term(m):
        pct = g.growth[id(m)]
        return f"{value_text(m.q)} ÷ (1 {'+' if pct.sign > 0 else '−'} {pct.q.number}%)"

    implied = (claim.total.q.base / point - 1) * HUNDRED
    written = f"{'-' if tg.sign < 0 else ''}{value_text(tg.q)}"
    want = percent(implied, tg.q.decimals)
    en = (f"last year's figures implied by the parts: {' + '.join(term(p) for p in claim.parts)} = {in_unit(point, unit, d)}; "
          f"by the total: {term(claim.total)} = {in_unit(total[1], unit, d)}; the parts' growth makes the total's "
          f"{shown(implied, tg.q.decimals)}, stated {written}")
    zh = (f"由分项推算的上年数：{' + '.join(term(p) for p in claim.parts)} = {in_unit(point, unit, d)}；由合计数推算："
          f"{term(claim.total)} = {in_unit(total[1], unit, d)}；按分项增长率，合计增长率应为"
          f"{shown(implied, tg.q.decimals)}，文中为{written}")
    yield Finding(PARTS_GROWTH, "error", Message(en, zh), figures[0], figures, expected=want.lstrip("-") if implied * tg.sign > 0 else want)


def _percent_of_previous(doc, c: ChangeClaim):
    """"相比2016年的总收入6871.82减少243.10万元,下降3.54%": the figure changed from and the change are stated, the current
    figure is not: percent = change / previous."""
    peers = [c.previous, c.delta]
    prev, delta, stated = doc.interval(c.previous, peers), doc.interval(c.delta, peers), doc.interval(c.pct, [])
    if None in (prev, delta, stated) or prev.lo <= 0 or c.pct.sign and c.delta.sign and c.pct.sign != c.delta.sign:
        return  # opposite direction words: FL202's
    ratio = delta / prev
    if ratio is None:
        return
    figures = [figure(doc, c.pct, "percent"), figure(doc, c.delta, "delta"), figure(doc, c.previous, "previous")]
    if ratio.scaled(HUNDRED).overlaps(stated):
        yield Check(PERCENT, "pass", figures[0], figures)
        return
    point = c.delta.q.base / c.previous.q.base * HUNDRED
    msg = Message(f"{value_text(c.delta.q)} / {value_text(c.previous.q)} = {shown(point, c.pct.q.decimals)}, "
                  f"stated {c.pct.q.number}%",
                  f"{value_text(c.delta.q)} / {value_text(c.previous.q)} = {shown(point, c.pct.q.decimals)}，"
                  f"文中为{c.pct.q.number}%")
    yield Finding(PERCENT, "error", msg, figures[0], figures, expected=percent(point, c.pct.q.decimals), unsure=c.guess)


def _signed(iv: Interval, sign: int) -> Interval:
    return -iv if sign < 0 else iv


def _pct_sign(c: ChangeClaim) -> int:
    return c.pct.sign or (c.delta.sign if c.delta else 0)


def _percent_from(doc, c: ChangeClaim, current) -> tuple[Interval, Decimal | None, str, str] | None:
    """(computed percent interval, its value from the figures as written, arithmetic in English and
    in Chinese) for one reading of the current figure."""
    peers = [current, c.delta, c.previous]
    cur = doc.interval(current, peers)
    if cur is None:
        return None
    if c.delta is not None:
        d = doc.interval(c.delta, peers)
        if d is None:
            return None
        prev = cur - _signed(d, c.delta.sign)
        num = _signed(d, c.delta.sign)
        point_num = c.delta.q.base * c.delta.sign
        point_prev = current.q.base - point_num
        op = "−" if c.delta.sign > 0 else "+"
        minus = "-" if c.delta.sign < 0 else ""
        expr = f"{minus}{value_text(c.delta.q)} / ({value_text(current.q)} {op} {value_text(c.delta.q)})"
    elif c.previous is not None:
        prev = doc.interval(c.previous, peers)
        if prev is None:
            return None
        num = cur - prev
        point_prev = c.previous.q.base
        point_num = current.q.base - point_prev
        expr = f"({value_text(current.q)} − {value_text(c.previous.q)}) / {value_text(c.previous.q)}"
    else:
        return None
    if prev.lo <= 0 < prev.hi and num.lo > 0 and c.delta is not None:
        # "运行费2.8万元,比上年增加2.8万元,增长127.27%": the previous figure is at most a rounding's width above 0, so
        # the growth is at least the amount over that width, and unbounded above
        return (Interval(num.lo / prev.hi * HUNDRED, UNBOUNDED), None, expr, expr.replace("/", "÷"))
    if prev.lo <= 0:
        return None  # no base to grow from: a percent of nothing proves nothing
    ratio = num / prev
    if ratio is None or point_prev <= 0:
        return None
    return ratio.scaled(HUNDRED), point_num / point_prev * HUNDRED, expr, expr.replace("/", "÷")


UNBOUNDED = Decimal("1e30")


def _slipped(delta, *others):
    """The change amount as if written in the unit of the figures it is the change of ("增支120元" between 259万元
    and 139万元): a copy of its mention, or None when it is written in theirs or they differ among themselves."""
    scales = {o.q.scale for o in others if o is not None}
    if delta.q.kind != "money" or len(scales) != 1 or delta.q.scale in scales or delta.q.value == 0:
        return None
    like = next(o.q for o in others if o is not None)
    return replace(delta, q=replace(delta.q, scale=like.scale, unit=like.unit))


def _percent(doc, c: ChangeClaim):
    if c.pct is not None and c.current is None and c.previous is not None and c.delta is not None:
        yield from _percent_of_previous(doc, c)
        return
    if c.pct is None or c.current is None or (c.delta is None and c.previous is None):
        return
    stated = doc.interval(c.pct, [])
    if stated is None:
        return
    stated = _signed(stated, _pct_sign(c))
    figures = [figure(doc, c.pct, "percent"), figure(doc, c.current, "current")]
    if c.delta is not None:
        figures.append(figure(doc, c.delta, "delta"))
    if c.previous is not None:
        figures.append(figure(doc, c.previous, "previous"))
    first = None
    for current in [c.current, *c.candidates]:
        got = _percent_from(doc, c, current)
        if got is None:
            continue
        computed, point, en, zh = got
        if first is None:
            first = got
        if computed.overlaps(stated):
            if current is not c.current:
                figures[1] = figure(doc, current, "current")
            yield Check(PERCENT, "pass", figures[0], figures, rounds=doc.rounds_up(c.pct, computed, _pct_sign(c)))
            return
    if first is None:
        return
    computed, point, en, zh = first
    if c.delta is not None and c.pct.sign and c.pct.sign != c.delta.sign and computed.overlaps(-stated):
        return  # only the direction words disagree: FL202 says so
    slip = _slipped(c.delta, c.current, c.previous) if c.delta is not None else None
    if slip is not None and (got := _percent_from(doc, replace(c, delta=slip), c.current)) and got[0].overlaps(stated):
        if c.previous is not None:
            return  # the amount's unit is wrong, which FL203 says with the years' figures
        msg = Message(f"{en} = {shown(point, c.pct.q.decimals)}, stated {c.pct.q.number}%; with {value_text(slip.q)}, "
                      f"in the unit of {value_text(c.current.q)}, it is {c.pct.q.number}%: the unit of "
                      f"{value_text(c.delta.q)} looks wrong",
                      f"{zh} = {shown(point, c.pct.q.decimals)}，文中为{c.pct.q.number}%；若为{value_text(slip.q)}"
                      f"（与{value_text(c.current.q)}同一单位）则相符：{value_text(c.delta.q)}的单位似有误")
        yield Finding(PERCENT, "error", msg, figure(doc, c.delta, "delta"), figures, expected=value_text(slip.q),
                      unsure=c.guess)
        return
    if point is None:
        if stated.overlaps(Interval.exact(HUNDRED)):
            return  # "增加50万元,增长100%" from nothing: a convention of the reports, not a computed growth
        least = f"{int(computed.lo)}%"
        msg = Message(f"{en}: the previous figure is about 0, so the growth is at least {least}, stated "
                      f"{value_text(c.pct.q)}", f"{zh}：上年数约为0，增幅至少为{least}，文中为{value_text(c.pct.q)}")
        yield Finding(PERCENT, "error", msg, figures[0], figures, unsure=c.guess if c.previous is None else "")
        return
    want = percent(point, c.pct.q.decimals)
    written = f"{'-' if _pct_sign(c) < 0 else ''}{value_text(c.pct.q)}"
    mid = shown(point, c.pct.q.decimals)
    msg = Message(f"{en} = {mid}, stated {written}", f"{zh} = {mid}，文中为{written}")
    # the current figure taken from an earlier sentence is one reading, not the only one
    unsure = c.guess if c.previous is None else ""
    truncated = doc.only_truncated(c.pct, computed, _pct_sign(c))
    if not truncated and c.delta is not None and c.pct.q.value:
        # which current figure would the amount and the percent agree with?
        prev = c.delta.q.base / (c.pct.q.value / HUNDRED)
        implied = in_unit(prev + c.delta.q.base * c.delta.sign, c.current.q, max(c.current.q.decimals, c.delta.q.decimals))
        msg = Message(msg.en + f"; {value_text(c.delta.q)} and {c.pct.q.number}% agree with a current figure of "
                      f"about {implied}", msg.zh + f"；若增减额与百分比无误，本期数应约为{implied}")
    yield Finding(PERCENT, "error", msg, figures[0], figures, expected=want.lstrip("-"), unsure=unsure,
                  truncated=truncated)


def _direction(doc, c: ChangeClaim):
    # two direction words about one change: "减少16.27万元,增长5.4%"
    if c.delta is not None and c.pct is not None and c.pct.sign and c.delta.sign:
        if c.delta.q.value != 0 and c.pct.q.value != 0:
            figures = [figure(doc, c.pct, "percent"), figure(doc, c.delta, "delta")]
            if c.delta.sign != c.pct.sign:
                msg = Message(
                    f"the amount is said to {_verb_en(c.delta)} but the percent to {_verb_en(c.pct)}",
                    f"增减额用“{c.delta.keyword.text}”，百分比却用“{c.pct.keyword.text}”，方向相反",
                )
                yield Finding(DIRECTION, "error", msg, figures[0], figures)
            else:
                yield Check(DIRECTION, "pass", figures[0], figures)
    # a stated previous figure fixes the sign
    if c.previous is not None and c.current is not None:
        stated = c.pct or c.delta
        if stated is None or not stated.sign or stated.q.value == 0:
            return
        peers = [c.current, c.previous]
        cur, prev = doc.interval(c.current, peers), doc.interval(c.previous, peers)
        if cur is None or prev is None:
            return
        diff = cur - prev
        if diff.lo <= 0 <= diff.hi:
            return
        actual = 1 if diff.lo > 0 else -1
        figures = [figure(doc, stated, stated.role), figure(doc, c.current, "current"), figure(doc, c.previous, "previous")]
        if actual != stated.sign and _current_slip(doc, c) is not None:
            return  # the current figure's unit is the one in doubt, which FL203 says
        if actual == stated.sign:
            yield Check(DIRECTION, "pass", figures[0], figures)
            return
        rel_en = "above" if actual > 0 else "below"
        rel_zh = "高于" if actual > 0 else "低于"
        msg = Message(
            f"{value_text(c.current.q)} is {rel_en} {value_text(c.previous.q)}, but the text says "
            f"“{stated.keyword.text}” ({_verb_en(stated)})",
            f"{value_text(c.current.q)}{rel_zh}{value_text(c.previous.q)}，文中却称“{stated.keyword.text}”",
        )
        yield Finding(DIRECTION, "error", msg, figures[0], figures)


def _verb_en(m) -> str:
    return f"“{m.keyword.text}” ({'increase' if m.sign > 0 else 'decrease'})"


def _amount(doc, c: ChangeClaim):
    if c.delta is None or c.previous is None or c.current is None:
        return
    peers = [c.current, c.previous, c.delta]
    cur, prev, d = (doc.interval(m, peers) for m in (c.current, c.previous, c.delta))
    if None in (cur, prev, d):
        return
    # the amount is written without its sign, which the direction word gives
    stated = _signed(d, c.delta.sign)
    slip = _current_slip(doc, c) if not (cur - prev).overlaps(stated) else None
    if slip is not None:
        figures = [figure(doc, c.delta, "delta"), figure(doc, c.current, "current"), figure(doc, c.previous, "previous")]
        msg = Message(f"{value_text(c.current.q)} is not in the unit of {value_text(c.previous.q)} and "
                      f"{value_text(c.delta.q)}; as {value_text(slip.q)} the change holds",
                      f"{value_text(c.current.q)}与{value_text(c.previous.q)}、{value_text(c.delta.q)}单位不同；"
                      f"若为{value_text(slip.q)}则增减相符")
        # "基本支出252.5\n元,较上年231.5万元,增加21万元": a unit lost at a line break, or in the text: not known which
        yield Finding(AMOUNT, "error", msg, figure(doc, c.current, "current"), figures, expected=value_text(slip.q),
                      unsure="the current figure's unit differs from the figures it is compared with")
        return
    yield from _difference(doc, c.current, c.previous, c.delta, cur - prev, stated, signed=False)


def _current_slip(doc, c: ChangeClaim):
    """The current figure in the unit of the previous one and the amount, where they share a unit it lacks and
    the change holds with it; else None."""
    if c.delta is None or c.previous is None or c.current is None or c.current.q.kind != "money":
        return None
    if c.previous.q.scale != c.delta.q.scale or c.current.q.scale == c.previous.q.scale:
        return None
    slip = replace(c.current, q=replace(c.current.q, scale=c.previous.q.scale, unit=c.previous.q.unit))
    peers = [slip, c.previous, c.delta]
    cur, prev, d = (doc.interval(m, peers) for m in (slip, c.previous, c.delta))
    if None in (cur, prev, d):
        return None
    return slip if (cur - prev).overlaps(_signed(d, c.delta.sign)) else None


def _difference(doc, current, previous, delta, diff: Interval, stated: Interval, signed: bool):
    """The change amount against current − previous; the consistent amount is written with its sign where the
    document writes one (a table's -204.61), else as a size."""
    figures = [figure(doc, delta, "delta"), figure(doc, current, "current"), figure(doc, previous, "previous")]
    if diff.overlaps(stated):
        yield Check(AMOUNT, "pass", figures[0], figures)
        return
    point = current.q.base - previous.q.base
    slip = _slipped(delta, current, previous)
    as_slip = doc.interval(slip, [current, previous]) if slip is not None else None
    like = slip.q if as_slip is not None and diff.overlaps(as_slip if stated.lo >= 0 else -as_slip) else None
    want = in_unit(abs(point), like or delta.q, max(current.q.decimals, previous.q.decimals))
    if signed and point < 0:
        want = "-" + want
    expr = f"{value_text(current.q)} − {value_text(previous.q)} = {want}"
    if like is not None:
        # "比上年同期139万元增支120元" beside 259万元: the amount is right, its unit is not
        msg = Message(f"{expr}, stated {value_text(delta.q)}: the unit of the amount looks wrong",
                      f"{expr}，文中为{value_text(delta.q)}：增减额的单位似有误")
    else:
        msg = Message(f"{expr}, stated {value_text(delta.q)}", f"{expr}，文中为{value_text(delta.q)}")
    yield Finding(AMOUNT, "error", msg, figures[0], figures, expected=want)


def _flat(doc, c: ChangeClaim):
    if c.flat is None:
        return
    nearly = c.flat.text.startswith("基本")
    limit = Decimal(str(doc.options(FLAT)["nearly-flat-percent"]))  # 基本持平: a change within this percent
    for m in (c.pct, c.delta):
        if m is None:
            continue
        iv = doc.interval(m, [])
        if iv is None:
            continue
        figures = [figure(doc, m, m.role)]
        if m.role == "pct":
            ok = iv.lo <= limit if nearly else iv.lo <= 0
        else:
            ok = iv.lo <= 0 or nearly
        if ok:
            yield Check(FLAT, "pass", figures[0], figures)
            continue
        if nearly:  # only a percent can be too large for 基本持平
            msg = Message(f"“{c.flat.text}” (nearly no change) stated with a change of {value_text(m.q)}, more than "
                          f"the {fmt(limit)}% it allows (option nearly-flat-percent)",
                          f"文中称“{c.flat.text}”，但变化为{value_text(m.q)}，超过允许的{fmt(limit)}%（选项nearly-flat-percent）")
        else:
            msg = Message(f"“{c.flat.text}” (no change) stated with a change of {value_text(m.q)}",
                          f"文中称“{c.flat.text}”，但变化为{value_text(m.q)}")
        yield Finding(FLAT, "warning", msg, figures[0], figures)
        return


def _table(doc, c: TableChange):
    """A table row's change: the amount column is current − previous, the rate column (current − previous) /
    previous, each as written with its sign."""
    peers = [m for m in (c.current, c.previous, c.delta) if m is not None]
    cur, prev = doc.interval(c.current, peers), doc.interval(c.previous, peers)
    if cur is None or prev is None:
        return
    diff, point = cur - prev, c.current.q.base - c.previous.q.base
    pair = [figure(doc, c.current, "current"), figure(doc, c.previous, "previous")]
    expr = f"{value_text(c.current.q)} − {value_text(c.previous.q)}"
    if c.delta is not None and (d := doc.interval(c.delta, peers)) is not None:
        yield from _difference(doc, c.current, c.previous, c.delta, diff, d, signed=True)
    if c.rate is None or c.previous.q.base <= 0 or (stated := doc.interval(c.rate, [])) is None:
        return
    ratio = diff / prev
    if ratio is None:
        return
    computed = ratio.scaled(HUNDRED)
    figures = [figure(doc, c.rate, "percent"), *pair]
    # a rate is read for its size against the size of the change, so that truncation cuts toward zero
    size = replace(c.rate, q=replace(c.rate.q, value=abs(c.rate.q.value)))
    along = -computed if c.rate.q.value < 0 else computed
    if computed.overlaps(stated):
        yield Check(PERCENT, "pass", figures[0], figures, rounds=doc.rounds_up(size, along))
        return
    pct = point / c.previous.q.base * HUNDRED
    mid = shown(pct, c.rate.q.decimals)
    msg = Message(f"({expr}) / {value_text(c.previous.q)} = {mid}, stated {c.rate.q.number}%",
                  f"({expr}) ÷ {value_text(c.previous.q)} = {mid}，文中为{c.rate.q.number}%")
    yield Finding(PERCENT, "error", msg, figures[0], figures, expected=percent(pct, c.rate.q.decimals),
                  truncated=doc.only_truncated(size, along))
