"""Jobs run on several cores give the same results, in the same order, as run one after another."""

from __future__ import annotations

import os
import threading

import pytest

from minhbach.site.parallel import available_cores, run_all


def test_results_come_back_in_job_order_from_forked_workers():
    jobs = [lambda n=n: (n * n, os.getpid()) for n in range(50)]
    results = run_all(jobs, workers=2, min_jobs=1, chunk=7)
    assert [value for value, _ in results] == [n * n for n in range(50)]
    assert {pid for _, pid in results} - {os.getpid()}, "the jobs ran in worker processes"


def test_jobs_share_the_parents_memory_without_pickling_them():
    unpicklable = (lambda: "from the parent")  # a closure cannot be pickled, only forked
    assert run_all([unpicklable] * 10, workers=2, min_jobs=1, chunk=3) == ["from the parent"] * 10


def test_few_jobs_or_one_worker_run_in_this_process():
    jobs = [lambda: os.getpid()] * 5
    assert run_all(jobs, workers=2, min_jobs=10) == [os.getpid()] * 5
    assert run_all(jobs, workers=1, min_jobs=1) == [os.getpid()] * 5


def test_jobs_run_here_while_another_thread_runs_and_in_workers_again_once_it_ends():
    """A forked child would inherit the locks the other thread holds, never to be released (`mkdocs serve`)."""
    jobs = [lambda: os.getpid()] * 20
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert run_all(jobs, workers=2, min_jobs=1, chunk=5) == [os.getpid()] * 20
    finally:
        stop.set()
        other.join()
    assert set(run_all(jobs, workers=2, min_jobs=1, chunk=5)) - {os.getpid()}


def test_an_error_in_a_worker_is_raised_in_the_parent():
    def broken() -> int:
        raise ValueError("bad record")

    with pytest.raises(ValueError, match="bad record"):
        run_all([lambda: 1, broken, lambda: 3], workers=2, min_jobs=1, chunk=1)


def test_available_cores_is_at_least_one():
    assert available_cores() >= 1


def test_workers_collect_their_garbage_and_the_parent_is_left_as_it_was():
    import gc

    enabled_in_workers = run_all([gc.isenabled] * 20, workers=2, min_jobs=1, chunk=5)
    assert enabled_in_workers == [True] * 20
    assert gc.isenabled() and gc.get_freeze_count() == 0



def test_a_worker_that_dies_does_not_stop_the_run_its_jobs_run_here():
    """A worker killed by the system (out of memory, a crash in a C library) must not leave the build waiting for ever."""
    import signal

    parent = os.getpid()

    def job(n: int) -> int:
        if n == 7 and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    assert run_all([lambda n=n: job(n) for n in range(30)], workers=2, min_jobs=1, chunk=5) == list(range(30))
