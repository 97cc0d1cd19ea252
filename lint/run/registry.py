"""The rules in force: the modules of the `fiscal_lint.rules` package (rules/), found, not registered. They
stand above the check stage whose vocabulary they use, so finding them belongs to the run stage."""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from ..check.rule import FAMILIES, SEVERITIES, Rule


def rule_modules() -> list[ModuleType]:
    from .. import rules as package  # the rules/ folder, installed as fiscal_lint.rules

    mods = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(mod, "RULES") and hasattr(mod, "check"):
            mods.append(mod)
    return mods


def all_rules() -> list[Rule]:
    seen: dict[str, Rule] = {}
    for mod in rule_modules():
        for r in mod.RULES:
            if r.code in seen:
                raise RuntimeError(f"rule code {r.code} declared twice")
            if r.family not in FAMILIES or r.severity not in SEVERITIES:
                raise RuntimeError(f"rule {r.code}: bad family or severity")
            seen[r.code] = r
    return sorted(seen.values(), key=lambda r: r.code)
