"""When Python's cycle collector should wait.

The collector runs after every few hundred new objects and, from time to time, walks every
object alive. Loading a catalogue makes hundreds of thousands of objects, all of them kept and
none in a cycle: each pass over them finds nothing and costs more as they accumulate (unpickling
12,000 records took 1.3 s with it running, 0.5 s without). Around such bulk work it is paused.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Pause the collector for the block; as before afterwards, even if it was already paused."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()

