"""Spreading per-file work over processes: a local pool (`--jobs N`) or a dask.distributed cluster
(`--scheduler ADDRESS`). Either way the results are yielded in the order of the items, as soon as
they and every item before them are done, and a process that dies costs only the item it was on.

Items travel in batches of consecutive items (up to BATCH_WEIGHT of `weight`, at most BATCH_ITEMS):
one small file is a few milliseconds of work, less than what sending a task costs on a busy machine
or a cluster, and a batch pays that cost once.

Nothing here knows what the work is: `fn` is a module-level function (so that it pickles by name, as
the spawn and forkserver start methods and dask need) taking one item and returning its result, and
`died(item, reason)` gives the result to report for an item whose process died under it.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

# multiprocessing and concurrent.futures are imported where a pool is started: a check in this process
# (--jobs 1, small inputs) does not pay for them at start-up

# each batch is a round trip through this process, which shares the cores with the workers: 25 small files a
# batch instead of 10 made --jobs 2 3% quicker on the bench corpus (farm-bench, paired, two calls of 9)
BATCH_ITEMS = 25
BATCH_WEIGHT = 64_000  # with the engine's weight, bytes of input: a fraction of a second of work
# the workers are replaced after about this many batches each (so after about 1000 files), which bounds what
# one process can accumulate: memory the allocator keeps after a very large document, caches
TASKS_PER_CHILD = 40
AHEAD = 3  # batches submitted per worker beyond the one it is on
DEATHS = 3  # items in a row that die alone, each in a fresh process: the fault is not in the items


def cpus() -> int:
    """The cores this process may run on (its affinity mask, not the machine's count)."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if count is not None:
        return max(1, count() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def batches(items: Iterable, weight: Callable | None = None) -> Iterator[list]:
    """Consecutive items, grouped up to BATCH_WEIGHT of weight(item) or BATCH_ITEMS items."""
    batch, load = [], 0
    for item in items:
        batch.append(item)
        load += weight(item) if weight is not None else 0
        if load >= BATCH_WEIGHT or len(batch) >= BATCH_ITEMS:
            yield batch
            batch, load = [], 0
    if batch:
        yield batch


def apply(fn: Callable, batch: list) -> list:
    """What a worker runs: fn over one batch."""
    return [fn(item) for item in batch]


def _context(preload: list[str]):
    """forkserver where there is one (a server process imports `preload` once, and each worker is a
    fork of it: quick to start and to replace, and safe in a process that runs threads, such as the
    progress bar's); spawn elsewhere (Windows)."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        if preload:
            ctx.set_forkserver_preload(preload)
        return ctx
    return multiprocessing.get_context("spawn")


def start_server(preload: list[str]) -> None:
    """Start the forkserver now, importing `preload`, where there is one: a pool started later forks its workers
    from it without waiting for its imports (a tenth of a second this process can spend on its own)."""
    ctx = _context(preload)
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        try:
            forkserver.ensure_running()
        except Exception:  # noqa: BLE001 (the pool tries again when it starts, and says why it cannot run)
            pass


def _start(initializer: Callable | None) -> None:
    """A worker's start: Ctrl-C is for the main process, which stops the pool (a worker would otherwise
    print its own KeyboardInterrupt); then the caller's initializer."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer()


def _executor(workers: int, initializer, preload: list[str]) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    # not max_tasks_per_child: up to Python 3.15 a worker that leaves at its limit may not be replaced, and once
    # none is left the pool hangs (CPython gh-115634); ordered() starts a new pool instead
    return ProcessPoolExecutor(max_workers=workers, mp_context=_context(preload), initializer=_start,
                               initargs=(initializer,))


class PoolError(Exception):
    """Worker processes cannot run at all (each one dies, whatever it is given)."""


def ordered(fn: Callable, items: Iterable, workers: int, died: Callable, initializer: Callable | None = None,
            preload: list[str] | None = None, weight: Callable | None = None) -> Iterator:
    """fn(item) for every item, computed by `workers` processes, yielded in the order of `items`.

    Once its processes have had about TASKS_PER_CHILD batches each, the next batches go to a new pool,
    forked from the same server, while the old one finishes those it has. When a worker dies (killed for
    memory, a crash in a C library), every batch in flight fails with the pool: the items of the first are
    run again one by one, each alone in a fresh process, and an item whose process dies again is reported
    with `died`; the other batches go to a new pool. When DEATHS items in a row die alone, the fault is not
    in the items: PoolError."""
    from concurrent.futures.process import BrokenProcessPool

    preload = list(preload or [])
    source = batches(items, weight)
    pending: deque = deque()  # (batch, future), in the order of the items
    executor = _executor(workers, initializer, preload)
    given = 0  # batches given to `executor`
    deaths = 0
    try:
        while True:
            while len(pending) < workers * (1 + AHEAD):
                batch = next(source, None)
                if batch is None:
                    break
                if given >= workers * TASKS_PER_CHILD:  # the old pool finishes its batches, then its processes end
                    executor.shutdown(wait=False)
                    executor, given = _executor(workers, initializer, preload), 0
                pending.append((batch, _submit(executor, batch, fn)))
                given += 1
            if not pending:
                break
            batch, future = pending.popleft()
            try:
                results = future.result()
                deaths = 0
            except BrokenProcessPool:
                executor.shutdown(wait=True, cancel_futures=True)
                results = []
                for item in batch:
                    result, alive = _alone(fn, item, died, initializer, preload)
                    deaths = 0 if alive else deaths + 1
                    if deaths >= DEATHS:
                        raise PoolError(f"worker processes cannot run here: {deaths} in a row died, each alone "
                                        f"with one item") from None
                    results.append(result)
                executor, given = _executor(workers, initializer, preload), len(pending)
                pending = deque((b, _submit(executor, b, fn)) for b, _ in pending)
            except Exception as e:  # a result could not cross back (it does not pickle, …)
                results = [died(item, f"{type(e).__name__}: {e}") for item in batch]
            yield from results
    except BaseException:  # interrupted, or the consumer stopped: do not wait for the files in flight
        for _, future in pending:  # of this pool and of one that is ending
            future.cancel()
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


def _submit(executor: ProcessPoolExecutor, batch: list, fn: Callable) -> Future:
    """executor.submit, or a future holding the BrokenProcessPool that a broken pool raises at once."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    try:
        return executor.submit(apply, fn, batch)
    except BrokenProcessPool as e:
        failed: Future = Future()
        failed.set_exception(e)
        return failed


def _alone(fn: Callable, item, died: Callable, initializer, preload: list[str]) -> tuple[object, bool]:
    """fn(item) in a process of its own: (result, True), or (died(item, why), False) when it dies."""
    from concurrent.futures.process import BrokenProcessPool

    with _executor(1, initializer, preload) as single:
        try:
            return _submit(single, [item], fn).result()[0], True
        except BrokenProcessPool:
            return died(item, "the worker process checking it died"), False
        except Exception as e:
            return died(item, f"{type(e).__name__}: {e}"), True


class ClusterError(Exception):
    """The cluster cannot be used: dask.distributed is not installed, the scheduler cannot be reached,
    or its workers run another version of fiscal-lint."""


def _version() -> str:
    """Run on each worker of a cluster: the fiscal-lint it has."""
    from .. import __version__

    return __version__


def on_cluster(fn: Callable, items: Iterable, address: str, died: Callable, timeout: float = 30,
               weight: Callable | None = None) -> Iterator:
    """fn(item) for every item, computed on the workers of the dask.distributed scheduler at `address`,
    yielded in the order of `items`. The workers must have the same fiscal-lint installed. A batch that
    fails (KilledWorker: its worker died as often as the scheduler allows) is sent again item by item,
    and an item that fails alone is reported with `died`."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs dask.distributed: pip install 'fiscal-lint[dask]'") from None
    from .. import __version__

    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(f"cannot reach the dask scheduler at {address}: {e}") from None
    try:
        try:
            versions = client.run(_version)
        except Exception as e:  # fiscal_lint does not import on a worker
            raise ClusterError(f"the workers of {address} cannot run fiscal-lint ({type(e).__name__}: {e}); "
                               f"install fiscal-lint {__version__} where they run") from None
        if not versions:
            raise ClusterError(f"the dask scheduler at {address} has no workers")
        other = sorted({v for v in versions.values() if v != __version__})
        if other:
            raise ClusterError(f"the workers of {address} run fiscal-lint {', '.join(other)}, this is "
                               f"{__version__}: install the same version where they run")
        threads = sum(client.nthreads().values()) or 1
        source = batches(items, weight)
        pending: deque = deque()
        while True:
            while len(pending) < threads * (1 + AHEAD):
                batch = next(source, None)
                if batch is None:
                    break
                pending.append((batch, client.submit(apply, fn, batch, pure=False)))
            if not pending:
                break
            batch, future = pending.popleft()
            try:
                results = future.result()
            except Exception:
                results = [_one_on(client, fn, item, died) for item in batch]
            future.release()
            yield from results
    finally:
        client.close()


def _one_on(client, fn: Callable, item, died: Callable):
    future = client.submit(apply, fn, [item], pure=False)
    try:
        return future.result()[0]
    except Exception as e:  # KilledWorker, or the scheduler went away
        return died(item, f"the cluster could not check it ({type(e).__name__}: {e})")
    finally:
        future.release()
