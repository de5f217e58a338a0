"""Holding the cyclic garbage collector off while building large, long-lived structures.

Loading a 10k-event mission makes about a million objects (nodes, then the model) that all
live until the command ends and form no reference cycles. With the collector on, it would
rescan them again and again as they grow (PyYAML's own load spends most of its time there);
re-enabled afterwards, its next pass would still traverse every one of them once. So the
collector is paused while they are built and they are then frozen (`gc.freeze`: moved out
of the collector's sight; reference counting still frees them when they are dropped).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()
