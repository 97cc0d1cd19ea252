"""Reading input: bytes to text, with the encoding that was detected.

Chinese government text is as often GB18030/GBK as UTF-8, so unlike most linters we do not
refuse non-UTF-8 input: BOM first, then strict UTF-8, then GB18030.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".xlsx", ".xls", ".pdf")


class InputError(Exception):
    """A file that cannot be read as text; reported on one line, exit status 2."""


@dataclass
class Source:
    path: str  # as the user named it; "-" for standard input
    text: str
    encoding: str  # for text files; the reader's name (pdf, docx, xlsx, xls, html) for the others
    locator: object | None = None  # readers.Locator: offsets of `text` back to pages, cells, paragraphs

    def place(self, offset: int) -> dict | None:
        return self.locator.at(offset) if self.locator is not None else None


def looks_binary(data: bytes) -> bool:
    # NUL bytes never occur in UTF-8 or GB18030 text; UTF-16/32 have been handled by their BOM.
    return b"\x00" in data[:8192]


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Raises InputError for binary or undecodable data."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as e:
            raise InputError(f"cannot decode as {encoding}: byte {e.start}") from None
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as e:
                raise InputError(f"cannot decode as {name}: byte {e.start}") from None
    if looks_binary(data):
        raise InputError("binary file, not text")
    try:
        text, used = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, used = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as e:
            raise InputError(f"neither UTF-8 nor GB18030 (byte {e.start})") from None
    # GB18030 maps almost any byte sequence to something; control characters betray a binary file.
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, min(len(text), 20000) // 100):
        raise InputError("binary file, not text")
    return text, used


def read(path: str, encoding: str | None = None, stdin=None, limits=None) -> Source:
    from .readers import SUFFIXES
    from .readers import read as read_document
    from .readers.limits import Limits, check_size

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
