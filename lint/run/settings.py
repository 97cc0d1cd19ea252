"""Configuration: [tool.fiscal-lint] in pyproject.toml, or a .fiscal-lint.toml, found by walking up from
each checked file; --config names one; --isolated ignores them all. Command-line options win.

Every key is checked: an unknown key or a bad value is an error that names the key (exit status 2),
never a silent default. A rule's own options (declared by the rule: Rule.options) live in a table named
by the rule's code or name, `[tool.fiscal-lint.rules.FL204]` or `[tool.fiscal-lint.rules.change-flat]`,
and are checked against the rule's declaration.
"""
from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from ..check.rule import SEVERITIES, Rule
from ..inputs.source import resolved
from .registry import all_rules

CONFIG_NAMES = (".fiscal-lint.toml", "pyproject.toml")
LANGS = ("zh", "en")
FAIL_ON = ("error", "warning", "info", "never")
ROUNDING = ("round", "truncate")


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()  # (selector, severity)
    rounding: str = "round"
    fail_on: str = "error"
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    lang: str | None = None
    ignore_findings: tuple[str, ...] = ()  # fingerprints of findings to suppress (plain text has no comments)
    rule_options: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()  # (rule code, ((option, value), …))
    path: str | None = None  # the configuration file these came from
    root: str = "."  # globs are relative to this folder

    # ---- rule selection -------------------------------------------------------------------------

    def enabled(self, rule: Rule, file: str | None = None) -> bool:
        chosen = any(matches(s, rule) for s in self.select + self.extend_select)
        if not chosen or any(matches(s, rule) for s in self.ignore):
            return False
        if file is not None and self.per_file_ignores:  # the path is worked out only where a glob will read it
            rel = self.relative(file)
            for pattern, selectors in self.per_file_ignores:
                if _glob(rel, pattern) and any(matches(s, rule) for s in selectors):
                    return False
        return True

    def severity_for(self, rule: Rule, found: str) -> str:
        """A configured severity replaces the rule's default; a finding already below its rule's default
        (a warning for an ambiguous reading, a note for truncation) is never raised by it."""
        configured = next((sev for sel, sev in reversed(self.severity) if matches(sel, rule)), None)
        if configured is None:
            return found
        if found == rule.severity:
            return configured
        order = SEVERITIES.index
        return found if order(found) < order(configured) else configured

    def options_by_code(self) -> dict[str, dict]:
        """The configured options of each rule, by code (the rules' defaults are not included)."""
        return {code: dict(values) for code, values in self.rule_options}

    # ---- files ----------------------------------------------------------------------------------

    def relative(self, file: str) -> str:
        try:
            return resolved(file).relative_to(resolved(self.root)).as_posix()
        except ValueError:
            return Path(file).as_posix()

    def excluded(self, file: str) -> bool:
        if not self.exclude:
            return False
        rel = self.relative(file)
        return any(_glob(rel, pattern) for pattern in self.exclude)

    def describe(self) -> dict:
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("severity", "per_file_ignores"):
                value = {k: list(v) if isinstance(v, tuple) else v for k, v in value}
            elif f.name == "rule_options":  # every option in force, the defaults included
                configured = self.options_by_code()
                out["rules"] = {r.code: {n: o.default for n, o in r.options.items()} | configured.get(r.code, {})
                                for r in all_rules() if r.options}
                continue
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name.replace("_", "-")] = value
        return out


