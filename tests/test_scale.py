"""Checking many files: --jobs (a pool of worker processes), --scheduler (a dask cluster), --format
jsonl, the progress bar, and `fiscal-lint summary`. Whatever runs the files, the reports are the same."""
import csv
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import HERE
from fiscal_lint.front.cli import main
from fiscal_lint.reports import progress, summary
from fiscal_lint.run import engine, pool

CORPUS = [str(HERE / "corpus" / "seeds"), str(HERE / "variants")]


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_jobs_2_writes_what_jobs_1_writes(fmt):
    one = run("check", "--format", fmt, "--lang", "en", "--jobs", "1", *CORPUS)
    two = run("check", "--format", fmt, "--lang", "en", "--jobs", "2", *CORPUS)
    assert one.exit_code == two.exit_code == 1
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr == ""


def test_every_format_renders_pooled_results_as_in_process_ones():
    """The workers send back a DocumentView, not the Document: every report reads only what it holds."""
    from fiscal_lint.reports import concise, github, gitlab, html, sarif
    from fiscal_lint.reports import json as json_report

    planned = engine.plan(CORPUS)
    here = list(engine.run(planned, 1))
    pooled = list(engine.run(planned, 2))
    assert all(isinstance(r.doc, engine.DocumentView) for r in pooled)
    assert [r.path for r in pooled] == [r.path for r in here] == [j.path for j in planned]
    for render in (concise.render, github.render, gitlab.render, html.render, sarif.render, json_report.render):
        for lang in ("en", "zh"):
            assert render(pooled, lang) == render(here, lang), render


def test_places_in_html_and_excel_cross_back_from_the_workers(tmp_path):
    """Findings in HTML lines and Excel cells keep their places (the Locator travels with the view)."""
    prose = "2024年度收入合计1010.52万元,较上年决算数增加210.44万元,增长27.3%。"
    (tmp_path / "page.html").write_text(f"<html><body><article><p>说明</p><p>{prose}</p></article></body></html>",
                                        encoding="utf-8")
    (tmp_path / "note.txt").write_text(prose + "\n", encoding="utf-8")
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "支出决算表"
    for row in (["项目", "年初预算数", "全年执行数"], ["基本支出", 300.0, 331.66], ["项目支出", 600.0, 678.86],
                ["合计", 900.0, 1000.52]):
        book.active.append(row)
    book.save(tmp_path / "tables.xlsx")
    for fmt in ("sarif", "text", "json"):
        one = run("check", "--isolated", "--lang", "en", "--format", fmt, "--jobs", "1", str(tmp_path))
        two = run("check", "--isolated", "--lang", "en", "--format", fmt, "--jobs", "2", str(tmp_path))
        assert two.stdout == one.stdout and one.exit_code == two.exit_code == 1
    places = [f["location"] for f in json.loads(two.stdout)["findings"]]
    assert {"line": 1} in places and {"sheet": "支出决算表", "cell": "C4"} in places and None in places


def test_jsonl_lines_are_the_json_report_a_file_at_a_time(tmp_path):
    whole = json.loads(run("check", "--format", "json", "--lang", "en", *CORPUS).stdout)
    out = tmp_path / "r.jsonl"
    r = run("check", "--format", "jsonl", "--lang", "en", "--jobs", "2", "-o", str(out), *CORPUS)
    assert r.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    lines = [json.loads(line) for line in text.splitlines()]
    files = [x for x in lines if x["type"] == "file"]
    assert [x["type"] for x in lines] == ["file"] * len(files) + ["summary"]
    assert all(x["version"] == 1 for x in lines)
    assert [x["file"] for x in files] == whole["files"]
    assert [f for x in files for f in x["findings"]] == whole["findings"]
    assert [c for x in files for c in x["checks"]] == whole["checks"]
    end = lines[-1]
    assert end["tool"] == whole["tool"] and end["suppressions"] == whole["suppressions"]
    assert (end["files"], end["findings"], end["checks"]) == (len(whole["files"]), len(whole["findings"]),
                                                              len(whole["checks"]))


def test_jsonl_flushes_each_line_as_it_is_written():
    from fiscal_lint.reports import jsonl

    class Stream(io.StringIO):
        flushed: list = []

        def flush(self):
            self.flushed.append(self.getvalue().count("\n"))

    stream = Stream()
    writer = jsonl.Writer(stream, "en")
    for r in engine.run(engine.plan(CORPUS[:1]), 1):
        writer.file(r)
    writer.end()
    assert Stream.flushed == list(range(1, 7))  # five files, then the summary: each on disk when written


