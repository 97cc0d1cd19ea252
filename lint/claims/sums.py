"""Totals and their parts: 其中/包括/分别为 lists and closing 合计."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..arith.precision import interval
from ..arith.quantity import Quantity
from ..parse.extract import Keyword, Label
from ..parse.mentions import ATTACHED_ROLES, Mention, Paragraph
from ..text import outline
from .common import (
    MAX_SENTENCES_BACK,
    has_own_share,
    listed,
    nearest,
    outside_brackets,
    sent_start,
    unquoted,
    usable_amount,
)
from .kinds import claim_kind
from ..rx import lazy

EXHAUSTIVE_CONNECTIVES = {"分别为", "分别是", "具体为", "依次为"}

COMPLEMENTS = [
    ("基本支出", "项目支出"),
    ("人员经费", "公用经费"),
    ("流动资产", "固定资产"),
    ("一般公共预算", "政府性基金"),
    ("工资福利支出", "商品和服务支出"),
]

# the three items of the 三公 funds, which make the whole of them: 出国(境), 公务用车, 公务接待, as labels name them
SANGONG = (("出国", "出境"), ("车",), ("接待",))
# and the three kinds of government procurement
PROCUREMENT = (("货物",), ("工程",), ("服务",))

CLOSING_TOTAL_WORDS = {"合计", "共计", "总计", "小计", "收支总计", "总数"}


@dataclass
class SumClaim:
    total: Mention
    parts: list[Mention]
    connective: Keyword
    exhaustive: bool = False
    closing: bool = False  # parts first, then 合计/共计
    others: list[Mention] = field(default_factory=list)  # other figures the parts might belong to
    open: bool = False  # the list ends in 等: it names some parts, not all
    guess: str = ""  # how the total was found, when that was a guess
    nests: str = ""  # why the list may nest where its words do not say so: a sum that fails is then unsure
    # other readings of where the list ends: the sentences after its full stop that open with a figure of its
    # kind ("…。公用经费43.98万元,…"), each a longer list; the rule takes one only if it makes the total
    continuations: list[list[Mention]] = field(default_factory=list)
    # the shares of the total that make 100% and so say the parts are the whole (claims/shares.py: share_sums)
    shares: list[Mention] = field(default_factory=list)


def complete_pair(parts, total=None) -> bool:
    """Do the parts name both halves of a known pair? The two funds make up 财政拨款 only: a 大口径 revenue or a
    whole budget has four budgets and more."""
    labels = " ".join(p.label for p in parts)
    if total is not None and all(w in total.label for w in ("购置", "运行")) and len(parts) == 2 \
            and all(any(w in p.label for p in parts) for w in ("购置", "运行")):
        return True  # 公务用车购置费 and 公务用车运行维护费 make 公务用车购置及运行维护费
    for a, b in COMPLEMENTS:
        if a in labels and b in labels:
            if (a, b) == ("一般公共预算", "政府性基金") and (total is None or "财政拨款" not in total.label):
                continue
            return True
    return False


def _two_sides(para: Paragraph, parts: list[Mention]) -> bool:
    """中央 and 地方 split a nationwide or pooled figure in two (其中:中央安排直达资金61.02亿元;地方安排…13.78亿元).
    Each part names one side only ("中央对地方转移支付" is one side of the 中央 budget), and nothing of their kind
    follows in the sentence: a list cut short by a figure it could not read goes on after them."""
    if len(parts) != 2 or sorted(("中央" in p.label, "地方" in p.label) for p in parts) != [(False, True), (True, False)]:
        return False
    last = parts[-1]
    return not any(m.sent == last.sent and m.index > last.index and m.q.kind in (last.q.kind, "number")
                   for m in para.mentions)


def names_whole(parts, names: str = "") -> bool:
    """Do the labels of three parts, together, name the three 三公 items or the three kinds of procurement? (A
    respectively-list names them all before its first figure: "货物、工程、服务…分别为0.72亿元、…")"""
    labels = " ".join(p.label for p in parts) + " " + names
    return len(parts) == 3 and any(all(any(w in labels for w in ws) for ws in whole) for whole in (SANGONG, PROCUREMENT))


def sangong_items(parts) -> bool:
    """Are the parts the three 三公 items, each once, in any order?"""
    holds = lambda p, words: any(w in p.label for w in words)  # noqa: E731
    return len(parts) == 3 and all(sum(holds(p, ws) for p in parts) == 1 for ws in SANGONG) and all(
        sum(holds(p, ws) for ws in SANGONG) == 1 for p in parts)


def _is_exhaustive(connective: Keyword, parts: list[Mention], total: Mention) -> bool:
    if connective.text in EXHAUSTIVE_CONNECTIVES:
        return True
    if "三公" in total.label:
        # a 三公 total is its three categories: complete when the list names all three
        labels = " ".join(p.label for p in parts)
        return all(any(w in labels for w in words) for words in SANGONG)
    if "采购" in total.label and names_whole(parts):
        return True  # 货物, 工程 and 服务 are every kind of procurement
    if parts and "其他" in parts[-1].label:
        return True
    return complete_pair(parts, total)


def sums(para: Paragraph, following: list[Paragraph] = ()) -> list[SumClaim]:
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
        parts, nested = _parts_after(para, ki, total, inner=ki in nested_owner)
        for nki, owner in nested.items():
            nested_owner.setdefault(nki, owner)
        if not parts:
            continue
        if kw.text.startswith("分别") and _closed(para, parts[-1]):
            continue  # "…;B支出最少,分别是16万元、122万元、26万元,合计164万元": the 合计 is theirs, not the figure before
        consumed.update(p.index for p in parts)
        kw_sent = para.sent_of[ki]
        remote = total.sent != kw_sent
        others = [m for m in mentions if m.sent == total.sent and m.index < ki and m is not total
                  and usable_amount(m) and m.same_dimension(total) and m.index not in consumed]
        roles = {p.role for p in parts} - {"plain"}
        if len(roles) > 1:
            # "预算数0.58万元,实际支出0万元;…预算1.62万元,实际支出1.369万元": one sum per role
            inner = ki in nested_owner  # the item's own figures, whichever list took them
            for role in sorted(roles):
                group = [p for p in parts if p.role == role]
                first = group[0]
                role_total = nearest(mentions, ki, lambda m, r=role, f=first, own=inner: m.role == r
                                      and (own or m.index not in consumed) and m.same_dimension(f))
                if role_total is not None:
                    claims.append(SumClaim(role_total, group, kw, exhaustive=_is_exhaustive(kw, group, role_total)))
            continue
        if _mixed_counts(para, total, parts, ki) or _averages(total, parts) or _retired_of_serving(total, parts):
            continue
        columns = _per_item(para, ki, parts, consumed)
        if columns is not None:
            claims.extend(SumClaim(t, column, kw) for t, column in columns)
            continue
        is_open = _ends_open(para, parts[-1])
        # the total in the sentence before is certain only when that sentence states one amount of its kind
        rivals = [m for m in mentions if m.sent == total.sent and m is not total and usable_amount(m)
                  and m.same_dimension(total) and not m.q.approx]
        after = [m for m in mentions if m.sent == kw_sent and m.index > ki and usable_amount(m) and not m.q.approx]
        guess = "the total stands in an earlier sentence with other figures" if remote and rivals else ""
        next_one = next((m for m in mentions if m.index > parts[-1].index and (usable_amount(m) or m.role == "opening")),
                        None)
        if not guess and next_one is not None and next_one.sent == kw_sent and next_one.role in ("opening", "carry"):
            # "收入预算11654.33万元,其中:…拨款收入3225万元;…其他收入300万元;上年结转129.33万元": a balance carried over
            # may be one more item of the list, or not be of it
            guess = "a balance carried over follows the list and may be one of its items"
        exhaustive = _is_exhaustive(kw, parts, total) or _two_sides(para, parts)
        claims.append(SumClaim(total, parts, kw, exhaustive=not is_open and exhaustive,
                               others=others, open=is_open, guess=guess, nests=_nested(para, parts) or _nested(para, after)))
    claims.extend(_bracketed(para, consumed))
    for c in claims:
        # a list that already names every item of a whole (货物, 工程, 服务) does not go on into the next sentence
        if c.connective is not None and not c.closing and not (c.exhaustive and names_whole(c.parts)):
            c.continuations = extend_into_next_sentences(para, c)
            last = c.continuations[-1] if c.continuations else []
            if not any(m.index > (last or c.parts)[-1].index and usable_amount(m) and m.same_dimension(c.total)
                       for m in para.mentions):
                # "…其中:人员经费489.18万元,主要包括:…" and the next line "公用经费46.89万元,主要包括:…": the list
                # may go on with the figures opening the following lines (a count after the last part, "购置车辆0辆",
                # is no part of a sum of money)
                lead = _leading_figures(list(following), c.total)
                c.continuations += [last + lead[:k] for k in range(1, len(lead) + 1)]
    return claims


def _closed(para: Paragraph, last: Mention) -> bool:
    """Right after a list's last figure, a closing 合计 and its figure: the list states its own total."""
    j = last.index + 1
    items = para.items
    while j < len(items) and isinstance(items[j], Keyword) and items[j].kind == "SEP" and items[j].text in ",、":
        j += 1
    if not (j < len(items) and isinstance(items[j], Keyword) and items[j].kind == "TOTAL"
            and items[j].text in CLOSING_TOTAL_WORDS):
        return False
    total = next((m for m in para.mentions if m.index > j), None)
    return total is not None and total.sent == last.sent and usable_amount(total) and total.same_dimension(last)


