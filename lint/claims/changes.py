"""Changes against a base period (较上年, 同比 …)."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..parse.extract import Keyword, Label, Quantity
from ..parse.mentions import Mention, Paragraph
from .common import (
    own_clause,
    MAX_SENTENCES_BACK,
    inside_list,
    outside_brackets,
    sent_start,
    usable_amount,
    YEAR,
)
from .kinds import claim_kind
from ..rx import lazy


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
    guess: str = ""  # how the current figure was found, when that was a guess


@claim_kind("changes")
def _changes(doc) -> list[ChangeClaim]:
    out: list[ChangeClaim] = []
    previous: Paragraph | None = None
    for para in doc.paragraphs:
        read = changes(para, previous.mentions if previous is not None else None)
        out.extend(read)
        out.extend(unstated_base(para, {id(c.delta) for c in read if c.delta is not None}))
        previous = para
    return out


def _next_to(between) -> bool:
    """Only a comma and the direction word between a figure and its change: "与2012年预算30850万元相比,增加…" (the
    figure compared with) and "2066万元(其中:…146万元),减少12万元" (a part in brackets) are not the changed figure."""
    for it in between:
        if isinstance(it, Keyword) and (it.kind in ("UP", "DOWN") or it.kind == "SEP" and it.text == ","):
            continue
        if isinstance(it, Label) and not regex.search(r"[^,\s]", it.text):
            continue
        return False
    return True


def unstated_base(para: Paragraph, taken: set[int]) -> list[ChangeClaim]:
    """"累计完成公共财政预算支出124241万元,增加5025万元,增加4.22%": a change amount and percent right after the
    figure they are of, with no base phrase. Whatever the base, the percent is the amount over current − amount,
    so nothing needs to be known of it. Read only where each clause holds its figure and direction word alone."""
    out: list[ChangeClaim] = []
    ms = para.mentions
    for k in range(1, len(ms) - 1):
        cur, delta, pct = ms[k - 1], ms[k], ms[k + 1]
        if (id(delta) in taken or delta.role != "delta" or pct.role != "pct" or not delta.sign or not pct.sign
                or not usable_amount(cur) or cur.q.approx or delta.q.approx or pct.q.approx or pct.kind != "percent"
                or not cur.same_dimension(delta) or not (cur.sent == delta.sent == pct.sent)
                or not (cur.clause < delta.clause <= pct.clause <= delta.clause + 1)
                or not own_clause(para, delta) or not own_clause(para, pct) or delta.keyword is None
                or not _next_to(para.items[cur.index + 1:delta.index])):
            continue
        out.append(ChangeClaim(base=delta.keyword, base_sent=delta.sent, current=cur, delta=delta, pct=pct))
    return out


PREVIOUS_PERIOD = lazy(r"上年|上一年|去年|同期|同比")


def _period(base: str) -> str:
    """What a base phrase compares with: last year, a budget, or a year ("较上年决算数", "与上年" → 上年)."""
    year = YEAR.search(base)
    if "预算" in base:
        return "预算" + (year.group() if year else "")
    if year:
        return year.group()
    return "上年" if PREVIOUS_PERIOD.search(base) else base


def _compared_with_other(items, j: int) -> bool:
    """"增幅与全疆各地州市水平基本持平": the words of the clause before 持平 compare with something else (与…), so it
    says nothing of the change against the base."""
    for it in reversed(items[:j]):
        if isinstance(it, Keyword) and it.kind in ("SEP", "END", "BASE"):
            return False
        if isinstance(it, Label) and "与" in it.text:
            return not regex.match(r"(?:上年|去年|上一年|同期|(?:19|20)\d{2}年)", it.text.split("与")[-1])
    return False


def changes(para: Paragraph, before: list[Mention] | None = None) -> list[ChangeClaim]:
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
    repeated: set[int] = set()
    for bi, kw in enumerate(items):
        if not (isinstance(kw, Keyword) and kw.kind == "BASE") or bi in repeated:
            continue
        deltas: list[Mention] = []
        pcts: list[Mention] = []
        points: list[Mention] = []
        flat: Keyword | None = None
        stated_prev: Mention | None = None  # "较2022年预算1.50万元增长75%": the figure compared with, after the base
        reached: Mention | None = None
        sent = para.sent_of[bi]
        j = bi + 1
        clause_has_change = True
        first_group: tuple[int, int, int] | None = None
        while j < len(items) and para.sent_of[j] == sent:
            it = items[j]
            if isinstance(it, Keyword):
                if it.kind == "BASE" and it.text == kw.text and _repeats(items, j, deltas, pcts):
                    repeated.add(j)  # "同比增加8.25万元，同比增长2.8%": the comparator said again
                    j += 1
                    continue
                if (it.kind == "BASE" and it.text.startswith("与") and (deltas or pcts) and _period(it.text) == _period(kw.text)
                        and j + 1 < len(items) and isinstance(items[j + 1], Keyword) and items[j + 1].kind == "FLAT"):
                    repeated.add(j)  # "较上年增加0.45万元,增长16.4%,与上年持平": the same comparison, said to be level
                    j += 1
                    continue
                if it.kind in ("BASE", "END"):
                    break
                if it.kind == "FLAT" and not _compared_with_other(items, j):
                    flat = it
                    clause_has_change = True
                if it.kind == "SEP" and isinstance(items[j - 1], Keyword) and items[j - 1].kind == "SEP":
                    j += 1
                    continue  # "增加2.8万元,,增长127.27%": a separator typed twice opens no clause
                if it.kind == "SEP":
                    if not clause_has_change and (deltas or pcts or points or flat):
                        break  # a clause without change figures ("主要原因是…") ends the group
                    nxt = items[j + 1] if j + 1 < len(items) else None
                    if first_group is None and isinstance(nxt, Label) and len(GENERIC.sub("", nxt.text)) >= 2:
                        first_group = (len(deltas), len(pcts), len(points))  # where a clause naming a subject begins
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
                elif m.role == "versus" and m.kind == "money" and not (deltas or pcts or points or stated_prev):
                    stated_prev = m
                elif (stated_prev is not None and reached is None and m.same_dimension(stated_prev)
                      and isinstance(items[j - 1], Keyword) and items[j - 1].kind == "REACH"):
                    reached = m  # "由上年的17916.00元增加到21360.17元": from the figure compared with to this one
                else:
                    break
            j += 1
        if not (deltas or pcts or points or flat):
            continue
        if len(deltas) > 1 or len(pcts) > 1 or len(points) > 1:
            paired = _distributive(para, bi, kw, sent, deltas, pcts)
            if paired or first_group is None or max(first_group) > 1 or not any(first_group):
                claims.extend(paired)
                continue
            # "…比今年704.9亿元增加3.7亿元,岁入减少主要因…收入减少约202亿元,…增加172亿元": the figures after the first
            # clause that names a subject of its own are that subject's, not more of this change
            deltas, pcts, points = deltas[:first_group[0]], pcts[:first_group[1]], points[:first_group[2]]
        delta = deltas[0] if deltas else None
        dim = delta  # the current figure is of the change amount's kind (money, or a count of the same unit)
        # "…2712万元(其中:购置费0万元,运行维护费2712万元),比预算数减少107万元": not a figure in brackets closed before it
        cands = [m for m in outside_brackets(para, bi) if usable_amount(m) and not m.q.approx
                 and m.sent >= sent - MAX_SENTENCES_BACK and (dim is None or m.same_dimension(dim))]
        # "…支出5万元,比2019年预算增加2.8万元。其中:运行费2.8万元,比2019年预算增加2.8万元": a figure whose change against
        # the same base is stated already is not the one a later change is of
        compared = {c.current.index for c in claims if c.current is not None and _period(c.base.text) == _period(kw.text)}
        cands = [m for m in cands if m.index not in compared] or cands
        # "…增加52.00万元，增长5.2%，达到1,052.00万元": the figure the change reached, stated after it
        after = next((m for m in para.mentions if m.index >= j and m.sent == sent), None)
        if (after is not None and usable_amount(after) and not after.q.approx
                and (dim is None or after.same_dimension(dim))
                and _reached(items, max(m.index for m in deltas + pcts + points) + 1 if deltas or pcts or points else j, after)):
            cands.insert(0, after)
        if reached is not None:
            cands.insert(0, reached)
        guess = ""
        if not cands and before:
            # a line that names its subject but not its figure ("“三公”经费预算数比上年减少0.06万元"): the current
            # figure is the one of the line before whose label names the same subject, year and basis, when one does
            start = sent_start(para, sent)
            subject = _subject(items, start, bi)
            words = "".join(it.text for it in items[start:bi] if isinstance(it, (Label, Keyword)))
            basis = "budget" if "预算" in words and "决算" not in words else "actual" if "决算" in words else ""
            pool = [m for m in reversed(before) if usable_amount(m) and not m.q.approx
                    and (dim is None or m.same_dimension(dim))]
            year = next((int(it.text.split("年")[0]) for it in reversed(items[:bi])
                         if isinstance(it, Keyword) and it.kind == "YEAR"), None)
            # a respectively-list's first label names every item ("货物类、工程类和服务类采购金额分别为6571.4亿元、…"): it
            # names no one figure
            named = [m for m in pool if _names(subject, m.label) and "分别" not in m.label
                     and (m.year is None or year is None or m.year == year)
                     and not (basis == "budget" and m.role == "actual") and not (basis == "actual" and m.role == "budget")]
            if len({m.q.base for m in named}) == 1:
                cands = [named[0]]  # one figure of that subject, year and basis: a link, not a guess
        if cands and cands[0].sent != sent and not guess:
            # a current figure in an earlier sentence is a link when it names the subject the change is of
            if inside_list(para, sent_start(para, sent), bi):
                # "…总额为5.48万元…。其中,…公务接待费…比去年增加0.5万元": the change is a part's, the figure the whole's
                guess = "the change is of a listed part; the current figure before is the whole's"
            elif not _heads(_subject(items, sent_start(para, sent), _first_figure(para, bi, sent)), cands[0].label):
                guess = "the current figure stands in an earlier sentence"
        if cands and _adjacent(para, cands[0], bi, sent):
            # "社会保障和就业支出完成54730万元,同比增加2348万元,增长5%": the figure right before its base is the one
            # changed; another figure of the sentence that happens to agree with a whole percent proves nothing
            cands = cands[:1]
        claim = ChangeClaim(base=kw, base_sent=sent, current=cands[0] if cands else None, delta=delta,
                            pct=pcts[0] if pcts else None, points=points[0] if points else None, flat=flat,
                            candidates=cands[1:], guess=guess, previous=stated_prev)
        pair = _year_pair(para, bi)
        if stated_prev is None and pair and (delta is None and claim.pct is not None
                                             or delta is not None and claim.current in pair):
            # "2020年度…2.2万元,2019年度…7.08万元…比上年减少68.93%": both years are stated
            claim.current, claim.previous = pair
            claim.candidates = []
        claims.append(claim)
    return claims


GENERIC = lazy(r"[\p{P}\s\d]|(?:19|20)\d\d年度?|预算数|决算数|为|是|的|上年|本年|年度|年")


def _adjacent(para: Paragraph, current: Mention, bi: int, sent: int) -> bool:
    """Is the figure the last thing before the base in its sentence, with no other figure, list word or bracket
    between them, in a sentence that opens no list before it, in a clause of its own?"""
    if current.sent != sent or current.index > bi:
        return False
    between = para.items[current.index + 1:bi]
    if any(isinstance(it, Quantity) or isinstance(it, Keyword) and it.kind in ("PARTS", "TOTAL", "USE") for it in between):
        return False
    if any(")" in it.text or "(" in it.text for it in between if isinstance(it, Label)):
        return False
    start = sent_start(para, sent)
    if any(isinstance(it, Keyword) and it.kind in ("PARTS", "USE") for it in para.items[start:current.index]):
        return False
    # and its clause opens the sentence or an item of it (after ";" or ":"): after "," it may be a figure about the
    # one before ("完成4859万元,占…月进度的99.4%,月进度29万元,较上年同月减收300万元")
    k = current.index - 1
    while k >= start and not isinstance(para.items[k], Quantity) and not (
            isinstance(para.items[k], Keyword) and para.items[k].kind == "SEP"):
        k -= 1
    return k < start or isinstance(para.items[k], Keyword) and para.items[k].text in ";:"


def _reached(items, j: int, after: Mention) -> bool:
    """Between the change and a figure after it, a word for what the change reached ("，达到1,052.00万元") and
    nothing else: a figure with a name of its own ("公务用车购置费预算数为43.48万元") starts a new statement."""
    between = items[j:after.index]
    return (any(isinstance(it, Keyword) and it.kind == "REACH" for it in between)
            and all(isinstance(it, Keyword) and it.kind in ("REACH", "SEP") for it in between))


def _first_figure(para: Paragraph, after: int, sent: int) -> int:
    """Where the change's figures begin: "与2023年度相比，收入支出总计减少56.95万元" names its subject after the base."""
    return next((m.index for m in para.mentions if m.index > after and m.sent == sent), after)