def _mixed(tmp_path):
    """Good files, one binary among them, one that does not exist."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("02_trad_change_error.txt", "04_yuan_sum_error.txt", "05_yi_change_ok.txt"):
        shutil.copy(HERE / "variants" / name, folder / name)
    (folder / "03_binary.txt").write_bytes(b"\x00\x01\xff\xfe" * 200 + bytes(range(256)))
    return [str(folder), str(tmp_path / "missing.txt")]


def test_a_bad_file_among_good_ones_costs_only_itself_with_jobs_2(tmp_path):
    paths = _mixed(tmp_path)
    one = run("check", "--format", "json", "--jobs", "1", *paths)
    two = run("check", "--format", "json", "--jobs", "2", *paths)
    assert one.exit_code == two.exit_code == 2
    assert two.stdout == one.stdout and two.stderr == one.stderr
    files = json.loads(two.stdout)["files"]
    assert [f["status"] for f in files] == ["checked", "error", "checked", "checked", "error"]
    assert sum(f["findings"] for f in files if f["status"] == "checked") >= 2


def die_on(item):
    """A worker function for the pool tests (module level: the workers import it by name)."""
    if item == "die":
        os._exit(70)
    return item * 2


def always_die(item):
    os._exit(70)


def test_the_pool_runs_with_the_spawn_start_method_too(monkeypatch):
    """Where there is no forkserver (Windows), workers are spawned: everything they get must pickle."""
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    planned = engine.plan([str(HERE / "variants" / n) for n in ("02_trad_change_error.txt", "04_yuan_sum_error.txt",
                                                                 "34_markdown_sangong.md")])
    from fiscal_lint.reports import json as json_report

    assert json_report.render(list(engine.run(planned, 2)), "en") == json_report.render(list(engine.run(planned, 1)), "en")


def test_a_worker_that_dies_costs_only_the_item_it_was_on():
    items = ["a", "b", "die", "c", "d", "e"]
    got = list(pool.ordered(die_on, items, 2, died=lambda item, why: f"died: {why}"))
    assert got == ["aa", "bb", "died: the worker process checking it died", "cc", "dd", "ee"]


def pid_of(item):
    return os.getpid()


def test_the_workers_are_renewed_and_never_run_out():
    """Every TASKS_PER_CHILD batches a worker, the pool's workers are new ones. With max_tasks_per_child, a worker
    that left while later batches were done before the first (the pool then counted a worker as idle) was not
    replaced, until none was left and the run hung (CPython gh-115634): so in a process of its own, with a bound
    for a hang, not a speed (the run takes about a second)."""
    script = (f"import os, sys, time; sys.path.insert(0, {str(HERE)!r}); from fiscal_lint.run import pool; "
              "from test_scale import pid_of; pool.BATCH_ITEMS = 1; pool.TASKS_PER_CHILD = 2; "
              "pids = list(pool.ordered(pid_of, range(12), 2, died=lambda item, why: why)); "  # 3 pools of 2
              "slept = list(pool.ordered(time.sleep, [0.3] + [0] * 30, 2, died=lambda item, why: why)); "
              "print(len(pids), len(set(pids)) >= 3, os.getpid() in pids, len(slept))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["12", "True", "False", "31"], done.stderr


def test_items_travel_in_batches_of_consecutive_items():
    n = pool.BATCH_ITEMS
    assert [len(b) for b in pool.batches(range(2 * n + 5))] == [n, n, 5]
    sizes = [pool.BATCH_WEIGHT // 2] * 3 + [1] * 3 + [pool.BATCH_WEIGHT * 5]
    assert [len(b) for b in pool.batches(sizes, weight=lambda n: n)] == [2, 5]
    assert [x for b in pool.batches(range(2 * n + 5)) for x in b] == list(range(2 * n + 5))


def test_workers_that_cannot_run_at_all_stop_the_pool():
    with pytest.raises(pool.PoolError):
        list(pool.ordered(always_die, list("abcdef"), 2, died=lambda item, why: why))


def test_default_jobs_stays_in_this_process_for_little_work(tmp_path):
    planned = engine.plan(CORPUS)
    assert engine.workers_for(planned, None) == 1  # 370 kB: less than starting workers costs
    assert engine.workers_for(planned, 2) == 2
    assert engine.workers_for(planned[:1], 8) == 1  # one file: in this process
    assert engine.workers_for(planned, 500) == len(planned)
    big = tmp_path / "big.txt"
    big.write_text("一般公共预算支出100万元。\n" * (engine.AUTO_MIN_BYTES // 30), encoding="utf-8")
    assert engine.workers_for(engine.plan([str(big), *CORPUS]), None) == pool.cpus()
    assert pool.cpus() >= 1


def test_standard_input_is_read_once_and_checked_with_the_others():
    text = (HERE / "variants" / "02_trad_change_error.txt").read_bytes()
    one = run("check", "--format", "json", "--jobs", "1", "-", CORPUS[1], input=text)
    two = run("check", "--format", "json", "--jobs", "2", "-", CORPUS[1], input=text)
    assert two.stdout == one.stdout
    assert json.loads(two.stdout)["files"][0]["path"] == "-"


# ---- progress -----------------------------------------------------------------------------------

class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_silent_when_standard_error_is_not_a_terminal():
    r = run("check", "--jobs", "2", "--format", "json", *CORPUS)
    assert r.stderr == ""
    assert not progress.wanted(io.StringIO(), environ={})
    assert progress.wanted(Terminal(), environ={})
    assert not progress.wanted(Terminal(), environ={"CI": "true"})
    assert not progress.wanted(Terminal(), environ={"TERM": "dumb"})
    assert not progress.wanted(Terminal(), environ={}, quiet=True)


def test_progress_draws_on_a_terminal_only_once_the_run_is_long():
    quick = Terminal()
    with progress.Bar(3, enabled=True, stream=quick, delay=60) as bar:
        for _ in range(3):
            bar.advance(1)
    assert quick.getvalue() == ""
    slow = Terminal()
    with progress.Bar(3, enabled=True, stream=slow, delay=0) as bar:
        import time

        time.sleep(0.2)
        for _ in range(3):
            bar.advance(2)
    assert "checking" in slow.getvalue() and "3/3" in slow.getvalue() and "6 findings" in slow.getvalue()


def test_quiet_drops_the_notes_but_not_the_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    r = run("check", "--quiet", str(tmp_path / "empty"))
    assert r.exit_code == 0 and r.stderr == ""
    assert "no files to check" in run("check", str(tmp_path / "empty")).stderr
    r = run("check", "--quiet", str(tmp_path / "missing.txt"))
    assert r.exit_code == 2 and "no such file" in r.stderr


# ---- summary ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path, expected", [
    ("大英县/2023/决算.pdf", ("大英县", "决算", "2023")),
    ("2023年度四川省大英县行政审批局部门决算.txt", ("四川省大英县行政审批局", "决算", "2023")),
    ("docs/2024/2023-133-大英县行政审批局部门决算公开报表.xls", ("大英县行政审批局", "决算", "2023")),
    ("关于大英县财政局2022年度三公经费预算的说明.docx", ("大英县财政局", "三公", "2022")),
    ("县教育局/绩效自评/2021年度项目支出绩效自评报告.pdf", ("县教育局", "绩效", "2021")),
    (r"C:\insp\2022\某某县卫健局\部门預算.pdf", ("某某县卫健局", "预算", "2022")),
    ("x/2023年/部门预算/县水利局.txt", ("县水利局", "预算", "2023")),
    ("tests/corpus/seeds/000_b56fbf9ec72289d4.txt", ("seeds", "", "")),
    ("reports/fy2023/budget.txt", ("reports", "", "2023")),
])
def test_office_kind_and_year_are_read_from_the_path(path, expected):
    assert summary.facets(path) == expected


def _inspection(tmp_path):
    """A small collection laid out as an inspector's folders, checked into json and jsonl."""
    root = tmp_path / "insp"
    layout = {"大英县财政局/2023/2023年部门决算.txt": "02_trad_change_error.txt",
              "大英县财政局/2023/2023年三公经费预算.txt": "05_yi_change_ok.txt",
              "大英县教育局/2022/部门预算.txt": "04_yuan_sum_error.txt"}
    for rel, name in layout.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(HERE / "variants" / name, root / rel)
    (root / "大英县教育局/2022/部门决算.txt").write_bytes(b"\x00\xff" * 300)
    return root


