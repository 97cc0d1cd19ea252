"""The long fuzz target, for a nightly run: the generators of the property tests, for as long as it is given.

    python tests/fuzz/run.py --minutes 60 [--out fuzz-out] [--kinds tables,bytes]
    python tests/fuzz/run.py --atheris -- -max_total_time=3600     # coverage-guided, if atheris is installed

Hypothesis explores with fresh randomness in rounds of --round examples per generator; a failing example is
shrunk, and both the first and the shrunk input are written to OUT with their traceback. Every input under
100 KB must also finish (lint and every report) within --budget seconds (2): a slower one is written to OUT
as slow-N.txt. The exit status is 1 if anything was written. The counts of inputs per generator are printed.
"""
from __future__ import annotations

import argparse
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

    def property_for(self, kind: str):
        _, check = KINDS[kind]

        def prop(data):
            self.counts[kind] += 1
            try:
                seconds = check(data, ("en", "zh"))
            except Exception as e:
                self.failures += 1
                self.save(f"crash-{kind}-{self.failures}", data, f"{type(e).__name__}: {e}\n# " +
                          traceback.format_exc().replace("\n", "\n# "))
                raise
            size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
            if seconds > self.budget and size < 100_000:
                self.slow += 1
                self.save(f"slow-{kind}-{self.slow}", data, f"{seconds:.2f} s for {size} bytes")

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
    ap.add_argument("--round", type=int, default=2000, help="examples per generator per round")
    ap.add_argument("--budget", type=float, default=2.0, help="seconds an input under 100 KB may take")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--out", type=Path, default=Path("fuzz-out"))
    ap.add_argument("--atheris", action="store_true", help="coverage-guided byte fuzzing with atheris")
    ap.add_argument("rest", nargs="*", help="after --: arguments for libFuzzer (with --atheris)")
    a = ap.parse_args()
    run = Run(a.out, a.budget)
    t = time.monotonic()
    if a.atheris:
        atheris_target(run, a.rest)
        return
    hypothesis_rounds(run, a.kinds.split(","), a.minutes, a.round)
    total = sum(run.counts.values())
    print(f"{total} inputs in {time.monotonic() - t:.0f} s: {run.counts}; {run.failures} failing, {run.slow} slow "
          f"(written to {a.out})")
    sys.exit(1 if run.failures or run.slow else 0)


if __name__ == "__main__":
    main()
