"""--format html: one self-contained page (no network, no CDN) showing each document with its figures
marked: the figure a finding blames in red (one mark per finding), the other figures of every verified
relation underlined, and, when a finding is selected, every figure of its relation highlighted.

Every piece of document text goes through html.escape: a document holding markup or script shows it
as text.
"""
from __future__ import annotations

import bisect
import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .. import __version__
from ..inputs.located import describe
from ..run.engine import FileResult
from ..run.registry import all_rules

WORDS = {
    "en": {"title": "fiscal-lint report", "documents": "documents", "verified": "relations verified",
           "failed": "failed", "findings": "findings", "rule": "rule", "severity": "severity", "count": "count",
           "expected": "consistent figure", "rules": "Rules", "consistent": "Consistent example",
           "inconsistent": "Inconsistent example", "none": "No findings.", "error": "could not be read",
           "line": "line", "select": "Select a finding to see the figures it relates."},
    "zh": {"title": "fiscal-lint 检查报告", "documents": "个文件", "verified": "处数字关系核对无误",
           "failed": "处不符", "findings": "个问题", "rule": "规则", "severity": "级别", "count": "数量",
           "expected": "一致的数字应为", "rules": "规则说明", "consistent": "一致的示例",
           "inconsistent": "不一致的示例", "none": "未发现问题。", "error": "无法读取",
           "line": "行", "select": "点击问题可突出显示相关数字。"},
}

STYLE = """
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header,section{background:#fff;margin:12px;padding:12px 16px;border:1px solid #d0d7de;border-radius:6px}
h1{font-size:20px;margin:0 0 8px} h2{font-size:16px;margin:0 0 8px;word-break:break-all}
table.stats{border-collapse:collapse;margin:8px 0} table.stats td,table.stats th{border:1px solid #d0d7de;padding:2px 8px}
.totals span{margin-right:16px}
.findings{list-style:none;padding:0;margin:0 0 12px}
.findings li{padding:6px 8px;border-left:4px solid #cf222e;margin:4px 0;background:#fff8f8;cursor:pointer}
.findings li.warning{border-color:#bf8700;background:#fffbea} .findings li.info{border-color:#0969da;background:#f3f8ff}
.findings li.selected{outline:2px solid #0969da}
.findings .code{font-weight:600} .findings .expected{color:#1a7f37;font-weight:600}
.text{font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace;font-size:13px;white-space:pre-wrap;word-break:break-all;
 border-top:1px solid #d0d7de;padding-top:8px}
.line{display:block} .ln{color:#8c959f;user-select:none;display:inline-block;width:3.5em;text-align:right;margin-right:8px}
.fig{border-bottom:1px dotted #8c959f}
.fig.pass{border-bottom:1px solid #2da44e}
mark.finding{background:#ffd7d5;color:#a40e26;font-weight:600;border:1px solid #cf222e;border-radius:2px;cursor:pointer}
mark.finding.warning{background:#fff1c2;color:#7d4e00;border-color:#bf8700}
mark.finding.info{background:#ddf4ff;color:#0550ae;border-color:#0969da}
.hl{background:#b6e3ff !important;outline:2px solid #0969da}
table.doc{border-collapse:collapse;margin:6px 0;font-size:12px;white-space:normal}
table.doc td{border:1px solid #d0d7de;padding:2px 6px;vertical-align:top;max-width:28em}
td.bad{background:#ffebe9}
.rule{border-top:1px solid #d0d7de;padding-top:8px;margin-top:8px} .rule pre{background:#f6f8fa;padding:6px;white-space:pre-wrap}
svg text{font-size:11px}
"""

SCRIPT = """
(function(){
  function clear(){document.querySelectorAll('.hl').forEach(function(e){e.classList.remove('hl')});
    document.querySelectorAll('.findings li.selected').forEach(function(e){e.classList.remove('selected')});}
  function select(id){
    clear();
    var item=document.getElementById('item-'+id); if(item){item.classList.add('selected');}
    document.querySelectorAll('[data-claims~="'+id+'"]').forEach(function(e){e.classList.add('hl')});
    var anchor=document.getElementById('mark-'+id); if(anchor){anchor.scrollIntoView({block:'center'});}
  }
  document.addEventListener('click',function(ev){
    var t=ev.target.closest('[data-select]'); if(!t){return;}
    if(ev.target.closest('a')){return;}
    select(t.getAttribute('data-select'));
  });
  window.fiscalLintSelect=select;
})();
"""


