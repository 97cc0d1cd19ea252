"""Measure fiscal-lint on hostile inputs: exit status, wall time and peak memory of one run that checks the
hostile file together with a good file, whose finding must still be reported.

    python benchmarks/measure.py [--timeout S] [NAME...]     # prints a Markdown table

The pathological documents are written by benchmarks/pathological.py; the path cases (a symlink loop, an
unreadable file, a FIFO, a device) are made here. Peak memory is the child's ru_maxrss (os.wait4).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import pathological  # noqa: E402

GOOD = "本年支出合计3.00万元，其中基本支出1.00万元，项目支出1.00万元。\n"  # FL101: 1 + 1 is not 3


def run(args: list[str], cwd: Path, timeout: float, unprivileged: bool = False) -> tuple[int, float, float, str]:
    """Exit status, wall time, peak RSS in MiB (the child's ru_maxrss, from os.wait4) and the output."""
    exe = shutil.which("fiscal-lint") or "fiscal-lint"
    cmd = [exe, "check", "--isolated", *args]
    if unprivileged and os.getuid() == 0:
        # root reads any file: drop the capabilities that let it, so that mode 000 means unreadable
        caps = "-dac_override,-dac_read_search"
        cmd = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *cmd]
    out_f, err_f = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=out_f, stderr=err_f)
    deadline = t + timeout
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            p.kill()
            pid, status, usage = os.wait4(p.pid, 0)
            break
        time.sleep(0.02)
    wall = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    out_f.seek(0)
    err_f.seek(0)
    out = (out_f.read() + err_f.read()).decode("utf-8", "replace")
    return p.returncode, wall, usage.ru_maxrss / 1024, out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--format", default="text")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fiscal-lint-hostile-"))
    try:
        (tmp / "good.txt").write_text(GOOD, encoding="utf-8")
        before = (tmp / "good.txt").read_bytes()
        cases: list[tuple[str, list[str], bool]] = []
        for p in pathological.write(tmp, a.names or None):
            cases.append((p.name, [p.name, "good.txt"], False))
        if not a.names or "paths" in a.names:
            os.symlink("loop-b", tmp / "loop-a")
            os.symlink("loop-a", tmp / "loop-b")
            cases.append(("symlink loop", ["loop-a", "good.txt"], False))
            secret = tmp / "secret.txt"
            secret.write_text(GOOD, encoding="utf-8")
            secret.chmod(0)
            cases.append(("unreadable file", ["secret.txt", "good.txt"], True))
            os.mkfifo(tmp / "fifo.txt")
            cases.append(("FIFO", ["fifo.txt", "good.txt"], False))
            cases.append(("/dev/zero", ["/dev/zero", "good.txt"], False))
            cases.append(("-o onto an input", ["-o", "good.txt", "good.txt"], False))
        print("| input | size | exit | wall (s) | peak RSS (MiB) | good file reported | first line of stderr |")
        print("|---|---|---|---|---|---|---|")
        for name, args, unprivileged in cases:
            f = tmp / args[0]
            size = f.stat().st_size if f.is_file() and not f.is_symlink() else 0
            code, wall, rss, out = run(["--format", a.format, *args], tmp, a.timeout, unprivileged)
            good = "FL101" in out and "good.txt" in out
            err = next((line for line in out.splitlines() if line.startswith("fiscal-lint:")), "")
            print(f"| {name} | {size:,} | {code} | {wall:.1f} | {rss:.0f} | {'yes' if good else 'NO'} | {err[:110]} |",
                  flush=True)
        if (tmp / "good.txt").read_bytes() != before:
            print("good.txt was overwritten!")
    finally:
        try:
            (tmp / "secret.txt").chmod(0o644)
        except OSError:
            pass
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
