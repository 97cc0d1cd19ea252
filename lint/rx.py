"""Regexes compiled when first used rather than when their module is imported.

A run pays for every pattern its modules define (the regex module parses a pattern in Python: about 0.2 ms each,
110 of them), though a short document uses a part of them; a pre-commit hook on one small file pays for all.
`lazy(...)` takes regex.compile's arguments; the first use compiles, and from then on its methods are the
compiled pattern's own."""
from __future__ import annotations

import regex

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer")


class lazy:  # noqa: N801 (used as regex.compile is)
    def __init__(self, pattern: str, flags: int = 0, **kwargs):
        self.pattern = pattern
        self._args = (flags, kwargs)
        _MADE.append(self)

    def compiled(self) -> regex.Pattern:
        flags, kwargs = self._args
        pattern = regex.compile(self.pattern, flags, **kwargs)
        for name in _METHODS:
            setattr(self, name, getattr(pattern, name))
        self.__dict__["_pattern"] = pattern
        return pattern

    def __getattr__(self, name: str):
        # reached only for what is not set on the object: before the first use, or an attribute seldom read
        if name.startswith("__") or name in ("_args", "_pattern"):
            raise AttributeError(name)
        pattern = self.__dict__.get("_pattern") or self.compiled()
        return getattr(pattern, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


_MADE: list[lazy] = []


def compile_all() -> int:
    """Compile now every pattern made so far (a forkserver, before it forks the workers); returns how many."""
    for p in _MADE:
        if "_pattern" not in p.__dict__:
            p.compiled()
    return len(_MADE)
