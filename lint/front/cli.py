"""Command line: fiscal-lint check | summary | rules | rule | serve.

Exit status: 0 nothing at or above --fail-on was found, 1 something was, 2 usage or input error
(a file that could not be read; the other files are still checked and reported).
"""
from __future__ import annotations

import locale
import os
import sys

import click

from .. import __version__

# The commands import what they use when they run: `fiscal-lint --version` and `--help` then start in a
# tenth of a second instead of loading the grammar, the claims and the rules first.


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


FORMATS = ["text", "concise", "json", "jsonl", "sarif", "github", "gitlab", "html"]


def _csv(value: str | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(v.strip() for v in value.split(",") if v.strip())


@main.command()
# readable=False: an unreadable file is the reading's to report (one line, the others checked), not a usage error
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, readable=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format; json is a documented, versioned contract, jsonl the same streamed a line per file.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of messages [default: configuration, then the locale].")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Lowest severity that makes the exit status 1 [default: error].")
@click.option("--encoding", default=None, help="Force an input encoding (default: BOM, then UTF-8, then GB18030).")
@click.option("--rounding", type=click.Choice(["round", "truncate"]), default=None,
              help="How the documents rounded their figures [default: round].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to FILE instead of standard output.")
@click.option("--config", type=click.Path(dir_okay=False, exists=True), default=None,
              help="Use this configuration file (pyproject.toml or .fiscal-lint.toml) for every file.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--select", default=None, help="Rules to check: codes, code prefixes or names, comma-separated.")
@click.option("--extend-select", default=None, help="Rules to check in addition to the selected ones.")
@click.option("--ignore", default=None, help="Rules not to check.")
@click.option("--exclude", default=None, help="Globs of files not to check, comma-separated.")
@click.option("--show-settings", is_flag=True, help="Print the settings that apply, and exit.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record the current findings in this baseline file, and exit 0.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has, instead of the findings.")
@click.option("--verbose", is_flag=True, help="With an internal error, print its whole traceback.")
@click.option("--show-unsure", is_flag=True,
              help="Also list relations that fail as read where the reading needed a guess (text format).")
@click.option("--max-bytes", type=click.IntRange(1), default=50_000_000, show_default=True,
              help="Refuse input files larger than this.")
@click.option("--max-pages", type=click.IntRange(1), default=300, show_default=True,
              help="Refuse PDF files with more pages.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Processes to check files with; 1: this process only [default: the cores available "
                   "when the files add up to a megabyte or more, else 1].")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Check on the dask.distributed cluster whose scheduler is at ADDRESS (tcp://host:8786) "
                   "instead of here; needs the dask extra.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no notes on standard error; errors still.")
@click.option("--timeout-per-file", type=click.FloatRange(0), default=120, show_default=True,
              help="Seconds one file may take; a file that takes longer is reported as timed out (0: no limit).")
@click.option("--sarif-root", type=click.Path(file_okay=False), default=None,
              help="Folder the SARIF URIs are relative to [default: the top of the git repository, else the "
                   "current folder].")
