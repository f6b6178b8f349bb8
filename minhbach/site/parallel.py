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
import signal
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


IN_FLIGHT = 1
"""Jobs a `Background` worker holds at most (sent, not yet answered): this process reads the answer
before it sends the next job. So a worker waits for a job only while this process writes it, and this
process for an answer only while the worker writes it: however long a page or its record, neither side
is left writing into a full pipe that the other is not reading. The worker's job takes a fraction of
the time this process takes to make the next one, so it is nearly always answered by then."""


class Pending:
    """One job of `Background`: `done()` says whether its result is there, `result()` waits for it.

    Its arguments are let go once the result is known (a page's HTML is not kept to the end of the build)."""

    def __init__(self, job: Callable[..., Any], arguments: dict[str, Any]) -> None:
        self._job, self._arguments = job, arguments
        self._worker: _Worker | None = None  # the worker it was sent to, until it answers
        self._value: Any = None
        self._error: Exception | None = None

    def done(self) -> bool:
        return self._worker is None

    def result(self) -> Any:
        """The job's result; its exception is raised here. When its worker died, the job runs here."""
        while self._worker is not None:
            self._worker.answer_one()
        if self._error is not None:
            raise self._error
        return self._value

    def _answered(self, ok: bool, value: Any) -> None:
        self._worker, self._arguments = None, {}
        if ok:
            self._value = value
        else:
            self._error = value

    def _run_here(self) -> None:
        self._worker = None
        try:
            self._value = self._job(**self._arguments)
        except Exception as error:  # raised by `result`, as if the job had run in a worker
            self._error = error
        self._arguments = {}


def _work(connection: Any, parent: int, others: list[Any]) -> None:
    """A `Background` worker: run each job it is sent and send back (True, result) or (False, exception);
    end at None, or when the process that forked it has ended. `others` are the parent's ends of the
    pipes, which it inherited: closed, so that the parent's end closes with the parent, and an answer
    being written to a parent that was killed fails instead of waiting for ever."""
    for end in others:
        end.close()
    gc.enable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the process that forked it, which ends this one
    while True:
        try:
            while not connection.poll(1.0):
                if os.getppid() != parent:
                    return
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        job, arguments = message
        try:
            answer = (True, job(**arguments))
        except Exception as error:
            answer = (False, error)
        connection.send(answer)


class _Worker:
    """One forked process of a `Background`, its end of the pipe, and the jobs sent to it not yet answered, in order."""

    def __init__(self, others: list[Any]) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, theirs = context.Pipe()
        self.process = context.Process(target=_work, args=(theirs, os.getpid(), [self.connection, *others]), daemon=True)
        self.process.start()
        theirs.close()
        self.waiting: list[Pending] = []
        self.alive = True

    def send(self, pending: Pending) -> None:
        if len(self.waiting) >= IN_FLIGHT:
            self.answer_one()
        while self.alive and self.waiting and self.connection.poll():
            self.answer_one()
        if not self.alive:
            pending._run_here()
            return
        try:
            self.connection.send((pending._job, pending._arguments))
        except (OSError, ValueError):  # it died (a broken pipe), or the job cannot be pickled: run it here
            pending._run_here()
            if not self.process.is_alive():
                self._died()
            return
        pending._worker = self
        self.waiting.append(pending)

    def answer_one(self) -> None:
        """Wait for the answer to the oldest job sent; when the worker died, run every waiting job here."""
        try:
            ok, value = self.connection.recv()
        except (EOFError, OSError):
            self._died()
            return
        self.waiting.pop(0)._answered(ok, value)

    def _died(self) -> None:
        self.alive = False
        waiting, self.waiting = self.waiting, []
        for pending in waiting:
            pending._run_here()

    def close(self) -> None:
        while self.alive and self.waiting:
            self.answer_one()
        if self.alive:
            try:
                self.connection.send(None)
            except OSError:
                pass
        self.connection.close()
        self.process.join()


class Background:
    """Jobs handed to forked worker processes while this process goes on with its own work.

    Used for work that a sequential loop produces one piece at a time (the search records of the
    pages MkDocs converts one after another). The workers are forked at the first job, so they hold
    what this process held then and nothing it makes later: a job is a module's function, which gets
    everything else through its arguments; they are pickled and sent down a pipe, and so is its result.
    No thread is started. With `workers` < 1, or when `can_fork()` is false at the first job (e.g.
    under `mkdocs serve`, whose server is a thread), every job runs here when it is submitted. When a
    worker dies, the jobs it had not answered run here, and so does every later one. `close` waits for
    the answers and lets the workers end.
    """

    def __init__(self, *, workers: int) -> None:
        self.workers = workers
        self._pool: list[_Worker] | None = None
        self._next = 0

    def submit(self, job: Callable[..., Any], /, **arguments: Any) -> Pending:
        """Start `job(**arguments)`."""
        if self._pool is None:
            self._pool = self._start()
        pending = Pending(job, arguments)
        live = [worker for worker in self._pool if worker.alive]
        if live:
            self._next = (self._next + 1) % len(live)
            live[self._next].send(pending)
        else:
            pending._run_here()
        return pending

    def _start(self) -> list[_Worker]:
        if self.workers < 1 or not can_fork():
            return []
        gc.freeze()  # while the workers are forked: see `run_all`
        try:
            workers: list[_Worker] = []
            for _ in range(self.workers):
                workers.append(_Worker([worker.connection for worker in workers]))
            return workers
        finally:
            gc.unfreeze()

    def close(self) -> None:
        """Wait for every answer and let the workers end; later jobs run here."""
        for worker in self._pool or ():
            worker.close()
        self._pool = []
