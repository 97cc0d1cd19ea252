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


TIME = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)


def run(args: list[str], cwd: Path, timeout: float, unprivileged: bool = False, stdin: str | None = None):
    """Exit status, wall time, peak RSS in MiB and the output. The peak is the ru_maxrss that GNU time reads
    for its own child: a child of this process would start from this process's peak (vfork, then exec)."""
    exe = shutil.which("fiscal-lint") or "fiscal-lint"
    cmd = [exe, "check", "--isolated", *args]
    if unprivileged and os.getuid() == 0:
        # root reads any file: drop the capabilities that let it, so that mode 000 means unreadable
        caps = "-dac_override,-dac_read_search"
        cmd = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *cmd]
    rss_file = cwd / ".rss"
    if TIME:
        cmd = [TIME, "-f", "%M", "-o", str(rss_file), *cmd]
    t = time.perf_counter()
    try:
        with open(stdin or os.devnull, "rb") as source:
            p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, stdin=source)
        code, out = p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        code, out = "timeout", ((e.stdout or b"") + (e.stderr or b"")).decode("utf-8", "replace")
    wall = time.perf_counter() - t
    try:
        rss = int(rss_file.read_text().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        rss = float("nan")
    return code, wall, rss, out


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
        cases: list[tuple[str, list[str], bool, str | None]] = []  # name, arguments, unprivileged, stdin
        # written by a process of their own: a child's ru_maxrss starts from its parent's peak (vfork, exec),
        # which must stay small for the numbers to be the child's
        names = [n for n in (a.names or pathological.CASES) if n in pathological.CASES]
        if names:
            subprocess.run([sys.executable, str(Path(__file__).parent / "pathological.py"), str(tmp), *names],
                           check=True, stdout=subprocess.DEVNULL)
        for name in names:
            cases.append((name, [name, "good.txt"], False, None))
            if name == "doc-5000-lines.txt":
                cases.append((f"{name} --format html", ["--format", "html", name, "good.txt"], False, None))
        if not a.names or "paths" in a.names:
            os.symlink("loop-b", tmp / "loop-a")
            os.symlink("loop-a", tmp / "loop-b")
            cases.append(("symlink loop", ["loop-a", "good.txt"], False, None))
            secret = tmp / "secret.txt"
            secret.write_text(GOOD, encoding="utf-8")
            secret.chmod(0)
            cases.append(("unreadable file", ["secret.txt", "good.txt"], True, None))
            os.mkfifo(tmp / "fifo.txt")
            cases.append(("FIFO", ["fifo.txt", "good.txt"], False, None))
            cases.append(("/dev/zero", ["/dev/zero", "good.txt"], False, None))
            cases.append(("- < /dev/zero", ["-", "good.txt"], False, "/dev/zero"))
            cases.append(("a growing file (--max-bytes 1000000)", ["--max-bytes", "1000000", "growing.txt", "good.txt"],
                          False, None))
            cases.append(("-o onto an input", ["-o", "good.txt", "good.txt"], False, None))
        print("| input | size | exit | wall (s) | peak RSS (MiB) | good file reported | first line of stderr |")
        print("|---|---|---|---|---|---|---|")
        for name, args, unprivileged, stdin in cases:
            f = tmp / next((x for x in args if not x.startswith("-") and not x.isdigit()), "-")
            writer = None
            if name.startswith("a growing file"):  # a writer appends to it all the while it is read
                writer = subprocess.Popen(["sh", "-c", f"yes '{GOOD.strip()}' > {f}"])
                time.sleep(0.05)
            size = f.stat().st_size if f.is_file() and not f.is_symlink() and stdin is None else 0
            fmt = [] if "--format" in args else ["--format", a.format]
            try:
                code, wall, rss, out = run([*fmt, *args], tmp, a.timeout, unprivileged, stdin)
            finally:
                if writer is not None:
                    writer.kill()
                    writer.wait()
            good = "FL101" in out and "good.txt" in out
            good = "n/a" if name.startswith("-o") else "yes" if good else "NO"
            err = next((line for line in out.splitlines() if line.startswith("fiscal-lint:")), "")
            print(f"| {name} | {size:,} | {code} | {wall:.1f} | {rss:.0f} | {good} | {err[:110]} |",
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