def _glob(rel: str, pattern: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(name, pattern) or \
        (pattern.endswith("/**") and (rel + "/").startswith(pattern[:-2]))


def matches(selector: str, rule: Rule) -> bool:
    s = selector.strip()
    return s.upper() == "ALL" or rule.code.startswith(s.upper()) or s.lower() == rule.name


def _check_selector(selector: str, key: str, where: str) -> str:
    if not isinstance(selector, str) or not selector.strip():
        raise ConfigError(f"{where}: '{key}' must hold rule codes, code prefixes or rule names")
    if not any(matches(selector, r) for r in all_rules()):
        raise ConfigError(f"{where}: '{key}' names no rule: {selector!r}")
    return selector.strip()


def _selectors(value, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list):
        raise ConfigError(f"{where}: '{key}' must be a list of rule codes, code prefixes or rule names")
    return tuple(_check_selector(v, key, where) for v in value)


def _choice(value, key: str, allowed, where: str) -> str:
    if value not in allowed:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _strings(value, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


KEYS = {"select", "extend-select", "ignore", "severity", "rounding", "fail-on", "exclude",
        "per-file-ignores", "lang", "ignore-findings", "rules"}


def _rule_options(value, where: str) -> tuple[tuple[str, tuple[tuple[str, object], ...]], ...]:
    """[rules.FL204] nearly-flat-percent = 8: each table names one rule by code or name; every option must be
    one the rule declares, with a value of its type."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'rules' must hold one table per rule: [rules.FL204] or [rules.change-flat]")
    out: dict[str, tuple] = {}
    for selector, options in value.items():
        key = f"rules.{selector}"
        rule = next((r for r in all_rules() if selector.strip().upper() == r.code or selector.strip().lower() == r.name),
                    None)
        if rule is None:
            raise ConfigError(f"{where}: '{key}' names no rule (a rule's code or name, not a prefix)")
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: '{key}' must be a table of option = value")
        if rule.code in out:
            raise ConfigError(f"{where}: '{key}' configures {rule.code} a second time")
        for name, v in options.items():
            declared = rule.options.get(name)
            if declared is None:
                known = ", ".join(sorted(rule.options)) or "none"
                raise ConfigError(f"{where}: unknown key '{key}.{name}' ({rule.code} {rule.name} has options: {known})")
            problem = declared.problem(v)
            if problem:
                raise ConfigError(f"{where}: '{key}.{name}' {problem}")
        out[rule.code] = tuple(options.items())
    return tuple(out.items())


def from_table(table: dict, where: str, base: Settings | None = None) -> Settings:
    """Settings from a parsed TOML table; `where` names the file for error messages."""
    s = base or Settings()
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}' (known: {', '.join(sorted(KEYS))})")
    changes: dict = {}
    for key, value in table.items():
        if key in ("select", "extend-select", "ignore"):
            changes[key.replace("-", "_")] = _selectors(value, key, where)
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'severity' must be a table of rule = severity")
            changes["severity"] = tuple((_check_selector(k, f"severity.{k}", where),
                                         _choice(v, f"severity.{k}", SEVERITIES, where)) for k, v in value.items())
        elif key == "rounding":
            changes["rounding"] = _choice(value, key, ROUNDING, where)
        elif key == "fail-on":
            changes["fail_on"] = _choice(value, key, FAIL_ON, where)
        elif key == "lang":
            changes["lang"] = _choice(value, key, LANGS, where)
        elif key == "exclude":
            changes["exclude"] = _strings(value, key, where)
        elif key == "ignore-findings":
            changes["ignore_findings"] = _strings(value, key, where)
        elif key == "rules":
            changes["rule_options"] = _rule_options(value, where)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [rules]")
            changes["per_file_ignores"] = tuple((k, _selectors(v, f"per-file-ignores.{k}", where))
                                                for k, v in value.items())
    return replace(s, **changes)


def _toml(path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        try:
            import tomli as tomllib
        except ImportError:
            raise ConfigError(f"{path}: reading TOML on Python 3.10 needs the 'toml' extra: "
                              "pip install 'fiscal-lint[toml]'") from None
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"{path}: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None


def load(path: Path) -> Settings:
    data = _toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("fiscal-lint")
        if table is None:
            raise ConfigError(f"{path}: no [tool.fiscal-lint] table")
    else:
        table = data.get("tool", {}).get("fiscal-lint", data) if "tool" in data else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: the configuration must be a table")
    return replace(from_table(table, str(path)), path=str(path), root=str(path.parent))


@dataclass
class Resolver:
    """Finds the settings for each checked file, caching by folder."""
    config: str | None = None
    isolated: bool = False
    overrides: dict = field(default_factory=dict)
    _cache: dict = field(default_factory=dict)

    def for_file(self, file: str | None) -> Settings:
        if self.isolated:
            base = Settings()
        elif self.config:
            base = self._load(Path(self.config))
        else:
            start = Path.cwd() if file in (None, "-") else resolved(file).parent
            base = self._discover(start)
        return replace(base, **self.overrides) if self.overrides else base

    def _load(self, path: Path) -> Settings:
        key = ("file", str(path))
        if key not in self._cache:
            self._cache[key] = load(path)
        return self._cache[key]

    def _discover(self, folder: Path) -> Settings:
        key = ("dir", str(folder))
        if key in self._cache:
            return self._cache[key]
        found = Settings()
        for d in [folder, *folder.parents]:
            dot = d / ".fiscal-lint.toml"
            if dot.is_file():
                found = self._load(dot)
                break
            py = d / "pyproject.toml"
            if py.is_file() and "fiscal-lint" in _toml(py).get("tool", {}):
                found = self._load(py)
                break
        self._cache[key] = found
        return found
