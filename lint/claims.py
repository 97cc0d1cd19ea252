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
from decimal import Decimal

import regex

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
    open: bool = False  # the list ends in 等: it names some parts, not all


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
        is_open = _ends_open(para, parts[-1])
        claims.append(SumClaim(total, parts, kw, exhaustive=not is_open and _is_exhaustive(kw, parts, total),
                               remote=remote, others=others, open=is_open))
    return claims


def _ends_open(para: Paragraph, last: Mention) -> bool:
    """"…、印刷费2万元等": the words right after the last part say the list goes on."""
    nxt = para.items[last.index + 1] if last.index + 1 < len(para.items) else None
    return isinstance(nxt, Label) and nxt.text.startswith("等")


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
    nested_depth: int | None = None  # the bracket depth a nested list started at
    j = ki + 1
    while j < len(items) and para.sent_of[j] == kw_sent:
        it = items[j]
        if isinstance(it, Label):
            depth += it.text.count("(") - it.text.count(")")
            if depth < 0:
                break  # "(其中A、B)": the list closes with its bracket
            if skipping_nested and nested_depth is not None and depth < nested_depth:
                skipping_nested = False  # "…维护费25.60万元(其中:…),公务接待费…": the inner list closed
        if isinstance(it, Keyword):
            if it.kind == "END":
                break
            if it.kind == "PARTS":
                if parts:
                    nested[j] = parts[-1]
                    skipping_nested = True
                    nested_depth = depth
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
            claims.extend(_distributive(para, bi, kw, sent, deltas, pcts))
            continue
        delta = deltas[0] if deltas else None
        dim = delta  # the current figure is of the change amount's kind (money, or a count of the same unit)
        cands = [m for m in reversed(para.mentions)
                 if m.index < bi and _usable_amount(m) and not m.q.approx
                 and m.sent >= sent - MAX_SENTENCES_BACK and (dim is None or m.same_dimension(dim))]
        # "…增加52.00万元，增长5.2%，达到1,052.00万元": the figure the change reached, stated after it
        after = next((m for m in para.mentions if m.index >= j and m.sent == sent), None)
        if (after is not None and _usable_amount(after) and not after.q.approx
                and (dim is None or after.same_dimension(dim)) and regex.search(r"达到|达|增至|降至|为$", after.label)):
            cands.insert(0, after)
        claim = ChangeClaim(base=kw, base_sent=sent, current=cands[0] if cands else None, delta=delta,
                            pct=pcts[0] if pcts else None, points=points[0] if points else None, flat=flat,
                            candidates=cands[1:])
        pair = _year_pair(para, bi)
        if pair and (delta is None and claim.pct is not None or delta is not None and claim.current in pair):
            # "2020年度…2.2万元,2019年度…7.08万元…比上年减少68.93%": both years are stated
            claim.current, claim.previous = pair
            claim.candidates = []
        claims.append(claim)
    return claims


def _distributive(para: Paragraph, bi: int, kw: Keyword, sent: int, deltas: list[Mention],
                  pcts: list[Mention]) -> list[ChangeClaim]:
    """"收入和支出分别为4125.49、4143.91万元，较上年各减少1267.86、2570.97万元，各下降23.51%、38.28%": as many
    figures before the base, in the same sentence, as there are amounts (and percents) after it; paired in order."""
    k = len(deltas)
    if k < 2 or (pcts and len(pcts) != k):
        return []
    before = [m for m in para.mentions if m.index < bi and m.sent == sent and _usable_amount(m) and not m.q.approx
              and m.same_dimension(deltas[0])]
    if len(before) < k:
        return []
    currents = before[-k:]
    return [ChangeClaim(base=kw, base_sent=sent, current=c, delta=d, pct=pcts[n] if pcts else None)
            for n, (c, d) in enumerate(zip(currents, deltas, strict=True))]


