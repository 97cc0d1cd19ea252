"""The same quantity stated twice."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..parse.extract import Keyword, Label
from ..parse.mentions import ATTACHED_ROLES, Mention, Paragraph
from .common import (
    FUNDS,
    fiscal_scope,
    is_title,
    scope_of,
    sent_start,
    unquoted,
)
from .kinds import claim_kind
from .sums import SumClaim
from ..rx import lazy

CATEGORIES = (
    "收入总计", "支出总计", "本年收入合计", "本年支出合计", "收入合计", "支出合计", "财政拨款收入", "事业收入",
    "基本支出", "项目支出", "人员经费", "公用经费", "三公经费", "因公出国(境)费", "公务用车购置及运行维护费",
    "公务用车运行维护费", "公务用车购置费", "公务接待费", "机关运行经费", "会议费", "培训费", "政府采购支出总额",
    "年初结转和结余", "年末结转和结余",
)
# other names offices give the same categories
ALIASES = (("公务用车购置及运行费", "公务用车购置及运行维护费"), ("公务用车运行费", "公务用车运行维护费"),
           ("因公出国(境)经费", "因公出国(境)费"), ("因公出国(境)费用", "因公出国(境)费"))
WHOLE_WORDS = ("总", "合计", "全部", "本年", "全年")
BASIS_WORDS = ("预算", "实际", "决算", "执行数", "支出数")


@dataclass
class CrossRef:
    first: Mention
    second: Mention
    category: str
    basis: str  # budget | actual
    inferred: bool  # one of them writes its basis, the other does not and was taken as actual
    guess: str = ""  # why the pairing may be wrong: a difference is then unsure


def _category(label: str) -> str:
    """The longest category a label names; none when it names two apart ("“会议费”“培训费”“差旅费”预算数3万元" is
    the three together, not 会议费)."""
    key = unquoted(label)
    for other, name in ALIASES:
        key = key.replace(other, name)
    found = [c for c in CATEGORIES if c in key]
    if not found:
        return ""
    best = max(found, key=len)
    if any(c not in best for c in found):
        return ""
    if not TAIL.fullmatch(key[key.rindex(best) + len(best):]):
        return ""  # "项目支出包括委员活动经费36.3万元": the figure is of something the category holds
    return best


# what may follow a category in a label that names it: its basis, a verb ("基本支出预算数为", "项目支出合计")
TAIL = lazy(r"(?:[\p{P}\s]|财政拨款|预算|决算|执行|实际|支出|收入|数|额|金额|用|合计|总计|共计|累计|完成|安排"
            r"|为|是|达到|达)*")
# what may stand before a category without making it another's: years, the unit, the funds ("2023年本级一般公共预算
# 财政拨款基本支出"); anything else ("城市公用事业附加支出总计") qualifies it
GENERIC_BEFORE = lazy(r"[\p{P}\s\d]|年度?|本年|当年|全年|本级|市本级|县本级|区本级|本单位|本部门|单位|部门|我单位|"
                      r"一般公共预算|政府性基金预算?|国有资本经营预算?|社会保险基金预算?|财政拨款|预算|决算|安排的?|"
                      r"实际|收入|支出|的|为|中|其中|包括")


# a qualifier that names an item of revenue or spending ("新增建设用地土地有偿使用费支出总计", "城市公用事业附加支出总计"):
# the category is that item's. Places, levels and kinds of unit ("河南省省级…", "事业单位和其他单位…") scope it
# no further than the statement's subject does
ITEM = lazy(r"(?:费|附加|出让|基金|资金|经费|收费|专项|补助|债券)$")


def _qualifier(label: str, category: str) -> str:
    """The item whose category a figure is ("新增建设用地土地有偿使用费" in "当年市本级新增建设用地土地有偿使用费支出总计")."""
    key = unquoted(label)
    if category not in key:
        return ""
    words = GENERIC_BEFORE.sub("", key[: key.rindex(category)])
    return words if ITEM.search(words) or SUBSET.fullmatch(words) else ""


# the words before a category when they cut it into kinds ("其中涉外的公务接待费140万元", "其他公务接待费517.42万元"): each
# is a part of it
SUBSET = lazy(r"(?:而|另|且)?(?:其他|其它|涉外|国内|国外|境内|境外|外事|非)")


CARVE = lazy(r"剔除|扣除|不含|除[^,:]{1,12}外")

# a body named at the start of a sentence, before its year or its quoted item: "市食药监局2015年“三公”经费…"
# (a news report comparing offices: the same category of two offices is not one quantity)
# ("以人力资源和社保部为例,2020年度…": the example the sentence takes)
BODY = lazy(r"^(?:比如|例如|如|其中|以)?[,:]?(\p{Han}{2,12}?(?:厅|局|委|办|院|中心|部|所|站|馆|队|校))"
            r"(?=为例|[,:]?(?:(?:19|20)\d\d年|“|\"))")


def _body(para: Paragraph, m: Mention) -> str:
    start = sent_start(para, m.sent)
    words = "".join(it.text for it in para.items[start:m.index] if isinstance(it, (Label, Keyword)))
    found = BODY.match(words)
    return found.group(1) if found else ""


# the level of government a figure is of: 全市 (the city with its counties) is not 市本级, nor 市级 县级
LEVEL = lazy(r"全(?:省|市|县|区|镇|乡|盟|州|旗)|(?:省|市|州|县|区|镇|乡|盟|旗)本级"
             r"|(?:省|市|县|区|乡镇|旗)级(?!预算单位|单位)")


YEAR_OF = lazy(r"(?:19|20)\d{2}(?=年)")
OPENING_DEBRIS = lazy(r"^[\p{P}\s\d年月]+")
DATE = lazy(r"(?:19|20)\d{2}年度?|\d+月(?:份|末|底)?")
HAN_RUN = lazy(r"\p{Han}+")


def _level(para: Paragraph, m: Mention) -> str:
    """The level the figure's label, or else its sentence's opening words, or else the paragraph's, names
    ("全区一般公共预算收入35.01亿元,…。收入合计55.60亿元" is 全区's, not 区本级's)."""
    found = LEVEL.search(m.label)
    if found:
        return found.group()
    for start in dict.fromkeys((sent_start(para, m.sent), 0)):
        words = "".join(it.text for it in para.items[start:m.index] if isinstance(it, (Label, Keyword)))
        found = LEVEL.match(OPENING_DEBRIS.sub("", words))
        if found:
            return found.group()
    return ""


def _level_guess(a: str, b: str) -> str:
    """"阿克苏地区…收入总计1934万元" then "阿克苏地区本级…收入总计504万元": a level of its own (本级) beside a figure that
    names none may be the whole beside its own part, not one quantity twice."""
    if bool(a) != bool(b) and "本级" in a + b:
        return "one statement is of the government's own level (本级), the other names no level"
    return ""


def _share_scope(para: Paragraph, m: Mention) -> str:
    """"项目支出469500元,占一般公共预算支出的19.62%": the fund of the share's base scopes the figure."""
    nxt = next((x for x in para.mentions if x.index > m.index), None)
    if nxt is not None and nxt.role == "share" and nxt.clause in (m.clause, m.clause + 1):
        return scope_of(nxt.label) if scope_of(nxt.label) in FUNDS else ""
    return ""


