"""Claims: the relations between figures that a paragraph asserts.

- SumClaim: a total and its listed parts ("总额418.00万元,其中流动资产144.57万元,…"), or parts
  followed by their total ("…, 合计673.48万元").
- ChangeClaim: a figure against a base period ("较上年决算数增加210.44万元,增长26.3%").
- ExecClaim: a budget, its actual spending, and a stated balance or execution rate.

Builders are conservative: where the words leave the relation unclear they build nothing, because a
false alarm costs more than a miss. Each builder's docstring says which readings it takes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .extract import Keyword, Label, Quantity
from .mentions import ATTACHED_ROLES, Mention, Paragraph

EXHAUSTIVE_CONNECTIVES = {"分别为", "分别是", "具体为", "依次为"}
# Pairs of categories that together make up their total: a list naming both is complete.
COMPLEMENTS = [
    ("基本支出", "项目支出"),
    ("人员经费", "公用经费"),
    ("流动资产", "固定资产"),
    ("一般公共预算", "政府性基金"),
    ("工资福利支出", "商品和服务支出"),
]
CLOSING_TOTAL_WORDS = {"合计", "共计", "总计", "小计", "收支总计"}
MAX_SENTENCES_BACK = 2


@dataclass
class SumClaim:
    total: Mention
    parts: list[Mention]
    connective: Keyword
    exhaustive: bool = False
    remote: bool = False  # the total stands in an earlier sentence
    closing: bool = False  # parts first, then 合计/共计
    others: list[Mention] = field(default_factory=list)  # other figures the parts might belong to
    extended: bool = False  # parts continued into the following sentences


@dataclass
class ChangeClaim:
    base: Keyword
    base_sent: int
    current: Mention | None
    delta: Mention | None = None
    pct: Mention | None = None
    points: Mention | None = None
    previous: Mention | None = None  # stated explicitly ("2019年度…7.08万元")
    flat: Keyword | None = None
    candidates: list[Mention] = field(default_factory=list)  # other plausible current figures


@dataclass
class ExecClaim:
    budget: Mention
    actual: Mention
    adjustments: list[Mention] = field(default_factory=list)
    balance: Mention | None = None
    rate: Mention | None = None


def _usable_amount(m: Mention) -> bool:
    return m.kind in ("money", "count") and m.role not in ATTACHED_ROLES and m.role != "adjust"


def _is_exhaustive(connective: Keyword, parts: list[Mention], total: Mention) -> bool:
    if connective.text in EXHAUSTIVE_CONNECTIVES:
        return True
    if "三公" in total.label:
        return True  # a 三公 total lists its categories (出国, 公务用车, 公务接待)
    if parts and "其他" in parts[-1].label:
        return True
    labels = " ".join(p.label for p in parts)
    return any(a in labels and b in labels for a, b in COMPLEMENTS)


# ---------------------------------------------------------------------------------------- sums


def sums(para: Paragraph) -> list[SumClaim]:
    """Totals and parts.

    Readings taken: the total of a 其中/包括/分别为 list is the nearest figure before the connective
    that is not a change, share or rate and not a part of an earlier list; if the connective opens its
    sentence, that figure may stand in the previous sentence. The parts are the figures after the
    connective, to the end of the sentence, skipping attached changes and shares; a new total, an
    opening balance or a new year ends the list. A list inside the list (其中 … 主要包括 …) ends at ";".
    Parts carrying budget and actual figures side by side are summed per role.
    """
    claims: list[SumClaim] = []
    consumed: set[int] = set()
    nested_owner: dict[int, Mention] = {}
    items = para.items
    mentions = para.mentions
    for ki, kw in enumerate(items):
        if not isinstance(kw, Keyword):
            continue
        if kw.kind == "TOTAL" and kw.text in CLOSING_TOTAL_WORDS:
            claim = _closing_sum(para, ki, kw, consumed)
            if claim:
                claims.append(claim)
            continue
        if kw.kind != "PARTS":
            continue
        total = nested_owner.get(ki) or _total_before(para, ki, consumed)
        if total is None:
            continue
        parts, nested = _parts_after(para, ki, total)
        for nki, owner in nested.items():
            nested_owner.setdefault(nki, owner)
        if not parts:
            continue
        consumed.update(p.index for p in parts)
        kw_sent = para.sent_of[ki]
        remote = total.sent != kw_sent
        others = [m for m in mentions if m.sent == total.sent and m.index < ki and m is not total
                  and _usable_amount(m) and m.same_dimension(total) and m.index not in consumed]
        roles = {p.role for p in parts} - {"plain"}
        if len(roles) > 1:
            # "预算数0.58万元,实际支出0万元;…预算1.62万元,实际支出1.369万元": one sum per role
            for role in sorted(roles):
                group = [p for p in parts if p.role == role]
                first = group[0]
                role_total = _nearest(mentions, ki, lambda m, r=role, f=first: m.role == r
                                      and m.index not in consumed and m.same_dimension(f))
                if role_total is not None:
                    claims.append(SumClaim(role_total, group, kw, exhaustive=True,
                                           remote=role_total.sent != kw_sent))
            continue
        claims.append(SumClaim(total, parts, kw, exhaustive=_is_exhaustive(kw, parts, total), remote=remote,
                               others=others))
    return claims


def _nearest(mentions: list[Mention], before: int, pred) -> Mention | None:
    for m in reversed(mentions):
        if m.index < before and pred(m):
            return m
    return None


def _total_before(para: Paragraph, ki: int, consumed: set[int]) -> Mention | None:
    kw_sent = para.sent_of[ki]
    for m in reversed(para.mentions):
        if m.index >= ki:
            continue
        if m.index in consumed or m.role in ATTACHED_ROLES or m.role == "adjust":
            continue
        if m.kind not in ("money", "count"):
            continue  # "7×24小时", list numbers: no unit, no total
        if m.q.approx:
            return None  # the nearest total is an estimate: nothing to check against
        if m.sent != kw_sent:
            # only a connective that opens its sentence may reach back, and only one sentence;
            # "收入、支出分别为100万元、90万元" maps labels to figures and reaches nowhere
            opens = not any(x.index < ki and x.sent == kw_sent for x in para.mentions)
            start = _sent_start(para, kw_sent)
            listed = any(isinstance(it, Keyword) and it.kind == "SEP" and it.text == "、" for it in para.items[start:ki])
            if not opens or listed or m.sent < kw_sent - 1 or para.items[ki].text in EXHAUSTIVE_CONNECTIVES:
                return None
        return m
    return None


def _parts_after(para: Paragraph, ki: int, total: Mention) -> tuple[list[Mention], dict[int, Mention]]:
    items = para.items
    kw_sent = para.sent_of[ki]
    by_index = {m.index: m for m in para.mentions}
    parts: list[Mention] = []
    nested: dict[int, Mention] = {}
    skipping_nested = False
    depth = 0  # brackets opened since the connective: "基本支出60万元(人员经费50万元…)" holds a sub-list
    j = ki + 1
    while j < len(items) and para.sent_of[j] == kw_sent:
        it = items[j]
        if isinstance(it, Label):
            depth += it.text.count("(") - it.text.count(")")
            if depth < 0:
                break  # "(其中A、B)": the list closes with its bracket
        if isinstance(it, Keyword):
            if it.kind == "END":
                break
            if it.kind == "PARTS":
                if parts:
                    nested[j] = parts[-1]
                    skipping_nested = True
                else:
                    break
            if it.kind == "SEP" and it.text == ";":
                skipping_nested = False
        elif isinstance(it, Quantity) and not skipping_nested and depth == 0:
            m = by_index[j]
            if m.role in ATTACHED_ROLES or m.kind not in ("money", "count"):
                pass
            elif not m.same_dimension(total):
                pass
            elif m.role in ("total", "opening", "carry", "balance", "adjust") or m.q.approx:
                break
            elif parts and parts[0].role == "plain" and m.role != "plain":
                break  # "…项目支出276.9万元;2023年全年实际支出673.48万元": a new statement, not a part
            else:
                parts.append(m)
        j += 1
    return parts, nested


def _closing_sum(para: Paragraph, ki: int, kw: Keyword, consumed: set[int]) -> SumClaim | None:
    """"A x万元, B y万元, 合计z万元": the figures of the sentence before 合计 are its parts."""
    total = next((m for m in para.mentions if m.index > ki), None)
    if total is None or total.sent != para.sent_of[ki] or not _usable_amount(total) or total.q.approx:
        return None
    # the total must follow its keyword directly (合计673.48万元)
    if any(isinstance(it, (Keyword, Quantity)) for it in para.items[ki + 1: total.index]):
        return None
    parts: list[Mention] = []
    for m in reversed(para.mentions):
        if m.index >= ki or m.sent != total.sent:
            continue
        if m.role in ATTACHED_ROLES:
            continue
        if m.role == "total" or m.index in consumed or not m.same_dimension(total) or m.q.approx:
            break
        if any(isinstance(it, Keyword) and it.kind in ("PARTS", "TOTAL") for it in para.items[m.index + 1: ki]):
            break
        parts.insert(0, m)
    if len(parts) < 2:
        return None
    return SumClaim(total, parts, kw, exhaustive=True, closing=True)


def extend_into_next_sentences(para: Paragraph, claim: SumClaim, limit: int = 3) -> list[list[Mention]]:
    """Candidate continuations of a list that stopped at a full stop: the following sentences of the
    paragraph that open with a plain figure of the same kind ("…。公用经费43.98万元,较上年…")."""
    out: list[list[Mention]] = []
    last = claim.parts[-1]
    extra: list[Mention] = []
    for sent in range(last.sent + 1, last.sent + 1 + limit):
        first = next((m for m in para.mentions if m.sent == sent), None)
        if first is None:
            break
        if first.role != "plain" or not first.same_dimension(claim.total) or first.q.approx:
            break
        if any(isinstance(it, Keyword) and it.kind not in ("SEP",) for it in para.items[_sent_start(para, sent): first.index]):
            break
        extra.append(first)
        out.append(list(extra))
    return out


def _sent_start(para: Paragraph, sent: int) -> int:
    return para.sent_of.index(sent)


def _inside_list(para: Paragraph, start: int, end: int) -> bool:
    return any(isinstance(it, Keyword) and it.kind == "PARTS" for it in para.items[start:end])


# ---------------------------------------------------------------------------------------- changes


def changes(para: Paragraph) -> list[ChangeClaim]:
    """Changes against a base (较上年, 比上年, 较年初预算数, 同比, 与上年相比 …).

    Readings taken: the change figures are those right after the base phrase (an amount and/or a
    percent, each with its direction word). The current figure is the nearest figure before the base
    that is not itself a change, share or rate, within two sentences. When no change amount is given,
    a pair of figures for consecutive years ("2020年度…2.2万元,2019年度…7.08万元") gives current and
    previous. Distributive lists with several amounts are not read.
    """
    claims: list[ChangeClaim] = []
    items = para.items
    by_index = {m.index: m for m in para.mentions}
    for bi, kw in enumerate(items):
        if not (isinstance(kw, Keyword) and kw.kind == "BASE"):
            continue
        deltas: list[Mention] = []
        pcts: list[Mention] = []
        points: list[Mention] = []
        flat: Keyword | None = None
        sent = para.sent_of[bi]
        j = bi + 1
        clause_has_change = True
        while j < len(items) and para.sent_of[j] == sent:
            it = items[j]
            if isinstance(it, Keyword):
                if it.kind in ("BASE", "END"):
                    break
                if it.kind == "FLAT":
                    flat = it
                    clause_has_change = True
                if it.kind == "SEP":
                    if not clause_has_change and (deltas or pcts or points or flat):
                        break  # a clause without change figures ("主要原因是…") ends the group
                    clause_has_change = False
            elif isinstance(it, Quantity):
                m = by_index[j]
                clause_has_change = clause_has_change or m.role in ("delta", "pct", "points")
                if m.role == "delta":
                    deltas.append(m)
                elif m.role == "pct":
                    pcts.append(m)
                elif m.role == "points":
                    points.append(m)
                else:
                    break
            j += 1
        if not (deltas or pcts or points or flat):
            continue
        if len(deltas) > 1 or len(pcts) > 1 or len(points) > 1:
            continue
        delta = deltas[0] if deltas else None
        dim = delta
        cands = [m for m in reversed(para.mentions)
                 if m.index < bi and _usable_amount(m) and not m.q.approx
                 and m.sent >= sent - MAX_SENTENCES_BACK and (dim is None or m.same_dimension(dim))]
        claim = ChangeClaim(base=kw, base_sent=sent, current=cands[0] if cands else None, delta=delta,
                            pct=pcts[0] if pcts else None, points=points[0] if points else None, flat=flat,
                            candidates=cands[1:])
        if delta is None and claim.pct is not None:
            pair = _year_pair(para, bi)
            if pair:
                claim.current, claim.previous = pair
                claim.candidates = []
        claims.append(claim)
    return claims


def _year_pair(para: Paragraph, before: int) -> tuple[Mention, Mention] | None:
    prior = [m for m in para.mentions if m.index < before and _usable_amount(m) and m.year and not m.q.approx]
    for a in reversed(prior):
        for b in reversed(prior):
            if b is not a and b.year == a.year - 1 and b.same_dimension(a):
                return a, b
    return None


# ---------------------------------------------------------------------------------------- execution


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
        if m.role == "balance" and m.kind != "money":
            continue
        actual = _nearest(para.mentions, m.index, lambda x: x.role == "actual" and x.kind == "money")
        if actual is None or actual.sent < m.sent - MAX_SENTENCES_BACK or actual.q.approx:
            continue
        # the budget is usually stated first, but "实际支出95万元，预算100万元，执行率95%" happens
        budget = _nearest(para.mentions, m.index, lambda x: x.role == "budget" and x.kind == "money")
        if budget is None or budget.sent < actual.sent - MAX_SENTENCES_BACK or budget.q.approx:
            continue
        first = min(budget.index, actual.index)
        if _inside_list(para, max(first, _sent_start(para, max(actual.sent, budget.sent))), m.index):
            continue  # "预算0.95万元…其中：公务接待费决算为0.39万元": an item's actual, the total's budget
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
