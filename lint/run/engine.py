"""Running the rules over files: one result per file, whatever happens to the others."""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field, replace

from ..check.rule import Check, Finding
from ..claims.document import Document
from ..inputs.decode import InputError
from ..inputs.source import Source, expand, read
from .registry import rule_modules

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def where(result, offset: int) -> tuple[int, int, dict | None]:
    """Line and column in the checked text, and, for PDF/Office/HTML inputs, the original place."""
    line, col = result.doc.norm.line_col(offset)
    return line, col, result.doc.source.place(result.doc.norm.origin(offset))


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


def lint_source(source: Source, rounding: str = "round", rule_options: dict[str, dict] | None = None) -> FileResult:
    """`rule_options`: rule code -> configured options (Settings.rule_options); rules read them, over their
    defaults, with doc.options(rule)."""
    result = FileResult(path=source.path, encoding=source.encoding)
    doc = Document(source, rounding=rounding, rule_options=rule_options)
    result.doc = doc
    for mod in rule_modules():
        try:
            outs = list(mod.check(doc))
        except Exception as e:  # a bug in one rule costs that rule's verdicts on this file, nothing else
            codes = ", ".join(r.code for r in mod.RULES)
            result.rule_errors.append(f"{codes}: {_one_line(e)}")
            result.rule_tracebacks.append("".join(traceback.format_exception(e)))
            continue
        for out in outs:
            (result.findings if isinstance(out, Finding) else result.checks).append(out)
    _unsure(result)
    result.findings.sort(key=lambda f: (f.anchor.start, f.rule.code))
    result.checks.sort(key=lambda c: (c.anchor.start, c.rule.code))
    return result


def _one_line(e: BaseException) -> str:
    where = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
    at = f" (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
    return f"{type(e).__name__}: {e}{at}"


def _unsure(result: FileResult) -> None:
    """A finding whose reading needed a guess is not a finding: its failed check becomes an unsure one."""
    unsure = [f for f in result.findings if f.unsure]
    if not unsure:
        return
    result.findings = [f for f in result.findings if not f.unsure]
    for f in unsure:
        for k, c in enumerate(result.checks):
            if c.status == "fail" and c.rule is f.rule and c.anchor.start == f.anchor.start:
                result.checks[k] = replace(c, status="unsure", reading=f.unsure, message=f.message)
                break


def lint_paths(paths: list[str], encoding: str | None = None, rounding: str = "round", stdin=None,
               settings_for=None, limits=None) -> list[FileResult]:
    """Lint every file named or found; `settings_for(path)` (optional) gives each file's settings,
    whose exclusions, rounding and rule options apply."""
    results = []
    for path in expand(paths):
        file_rounding, file_options = rounding, None
        if settings_for is not None:
            settings = settings_for(path)
            if path != "-" and settings.excluded(path):
                continue
            file_rounding, file_options = settings.rounding, settings.options_by_code()
        try:
            source = read(path, encoding=encoding, stdin=stdin, limits=limits)
        except InputError as e:
            results.append(FileResult(path=path, error=str(e)))
            continue
        except Exception as e:  # a reader library failing on a damaged file: report it, check the others
            results.append(FileResult(path=path, error=f"cannot read: {type(e).__name__}: {str(e)[:120]}"))
            continue
        try:
            results.append(lint_source(source, rounding=file_rounding, rule_options=file_options))
        except Exception as e:  # a bug must not stop the other files; say where it happened
            where = traceback.extract_tb(e.__traceback__)[-1]
            results.append(FileResult(path=path, encoding=source.encoding,
                                      error=f"internal error: {type(e).__name__}: {e} "
                                            f"(at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it"))
    return results
