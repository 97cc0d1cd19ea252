"""FL41x ratio: named rates (控制率, 在职人数控制率, 节约率, 办结率) and written formulas ("A/B×100%=X%")
against their numerator and denominator. Where a rate has more than one customary definition
(节约率), every definition is tried and the message names them; only when none agrees is it reported.
执行率 is checked by the execution rules (FL30x)."""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from fiscal_lint.check.explain import HUNDRED, percent, shown, value_text
from fiscal_lint.check.rule import Check, Family, Finding, Message, Rule, figure, guarded

FAMILY = Family("ratio", Message("Named rates and formulas", "比率与算式"))

RATE = Rule(
    "FL411", "rate-mismatch", "ratio", "error",
    Message("A named rate (控制率, 节约率, 办结率 …) disagrees with the figures it is computed from.",
            "所述比率（控制率、节约率、办结率等）与其计算所依据的数字不符。"),
    explanation=Message('控制率 = actual / budget; 在职人数控制率 = staff / establishment; 节约率 = saved / (spent + saved) or saved / spent (both tried); 审减率 = cut / submitted; 办结率 = closed / received.',
                        '控制率 = 实际支出 ÷ 预算数；在职人数控制率 = 在职人数 ÷ 编制数；节约率 = 节约额 ÷（支出额 + 节约额）或节约额 ÷ 支出额（两种口径都会尝试）；审减率 = 审减额 ÷ 送审额；办结率 = 办结数 ÷ 受理数。'),
    good='“三公”经费预算安排数2.2万元,实际支出1.369万元,控制率62.23%。',
    bad='公务运行维护经费预算数0.58万元,实际支出0万元,控制率25.46%。',
)
FORMULA = Rule(
    "FL412", "formula-result", "ratio", "error",
    Message("A written formula (A/B×100%=X%) does not give its stated result.", "文中算式（A/B×100%=X%）的结果与所写不符。"),
    explanation=Message('A formula written out (A/B×100%=X%) is computed as written. “×1%” where the result fits “×100%” is a warning.',
                        '文中写出的算式（A/B×100%=X%）按所写计算；写作“×1%”而结果符合“×100%”时给出警告。'),
    good='在职人员控制率：在职15人/编制19人×100%=79%。',
    bad='在职人员控制率：在职15人/编制19人×100%=69%。',
)
RULES = [RATE, FORMULA]


def check(doc) -> Iterator[Check | Finding]:
    for c in doc.rates:
        yield from guarded(_rate(doc, c))


def _expr(terms) -> str:
    text = " + ".join(value_text(t.q) for t in terms)
    return f"({text})" if len(terms) > 1 else text


def _rate(doc, c):
    rule = FORMULA if c.name == "formula" else RATE
    stated = doc.interval(c.rate, [])
    if stated is None:
        return
    tried = []
    figures = [figure(doc, c.rate, "rate")]
    for en, zh, num, den in c.definitions:
        peers = num + den
        n, d = doc.total(num, peers), doc.total(den, peers)
        if n is None or d is None:
            return
        for m in num + den:
            if all(f.start != m.q.start for f in figures):
                figures.append(figure(doc, m, "numerator" if m in num else "denominator"))
        ratio = n / d
        point_den = sum(t.q.base for t in den)
        if ratio is None or point_den <= 0:
            tried.append((en, zh, None, num, den))
            continue
        scale = HUNDRED
        if c.multiplier is not None:
            scale = c.multiplier.q.value  # "× 100%" multiplies by 100 (percent points); "× 1%" by 1
        computed = ratio.scaled(scale)
        point = sum(t.q.base for t in num) / point_den * scale
        if computed.overlaps(stated):
            yield Check(rule, "pass", figures[0], figures, rounds=doc.rounds_up(c.rate, computed))
            return
        tried.append((en, zh, point, num, den))
    tried = [t for t in tried if t[2] is not None]
    if not tried:
        return
    parts_en, parts_zh = [], []
    for en, zh, point, num, den in tried:
        mult = f" × {c.multiplier.q.text}" if c.multiplier is not None else ""
        arith = f"{_expr(num)} / {_expr(den)}{mult} = {shown(point, c.rate.q.decimals)}"
        parts_en.append(f"{arith} [{en}]" if len(tried) > 1 else arith)
        parts_zh.append(f"{arith.replace(' / ', ' ÷ ')}（{zh}）" if len(tried) > 1 else arith.replace(" / ", " ÷ "))
    joiner_en = "; " if len(tried) > 1 else ""
    msg = Message(f"{joiner_en.join(parts_en)}, stated {value_text(c.rate.q)}"
                  + ("; no definition gives it" if len(tried) > 1 else ""),
                  f"{'；'.join(parts_zh)}，文中为{value_text(c.rate.q)}" + ("；各种口径均不相符" if len(tried) > 1 else ""))
    severity = "error"
    expected = percent(tried[0][2], c.rate.q.decimals)
    if c.multiplier is not None and c.multiplier.q.value not in (0, HUNDRED):
        # "×1%" where "×100%" is meant is a slip of the pen or of OCR: say so, as a warning
        fixed = tried[0][2] / c.multiplier.q.value * HUNDRED
        if abs(fixed - c.rate.q.value) <= Decimal(1).scaleb(-c.rate.q.decimals) / 2 + Decimal("0.05"):
            severity = "warning"
            msg = Message(msg.en + f"; with × 100% it would be {percent(fixed, c.rate.q.decimals)}",
                          msg.zh + f"；若为 × 100% 则为{percent(fixed, c.rate.q.decimals)}")
            expected = None
    # the one definition's interval: with several, no one figure is the one truncated
    truncated = severity == "error" and len(c.definitions) == 1 and doc.only_truncated(c.rate, computed)
    yield Finding(rule, severity, msg, figures[0], figures, expected=expected, truncated=truncated, unsure=c.unsure)