def _subject(items, start: int, end: int) -> str:
    """The words of a sentence before its base phrase, generic words aside: what the change is of."""
    words = [it.text for it in items[start:end] if isinstance(it, Label) or isinstance(it, Keyword) and it.kind != "BASE"]
    return GENERIC.sub("", "".join(words))


def _names(subject: str, label: str) -> bool:
    """Does a figure's label name the subject: three characters of it in a row, generic words aside?"""
    label = GENERIC.sub("", label)
    return len(subject) >= 3 and any(subject[i:i + 3] in label for i in range(len(subject) - 2))


def _heads(subject: str, label: str) -> bool:
    """Does the subject name what a figure's label names first: the label's first three characters, generic
    words aside ("全国公务用车采购金额比上年减少…" is not of "货物类采购金额", though both say 采购金额)?"""
    label = GENERIC.sub("", label)
    return len(label) >= 3 and label[:3] in subject


def _repeats(items, j: int, deltas: list, pcts: list) -> bool:
    """The base word again right after a clause break, when the group so far has an amount but no percent
    (or a percent but no amount), and the next figure completes it."""
    if not (deltas or pcts) or (deltas and pcts):
        return False
    prev = items[j - 1] if j > 0 else None
    return isinstance(prev, Keyword) and prev.kind == "SEP"


