"""The long fuzz target, for a nightly run: the generators of the property tests, for as long as it is given.

    python tests/fuzz/run.py --minutes 60 [--jobs 4] [--inputs 1000000] [--out fuzz-out] [--kinds tables,bytes]
    python tests/fuzz/run.py --engine hypothesis --minutes 60      # slower, shrinks what fails
    python tests/fuzz/run.py --atheris -- -max_total_time=3600     # coverage-guided, if atheris is installed

Every input is linted and rendered in every report format, in English and Chinese; it must not raise, and an
input under 100 KB must finish within --budget seconds (2). The random engine (the default) draws from
random.Random, a seed per input, the generators taking turns; a failing or slow input is written to OUT with
its seed and traceback. The hypothesis engine explores in rounds of --round examples per generator and
shrinks a failing example (both the first and the shrunk input are written). The run ends after --minutes or
--inputs, whichever comes first; the exit status is 1 if anything was written. The counts per generator are
printed.
"""
from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for `fuzz`

from fuzz import strategies as S  # noqa: E402
from fuzz.properties import check_bytes, check_text  # noqa: E402

KINDS = {
    "text": (S.random_text, check_text),
    "vocabulary": (S.vocabulary, check_text),
    "tables": (S.tables(), check_text),
    "lines": (S.mutated_lines(), check_text),
    "bytes": (S.byte_strings(), check_bytes),
    "documents": (S.documents, check_text),
    "real": (None, check_text),  # random engine only, with --real-lines
}


class Run:
    def __init__(self, out: Path, budget: float) -> None:
        self.out, self.budget = out, budget
        self.counts = dict.fromkeys(KINDS, 0)
        self.failures = self.slow = 0
        out.mkdir(parents=True, exist_ok=True)

    def save(self, stem: str, data, note: str) -> None:
        path = self.out / f"{stem}.txt"
        body = data if isinstance(data, str) else repr(data)
        path.write_text(f"# {note}\n{body!r}\n", encoding="utf-8")

    def one(self, kind: str, data, name: str = "", note: str = "") -> Exception | None:
        """Lint and render one input; a crash or a slow input is written to OUT (as NAME, or by its count). The
        exception, if it raised."""
        self.counts[kind] += 1
        try:
            seconds = KINDS[kind][1](data, ("en", "zh"))
        except Exception as e:
            self.failures += 1
            self.save(f"crash-{kind}-{name or self.failures}", data, f"{note}{type(e).__name__}: {e}\n# " +
                      traceback.format_exc().replace("\n", "\n# "))
            return e
        size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        if seconds > self.budget and size < 100_000:
            self.slow += 1
            self.save(f"slow-{kind}-{name or self.slow}", data, f"{note}{seconds:.2f} s for {size} bytes")
        return None

    def property_for(self, kind: str):
        def prop(data):
            e = self.one(kind, data)
            if e is not None:
                raise e  # for hypothesis to shrink it (the shrunk input is written too)

        return prop


def hypothesis_rounds(run: Run, kinds: list[str], minutes: float, per_round: int) -> None:
    from hypothesis import HealthCheck, given, settings

    end = time.monotonic() + minutes * 60
    while time.monotonic() < end:
        for kind in kinds:
            if time.monotonic() >= end:
                break
            strategy, _ = KINDS[kind]
            test = settings(max_examples=per_round, deadline=None, database=None, derandomize=False,
                            suppress_health_check=list(HealthCheck))(given(strategy)(run.property_for(kind)))
            try:
                test()
            except Exception as e:  # the shrunk example was written by the property
                print(f"{kind}: {type(e).__name__}: {str(e)[:300]}", flush=True)
        print(f"{time.strftime('%H:%M:%S')} inputs so far: {sum(run.counts.values())} {run.counts} "
              f"failures {run.failures} slow {run.slow}", flush=True)