def _year_pair(para: Paragraph, before: int) -> tuple[Mention, Mention] | None:
    """Two figures of one quantity for consecutive years, the later first."""
    prior = [m for m in para.mentions if m.index < before and _usable_amount(m) and m.year and not m.q.approx]
    for a in reversed(prior):
        for b in reversed(prior):
            if b is not a and b.year == a.year - 1 and b.same_dimension(a) and _same_subject(a.label, b.label):
                return a, b
    return None


def _same_subject(a: str, b: str) -> bool:
    strip = lambda t: regex.sub(r"[\p{P}\s]|年度?|为|是", "", t)  # noqa: E731
    a, b = strip(a), strip(b)
    return bool(a) and bool(b) and (a in b or b in a or a[-2:] == b[-2:])


# ---------------------------------------------------------------------------------------- execution


SUBJECTS = ("项目支出", "基本支出", "人员经费", "公用经费", "三公", "公务接待", "公务用车", "会议费", "培训费")


def _same_subject_rate(rate: Mention, budget: Mention, actual: Mention) -> bool:
    named = [w for w in SUBJECTS if w in rate.context]
    return not named or any(w in budget.context or w in actual.context for w in named)


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


# ---------------------------------------------------------------------------------------- shares


@dataclass
class ShareClaim:
    part: Mention
    pct: Mention
    total: Mention | None = None  # the stated denominator
    parts: list[Mention] = field(default_factory=list)  # or: the parts of a breakdown whose shares total 100%
    group: tuple[int, ...] = ()  # shares of one breakdown share a group key
    explicit: bool = False  # the denominator is named ("占政府采购支出总额的6.0%")


SHARE_TAIL = ("的比重", "的比例", "比重", "比例", "的")


def _share_words(para: Paragraph, m: Mention) -> str:
    """The words naming the denominator between 占 and the percent: "本年支出合计" in "占本年支出合计的100%"."""
    if m.keyword is None:
        return ""
    k = para.items.index(m.keyword) if m.keyword in para.items else -1
    words = "".join(it.text for it in para.items[k + 1: m.index] if isinstance(it, (Label, Keyword))
                    and not (isinstance(it, Keyword) and it.kind in ("SEP", "END")))
    for tail in SHARE_TAIL:
        if words.endswith(tail):
            words = words[: -len(tail)]
            break
    return words.strip()


def _label_key(label: str) -> str:
    return label.replace("“", "").replace("”", "").replace('"', "")


def shares(paragraphs: list[Paragraph], sum_claims: list[SumClaim]) -> list[ShareClaim]:
    """Shares (占X%) with the part they belong to and their denominator.

    Readings taken: the part is the figure just before 占 in its sentence. The denominator is, in
    order: the figure the share names ("占本年支出合计的…", found by its label earlier in the
    document); the total of the list the part belongs to; or, for a run of shares with no stated
    total (one per paragraph, "(1)…占93.6%", "(2)…占0.1%" …), the sum of their parts when the
    shares total 100% within rounding.
    """
    part_of = {id(p): c for c in sum_claims for p in c.parts}
    out: list[ShareClaim] = []
    pending: list[tuple[int, ShareClaim]] = []
    earlier: list[Mention] = []
    for pi, para in enumerate(paragraphs):
        for m in para.mentions:
            if m.role != "share" or m.q.approx or m.kind != "percent":
                if _usable_amount(m):
                    earlier.append(m)
                continue
            part = _nearest(para.mentions, m.index,
                            lambda x, sent=m.sent: x.sent == sent and _usable_amount(x) and not x.q.approx)
            if part is None or any(x.role == "share" and part.index < x.index < m.index for x in para.mentions):
                continue
            claim = ShareClaim(part=part, pct=m)
            words = _share_words(para, m)
            if len(words) >= 2:
                key = _label_key(words)
                total = next((x for x in reversed(earlier) if x is not part and key in _label_key(x.label)
                              and x.same_dimension(part)), None)
                if total is not None:
                    claim.total, claim.explicit = total, True
                    out.append(claim)
                continue
            owner = part_of.get(id(part))
            if owner is not None:
                claim.total, claim.group = owner.total, (id(owner),)
                out.append(claim)
                continue
            pending.append((pi, claim))
    out.extend(_grouped(pending))
    return out


