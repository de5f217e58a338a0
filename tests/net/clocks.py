"""Injected clocks for the network tests: time that passes by the reading, not by the wall."""

from __future__ import annotations


class Ticking:
    """An injected clock: each reading is `step` seconds after the last one. The deadline
    then passes after a fixed number of socket operations, however fast the machine is."""

    def __init__(self, step: float) -> None:
        self.now = 0.0
        self.step = step
        self.readings = 0

    def __call__(self) -> float:
        self.readings += 1
        self.now += self.step
        return self.now


class Sleeps:
    def __init__(self, clock: Ticking) -> None:
        self.calls: list[float] = []
        self.clock = clock

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        self.clock.now += seconds  # the injected sleep passes injected time only
