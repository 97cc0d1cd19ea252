"""Named rates (控制率, 节约率, 办结率) and written formulas."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..parse.extract import Keyword, Quantity
from ..parse.mentions import Mention, Paragraph
from .common import listed, sent_start, usable_amount
from .kinds import claim_kind
from ..rx import lazy


@dataclass
class RateClaim:
    rate: Mention
    name: str  # 控制率, 在职人数控制率, 节约率, 办结率, formula
    # each definition: (English name, Chinese name, numerator terms, denominator terms)
    definitions: list[tuple[str, str, list[Mention], list[Mention]]] = field(default_factory=list)
    multiplier: Mention | None = None  # "× 100%" in a written formula
    unsure: str = ""  # why a rate no definition gives may still be right


STAFF = ("在职", "实有")
SPENT = ("采购", "预算", "支出", "金额")  # words naming the figure spent, of which a 节约率 is the saving
ESTABLISHMENT = ("编制", "核定")
BUDGETED = lazy(r"预算|计划")
ACTUALLY = lazy(r"实际|执行|决算")


def rates(paragraphs: list[Paragraph]) -> list[RateClaim]:
    """Named rates and written formulas with what they are computed from.

    控制率: actual / budget of the same sentence; 在职人数控制率: staff in post / establishment;
    节约率: saved / (spent + saved) and saved / spent, the figure spent taken from this or the two
    paragraphs before; 审减率: the cut of a review / the amount submitted; 办结率: cases closed / cases
    received. "A/B×100%=X%" is read as written.
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
                near = paragraphs[max(0, pi - 2): pi + 1]
                parts = {id(x) for q in near for x in q.mentions if listed(q, x)}  # a part of a list is not what was spent in all
                if saved is not None and id(saved) in parts:
                    parts = set()  # "其中货物类…实际采购金额…39944.66万元,共节约资金9017.78万元": both are the part's
                spent = _spent(paragraphs[max(0, pi - 2): pi], para, m, before, saved, parts)
                if saved and spent and BUDGETED.search(spent.label) and not ACTUALLY.search(spent.label):
                    # "采购预算金额1581.64万元,…节约资金161.11万元,节约率为11%": the budget is what was spent and saved;
                    # the rate may be of the saving over what was spent, which is not stated
                    claim.definitions.append(("saved / budget", "节约额 ÷ 预算额", [saved], [spent]))
                    claim.unsure = "the rate may be of the saving over what was spent, which is not stated"
                elif saved and spent:
                    claim.definitions.append(("saved / (spent + saved)", "节约额 ÷ (支出额 + 节约额)", [saved], [spent, saved]))
                    claim.definitions.append(("saved / spent", "节约额 ÷ 支出额", [saved], [spent]))
            elif name == "审减率":
                # 送审金额115991万元,审定金额97219万元,审减金额18906万元,审减率16.39%: the cut of what was submitted
                cut = next((x for x in reversed(before) if x.kind == "money" and "审减" in x.label), None)
                sent = next((x for x in reversed(before) if x.kind == "money" and "送审" in x.label), None)
                if cut and sent:
                    claim.definitions.append(("cut / submitted", "审减额 ÷ 送审额", [cut], [sent]))
            elif name == "办结率":
                done = next((x for x in reversed(before) if x.kind == "count" and "办结" in x.context), None)
                got = next((x for x in reversed(before) if x.kind == "count" and x is not done
                            and any(w in x.context for w in ("受理", "收到", "接收", "登记"))), None)
                if done and got and done.same_dimension(got):
                    claim.definitions.append(("closed / received", "办结数 ÷ 受理数", [done], [got]))
            if claim.definitions:
                out.append(claim)
    return out


def _spent(previous: list[Paragraph], para: Paragraph, rate: Mention, before: list[Mention], saved, parts: set[int]):
    """The figure spent of a 节约率. "政府采购规模突破400亿元,达到437.35亿元,…节约资金43亿元,节约率为9%": it may be named only
    earlier in its sentence; a figure of the rate's own sentences comes before one of a paragraph before, and one its
    own label names before one the words of the rate's own sentence name."""
    def spending(x, words) -> bool:
        return (x.kind == "money" and x is not saved and not x.q.approx and id(x) not in parts
                and any(w in words for w in SPENT) and "节约" not in x.label)

    return (next((x for x in reversed(before) if spending(x, x.label)), None)
            or next((x for x in reversed(before) if x.sent == rate.sent and usable_amount(x)
                     and spending(x, _sentence_before(para, x))), None)
            or next((x for q in reversed(previous) for x in reversed(q.mentions) if spending(x, x.label)), None))


def _sentence_before(para: Paragraph, m: Mention) -> str:
    """The words of a figure's sentence before it, across its commas."""
    return "".join(it.text for it in para.items[sent_start(para, m.sent):m.index] if not isinstance(it, Quantity))


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


@claim_kind("rates")
def _rates(doc) -> list[RateClaim]:
    return rates(doc.paragraphs)