def real_lines(folder: Path) -> list[str]:
    return [line for p in sorted(folder.rglob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def random_run(out: Path, budget: float, kinds: list[str], minutes: float, inputs: int, seed: int,
               step: int, lines: list[str]) -> tuple[dict, int, int]:
    """Seeds seed, seed + step, … (one an input) until the time or the count is up; the counts, failures, slow."""
    S.REAL_LINES[:] = lines  # a spawned worker starts without them
    run = Run(out, budget)
    end, n, last = time.monotonic() + minutes * 60, 0, time.monotonic()
    while n < inputs and time.monotonic() < end:
        kind = kinds[n % len(kinds)]
        s = seed + n * step
        run.one(kind, S.GENERATORS[kind](S.Rand(s)), f"seed{s}", f"seed {s}: ")
        n += 1
        if step == 1 and time.monotonic() - last > 60:
            last = time.monotonic()
            print(f"{time.strftime('%H:%M:%S')} inputs so far: {n} failures {run.failures} slow {run.slow}",
                  flush=True)
    return run.counts, run.failures, run.slow


def _job(args):
    return random_run(*args)


def atheris_target(run: Run, argv: list[str]) -> None:
    import atheris

    # fiscal_lint is imported already (through fuzz.properties): instrument what is loaded, for coverage
    atheris.instrument_all()

    def one(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        if fdp.ConsumeBool():
            check_bytes(fdp.ConsumeBytes(fdp.remaining_bytes()), ("en",))
        else:
            check_text(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), ("en",))

    atheris.Setup([sys.argv[0], *argv], one)
    atheris.Fuzz()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--inputs", type=int, default=10**9, help="stop after this many inputs in all")
    ap.add_argument("--engine", choices=("random", "hypothesis"), default="random")
    ap.add_argument("--jobs", type=int, default=1, help="processes (random engine)")
    ap.add_argument("--seed", type=int, default=0, help="the first seed (random engine)")
    ap.add_argument("--real-lines", type=Path, help="a folder of real texts (*.txt, kept outside the repository) "
                    "whose lines the 'real' generator mutates (random engine)")
    ap.add_argument("--round", type=int, default=2000, help="examples per generator per round")
    ap.add_argument("--budget", type=float, default=2.0, help="seconds an input under 100 KB may take")
    ap.add_argument("--kinds", default=",".join(k for k in KINDS if k != "real"))
    ap.add_argument("--out", type=Path, default=Path("fuzz-out"))
    ap.add_argument("--atheris", action="store_true", help="coverage-guided byte fuzzing with atheris")
    ap.add_argument("rest", nargs="*", help="after --: arguments for libFuzzer (with --atheris)")
    a = ap.parse_args()
    run = Run(a.out, a.budget)
    t = time.monotonic()
    if a.atheris:
        atheris_target(run, a.rest)
        return
    kinds = a.kinds.split(",")
    if a.real_lines:
        S.REAL_LINES[:] = real_lines(a.real_lines)
        if a.engine == "random" and "real" not in kinds:
            kinds.append("real")
    if "real" in kinds and (a.engine != "random" or not S.REAL_LINES):
        ap.error("the 'real' generator needs --real-lines DIR with text in it, and the random engine")
    if a.engine == "hypothesis":
        hypothesis_rounds(run, kinds, a.minutes, a.round)
    else:
        # job k takes the seeds seed + k, seed + k + jobs, …: together every seed once, whatever the job count
        share = -(-a.inputs // a.jobs)
        jobs = [(a.out, a.budget, kinds, a.minutes, share, a.seed + k, a.jobs, S.REAL_LINES) for k in range(a.jobs)]
        if a.jobs == 1:
            done = [random_run(*jobs[0])]
        else:
            with multiprocessing.get_context("spawn").Pool(a.jobs) as pool:
                done = pool.map(_job, jobs)
        for counts, failures, slow in done:
            for kind, n in counts.items():
                run.counts[kind] += n
            run.failures += failures
            run.slow += slow
    total = sum(run.counts.values())
    print(f"{total} inputs in {time.monotonic() - t:.0f} s: {run.counts}; {run.failures} failing, {run.slow} slow "
          f"(written to {a.out})")
    sys.exit(1 if run.failures or run.slow else 0)


if __name__ == "__main__":
    main()