def crossrefs(paragraphs: list[Paragraph], sum_claims: list[SumClaim]) -> list[CrossRef]:
    """The same quantity (category, scope, basis, year) stated in two places.

    A figure's category is the longest known category in its label ("财政拨款基本支出预算" → 基本支出),
    or, for a bare "实际支出550.55万元", that of the figure before it in the sentence. Its basis is budget
    or actual from its words; a figure with neither is taken as actual (a 决算 figure), which makes a
    disagreement a warning. Figures scoped to 财政拨款 and unscoped ones are compared only when the
    document says all its spending or income is 财政拨款.
    """
    all_fiscal = _all_fiscal(paragraphs)
    seen: dict[tuple, list[tuple[Mention, bool, str, str]]] = {}
    out: list[CrossRef] = []
    owner_of = {id(p): c.total for c in sum_claims for p in c.parts}
    first_term = {id(c.total): c.parts[0] for c in sum_claims if c.closing and c.parts}
    section = ""  # the fund a heading names: "2. 政府性基金预算执行情况" scopes what follows it
    section_basis = ""
    section_year: int | None = None  # "三、2015年本市国有资本经营预算的安排情况": the year of what follows
    carve = ""
    for para in paragraphs:
        if _is_heading(para):
            words = "".join(it.text for it in para.items if isinstance(it, (Label, Keyword)))
            section = scope_of(words) if scope_of(words) in FUNDS else ""
            year = YEAR_OF.search(words)
            section_year = int(year.group()) if year else None
            # "一、2018年年初预算" / "二、2018年决算及变动": what follows is of that basis, whatever its figures' words say
            # "剔除高新区后:": what follows leaves part of the whole out, until the next heading
            carve = words if CARVE.search(words) else ""
            section_basis = "budget" if "预算" in words.replace("一般公共预算", "") and "决算" not in words else \
                "actual" if "决算" in words and "预算" not in words.replace("一般公共预算", "") else ""
            continue
        previous: Mention | None = None
        sentence_scope: dict[int, str] = {}
        fund = ""  # the fund named last in the paragraph: "全镇政府性基金支出0万元。加上…支出总计0万元" is of it
        for m in para.mentions:
            # "财政拨款收入总计A万元，支出总计B万元": the second figure is 财政拨款 too
            scope = scope_of(m.label) or sentence_scope.get(m.sent, "") or _share_scope(para, m)
            if scope:
                sentence_scope[m.sent] = scope
            if scope in FUNDS:
                fund = scope
            scope = scope or fund
            if m.kind != "money" or m.q.approx or m.role in ATTACHED_ROLES or m.role in ("adjust", "opening"):
                previous = m if m.kind == "money" else previous
                continue
            category = _category(m.label)
            if m.role in ("balance", "carry") and category not in ("年末结转和结余",):
                previous = m
                continue  # "基本支出结余0元" is a balance of 基本支出, not 基本支出
            if not category and previous is not None and previous.sent == m.sent and m.role in ("actual", "budget") \
                    and not any(c in m.label for c in ("收入", "支出合计")) and _bare(m.label):
                category = _category(previous.label)
            previous = m
            if not category or any(w in m.label for w in ("较", "比", "增加", "减少", "人均", "车均", "平均", "生均", "户均")):
                continue
            basis = {"budget": "budget", "actual": "actual"}.get(m.role)
            inferred = basis is None
            bare = m.label
            for f in FUNDS:
                bare = bare.replace(f + "预算", "").replace(f, "")  # the fund's name holds 预算
            if inferred and any(w in bare for w in BASIS_WORDS):
                continue  # a basis word the roles did not resolve: leave it alone
            if inferred:
                # "实际完成总收入…总支出550.55万元(其中基本支出499.98万元…)": the sentence's basis word before it
                said = _basis_before(para, m)
                if said is not None:
                    basis, inferred = said, False
            basis = basis or "actual"
            if all_fiscal and scope == "财政拨款":
                scope = ""  # all its money is 财政拨款: the scopes coincide
            # "初中教育支出…其中:基本支出X", "高中教育支出…其中:基本支出Y": a part is scoped by what it is a part of
            # (a part of the unit's whole, 总支出 or 支出合计, is the unit's own)
            owner = owner_of.get(id(m))
            within = ""
            if owner is not None and not _category(owner.label) and not any(w in owner.label for w in WHOLE_WORDS):
                within = owner.label[-8:]
            term = first_term.get(id(m))
            if term is not None and not _category(term.label):
                # "市本级教育支出117.9亿元,加上…补助支出38.3亿元,市级支出合计156.2亿元": the sum of that item's spending
                within = term.label[-8:]
            key = (category, scope or section, basis, m.year or section_year, within, _qualifier(m.label, category), carve)
            who = _body(para, m), _level(para, m)
            earlier = seen.setdefault(key, [])
            # the latest statement of the same quantity: of the same body and level and under a heading of the same
            # basis, or where either names none
            agree = lambda a, b: not a or not b or a == b  # noqa: E731
            first = next(((f, fi, fw) for f, fi, fw, fs in reversed(earlier)
                          if all(map(agree, who, fw)) and agree(section_basis, fs)), None)
            if first is not None:
                was, was_inferred, (_, was_level) = first
                # both without a basis word are read alike; one with and one without is the doubtful pairing
                out.append(CrossRef(was, m, category, basis, inferred != was_inferred,
                                    guess=_level_guess(who[1], was_level)))
            else:
                earlier.append((m, inferred, who, section_basis))
    return out


