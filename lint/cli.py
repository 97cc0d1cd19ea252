"""Command line: fiscal-lint check | rules.

Exit status: 0 nothing at or above --fail-on was found, 1 something was, 2 usage or input error
(a file that could not be read; the other files are still checked and reported).
"""
from __future__ import annotations

import locale
import os
import sys

import click
from rich.console import Console

from . import __version__
from .engine import SEVERITY_RANK, lint_paths
from .rule import all_rules


def default_lang() -> str:
    for var in ("FISCAL_LINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith("zh") else "en"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="fiscal-lint")
def main() -> None:
    """Check that the figures of Chinese fiscal disclosures agree: totals and their parts, changes
    against last year, budget against actual spending. 核对财政信息公开文本中的数字是否一致。"""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format; json is a documented, versioned contract.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of messages [default: from the locale].")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error",
              show_default=True, help="Lowest severity that makes the exit status 1.")
@click.option("--encoding", default=None, help="Force an input encoding (default: BOM, then UTF-8, then GB18030).")
@click.option("--rounding", type=click.Choice(["round", "truncate"]), default="round", show_default=True,
              help="How the documents rounded their figures.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to FILE instead of standard output.")
def check(paths, fmt, lang, fail_on, encoding, rounding, output) -> None:
    """Check files and folders (*.txt, *.md inside, recursively); - reads standard input."""
    if not paths:
        raise click.UsageError("no input: name files or folders, or - for standard input")
    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from None
    lang = lang or default_lang()
    results = lint_paths(list(paths), encoding=encoding, rounding=rounding)
    if not results:
        raise click.UsageError("no *.txt or *.md files found in the folders given")
    out = open(output, "w", encoding="utf-8") if output else None
    try:
        if fmt == "json":
            from .reports import json as json_report

            (out or sys.stdout).write(json_report.render(results, lang))
        else:
            from .reports import text as text_report

            console = Console(file=out or sys.stdout, highlight=False, soft_wrap=True,
                              force_terminal=None if out is None else False)
            text_report.render(results, lang, console)
    finally:
        if out:
            out.close()
    for r in results:
        if r.error:
            click.echo(f"fiscal-lint: {r.path}: {r.error}", err=True)
    if any(r.error for r in results):
        sys.exit(2)
    if fail_on != "never":
        worst = max((SEVERITY_RANK[f.severity] for r in results for f in r.findings), default=-1)
        if worst >= SEVERITY_RANK[fail_on]:
            sys.exit(1)


@main.command("rules")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
@click.option("--write-docs", type=click.Path(file_okay=False), default=None,
              help="Write one Markdown page per rule family into this folder.")
def rules_cmd(lang, write_docs) -> None:
    """List every rule: code, name, family, default severity, summary."""
    if write_docs:
        from pathlib import Path

        from .docs import write

        for path in write(Path(write_docs)):
            click.echo(str(path))
        return
    lang = lang or default_lang()
    for r in all_rules():
        click.echo(f"{r.code}  {r.name:<20} {r.family:<10} {r.severity:<8} {r.summary.get(lang)}")


@main.command("rule")
@click.argument("code")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
def rule_cmd(code, lang) -> None:
    """Explain one rule (by code or name) with a consistent and an inconsistent example."""
    from .docs import explain

    wanted = code.strip()
    rule = next((r for r in all_rules() if wanted.upper() == r.code or wanted.lower() == r.name), None)
    if rule is None:
        raise click.BadParameter(f"no rule {code!r}; `fiscal-lint rules` lists them", param_hint="CODE")
    click.echo(explain(rule, lang or default_lang()), nl=False)


if __name__ == "__main__":
    main()
