"""The rules in force: the modules of the `fiscal_lint.rules` package (rules/), found, not registered, and
checked against each other. They stand above the check stage whose vocabulary they use, so finding them
belongs to the run stage."""
from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache
from types import ModuleType

from ..check.rule import SEVERITIES, Family, Option, Rule, release

CODE = re.compile(r"FL\d{3}")
OPTION_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class RegistryError(RuntimeError):
    """The rule modules contradict each other or themselves: a programming error, caught by the tests."""


def rule_modules() -> list[ModuleType]:
    return list(_registry()[0])


def all_rules() -> list[Rule]:
    return list(_registry()[1])


def families() -> list[Family]:
    """Every declared family, in the order of their first rule's code."""
    return list(_registry()[2])


def declared_families(mod: ModuleType) -> tuple[Family, ...]:
    """The families a rule module declares: `FAMILY`, or `FAMILIES` when it holds rules of several (a
    family declared by one module may be re-declared by another that imports it, never redefined)."""
    found = getattr(mod, "FAMILIES", None)
    if found is None:
        found = (mod.FAMILY,) if hasattr(mod, "FAMILY") else ()
    return tuple(found)


@cache
def _registry() -> tuple[tuple[ModuleType, ...], tuple[Rule, ...], tuple[Family, ...]]:
    from .. import rules as package  # the rules/ folder, installed as fiscal_lint.rules

    mods = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{package.__name__}.{info.name}")
        if hasattr(mod, "RULES") and hasattr(mod, "check"):
            mods.append(mod)
    rules, fams = registry(mods)
    for mod in mods:
        for r in mod.RULES:
            release(r, mod.__name__)
    return tuple(mods), rules, fams


def registry(mods: list[ModuleType]) -> tuple[tuple[Rule, ...], tuple[Family, ...]]:
    """The rules and families of these modules, sorted by code, after checking that every code is
    well-formed and unique, every name unique, every severity known, and every rule's family declared
    by its module (once, with one title, and not without rules), and every option well-formed."""
    declared: dict[str, tuple[Family, str]] = {}
    codes: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for mod in mods:
        where = mod.__name__.rsplit(".", 1)[-1] + ".py"
        own = declared_families(mod)
        if not own or not all(isinstance(f, Family) for f in own):
            raise RegistryError(f"rules/{where} declares no FAMILY = Family(name, Message(en, zh))")
        for fam in own:
            first = declared.setdefault(fam.name, (fam, where))
            if first[0] != fam:
                raise RegistryError(f"family {fam.name!r} is declared differently in rules/{first[1]} and rules/{where}")
        for r in mod.RULES:
            if not CODE.fullmatch(r.code):
                raise RegistryError(f"rules/{where}: {r.code!r} is not a rule code (FL and three digits)")
            if r.code in codes:
                raise RegistryError(f"rule code {r.code} declared twice")
            if r.name in names:
                raise RegistryError(f"rule name {r.name!r} declared twice ({names[r.name].code}, {r.code})")
            if r.severity not in SEVERITIES:
                raise RegistryError(f"rule {r.code}: severity {r.severity!r} is not one of {', '.join(SEVERITIES)}")
            for name, opt in r.options.items():
                if not OPTION_NAME.fullmatch(name) or not isinstance(opt, Option) or \
                        type(opt.default) not in (bool, int, float, str) or opt.problem(opt.default):
                    raise RegistryError(f"rule {r.code}: option {name!r} must be a kebab-case name with an "
                                        "Option(default, Message(en, zh)) whose default is valid")
            if r.family not in {f.name for f in own}:
                raise RegistryError(f"rule {r.code}: family {r.family!r} is not declared by rules/{where} "
                                    f"(it declares {', '.join(f.name for f in own)})")
            codes[r.code] = names[r.name] = r
    rules = tuple(sorted(codes.values(), key=lambda r: r.code))
    order = list(dict.fromkeys(r.family for r in rules))
    unused = sorted(set(declared) - set(order))
    if unused:
        raise RegistryError(f"family {unused[0]!r} (rules/{declared[unused[0]][1]}) has no rules")
    return rules, tuple(declared[name][0] for name in order)
