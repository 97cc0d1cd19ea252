"""`fiscal-lint summary RESULTS…`: what json or jsonl reports say, per document and per office, kind
of document and year, for an inspector who checked a whole collection.

The office, kind and year are read from each document's path, as offices and inspectors name their
files and folders:

- year: a 20xx in the file's name (not part of a longer number), otherwise in the nearest folder
  that has one (`2023/…`, `2023年度…决算.pdf`);
- kind: 三公 (三公经费), 绩效 (绩效自评), 决算 or 预算, the first of these in that order that the file's
  name holds, otherwise the nearest folder's (traditional characters are read too);
- office: the words of the file's name before its kind, without the year, when they end as the name of
  an office does (局, 委员会, 办公室, 中心, 学校, 镇, 县 …: `2023年度大英县行政审批局部门决算.pdf` →
  大英县行政审批局); otherwise the nearest folder named so (`县教育局/绩效/2021年项目支出绩效自评.pdf` →
  县教育局); otherwise the nearest folder that names neither a year nor a kind.

Each is empty when the path does not say it. A path met twice (in two RESULTS, or twice in one) is one
document: the later result stands.
"""
from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PureWindowsPath

import regex

from ..rx import lazy

YEAR = lazy(r"(?<![0-9])(20\d{2})(?![0-9])")
KINDS = [("三公", ("三公",)), ("绩效", ("绩效", "績效")), ("决算", ("决算", "決算")), ("预算", ("预算", "預算"))]
# cut from a file name to leave the office: the year as written, and the words that name the report
YEAR_WORDS = lazy(r"(?<![0-9])20\d{2}\s*(?:年度|年)?")
LEAD = lazy(r"^[\W\d_]+|^(?:关于|附件\d*|公开)+")
TAIL = lazy(r"(?:[\W\d_]|部门|单位|本级|的|年度|及)+$")
OFFICE = lazy(r"(?:局|委员会|委|办公室|办|厅|院|部|中心|所|站|队|会|馆|政府|处|校|学|园|镇|乡|街道|社区|村"
              r"|公司|集团|署|场|社|室|团|县|市|区|州|省|旗|盟)$")
SEVERITIES = ("error", "warning", "info")


class ResultsError(Exception):
    """A RESULTS file that is not a fiscal-lint json or jsonl report."""


@dataclass
class Doc:
    path: str
    status: str = "checked"  # or "error": the file could not be read
    error: str = ""
    verified: int = 0  # checks that passed
    failed: int = 0
    unsure: int = 0
    findings: Counter = field(default_factory=Counter)  # (code, severity) -> count
    names: dict = field(default_factory=dict)  # code -> rule name
    office: str = ""
    kind: str = ""
    year: str = ""

    def severity(self, s: str) -> int:
        return sum(n for (_, sev), n in self.findings.items() if sev == s)


def _parts(path: str) -> tuple[str, list[str]]:
    """The file's name without its suffix, and its folders nearest first."""
    p = PureWindowsPath(path)  # splits on / and \\ alike
    stem = p.name.rsplit(".", 1)[0] if "." in p.name else p.name
    folders = [x for x in reversed(p.parts[:-1]) if x not in ("", ".", "..", "/", "\\") and not x.endswith((":\\", ":"))]
    return stem, folders


def _kind(text: str) -> str:
    return next((kind for kind, words in KINDS if any(w in text for w in words)), "")


def facets(path: str) -> tuple[str, str, str]:
    """(office, kind, year) as the path says them; "" for what it does not say."""
    stem, folders = _parts(path)
    year = next((m.group(1) for text in [stem, *folders] for m in [YEAR.search(text)] if m), "")
    kind = next((k for text in [stem, *folders] for k in [_kind(text)] if k), "")
    office = (_office(stem) or next((o for f in folders if not _is_facet(f) for o in [_office(f)] if o), "")
              or next((f for f in folders if not _is_facet(f) and not YEAR.search(f)), ""))
    return office, kind, year


def _office(name: str) -> str:
    """The words of a name before its kind, without the year, when they read as the name of an office
    (they end as offices do: 局, 委员会, 办公室, 中心, 县 …)."""
    text = YEAR_WORDS.sub("", name)
    cut = [text.find(w) for _, words in KINDS for w in words if w in text]
    text = text[: min(cut)] if cut else text
    for _ in range(3):
        text = TAIL.sub("", LEAD.sub("", text.strip()))
    return text if OFFICE.search(text) and len(regex.findall(r"\p{Han}", text)) >= 2 else ""


def _is_facet(folder: str) -> bool:
    """A folder that names only a year or a kind (2023, 2023年, 决算, 部门预算)."""
    rest = YEAR_WORDS.sub("", folder)
    for _, words in KINDS:
        for w in words:
            rest = rest.replace(w, "")
    return not regex.sub(r"[\W\d_]|部门|经费|自评|报告|公开|说明|情况", "", rest)


