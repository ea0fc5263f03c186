"""Map a job over items, serially or in worker processes, yielding results in the items' order."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
Progress = Callable[[int, int], None]  # (items done, items in all)

_job: Callable | None = None  # a worker's job, set once when the worker starts
_processes = 1  # in a worker, how many workers the run has
# With jobs left to copydesk, fewer files than this are checked in this process: starting a
# worker (and loading its dictionary) costs about as much as checking a dozen articles.
SMALL_RUN = 32


def cores() -> int:
    """The processor cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def cores_per_process() -> int:
    """The cores this process may keep busy: all of them, or in a worker its share."""
    return max(1, cores() // _processes)


def workers(jobs: int | None, count: int) -> int:
    """Processes for ``count`` items: ``jobs`` if given, else the cores unless the run is small."""
    if jobs is None:
        return 1 if count < SMALL_RUN else min(cores(), count)
    return min(jobs, count)


def map_in_order(job: Callable[[Item], Result], items: Sequence[Item], jobs: int | None = 1,
                 progress: Progress | None = None) -> Iterator[Result]:
    """``job`` over ``items``, in ``jobs`` processes (None: as many as pay off). The job is
    sent to each worker once (its rule set loads once per worker), so it must pickle."""
    count = workers(jobs, len(items))
    if count <= 1:
        yield from _counted(map(job, items), len(items), progress)
        return
    chunk = max(1, min(16, len(items) // (count * 8)))  # few round trips, still balanced
    pool = ProcessPoolExecutor(count, initializer=_start, initargs=(job, count))
    try:
        yield from _counted(pool.map(_run, items, chunksize=chunk), len(items), progress)
    finally:  # on Ctrl-C (or an error) drop the files not yet started, rather than check them all
        pool.shutdown(cancel_futures=True)


def _counted(results: Iterator[Result], total: int, progress: Progress | None) -> Iterator[Result]:
    for done, result in enumerate(results, start=1):
        if progress:
            progress(done, total)
        yield result


def _start(job: Callable, processes: int) -> None:
    global _job, _processes
    _job, _processes = job, processes
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent stops the run


def _run(item):
    assert _job is not None, "worker started without a job"
    return _job(item)
