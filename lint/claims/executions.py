"""Budgets, what was spent of them, and a stated balance or execution rate."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..parse.mentions import ATTACHED_ROLES, Mention, Paragraph
from .common import (
    MAX_SENTENCES_BACK,
    inside_list,
    nearest,
    sent_start,
)
from .kinds import paragraph_kind


@dataclass
class ExecClaim:
    budget: Mention
    actual: Mention
    adjustments: list[Mention] = field(default_factory=list)
    balance: Mention | None = None
    rate: Mention | None = None


SUBJECTS = ("项目支出", "基本支出", "人员经费", "公用经费", "三公", "公务接待", "公务用车", "会议费", "培训费")


def _same_subject_rate(rate: Mention, budget: Mention, actual: Mention) -> bool:
    named = [w for w in SUBJECTS if w in rate.context]
    return not named or any(w in budget.context or w in actual.context for w in named)


@paragraph_kind("executions")
def executions(para: Paragraph) -> list[ExecClaim]:
    """A budget, what was spent of it, and a stated balance (结余) or execution rate (执行率).

    Readings taken: the budget and the actual figure are the nearest ones before the stated balance or
    rate, within two sentences, with the actual after the budget; additions and cuts (追加, 调减)
    between them adjust the budget.
    """
    claims: list[ExecClaim] = []
    by_key: dict[tuple[int, int], ExecClaim] = {}
    for m in para.mentions:
        if m.role not in ("balance", "exec_rate") or m.q.approx:
            continue
        if m.keyword is not None and m.keyword.kind == "RATE_OF":
            claim = _budget_inside(para, m)
            if claim is not None:
                claims.append(claim)
            continue
        if m.role == "balance" and m.kind != "money":
            continue
        compared = _compared_budget(para, m) if m.role == "exec_rate" else None
        if compared is not None:
            claims.append(compared)
            continue
        actual = nearest(para.mentions, m.index, lambda x: x.role == "actual" and x.kind == "money")
        if actual is None or actual.sent < m.sent - MAX_SENTENCES_BACK or actual.q.approx:
            continue
        # the budget is usually stated first, but "实际支出95万元，预算100万元，执行率95%" happens
        budget = nearest(para.mentions, m.index, lambda x: x.role == "budget" and x.kind == "money")
        if budget is None or budget.sent < actual.sent - MAX_SENTENCES_BACK or budget.q.approx:
            continue
        first = min(budget.index, actual.index)
        if inside_list(para, max(first, sent_start(para, max(actual.sent, budget.sent))), m.index):
            continue  # "预算0.95万元…其中：公务接待费决算为0.39万元": an item's actual, the total's budget
        if m.role == "exec_rate" and not _same_subject_rate(m, budget, actual):
            continue  # "其中项目支出执行率92.5%": the rate of a part, not of the budget before it
        key = (budget.index, actual.index)
        claim = by_key.get(key)
        if claim is None:
            adjustments = [x for x in para.mentions if budget.index < x.index < max(actual.index, m.index)
                           and x.role == "adjust" and x.kind == "money"]
            claim = ExecClaim(budget=budget, actual=actual, adjustments=adjustments)
            by_key[key] = claim
            claims.append(claim)
        if m.role == "balance" and claim.balance is None:
            claim.balance = m
        elif m.role == "exec_rate" and claim.rate is None:
            claim.rate = m
    return claims


def _budget_inside(para: Paragraph, rate: Mention) -> ExecClaim | None:
    """"(完成)收入969万元，占年初预算2180万元的44.5%": the budget is the figure inside the phrase; what was done
    is the amount that the phrase follows, in its sentence, with nothing but words and its own changes
    between them."""
    budget = nearest(para.mentions, rate.index, lambda x: x.role == "rate_base")
    if budget is None or budget.sent != rate.sent or budget.q.approx or budget.kind != "money":
        return None
    done = nearest(para.mentions, budget.index, lambda x: x.sent == rate.sent and x.kind == "money"
                   and x.role not in ATTACHED_ROLES)
    if done is None or done.q.approx or done.role not in ("plain", "actual", "total"):
        return None
    between = [x for x in para.mentions if done.index < x.index < budget.index]
    if between:
        return None  # another figure stands between: which one the rate is of is a guess
    return ExecClaim(budget=budget, actual=done, rate=rate)


def _compared_budget(para: Paragraph, rate: Mention) -> ExecClaim | None:
    """"…支出决算数为884.49万元,较年初预算数921.18万元减少36.69万元,完成预算数的96.02%": the budget is the figure the
    amount was compared with, the amount the one right before that comparison, in the rate's sentence; between the
    budget and the rate nothing but the comparison's own change."""
    before = [x for x in para.mentions if x.index < rate.index and x.sent == rate.sent]
    k = next((i for i in range(len(before) - 1, -1, -1) if before[i].role == "versus"), None)
    if k is None or k == 0:
        return None
    budget, done = before[k], before[k - 1]
    if (budget.keyword is None or "预算" not in budget.keyword.text or budget.kind != "money" or budget.q.approx
            or done.kind != "money" or done.q.approx or done.role not in ("plain", "actual", "total")):
        return None
    if any(x.role not in ("delta", "pct") for x in before[k + 1:]):
        return None
    return ExecClaim(budget=budget, actual=done, rate=rate)