def _about_hundred(pcts: list[Mention]) -> bool:
    """Do the written shares total 100% within their rounding (half a unit of the last digit each)?"""
    total = sum(p.q.value for p in pcts)
    slack = sum(Decimal(5).scaleb(-p.q.decimals - 1) for p in pcts)
    return abs(total - 100) <= slack


def _grouped(pending: list[tuple[int, ShareClaim]]) -> list[ShareClaim]:
    """Runs of shares without a stated total, in the same or consecutive paragraphs."""
    runs: list[list[tuple[int, ShareClaim]]] = []
    for pi, c in pending:
        if runs and pi - runs[-1][-1][0] <= 1 and c.part.same_dimension(runs[-1][-1][1].part):
            runs[-1].append((pi, c))
        else:
            runs.append([(pi, c)])
    out = []
    for run in runs:
        claims = [c for _, c in run]
        if len(claims) < 2 or not _about_hundred([c.pct for c in claims]):
            continue  # without a stated total the sum of the parts is the total only if the shares make 100%
        parts = [c.part for c in claims]
        for c in claims:
            c.parts = parts
            c.group = tuple(id(x) for x in parts)
        out.extend(claims)
    return out


# ---------------------------------------------------------------------------------------- rates


@dataclass
class RateClaim:
    rate: Mention
    name: str  # 控制率, 在职人数控制率, 节约率, 办结率, formula
    # each definition: (English name, Chinese name, numerator terms, denominator terms)
    definitions: list[tuple[str, str, list[Mention], list[Mention]]] = field(default_factory=list)
    multiplier: Mention | None = None  # "× 100%" in a written formula


STAFF = ("在职", "实有")
ESTABLISHMENT = ("编制", "核定")


def rates(paragraphs: list[Paragraph]) -> list[RateClaim]:
    """Named rates and written formulas with what they are computed from.

    控制率: actual / budget of the same sentence; 在职人数控制率: staff in post / establishment;
    节约率: saved / (spent + saved) and saved / spent, the figure spent taken from this or the two
    paragraphs before; 办结率: cases closed / cases received. "A/B×100%=X%" is read as written.
    """
    out: list[RateClaim] = []
    for pi, para in enumerate(paragraphs):
        out.extend(_formulas(para))
        for m in para.mentions:
            if m.role != "rate" or m.q.approx or m.kind != "percent" or m.keyword is None:
                continue
            name = m.keyword.text
            before = [x for x in para.mentions if x.index < m.index and x.sent >= m.sent - 1 and not x.q.approx]
            claim = RateClaim(rate=m, name=name)
            if name == "控制率" and any(w in m.label for w in ("人员", "人数", "在职")):
                staff = next((x for x in reversed(before) if x.kind == "count" and any(w in x.label for w in STAFF)), None)
                est = next((x for x in reversed(before) if x.kind == "count" and any(w in x.label for w in ESTABLISHMENT)), None)
                if staff and est:
                    claim.name = "在职人数控制率"
                    claim.definitions.append(("staff / establishment", "在职人数 ÷ 编制数", [staff], [est]))
            elif name == "控制率":
                same = [x for x in before if x.sent == m.sent]
                actual = next((x for x in reversed(same) if x.role == "actual" and x.kind == "money"), None)
                budget = next((x for x in reversed(same) if x.role == "budget" and x.kind == "money"), None)
                if actual and budget:
                    claim.definitions.append(("actual / budget", "实际支出 ÷ 预算数", [actual], [budget]))
            elif name == "节约率":
                saved = next((x for x in reversed(before) if x.kind == "money" and "节约" in x.label), None)
                pool = [x for q in paragraphs[max(0, pi - 2): pi] for x in q.mentions] + before
                spent = next((x for x in reversed(pool) if x.kind == "money" and x is not saved and not x.q.approx
                              and any(w in x.label for w in ("采购", "预算", "支出", "金额"))
                              and "节约" not in x.label), None)
                if saved and spent:
                    claim.definitions.append(("saved / (spent + saved)", "节约额 ÷ (支出额 + 节约额)", [saved], [spent, saved]))
                    claim.definitions.append(("saved / spent", "节约额 ÷ 支出额", [saved], [spent]))
            elif name == "办结率":
                done = next((x for x in reversed(before) if x.kind == "count" and "办结" in x.context), None)
                got = next((x for x in reversed(before) if x.kind == "count" and x is not done
                            and any(w in x.context for w in ("受理", "收到", "接收", "登记"))), None)
                if done and got and done.same_dimension(got):
                    claim.definitions.append(("closed / received", "办结数 ÷ 受理数", [done], [got]))
            if claim.definitions:
                out.append(claim)
    return out