def _bare(label: str) -> bool:
    """A label that names only a basis ("实际支出", "决算数为"), no category of its own."""
    return len(regex.sub(r"[\p{P}\s]|实际|支出|预算|决算|执行|完成|数|为|金额|是|的", "", label)) <= 1


def _basis_before(para: Paragraph, m: Mention) -> str | None:
    """The nearest budget or actual word before a figure in its sentence."""
    start = sent_start(para, m.sent)
    for it in reversed(para.items[start:m.index]):
        if isinstance(it, Keyword) and it.kind in ("BUDGET", "ACTUAL"):
            return "budget" if it.kind == "BUDGET" else "actual"
    return None


def _is_heading(para: Paragraph) -> bool:
    """A short line without amounts: a heading."""
    length = sum(len(it.text) for it in para.items)
    return length <= 40 and not any(m.kind in ("money", "percent") for m in para.mentions)


def _all_fiscal(paragraphs: list[Paragraph]) -> bool:
    """"总支出550.55万元…其中财政拨款支出550.55万元" or "收入预算707万元,其中:财政拨款收入707万元"."""
    for para in paragraphs:
        ms = [m for m in para.mentions if m.kind == "money" and not m.q.approx and m.q.value > 0]
        for a in ms:
            if ("总支出" in a.label or "总收入" in a.label or "收入预算" in a.label) and not fiscal_scope(a):
                if any(b is not a and b.index > a.index and "财政拨款" in b.label and b.q.base == a.q.base for b in ms):
                    return True
    return False