def _distributive(para: Paragraph, bi: int, kw: Keyword, sent: int, deltas: list[Mention],
                  pcts: list[Mention]) -> list[ChangeClaim]:
    """"收入和支出分别为4125.49、4143.91万元，较上年各减少1267.86、2570.97万元，各下降23.51%、38.28%": as many
    figures before the base, in the same sentence, as there are amounts (and percents) after it; paired in order."""
    k = len(deltas)
    if k < 2 or (pcts and len(pcts) != k):
        return []
    def listed(n: int) -> list[Mention]:
        return [m for m in para.mentions if m.index < bi and m.sent == n and usable_amount(m) and not m.q.approx
                and m.same_dimension(deltas[0])]

    before = listed(sent)
    if not before:
        # "收、支总计各是4125.49,4143.91万元。与2021年相比,各减少1267.86,2570.97万元": the figures are the whole
        # of the sentence before, and as many as the amounts
        before = listed(sent - 1)
        if len(before) != k:
            return []
    if len(before) < k:
        return []
    currents = before[-k:]
    return [ChangeClaim(base=kw, base_sent=sent, current=c, delta=d, pct=pcts[n] if pcts else None)
            for n, (c, d) in enumerate(zip(currents, deltas, strict=True))]


# "比最低的甘肃省高826.05元": a figure that is how far one thing is from another, not a level of anything
GAP = lazy(r"(?:^|[,;:])[比较][^,;:。]*?(?:高|低|多|少)(?:出|了)?$")