def _per_item(para: Paragraph, ki: int, parts: list[Mention], consumed: set[int]):
    """"实施比选项目57个,交易金额6581万元,节约建设资金514万元;…其中:房屋市政类项目53个,交易额6125万元,节约金额486万元;交通类
    项目2个,交易额189万元,节约金额16万元;…": items separated by ";" that each state as many figures as the sentence
    before the list, in the same order: the figures of one place make the total of that place, as the columns of a
    table do. Each list need not be complete. None when the items do not line up so."""
    groups: list[list[Mention]] = [[]]
    last = parts[0].index
    for p in parts:
        if any(isinstance(it, Keyword) and it.kind == "SEP" and it.text == ";" for it in para.items[last:p.index]):
            groups.append([])
        groups[-1].append(p)
        last = p.index
    width = len(groups[0])
    if len(groups) < 2 or width < 2 or any(len(g) != width for g in groups):
        return None
    totals = [m for m in para.mentions if m.index < ki and m.sent >= parts[0].sent - 1 and usable_amount(m)
              and not m.q.approx and m.index not in consumed and m.same_dimension(parts[0])][-width:]
    if len(totals) != width or any(any(not g[j].same_dimension(totals[j]) for g in groups) for j in range(width)):
        return None
    if len({t.sent for t in totals}) > 1:
        return None  # the totals of one place are stated together: figures of two sentences are two statements
    return [(totals[j], [g[j] for g in groups]) for j in range(width)]