def test_summary_writes_a_csv_per_document_and_an_xlsx(tmp_path):
    root = _inspection(tmp_path)
    results = tmp_path / "r.jsonl"
    run("check", "--format", "jsonl", "-o", str(results), str(root))
    out = tmp_path / "s.csv"
    r = run("summary", "--csv", str(out), "--lang", "en", str(results))
    assert r.exit_code == 0, r.output
    assert "By office, kind and year" in r.stdout and "Could not be read" in r.stdout
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 4
    by = {(row["office"], row["kind"], row["year"]): row for row in rows}
    assert set(by) == {("大英县财政局", "决算", "2023"), ("大英县财政局", "三公", "2023"),
                       ("大英县教育局", "预算", "2022"), ("大英县教育局", "决算", "2022")}
    assert by[("大英县教育局", "决算", "2022")]["status"] == "error"
    assert int(by[("大英县财政局", "决算", "2023")]["error"]) >= 1
    assert int(by[("大英县财政局", "三公", "2023")]["verified"]) >= 1
    assert by[("大英县教育局", "预算", "2022")]["FL101"] == "1"
    # the json report of the same run sums up the same
    whole = tmp_path / "r.json"
    run("check", "--format", "json", "-o", str(whole), str(root))
    again = tmp_path / "t.csv"
    assert run("summary", "--csv", str(again), str(whole)).exit_code == 0
    assert again.read_text(encoding="utf-8-sig") == out.read_text(encoding="utf-8-sig")

    openpyxl = pytest.importorskip("openpyxl")
    book_path = tmp_path / "s.xlsx"
    assert run("summary", "--quiet", "--xlsx", str(book_path), str(results)).exit_code == 0
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames == ["documents", "groups", "rules"]
    groups = list(book["groups"].values)
    assert groups[0][:4] == ("office", "kind", "year", "documents") and len(groups) == 5
    assert {row[0] for row in list(book["rules"].values)[1:]} == {"FL101", "FL201"}


