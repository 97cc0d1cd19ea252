"""FL40x share: 占X% against part / total, and the shares of one breakdown against 100%.

The total is the one the share names (占本年支出合计的…), else the total of the list the part is in,
else — for a run of shares with no stated total — the sum of their parts (see claims.shares).
"""
from __future__ import annotations

from collections.abc import Iterator

from fiscal_lint.check.breakdown import adds_up, over_hundred
from fiscal_lint.check.explain import HUNDRED, percent, shown, value_text
from fiscal_lint.check.rule import Check, Family, Finding, Message, Rule, figure, guarded

FAMILY = Family("share", Message("Shares of a total", "占比"))

SHARE = Rule(
    "FL401", "share-mismatch", "share", "error",
    Message("A share (占X%) is not the part divided by its total.", "占比不等于该项数额除以合计数。"),
    explanation=Message('A share is part / total of the breakdown it belongs to: the total it names (占本年支出合计的…), the total of its list, or, for a run of shares without a total, the sum of their parts.',
                        '占比 = 该项 ÷ 所属构成的合计：文中点明的合计（占本年支出合计的…）、所在列举的合计，或无合计时各项之和。'),
    good='2021年度支出合计1010.52万元。其中:基本支出331.66万元,占32.8%;项目支出678.86万元,占67.2%。',
    bad='2021年度支出合计1010.52万元。其中:基本支出331.66万元,占32.8%;项目支出678.86万元,占68.2%。',
)
SHARES_TOTAL = Rule(
    "FL402", "share-total", "share", "error",
    Message("The shares of one breakdown do not total 100%.", "同一构成中各项占比之和不等于100%。"),
    explanation=Message('When every part of a complete breakdown carries a share, the shares must total 100% within their rounding. Shares written without their parts\' figures, one after another ("行政单位占25.63%,事业单位占74.37%"), are one breakdown where they make 100%, and must make it where their names make a known whole of one base (基本支出 and 项目支出; the three 三公 items; 货物, 工程 and 服务).',
                        '完整构成的各项均列占比时，占比之和在舍入范围内应为100%。未列各项数额、依次列出的占比（“行政单位占25.63%，事业单位占74.37%”）合计为100%时视为一个构成；其名称构成已知整体（基本支出与项目支出、三公经费三项、货物工程服务）且基数相同时，合计必须为100%。'),
    good='2021年度支出合计1010.52万元。其中:基本支出331.66万元,占32.8%;项目支出678.86万元,占67.2%。',
    bad='2021年度支出合计1010.52万元。其中:基本支出331.66万元,占32.8%;项目支出678.86万元,占68.2%。',
)
RULES = [SHARE, SHARES_TOTAL]


def check(doc) -> Iterator[Check | Finding]:
    groups: list[tuple[object, list]] = []  # shares of one breakdown: its SumClaim, or the run's list of parts
    for c in doc.shares:
        yield from guarded(_share(doc, c))
        key = c.owner if c.owner is not None else (c.parts or None)
        if key is None:
            continue
        members = next((m for k, m in groups if k is key), None)
        if members is None:
            groups.append((key, [c]))
        else:
            members.append(c)
    for _, claims in groups:
        yield from guarded(_total(doc, claims))
    for ps in doc.percent_sets:
        yield from guarded(_percent_set(doc, ps))


def _share(doc, c):
    peers = [c.part, c.total, *c.parts]
    part = doc.interval(c.part, peers)
    stated = doc.interval(c.pct, [])
    if c.total is not None:
        total = doc.interval(c.total, peers)
        point_total = c.total.q.base
        total_text = value_text(c.total.q)
        figures_total = [figure(doc, c.total, "total")]
    else:
        total = doc.total(c.parts, peers)
        point_total = sum(p.q.base for p in c.parts)
        total_text = f"({' + '.join(value_text(p.q) for p in c.parts)})"
        figures_total = [figure(doc, p, "part") for p in c.parts if p is not c.part]
    if part is None or stated is None or total is None or point_total <= 0:
        return
    ratio = part / total
    if ratio is None:
        return
    computed = ratio.scaled(HUNDRED)
    figures = [figure(doc, c.pct, "percent"), figure(doc, c.part, "part"), *figures_total]
    if computed.overlaps(stated):
        yield Check(SHARE, "pass", figures[0], figures, rounds=doc.rounds_up(c.pct, computed))
        return
    point = c.part.q.base / point_total * HUNDRED
    mid = shown(point, c.pct.q.decimals)
    msg = Message(f"{value_text(c.part.q)} / {total_text} = {mid}, stated {value_text(c.pct.q)}",
                  f"{value_text(c.part.q)} ÷ {total_text} = {mid}，文中为{value_text(c.pct.q)}")
    yield Finding(SHARE, "error", msg, figures[0], figures, expected=percent(point, c.pct.q.decimals),
                  unsure=c.guess or _overlapping(doc, c) or _own_precision(doc, c, stated) or _short_list(doc, c),
                  truncated=doc.only_truncated(c.pct, computed))