def _nested(para: Paragraph, figures: list[Mention]) -> str:
    """"其中:旗本级…收入75.29亿元,…分项目看:税收16.81亿元,…非税58.48亿元;上级转移支付20.88亿元…": when the figures
    after a part, opened by a connective or a colon of their own, make that part, they are its breakdown, and the
    list nests in a way its words do not say (asked of the parts, and of every figure after the connective, which
    holds those an inner list took). Without such an opening, three figures that make a fourth are a coincidence."""
    ivs = [interval(p.q, [x.q for x in figures]) for p in figures]
    for i, whole in enumerate(ivs[:-2]):
        if whole is None or not figures[i].q.value or not _opens_list(para, figures[i], figures[i + 1]):
            continue
        run = None
        for j in range(i + 1, len(figures)):
            if ivs[j] is None or not figures[j].same_dimension(figures[i]):
                break
            run = ivs[j] if run is None else run + ivs[j]
            if j > i + 1 and run.overlaps(whole):
                return "figures after a part of the list make that part: the list may nest"
    return ""


def _opens_list(para: Paragraph, a: Mention, b: Mention) -> bool:
    return any(isinstance(it, Keyword) and (it.kind == "PARTS" or it.kind == "SEP" and it.text == ":")
               for it in para.items[a.index + 1:b.index])


AVERAGE = lazy(r"人均|平均|生均|户均|车均|均值")


def _averages(total: Mention, parts: list[Mention]) -> bool:
    """"居民人均可支配收入30829元,其中城镇居民人均…40278元;农村居民人均…18259元": averages do not add up."""
    return any(AVERAGE.search(m.label) for m in (total, *parts))


DIGIT = lazy(r"\d")
SERVING = lazy(r"在职|在岗|在编")
RETIRED = lazy(r"(?<!在职|在编)(?:离|退)休")


def _retired_of_serving(total: Mention, parts: list[Mention]) -> bool:
    """"在职人员66人,其中…退休29人": people retired are not of those serving, so the list is not the total's parts."""
    return SERVING.search(total.label) is not None and any(RETIRED.search(p.label) for p in parts)


def _noun_after(para: Paragraph, m: Mention) -> str:
    """The first two characters of the name a count is of, when it is written after it ("15个专项…" → 专项)."""
    nxt = para.items[m.index + 1] if m.index + 1 < len(para.items) else None
    found = regex.match(r"\p{Han}{2}", nxt.text) if isinstance(nxt, Label) else None
    return found.group() if found else ""


def _mixed_counts(para: Paragraph, total: Mention, parts: list[Mention], ki: int) -> bool:
    """"对5个部门、5个镇乡街道开展…评价,15个专项开展…,其中:良好部门5个;优秀镇乡街道3个,…;良好专项14个…": the
    list goes through the counts of several names, and a part that names another count's is none of the total's."""
    if total.kind != "count":
        return False
    own = _noun_after(para, total)
    nouns = {_noun_after(para, m) for m in para.mentions if m.sent == total.sent and m.index < ki and m is not total
             and m.kind == "count" and m.same_dimension(total)} - {"", own}
    return any(n in p.label for n in nouns for p in parts)


def _bracketed(para: Paragraph, consumed: set[int]) -> list[SumClaim]:
    """"公务用车购置及运行费3亿元(公务用车购置费0.2亿元、公务用车运行维护费2.8亿元)", also after the figure's own
    change ("…585.53万元,同比减少144.92万元(购置费0万元…;运行维护费585.53万元…)"): figures in brackets right
    after a figure, with no connective, break it down; a list that says nothing of being whole is not taken
    to be (a shortfall is not reported)."""
    out: list[SumClaim] = []
    items, mentions = para.items, para.mentions
    for i, it in enumerate(items):
        if not (isinstance(it, Label) and it.text.startswith("(") and ")" not in it.text):
            continue
        close = next((j for j in range(i + 1, len(items)) if isinstance(items[j], Label) and ")" in items[j].text
                      or isinstance(items[j], Keyword) and items[j].kind in ("END", "PARTS", "TOTAL")), None)
        if close is None or not (isinstance(items[close], Label) and ")" in items[close].text):
            continue
        inside = [m for m in mentions if i < m.index < close and m.role not in ATTACHED_ROLES]
        before = [m for m in mentions if m.index < i and m.sent == para.sent_of[i]]
        # the figure bracketed: the last of its sentence before the bracket that is not a change or share of it
        total = next((m for m in reversed(before) if m.role not in ATTACHED_ROLES), None)
        if (total is None or total.role not in ("plain", "total") or not usable_amount(total) or total.q.approx
                or any(m.role not in ATTACHED_ROLES for m in before if m.index > total.index)
                or len(inside) < 2 or any(m.role != "plain" or m.index in consumed or m.q.approx
                                          or not m.same_dimension(total) for m in inside)
                or any(isinstance(x, Keyword) and x.kind == "YEAR" for x in items[i:close])):  # years, not parts
            continue
        # "资产总额4.7万亿元,负债总额1万亿元,净资产3.7万亿元(行政单位资产0.8万亿元,事业单位资产3.9万亿元)": the
        # bracket may break down another figure of its sentence
        others = [m for m in before if m is not total and usable_amount(m) and m.same_dimension(total)]
        out.append(SumClaim(total, inside, None, exhaustive=complete_pair(inside, total), others=others))
    return out


