"""Jobs run on several cores give the same results, in the same order, as run one after another."""

from __future__ import annotations

import os
import threading

import pytest

from minhbach.site.parallel import Background, available_cores, run_all


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


# Background: jobs sent to forked workers while this process goes on.

def _square_and_process(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def _fails(message: str) -> None:
    raise ValueError(message)


def _dies_at(n: int, parent: int) -> tuple[int, int]:
    if n == 7 and os.getpid() != parent:
        os.kill(os.getpid(), 9)
    return n, os.getpid()


def test_background_jobs_run_in_a_worker_and_answer_in_the_order_asked():
    background = Background(workers=1)
    pending = [background.submit(_square_and_process, n=n) for n in range(40)]
    results = [job.result() for job in reversed(pending)][::-1]
    background.close()
    assert [value for value, _ in results] == [n * n for n in range(40)]
    assert {pid for _, pid in results} == {pending[0].result()[1]} != {os.getpid()}, "one worker, not this process"


def test_background_holds_a_few_jobs_at_a_time_and_lets_their_arguments_go_once_answered():
    """A build hands it every page's HTML: neither the pipe nor this process's memory may hold them all."""
    from minhbach.site.parallel import IN_FLIGHT

    background = Background(workers=1)
    pending = [background.submit(_square_and_process, n=n) for n in range(100)]
    answered = [job for job in pending if job.done()]
    assert len(answered) >= 100 - IN_FLIGHT
    assert all(job._arguments == {} for job in answered)
    background.close()
    assert all(job.done() for job in pending) and pending[-1].result()[0] == 99 * 99


def test_an_error_in_a_background_job_is_raised_by_its_result_only():
    background = Background(workers=1)
    bad, good = background.submit(_fails, message="bad page"), background.submit(_square_and_process, n=3)
    background.close()
    assert good.result()[0] == 9
    with pytest.raises(ValueError, match="bad page"):
        bad.result()


def test_a_background_worker_that_dies_leaves_its_jobs_and_the_later_ones_to_this_process():
    background = Background(workers=1)
    pending = [background.submit(_dies_at, n=n, parent=os.getpid()) for n in range(30)]
    background.close()
    results = [job.result() for job in pending]
    assert [n for n, _ in results] == list(range(30))
    assert results[-1][1] == os.getpid() and results[0][1] != os.getpid()


def test_background_jobs_run_here_while_another_thread_runs_or_without_workers():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        background = Background(workers=2)
        assert background.submit(_square_and_process, n=2).result() == (4, os.getpid())
    finally:
        stop.set()
        other.join()
    assert Background(workers=0).submit(_square_and_process, n=2).result() == (4, os.getpid())


def test_background_leaves_the_collector_as_it_was():
    import gc

    background = Background(workers=1)
    background.submit(_square_and_process, n=1)
    background.close()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def _with_number(text: str, number: int) -> str:
    return f"{text}{number}"


def test_jobs_and_answers_larger_than_a_pipe_never_leave_both_sides_writing():
    """A page and its search record can each be larger than a pipe's buffer (a Chinese page has no spaces
    to cut its words at): this process must not be writing the next job while the worker writes an answer.
    Run apart, so that a deadlock fails the test instead of stopping the suite."""
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "from minhbach.site.parallel import Background\n"
        "from tests.site.test_parallel import _with_number\n"
        "background = Background(workers=1)\n"
        "pending = [background.submit(_with_number, text='x' * 1_000_000, number=n) for n in range(3)]\n"
        "assert [job.result()[-1] for job in pending] == ['0', '1', '2'], 'answers in order'\n"
        "background.close()\n"
        "print('answered')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "answered", result.stderr[-2000:]


def test_a_background_worker_leaves_ctrl_c_to_the_process_that_forked_it():
    """Ctrl-C reaches the whole process group; the build stops with its own message, its worker says nothing."""
    import signal

    background = Background(workers=1)
    assert background.submit(_square_and_process, n=2).result()[0] == 4  # the worker is at work
    worker = background._pool[0].process
    os.kill(worker.pid, signal.SIGINT)
    assert background.submit(_square_and_process, n=3).result() == (9, worker.pid)
    background.close()
    assert worker.exitcode == 0


def test_a_background_worker_writing_to_a_killed_parent_ends(tmp_path):
    """The build killed (SIGKILL) while its worker writes a large answer: the worker must not wait for ever."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    script = (
        "import os, sys\n"
        "from minhbach.site.parallel import Background\n"
        "from tests.site.test_parallel import _with_number\n"
        "background = Background(workers=2)\n"
        "pending = [background.submit(_with_number, text='x' * 4_000_000, number=n) for n in range(2)]\n"
        "print(' '.join(str(worker.process.pid) for worker in background._pool), flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    output = tmp_path / "output.txt"
    with output.open("w") as written:  # a file, not a pipe, which the workers would hold open
        child = subprocess.Popen([sys.executable, "-c", script], cwd=Path(__file__).resolve().parents[2], stdout=written,
                                 stderr=subprocess.STDOUT)
        child.wait(timeout=60)
    workers = [int(pid) for pid in output.read_text().split()[:2] if pid.isdigit()]
    assert child.returncode == -signal.SIGKILL and len(workers) == 2, output.read_text()[-2000:]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.1)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    assert not alive, "a worker outlived the build that forked it"
