"""Limits for files that arrive on a CI gate from anywhere: size, zip bombs, XML entities, pages.

Nothing here trusts what a file says about itself. A zip member's sizes are measured while it is inflated,
with a running cap on all members together; an XML part is decoded in the encoding its BOM or declaration
names and searched whole for a DTD or an entity declaration, since "<!DOCTYPE" written in UTF-16 or UTF-7
has none of the bytes of the ASCII one.
"""
from __future__ import annotations

import codecs
import io
import zipfile
import zlib
from dataclasses import dataclass

import regex

from .decode import InputError
from ..rx import lazy


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
        raise InputError(f"file too large: more than {limits.max_bytes} bytes (see --max-bytes)")


CHUNK = 1 << 16


def safe_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open a DOCX/XLSX container after inflating every member once, within the limits, and finding no
    DTD or entity declaration in any XML part."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise InputError("not a valid Office file (the zip container is damaged)") from None
    if len(infos) > limits.max_members:
        raise InputError(f"too many parts in the Office file ({len(infos)}, limit {limits.max_members})")
    # the ratio is taken against the file itself, not the members' stated compressed sizes: members that
    # overlap in the file (one deflate stream named a thousand times) are each counted in full
    budget = min(limits.max_unzipped, limits.max_ratio * max(len(data), 1))

    def bomb(total: int) -> InputError:
        return InputError(f"refused: the Office file expands to more than {total} bytes from {len(data)} "
                          f"(limits {limits.max_unzipped} bytes, ratio {limits.max_ratio}): a zip bomb?")

    declared = sum(i.file_size for i in infos)
    if declared > budget:
        raise bomb(declared)
    total = 0
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # Office writes deflate; bzip2 and lzma inflate without a bound on one call's output
            raise InputError(f"refused: {info.filename} uses a compression Office files do not use "
                             f"(method {info.compress_type})")
        scan = XmlScan(info.filename)
        try:
            with z.open(info) as f:
                while chunk := f.read(CHUNK):
                    total += len(chunk)
                    if total > budget:
                        raise bomb(total)
                    scan.feed(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError):
            raise InputError(f"not a valid Office file (part {info.filename} is damaged)") from None
        scan.close()
    return z


# XML 1.0 appendix F: the encoding family from the first bytes, before the declaration can be read
SNIFF = (
    (codecs.BOM_UTF32_BE, "utf-32-be", 4), (codecs.BOM_UTF32_LE, "utf-32-le", 4),
    (codecs.BOM_UTF8, "utf-8", 3), (codecs.BOM_UTF16_BE, "utf-16-be", 2), (codecs.BOM_UTF16_LE, "utf-16-le", 2),
    (b"\x00\x00\x00<", "utf-32-be", 0), (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\x00<", "utf-16-be", 0), (b"<\x00", "utf-16-le", 0),
    (b"\x4c\x6f\xa7\x94", "cp037", 0),  # "<?xm" in EBCDIC
)
DECLARED = lazy(r"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
DANGER = lazy(r"<!\s*(?:DOCTYPE|ENTITY)", regex.IGNORECASE)
HEAD = 1024  # bytes enough to hold the XML declaration


class XmlScan:
    """Fed a zip member in chunks: if it is XML, decodes it and looks through all of it for <!DOCTYPE or
    <!ENTITY. A member that does not start with "<" (after a BOM and blanks) is no XML part and is let be:
    an XML parser would refuse it too."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.head = b""
        self.decoders: list | None = None
        self.tails: list[str] = []
        self.done = False

    def feed(self, chunk: bytes) -> None:
        if self.done:
            return
        if self.decoders is None:
            self.head += chunk
            if len(self.head) < HEAD:
                return
            chunk, self.head = self.head, b""
            if not self._start(chunk):
                return
            chunk = chunk[self.skip:]
        self._search(chunk)

    def close(self) -> None:
        if self.done:
            return
        if self.decoders is None:
            chunk, self.head = self.head, b""
            if not self._start(chunk):
                return
            chunk = chunk[self.skip:]
        else:
            chunk = b""
        self._search(chunk, final=True)

    def _start(self, head: bytes) -> bool:
        family, self.skip = "utf-8", 0
        for mark, name, skip in SNIFF:
            if head.startswith(mark):
                family, self.skip = name, skip
                break
        start = head[self.skip:].decode(family, errors="replace")
        if not start.lstrip().startswith("<"):
            self.done = True  # not XML
            return False
        names = [family]
        m = DECLARED.match(start)
        if m and self.skip == 0 and family in ("utf-8", "cp037"):
            # a declaration is read where no BOM or byte pattern fixed the encoding already; the part is
            # searched both as declared and as its bytes look, whichever one a parser goes by
            try:
                declared = codecs.lookup(m.group(1)).name
            except LookupError:
                raise InputError(f"refused: {self.name} declares an encoding fiscal-lint cannot check "
                                 f"({m.group(1)})") from None
            if declared != codecs.lookup(family).name:
                names.append(declared)
        self.decoders = [codecs.getincrementaldecoder(n)(errors="replace") for n in names]
        self.tails = [""] * len(names)
        return True

    def _search(self, data: bytes, final: bool = False) -> None:
        for k, decoder in enumerate(self.decoders):
            window = self.tails[k] + decoder.decode(data, final=final)
            if DANGER.search(window):
                raise InputError(f"refused: {self.name} declares a DTD or entities (XML external entities)")
            self.tails[k] = window[-16:]
