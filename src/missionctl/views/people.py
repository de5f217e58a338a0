"""People as a reader wants them: groups by name instead of forty names, and contact details
with the `private` fields left out when the sheet is shared."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from missionctl.model import Mission, Person
from missionctl.views.memo import ByIdentity
from missionctl.wording import clean as clean  # re-exported for the renderers


@dataclass(frozen=True, slots=True)
class Contact:
    """One person's contact details as shown (private fields already left out)."""

    id: str
    name: str
    role: str | None = None
    organisation: str | None = None  # the organisation's name
    organisation_id: str | None = None
    phone: str | None = None
    email: str | None = None
    languages: tuple[str, ...] = ()
    side: str = "delegate"

    def reach(self) -> str:
        """'phone, e-mail' (whichever are known)."""
        return ", ".join(x for x in (self.phone, self.email) if x)


MEMOS: ByIdentity[dict[Hashable, Any]] = ByIdentity()


def memo(mission: Mission) -> dict[Hashable, Any]:
    """Answers that depend on `mission` alone (and on their key), kept per mission
    (`views.memo`): an export asks the same of each event's people again and again (a team's
    contact, a delegation's labels). A localised or otherwise derived mission is another
    object, with its own answers."""
    return MEMOS.get(mission, mission, dict)


def contact(mission: Mission, pid: str, public: bool = False) -> Contact:
    """The person's contact; with `public`, every field named in their `private` is left out.
    Worked out once per person (a `Contact` is immutable: shared by every event)."""
    known = memo(mission)
    key = ("contact", pid, public)
    found = known.get(key)
    if found is None:
        found = known[key] = _contact(mission, pid, public)
    return found  # type: ignore[no-any-return]


def _contact(mission: Mission, pid: str, public: bool) -> Contact:
    p = mission.people[pid]
    hidden = frozenset(p.private) if public else frozenset()

    def keep(name: str, value: str | None) -> str | None:
        return None if name in hidden else value

    org = mission.organisations.get(p.organisation) if p.organisation else None
    return Contact(
        id=p.id, name=p.name, role=keep("role", p.role),
        organisation=None if "organisation" in hidden or org is None else org.name,
        organisation_id=None if "organisation" in hidden else p.organisation,
        phone=keep("phone", p.phone), email=keep("email", p.email),
        languages=() if "languages" in hidden else p.languages, side=p.side,
    )


class _Index(NamedTuple):
    """What every event asks of the mission's people, worked out once per mission.

    An export asks for each event's people in file order and for the groups that cover them
    (about five times per event): rebuilt per call, the person order and the scan of every
    group made the views O(events x people) and O(events x groups).
    """

    people: Mapping[str, Person]
    group_members: Mapping[str, frozenset[str]]
    order: dict[str, int]  # person id -> position among the mission's people
    groups_of: dict[str, tuple[str, ...]]  # person id -> the groups of 2 or more they are in
    told: dict[tuple[frozenset[str], tuple[str, ...]], Who]  # `who`'s answers: events repeat
    # the same people (a team, a delegation), and the answer depends on this index alone


INDEXES: ByIdentity[_Index] = ByIdentity()


def _index(mission: Mission) -> _Index:
    """The index of `mission`, kept per mission (`views.memo` says how and why)."""
    return INDEXES.get(mission.people, mission.group_members, lambda: _build(mission))


def _build(mission: Mission) -> _Index:
    groups_of: dict[str, list[str]] = {}
    for gid, members in mission.group_members.items():
        if len(members) >= 2:
            for pid in members:
                groups_of.setdefault(pid, []).append(gid)
    return _Index(mission.people, mission.group_members,
                  {pid: i for i, pid in enumerate(mission.people)},
                  {pid: tuple(gids) for pid, gids in groups_of.items()}, {})


def in_file_order(mission: Mission, ids: Iterable[str]) -> list[str]:
    """Person ids in the order the mission lists its people (organisers usually first)."""
    order = _index(mission).order
    try:  # every id a person's (as in every export): their positions alone, all distinct
        return sorted(set(ids), key=order.__getitem__)
    except KeyError:  # an id that is no person's: after them all, by id
        last = len(order)
        return sorted(set(ids), key=lambda pid: (order.get(pid, last), pid))


def names(mission: Mission, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(mission.people[p].name for p in in_file_order(mission, ids) if p in mission.people)


@dataclass(frozen=True, slots=True)
class Who:
    """A set of people told as whole groups (by name) plus the people no group covers."""

    groups: tuple[str, ...]  # group ids
    people: tuple[str, ...]  # person ids, file order
    count: int

    def labels(self, mission: Mission) -> tuple[str, ...]:
        """The groups' names, then the people's; worked out once per `Who` (events repeat
        the same people)."""
        known = memo(mission)
        key = ("labels", self)
        found = known.get(key)
        if found is None:
            found = known[key] = (tuple(group_name(mission, g) for g in self.groups)
                                   + names(mission, self.people))
        return found  # type: ignore[no-any-return]


def group_name(mission: Mission, gid: str) -> str:
    g = mission.groups.get(gid)
    return (g.name if g is not None and g.name else None) or gid


def who(mission: Mission, ids: frozenset[str], prefer: Iterable[str] = ()) -> Who:
    """Tell `ids` as groups where every member of a group is in it.

    Largest groups first (ties: the groups named in `prefer`, then by id); a group is used
    when it adds at least two people not told yet, so overlapping groups are not listed for
    one person. Whoever no chosen group covers is listed by name.
    """
    index = _index(mission)
    key = (ids, tuple(prefer))
    known = index.told.get(key)
    if known is None:
        known = index.told[key] = _who(mission, index, ids, set(key[1]))
    return known


def _who(mission: Mission, index: _Index, ids: frozenset[str], preferred: set[str]) -> Who:
    # A group lies within `ids` when all its members are counted among them: the cost is the
    # groups of the people in `ids`, not every group of the mission.
    counted: dict[str, int] = {}
    groups_of = index.groups_of
    for pid in ids:
        for gid in groups_of.get(pid, ()):
            counted[gid] = counted.get(gid, 0) + 1
    members_of = mission.group_members
    candidates = [(gid, members_of[gid]) for gid, n in counted.items()
                  if n == len(members_of[gid])]
    candidates.sort(key=lambda c: (-len(c[1]), c[0] not in preferred, c[0]))
    chosen: list[str] = []
    covered: set[str] = set()
    for gid, members in candidates:
        if len(members - covered) >= 2:
            chosen.append(gid)
            covered |= members
    rest = in_file_order(mission, ids - covered)
    return Who(tuple(chosen), tuple(rest), len(ids))