# words a restatement may add or drop around the name of its figure ("全年完成一般公共预算收入" is "一般公共预算收入")
LEAD = lazy(r"^(?:其中|全年|今年|当年|本年|年度|累计|共|合计|完成|实现|为|达到|是|的|全县|全市|全区|全省)+|"
            r"(?:完成|实现|为|达到|是|的|共计|合计)+$")
# "行政单位资产总额" restates "行政单位资产": the whole of a thing is the thing
WHOLE_TAIL = lazy(r"(?:总额|总量)$")


def _restated_name(label: str) -> str:
    words = "".join(HAN_RUN.findall(DATE.sub("", unquoted(label))))
    return LEAD.sub("", words)


def _fund_before(para: Paragraph, m: Mention) -> str:
    """The fund the paragraph names last before a figure ("…政府性基金上年结余…,上级补助收入14.64亿元" is the fund's)."""
    words = "".join(it.text for it in para.items[:m.index] if isinstance(it, (Label, Keyword)))
    at = {f: words.rfind(f) for f in FUNDS}
    fund = max(at, key=at.get)
    return fund if at[fund] >= 0 else ""


def _near(a: Mention, b: Mention) -> bool:
    """Values close enough to be one figure written twice, one of them perhaps mistyped: far apart (5682万元 for the
    month, 17056万元 for the year so far), the same words name two quantities."""
    lo, hi = sorted((abs(a.q.base), abs(b.q.base)))
    return hi == 0 or lo * 5 >= hi * 4


def restatements(paragraphs: list[Paragraph], taken: set[int]) -> list[CrossRef]:
    """"…一般公共预算收入完成33.82亿元…" in the lead and again in the body: an amount stated twice under the same
    words (six characters or more, none of them a category the reading above knows), of the same year and level.
    The same value twice is the same figure; two values may be two scopes the words do not tell apart, so a
    difference is only unsure."""
    seen: dict[tuple, tuple] = {}
    out: list[CrossRef] = []
    for para in paragraphs:
        for m in para.mentions:
            if (m.kind != "money" or m.q.approx or m.role in ATTACHED_ROLES or m.role in ("adjust", "opening")
                    or id(m) in taken):
                continue
            name = _restated_name(m.label)
            if len(name) < 6 or _category(m.label) or any(w in name for w in ("较", "比", "增", "减", "其中")):
                continue
            key = (WHOLE_TAIL.sub("", name), m.year, _level(para, m), m.role == "budget", _fund_before(para, m))
            first, where = seen.get(key, (None, None))
            seen[key] = (m, (para.start, m.sent))
            if first is not None and where != (para.start, m.sent) and _near(first, m):
                out.append(CrossRef(first, m, name, "budget" if m.role == "budget" else "actual", False,
                                    guess="the same words name both figures, which may be of two scopes"))
    return out


