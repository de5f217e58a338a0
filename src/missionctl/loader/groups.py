"""Groups -> the people each reaches, through subgroups, persons' `groups` and `org:` members.

Group cycles are MC006, each reported once at the member that closes it, and cut. Nothing
here recurses: a chain of groups may be as deep as the file is long.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from missionctl.findings import Finding
from missionctl.loader.read import RawMission
from missionctl.model import Ref


def group_members(
    raw: RawMission, org_people: Mapping[str, frozenset[str]], report: Callable[[Finding], None]
) -> dict[str, frozenset[str]]:
    """Group id -> the ids of every person it reaches (unknown references are left out)."""
    groups = raw.sections["groups"]
    people = raw.sections["people"]
    direct: dict[str, set[str]] = {g: set() for g in groups}
    subgroups: dict[str, list[Ref]] = {g: [] for g in groups}
    for gid, g in groups.items():
        for ref in g.data.get("members", ()):
            if ref.kind == "person" and ref.id in people:
                direct[gid].add(ref.id)
            elif ref.kind == "org":
                direct[gid] |= org_people.get(ref.id, frozenset())
            elif ref.kind == "group" and ref.id in groups:
                subgroups[gid].append(ref)
    for pid, p in people.items():
        for ref in p.data.get("groups", ()):
            if ref.id in direct:
                direct[ref.id].add(pid)
    return _expand(direct, subgroups, report)


def _expand(
    direct: Mapping[str, set[str]], subgroups: Mapping[str, list[Ref]],
    report: Callable[[Finding], None],
) -> dict[str, frozenset[str]]:
    """Each group's people through its subgroups, in one depth-first walk.

    The walk keeps its own stack (a recursive one ends in RecursionError near depth 1,000).
    An edge to a group still on the path closes a cycle: it is reported and left out. A
    group's people are known when the walk leaves it: every subgroup it keeps has been
    left by then. Linear in groups plus members, plus the size of the answer.
    """
    done: dict[str, frozenset[str]] = {}
    on_path: dict[str, int] = {}  # group -> its index in `path`
    path: list[str] = []
    for root in subgroups:
        if root in done:
            continue
        stack = [(root, iter(subgroups[root]))]
        on_path[root] = 0
        path.append(root)
        while stack:
            gid, pending = stack[-1]
            ref = next(pending, None)
            if ref is None:  # every subgroup seen: leave the group
                stack.pop()
                del on_path[path.pop()]
                out = set(direct[gid])
                for sub in subgroups[gid]:
                    out |= done.get(sub.id, frozenset())  # not done: an edge cut as a cycle
                done[gid] = frozenset(out)
            elif ref.id in on_path:
                report(_cycle(path[on_path[ref.id]:], ref))
            elif ref.id not in done:
                on_path[ref.id] = len(path)
                path.append(ref.id)
                stack.append((ref.id, iter(subgroups[ref.id])))
    return done


def _cycle(path: list[str], closing: Ref) -> Finding:
    """MC006 at `closing`, the member that leads back to the first group of `path`."""
    if len(path) == 1:
        return Finding("MC006", f"group '{closing.id}' lists itself among its members; "
                       f"remove 'group:{closing.id}' from its members", closing.loc)
    names = [*path, closing.id]
    if len(names) > 8:  # a cycle through thousands of groups: name its two ends
        names = [*names[:4], f"... {len(names) - 7} more ...", *names[-3:]]
    return Finding("MC006", f"groups include each other in a cycle ({' -> '.join(names)}); "
                   "remove one of these members", closing.loc)
