"""Opening input: a path (or standard input) to a Source, by its suffix: plain text is decoded, documents go
to their reader (HTML, Word, Excel, PDF). The one table of suffixes lives here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .decode import InputError, decode
from .limits import Limits, check_size
from .located import Extracted

EXTRAS = {".pdf": "pdf", ".docx": "office", ".xlsx": "office", ".xls": "office"}
SUFFIXES = (".html", ".htm", ".docx", ".xlsx", ".xls", ".pdf")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".xlsx", ".xls", ".pdf")


@dataclass
class Source:
    path: str  # as the user named it; "-" for standard input
    text: str
    encoding: str  # for text files; the reader's name (pdf, docx, xlsx, xls, html) for the others
    locator: object | None = None  # inputs.located.Locator: offsets of `text` back to pages, cells, paragraphs

    def place(self, offset: int) -> dict | None:
        return self.locator.at(offset) if self.locator is not None else None


def read(path: str, encoding: str | None = None, stdin=None, limits=None) -> Source:
    limits = limits or Limits()
    if path == "-":
        import sys

        data = (stdin or sys.stdin.buffer).read()
    else:
        p = Path(path)
        try:
            data = p.read_bytes()
        except IsADirectoryError:
            raise InputError("is a directory") from None
        except FileNotFoundError:
            raise InputError("no such file") from None
        except PermissionError:
            raise InputError("permission denied") from None
        except OSError as e:
            raise InputError(e.strerror or str(e)) from None
    check_size(data, limits)
    if path.lower().endswith(SUFFIXES):
        extracted = read_document(path, data, limits)
        return Source(path=path, text=extracted.text, encoding=extracted.kind, locator=extracted.locator)
    text, used = decode(data, encoding)
    # One line-ending convention downstream; columns stay in characters of each line.
    return Source(path=path, text=text.replace("\r\n", "\n").replace("\r", "\n"), encoding=used)


def expand(paths: list[str]) -> list[str]:
    """Files named directly are kept whatever their suffix; folders give the documents inside them
    (text, Markdown, HTML, Word, Excel, PDF)."""
    out: list[str] = []
    for name in paths:
        p = Path(name)
        if name != "-" and p.is_dir():
            found = sorted(
                str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
            )
            out.extend(found)
        else:
            out.append(name)
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