def _ends_open(para: Paragraph, last: Mention) -> bool:
    """"…、印刷费2万元等": the words right after the last part say the list goes on."""
    nxt = para.items[last.index + 1] if last.index + 1 < len(para.items) else None
    if isinstance(nxt, Label) and nxt.text.startswith("等"):
        return True
    # a sentence the text stops in the middle of (an excerpt, a truncated page) may have listed more
    end = next((it for it in para.items[last.index + 1:] if isinstance(it, Keyword) and it.kind == "END"), None)
    return end is not None and end.text == ""




def _total_before(para: Paragraph, ki: int, consumed: set[int]) -> Mention | None:
    kw_sent = para.sent_of[ki]
    # not from brackets closed before the connective: "11.31亿元(一般债券2.54亿元,专项债券8.77亿元);其中"
    for m in outside_brackets(para, ki):
        if m.index in consumed or m.role in ATTACHED_ROLES or m.role == "adjust":
            continue
        if m.kind not in ("money", "count"):
            continue  # "7×24小时", list numbers: no unit, no total
        if m.q.approx or _compared_with(para, m):
            return None  # the nearest total is an estimate, or a bound ("都超过了50亿元"): nothing to check against
        if m.sent != kw_sent:
            # only a connective that opens its sentence may reach back, and only one sentence;
            # "收入、支出分别为100万元、90万元" maps labels to figures and reaches nowhere
            opens = not any(x.index < ki and x.sent == kw_sent for x in para.mentions)
            start = sent_start(para, kw_sent)
            listed = any(isinstance(it, Keyword) and it.kind == "SEP" and it.text == "、" for it in para.items[start:ki])
            if not opens or listed or m.sent < kw_sent - 1 or para.items[ki].text in EXHAUSTIVE_CONNECTIVES:
                return None
            named = _named_before(para, m.sent, start, ki)
            if named is not None:
                return named
        if _other_flow(para, ki, m):
            return None  # "…上年结转129.33万元;支出包括:…": a list of spending is no part of an income figure
        if para.items[ki].text.startswith("分别") and _names_listed(para, m.index, ki):
            return None  # "其中,A x亿元…;B与C分别为y亿元和z亿元": names mapped to figures, not parts of x
        return m
    return None


def _other_flow(para: Paragraph, ki: int, m: Mention) -> bool:
    """Does the connective's own clause name spending and the figure income (or the other way round), or the figure
    nothing?"""
    subject = _flow("".join(it.text for it in para.items[_clause_start(para, ki):ki] if isinstance(it, Label)))
    carried = m.role in ("opening", "carry") or any(isinstance(it, Keyword) and it.kind in ("OPENING", "CARRY")
                                                    for it in para.items[_clause_start(para, m.index):m.index])
    own = "收入" if carried else _flow(m.label)
    # a figure with no name at all ("129.33万元;支出包括:…", the rest of a line cut by aligned spaces) is nobody's total
    return bool(subject) and (bool(own) and subject != own or not carried and not m.label.strip())


def _clause_start(para: Paragraph, i: int) -> int:
    """Where the clause of item i begins: after the last separator or full stop before it."""
    while i > 0 and not (isinstance(para.items[i - 1], Keyword) and para.items[i - 1].kind in ("SEP", "END")):
        i -= 1
    return i


def _compared_with(para: Paragraph, m: Mention) -> bool:
    """Does a comparison word (超过, 高于 …) stand right before the figure ("都超过了50亿元")?"""
    k = m.index - 1
    if k >= 0 and isinstance(para.items[k], Label) and para.items[k].text == "了":
        k -= 1
    return k >= 0 and isinstance(para.items[k], Keyword) and para.items[k].kind == "COMPARE"


def _named_before(para: Paragraph, sent: int, start: int, ki: int) -> Mention | None:
    """"…2010年决算数467.54万元,2011年预算数338.3万元。2010年决算数包括…": the words opening the connective's sentence
    name one figure of the sentence before; that figure is the total, not the nearest one."""
    words = regex.sub(r"[\p{P}\s]", "", "".join(it.text for it in para.items[start:ki] if isinstance(it, Label)
                                                or isinstance(it, Keyword) and it.kind not in ("YEAR", "SEP", "END")))
    if len(words) < 2:
        return None
    found = [x for x in para.mentions if x.sent == sent and usable_amount(x) and not x.q.approx
             and regex.sub(r"[\p{P}\s]", "", x.label).endswith(words)]
    return found[0] if len(found) == 1 else None


def _names_listed(para: Paragraph, a: int, b: int) -> bool:
    """Between a figure and 分别为, a clause break and names joined by 与/和/、: a respectively-list."""
    between = para.items[a + 1: b]
    broke = any(isinstance(it, Keyword) and it.kind == "SEP" and it.text in ",;" for it in between)
    joined = any(isinstance(it, Keyword) and it.text == "、" or isinstance(it, Label) and regex.search(r"与|和|及", it.text)
                 for it in between)
    return broke and joined


