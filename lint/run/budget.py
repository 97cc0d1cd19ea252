"""A time budget per file (--timeout-per-file), so that one document cannot hold a whole run.

Implemented with SIGALRM (setitimer) in the thread that checks the file, not with a worker process: a
worker would have to send every result back, and a result holds the whole read document (the reports
draw from it), which is large to pickle and not made to be; an alarm costs nothing when it does not
fire. The alarm raises TimedOut, a BaseException, so that the engine's guards against a failing rule
(which catch Exception) let it through to the file's own result. Its limits: it needs POSIX and the
main thread (elsewhere — Windows, a server thread — files run without a budget), and it interrupts
Python code only between bytecodes, so one long call into C would delay it; the caps of text/caps.py
keep every such call short. Memory is bounded by those caps and the input limits, not by this.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class TimedOut(BaseException):
    """The file's time budget ran out."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"timed out after {seconds:g} s (see --timeout-per-file)")
        self.seconds = seconds


def available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def limit(seconds: float | None):
    """Raise TimedOut in the body once `seconds` have passed; None or 0: no limit."""
    if not seconds or not available():
        yield
        return

    def expire(signum, frame):
        raise TimedOut(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
