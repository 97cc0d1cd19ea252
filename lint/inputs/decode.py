"""Bytes to text, with the encoding that was detected.

Chinese government text is as often GB18030/GBK as UTF-8, so unlike most linters we do not
refuse non-UTF-8 input: BOM first, then strict UTF-8, then GB18030.
"""
from __future__ import annotations

import codecs

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

class InputError(Exception):
    """A file that cannot be read as text; reported on one line, exit status 2."""


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