def check(paths, fmt, lang, fail_on, encoding, rounding, output, config, isolated, select, extend_select,
          ignore, exclude, show_settings, baseline, write_baseline, statistics, verbose, show_unsure, max_bytes,
          max_pages, jobs, scheduler, quiet, timeout_per_file, sarif_root) -> None:
    """Check files and folders (text, Markdown, HTML, Word, Excel, PDF inside, recursively); - reads
    standard input."""
    from ..run import settings as settings_mod
    from ..run import suppress

    if encoding:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from None
    cli_table = {k: v for k, v in (("select", _csv(select)), ("extend-select", _csv(extend_select)),
                                   ("ignore", _csv(ignore)), ("exclude", _csv(exclude)), ("rounding", rounding),
                                   ("fail-on", fail_on), ("lang", lang)) if v is not None}
    try:
        overrides_settings = settings_mod.from_table(
            {k: list(v) if isinstance(v, tuple) else v for k, v in cli_table.items()}, "command line")
        overrides = {k.replace("-", "_"): getattr(overrides_settings, k.replace("-", "_")) for k in cli_table}
        resolver = settings_mod.Resolver(config=config, isolated=isolated, overrides=overrides)
        run_settings = resolver.for_file(paths[0] if paths else None)
    except settings_mod.ConfigError as e:
        raise click.UsageError(str(e)) from None
    if show_settings:
        import json

        click.echo(json.dumps(run_settings.describe(), ensure_ascii=False, indent=2))
        return
    if not paths:
        raise click.UsageError("no input: name files or folders, or - for standard input")
    lang = lang or run_settings.lang or default_lang()
    fail_on = fail_on or run_settings.fail_on
    from ..inputs.limits import Limits
    from ..inputs.source import expand
    from ..reports import progress
    from ..reports.common import printable
    from ..run import engine, pool
    from ..run.engine import SEVERITY_RANK

    # the text, HTML and SARIF reports read the documents (snippets, tables, the kind of input); the others need
    # only the findings and checks, so the workers send back no document for them
    view = fmt in ("text", "html", "sarif") and not statistics and not write_baseline
    # found once: planning them again finds the same (a file named is kept as it is)
    found = expand(list(paths))
    for target, option in ((output, "--output"), (write_baseline, "--write-baseline")):
        clash = _an_input(target, found)
        if clash is not None:
            click.echo(f"fiscal-lint: {option} {printable(target)}: refusing to write over {printable(clash)}, "
                       f"a file being checked", err=True)
            sys.exit(2)
    try:
        planned = engine.plan(found, encoding=encoding, settings_for=resolver.for_file,
                              limits=Limits(max_bytes=max_bytes, max_pages=max_pages), timeout=timeout_per_file or None,
                              view=view)
        base = suppress.load_baseline(baseline) if baseline else None
        if len(planned) >= engine.SETTLE_FILES:
            engine.settle()
    except settings_mod.ConfigError as e:
        raise click.UsageError(str(e)) from None
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    filters = suppress.Filter(resolver.for_file, base)
    # jsonl is written a line per file as the files are done, json encoded a file at a time as they are done and
    # written at the end; the other formats are made once all are done
    streaming = fmt in ("json", "jsonl") and not statistics and not write_baseline
    out = open(output, "w", encoding="utf-8") if streaming and output else None
    writer = None
    if streaming:
        from ..reports import json as json_report
        from ..reports import jsonl

        writer = (jsonl.Writer if fmt == "jsonl" else json_report.Writer)(out or sys.stdout, lang)
    # a bar on a terminal that is also receiving the lines would be drawn through them
    show = progress.wanted(sys.stderr, quiet=quiet) and not (streaming and fmt == "jsonl" and out is None
                                                             and _isatty(sys.stdout))
    results = []
    try:
        with progress.Bar(len(planned), enabled=show) as bar:
            for r in engine.run(planned, engine.workers_for(planned, jobs), scheduler):
                filters.add(r)
                bar.advance(len(r.findings))
                if writer is not None:
                    writer.file(r)
                    r.doc, r.checks = None, []  # written: only what the exit status needs is kept
                # the reports read a DocumentView, or nothing of the document: its claims need not be kept to the end
                results.append(r.portable(view))
        report = filters.report()
        if writer is not None:
            writer.end(report)
    except (pool.ClusterError, pool.PoolError) as e:
        click.echo(f"fiscal-lint: {e}" + (" (--jobs 1 checks in this process)" if isinstance(e, pool.PoolError) else ""),
                   err=True)
        sys.exit(2)
    finally:
        if out is not None:
            out.close()
    if not results and not any(p == "-" for p in paths) and not quiet:
        click.echo("fiscal-lint: no files to check (none found, or all excluded)", err=True)
    if write_baseline:
        with open(write_baseline, "w", encoding="utf-8") as f:
            f.write(suppress.baseline_document(results, lang))
        n = sum(len(r.findings) for r in results if not r.error)
        if not quiet:
            click.echo(f"fiscal-lint: recorded {n} finding(s) in {write_baseline}", err=True)
        sys.exit(2 if any(r.error for r in results) else 0)
    if not streaming:
        _emit(results, report, fmt, lang, output, statistics, show_unsure, sarif_root)
    for r in results:
        if r.error:
            click.echo(f"fiscal-lint: {printable(r.path)}: {printable(r.error)}", err=True)
        for e, tb in zip(r.rule_errors, r.rule_tracebacks, strict=True):
            click.echo(f"fiscal-lint: {printable(r.path)}: internal error in rules {printable(e)}; please report it", err=True)
            if verbose:
                click.echo(tb, err=True)
    if any(r.error or r.rule_errors for r in results):
        sys.exit(2)
    if fail_on != "never":
        worst = max((SEVERITY_RANK[f.severity] for r in results for f in r.findings), default=-1)
        if worst >= SEVERITY_RANK[fail_on]:
            sys.exit(1)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _an_input(target: str | None, found: list[str]) -> str | None:
    """The file found to check (inputs.source.expand) that `target` is (the same file, by device and inode), if
    any: -o X X must not write the report over X."""
    if not target:
        return None
    try:
        st = os.stat(target)
    except OSError:
        return None  # not there yet: it is no input
    for name in found:
        try:
            other = os.stat(name) if name != "-" else None
        except OSError:
            continue
        if other is not None and (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
            return name
    return None


def _emit(results, report, fmt, lang, output, statistics, show_unsure=False, sarif_root=None) -> None:
    out = open(output, "w", encoding="utf-8") if output else None
    try:
        stream = out or sys.stdout
        if statistics or fmt == "text":
            from ..reports import text as text_report

            console = stream  # where rich would show no colours, the report is written as plain text without it
            if not text_report.plain(stream, to_file=out is not None):
                from rich.console import Console

                console = Console(file=stream, highlight=False, soft_wrap=True, force_terminal=None)
            if statistics:
                text_report.statistics(results, console)
            else:
                text_report.render(results, lang, console, report, show_unsure=show_unsure)
            return
        if fmt == "json":
            from ..reports import json as json_report

            json_report.write(results, lang, stream.write, report)
        elif fmt == "concise":
            from ..reports import concise

            stream.write(concise.render(results, lang))
        elif fmt == "sarif":
            from ..reports import sarif

            stream.write(sarif.render(results, lang, root=sarif_root))
        elif fmt == "github":
            from ..reports import github

            stream.write(github.render(results, lang))
            github.write_summary(results, lang)
        elif fmt == "gitlab":
            from ..reports import gitlab

            stream.write(gitlab.render(results, lang))
        elif fmt == "html":
            from ..reports import html

            stream.write(html.render(results, lang))
    finally:
        if out:
            out.close()


@main.command("summary")
@click.argument("results", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), default=None,
              help="Write the table of documents (with their office, kind and year) to this CSV file.")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False), default=None,
              help="Write documents, groups and rules as three sheets of this Excel file (needs the office extra).")