def _formulas(para: Paragraph) -> list[RateClaim]:
    """"在职15人/编制19人×100%=79%": a written division and its stated result."""
    out = []
    items = para.items
    quantities = [i for i, it in enumerate(items) if isinstance(it, Quantity)]
    by_index = {m.index: m for m in para.mentions}
    for n, i in enumerate(quantities[:-1]):
        j = quantities[n + 1]
        if not _op_between(items, i, j, "/÷"):
            continue
        k = n + 2
        mult = None
        rest = quantities[k:]
        if rest and _op_between(items, j, rest[0], "×") and items[rest[0]].kind == "percent":
            mult = by_index[rest[0]]
            rest = rest[1:]
            j = mult.index
        if not rest or not _op_between(items, j, rest[0], "="):
            continue
        result = by_index[rest[0]]
        if result.kind != "percent" or result.q.approx:
            continue
        a, b = by_index[i], by_index[quantities[n + 1]]
        claim = RateClaim(rate=result, name="formula", multiplier=mult)
        claim.definitions.append(("as written", "按所列算式", [a], [b]))
        out.append(claim)
    return out


def _op_between(items, i: int, j: int, ops: str) -> bool:
    """Exactly one operator (one of `ops`) and no clause break between items i and j; words may stand
    there ("95.2万元/采购预算100万元")."""
    between = [it for it in items[i + 1: j] if isinstance(it, Keyword)]
    operators = [k for k in between if k.kind == "OP"]
    return (len(operators) == 1 and operators[0].text in ops
            and not any(k.kind in ("SEP", "END") for k in between))


# ---------------------------------------------------------------------------------------- enumerations


@dataclass
class EnumClaim:
    count: Mention
    noun: str
    names: list[str]
    start: int  # offsets of the listed names in the normalized text
    end: int


ENUM = regex.compile(
    r"(?P<noun>\p{Han}{0,8}?)(?:[,，]\s*(?:均为|都是|均是)[^:：,，。;；]{0,10})?\s*"
    r"(?:[:：]|[,，]?\s*(?:分别是|分别为|包括|具体为|依次为|即)[:：]?)\s*(?P<list>[^,，;；。]+)")
LAST_JOIN = regex.compile(r"(?:以及|和|及|与)")


def enumerations(para: Paragraph, text: str) -> list[EnumClaim]:
    """"内设3个科室,分别是综合科、职能转变协调科、政务服务科": a count and the names listed for it.

    Read only where a measure word and a noun are followed by a colon or 分别是/包括 and a list of at
    least two names joined by 、; a list ending in 等 is open and not counted.
    """
    out = []
    for m in para.mentions:
        if m.kind != "count" or m.q.approx or m.q.unit not in ("个", "家", "名", "项", "所", "处", "种", "类"):
            continue
        end = next((it.end for it in para.items[m.index:] if isinstance(it, Keyword) and it.kind == "END"), para.end)
        em = ENUM.match(text, m.q.end, end)
        if not em:
            continue
        listed = em.group("list").strip()
        if listed.endswith(("等", "等等")) or "、" not in listed:
            continue
        names = [n.strip() for n in listed.split("、")]
        last = LAST_JOIN.split(names[-1], maxsplit=1)
        if len(last) == 2 and all(p.strip() for p in last):
            names = names[:-1] + [p.strip() for p in last]
        if any(not n for n in names):
            continue
        noun = em.group("noun") or m.label[-4:]  # "内设科室8个，分别为…": the noun came first
        out.append(EnumClaim(count=m, noun=noun, names=names,
                             start=em.start("list"), end=em.start("list") + len(listed)))
    return out