def _short_list(doc, c) -> str:
    """"…收入10066万元,其中:税收收入5537万元,非税收入3015万元,非税占比35.3%": the parts do not make the list's total
    (5537 + 3015 = 8552), and the share is of their sum (3015 / 8552 = 35.3%), so which figure it is of is not known."""
    if c.owner is None or adds_up(doc, c.owner):
        return ""
    peers = [c.part, *c.owner.parts]
    if not _agrees(doc.interval(c.part, peers), doc.total(c.owner.parts, peers), doc.interval(c.pct, [])):
        return ""
    return "the listed parts do not make the total, and the share is of their sum"


def _own_precision(doc, c, stated) -> str:
    """"一般性转移支付预算3.9万亿元,…其中:西部地区1.71万亿元,占比44.4%": among figures written to two places, 3.9 is read
    as 3.90; read as written (3.85 to 3.95) the share agrees, so which it is cannot be told."""
    total = doc.interval(c.total, []) if c.total is not None else doc.total(c.parts, [])
    if _agrees(doc.interval(c.part, []), total, stated):
        return "the share agrees with each figure read to the places it is written to"
    return ""


def _agrees(part, whole, stated) -> bool:
    """Does part / whole, as a percent, overlap the stated share (each an interval, or None when not read)?"""
    ratio = part / whole if part is not None and whole is not None else None
    return stated is not None and ratio is not None and ratio.scaled(HUNDRED).overlaps(stated)


def _overlapping(doc, c) -> str:
    """"其中:税收收入653923万元…,税收比重70.1%…;“四税”完成278026万元…,“四税”比重42.5%": the shares of one list's parts
    make more than 100%, and the share is right of a larger part (278026 / 653923 = 42.5%): the part belongs to that
    part (四税 is part of 税收), and the list's total is not its base."""
    if c.owner is None:
        return ""
    pcts = [x.pct for x in doc.shares if x.owner is c.owner]
    if len(pcts) < 2 or not over_hundred(pcts):
        return ""
    stated = doc.interval(c.pct, [])
    for other in c.owner.parts:
        if other is c.part or other.q.base <= c.part.q.base:
            continue
        if _agrees(doc.interval(c.part, [c.part, other]), doc.interval(other, [c.part, other]), stated):
            return f"the share is right of {value_text(other.q)}, another part: the part is one of that part's"
    return ""


def _total(doc, claims):
    """Shares of a breakdown that names every part: their sum must hold 100%."""
    if len(claims) < 2:
        return
    owner_parts = claims[0].parts
    if claims[0].total is not None and not owner_parts:
        # parts of a listed breakdown: only when every part carries a share and the parts make the total
        claim = claims[0].owner
        if claim is None or len(claim.parts) != len(claims) or not adds_up(doc, claim):
            return
    elif not owner_parts:
        return
    total = doc.total([c.pct for c in claims], [])
    if total is None or any(c.guess for c in claims):
        return  # shares whose base is a guess may be of another whole: what they total says nothing
    figures = [figure(doc, c.pct, "percent") for c in claims]
    anchor = figures[-1]
    if HUNDRED in total:
        yield Check(SHARES_TOTAL, "pass", anchor, figures)
        return
    written = sum(c.pct.q.value for c in claims)
    expr = " + ".join(value_text(c.pct.q) for c in claims)
    msg = Message(f"{expr} = {written}%, not 100%", f"{expr} = {written}%，不等于100%")
    yield Finding(SHARES_TOTAL, "error", msg, anchor, figures, expected="100%")





def _percent_set(doc, ps):
    """Shares written without their parts' figures: a stretch that makes 100% is a breakdown and agrees; one whose
    names make a known whole must make it."""
    total = doc.total(ps.pcts, [])
    if total is None:
        return
    figures = [figure(doc, m, "percent") for m in ps.pcts]
    if HUNDRED in total:
        yield Check(SHARES_TOTAL, "pass", figures[-1], figures)
        return
    if ps.whole:
        written = sum(m.q.value for m in ps.pcts)
        expr = " + ".join(value_text(m.q) for m in ps.pcts)
        yield Finding(SHARES_TOTAL, "error", Message(f"{expr} = {written}%, not 100%", f"{expr} = {written}%，不等于100%"),
                      figures[-1], figures, expected="100%")
