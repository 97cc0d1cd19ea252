"""--format json: the public contract documented in docs/json-format.md (version 1)."""
from __future__ import annotations

from .pretty import item

from .. import __version__
from ..check.rule import Figure, Position
from ..run.engine import FileResult


def _where(p: Position) -> dict:
    return {"line": p.line, "column": p.column, "end_line": p.end_line, "end_column": p.end_column,
            "location": p.place}


def _figure(f: Figure) -> dict:
    return {"role": f.role, "text": f.text, "label": f.label, **_where(f.at)}


def file_entry(r: FileResult) -> dict:
    """One file's entry of `files`."""
    entry = {"path": r.path, "encoding": r.encoding, "status": "error" if r.error else "checked"}
    if r.rule_errors:
        entry["rule_errors"] = list(r.rule_errors)
    if r.notes:
        entry["notes"] = list(r.notes)
    if r.error:
        entry["error"] = r.error
    else:
        entry["findings"] = len(r.findings)
        entry["checks"] = len(r.checks)
    return entry


def finding_entries(r: FileResult, lang: str) -> list[dict]:
    return [{
        "path": r.path,
        **_where(f.at),
        "code": f.rule.code,
        "name": f.rule.name,
        "family": f.rule.family,
        "severity": f.severity,
        "message": f.message.get(lang),
        "expected": f.expected,
        "fingerprint": f.fingerprint,
        "figures": [_figure(x) for x in f.figures],
    } for f in r.findings]


def check_entries(r: FileResult) -> list[dict]:
    return [{
        "path": r.path,
        "line": c.at.line,
        "column": c.at.column,
        "location": c.at.place,
        "code": c.rule.code,
        "family": c.rule.family,
        "status": c.status,
        "figures": [_figure(x) for x in c.figures],
        **({"reading": c.reading} if c.status == "unsure" else {}),
    } for c in r.checks]


def file_parts(r: FileResult, lang: str) -> tuple[dict, list[dict], list[dict]]:
    """One file's entry of `files`, and its `findings` and `checks`."""
    return file_entry(r), finding_entries(r, lang), check_entries(r)


def suppressions(report) -> dict:
    return {
        "suppressed": report.suppressed,
        "baselined": report.baselined,
        "unused": [{"path": d.path, "line": d.line, "column": d.column, "directive": d.text} for d in report.unused],
        "unused_fingerprints": report.unused_fingerprints,
        "stale_baseline": report.stale,
    }


TOOL = {"name": "fiscal-lint", "version": __version__}
# bytes of a spool's entries held in memory before it goes to a temporary file: a report of 2,000 files is 11.5
# million, and their checks, which are no longer kept once encoded, took more
SPOOL = 32_000_000
CHUNK = 1 << 20  # bytes copied from a spool at a time


class Writer:
    """The report made while the files are checked: each file's entries are encoded as its result comes (under
    --jobs, while the workers go on; at the end only the copying is left), its findings and checks spooled until
    the entries of every file, which come first, are written. The bytes are json.dumps(report, indent=2)'s."""

    def __init__(self, stream, lang: str) -> None:
        import tempfile

        self.stream, self.lang = stream, lang
        self.files: list[str] = []  # a line for each file: small, kept in memory
        # in UTF-8, encoded once: a UTF-8 stream is given the bytes as they are (a 58 MB report was decoded and
        # encoded again, a third of a second after the last file)
        self.spools = [tempfile.SpooledTemporaryFile(SPOOL) for _ in range(2)]
        self.counts = [0, 0]

    def file(self, r: FileResult) -> None:
        entry, findings, checks = file_parts(r, self.lang)
        self.files.append(item(entry))
        for k, entries in enumerate((findings, checks)):
            for e in entries:
                self.spools[k].write((("[\n    " if not self.counts[k] else ",\n    ") + item(e)).encode())
                self.counts[k] += 1

    def end(self, report=None) -> None:
        write = self.stream.write
        write('{\n  "version": 1,\n  "tool": ' + item(TOOL, "\n  ") + ',\n  "files": ')
        write("[\n    " + ",\n    ".join(self.files) + "\n  ]" if self.files else "[]")
        for name, spool, count in zip(("findings", "checks"), self.spools, self.counts, strict=True):
            write(f',\n  "{name}": ')
            if count:
                spool.seek(0)
                _copy(spool, self.stream)
            write("\n  ]" if count else "[]")
            spool.close()
        if report is not None:
            write(',\n  "suppressions": ' + item(suppressions(report), "\n  "))
        write("\n}\n")


def _copy(spool, stream) -> None:
    """The UTF-8 bytes of `spool` written to the text stream `stream`: to its buffer as they are where it encodes
    in UTF-8 and does not translate newlines (a file, standard output, on all but Windows), else decoded."""
    import codecs
    import os

    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None)
    if buffer is not None and encoding and codecs.lookup(encoding).name == "utf-8" and os.linesep == "\n":
        stream.flush()
        while chunk := spool.read(CHUNK):
            buffer.write(chunk)
        return
    decoder = codecs.getincrementaldecoder("utf-8")()  # a chunk may end inside a character
    while chunk := spool.read(CHUNK):
        stream.write(decoder.decode(chunk))
    stream.write(decoder.decode(b"", final=True))


def write(results: list[FileResult], lang: str, write, report=None) -> None:
    """The report, given to `write` a piece at a time (each file's entries are made as they are written)."""
    writer = Writer(_Calls(write), lang)
    for r in results:
        writer.file(r)
    writer.end(report)


class _Calls:
    """A stream whose writes are calls of `write`."""

    def __init__(self, write) -> None:
        self.write = write


def render(results: list[FileResult], lang: str, report=None) -> str:
    out: list[str] = []
    write(results, lang, out.append, report)
    return "".join(out)