def _name(para: Paragraph, m: Mention) -> str:
    """What an item of a list is called: the nearest words before its figure, across its other figures
    ("公务用车购置及运行维护费预算数为521.67万元,决算支出数为571.04万元": both are 公务用车购置及运行维护费's)."""
    for it in reversed(para.items[:m.index]):
        if isinstance(it, Keyword) and it.kind in ("PARTS", "END"):
            break
        if isinstance(it, Label) and len(regex.sub(r"[\p{P}\s\d]", "", it.text)) >= 2:
            return it.text
    return m.label


def _related(a: str, b: str) -> bool:
    """Do two labels name the same category or one of its sub-categories ("公务用车运行维护费" under
    "公务用车购置及运行维护费")? They share their first three characters."""
    strip = lambda s: regex.sub(r"[\p{P}\s]|^(?:其中|包括|主要|分别)", "", s)  # noqa: E731
    a, b = strip(a), strip(b)
    return len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3]


def _listed_after(items, a: int, b: int) -> bool:
    """Is item b listed after item a, joined by 、 with nothing else but words between?"""
    between = [it for it in items[a + 1: b] if isinstance(it, Quantity) or isinstance(it, Keyword) and it.kind in ("SEP", "END")]
    return len(between) == 1 and isinstance(between[0], Keyword) and between[0].text == "、"


def _flow(label: str) -> str:
    """"收入" or "支出" when a label names only one of them."""
    income, spending = "收入" in label, "支出" in label
    return "收入" if income and not spending else "支出" if spending and not income else ""


# the words before a colon that open a part's own list ("…68.4亿元,比上年增长10.1%,主要支出事项:一般公共服务支出…")
SUBLIST = lazy(r"主要|具体|事项|方向|内容|如下|明细|构成")


