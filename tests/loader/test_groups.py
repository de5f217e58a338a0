"""Groups: members through subgroups, cycles (MC006), at any depth without recursion."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from missionctl.cli.app import main
from missionctl.loader import Loaded, load

ANA = "people:\n  ana: {name: Ana, email: ana@example.org}\n"
EVENT = ("events:\n  e: {kind: visit, title: V, start: 2027-05-11 10:00, end: '11:00', "
         "attendees: [group:g0]}\n")


def chain(n: int, closing: str) -> str:
    """Groups g0 -> g1 -> ... -> g<n-1>, the last one listing `closing`."""
    lines = [f"  g{i}: {{members: [group:g{i + 1}]}}\n" for i in range(n - 1)]
    return ANA + "groups:\n" + "".join(lines) + f"  g{n - 1}: {{members: [{closing}]}}\n" + EVENT


def mc006(result: Loaded) -> list[tuple[int, int, str]]:
    return [(f.loc.line, f.loc.column, f.message) for f in result.findings if f.code == "MC006"]


@pytest.mark.parametrize("depth", [1_000, 10_000])
def test_a_deep_chain_of_groups_reaches_its_people(
    loaded: Callable[..., Loaded], depth: int
) -> None:
    result = loaded(chain(depth, "ana"))
    assert result.findings == ()
    assert result.mission is not None
    assert result.mission.group_members["g0"] == frozenset({"ana"})
    assert result.mission.taking_part["e"] == frozenset({"ana"})


@pytest.mark.parametrize("depth", [1_000, 10_000])
def test_a_deep_cycle_of_groups_is_one_mc006_at_the_member_closing_it(
    loaded: Callable[..., Loaded], depth: int
) -> None:
    result = loaded(chain(depth, "group:g0"))
    [(line, col, message)] = mc006(result)
    # Line 9 is `people:`, 11 `groups:`, g<i> on 12 + i; the last group closes the cycle
    # at `group:g0`, in column 17 + the width of its number.
    assert (line, col) == (12 + depth - 1, 17 + len(str(depth - 1)))
    # A long cycle is shortened to its two ends, not printed whole.
    assert message == (f"groups include each other in a cycle (g0 -> g1 -> g2 -> g3 -> "
                       f"... {depth - 6} more ... -> g{depth - 2} -> g{depth - 1} -> g0); "
                       "remove one of these members")


def test_a_group_listing_itself_is_mc006_at_that_member(
    loaded: Callable[..., Loaded],
) -> None:
    result = loaded(ANA + "groups:\n  d: {members: [ana, group:d]}\n")
    [(line, col, message)] = mc006(result)
    assert (line, col) == (12, 22)
    assert message == ("group 'd' lists itself among its members; remove 'group:d' "
                       "from its members")
    assert result.mission is not None
    assert result.mission.group_members["d"] == frozenset({"ana"})


def test_cycles_sharing_groups_are_each_reported_once(loaded: Callable[..., Loaded]) -> None:
    body = ANA + """\
groups:
  a: {members: [group:b]}
  b: {members: [group:c, ana]}
  c: {members: [group:a, group:b]}
"""
    found = mc006(loaded(body))
    assert [(line, col) for line, col, _ in found] == [(14, 17), (14, 26)]
    assert [message for _, _, message in found] == [
        "groups include each other in a cycle (a -> b -> c -> a); remove one of these members",
        "groups include each other in a cycle (b -> c -> b); remove one of these members"]


@pytest.mark.parametrize(("closing", "code"), [("ana", 0), ("group:g0", 1)])
def test_check_on_deep_groups_exits_with_findings_not_an_internal_error(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str], closing: str, code: int
) -> None:
    path = write(chain(1_000, closing), header=True)
    assert main(["check", "--ignore", "MC4,MC3", str(path)]) == code
    err = capsys.readouterr().err
    assert "internal error" not in err


def test_group_members_follow_every_path(write: Callable[..., Path]) -> None:
    """A diamond and shared subgroups: each group has the union of what it reaches."""
    path = write("""\
people:
  ana: {name: Ana}
  bo: {name: Bo, groups: [right]}
  cy: {name: Cy, organisation: acme}
organisations:
  acme: {name: Acme}
groups:
  top: {members: [group:left, group:right]}
  left: {members: [ana, group:bottom]}
  right: {members: [group:bottom]}
  bottom: {members: [org:acme]}
""", header=True)
    result = load(path)
    assert result.findings == ()
    assert result.mission is not None
    assert {g: set(m) for g, m in result.mission.group_members.items()} == {
        "top": {"ana", "bo", "cy"}, "left": {"ana", "cy"}, "right": {"bo", "cy"},
        "bottom": {"cy"}}


def test_an_event_of_one_group_shares_the_groups_set(loaded: Callable[..., Loaded]) -> None:
    # Work not repeated: the people of an event whose only reference is a group are that
    # group's set itself, not a copy built person by person for each event.
    events = "".join(f"  e{i}: {{kind: visit, title: V, start: 2027-05-11 {10 + i}:00, "
                     f"end: '{10 + i}:30', attendees: [group:g0]}}\n" for i in range(3))
    result = loaded(ANA + "groups:\n  g0: {members: [ana]}\nevents:\n" + events
                    + "  mixed: {kind: visit, title: M, start: 2027-05-11 14:00, end: '14:30', "
                    "attendees: [group:g0, ana]}\n")
    assert result.findings == ()
    assert result.mission is not None
    m = result.mission
    assert all(m.taking_part[f"e{i}"] is m.group_members["g0"] for i in range(3))
    assert m.taking_part["mixed"] == frozenset({"ana"})
