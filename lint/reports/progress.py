"""A progress bar on standard error while many files are checked: files done of all, documents per
second, findings so far.

It is shown only to a person watching: standard error is a terminal, the CI variable is not set (CI
services set it) and --quiet was not given; and only once the run has lasted DELAY seconds, so a quick
run prints nothing at all. It draws on standard error alone and leaves when the run ends (transient),
so the report that follows, on standard output or in a file, is the same with or without it.
"""
from __future__ import annotations

import os
import sys
import threading
import time

DELAY = 1.0  # seconds before the bar appears


def wanted(stream=None, environ=None, quiet: bool = False) -> bool:
    """Whether a bar would be seen: a terminal, not CI, not --quiet."""
    stream = sys.stderr if stream is None else stream
    environ = os.environ if environ is None else environ
    if quiet or environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    if environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


class Bar:
    """`with Bar(total, enabled) as bar: … bar.advance(findings)` — does nothing when not enabled."""

    def __init__(self, total: int, enabled: bool, stream=None, delay: float = DELAY):
        self.total = total
        self.enabled = enabled and total > 1
        self.stream = sys.stderr if stream is None else stream
        self.delay = delay
        self.done = self.findings = 0
        self._lock = threading.Lock()
        self._progress = self._task = self._timer = None
        self._started = self._stopped = False
        self._t0 = time.monotonic()

    def __enter__(self) -> Bar:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = Console(file=self.stream, highlight=False)
            self._progress = Progress(
                TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} docs/s"), TextColumn("{task.fields[findings]} findings"),
                TimeElapsedColumn(), console=console, transient=True, redirect_stdout=False, redirect_stderr=False)
            self._task = self._progress.add_task("check", total=self.total, rate="0.0", findings=0)
            self._timer = threading.Timer(self.delay, self._start)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _start(self) -> None:
        with self._lock:
            if not self._stopped and not self._started:
                self._started = True
                self._progress.start()

    def advance(self, findings: int = 0) -> None:
        self.done += 1
        self.findings += findings
        if self._progress is not None:
            elapsed = max(time.monotonic() - self._t0, 1e-6)
            self._progress.update(self._task, completed=self.done, rate=f"{self.done / elapsed:.1f}",
                                  findings=self.findings)

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
            if self._started:
                self._progress.stop()