def _parts_after(para: Paragraph, ki: int, total: Mention, inner: bool = False) -> tuple[list[Mention], dict[int, Mention]]:
    """The parts after a connective. Items of the list may be separated by ";" and carry figures of their own
    after their amount ("A 2.94亿元,减少3.7亿元;B …"): then each item gives one part, its first figure. A list
    nested under a part (其中 … ;其中: …) holds the items whose labels are related to that part's; the first
    unrelated one after a ";" goes back to the outer list (or, for the inner list itself, ends it)."""
    items = para.items
    kw_sent = para.sent_of[ki]
    by_index = {m.index: m for m in para.mentions}
    parts: list[Mention] = []
    segment_of: dict[int, int] = {}
    segment = 0
    nested: dict[int, Mention] = {}
    nested_under: Mention | None = None  # the part whose own list is being skipped
    after_semicolon = named = False  # named: words since the last ";"
    depth = 0  # brackets opened since the connective: "基本支出60万元(人员经费50万元…)" holds a sub-list
    nested_depth: int | None = None  # the bracket depth a nested list started at
    start = sent_start(para, kw_sent)
    opened = sum(it.text.count("(") - it.text.count(")") for it in items[start:ki] if isinstance(it, Label))
    bracketed = opened > 0
    spent_on = False  # "县本级新增一般债券2.54亿元,用于公路建设1.42亿元,…": what an item is spent on is its own list
    seen_figure = False
    # "公共基础设施1933亿元,…,其中:等级公路1.6万公里,城市桥梁273座;流动资产750亿元,…": a list whose first figure is of
    # another kind is of those things; what follows its semicolon are the total's siblings, where the part before has no
    # amount of the total's kind or the total is a share of a whole itself ("固定资产724亿元,占18.3%,其中:房屋2841万平方米、
    # 价值495亿元;在建工程348亿元,占8.8%"); not where each item states its count and its amounts, as the total did
    foreign = False
    own_share = has_own_share(para, total)
    j = ki + 1
    while j < len(items) and para.sent_of[j] == kw_sent:
        it = items[j]
        if isinstance(it, Keyword) and it.kind == "USE" and parts and segment_of.get(parts[-1].index) == segment:
            spent_on = True
        if isinstance(it, Label):
            named = named or bool(regex.sub(r"[\p{P}\s]", "", it.text))
            depth += it.text.count("(") - it.text.count(")")
            if depth < 0:
                break  # "(其中A、B)": the list closes with its bracket
            if nested_under is not None and nested_depth is not None and depth < nested_depth:
                nested_under = None  # "…维护费25.60万元(其中:…),公务接待费…": the inner list closed
        if isinstance(it, Keyword):
            if it.kind == "END" or it.kind == "PLUS" and after_semicolon:
                break  # ";加上级补助收入…": a running sum onto the whole begins, no part of it
            if it.kind == "PARTS":
                if after_semicolon and named:
                    break  # "…;支出包括:…": a list with a subject of its own, not one nested in this list
                if parts:
                    nested[j] = parts[-1]
                    nested_under = parts[-1]
                    nested_depth = depth
                else:
                    break
            if it.kind == "SEP" and it.text == ":" and parts and not after_semicolon and nested_under is None \
                    and isinstance(items[j - 1], Label) and SUBLIST.search(items[j - 1].text):
                nested_under, nested_depth = parts[-1], depth  # "财力安排支出68.4亿元,…,主要支出事项:…": the part's own list
            if it.kind == "SEP" and it.text == ";":
                if bracketed or foreign and (not any(segment_of.get(p.index) == segment for p in parts) or own_share):
                    break  # "(一级企业9户,其中…3户…;二级企业19户;…)": a list opened inside brackets ends at ";"
                segment += 1
                after_semicolon, named, spent_on = True, False, False
        elif isinstance(it, Quantity) and depth == 0 and spent_on:
            pass
        elif isinstance(it, Quantity) and depth == 0:
            m = by_index[j]
            fresh = after_semicolon
            after_semicolon = False
            if nested_under is not None:
                if fresh and not _related(_name(para, m), _name(para, nested_under)):
                    nested_under = None  # the inner list ended: this item is the outer list's again
                else:
                    j += 1
                    continue
            if not parts and not seen_figure and m.kind == "number" and m.q.unit.startswith("千"):
                break  # "配套建筑物5座;…,其中5米宽巷道0.19千米…": a list of lengths (千米), not of the figure before it
            seen_before = seen_figure
            seen_figure = seen_figure or m.kind != "number"
            if m.role in ATTACHED_ROLES or m.kind not in ("money", "count"):
                foreign = foreign or not parts and not seen_before and m.role not in ATTACHED_ROLES and m.kind != "percent"
            elif not m.same_dimension(total):
                foreign = foreign or not parts and not seen_before
            elif _flow(total.label) and _flow(m.label) and _flow(total.label) != _flow(m.label):
                break  # "收入…其中…;支出…": spending is never a part of income, nor income of spending
            elif inner and fresh and not _related(_name(para, m), _name(para, total)):
                break  # ";公务接待费…" after the items of 公务用车费: the inner list is over
            elif m.role in ("opening", "carry") and parts and (_listed_after(items, parts[-1].index, j)
                                                              or m.first_in_clause and "收入" in m.label):
                # "包括:财政拨款7034418.94元、上年结转结余23067.24元", "…;调入资金及上年结转收入等149.74亿元": the
                # balance is an item
                parts.append(m)
                segment_of[m.index] = segment
            elif m.role in ("total", "opening", "carry", "balance", "adjust") or m.q.approx:
                break
            elif parts and parts[0].role == "plain" and m.role != "plain":
                break  # "…项目支出276.9万元;2023年全年实际支出673.48万元": a new statement, not a part
            else:
                parts.append(m)
                segment_of[m.index] = segment
        j += 1
    one_role = len({p.role for p in parts} - {"plain"}) <= 1  # budget and actual per item: summed per role
    per_segment = [sum(1 for p in parts if segment_of[p.index] == s) for s in sorted({segment_of[p.index] for p in parts})]
    if one_role and len(per_segment) > 1 and min(per_segment) >= 2 and len(set(per_segment)) == 1:
        firsts: dict[int, Mention] = {}
        for p in parts:
            firsts.setdefault(segment_of[p.index], p)
        # only when the other figures of an item are its own ("…收入42100万元,…,短收7431万元"), not its siblings, named
        # with the same head word ("一般债务…,专项债务…;政府债券…": the whole broken down twice, a list per segment)
        head = lambda m: regex.sub(r"[\p{P}\s]|为$|是$", "", _name(para, m))[-1:]  # noqa: E731
        if not any(head(p) == head(firsts[segment_of[p.index]]) for p in parts if p is not firsts[segment_of[p.index]]):
            parts = list(firsts.values())
    return parts, nested


def _closing_sum(para: Paragraph, ki: int, kw: Keyword, consumed: set[int]) -> SumClaim | None:
    """"A x万元, B y万元, 合计z万元": the figures of the sentence before 合计 are its parts."""
    total = next((m for m in para.mentions if m.index > ki), None)
    if total is None or total.sent != para.sent_of[ki] or not usable_amount(total) or total.q.approx:
        return None
    # the total must follow its keyword directly (合计673.48万元)
    if any(isinstance(it, (Keyword, Quantity)) for it in para.items[ki + 1: total.index]):
        return None
    parts: list[Mention] = []
    # not from brackets closed before 合计: "(含…166万元、…968万元)" names a part's own parts
    for m in outside_brackets(para, ki):
        if m.sent != total.sent:
            continue
        if m.role in ATTACHED_ROLES:
            continue
        if m.role == "total" and parts and all(_added(para, p) is not None for p in parts) and m.same_dimension(total):
            parts.insert(0, m)  # "总收入442751万元,加上年结余7546万元,再加…731万元,收入总计451227万元": a running sum
            break
        if m.index in consumed and parts:
            return None  # a list of an earlier 其中 inside the run: which figures are the whole's is a guess
        if m.role == "total" or m.index in consumed or not m.same_dimension(total) or m.q.approx:
            break
        if m.role == "budget" and parts and parts[0].role == "actual":
            break  # "收入预算数为15.39亿元,实际完成15.39亿元,…加上…,收入合计32.39亿元": the budget beside its actual is no part
        if any(isinstance(it, Keyword) and it.kind in ("PARTS", "TOTAL") for it in para.items[m.index + 1: ki]):
            if any(isinstance(it, Keyword) and it.kind == "PARTS" for it in para.items[m.index + 1: ki]) and \
                    any(p.role == "plain" for p in parts):
                # "…加上级转移支付收入1884万元,其中:一般转移支付收入1478万元…,上年结转结余60万元,…收入合计为6449万元":
                # past a 其中, which figures are the whole's and which its part's is a guess
                return None
            break
        parts.insert(0, m)
    guess = ""
    opened = _added(para, parts[0]) if parts else None
    if opened is not None and all(_added(para, p) in (None, opened) for p in parts[1:]):
        # "收入32.62亿元,…。加上上级补助收入18.1亿元,债务转贷收入8.85亿元,…,收入合计89.65亿元": what is added to
        # stands before the first 加, here or ending the sentence before
        before = [m for m in para.mentions if m.index < parts[0].index and usable_amount(m) and not m.q.approx
                  and m.same_dimension(total) and m.sent >= parts[0].sent - MAX_SENTENCES_BACK]
        # a figure listed after a 其中 is a part of what is added to, not the whole ("…130.2亿元…。其中:…125.6亿元…。加上…")
        whole = [m for m in before if m.index not in consumed and not listed(para, m)]
        if not whole:
            return None
        base = whole[-1]
        rivals = [m for m in before if m is not base and m.sent >= base.sent]
        guess = "the figure added to stands in a sentence before, with others" if base.sent != total.sent and rivals else ""
        parts.insert(0, base)
    if len(parts) < 2:
        return None
    return SumClaim(total, parts, kw, exhaustive=True, closing=True, guess=guess)


