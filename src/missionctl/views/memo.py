"""Indexes worked out once per mission, for the few missions a command looks at.

A `Mission` is a NamedTuple of mappings: it can be neither hashed nor weakly referenced, so an
index built from it is keyed by the identity of the mappings it was built from (the model is
immutable), and the entry holds them, which keeps their ids from being reused by another
mission's. One entry was not enough: `--per-person` writes each person in their own language,
and each language is its own localised copy of the mission (`views.localise`), so a
one-entry cache alternating between two copies rebuilt its index for every person, which made
the export O(people x events) again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")

#: Missions kept: the mission itself and its localised copies (five languages) fit.
KEEP = 8


class ByIdentity(Generic[V]):
    """Values made from two objects each, kept for the last `keep` pairs of objects."""

    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        self.built = 0  # how many values were made: what the tests count
        self._entries: dict[tuple[int, int], tuple[object, object, V]] = {}
        self._last: tuple[object, object, V] | None = None  # asked for again and again

    def get(self, a: object, b: object, make: Callable[[], V]) -> V:
        """The value made from `a` and `b` (compared by identity), made by `make` if new."""
        last = self._last
        if last is not None and last[0] is a and last[1] is b:
            return last[2]
        hit = self._entries.get((id(a), id(b)))
        if hit is None or hit[0] is not a or hit[1] is not b:
            hit = (a, b, make())
            self.built += 1
            if len(self._entries) >= self.keep:
                self._entries.pop(next(iter(self._entries)))
            self._entries[id(a), id(b)] = hit
        self._last = hit
        return hit[2]

    def clear(self) -> None:
        self._entries.clear()
        self._last = None
