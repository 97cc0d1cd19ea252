"""Opening input: a path (or standard input) to a Source, by its suffix: plain text is decoded, documents go
to their reader (HTML, Word, Excel, PDF). The one table of suffixes lives here."""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .decode import InputError, decode
from .limits import Limits, check_size
from .located import Extracted

EXTRAS = {".pdf": "pdf", ".docx": "office", ".xlsx": "office", ".xls": "office"}
SUFFIXES = (".html", ".htm", ".docx", ".xlsx", ".xls", ".pdf")
# the inputs that can hold fiscal-lint's inline comments (<!-- fiscal-lint: disable=… -->)
COMMENT_SUFFIXES = (".md", ".markdown", ".html", ".htm")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".xlsx", ".xls", ".pdf")


@dataclass
class Source:
    path: str  # as the user named it; "-" for standard input
    text: str
    encoding: str  # for text files; the reader's name (pdf, docx, xlsx, xls, html) for the others
    locator: object | None = None  # inputs.located.Locator: offsets of `text` back to pages, cells, paragraphs
    notes: list[str] = field(default_factory=list)  # what the reader could not read as it is

    def place(self, offset: int) -> dict | None:
        return self.locator.at(offset) if self.locator is not None else None


def read(path: str, encoding: str | None = None, stdin=None, limits=None) -> Source:
    limits = limits or Limits()
    if path == "-":
        import sys

        data = read_stream(stdin or sys.stdin.buffer, limits)
    else:
        data = read_file(path, limits)
    check_size(data, limits)
    if path.lower().endswith(SUFFIXES):
        extracted = read_document(path, data, limits)
        return Source(path=path, text=extracted.text, encoding=extracted.kind, locator=extracted.locator,
                      notes=extracted.notes)
    text, used = decode(data, encoding)
    # One line-ending convention downstream; columns stay in characters of each line.
    return Source(path=path, text=text.replace("\r\n", "\n").replace("\r", "\n"), encoding=used)


def read_stream(stream, limits: Limits) -> bytes:
    """At most max_bytes + 1 bytes of a stream (standard input, a pipe, /dev/zero): one byte more than the
    limit is enough to know it is too large, and nothing more is ever held."""
    return stream.read(limits.max_bytes + 1)


KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
         (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int) -> InputError:
    kind = next((name for test, name in KINDS if test(mode)), "not a regular file")
    return InputError(f"not a regular file: {kind}; to check a stream, pipe it to standard input (fiscal-lint check -)")


def _os_error(e: OSError) -> InputError:
    if isinstance(e, FileNotFoundError):
        return InputError("no such file")
    if isinstance(e, PermissionError):
        return InputError("permission denied")
    if e.errno == errno.ELOOP:
        return InputError("too many levels of symbolic links (a symlink loop?)")
    return InputError(e.strerror or str(e))


def read_file(path: str, limits: Limits) -> bytes:
    """The bytes of a regular file named by the user, never more than max_bytes + 1 of them. Named pipes and
    devices are refused before they are opened (a FIFO without a writer blocks forever, /dev/zero never
    ends); a file that grows while it is read is cut at the limit like a stream."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise _os_error(e) from None
    if stat.S_ISDIR(st.st_mode):
        try:
            with os.scandir(path):
                pass
        except OSError as e:
            raise InputError(f"cannot list this folder: {_os_error(e)}") from None
        raise InputError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise _not_regular(st.st_mode)
    if st.st_size > limits.max_bytes:
        raise InputError(f"file too large: {st.st_size} bytes (limit {limits.max_bytes}; see --max-bytes)")
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: should the path have become a FIFO since, opening it does not wait
    except OSError as e:
        raise _os_error(e) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _not_regular(mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as f:
            return read_stream(f, limits)
    except OSError as e:
        raise _os_error(e) from None
    finally:
        os.close(fd)


def resolved(path: str) -> Path:
    """The absolute path, symbolic links resolved where they can be: a symlink loop (which Path.resolve
    refuses) keeps its own name."""
    return _resolved(os.path.abspath(path))


@lru_cache(maxsize=4096)
def _resolved(absolute: str) -> Path:
    # once per path and run: settings, suppressions and reports ask for each file's several times, and each
    # answer is a walk of the file system (cached by the absolute path, so a change of directory is no stale hit)
    try:
        return Path(absolute).resolve()
    except (OSError, RuntimeError):
        return Path(absolute)


def expand(paths: list[str]) -> list[str]:
    """Files named directly are kept whatever their suffix; folders give the documents inside them
    (text, Markdown, HTML, Word, Excel, PDF). A folder that cannot be listed (here or inside) is kept as
    itself, so that reading it reports why."""
    out: list[str] = []
    for name in paths:
        if name == "-" or not os.path.isdir(name):
            out.append(name)
            continue
        found: list[str] = []
        unlisted: list[str] = []

        def failed(e: OSError, unlisted=unlisted, name=name) -> None:
            unlisted.append(str(Path(e.filename)) if e.filename else name)

        for folder, _dirs, files in os.walk(name, onerror=failed):
            base = Path(folder)
            for f in files:
                p = base / f
                if p.suffix.lower() in TEXT_SUFFIXES and p.is_file():
                    found.append(str(p))
        out.extend(sorted(found + unlisted))
    return out


def read_document(path: str, data: bytes, limits) -> Extracted:
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    try:
        if suffix in (".html", ".htm"):
            from . import html

            return html.read(data)
        if suffix == ".docx":
            from . import docx

            return docx.read(data, limits)
        if suffix in (".xlsx", ".xls"):
            from . import sheets

            return sheets.read(data, limits, suffix)
        if suffix == ".pdf":
            from . import pdf

            return pdf.read(data, limits)
    except ImportError as e:
        extra = EXTRAS.get(suffix, "")
        raise InputError(f"reading {suffix} files needs the '{extra}' extra: pip install 'fiscal-lint[{extra}]' "
                         f"({e.name} is missing)") from None
    raise InputError(f"no reader for {suffix or 'this file'}")