# ---------------------------------------------------------------------------------------- balances


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


FUNDS = ("一般公共预算", "政府性基金", "国有资本经营", "社会保险基金")


def _fiscal_scope(m: Mention) -> bool:
    return "财政拨款" in m.label or any(f in m.label for f in FUNDS)


def _scope(label: str) -> str:
    """Which money a figure counts: one budget fund, all 财政拨款, or the unit's whole."""
    fund = next((f for f in FUNDS if f in label), "")
    return fund or ("财政拨款" if "财政拨款" in label else "")


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
        income = _first(ms, lambda m: "收入" in m.label and m.role in ("total", "plain", "actual") and "其中" not in m.label)
        after = income.index if income else -1
        expense = _first(ms, lambda m, after=after: "支出" in m.label and m.role in ("total", "plain", "actual")
                         and "其中" not in m.label and m.index > after)
        closing = _first(ms, lambda m: m.role in ("carry", "balance") and "年末" in m.label)
        if opening and income and expense and closing and closing.index > expense.index:
            out.append(BalanceClaim(result=closing, plus=[opening, income], minus=[expense], name="carry-over"))
    every = [m for p in paragraphs for m in p.mentions
             if m.kind == "money" and not m.q.approx and m.role not in ATTACHED_ROLES and not _fiscal_scope(m)]
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


# ---------------------------------------------------------------------------------------- cross-references


CATEGORIES = (
    "收入总计", "支出总计", "本年收入合计", "本年支出合计", "收入合计", "支出合计", "财政拨款收入", "事业收入",
    "基本支出", "项目支出", "人员经费", "公用经费", "三公经费", "因公出国(境)费", "公务用车购置及运行维护费",
    "公务用车运行维护费", "公务用车购置费", "公务接待费", "机关运行经费", "会议费", "培训费", "政府采购支出总额",
    "年初结转和结余", "年末结转和结余",
)
BASIS_WORDS = ("预算", "实际", "决算", "执行数", "支出数")


@dataclass
class CrossRef:
    first: Mention
    second: Mention
    category: str
    basis: str  # budget | actual
    inferred: bool  # the basis of one of them was not written but taken as actual


def _category(label: str) -> str:
    key = label.replace("“", "").replace("”", "").replace('"', "")
    found = [c for c in CATEGORIES if c in key]
    return max(found, key=len) if found else ""


def crossrefs(paragraphs: list[Paragraph], sum_claims: list[SumClaim]) -> list[CrossRef]:
    """The same quantity (category, scope, basis, year) stated in two places.

    A figure's category is the longest known category in its label ("财政拨款基本支出预算" → 基本支出),
    or, for a bare "实际支出550.55万元", that of the figure before it in the sentence. Its basis is budget
    or actual from its words; a figure with neither is taken as actual (a 决算 figure), which makes a
    disagreement a warning. Figures scoped to 财政拨款 and unscoped ones are compared only when the
    document says all its spending or income is 财政拨款.
    """
    all_fiscal = _all_fiscal(paragraphs)
    seen: dict[tuple, tuple[Mention, bool]] = {}
    out: list[CrossRef] = []
    for para in paragraphs:
        previous: Mention | None = None
        sentence_scope: dict[int, str] = {}
        for m in para.mentions:
            # "财政拨款收入总计A万元，支出总计B万元": the second figure is 财政拨款 too
            scope = _scope(m.label) or sentence_scope.get(m.sent, "")
            if scope:
                sentence_scope[m.sent] = scope
            if m.kind != "money" or m.q.approx or m.role in ATTACHED_ROLES or m.role in ("adjust", "opening"):
                previous = m if m.kind == "money" else previous
                continue
            category = _category(m.label)
            if m.role in ("balance", "carry") and category not in ("年末结转和结余",):
                previous = m
                continue  # "基本支出结余0元" is a balance of 基本支出, not 基本支出
            if not category and previous is not None and previous.sent == m.sent and m.role in ("actual", "budget") \
                    and not any(c in m.label for c in ("收入", "支出合计")):
                category = _category(previous.label)
            previous = m
            if not category or any(w in m.label for w in ("较", "比", "增加", "减少", "人均", "车均", "平均")):
                continue
            basis = {"budget": "budget", "actual": "actual"}.get(m.role)
            inferred = basis is None
            bare = m.label
            for f in FUNDS:
                bare = bare.replace(f + "预算", "").replace(f, "")  # the fund's name holds 预算
            if inferred and any(w in bare for w in BASIS_WORDS):
                continue  # a basis word the roles did not resolve: leave it alone
            basis = basis or "actual"
            if all_fiscal and scope == "财政拨款":
                scope = ""  # all its money is 财政拨款: the scopes coincide
            key = (category, scope, basis, m.year)
            if key in seen:
                first, first_inferred = seen[key]
                out.append(CrossRef(first, m, category, basis, inferred or first_inferred))
            else:
                seen[key] = (m, inferred)
    return out


