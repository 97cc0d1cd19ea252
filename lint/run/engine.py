"""Running the rules over files: one result per file, whatever happens to the others.

The work is planned as one Job per file (plain data), and run in this process, in a pool of worker
processes (`--jobs`) or on a dask.distributed cluster (`--scheduler`); results come back in the order
of the files whichever way they ran."""
from __future__ import annotations

import gc
import os
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from ..check.rule import Broken, Check, Figure, Finding, Position, fingerprint
from ..claims.document import Document
from ..inputs.decode import InputError
from ..inputs.source import COMMENT_SUFFIXES, Source, expand, read
from ..text.normalize import Normalized
from . import WORKER, pool
from . import budget
from .grade import grade
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
class DocumentView:
    """What the reports and the suppressions read of a Document — where it came from, its text with
    the map back to the original, its tables — without the claims built from it: plain data, small,
    what a worker process or a cluster sends back in place of the Document."""
    source: Source
    norm: Normalized
    tables: list

    @property
    def path(self) -> str:
        return self.source.path

    @classmethod
    def of(cls, doc: Document) -> DocumentView:
        return cls(doc.source, doc.norm, doc.tables)


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

    def portable(self, view: bool = True) -> FileResult:
        """The same result with the Document cut down to what the reports read (a DocumentView), or, with
        `view` False, without it where the suppressions do not read it either (a file that holds no comments):
        the json, jsonl, concise, GitHub and GitLab reports read only the findings and checks, whose places
        and fingerprints are worked out here."""
        if not view and not self.path.lower().endswith(COMMENT_SUFFIXES):
            return replace(self, doc=None) if self.doc is not None else self
        if isinstance(self.doc, Document):
            return replace(self, doc=DocumentView.of(self.doc))
        return self


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
    result.findings = grade(result.findings, result.checks)
    for f in result.findings:
        f.fingerprint = fingerprint(doc.norm.text, f)
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


@dataclass(frozen=True)
class Job:
    """One file's work as it crosses to a worker process or a cluster: plain data only."""
    path: str
    encoding: str | None = None
    rounding: str = "round"
    options: dict[str, dict] | None = None
    limits: object | None = None
    source: Source | None = None  # already read here: standard input, or files for a cluster to check
    error: str | None = None  # could not be read here
    timeout: float | None = None  # seconds the file may take (run/budget.py); None: no limit
    view: bool = True  # a worker sends back the DocumentView (FileResult.portable): the report reads the document


def plan(paths: list[str], encoding: str | None = None, rounding: str = "round", stdin=None, settings_for=None,
         limits=None, timeout: float | None = None, view: bool = True) -> list[Job]:
    """A Job for every file named or found, in order; `settings_for(path)` (optional) gives each file's
    settings, whose exclusions, rounding and rule options apply; `view`: whether the report reads the documents
    (FileResult.portable). Standard input is read now."""
    jobs = []
    for path in expand(paths):
        file_rounding, file_options = rounding, None
        if settings_for is not None:
            settings = settings_for(path)
            if path != "-" and settings.excluded(path):
                continue
            file_rounding, file_options = settings.rounding, settings.options_by_code()
        job = Job(path, encoding, file_rounding, file_options, limits, timeout=timeout, view=view)
        jobs.append(read_here(job, stdin) if path == "-" else job)
    return jobs


def read_here(job: Job, stdin=None) -> Job:
    """The job with its file read in this process (or the reason it could not be)."""
    if job.source is not None or job.error is not None:
        return job
    got = _read(job, stdin)
    return replace(job, source=got) if isinstance(got, Source) else replace(job, error=got.error)


def _read(job: Job, stdin=None) -> Source | FileResult:
    try:
        return read(job.path, encoding=job.encoding, stdin=stdin, limits=job.limits)
    except InputError as e:
        return FileResult(path=job.path, error=str(e))
    except Exception as e:  # a reader library failing on a damaged file: report it, check the others
        return FileResult(path=job.path, error=f"cannot read: {type(e).__name__}: {str(e)[:120]}")