def _year_pair(para: Paragraph, before: int) -> tuple[Mention, Mention] | None:
    """Two figures of one quantity for consecutive years, the later first."""
    prior = [m for m in para.mentions if m.index < before and usable_amount(m) and m.year and not m.q.approx
             and not GAP.search(m.label)]
    for a in reversed(prior):
        for b in reversed(prior):
            if (b is not a and b.year == a.year - 1 and b.same_dimension(a) and _same_subject(a.label, b.label)
                    and not _compared_between(para, a, b)):
                return a, b
    # "普通小学上年10321.31元,本年10359.52元,同口径比上年增长…": the years named by words, in the change's sentence
    sent = para.sent_of[before]
    here = [m for m in para.mentions if m.index < before and m.sent == sent and usable_amount(m) and not m.q.approx]
    this = [m for m in here if THIS_YEAR.search(m.label)]
    last = [m for m in here if LAST_YEAR.search(m.label)]
    if len(last) != 1:
        return None
    if not this:
        # "…经费为64469万元,与上年的73991万元同口径相比增…": the figure before last year's is this year's
        this = [m for m in here if m.index < last[0].index][-1:]
    if len(this) == 1 and this[0].same_dimension(last[0]):
        return this[0], last[0]
    return None


def _compared_between(para: Paragraph, a: Mention, b: Mention) -> bool:
    """A comparison of its own between the two ("…企业有38家,比上年增加5家。…2010年…有30家"): the earlier figure is
    the current one of that comparison, not this one's previous year."""
    lo, hi = sorted((a.index, b.index))
    return any(isinstance(it, Keyword) and it.kind == "BASE" for it in para.items[lo + 1:hi])


THIS_YEAR = lazy(r"(?:本|今|当)年度?(?:为|是)?$")
LAST_YEAR = lazy(r"(?:上|去)年度?(?:同期)?(?:的|为|是)?$")


def _same_subject(a: str, b: str) -> bool:
    strip = lambda t: regex.sub(r"[\p{P}\s]|年度?|为|是", "", t)  # noqa: E731
    a, b = strip(a), strip(b)
    return bool(a) and bool(b) and (a in b or b in a or a[-2:] == b[-2:])