def _all_fiscal(paragraphs: list[Paragraph]) -> bool:
    """"总支出550.55万元…其中财政拨款支出550.55万元" or "收入预算707万元,其中:财政拨款收入707万元"."""
    for para in paragraphs:
        ms = [m for m in para.mentions if m.kind == "money" and not m.q.approx and m.q.value > 0]
        for a in ms:
            if ("总支出" in a.label or "总收入" in a.label or "收入预算" in a.label) and not _fiscal_scope(a):
                if any(b is not a and b.index > a.index and "财政拨款" in b.label and b.q.base == a.q.base for b in ms):
                    return True
    return False


# ---------------------------------------------------------------------------------------- comparisons


@dataclass
class ComparisonClaim:
    word: Keyword  # 大于, 小于, 等于, 持平, 基本持平, 超过, 未超过 …
    left: Mention  # the figure of the subject named first ("决算数" in 决算数小于预算数)
    right: Mention
    left_word: Keyword
    right_word: Keyword


GREATER = ("大于", "高于", "超过", "多于")
LESS = ("小于", "低于", "少于", "未超过")


def comparisons(para: Paragraph) -> list[ComparisonClaim]:
    """"决算数小于预算数", "决算数与预算数基本持平": the two subjects are budget and actual words around
    the comparison word; their figures are the nearest budget and actual figures before it, within two
    sentences (or after it in the same sentence: "实际支出95万元，低于预算数100万元")."""
    out = []
    items = para.items
    for ki, kw in enumerate(items):
        if not (isinstance(kw, Keyword) and kw.kind in ("COMPARE", "FLAT")):
            continue
        sent = para.sent_of[ki]
        start = _sent_start(para, sent)
        subjects = [it for it in items[start:] if isinstance(it, Keyword) and it.kind in ("ACTUAL", "BUDGET")
                    and para.sent_of[items.index(it)] == sent]
        kinds = [s.kind for s in subjects]
        if sorted(kinds[:2]) != ["ACTUAL", "BUDGET"]:
            continue
        first, second = subjects[0], subjects[1]
        if kw.kind == "COMPARE" and not (items.index(first) < ki < items.index(second)):
            continue
        figures = {}
        for word in (first, second):
            role = "actual" if word.kind == "ACTUAL" else "budget"
            near = [m for m in para.mentions if m.role == role and m.kind == "money" and not m.q.approx
                    and sent - MAX_SENTENCES_BACK <= m.sent <= sent]
            before = [m for m in near if m.index < ki]
            figures[role] = before[-1] if before else (near[0] if near else None)
        left = figures["actual" if first.kind == "ACTUAL" else "budget"]
        right = figures["actual" if second.kind == "ACTUAL" else "budget"]
        if left is None or right is None or left is right:
            continue
        out.append(ComparisonClaim(kw, left, right, first, second))
    return out
