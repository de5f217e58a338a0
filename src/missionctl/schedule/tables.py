"""Tables for the meetings placed: any free table will do, so they are given out after the
solve. A meeting our previous run had in the same slot keeps its table when it is still free
(a printed table plan stays right); the others take the lowest free table, pairs in their
order, so the result is the same on every run."""

from __future__ import annotations

from collections.abc import Mapping

from missionctl.schedule.problem import Problem


def assign(problem: Problem, placed: Mapping[int, int]) -> dict[int, int]:
    """Want index -> table, for every pair placed."""
    by_slot: dict[int, list[int]] = {}
    for index, slot in sorted(placed.items()):
        by_slot.setdefault(slot, []).append(index)
    tables: dict[int, int] = {}
    for slot, indexes in sorted(by_slot.items()):
        taken = set(problem.tables[slot])
        rest = []
        for index in indexes:
            w = problem.wants[index]
            before = problem.previous.get(frozenset((w.a, w.b)))
            if before is not None and before[0] == slot and before[1] not in taken \
                    and before[1] <= problem.session.tables:
                tables[index] = before[1]
                taken.add(before[1])
            else:
                rest.append(index)
        free = (t for t in range(1, problem.session.tables + 1) if t not in taken)
        for index, table in zip(rest, free, strict=False):
            tables[index] = table
    return tables