@click.option("--documents", "per_document", is_flag=True, help="Also list each document in the terminal.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
@click.option("-q", "--quiet", is_flag=True, help="No tables in the terminal (with --csv or --xlsx).")
def summary_cmd(results, csv_path, xlsx_path, per_document, lang, quiet) -> None:
    """Sum up json or jsonl reports (`check --format json|jsonl`): relations verified and findings by rule
    and severity, per office, kind of document and year as the paths say them, and the files that could
    not be read."""
    from ..reports import summary

    if xlsx_path:
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            click.echo("fiscal-lint: --xlsx needs openpyxl: pip install 'fiscal-lint[office]'", err=True)
            sys.exit(2)
    try:
        docs, notes = summary.load(list(results))
    except summary.ResultsError as e:
        click.echo(f"fiscal-lint: {e}", err=True)
        sys.exit(2)
    for note in notes:
        if not quiet:
            click.echo(f"fiscal-lint: {note}", err=True)
    if csv_path:
        summary.write_csv(docs, csv_path)
    if xlsx_path:
        summary.write_xlsx(docs, xlsx_path)
    if not quiet:
        from rich.console import Console

        console = Console(highlight=False)
        if not console.is_terminal and "COLUMNS" not in os.environ:
            console.width = 160  # into a file or a pager: tables as wide as they need, not folded at 80
        summary.render(docs, console, lang or default_lang(), per_document)


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
@click.option("--max-size", default=5_000_000, show_default=True, type=click.IntRange(1, 200_000_000),
              help="Largest upload accepted, in bytes.")
def serve_cmd(host, port, lang, max_size) -> None:
    """A local review page: paste text or pick a file and see the report. Nothing is written to disk."""
    from .serve import is_loopback, make_server

    if not is_loopback(host):
        click.echo(f"fiscal-lint: warning: listening on {host}, not only on this machine", err=True)
    try:
        server = make_server(host, port, lang or default_lang(), max_size)
    except OSError as e:
        raise click.ClickException(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    click.echo(f"fiscal-lint: review page at http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


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
    from ..run.registry import all_rules

    lang = lang or default_lang()
    for r in all_rules():
        click.echo(f"{r.code}  {r.name:<20} {r.family:<10} {r.severity:<8} {r.summary.get(lang)}")


@main.command("rule")
@click.argument("code")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
def rule_cmd(code, lang) -> None:
    """Explain one rule (by code or name) with a consistent and an inconsistent example."""
    from ..run.registry import all_rules
    from .docs import explain

    wanted = code.strip()
    rule = next((r for r in all_rules() if wanted.upper() == r.code or wanted.lower() == r.name), None)
    if rule is None:
        raise click.BadParameter(f"no rule {code!r}; `fiscal-lint rules` lists them", param_hint="CODE")
    click.echo(explain(rule, lang or default_lang()), nl=False)


if __name__ == "__main__":
    main()
