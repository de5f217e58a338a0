"""The overlap sweep (checks/support/overlap.py) against all pairs, and its work counted."""

from __future__ import annotations

import random
from typing import NamedTuple

from missionctl.checks.support.overlap import overlaps


class Span(NamedTuple):
    id: str
    start: int
    end: int
    keep: bool = True  # counted as running (the `earlier` predicate)


def start(s: Span) -> int:
    return s.start


def end(s: Span) -> int:
    return s.end


def test_running_items_are_counted_and_the_first_named() -> None:
    spans = [Span("a", 0, 10), Span("b", 2, 3), Span("c", 3, 5), Span("d", 4, 12),
             Span("e", 10, 12)]
    got = [(o.later.id, o.total, [x.id for x in o.first])
           for o in overlaps(spans, start, end, limit=2)]
    # b ends when c starts (half-open); at e, a has ended too.
    assert got == [("b", 1, ["a"]), ("c", 1, ["a"]), ("d", 2, ["a", "c"]), ("e", 1, ["d"])]


def test_items_not_earlier_are_judged_but_never_named() -> None:
    spans = [Span("a", 0, 10), Span("b", 1, 10, keep=False), Span("c", 2, 10)]
    got = [(o.later.id, o.total, [x.id for x in o.first])
           for o in overlaps(spans, start, end, 3, earlier=lambda s: s.keep)]
    assert got == [("b", 1, ["a"]), ("c", 1, ["a"])]


def test_agrees_with_all_pairs_on_random_input() -> None:
    rng = random.Random(7)
    for _ in range(500):
        spans = []
        for i in range(rng.randrange(0, 30)):
            s = rng.randrange(0, 60)
            spans.append(Span(f"x{i}", s, s + rng.randrange(1, 25), rng.random() < 0.8))
        spans.sort(key=lambda x: (x.start, x.id))
        limit = rng.randrange(1, 5)
        swept = {o.later.id: (o.total, [x.id for x in o.first])
                 for o in overlaps(spans, start, end, limit, earlier=lambda x: x.keep)}
        brute = {}
        for i, later in enumerate(spans):
            running = [x.id for x in spans[:i] if x.keep and x.end > later.start]
            if running:
                brute[later.id] = (len(running), running[:limit])
        assert swept == brute


class Counted(int):
    """An instant that counts its comparisons."""

    compared = 0

    def __lt__(self, other: int) -> bool:
        Counted.compared += 1
        return int(self) < int(other)

    def __le__(self, other: int) -> bool:
        Counted.compared += 1
        return int(self) <= int(other)

    def __gt__(self, other: int) -> bool:
        Counted.compared += 1
        return int(self) > int(other)

    def __ge__(self, other: int) -> bool:
        Counted.compared += 1
        return int(self) >= int(other)


def test_work_follows_items_and_names_not_pairs() -> None:
    n = 4000
    rng = random.Random(3)
    # Every item overlaps every other (n^2/2 = 8,000,000 pairs), with ends in random order
    # so that the heap works and names must skip nothing; then a long chain of short ones,
    # where items end between the named ones.
    spans = [Span(f"a{i}", Counted(i), Counted(n + rng.randrange(n))) for i in range(n)]
    spans += [Span(f"b{i}", Counted(3 * n + i), Counted(3 * n + i + 2)) for i in range(n)]
    Counted.compared = 0
    found = list(overlaps(spans, start, end, limit=3))
    assert len(found) == 2 * (n - 1)  # the first of each run overlaps nothing before it
    assert Counted.compared < 40 * len(spans), Counted.compared  # about 2 log2(n) per item