def test_summary_without_openpyxl_says_which_extra(tmp_path, monkeypatch):
    results = tmp_path / "r.json"
    run("check", "--format", "json", "-o", str(results), CORPUS[1])
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    r = run("summary", "--xlsx", str(tmp_path / "s.xlsx"), str(results))
    assert r.exit_code == 2 and "fiscal-lint[office]" in r.stderr


def test_summary_reads_a_jsonl_cut_off_by_a_crash_and_refuses_other_files(tmp_path):
    results = tmp_path / "r.jsonl"
    run("check", "--format", "jsonl", "-o", str(results), CORPUS[0])
    text = results.read_text(encoding="utf-8")
    cut = tmp_path / "cut.jsonl"
    cut.write_text(text[: text.index("\n", len(text) // 2) + 40], encoding="utf-8")
    docs, notes = summary.load([str(cut)])
    assert 1 <= len(docs) < 5 and notes and "incomplete last line" in notes[0]
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}\n', encoding="utf-8")
    r = run("summary", str(other))
    assert r.exit_code == 2 and "not a fiscal-lint" in r.stderr
    assert run("summary", str(tmp_path / "none.json")).exit_code == 2


# ---- dask ---------------------------------------------------------------------------------------

def test_a_dask_cluster_writes_what_jobs_1_writes():
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    expected = run("check", "--format", "json", "--jobs", "1", *CORPUS)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        got = run("check", "--format", "json", "--scheduler", cluster.scheduler_address, *CORPUS)
        jsonl = run("check", "--format", "jsonl", "--scheduler", cluster.scheduler_address, CORPUS[0])
    assert got.exit_code == expected.exit_code == 1
    assert got.stdout == expected.stdout
    assert [json.loads(line)["type"] for line in jsonl.stdout.splitlines()] == ["file"] * 5 + ["summary"]


def test_without_distributed_scheduler_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    r = run("check", "--scheduler", "tcp://127.0.0.1:9", *CORPUS)
    assert r.exit_code == 2 and "fiscal-lint[dask]" in r.stderr and r.stdout == ""


def test_an_unreachable_scheduler_is_an_error_that_says_so():
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    with pytest.raises(pool.ClusterError, match="cannot reach"):
        list(pool.on_cluster(engine.check_portable, [], "tcp://127.0.0.1:9", died=None, timeout=1))


def test_a_forkserver_that_cannot_start_early_is_left_to_the_pool(monkeypatch):
    from multiprocessing import forkserver

    def refuse():
        raise OSError("no forkserver here")

    monkeypatch.setattr(forkserver, "ensure_running", refuse)
    pool.start_server(["fiscal_lint.run.worker"])  # no error: the pool starts it, or says why it cannot