@dataclass
class Mark:
    start: int  # offsets in the original text
    end: int
    claims: set[str] = field(default_factory=set)
    status: str = "pass"
    findings: list[tuple[str, str]] = field(default_factory=list)  # (claim id, severity)


def _marks(r: FileResult) -> dict[tuple[int, int], Mark]:
    marks: dict[tuple[int, int], Mark] = {}

    def mark(fig, claim: str, status: str) -> Mark:
        a, b = fig.at.span
        m = marks.setdefault((a, b), Mark(a, b))
        m.claims.add(claim)
        if status == "fail":
            m.status = "fail"
        return m

    for i, c in enumerate(r.checks):
        for fig in c.figures:
            mark(fig, f"c{i}", c.status)
    for i, f in enumerate(r.findings):
        for fig in f.figures:
            mark(fig, f"f{i}", "fail")
        mark(f.anchor, f"f{i}", "fail").findings.append((f"f{i}", f.severity))
    return marks


def _within(marks: list[Mark], starts: list[int], a: int, b: int) -> list[Mark]:
    """The marks inside [a, b], in order: found by bisection in the sorted marks, not by reading them all for
    every line and cell (which made the page quadratic in the length of the document)."""
    out = []
    for k in range(bisect.bisect_left(starts, a), len(marks)):
        m = marks[k]
        if m.start > b:
            break
        if m.end <= b:
            out.append(m)
    return out


def _render(text: str, a: int, b: int, marks: list[Mark]) -> str:
    """Escaped text[a:b] with the marks inside it."""
    out = []
    pos = a
    for m in marks:
        if m.start < pos or m.end > b:
            continue
        out.append(html.escape(text[pos:m.start]))
        inner = html.escape(text[m.start:m.end])
        for fid, severity in reversed(m.findings):
            inner = (f'<mark class="finding {severity}" id="mark-{fid}" data-select="{fid}" '
                     f'data-claims="{fid}">{inner}</mark>')
        cls = "fig fail" if m.status == "fail" else "fig pass"
        out.append(f'<span class="{cls}" data-claims="{" ".join(sorted(m.claims))}">{inner}</span>')
        pos = m.end
    out.append(html.escape(text[pos:b]))
    return "".join(out)


def _document(r: FileResult, lang: str, index: int) -> str:
    w = WORDS[lang]
    doc = r.doc
    text = doc.norm.original
    marks = sorted(_marks(r).values(), key=lambda m: (m.start, m.end))
    mark_starts = [m.start for m in marks]
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    # original line ranges of the tables, and the tables that start on each line
    table_at: dict[int, tuple[int, object]] = {}
    for t in doc.tables:
        first = doc.norm.line_col(t.rows[0].cells[0].start)[0] if t.rows and t.rows[0].cells else None
        last_cell = t.rows[-1].cells[-1] if t.rows and t.rows[-1].cells else None
        if first is None or last_cell is None:
            continue
        last = doc.norm.line_col(max(last_cell.start, last_cell.end - 1))[0]
        table_at[first] = (last, t)
    bad_cells = {m.start for m in marks if m.findings}
    body = []
    n = 1
    while n <= len(lines):
        if n in table_at:
            last, t = table_at[n]
            body.append(_table(doc, t, marks, mark_starts, bad_cells))
            n = last + 1
            continue
        a, b = starts[n - 1], starts[n - 1] + len(lines[n - 1])
        inside = _within(marks, mark_starts, a, b)
        body.append(f'<span class="line" id="d{index}-l{n}"><span class="ln">{n}</span>{_render(text, a, b, inside)}</span>')
        n += 1
    items = []
    for i, f in enumerate(r.findings):
        at = html.escape(describe(f.at.place)) if f.at.place else f'{w["line"]} {f.at.line}:{f.at.column}'
        expected = (f' <span class="expected">→ {html.escape(w["expected"])}: {html.escape(f.expected)}</span>'
                    if f.expected else "")
        items.append(
            f'<li id="item-f{i}" class="{f.severity}" data-select="f{i}">'
            f'<span class="where">{at}</span> '
            f'<a class="code" href="#rule-{f.rule.code}">{f.rule.code}</a> {html.escape(f.rule.name)} '
            f'[{f.severity}] — {html.escape(f.message.get(lang))}{expected}</li>')
    findings = f'<ul class="findings">{"".join(items)}</ul>' if items else f"<p>{w['none']}</p>"
    passed = sum(1 for c in r.checks if c.status == "pass")
    notes = "".join(f'<p class="note">{html.escape(n)}</p>' for n in r.notes)
    return (f'<section class="doc" id="doc-{index}"><h2>{html.escape(r.path)}</h2>'
            f'<p>{passed} {w["verified"]}; {len(r.findings)} {w["findings"]}. {w["select"]}</p>'
            f'{notes}{findings}<div class="text">{"".join(body)}</div></section>')


