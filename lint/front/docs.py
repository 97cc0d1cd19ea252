"""Rule documentation, made from the rules themselves: `fiscal-lint rule CODE`, docs/rules/*.md and the
rule table of README.md (between its two marker comments).

The examples are run when the documentation is made, so the messages shown are the ones the linter
gives today; tests/test_docs.py regenerates the pages and the table and fails if the committed ones
differ. To regenerate, from the repository root: `python -m fiscal_lint.front.docs` (`--check` only
lists what is stale, exit status 1 if anything is).
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..check.rule import Family, Rule
from ..run.registry import all_rules, families

REGENERATE = "python -m fiscal_lint.front.docs"
GENERATED = f"<!-- generated from the rules by `{REGENERATE}`; do not edit by hand -->"
TABLE_BEGIN = f"<!-- rule table: generated from the rules by `{REGENERATE}`; do not edit by hand -->"
TABLE_END = "<!-- end of rule table -->"


def example_finding(rule: Rule, lang: str) -> str:
    """The message the linter gives on the rule's inconsistent example."""
    from ..inputs.source import Source
    from ..run.engine import lint_source

    result = lint_source(Source(path="example.txt", text=rule.bad, encoding="utf-8"))
    found = next((f for f in result.findings if f.rule.code == rule.code), None)
    if found is None:
        return ""
    line, col = result.doc.norm.line_col(found.anchor.start)
    expected = f" → {found.expected}" if found.expected else ""
    return f"{line}:{col}: {rule.code} [{found.severity}] {found.message.get(lang)}{expected}"


def explain(rule: Rule, lang: str) -> str:
    """Plain text for the terminal."""
    zh = lang == "zh"
    lines = [f"{rule.code}  {rule.name}  ({rule.family}, {rule.severity})", "", rule.summary.get(lang)]
    if rule.explanation:
        lines += ["", rule.explanation.get(lang)]
    if rule.options:
        lines += ["", (f"选项（配置于 [tool.fiscal-lint.rules.{rule.code}]）：" if zh else
                       f"Options (in [tool.fiscal-lint.rules.{rule.code}]):")]
        lines += [f"    {name} = {_toml(o.default)}  {o.summary.get(lang)}" for name, o in rule.options.items()]
    lines += ["", "一致的示例：" if zh else "Consistent example:", _indent(rule.good),
              "", "不一致的示例：" if zh else "Inconsistent example:", _indent(rule.bad),
              "", "检查结果：" if zh else "What fiscal-lint says:", "    " + example_finding(rule, lang)]
    return "\n".join(lines) + "\n"


def _toml(value) -> str:
    """An option's value as it is written in the configuration."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


def _indent(text: str) -> str:
    return "\n".join("    " + line.replace("\t", " ⇥ ") for line in text.rstrip("\n").split("\n"))


def family_page(family: Family) -> str:
    rules = [r for r in all_rules() if r.family == family.name]
    out = [f"# {family.title.en} / {family.title.zh}", "",
           GENERATED, ""]
    for r in rules:
        out += [f"## {r.code} {r.name}", "", f"Family `{r.family}`, default severity `{r.severity}`.", "",
                f"{r.summary.en}  ", f"{r.summary.zh}", ""]
        if r.explanation:
            out += [r.explanation.en, "", r.explanation.zh, ""]
        if r.options:
            out += [f"Options / 选项 (`[tool.fiscal-lint.rules.{r.code}]`; the defaults shown / 所示为默认值):", ""]
            out += [f"- `{name} = {_toml(o.default)}`: {o.summary.en} {o.summary.zh}" for name, o in r.options.items()]
            out += [""]
        out += ["Consistent / 一致:", "", "```text", r.good.rstrip("\n"), "```", "",
                "Inconsistent / 不一致:", "", "```text", r.bad.rstrip("\n"), "```", "",
                "```text", example_finding(r, "en"), example_finding(r, "zh"), "```", ""]
    return "\n".join(out)


def index_page() -> str:
    out = ["# Rules / 规则", "", GENERATED, "",
           "| code | name | family | severity | summary | 说明 |", "|---|---|---|---|---|---|"]
    for r in all_rules():
        out.append(f"| [{r.code}]({r.family}.md#{r.code.lower()}-{r.name}) | {r.name} | {r.family} | {r.severity} "
                   f"| {r.summary.en} | {r.summary.zh} |")
    return "\n".join(out) + "\n"


def pages() -> dict[str, str]:
    out = {f"{f.name}.md": family_page(f) for f in families()}
    out["README.md"] = index_page()
    return out


def readme_table() -> str:
    """The rule table of README.md, markers included."""
    out = [TABLE_BEGIN, "", "| code | name | family | severity | what it checks |", "|---|---|---|---|---|"]
    out += [f"| {r.code} | {r.name} | {r.family} | {r.severity} | {r.summary.en.replace('|', chr(92) + '|')} |"
            for r in all_rules()]
    return "\n".join([*out, "", TABLE_END])


def with_readme_table(readme: str) -> str:
    """README.md with its rule table replaced by the current one."""
    start, end = readme.find(TABLE_BEGIN), readme.find(TABLE_END)
    if start < 0 or end < start:
        raise ValueError(f"README.md has no rule table between {TABLE_BEGIN} and {TABLE_END}")
    return readme[:start] + readme_table() + readme[end + len(TABLE_END):]


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def regenerate(root: Path, check: bool = False) -> list[Path]:
    """Rewrite docs/rules/*.md and README.md's rule table under `root`; the files that were stale (with
    `check`, only list them)."""
    wanted = {root / "docs" / "rules" / name: text for name, text in pages().items()}
    readme = root / "README.md"
    wanted[readme] = with_readme_table(readme.read_text(encoding="utf-8"))
    stale = [p for p, text in wanted.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
    if not check:
        for path in stale:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(wanted[path], encoding="utf-8")
    return stale


def main(argv: list[str]) -> int:
    check = "--check" in argv
    roots = [a for a in argv if a != "--check"]
    if len(roots) > 1 or any(a.startswith("-") for a in roots):
        print(f"usage: {REGENERATE} [--check] [REPOSITORY_ROOT]", file=sys.stderr)
        return 2
    root = Path(roots[0] if roots else ".")
    try:
        stale = regenerate(root, check=check)
    except (OSError, ValueError) as e:
        print(f"{REGENERATE}: {e}", file=sys.stderr)
        return 2
    for path in stale:
        print(f"{'stale' if check else 'wrote'} {path}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
