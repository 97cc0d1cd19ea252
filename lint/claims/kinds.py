"""The registry of claim kinds. A kind module (here, or a rule module in rules/) registers a builder that
reads a Document and returns that kind's claims; `Document.<name>` builds them on first use. A new kind
therefore edits no core file."""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

BUILDERS: dict[str, list[Callable]] = {}


def claim_kind(name: str):
    """Register `fn(doc) -> list` as (a contributor to) the claims named `name`, in registration order."""
    def register(fn: Callable) -> Callable:
        BUILDERS.setdefault(name, []).append(fn)
        return fn
    return register


_loaded = False


def builders(name: str) -> list[Callable]:
    global _loaded
    if not _loaded:  # the kinds of this package register when their modules are imported
        from .. import claims as package
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            importlib.import_module(f"{package.__name__}.{info.name}")
        _loaded = True
    return BUILDERS.get(name, [])


def paragraph_kind(name: str):
    """Register `fn(paragraph) -> list` as claims named `name`, read paragraph by paragraph."""
    def register(fn: Callable) -> Callable:
        def each_paragraph(doc) -> list:
            out = []
            for p in doc.paragraphs:
                try:
                    out.extend(fn(p))
                except Exception as e:  # a bug loses this paragraph's claims of the kind, not the document's
                    doc.broken.append((f"{name} claims", e))
            return out
        claim_kind(name)(each_paragraph)
        return fn
    return register