SUBJECT_MIN = 4  # Han characters the two subjects must end alike in: "支出" alone names any spending


def _subject(para: Paragraph, m: Mention) -> str:
    """What a headline's figure, or the body's, is of: a change or a share is of the words before its keyword
    in its clause ("全国政府采购规模较上年下降1.6%"), or else of the amount before it in its sentence ("…规模为36399亿元,
    较上年下降1.6%"); an amount is of its label."""
    if m.kind == "money" and m.role != "delta":
        return _restated_name(m.label)
    start = next(i for i in range(m.index, -1, -1) if i == 0 or isinstance(para.items[i - 1], Keyword)
                 and para.items[i - 1].kind in ("SEP", "END"))
    words = ""
    for it in para.items[start:m.index]:
        if isinstance(it, Keyword) and it.kind in ("BASE", "UP", "DOWN", "SHARE", "COMPARE"):
            break
        if isinstance(it, Label) or isinstance(it, Keyword) and it.kind != "YEAR":
            words += it.text
    name = _restated_name(words)
    if len(name) >= SUBJECT_MIN:
        return name
    owner = next((x for x in reversed(para.mentions) if x.index < m.index and x.sent == m.sent and x.kind == "money"
                  and x.role not in ATTACHED_ROLES), None)
    return _restated_name(owner.label) if owner is not None else ""


def _same_subject(a: str, b: str) -> bool:
    """"河南公务接待费" and "全省公务接待费" end alike: four characters or more, and all of the shorter but what a headline
    adds before the words the body uses (two characters of time or place: 河南, 去年)."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n >= SUBJECT_MIN and n >= min(len(a), len(b)) - 2


def _kind_of(m: Mention) -> tuple | None:
    """What a headline figure must be matched with: an amount, a change (amount or percent) of one direction, a share."""
    if m.q.approx:
        return None  # "超七成", "逾183亿元": a headline rounds and bounds
    if m.kind == "money" and m.role not in ATTACHED_ROLES and m.role not in ("adjust", "opening"):
        return ("money",)
    if m.role in ("pct", "delta") and m.sign and m.kind in ("percent", "money"):
        return (m.role, m.sign)
    if m.kind == "percent" and m.role == "share":
        return ("share",)
    return None


def headlines(paragraphs: list[Paragraph], taken: set[int]) -> list[CrossRef]:
    """"2021年全国政府采购规模较上年下降1.6%" over "…全国政府采购规模为36399亿元,较上年下降1.6%": a headline's figure
    and the body's first figure of the same kind, direction and subject, before the next headline of such a figure. A headline
    restates what its body says in fewer words, so the pairing is a reading of both: a difference is unsure."""
    out: list[CrossRef] = []
    for i, para in enumerate(paragraphs):
        if not is_title(para):
            continue
        for m in para.mentions:
            kind = _kind_of(m)
            subject = _subject(para, m) if kind and id(m) not in taken else ""
            if not subject:
                continue
            match = None
            for body in paragraphs[i + 1:]:
                if is_title(body) and any(_kind_of(b) == kind for b in body.mentions):
                    break  # the next story's headline (a dateline "2023.7" is none)
                match = next((b for b in body.mentions if _kind_of(b) == kind and id(b) not in taken
                              and _same_subject(subject, _subject(body, b)) and (not m.year or not b.year or
                              m.year == b.year)), None)
                if match is not None:
                    break
            if match is not None and _near(m, match):
                taken.update((id(m), id(match)))
                # the headline is the one to blame: it is written from the body, in fewer words
                out.append(CrossRef(match, m, subject, "actual", False,
                                    guess="a headline restates its body in fewer words, perhaps of another scope"))
    return out


@claim_kind("crossrefs")
def _crossrefs(doc) -> list[CrossRef]:
    found = crossrefs(doc.paragraphs, doc.sums)
    taken = {id(m) for c in found for m in (c.first, c.second)}
    found += restatements(doc.paragraphs, taken)
    taken.update(id(m) for c in found for m in (c.first, c.second))
    return found + headlines(doc.paragraphs, taken)