# ---- reading ------------------------------------------------------------------------------------

def load(paths: list[str]) -> tuple[list[Doc], list[str]]:
    """The documents of every RESULTS file (json or jsonl), and notes on what had to be skipped."""
    docs: dict[str, Doc] = {}
    notes: list[str] = []
    for name in paths:
        try:
            with open(name, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            raise ResultsError(f"{name}: cannot read it ({getattr(e, 'strerror', None) or e})") from None
        for doc in _documents(name, text, notes):
            docs.pop(doc.path, None)  # the later result stands, in the later place
            docs[doc.path] = doc
    for doc in docs.values():
        doc.office, doc.kind, doc.year = facets(doc.path)
    return list(docs.values()), notes


def _documents(name: str, text: str, notes: list[str]):
    stripped = text.lstrip()
    if not stripped:
        raise ResultsError(f"{name}: empty, not a fiscal-lint json or jsonl report")
    try:
        whole = json.loads(text)
    except ValueError:
        whole = None
    if isinstance(whole, dict) and "files" in whole:
        _version(name, whole)
        yield from _from_json(name, whole)
        return
    lines = text.split("\n")
    for k, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            if k >= len(lines) - 1 and not text.endswith("\n"):  # cut off: the run was stopped mid-line
                notes.append(f"{name}:{k}: incomplete last line left out (the run was stopped?)")
                continue
            raise ResultsError(f"{name}:{k}: not JSON: not a fiscal-lint json or jsonl report") from None
        if not isinstance(obj, dict) or obj.get("type") not in ("file", "summary"):
            raise ResultsError(f"{name}:{k}: not a fiscal-lint json or jsonl report (a jsonl line has a "
                               f"\"type\" of \"file\" or \"summary\")")
        _version(f"{name}:{k}", obj)
        if obj["type"] == "file":
            yield _doc(obj.get("file") or {}, obj.get("findings") or [], obj.get("checks") or [], f"{name}:{k}")


def _version(where: str, obj: dict) -> None:
    if obj.get("version") != 1:
        raise ResultsError(f"{where}: version {obj.get('version')!r} of the report; this fiscal-lint reads version 1")


def _from_json(name: str, whole: dict):
    """Each file's findings and checks: the json lists them in the order of `files`, as many as it counts."""
    findings, checks = whole.get("findings") or [], whole.get("checks") or []
    fi = ci = 0
    for entry in whole.get("files") or []:
        nf, nc = (entry.get("findings", 0), entry.get("checks", 0)) if entry.get("status") == "checked" else (0, 0)
        yield _doc(entry, findings[fi: fi + nf], checks[ci: ci + nc], name)
        fi, ci = fi + nf, ci + nc


def _doc(entry: dict, findings: list, checks: list, where: str) -> Doc:
    if "path" not in entry:
        raise ResultsError(f"{where}: a file without a path: not a fiscal-lint report")
    doc = Doc(path=entry["path"], status=entry.get("status", "checked"), error=entry.get("error", ""))
    for f in findings:
        doc.findings[(f.get("code", "?"), f.get("severity", "?"))] += 1
        doc.names.setdefault(f.get("code", "?"), f.get("name", ""))
    status = Counter(c.get("status") for c in checks)
    doc.verified, doc.failed, doc.unsure = status["pass"], status["fail"], status["unsure"]
    return doc


# ---- tables -------------------------------------------------------------------------------------

def rule_codes(docs: list[Doc]) -> list[str]:
    return sorted({code for d in docs for code, _ in d.findings})


DOC_COLUMNS = ["path", "office", "kind", "year", "status", "reason", "verified", "failed", "unsure",
               "findings", *SEVERITIES]
GROUP_COLUMNS = ["office", "kind", "year", "documents", "unreadable", "verified", "failed", "unsure",
                 "findings", *SEVERITIES]
RULE_COLUMNS = ["code", "name", *SEVERITIES, "documents"]


def document_rows(docs: list[Doc]) -> tuple[list[str], list[list]]:
    """One row per document, with a column per rule that has findings."""
    codes = rule_codes(docs)
    rows = [[d.path, d.office, d.kind, d.year, d.status, d.error, d.verified, d.failed, d.unsure,
             sum(d.findings.values()), *(d.severity(s) for s in SEVERITIES),
             *(sum(n for (c, _), n in d.findings.items() if c == code) for code in codes)] for d in docs]
    return DOC_COLUMNS + codes, rows


def group_rows(docs: list[Doc]) -> tuple[list[str], list[list]]:
    """One row per office, kind and year."""
    groups: dict[tuple[str, str, str], list[Doc]] = defaultdict(list)
    for d in docs:
        groups[(d.office, d.kind, d.year)].append(d)
    rows = []
    for (office, kind, year), ds in sorted(groups.items(), key=lambda kv: tuple((k == "", k) for k in kv[0])):
        rows.append([office, kind, year, len(ds), sum(d.status != "checked" for d in ds),
                     sum(d.verified for d in ds), sum(d.failed for d in ds), sum(d.unsure for d in ds),
                     sum(sum(d.findings.values()) for d in ds), *(sum(d.severity(s) for d in ds) for s in SEVERITIES)])
    return GROUP_COLUMNS, rows


def rule_rows(docs: list[Doc]) -> tuple[list[str], list[list]]:
    """One row per rule with findings: how many of each severity, in how many documents."""
    names = {code: name for d in docs for code, name in d.names.items()}
    rows = []
    for code in rule_codes(docs):
        per = Counter()
        for d in docs:
            for (c, sev), n in d.findings.items():
                if c == code:
                    per[sev] += n
        rows.append([code, names.get(code, ""), *(per[s] for s in SEVERITIES),
                     sum(1 for d in docs if any(c == code for c, _ in d.findings))])
    return RULE_COLUMNS, rows


def write_csv(docs: list[Doc], path: str) -> None:
    """The per-document table (office, kind and year are columns, for grouping in a spreadsheet)."""
    header, rows = document_rows(docs)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:  # the BOM: Excel then reads UTF-8
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def write_xlsx(docs: list[Doc], path: str) -> None:
    """Three sheets: documents, groups (office, kind, year) and rules. Needs openpyxl (the office extra)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, (header, rows) in (("documents", document_rows(docs)), ("groups", group_rows(docs)),
                                  ("rules", rule_rows(docs))):
        sheet = book.create_sheet(title)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        if rows:
            sheet.auto_filter.ref = sheet.dimensions
    book.save(path)


WORDS = {
    "en": {"groups": "By office, kind and year", "rules": "Findings by rule", "documents": "Documents",
           "unreadable": "Could not be read", "total": "total", "office": "office", "kind": "kind", "year": "year",
           "documents_n": "docs", "unreadable_n": "unreadable", "verified": "verified", "unsure": "unsure",
           "error": "errors", "warning": "warnings", "info": "info", "code": "code", "name": "name", "path": "path",
           "reason": "why"},
    "zh": {"groups": "按单位、类别和年度", "rules": "按规则统计的问题", "documents": "各文件",
           "unreadable": "无法读取的文件", "total": "合计", "office": "单位", "kind": "类别", "year": "年度",
           "documents_n": "文件", "unreadable_n": "无法读取", "verified": "核对无误", "unsure": "不确定",
           "error": "错误", "warning": "警告", "info": "提示", "code": "代码", "name": "名称", "path": "路径",
           "reason": "原因"},
}
SHOWN = ("failed", "findings", "status")  # in the files, not in the terminal: failed = findings = their severities


def render(docs: list[Doc], console, lang: str = "en", per_document: bool = False) -> None:
    """Rich tables: the groups with their total, the rules, the files that could not be read, and with
    `per_document` each document. A facet the path does not say is shown as —."""
    from rich.table import Table

    w = WORDS[lang]
    heading = {"documents": w["documents_n"], "unreadable": w["unreadable_n"]}

    def table(title: str, header: list[str], rows: list[list], total: bool = False) -> Table:
        keep = [k for k, h in enumerate(header) if h not in SHOWN]
        t = Table(title=title, title_justify="left")
        for k in keep:
            text = header[k] in ("path", "office", "kind", "year", "code", "name", "reason")
            t.add_column(heading.get(header[k]) or w.get(header[k], header[k]), justify="left" if text else "right",
                         overflow="fold", no_wrap=not text)
        for row in rows:
            t.add_row(*("—" if row[k] == "" and header[k] in ("office", "kind", "year") else str(row[k]) for k in keep))
        if total and rows:
            t.add_section()
            t.add_row(*(w["total"] if n == 0 else "" if isinstance(rows[0][k], str) else str(sum(r[k] for r in rows))
                        for n, k in enumerate(keep)))
        return t

    if per_document:  # without the column of each rule: the table of rules follows
        header, rows = document_rows(docs)
        n = len(DOC_COLUMNS)
        console.print(table(w["documents"], [h for h in header[:n] if h != "reason"],
                            [[v for h, v in zip(header[:n], r, strict=False) if h != "reason"] for r in rows]))
    header, rows = group_rows(docs)
    if rows:
        console.print(table(w["groups"], header, rows, total=True))
    header, rows = rule_rows(docs)
    if rows:
        console.print(table(w["rules"], header, rows))
    bad = [d for d in docs if d.status != "checked"]
    if bad:
        console.print(table(w["unreadable"], ["path", "reason"], [[d.path, d.error] for d in bad]))
