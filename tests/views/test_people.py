"""Attendees told as groups, not flattened into forty names."""

from __future__ import annotations

from collections.abc import Callable

from missionctl.model import Mission
from missionctl.views.people import contact, who

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
