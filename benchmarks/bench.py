"""How fast fiscal-lint checks a collection, run by hand (not by CI, not collected by pytest):

    python benchmarks/bench.py [--docs 2000] [--dask]

It builds a corpus in a temporary folder from the bundled seeds (tests/corpus/seeds) and variants
(tests/variants): each document is one of them with one figure changed (one digit of one number
written with a unit), so that no two are alike and about a third of the figures stop agreeing. Then,
in one run, side by side:

- start-up: a bare interpreter, `fiscal-lint --version`, and `fiscal-lint check` on one small file;
- each PDF named with --pdf (by default those of ../shared/corpus/pdf, which are never committed), alone;
  and the bundled documents alone with --jobs 1 and 2 (what starting workers costs for little work);
- the corpus with --jobs 1 and --jobs 2 (and with --dask, on a `dask scheduler` with two one-thread
  workers, started as processes of their own as on a real cluster): wall time,
  characters per second per process checking, characters per CPU second, peak memory (the whole
  process tree, sampled);
- a floor: one regex that finds every number with its unit, over the same text, in this process —
  no checker can read faster than that.

The machine's load (/proc/loadavg) before and after is printed with the numbers: on a machine shared
with other work they mean little without it.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
BASES = [ROOT / "tests" / "corpus" / "seeds", ROOT / "tests" / "variants"]
DIGITS = "0123456789"
WIDE = "０１２３４５６７８９"
# every number written with a unit: the floor, and the figures one of which each document changes
FIGURE = regex.compile(r"[0-9０-９]+(?:[.,，．][0-9０-９]+)*\s*(?:万亿元|亿元|万元|千元|元|%|％|个|项|人|名|辆|台|次|家|条)")
NUMBER = regex.compile(r"[0-9０-９]+(?:\.[0-9]+)?")


def _read(path: Path) -> tuple[str, str]:
    data = path.read_bytes()
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    raise SystemExit(f"cannot decode {path}")


def _bump(ch: str, by: int) -> str:
    for digits in (DIGITS, WIDE):
        if ch in digits:
            return digits[(digits.index(ch) + by) % 10]
    return ch


def _last_digit(text: str, start: int, end: int) -> int:
    k = end - 1
    while k > start and text[k] not in DIGITS + WIDE:
        k -= 1
    return k


def build(folder: Path, n: int) -> int:
    """n documents, each a seed or variant with one figure's last digit changed; their characters."""
    bases = []
    for base in BASES:
        for path in sorted(base.iterdir()):
            if path.suffix in (".txt", ".md"):
                text, enc = _read(path)
                # the last digit of each figure (of each number, in a document whose figures have no unit)
                spots = [_last_digit(text, m.start(), m.end()) for m in FIGURE.finditer(text)]
                spots = spots or [m.end() - 1 for m in NUMBER.finditer(text)]
                if spots:
                    bases.append((path, text, enc, spots))
    chars = 0
    for i in range(n):
        path, text, enc, spots = bases[i % len(bases)]
        round_ = i // len(bases)
        spot = spots[round_ % len(spots)]
        by = 1 + (round_ // len(spots)) % 9
        changed = text[:spot] + _bump(text[spot], by) + text[spot + 1:]
        out = folder / f"{i:05d}_{path.stem}{path.suffix}"
        out.write_bytes(changed.encode(enc))
        chars += len(changed)
    return chars


TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _processes() -> dict[int, tuple[int, int]]:
    """Every process: pid -> (parent pid, CPU ticks used, user and system)."""
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                out[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
            except (OSError, IndexError, ValueError):
                pass
    return out


def _descendants(procs: dict, root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _rss(pids: list[int]) -> tuple[int, int]:
    """Resident memory of the processes, in all and of the largest one."""
    total = largest = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        size = int(line.split()[1]) * 1024
                        total += size
                        largest = max(largest, size)
        except OSError:
            pass
    return total, largest


def timed(cmd: list[str], sample: bool = False) -> tuple[float, tuple[int, int], float, subprocess.CompletedProcess]:
    """Wall seconds; peak resident memory of the command's process tree (in all, and of its largest process: a
    worker's bound) and the CPU seconds used by every process below this one (the command, its workers, a dask
    scheduler and its workers), sampled every 50 ms; and the result."""
    peak, largest, cpu = 0, 0, {}
    me = os.getpid()
    before = {pid: ticks for pid, (_, ticks) in _processes().items()} if sample else {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "CI": "1"})
    done = threading.Event()

    def watch():
        nonlocal peak, largest
        while not done.is_set():
            procs = _processes()
            for pid in _descendants(procs, me):
                cpu[pid] = procs[pid][1] - before.get(pid, 0)
            tree = [proc.pid, *_descendants(procs, proc.pid)]
            total, one = _rss(tree)
            peak, largest = max(peak, total), max(largest, one)
            done.wait(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    if sample and os.path.isdir("/proc"):
        watcher.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    if watcher.is_alive():
        watcher.join()
    return wall, (peak, largest), sum(cpu.values()) / TICK, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _pages(pdf: Path) -> str:
    try:
        import pypdfium2

        return str(len(pypdfium2.PdfDocument(str(pdf))))
    except Exception:  # no reader here, or not a PDF it can open: the time still counts
        return "?"


def median_wall(cmd: list[str], runs: int = 5) -> float:
    return statistics.median(timed(cmd)[0] for _ in range(runs))


def start_cluster(tmp: Path) -> tuple[str, list[subprocess.Popen]]:
    """A dask scheduler and two one-thread workers, as `dask scheduler` and `dask worker` start them on a
    real cluster (processes of their own, not threads of this one); their address."""
    dask = shutil.which("dask") or sys.exit("--dask: the dask command is not installed (pip install 'fiscal-lint[dask]')")
    info = tmp / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                  "--scheduler-file", str(info)], **quiet)
    workers = subprocess.Popen([dask, "worker", "--scheduler-file", str(info), "--nworkers", "2", "--nthreads", "1",
                                "--no-dashboard"], **quiet)
    from distributed import Client

    for _ in range(600):
        if info.exists():
            try:
                with Client(scheduler_file=str(info), timeout=5) as client:
                    client.wait_for_workers(2, timeout=60)
                    return client.scheduler.address, [workers, scheduler]
            except (OSError, ValueError):
                pass
        time.sleep(0.1)
    sys.exit("the dask scheduler did not start")


def loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text().split(" ")[0:3].__str__()
    except OSError:
        return "n/a"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--dask", action="store_true", help="also run on a dask scheduler with two one-thread workers")
    ap.add_argument("--pdf", nargs="*", type=Path, default=None,
                    help="PDFs to time one by one (default: those in ../shared/corpus/pdf, where there are any)")
    args = ap.parse_args()
    pdfs = args.pdf if args.pdf is not None else sorted((ROOT.parent / "shared" / "corpus" / "pdf").glob("*.pdf"))
    exe = shutil.which("fiscal-lint") or sys.exit("fiscal-lint is not installed in this environment")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"python {sys.version.split()[0]}, {cores} cores available, load before {loadavg()}")
    with tempfile.TemporaryDirectory(prefix="fiscal-lint-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        t = time.perf_counter()
        chars = build(corpus, args.docs)
        size = sum(p.stat().st_size for p in corpus.iterdir())
        print(f"corpus: {args.docs} documents, {chars:,} characters, {size:,} bytes (built in {time.perf_counter() - t:.1f} s)")
        small = next(p for p in sorted(corpus.iterdir()) if "05_yi_change_ok" in p.name)

        rows = []
        rows.append(("bare interpreter (python -c pass)", median_wall([sys.executable, "-c", "pass"]), None, None, None))
        rows.append(("fiscal-lint --version", median_wall([exe, "--version"]), None, None, None))
        rows.append(("fiscal-lint check (one small file)", median_wall([exe, "check", "--quiet", str(small)]), None, None,
                     None))
        for pdf in pdfs:  # a PDF's cost is mostly its reader's: timed alone, median of 3
            runs = [timed([exe, "check", "--quiet", "--format", "json", "-o", os.devnull, str(pdf)]) for _ in range(3)]
            unread = any(r[3].returncode == 2 for r in runs)  # no pdf extra, or a file it cannot open: no PDF's time
            rows.append((f"check a PDF of {_pages(pdf)} pages" + (" (NOT READ: exit 2)" if unread else ""),
                         statistics.median(r[0] for r in runs), None, None, None))

        # the bundled documents alone (70, 0.4 MB): below engine.AUTO_MIN_BYTES, where --jobs defaults to 1
        for opts in (["--jobs", "1"], ["--jobs", "2"]):
            wall = median_wall([exe, "check", "--quiet", "--format", "json", "-o", os.devnull, *opts,
                                *map(str, BASES)], runs=3)
            rows.append((f"check the {sum(1 for b in BASES for p in b.iterdir() if p.suffix in ('.txt', '.md'))} "
                         f"bundled docs {' '.join(opts)}", wall, None, None, None))

        texts = [_read(p)[0] for p in sorted(corpus.iterdir())]
        t = time.perf_counter()
        found = sum(len(FIGURE.findall(text)) for text in texts)
        floor = time.perf_counter() - t
        outputs = {}
        runs = [("--jobs 1", ["--jobs", "1"], 1), ("--jobs 2", ["--jobs", "2"], 2)]
        if args.dask:
            runs.append(("--scheduler (2 dask workers)", None, 2))
        for name, opts, n in runs:
            cluster = []
            if opts is None:  # started only now, so that its idle processes do not share the other runs' cores
                address, cluster = start_cluster(Path(tmp))
                opts = ["--scheduler", address]
            out = Path(tmp) / f"out{len(outputs)}.json"
            wall, peak, cpu, r = timed([exe, "check", "--quiet", "--format", "json", "-o", str(out), *opts, str(corpus)],
                                       sample=True)
            for process in cluster:
                process.terminate()
                process.wait(30)
            if r.returncode not in (0, 1):
                sys.exit(f"{name} failed ({r.returncode}): {r.stderr.decode()[-2000:]}")
            outputs[name] = out.read_bytes()
            rows.append((f"check {args.docs} docs {name}", wall, chars / wall / n, chars / cpu if cpu else None, peak))
        rows.append((f"regex floor ({found:,} figures), in-process", floor, chars / floor, chars / floor, None))
        report = json.loads(outputs["--jobs 1"])
        same = len(set(outputs.values())) == 1

    print(f"load after {loadavg()}")
    print()
    print(f"{'what':<44} {'wall s':>8} {'chars/s/core':>13} {'chars/CPU-s':>12} {'peak RSS MB':>12} {'largest':>8}")
    for name, wall, rate, per_cpu, peak in rows:
        total, one = peak or (0, 0)
        print(f"{name:<44} {wall:>8.3f} {'' if rate is None else f'{rate:,.0f}':>13} "
              f"{'' if per_cpu is None else f'{per_cpu:,.0f}':>12} {'' if not total else f'{total / 1e6:.0f}':>12} "
              f"{'' if not one else f'{one / 1e6:.0f}':>8}")
    print("chars/s/core: characters / wall seconds / processes checking (the machine's load lowers it);")
    print("chars/CPU-s: characters / CPU seconds of every process involved, dask's scheduler and workers")
    print("included (less sensitive to the load than wall time); peak RSS: the whole process tree, and its largest")
    print("process (with --jobs 2, the parent or a worker)")
    one = next(row[1] for row in rows if row[0] == f"check {args.docs} docs --jobs 1")
    two = next(row[1] for row in rows if row[0] == f"check {args.docs} docs --jobs 2")
    print()
    print(f"--jobs 1: {size / one / 1e6:.2f} MB/s of input ({size:,} bytes)")
    print(f"--jobs 2 / --jobs 1: {one / two:.2f}x faster; outputs identical: {same}; "
          f"{len(report['findings'])} findings, {sum(c['status'] == 'pass' for c in report['checks'])} relations verified")


if __name__ == "__main__":
    main()