def _added(para: Paragraph, m: Mention) -> int | None:
    """Is the figure a term added to a running sum, its clause opening with 加 (PLUS)? The 加 it follows, by its
    place, so that the terms of one clause ("加上上解上级支出29.4亿元和…还本支出34.6亿元") are told from another's."""
    start = next((k for k in range(m.index - 1, -1, -1) if isinstance(para.items[k], Keyword)
                  and para.items[k].kind in ("SEP", "END")), -1)
    first = para.items[start + 1] if start + 1 < m.index else None
    return start + 1 if isinstance(first, Keyword) and first.kind == "PLUS" else None


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
        if any(isinstance(it, Keyword) and it.kind not in ("SEP",) for it in para.items[sent_start(para, sent): first.index]):
            break
        extra.append(first)
        out.append(list(extra))
    return out


FOLLOWING = 3  # lines a list may go on into


@claim_kind("sums")
def _sums(doc) -> list[SumClaim]:
    out: list[SumClaim] = []
    paras = doc.paragraphs
    text = doc.norm.text
    averages = False  # under a heading of averages ("【各级教育生均…经费增长情况】"): nothing adds up
    last = 0
    for n, para in enumerate(paras):
        if not para.mentions:
            continue  # its lines are read with the text before the next paragraph that has figures
        # the short figure-free lines since the last paragraph with figures are headings
        for line in text[last:para.start].split("\n"):
            if line.strip() and len(line) <= 60 and not DIGIT.search(line):
                averages = bool(AVERAGE.search(line))
        last = para.end
        if averages:
            continue
        try:
            out.extend(sums(para, paras[n + 1:n + 1 + FOLLOWING]))
            out.extend(across_lines(paras, n))
        except Exception as e:  # a bug loses this paragraph's sums, not the document's
            doc.broken.append(("sums claims", e))
    totals = {id(c.total) for c in out}
    out.extend(c for c in sangong_sections(doc.norm.text, paras) if id(c.total) not in totals)
    return out


SECTION_HEAD = lazy(r"^\s*(?:[(（]?[一二三四五六七八九十]+[)）、]|[(（]?\d{1,2}[)）、.．])")


def _head_item(text: str, para: Paragraph) -> int | None:
    """Which 三公 item a heading line names ("二、公务接待费"), by its place in SANGONG; None for other lines."""
    line = text[para.start:para.end].strip()
    if len(line) > 40 or not SECTION_HEAD.match(line) or any(m.kind == "money" for m in para.mentions):
        return None
    named = [k for k, words in enumerate(SANGONG) if any(w in line for w in words)]
    return named[0] if len(named) == 1 else None


def sangong_sections(text: str, paras: list[Paragraph]) -> list[SumClaim]:
    """"“三公”经费支出总额为3825万元…" and then "一、因公出国(境)经费" / "…出国(境)费99万元", "二、公务接待费" / …: a 三公
    total, and its three items each under a heading of its own, the first figure there that names the item. The
    three make the total by definition; read only where the headings follow each other, name the three items
    once each, and the figures agree with the total in year and basis."""
    heads = [(n, k) for n, p in enumerate(paras) if (k := _head_item(text, p)) is not None]
    headings = {n for n, _ in heads}
    out: list[SumClaim] = []
    for h in range(len(heads) - 2):
        run = heads[h:h + 3]
        if sorted(k for _, k in run) != [0, 1, 2]:
            continue
        bounds = [n for n, _ in run] + [run[-1][0] + 1 + FOLLOWING]
        parts = []
        for (n, k), end in zip(run, bounds[1:], strict=True):
            body = [m for q, p in enumerate(paras[n + 1:end], n + 1) if q not in headings for m in p.mentions]
            part = next((m for m in body if usable_amount(m) and m.kind == "money"
                         and any(w in m.label for w in SANGONG[k])), None)
            if part is None or part.q.approx:
                break
            parts.append(part)
        before = [m for p in paras[:run[0][0]] for m in p.mentions]
        total = next((m for m in reversed(before) if usable_amount(m) and m.kind == "money"), None)
        if len(parts) != 3 or total is None or total.q.approx or "三公" not in unquoted(total.label):
            continue
        years = {m.year for m in (total, *parts)} - {None}
        roles = {m.role for m in (total, *parts)} - {"plain"}
        if len(years) > 1 or len(roles) > 1:
            continue
        out.append(SumClaim(total, parts, None, exhaustive=True))
    return out


