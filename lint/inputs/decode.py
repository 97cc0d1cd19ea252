"""Bytes to text, with the encoding that was detected.

Chinese government text is as often GB18030/GBK as UTF-8, so unlike most linters we do not
refuse non-UTF-8 input: BOM first, then strict UTF-8, then GB18030. UTF-16 and UTF-32 written without a BOM
(some Windows tools do) are told by where their NUL bytes fall: every disclosure has digits, and an ASCII
digit in UTF-16 is the digit and a NUL.
"""
from __future__ import annotations

import codecs
import re

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


def _without_bom(data: bytes) -> str | None:
    """utf-16-le/-be or utf-32-le/-be when the NUL bytes of the head fall where that encoding puts the high
    bytes of ASCII characters; None otherwise."""
    head = data[:8192]
    nuls = [i for i, b in enumerate(head) if b == 0]
    if len(nuls) < 4:
        return None
    for name, width, places in (("utf-32-le", 4, {1, 2, 3}), ("utf-32-be", 4, {0, 1, 2}),
                                ("utf-16-le", 2, {1}), ("utf-16-be", 2, {0})):
        if len(data) % width == 0 and sum(1 for i in nuls if i % width in places) >= 0.95 * len(nuls) \
                and (width == 2 or len(nuls) >= len(head) // 2):
            return name
    return None


CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # below a space, but for \t \n \f \r


def _controls(text: str) -> int:
    return len(CONTROL.findall(text, 0, 20000))


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
        name = _without_bom(data)
        try:
            text = data.decode(name) if name else None
        except UnicodeDecodeError:
            text = None
        if text is None or _controls(text) > max(2, min(len(text), 20000) // 100):
            raise InputError("binary file, not text")
        return text, name
    try:
        text, used = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, used = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as e:
            raise InputError(f"neither UTF-8 nor GB18030 (byte {e.start})") from None
    # GB18030 maps almost any byte sequence to something; control characters betray a binary file.
    if _controls(text) > max(2, min(len(text), 20000) // 100):
        raise InputError("binary file, not text")
    return text, used