def check(job: Job) -> FileResult:
    """Read and lint one file within its time budget; whatever goes wrong becomes the error of its result.
    (Standard input is read before: waiting on a slow pipe is not the document's doing.)"""
    if job.error is not None:
        return FileResult(path=job.path, error=job.error)
    source = job.source
    try:
        with budget.limit(job.timeout):
            if source is None:
                source = _read(job)
            if isinstance(source, FileResult):
                return source
            try:
                return lint_source(source, rounding=job.rounding, rule_options=job.options)
            except Exception as e:  # a bug must not stop the other files; say where it happened
                where = traceback.extract_tb(e.__traceback__)[-1]
                return FileResult(path=job.path, encoding=source.encoding,
                                  error=f"internal error: {type(e).__name__}: {e} "
                                        f"(at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it")
    except budget.TimedOut as e:
        return FileResult(path=job.path, encoding=getattr(source, "encoding", None), error=str(e))


def check_portable(job: Job) -> FileResult:
    """What a worker runs: check(), with the Document cut down to what crosses back."""
    return check(job).portable(job.view)


def warm() -> None:
    """A worker's start: load the rules, build the grammar's parser with every scanner of its lexer and compile
    the modules' patterns, once, before the first file (in the forkserver, so that each worker and each
    replacement of one is forked warm)."""
    from .. import rx
    from ..parse.extract import parser
    from ..parse.scan import scanners

    rule_modules()
    scanners(parser())
    rx.compile_all()  # each worker would compile those it meets in its first files, and each replacement again
    settle()


# allocations between collections of the youngest generation (Python's default: 700)
GC_THRESHOLD = 10_000
SETTLE_FILES = 50  # a run of this many files settles (below, a run is too short for it to matter)


def settle() -> None:
    """What is loaded by now lives as long as the process: the garbage collector stops scanning it, and collects
    less often. A run keeps every file's result to the end; with the defaults, each full collection walked all of
    them again (unpickling 2,000 results took three times as long)."""
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def _died(job: Job, reason: str) -> FileResult:
    return FileResult(path=job.path, error=f"internal error: {reason}; please report it")


# below this many bytes in all, the default --jobs checks in this process: starting workers would take
# longer than the work (benchmarks/bench.py measures both)
AUTO_MIN_BYTES = 1_000_000


def size(job: Job) -> int:
    """About how much work a job is: the bytes of its file (the characters of a text already read)."""
    if job.source is not None:
        return len(job.source.text)
    try:
        return os.path.getsize(job.path)
    except OSError:
        return 0


def workers_for(jobs: list[Job], wanted: int | None) -> int:
    """How many processes to check `jobs` with: `wanted` (--jobs), or by default the cores available
    when the files are big enough to be worth starting workers for; never more than the files."""
    if wanted is None:
        total = 0
        for job in jobs:
            total += size(job)
            if total >= AUTO_MIN_BYTES:
                break
        wanted = pool.cpus() if total >= AUTO_MIN_BYTES else 1
    return max(1, min(wanted, len(jobs)))


def run(jobs: Iterable[Job], workers: int = 1, scheduler: str | None = None) -> Iterator[FileResult]:
    """The results of `jobs`, in their order: in this process (workers 1), in a pool of `workers`
    processes, or on the dask.distributed cluster at `scheduler` (the files are read here and sent)."""
    if scheduler:
        yield from pool.on_cluster(check_portable, (read_here(j) for j in jobs), scheduler, died=_died, weight=size)
    elif workers > 1:
        yield from pool.ordered(check_portable, jobs, workers, died=_died, initializer=warm,
                                preload=[WORKER], weight=size)
    else:
        for job in jobs:
            yield check(job)


def lint_paths(paths: list[str], encoding: str | None = None, rounding: str = "round", stdin=None,
               settings_for=None, limits=None, jobs: int = 1, scheduler: str | None = None,
               timeout: float | None = None) -> list[FileResult]:
    """Lint every file named or found; `settings_for(path)` (optional) gives each file's settings,
    whose exclusions, rounding and rule options apply. `jobs`: processes to spread the files over (1:
    this one; None: as `check`'s default, see workers_for); `scheduler`: the address of a dask.distributed
    scheduler to run them on instead; `timeout`: seconds each file may take (run/budget.py), after which it gets
    the error "timed out after N s" and the others are checked."""
    planned = plan(paths, encoding=encoding, rounding=rounding, stdin=stdin, settings_for=settings_for, limits=limits,
                   timeout=timeout)
    return list(run(planned, workers_for(planned, jobs), scheduler))
