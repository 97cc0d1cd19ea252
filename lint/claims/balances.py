"""Balance identities: opening + income − expense = closing, and the 决算总表 identities in prose."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..parse.mentions import ATTACHED_ROLES, Mention, Paragraph
from .common import fiscal_scope
from .kinds import claim_kind


@dataclass
class BalanceClaim:
    """closing = opening + income − expense; or a grand total = the year's figure + a balance."""
    result: Mention
    plus: list[Mention]
    minus: list[Mention] = field(default_factory=list)
    name: str = ""  # which identity
    complete: bool = True  # every term of the identity is stated


def _first(mentions, pred) -> Mention | None:
    return next((m for m in mentions if pred(m)), None)


def balances(paragraphs: list[Paragraph]) -> list[BalanceClaim]:
    """Balance identities.

    In one paragraph: 上年结转/年初结转和结余 + 总收入 − 总支出 = 年末结余 (all four stated).
    Across the document (the 收入支出决算总表 identities in prose): 收入总计 = 本年收入合计 + 年初结转和结余
    (+ 使用非财政拨款结余) and 支出总计 = 本年支出合计 + 年末结转和结余 (+ 结余分配), for the unit as a whole
    (figures scoped to 财政拨款 are a different table and are left out).
    """
    out: list[BalanceClaim] = []
    for para in paragraphs:
        ms = [m for m in para.mentions if m.kind == "money" and not m.q.approx and m.role not in ATTACHED_ROLES]
        opening = _first(ms, lambda m: m.role == "opening")
        # a 总计 holds the balances already ("收入总计766.75万元,其中:收入合计610.42万元,年初结转和结余156.33万元"): the
        # year's own figures are the 合计
        income = _first(ms, lambda m: "收入" in m.label and m.role in ("total", "plain", "actual") and "其中" not in m.label
                        and "总计" not in m.label)
        after = income.index if income else -1
        expense = _first(ms, lambda m, after=after: "支出" in m.label and m.role in ("total", "plain", "actual")
                         and "其中" not in m.label and "总计" not in m.label and m.index > after)
        closing = _first(ms, lambda m: m.role in ("carry", "balance") and "年末" in m.label)
        if opening and income and expense and closing and closing.index > expense.index:
            out.append(BalanceClaim(result=closing, plus=[opening, income], minus=[expense], name="carry-over"))
    every = [m for p in paragraphs for m in p.mentions
             if m.kind == "money" and not m.q.approx and m.role not in ATTACHED_ROLES and not fiscal_scope(m)]
    ends = lambda *w: (lambda m: m.label.endswith(w))  # noqa: E731
    has = lambda w: (lambda m: w in m.label)  # noqa: E731
    for name, total_words, year_words, balance_word, extra_word in (
            ("income", ("收入总计",), ("本年收入合计", "收入合计"), "年初结转和结余", "使用非财政拨款结余"),
            ("expense", ("支出总计",), ("本年支出合计", "支出合计"), "年末结转和结余", "结余分配")):
        total = _first(every, ends(*total_words))
        year = _first(every, ends(*year_words))
        bal = _first(every, has(balance_word))
        if not (total and year and bal):
            continue
        extra = _first(every, has(extra_word))
        out.append(BalanceClaim(result=total, plus=[year, bal] + ([extra] if extra else []), name=name,
                                complete=extra is not None))
    return out


@claim_kind("balances")
def _balances(doc) -> list[BalanceClaim]:
    return balances(doc.paragraphs)


STOCK = ("年末", "年终", "年初", "上年")  # a balance so qualified is what is held, not what the year left


@claim_kind("balances")
def _net(doc) -> list[BalanceClaim]:
    """"…基金收入37667亿元,…,其中:…。支出32581亿元,…。本年收支结余5086亿元": income − expense = the year's
    balance, each the nearest before the next within two sentences; the parts of a listed total are never one
    of them, and a balance of the year's end or start (年末滚存结余) is a stock, not the year's."""
    parts = {id(p) for c in doc.sums for p in c.parts}
    out: list[BalanceClaim] = []
    for para in doc.paragraphs:
        ms = [m for m in para.mentions if m.kind == "money" and not m.q.approx and m.role not in ATTACHED_ROLES
              and id(m) not in parts]
        for k, bal in enumerate(ms):
            # "…年终结余结转支出15061万元" is an item of spending, not the balance
            if bal.role != "balance" or any(w in bal.label for w in (*STOCK, "收入", "支出")):
                continue
            expense = _nearest(ms[:k], bal.sent, "支出", "收入")
            if expense is None or any(m.role == "balance" for m in ms[ms.index(expense) + 1:k]):
                continue
            income = _nearest(ms[:ms.index(expense)], bal.sent, "收入", "支出")
            if income is None or _has_opening(ms, income, bal):
                continue
            between = ms[ms.index(income) + 1:k]
            incomes = [m for m in ms[:ms.index(income)] if m.sent == income.sent and "收入" in m.label]
            if incomes:
                continue  # "上级补助收入…,债务转贷收入1.34亿元;…支出…": several kinds of income listed, none the whole
            if sum("支出" in m.label for m in between) == 1:  # several kinds of spending listed: none is the whole
                out.append(BalanceClaim(result=bal, plus=[income], minus=[expense], name="net"))
    return out


def _nearest(ms: list[Mention], sent: int, word: str, other: str) -> Mention | None:
    for m in reversed(ms):
        if m.sent < sent - 2:
            return None
        if word in m.label and other not in m.label and m.role in ("total", "plain", "actual"):
            return m
    return None


def _has_opening(ms: list[Mention], income: Mention, bal: Mention) -> bool:
    """An opening balance stated between the two makes the identity the carry-over one, read above."""
    return any(m.role == "opening" and income.index < m.index < bal.index for m in ms)
