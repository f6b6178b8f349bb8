"""Run many small, independent jobs on every core.

Workers are forked, so they share the parent's memory (the catalog, the compiled templates) and
only the results travel back. Where fork is not available, for a handful of jobs, with one worker,
or while another thread runs in this process, the jobs run one after another in this process: a
forked child holds only the thread that forked, and a lock another thread held at that moment (of
the logging module, of an open file, of the import system) stays locked in it for ever. Threads come
from `mkdocs serve` (its file watcher and web server), other plugins, or a program that calls the
engine; `threading.active_count()` sees every thread started through Python's `threading` module
(not one a C library starts by itself).

A worker that dies (killed by the system, a crash in a C library) does not leave the build waiting
for ever: the pool notices (`BrokenProcessPool`) and the jobs are run again here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable, Sequence
from typing import Any

from minhbach.load import collector

_jobs: Sequence[Callable[[], Any]] = ()


def available_cores() -> int:
    """Cores this process may run on (fewer than the machine's in a container with a CPU set)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _run_range(bounds: tuple[int, int]) -> list[Any]:
    start, stop = bounds
    return [_jobs[index]() for index in range(start, stop)]


def can_fork() -> bool:
    """Whether forking workers is safe here: the platform forks and this process runs no other thread."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def run_all(jobs: Sequence[Callable[[], Any]], *, workers: int, min_jobs: int = 200, chunk: int = 100) -> list[Any]:
    """Call every job and return the results in order; with `workers` > 1, in forked processes when
    `can_fork()`, else here.

    Jobs are handed out in ranges of `chunk`, so a slow job (an export of every record) does not
    leave the other workers idle. An exception in a job is raised here, as if run in order. When
    a worker dies, every job is run again here, in order.
    """
    if workers < 2 or len(jobs) < min_jobs or not can_fork():
        return [job() for job in jobs]
    global _jobs
    _jobs = jobs
    # Frozen, the parent's objects are left out of the workers' collections, which would otherwise
    # walk the whole inherited heap again and again (and copy every memory page they touch). The
    # workers collect their own garbage; the parent only unpickles results, so its collector waits.
    gc.freeze()
    try:
        ranges = [(start, min(start + chunk, len(jobs))) for start in range(0, len(jobs), chunk)]
        with collector.paused(), ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=gc.enable) as pool:
            parts = list(pool.map(_run_range, ranges))
    except BrokenProcessPool:
        parts = None
    finally:
        _jobs = ()
        gc.unfreeze()
    if parts is None:
        return [job() for job in jobs]
    return [result for part in parts for result in part]
