"""Overlaps reported the way a person reads them: per event, not per pair (MC101, MC201).

n events that all overlap each other hold n(n-1)/2 overlapping pairs. Reporting each pair
buried a programme under findings (one person in 400 events: 79,800 findings, 42 MB), and
1,000 events did not finish. A person reads a pile-up differently: "the 11:30 lunch starts
while the visit, the tour and 397 other events are still running". So `overlaps` yields one
`Overlap` per item that starts while earlier ones are still running, with how many are running
and the first `limit` of them in start order. That is the whole truth about the item: an
earlier item overlaps it exactly when it is still running at its start (intervals are
half-open and sorted by start), so the running ones are exactly the items it overlaps among
those before it.

Cost, whatever the overlaps: one sweep in start order with a heap of the running items keyed
by end, O(n log n); and, to name the first running items without walking past the ones that
have ended, a "next still running" union-find over the positions of the current cluster
(items chained by overlaps), with path compression, so naming k items costs about k steps.
The work is O(n log n + shown), where shown is the number of names given (at most `limit` per
finding), never the number of overlapping pairs.

`earlier` restricts which items may be counted and named as running (every item is still
judged as a later one): MC101 and MC201 sweep twice when some events waive the rule, so that
the overlaps with those events go in a finding of their own and the event's waiver hides
only them (see `linter._Waivers`).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")


class Overlap(NamedTuple, Generic[T]):
    """`later` starts while `total` earlier items are still running; `first` names the first
    few of them (in the order given, at most the limit)."""

    later: T
    total: int
    first: tuple[T, ...]


def overlaps(items: Sequence[T], start: Callable[[T], Any], end: Callable[[T], Any],
             limit: int, earlier: Callable[[T], bool] | None = None) -> Iterator[Overlap[T]]:
    """One `Overlap` per item of `items` (sorted by start, ties in the order a finding should
    treat as "later") that starts while counted items are still running.

    `start(x) < end(x)` for every item; an item ending when another starts does not overlap
    it. Items for which `earlier` is false are judged but never counted as running."""
    cluster: list[T] = []  # the items pushed since nothing was last running, in start order
    nxt: list[int] = []  # union-find: nxt[j] == j while cluster[j] runs, else a later position
    running: list[tuple[Any, int]] = []  # heap of (end, position in cluster)
    reach: Any = None  # the latest end in `running`: at or after it, nothing runs any more
    for item in items:
        at = start(item)
        if running:
            if at >= reach:  # the usual case: everything has ended; a new cluster begins
                cluster, nxt, running = [], [], []
            else:
                while running[0][0] <= at:  # half-open: ended when `item` starts
                    nxt[heapq.heappop(running)[1]] += 1
                count = len(running)  # >= 1: the item ending at `reach` still runs
                named: list[T] = []
                j = -1
                for _ in range(min(count, limit)):
                    j = _alive(nxt, j + 1)
                    named.append(cluster[j])
                yield Overlap(item, count, tuple(named))
        if earlier is None or earlier(item):
            finish = end(item)
            if not running or finish > reach:
                reach = finish
            position = len(cluster)
            cluster.append(item)
            nxt.append(position)
            heapq.heappush(running, (finish, position))


def _alive(nxt: list[int], j: int) -> int:
    """The first position >= j still running (one exists: the heap holds `total` of them)."""
    root = j
    while nxt[root] != root:
        root = nxt[root]
    while nxt[j] != root:  # path compression: later searches jump straight to `root`
        nxt[j], j = root, nxt[j]
    return root
