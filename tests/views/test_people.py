"""Attendees told as groups, not flattened into forty names."""

from __future__ import annotations

import random
from collections.abc import Callable, ItemsView, Iterator, Mapping
from typing import TypeVar

import pytest

from missionctl.model import Mission
from missionctl.views.people import Who, contact, in_file_order, names, who

V = TypeVar("V")

GROUPS = """\
missionctl: 1
mission: {id: g, title: G, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-10}
people:
  a: {name: A, groups: [delegation, lisbon], email: a@example.org}
  b: {name: B, groups: [delegation, lisbon], email: b@example.org}
  c: {name: C, groups: [delegation], email: c@example.org}
  d: {name: D, groups: [delegation], email: d@example.org}
  e: {name: E, groups: [staff], email: e@example.org}
  f: {name: F, groups: [staff], email: f@example.org}
  g: {name: G, email: g@example.org}
groups:
  delegation: {name: Delegation}
  staff: {name: Staff}
  lisbon: {name: Via Lisbon}
  everyone: {name: Everyone, members: [group:delegation, group:staff]}
"""


def test_the_largest_whole_group_wins(mission_of: Callable[[str], Mission]) -> None:
    m = mission_of(GROUPS)
    told = who(m, frozenset("abcdef"))
    assert told.labels(m) == ("Everyone",)
    assert told.count == 6


def test_groups_then_people_nobody_else_covers(mission_of: Callable[[str], Mission]) -> None:
    m = mission_of(GROUPS)
    assert who(m, frozenset("abcdg")).labels(m) == ("Delegation", "G")
    assert who(m, frozenset("abe")).labels(m) == ("Via Lisbon", "E")


def test_no_group_for_a_single_new_person(mission_of: Callable[[str], Mission]) -> None:
    m = mission_of(GROUPS)
    # Delegation (4) first; Via Lisbon would add nobody new, so it is not listed.
    assert who(m, frozenset("abcd")).labels(m) == ("Delegation",)


def test_public_contact_leaves_out_private_fields(small: Mission) -> None:
    full = contact(small, "bruno")
    shared = contact(small, "bruno", public=True)
    assert (full.phone, full.email) == ("0612345670", "bruno@example.org")
    assert (shared.phone, shared.email) == (None, None)
    assert shared.name == "Bruno Costa"


# -- linear: the index is built once per mission, not once per event ---------------------------


class Counted(Mapping[str, V]):
    """A mapping that counts the walks over it (iteration, keys, values, items)."""

    def __init__(self, data: Mapping[str, V]) -> None:
        self.data, self.walks = data, 0

    def __getitem__(self, key: str) -> V:
        return self.data[key]

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> Iterator[str]:
        self.walks += 1
        return iter(self.data)

    def items(self) -> ItemsView[str, V]:
        self.walks += 1
        return self.data.items()


def old_who(mission: Mission, ids: frozenset[str], prefer: tuple[str, ...] = ()) -> Who:
    """The all-groups scan `who` replaced (O(groups) per call): the oracle."""
    preferred = set(prefer)
    candidates = [(gid, members) for gid, members in mission.group_members.items()
                  if len(members) >= 2 and members <= ids]
    candidates.sort(key=lambda c: (-len(c[1]), c[0] not in preferred, c[0]))
    chosen: list[str] = []
    covered: set[str] = set()
    for gid, members in candidates:
        if len(members - covered) >= 2:
            chosen.append(gid)
            covered |= members
    order = {pid: i for i, pid in enumerate(mission.people)}
    rest = sorted(ids - covered, key=lambda pid: (order.get(pid, len(order)), pid))
    return Who(tuple(chosen), tuple(rest), len(ids))


def random_mission(base: Mission, rng: random.Random) -> Mission:
    """`base` with 3-25 people in a shuffled file order and 0-12 random groups of them."""
    ids = [f"p{i:02d}" for i in range(rng.randrange(3, 26))]
    rng.shuffle(ids)
    template = next(iter(base.people.values()))
    people = {pid: template._replace(id=pid, name=pid.upper()) for pid in ids}
    groups = {f"g{i}": frozenset(rng.sample(ids, rng.randrange(0, len(ids) + 1)))
              for i in range(rng.randrange(0, 13))}
    return base._replace(people=people, group_members=groups)


def test_who_agrees_with_the_all_groups_scan(mission_of: Callable[[str], Mission]) -> None:
    rng = random.Random(8)
    base = mission_of(GROUPS)
    for _ in range(300):
        m = random_mission(base, rng)
        for _ in range(10):
            ids = frozenset(rng.sample(sorted(m.people), rng.randrange(0, len(m.people) + 1))
                            + ["stranger"] * rng.randrange(0, 2))
            prefer = tuple(rng.sample(sorted(m.group_members), min(2, len(m.group_members))))
            assert who(m, ids, prefer) == old_who(m, ids, prefer)
            position = list(m.people).index
            assert in_file_order(m, ids) == sorted(
                ids, key=lambda p: (position(p) if p in m.people else len(m.people), p))


def test_people_and_groups_are_walked_once_per_mission(
        mission_of: Callable[[str], Mission]) -> None:
    base = mission_of(GROUPS)
    people, groups = Counted(base.people), Counted(base.group_members)
    m = base._replace(people=people, group_members=groups)
    for ids in ("abcdef", "abcdg", "abe", "abcd", "g", "") * 50:
        who(m, frozenset(ids)).labels(m)
        in_file_order(m, ids)
        names(m, ids)
    assert (people.walks, groups.walks) == (1, 1)


def test_in_file_order_with_ids_that_are_no_persons(mission_of: Callable[[str], Mission]
                                                     ) -> None:
    """People in the mission's order, then the unknown ids by id (the slower path)."""
    m = mission_of(GROUPS)
    known = list(m.people)
    assert in_file_order(m, reversed(known)) == known
    assert in_file_order(m, ["zz", known[1], "aa", known[0], "zz"]) == [*known[:2], "aa", "zz"]


def test_contacts_and_labels_are_worked_out_once(
        small: Mission, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked for every event, a person's contact and a set of people's labels are made once
    per mission (and anew for another mission object, such as a localised one)."""
    from missionctl.views import people

    made: list[str] = []
    make = people._contact

    def counted(mission: Mission, pid: str, public: bool) -> people.Contact:
        made.append(pid)
        return make(mission, pid, public)

    monkeypatch.setattr(people, "_contact", counted)
    pid = next(iter(small.people))
    first = [contact(small, pid) for _ in range(20)]
    assert made == [pid] and all(c is first[0] for c in first)
    contact(small, pid, public=True)
    assert made == [pid, pid]
    other = small._replace(people=dict(small.people))
    assert contact(other, pid) == first[0] and made == [pid, pid, pid]
    told = who(small, frozenset(small.people))
    calls = 0
    names_of = people.names

    def counted_names(mission: Mission, ids: object) -> tuple[str, ...]:
        nonlocal calls
        calls += 1
        return names_of(mission, ids)  # type: ignore[arg-type]

    monkeypatch.setattr(people, "names", counted_names)
    assert len({told.labels(small) for _ in range(20)}) == 1
    assert calls == 1
