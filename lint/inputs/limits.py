"""Limits for files that arrive on a CI gate from anywhere: size, zip bombs, XML entities, pages."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from .decode import InputError


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50_000_000  # any input file
    max_unzipped: int = 200_000_000  # DOCX/XLSX: all members together, uncompressed
    max_ratio: int = 100  # DOCX/XLSX: uncompressed / compressed, a zip bomb's signature
    max_members: int = 10_000
    max_pages: int = 300  # PDF
    max_cells: int = 2_000_000  # XLSX/XLS: all sheets together


def check_size(data: bytes, limits: Limits) -> None:
    if len(data) > limits.max_bytes:
        raise InputError(f"file too large: {len(data)} bytes (limit {limits.max_bytes}; see --max-bytes)")


def safe_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a DOCX/XLSX container after checking it cannot expand past the limits and holds no DTDs."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError("not a valid Office file (the zip container is damaged)") from None
    infos = z.infolist()
    if len(infos) > limits.max_members:
        raise InputError(f"too many parts in the Office file ({len(infos)}, limit {limits.max_members})")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > limits.max_unzipped or total / packed > limits.max_ratio:
        raise InputError(f"refused: the Office file expands to {total} bytes from {packed} "
                         f"(limits {limits.max_unzipped} bytes, ratio {limits.max_ratio}): a zip bomb?")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with z.open(info) as f:
                head = f.read(65536)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise InputError(f"refused: {info.filename} declares a DTD or entities (XML external entities)")
    return z