def across_lines(paras: list[Paragraph], n: int) -> list[SumClaim]:
    """Lists that cross a line: "…基本支出911.7万元,其中:" with a part opening each following line ("人员经费489.18万元,
    主要包括:…"), and a line that opens with 其中 whose total ends the line before."""
    out: list[SumClaim] = []
    para = paras[n]
    items = para.items
    if para.mentions:
        trailing = _trailing_parts(para)
        if trailing is not None and n + 1 < len(paras):
            total = _total_before(para, trailing, set())
            parts = _leading_figures(paras[n + 1:], total, _marker(para)) if total is not None else []
            # "如下:" announces what follows, not that it is a list of parts: read only where the lines name the
            # three 三公 items after a 三公 total (which they make by definition)
            follows = items[trailing].kind == "FOLLOWS"
            if follows and not (len(parts) >= 3 and sangong_items(parts[:3]) and "三公" in unquoted(total.label)):
                parts = []
            if len(parts) >= 2:
                parts = parts[:3] if follows else parts
                out.append(SumClaim(total, parts, items[trailing], exhaustive=follows or complete_pair(parts, total)))
        opening = next((k for k, it in enumerate(items) if not (isinstance(it, Keyword) and it.kind == "SEP")), None)
        if (opening is not None and isinstance(items[opening], Keyword) and items[opening].kind == "PARTS" and n > 0
                and paras[n - 1].end <= para.start):
            before = [m for m in paras[n - 1].mentions if usable_amount(m) and not m.q.approx]
            if not before:
                return out
            total = before[-1]
            parts, _ = _parts_after(para, opening, total)
            if len(parts) < 2 or any(p.role not in ("plain", total.role) for p in parts):
                return out
            rivals = [m for m in before if m is not total and m.same_dimension(total) and m.sent == total.sent]
            guess = "the total ends the line before, with other figures" if rivals else ""
            is_open = _ends_open(para, parts[-1])
            complete = not is_open and _is_exhaustive(items[opening], parts, total)
            out.append(SumClaim(total, parts, items[opening], exhaustive=complete, open=is_open, guess=guess))
    return out


def _trailing_parts(para: Paragraph) -> int | None:
    """The index of a 其中/包括 (or a 如下) that ends its paragraph (before a colon), if one does."""
    k = len(para.items) - 1
    while k >= 0 and isinstance(para.items[k], Keyword) and para.items[k].kind in ("SEP", "END"):
        k -= 1
    it = para.items[k] if k >= 0 else None
    return k if isinstance(it, Keyword) and it.kind in ("PARTS", "FOLLOWS") else None


def _leading_figures(paras: list[Paragraph], total: Mention, level: int | None = None) -> list[Mention]:
    """The figure opening each following line, named by the words before it and nothing else, while lines do,
    and until a line numbered as the total's own is (its sibling "(三)…" after "(二)…其中:", "1、…", "2、…")."""
    out: list[Mention] = []
    numbered: int | None = None  # the marker level of the list's lines, when its first line has one
    for para in paras:
        marker = _marker(para)
        if level is not None and marker is not None and marker <= level:
            break
        if out and numbered is not None and (marker is None or marker > numbered):
            continue  # "1.税收收入…" / "其他税种154069万元…" / "2.非税收入…": an unnumbered or deeper line is a part's own
        mentions, opening = para.mentions, 0
        if mentions and _list_number(para, mentions[0]):  # "1、公务用车购置费34.71万元": the line's number first
            mentions, opening = mentions[1:], mentions[0].index + 1
        first = mentions[0] if mentions else None
        if (first is None or first.sent != 0 or first.role != "plain" or first.q.approx or not usable_amount(first)
                or not first.same_dimension(total)
                or any(not isinstance(it, Label) for it in para.items[opening:first.index]
                       if not (isinstance(it, Keyword) and it.kind == "SEP" and it.text == "、"))
                or not first.label):
            break
        if not out:
            numbered = marker
        out.append(first)
    return out


def _marker(para: Paragraph) -> int | None:
    """The outline level of the marker opening a paragraph ("(二)" is deeper than "二、"), if one does."""
    m = outline.HEADING.match("".join(it.text for it in para.items[:3]))
    return next((outline.LEVEL[k] for k, v in m.groupdict().items() if v and k in outline.LEVEL), None) if m else None


def _list_number(para: Paragraph, m: Mention) -> bool:
    """A bare number opening a line and followed by 、 or . ("1、", "2."): the item's number, no figure."""
    nxt = para.items[m.index + 1] if m.index + 1 < len(para.items) else None
    return (m.index == 0 and m.q.kind == "number" and "." not in m.q.number
            and ((isinstance(nxt, Keyword) and nxt.text == "、") or (isinstance(nxt, Label) and nxt.text[:1] == ".")))