def _table(doc, t, marks: list[Mark], starts: list[int], bad_cells: set[int]) -> str:
    text = doc.norm.original
    rows = []
    for row in t.rows:
        cells = []
        for c in row.cells:
            if c.end > c.start:
                a, b = doc.norm.origin(c.start), doc.norm.origin(c.end - 1) + 1
            else:
                a = b = doc.norm.origin(c.start)
            inside = _within(marks, starts, a, b)
            cls = ' class="bad"' if any(m.start in bad_cells for m in inside) else ""
            cells.append(f"<td{cls}>{_render(text, a, b, inside)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="doc">{"".join(rows)}</table>'


def _chart(counts: Counter) -> str:
    """Findings per rule as a small bar chart, inline SVG."""
    if not counts:
        return ""
    items = sorted(counts.items())
    top = max(counts.values())
    bar_h, width = 16, 260
    height = bar_h * len(items) + 4
    bars = []
    for k, (code, n) in enumerate(items):
        y = 2 + k * bar_h
        length = max(2, int(width * n / top))
        bars.append(f'<text x="0" y="{y + 12}">{code}</text><rect x="48" y="{y + 2}" width="{length}" height="{bar_h - 4}" '
                    f'fill="#cf222e"></rect><text x="{52 + length}" y="{y + 12}">{n}</text>')
    return (f'<svg class="chart" role="img" width="{width + 90}" height="{height}" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>')


def render(results: list[FileResult], lang: str) -> str:
    w = WORDS[lang]
    checked = [r for r in results if not r.error]
    findings = [f for r in checked for f in r.findings]
    per_rule = Counter(f.rule.code for f in findings)
    per_rule_sev: dict[str, Counter] = defaultdict(Counter)
    for f in findings:
        per_rule_sev[f.rule.code][f.severity] += 1
    passed = sum(1 for r in checked for c in r.checks if c.status == "pass")
    failed = sum(1 for r in checked for c in r.checks if c.status == "fail")
    names = {r.code: r for r in all_rules()}
    stats = "".join(
        f'<tr><td><a href="#rule-{code}">{code}</a></td><td>{html.escape(names[code].name)}</td>'
        f'<td>{per_rule_sev[code]["error"]}</td><td>{per_rule_sev[code]["warning"]}</td>'
        f'<td>{per_rule_sev[code]["info"]}</td></tr>' for code in sorted(per_rule))
    stats_table = (f'<table class="stats"><tr><th>{w["rule"]}</th><th></th><th>error</th><th>warning</th>'
                   f'<th>info</th></tr>{stats}</table>') if stats else ""
    errors = "".join(f'<p class="input-error">{html.escape(r.path)}: {w["error"]} — {html.escape(r.error)}</p>'
                     for r in results if r.error)
    def n(count: int, key: str) -> str:
        word = w[key]
        return f"{count} {word[:-1] if lang == 'en' and count == 1 and word.endswith('s') else word}"

    header = (f'<header><h1>{w["title"]}</h1><div class="totals">'
              f'<span id="n-documents">{n(len(results), "documents")}</span>'
              f'<span id="n-verified">{passed} {w["verified"]}</span><span>{failed} {w["failed"]}</span>'
              f'<span id="n-findings">{n(len(findings), "findings")}</span></div>'
              f'{stats_table}{_chart(per_rule)}{errors}</header>')
    docs = "".join(_document(r, lang, i) for i, r in enumerate(checked))
    used = sorted(per_rule) or []
    rules_html = []
    for code in used:
        rule = names[code]
        expl = rule.explanation.get(lang) if rule.explanation else ""
        rules_html.append(
            f'<div class="rule" id="rule-{code}"><h3>{code} {html.escape(rule.name)}</h3>'
            f'<p>{html.escape(rule.summary.get(lang))}</p><p>{html.escape(expl)}</p>'
            f'<p>{w["consistent"]}</p><pre>{html.escape(rule.good)}</pre>'
            f'<p>{w["inconsistent"]}</p><pre>{html.escape(rule.bad)}</pre></div>')
    rules_section = f'<section id="rules"><h2>{w["rules"]}</h2>{"".join(rules_html)}</section>' if rules_html else ""
    return (f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="generator" content="fiscal-lint {__version__}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{w['title']}</title><style>{STYLE}</style></head><body>"
            f"{header}{docs}{rules_section}<script>{SCRIPT}</script></body></html>\n")
