"""Running the rules over files: one result per file, whatever happens to the others."""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field, replace

from ..check.rule import Broken, Check, Figure, Finding, Position
from ..claims.document import Document
from ..inputs.decode import InputError
from ..inputs.source import Source, expand, read
from . import budget
from .registry import rule_modules

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def locate(doc: Document, fig: Figure) -> Position:
    """Where a figure is: line and column in the original text, its end, and for PDF/Office/HTML inputs
    the place in the original; every report and the suppressions read this, nothing recomputes it."""
    norm = doc.norm
    line, col = norm.line_col(fig.start)
    end_line, end_col = norm.end_line_col(fig.end)
    a = norm.origin(fig.start)
    b = norm.origin(fig.end - 1) + 1 if fig.end > fig.start else a
    return Position(line, col, end_line, end_col, doc.source.place(a), (a, b))


@dataclass
class FileResult:
    path: str
    encoding: str | None = None
    findings: list[Finding] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    error: str | None = None
    doc: Document | None = None
    # rules that raised on this document: "FL101, FL102: IndexError: … (at sums.py:120)"; the others ran
    rule_errors: list[str] = field(default_factory=list)
    rule_tracebacks: list[str] = field(default_factory=list)  # the same, whole (--verbose)
    # what the caps of an absurd document left unread or unchecked (text/caps.py): "line 3: a table row of …"
    notes: list[str] = field(default_factory=list)


def lint_source(source: Source, rounding: str = "round", rule_options: dict[str, dict] | None = None) -> FileResult:
    """`rule_options`: rule code -> configured options (Settings.rule_options); rules read them, over their
    defaults, with doc.options(rule)."""
    result = FileResult(path=source.path, encoding=source.encoding)
    doc = Document(source, rounding=rounding, rule_options=rule_options)
    result.doc = doc
    for mod in rule_modules():
        codes = ", ".join(r.code for r in mod.RULES)
        try:
            # a bug costs the relation it struck (a Broken in its place), or failing that the rule's
            # verdicts still to come on this file; those already given stand
            for verdict in mod.check(doc):
                if isinstance(verdict, Broken):
                    _broken(result, codes, verdict.error)
                else:
                    _record(result, verdict)
        except Exception as e:
            _broken(result, codes, e)
    for where, e in doc.broken:  # a claim builder that raised on one paragraph: its claims there are lost
        _broken(result, where, e)
    result.notes = sorted(doc.notes, key=_line_of)
    result.findings.sort(key=lambda f: (f.anchor.start, f.rule.code))
    result.checks.sort(key=lambda c: (c.anchor.start, c.rule.code))
    for verdict in [*result.findings, *result.checks]:
        for fig in (verdict.anchor, *verdict.figures):
            if fig.at is None:
                fig.at = locate(doc, fig)
    return result


def _line_of(note: str) -> int:
    """Notes in the order of the document: "line 12: …" by its line, the others first."""
    head = note.split(":", 1)[0]
    return int(head[5:]) if head.startswith("line ") and head[5:].isdigit() else 0


def _broken(result: FileResult, where: str, e: BaseException) -> None:
    result.rule_errors.append(f"{where}: {_one_line(e)}")
    result.rule_tracebacks.append("".join(traceback.format_exception(e)))


def _one_line(e: BaseException) -> str:
    where = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
    at = f" (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
    return f"{type(e).__name__}: {e}{at}"


def _record(result: FileResult, verdict: Check | Finding) -> None:
    """One verdict of a rule: a finding, with the failing check it stands for, or a passing check."""
    if isinstance(verdict, Finding):
        if verdict.unsure:  # read with a guess: not a finding, but an unsure check saying what was guessed
            result.checks.append(replace(verdict.check(), status="unsure", reading=verdict.unsure,
                                         message=verdict.message))
            return
        result.findings.append(verdict)
        result.checks.append(verdict.check())
    elif isinstance(verdict, Check) and verdict.status == "pass":
        result.checks.append(verdict)
    else:
        raise TypeError(f"a rule yields a passing Check or a Finding, not {type(verdict).__name__} "
                        f"{getattr(verdict, 'status', '')}".rstrip())


def lint_paths(paths: list[str], encoding: str | None = None, rounding: str = "round", stdin=None,
               settings_for=None, limits=None, timeout: float | None = None) -> list[FileResult]:
    """Lint every file named or found; `settings_for(path)` (optional) gives each file's settings,
    whose exclusions, rounding and rule options apply. `timeout`: seconds each file may take (run/budget.py);
    a file that takes longer gets the error "timed out after N s" and the others are checked."""
    results = []
    for path in expand(paths):
        file_rounding, file_options = rounding, None
        if settings_for is not None:
            settings = settings_for(path)
            if path != "-" and settings.excluded(path):
                continue
            file_rounding, file_options = settings.rounding, settings.options_by_code()
        results.append(_lint_file(path, encoding, stdin, limits, file_rounding, file_options, timeout))
    return results


def _lint_file(path, encoding, stdin, limits, rounding, options, timeout) -> FileResult:
    source = None
    try:
        if path == "-":  # waiting on a slow pipe is not the document's doing: the budget starts once it is read
            source = read(path, encoding=encoding, stdin=stdin, limits=limits)
        with budget.limit(timeout):
            if source is None:
                source = read(path, encoding=encoding, stdin=stdin, limits=limits)
            try:
                return lint_source(source, rounding=rounding, rule_options=options)
            except Exception as e:  # a bug must not stop the other files; say where it happened
                where = traceback.extract_tb(e.__traceback__)[-1]
                return FileResult(path=path, encoding=source.encoding,
                                  error=f"internal error: {type(e).__name__}: {e} "
                                        f"(at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it")
    except budget.TimedOut as e:
        return FileResult(path=path, encoding=source.encoding if source else None, error=str(e))
    except InputError as e:
        return FileResult(path=path, error=str(e))
    except Exception as e:  # a reader library failing on a damaged file: report it, check the others
        return FileResult(path=path, error=f"cannot read: {type(e).__name__}: {str(e)[:120]}")
