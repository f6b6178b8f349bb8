"""Pausing the cycle collector around bulk work leaves it as it was."""

from __future__ import annotations

import gc

from minhbach.load import collector


def test_paused_stops_the_collector_and_starts_it_again():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_inside_paused_leaves_it_off_until_the_outer_block_ends():
    with collector.paused():
        with collector.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_restarts_the_collector_after_an_error():
    try:
        with collector.paused():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()

