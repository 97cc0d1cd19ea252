"""Shares (占X%) with their part and denominator."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ..parse.extract import Keyword, Label
from ..parse.mentions import Mention, Paragraph
from .common import (
    has_own_share,
    is_title,
    outside_brackets,
    paragraph_at,
    sent_start,
    unquoted,
    usable_amount,
)
from .kinds import claim_kind
from .sums import SumClaim, complete_pair, names_whole, sangong_items
from ..rx import lazy


@dataclass
class ShareClaim:
    part: Mention
    pct: Mention
    total: Mention | None = None  # the stated denominator
    parts: list[Mention] = field(default_factory=list)  # or: the parts of a breakdown whose shares total 100%
    owner: SumClaim | None = None  # the breakdown whose listed part this is
    explicit: bool = False  # the denominator is named ("占政府采购支出总额的6.0%")
    base: str = ""  # the words naming a denominator that no figure before has as its label
    guess: str = ""  # how the denominator was found, when that was a guess
    names: str = ""  # of a respectively-list: the words before its figures, which name its parts ("货物、工程、服务…")
    word: str = ""  # a base named by one generic word ("占收入的89.99%"), which the run of its shares makes the sum of


SPARE = "为是的累计完成达到"  # words a label may end in after its name
NAMED_GAP = 12  # paragraphs between two shares of one named base
SHARE_TAIL = ("的比重", "的比例", "比重", "比例", "的")


def _share_words(para: Paragraph, m: Mention) -> str:
    """The words naming the denominator between 占 and the percent: "本年支出合计" in "占本年支出合计的100%"."""
    if m.keyword is None:
        return ""
    k = para.items.index(m.keyword) if m.keyword in para.items else -1
    # "占全国政府采购规模的比重分别为52.9%…": the phrase opens at 占, and its 比重 and 分别为 name no base
    for j in range(k - 1, -1, -1):
        it = para.items[j]
        if isinstance(it, Keyword) and it.kind in ("SEP", "END"):
            break
        if isinstance(it, Keyword) and it.kind == "SHARE" and it.text == "占":
            k = j
            break
    words = "".join(it.text for it in para.items[k + 1: m.index] if isinstance(it, (Label, Keyword))
                    and not (isinstance(it, Keyword) and it.kind in ("SEP", "END", "PARTS", "SHARE")))
    words = regex.sub(r"(?:为|达到|达|是)$", "", words)
    for tail in SHARE_TAIL:
        if words.endswith(tail):
            words = words[: -len(tail)]
            break
    return words.strip()


def _subject(para: Paragraph, m: Mention) -> str:
    """The name a share's clause opens with, right before its 占 ("税收" in ",税收占地方…收入的比重为71.1%"); "" when
    the clause opens otherwise (with a figure, or at 占 itself)."""
    if m.keyword is None or m.keyword not in para.items:
        return ""
    k = para.items.index(m.keyword)
    words = []
    for it in reversed(para.items[:k + 1]):
        if isinstance(it, Keyword) and it.kind in ("SEP", "END"):
            break
        if not isinstance(it, (Label, Keyword)):
            return ""  # a figure in the clause before its share: that figure is the part
        words.append(it.text)
    text = "".join(reversed(words))
    name = _label_key(text.split("占", 1)[0]).strip() if "占" in text else ""
    # one character may name the part ("税占比为40.2%": 税收), but not a pronoun or a word for all ("其占比")
    return name if (len(name) >= 2 or name and name not in PRONOUNS) and regex.fullmatch(r"\p{Han}+", name) else ""


PRONOUNS = "其各均共约总合该此每"


def _names(label: str, subject: str) -> bool:
    """Does a figure's label name the share's subject? 总 aside ("合同总金额" is "合同金额"); "非税收入" is no "税收"."""
    key, name = _label_key(label).replace("总", ""), subject.replace("总", "")
    return name in key and "非" + name not in key


def _label_key(label: str) -> str:
    return unquoted(label)


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
    unnamed: dict[int, list[Mention]] = {}  # share (by id) -> figures named as its base without its 总
    earlier: list[Mention] = []
    seen: dict[int, int] = {}  # share (by id) naming a base not stated before it -> the figures before it
    for pi, para in enumerate(paragraphs):
        listed = _respectively(para)
        title = is_title(para)
        for m in para.mentions:
            if m.role != "share" or m.q.approx or m.kind != "percent":
                if usable_amount(m) and not title:
                    earlier.append(m)
                continue
            if id(m) in listed:
                part, first = listed[id(m)]
                if part is None:
                    continue  # a respectively-list whose figures do not pair one to one: nothing to check
            else:
                # not from brackets closed before the share: "财政拨款收入1077.36万元(其中,…国有资本经营预算0万元),
                # 占收入合计93.57%"
                part = next((x for x in outside_brackets(para, m.index) if x.sent == m.sent and usable_amount(x)
                             and not x.q.approx), None)
                first = m
                if part is None or any(x.role == "share" and part.index < x.index < m.index for x in para.mentions):
                    continue
                subject = _subject(para, m)
                if subject and not _names(part.label, subject):
                    # "非税收入31625万元,占预算的96.3%,税收占…收入的比重为71.1%": the clause names its own part, and
                    # it is not the figure just before; it is the one figure of the sentence of that name, or none
                    named_parts = [x for x in para.mentions if x.index < m.index and x.sent == m.sent
                                   and usable_amount(x) and not x.q.approx and _names(x.label, subject)]
                    if len(named_parts) != 1:
                        continue
                    part = named_parts[0]
            claim = ShareClaim(part=part, pct=m)
            if id(m) in listed:
                start = sent_start(para, part.sent)
                opening = "".join(it.text for it in para.items[start:part.index] if isinstance(it, (Label, Keyword)))
                claim.names = opening.split("分别")[0]  # the same for every figure of the list
            words = _share_words(para, first)
            if len(words) == 2:
                # "占收入的89.99%": a base named by one generic word could be any of several figures; only a run of such
                # shares that makes 100% says what it is, the sum of its parts
                claim.word = words
                pending.append((pi, claim))
                continue
            if len(words) >= 3:
                key = _label_key(words)
                named = _named(earlier, part, key)
                if id(m) in listed:
                    # "…采购规模分别为8121.6亿元、1万4210.3亿元…,占采购规模比例为…": the list's own figures are its parts
                    named = [x for x in named if not (x.sent == part.sent and x in para.mentions)]
                if not named and key in THIS_YEARS:
                    # "收入合计4680.58万元,…。其中:财政拨款收入2982.61万元,占本年收入63%": the year's own total, stated in
                    # the paragraph before the share
                    named = [x for x in _named(earlier, part, THIS_YEARS[key]) if x in para.mentions]
                if not named and "总" in key and len(key) > 3:
                    unnamed[id(claim)] = _named(earlier, part, _without_whole(key))
                total = named[0] if named else None
                if total is not None:
                    claim.total, claim.explicit = total, True
                    if len({x.q.base for x in named}) > 1 and _label_key(total.label).rstrip(SPARE) != key:
                        # "全盟…收入310682万元…盟本级…收入33648万元…旗级…收入277034万元…占一般公共预算收入的68.6%":
                        # several figures are of that name, each qualified; the one the sentence names as its whole
                        # ("全盟一般公共预算收入中,税收收入…"), else the latest, which is one reading
                        scoped = _in_whole(para, part, named)
                        if scoped is not None:
                            claim.total = scoped
                        else:
                            claim.guess = "several figures bear the name of the base; the latest was taken"
                    out.append(claim)
                else:
                    # "(一)…850088.3元,占支出总预算78.33%" … "(四)…": the base named but not stated before; a run of
                    # shares of that one base that makes 100% has it as the sum of its parts
                    claim.base = key
                    seen[id(claim)] = len(earlier)
                    pending.append((pi, claim))
                continue
            owner = part_of.get(id(part))
            if owner is not None:
                claim.total, claim.owner = owner.total, owner
                if has_own_share(para, owner.total):
                    # "行政单位资产总额2134亿元,占全市53.8%,其中:城管部门583亿元,占4.7%;…": the total is a share of a whole
                    # itself, and a bare share of its part may be of either
                    claim.guess = "the total is a share of a larger whole, which the part's share may be of"
                out.append(claim)
                continue
            pending.append((pi, claim))
    resolved = _without_zong(pending, unnamed)
    out.extend(resolved)
    taken = {id(c) for c in resolved}
    grouped = _grouped([(pi, c) for pi, c in pending if id(c) not in taken])
    taken |= {id(c) for c in grouped}
    out.extend(grouped)
    out.extend(_stated_later([c for _, c in pending if c.base and id(c) not in taken], seen, earlier))
    _whole_sets(out)
    return out


def _whole_sets(claims: list[ShareClaim]) -> None:
    """"货物、工程、服务…分别为0.72亿元、0.02亿元和0.59亿元,占全市政府采购规模比例为54.54%、1.51%和44.69%": shares of
    one stated total for the three parts that make a known whole are one breakdown, whose shares total 100%."""
    by_total: dict[tuple[int, str], list[ShareClaim]] = {}  # one total, one list naming the parts
    for c in claims:
        if c.explicit and c.total is not None and c.owner is None and not c.parts and not c.guess:
            by_total.setdefault((id(c.total), c.names), []).append(c)
    for group in by_total.values():
        parts = [c.part for c in group]
        if len({id(p) for p in parts}) == 3 == len(parts) and names_whole(parts, group[0].names):
            for c in group:
                c.parts = parts


BASIS_END = lazy(r"(预算|决算)(?:数)?$")


def _stated_later(claims: list[ShareClaim], seen: dict[int, int], figures: list[Mention]) -> list[ShareClaim]:
    """"工资福利支出…占基本支出预算79.89%" and, a section later, "一般公共预算基本支出1133753.33元": a base named before it
    is stated. The one later figure that bears the name, no smaller than the part, is the base; one that bears the
    name with its basis word elsewhere in the label (预算基本支出 for 基本支出预算) is a guess."""
    out = []
    for c in claims:
        after = [x for x in figures[seen[id(c)]:] if x is not c.part and x.same_dimension(c.part)
                 and x.q.base >= c.part.q.base and (x.year is None or c.part.year is None or x.year == c.part.year)]
        found = [x for x in after if c.base in _label_key(x.label)]
        basis = BASIS_END.search(c.base)
        if not found and basis and len(c.base) - len(basis[0]) >= 2:
            stem = c.base[: basis.start()]
            found = [x for x in after if stem in _label_key(x.label) and basis[1] in _label_key(x.label)]
            if len(found) == 1:
                c.guess = f"the base ({c.base}) is a figure stated later whose label names {stem} and {basis[1]} apart"
        if len(found) == 1:
            c.total, c.explicit = found[0], True
            out.append(c)
    return out


# a base named as the year's income or spending is the total of the year's statement
THIS_YEARS = {"本年收入": "收入合计", "本年支出": "支出合计"}


def _without_whole(key: str) -> str:
    """The name of a base without the word that makes it a whole: 采购总规模 → 采购规模, 财政支出总量 → 财政支出."""
    bare = regex.sub(r"总(?:量|额|数|计)$", "", key)
    return bare if bare != key else key.replace("总", "")


def _without_zong(pending: list[tuple[int, ShareClaim]], unnamed: dict[int, list[Mention]]) -> list[ShareClaim]:
    """"占采购总规模的58.6%" with no figure named so: the figure named without 总 (政府采购规模) stated before every
    share of that base and at least the largest of their parts (项目支出预算 is none of 支出总预算's items)."""
    by_base: dict[str, list[ShareClaim]] = {}
    for _, c in pending:
        if id(c) in unnamed:
            by_base.setdefault(c.base, []).append(c)
    out: list[ShareClaim] = []
    for claims in by_base.values():
        biggest = max(c.part.q.base for c in claims)
        common = [x for x in unnamed[id(claims[0])] if x.q.base >= biggest
                  and all(any(x is y for y in unnamed[id(c)]) for c in claims)]
        if common:
            for c in claims:
                c.total, c.explicit = common[0], True
            out.extend(claims)
    return out


def _respectively(para: Paragraph) -> dict[int, tuple[Mention | None, Mention]]:
    """"A、B分别为x亿元和y亿元，占…的p%和q%": the shares listed after one 占 pair, in order, with as many figures
    listed before it in the sentence, when the sentence says 分别. Maps each share (by id) to its part (None when
    the counts differ) and the first share of its list."""
    groups: dict[int, list[Mention]] = {}
    for m in para.mentions:
        if m.role == "share" and m.keyword is not None:
            groups.setdefault(id(m.keyword), []).append(m)
    out: dict[int, tuple[Mention | None, Mention]] = {}
    for shares_ in groups.values():
        if len(shares_) < 2:
            continue
        first = shares_[0]
        k = para.items.index(first.keyword)
        start = sent_start(para, first.sent)
        # 分别 before the 占, or between it and the first share ("占彩票销售总量的比重分别为53.8%、28.9%…")
        if not any("分别" in it.text for it in para.items[start:first.index] if isinstance(it, (Label, Keyword))):
            continue
        amounts = [x for x in para.mentions if x.sent == first.sent and x.index < k and usable_amount(x) and not x.q.approx]
        pairs = amounts[-len(shares_):] if len(amounts) >= len(shares_) else [None] * len(shares_)
        for s, a in zip(shares_, pairs, strict=True):
            out[id(s)] = (a, first)
    return out


def _in_whole(para: Paragraph, part: Mention, named: list[Mention]) -> Mention | None:
    """The figure a sentence names as the whole its figures are of, in a clause ending in 中 before the part
    ("全盟一般公共预算收入中,税收收入…"): the one of `named` whose label holds those words, if all of them that do
    have one value."""
    start = sent_start(para, part.sent)
    clause = ""
    for it in para.items[start:part.index]:
        if isinstance(it, Keyword) and it.kind in ("SEP", "END"):
            if clause.endswith("中") and len(clause) > 3:
                whole = clause[:-1].removeprefix("在")
                found = [x for x in named if whole in _label_key(x.label)]
                if found and len({x.q.base for x in found}) == 1:
                    return found[0]
            clause = ""
        elif isinstance(it, (Label, Keyword)):
            clause += _label_key(it.text)
    return None


CONJUNCTION = "和及与、"


def _names_base(label: str, key: str) -> bool:
    """Does a label name the base? Not where the name is one of two things it joins: "税收返还和转移支付4404.78亿元" is no
    "转移支付" (占转移支付比重达82% is of 一般性 and 专项 alone)."""
    text = _label_key(label)
    at = text.find(key)
    while at >= 0:
        end = at + len(key)
        if not (at > 0 and text[at - 1] in CONJUNCTION or end < len(text) and text[end] in CONJUNCTION):
            return True
        at = text.find(key, at + 1)
    return False


def _named(earlier: list[Mention], part: Mention, key: str) -> list[Mention]:
    """The figures before a share whose label holds the words naming its base, the latest first."""
    return [x for x in reversed(earlier) if x is not part and _names_base(x.label, key) and x.same_dimension(part)]


def _about_hundred(pcts: list[Mention], exact_zero: bool = False) -> bool:
    """Do the written shares total 100% within their rounding (half a unit of the last digit each)? With
    `exact_zero`, a share written 0% is exactly nothing, as the share of a part of 0 is."""
    total = sum(p.q.value for p in pcts)
    slack = sum(Decimal(5).scaleb(-p.q.decimals - 1) for p in pcts if not (exact_zero and p.q.value == 0))
    return abs(total - 100) <= slack


def _grouped(pending: list[tuple[int, ShareClaim]]) -> list[ShareClaim]:
    """Shares without a stated total, in runs: in the same or consecutive paragraphs, or, for shares naming one
    base ("占一般公共预算支出的"), within a few paragraphs of each other, other shares between. In a run, the
    shares that follow each other and make 100% are one breakdown, whose total is the sum of their parts; so is
    a run of just two shares of one named base for the two halves of a whole (基本支出 and 项目支出), and a run of
    three bare shares of the three 三公 items, whatever they total."""
    runs: list[list[tuple[int, ShareClaim]]] = []
    for pi, c in pending:
        gap = NAMED_GAP if c.base else 1
        run = next((r for r in reversed(runs) if r[-1][1].base == c.base), None) if c.base else (runs[-1] if runs else None)
        if run is not None and pi - run[-1][0] <= gap and c.part.same_dimension(run[-1][1].part) and run[-1][1].base == c.base:
            run.append((pi, c))
        else:
            runs.append([(pi, c)])
    out = []
    for run in runs:
        claims = [c for _, c in run]

        def end_at(start: int, claims=claims) -> int | None:
            if not claims[start].base and sangong_items([c.part for c in claims[start:start + 3]]):
                # "因公出国(境)费…占0%;公务用车…占0.02%;公务接待费…占0.95%": the whole of 三公, whatever it makes
                return start + 3
            end = _hundred_at(claims, start)
            if end is None and len(claims) == 2 and claims[0].base and complete_pair([c.part for c in claims]):
                end = 2
            return end

        for start, end in _runs(len(claims), end_at):
            group = claims[start:end]
            parts = [x.part for x in group]  # one list for the group: the rule groups its shares by it
            for c in group:
                c.parts = parts
            out.extend(group)
    return out


def _runs(n: int, end_at) -> Iterator[tuple[int, int]]:
    """Consecutive runs of n items, left to right: from each start, the end `end_at(start)` gives, or none (the next
    start is tried)."""
    start = 0
    while start < n - 1:
        end = end_at(start)
        if end is None:
            start += 1
            continue
        yield start, end
        start = end


def _hundred_at(claims: list[ShareClaim], start: int, exact_zero: bool = False) -> int | None:
    """The end of the shortest run of two or more shares from `start` that makes 100%, taken on through the shares
    after it for as long as it still does: "占0%;…占99.70%;…占0.30%" is one run of three, not two that make 100%
    only by the half percent a share written 0% may stand for."""
    def hundred(e: int) -> bool:
        return _about_hundred([c.pct for c in claims[start:e]], exact_zero=exact_zero)

    end = next((e for e in range(start + 2, len(claims) + 1) if hundred(e)), None)
    while end is not None and end < len(claims) and hundred(end + 1):
        end += 1
    return end


@claim_kind("shares")
def _shares(doc) -> list[ShareClaim]:
    return shares(doc.paragraphs, doc.sums)


@claim_kind("share_sums")
def _share_sums(doc) -> list[SumClaim]:
    """"规模为17305.34亿元…工程类…占采购总规模的58.6%…货物类…30.2%…服务类…11.2%": shares of one stated total
    that make 100% name every part of it, wherever they stand, so the parts must make the total."""
    groups: dict[int, list[ShareClaim]] = {}
    for c in doc.shares:
        if c.explicit and c.total is not None and not c.guess:
            groups.setdefault(id(c.total), []).append(c)
    out = []
    for claims in groups.values():
        # one total may be broken down several ways ("从项目类别看…;从采购方式看…"): each run of shares in a row
        # that makes 100%, or that names a known whole (货物, 工程, 服务), is one breakdown
        claims.sort(key=lambda c: c.pct.q.start)

        def end_at(start: int, claims=claims) -> int | None:
            known = claims[start].parts
            if len(known) >= 2 and [c.part for c in claims[start:start + len(known)]] == known:
                return start + len(known)
            return _hundred_at(claims, start, exact_zero=True)

        for start, end in _runs(len(claims), end_at):
            run = claims[start:end]
            parts = list({id(c.part): c.part for c in run}.values())
            if len(parts) == len(run):
                out.append(SumClaim(run[0].total, parts, run[0].pct.keyword, exhaustive=True, shares=[c.pct for c in run]))
    out.extend(_worded_sums(doc))
    return out


def _worded_sums(doc) -> list[SumClaim]:
    """"1-2月,全县实现大口径财政收入17056万元,…。从收入结构看:税收收入15348万元,占收入的89.99%,…;非税收入1708万元,占收入的
    10.01%": a run of shares of one generic word that makes 100% is a breakdown of the figure just before it that the word
    names, the latest of that name in its paragraph and no smaller than a part. Which figure that is, is a guess."""
    runs: dict[tuple[int, ...], list[ShareClaim]] = {}
    for c in doc.shares:
        if c.word and c.parts and c.total is None:
            runs.setdefault(tuple(id(p) for p in c.parts), []).append(c)
    out = []
    for run in runs.values():
        words = {c.word for c in run}
        parts = run[0].parts
        if len(words) != 1 or len(run) != len(parts):
            continue
        word = words.pop()
        first = min(parts, key=lambda p: p.q.start)
        para = paragraph_at(doc.paragraphs, first.q.start)
        if para is None:
            continue
        biggest = max(p.q.base for p in parts)
        named = [x for x in para.mentions if x.index < first.index and x.sent < first.sent and usable_amount(x)
                 and not x.q.approx and x.same_dimension(first) and x.q.base >= biggest
                 and _label_key(x.label).rstrip(SPARE).endswith(word)]
        if named:
            out.append(SumClaim(named[-1], list(parts), run[0].pct.keyword, exhaustive=True,
                                guess=f"the total is the figure before the shares whose name ends in their base ({word})"))
    return out


@dataclass
class PercentSet:
    """Shares written without their parts' figures, one after another: "行政单位占25.63%,事业单位占74.37%"."""
    pcts: list[Mention]
    whole: bool  # their names make a known whole (基本支出 and 项目支出; the three 三公 items …) of one base


def _base_words(m: Mention) -> str:
    """What a share is of, as its words say: the words after 占 ("第四季度政府采购规模的"), or "" for a bare 占/占比."""
    label = m.label
    at = max(label.rfind("占"), label.rfind("比重"))
    return label[at + 1:].removeprefix("比").removeprefix("重") if at >= 0 else ""


def _percent_runs(para: Paragraph) -> list[list[Mention]]:
    """Runs of shares with no figure of their own: each a percent of the share role (or, after a 分别, a percent
    following one) with no amount just before it in its clause, and nothing between two of them but words, commas
    and 、; a semicolon or the end of a sentence ends a run."""
    runs: list[list[Mention]] = []
    run: list[Mention] = []
    ms = para.mentions
    for k, m in enumerate(ms):
        prev = ms[k - 1] if k else None
        follows = (run and prev is run[-1] and m.sent == prev.sent and m.kind == "percent" and not m.q.approx
                   and (m.role == "share" or "分别" in run[0].label) and not any(
                       isinstance(it, Keyword) and (it.kind == "END" or it.text == ";")
                       for it in para.items[prev.index + 1:m.index]))
        if follows:
            run.append(m)
            continue
        if len(run) >= 2:
            runs.append(run)
        own = prev is not None and prev.sent == m.sent and prev.kind in ("money", "count") and prev.clause >= m.clause - 1
        run = [m] if m.kind == "percent" and m.role == "share" and not m.q.approx and not own else []
    if len(run) >= 2:
        runs.append(run)
    return runs


@claim_kind("percent_sets")
def _percent_sets(doc) -> list[PercentSet]:
    """Percent-only breakdowns ("从单位类别看,行政单位占25.63%,事业单位占74.37%;从级次看,中央级占15.24%,…"): in each run,
    the stretches of shares that make 100% are one breakdown each; a run whose names make a known whole and whose
    shares name one base is one breakdown, whatever it makes."""
    out: list[PercentSet] = []
    for para in doc.paragraphs:
        for run in _percent_runs(para):
            bases = {_base_words(m) for m in run if m.label}
            whole = len(bases) == 1 and (complete_pair(run) and len(run) == 2 or names_whole(run))
            if whole and not _about_hundred(run):
                out.append(PercentSet(run, True))
                continue
            claims = [ShareClaim(part=m, pct=m) for m in run]
            for start, end in _runs(len(claims), lambda s, claims=claims: _hundred_at(claims, s)):
                out.append(PercentSet(run[start:end], whole and end - start == len(run)))
    return out
