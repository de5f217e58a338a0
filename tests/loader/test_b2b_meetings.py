"""`b2b_meetings:`: a session's meetings in another file, seen as if written by hand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from missionctl.linter import lint_file
from missionctl.loader import load

if TYPE_CHECKING:
    from conftest import Write

SESSION = """\
organisations:
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
  luso: {name: Lusomatic}
people:
  joana: {name: Joana, organisation: moldes, email: j@example.org}
  salma: {name: Salma, organisation: atlas, email: s@example.org}
  marta: {name: Marta, organisation: luso, email: m@example.org}
venues:
  hotel: {name: Hotel, rooms: {ballroom: {name: Ballroom}}}
b2b:
  fair:
    title: B2B fair
    venue: hotel
    room: ballroom
    date: 2027-05-11
    start: "14:00"
    end: "16:00"
    slot: 25m
    gap: 5m
    tables: 2
    participants: [joana, salma, marta]
    requests:
      - {from: moldes, to: atlas}
      - {from: luso, to: atlas}
"""


def mission(write: Write, listed: str, own: str = "", also: str = "") -> Path:
    """A mission including `planned.yaml` (which holds `listed`), then `also`."""
    write(listed, name="planned.yaml")
    return write(f"include: [planned.yaml{also}]\n{SESSION}{own}", header=True)


def located(path: Path) -> list[tuple[str, str, int, int]]:
    return sorted((f.code, Path(f.loc.file).name, f.loc.line, f.loc.column)
                  for f in lint_file(path).shown)


def test_listed_meetings_are_the_sessions(write: Write) -> None:
    path = mission(write, """\
        b2b_meetings:
          fair:
            - {at: "14:00", table: 1, between: [moldes, atlas]}
            - {at: "14:30", table: 2, between: [luso, atlas]}
        """)
    loaded = load(path)
    assert loaded.findings == ()
    assert loaded.mission is not None
    session = loaded.mission.b2b["fair"]
    assert [(m.at_text, m.table, m.between) for m in session.meetings] == [
        ("14:00", 1, ("moldes", "atlas")), ("14:30", 2, ("luso", "atlas"))]
    event = loaded.mission.events["fair.14:00.1"]
    assert event.b2b == "fair"
    assert (Path(event.loc.file).name, event.loc.line, event.loc.column) == ("planned.yaml", 3, 7)
    assert loaded.mission.taking_part["fair.14:30.2"] == frozenset({"marta", "salma"})
    # Every request is met: no MC205, as if the meetings were written in the session.
    # (MC307, the zone's recent rule change, is about the mission, not its meetings.)
    assert [c for c in located(path) if c[0] not in ("MC401", "MC307")] == []


def test_hand_written_and_listed_are_one_grid(write: Write) -> None:
    # The same table in one slot, once by hand and once listed: MC204 at the listed one (the
    # entry read later), with the hand-written one in `related`.
    own = "    meetings:\n      - {at: \"14:00\", table: 1, between: [moldes, atlas]}\n"
    path = mission(write, """\
        b2b_meetings:
          fair:
            - {at: "14:00", table: 1, between: [luso, atlas]}
        """, own=own)
    report = lint_file(path)
    [finding] = [f for f in report.shown if f.code == "MC204"]
    assert (Path(finding.loc.file).name, finding.loc.line, finding.loc.column) == (
        "planned.yaml", 3, 7)
    assert "table 1 is already taken" in finding.message
    assert [(Path(r.file).name, r.line) for r in finding.related] == [("m.yaml", 36)]
    loaded = load(path)
    assert loaded.mission is not None
    assert sorted(loaded.mission.events) == ["fair.14:00.1", "fair.14:00.1.2"]


def test_a_session_listed_in_two_files_is_mc005(write: Write) -> None:
    write('b2b_meetings:\n  fair:\n    - {at: "14:30", table: 1, between: [luso, atlas]}\n',
          name="other.yaml")
    path = mission(write, """\
        b2b_meetings:
          fair:
            - {at: "14:00", table: 1, between: [moldes, atlas]}
        """, also=", other.yaml")
    loaded = load(path)
    assert [(f.code, Path(f.loc.file).name, f.loc.line, f.loc.column)
            for f in loaded.findings] == [("MC005", "other.yaml", 2, 3)]
    [finding] = loaded.findings
    assert "already listed at" in finding.message
    assert [(Path(r.file).name, r.line, r.column) for r in finding.related] == [
        ("planned.yaml", 2, 3)]


def test_unknown_session_and_bad_entries(write: Write) -> None:
    path = mission(write, """\
        b2b_meetings:
          faire:
            - {at: "14:00", table: 1, between: [moldes, atlas]}
          fair:
            - {at: "14:00", table: 0, between: [moldes, atlass]}
            - {at: "14:30", between: [luso, atlas], room: x}
          x-note: anything
        """)
    found = sorted((f.code, f.loc.line, f.loc.column) for f in load(path).findings)
    assert found == [
        ("MC002", 6, 45),  # room: not a field of a meeting
        ("MC003", 5, 28),  # table 0
        ("MC004", 6, 7),  # no table
        ("MC006", 2, 3),  # no session 'faire'
        ("MC006", 5, 49),  # no organisation 'atlass'
    ]
    messages = [f.message for f in load(path).findings if f.code == "MC006"]
    assert "there is no B2B session 'faire' (did you mean 'fair'?)" in messages


def test_b2b_meetings_must_be_a_mapping(write: Write) -> None:
    path = mission(write, "b2b_meetings: [fair]\n")
    [finding] = load(path).findings
    assert (finding.code, finding.loc.line, finding.loc.column) == ("MC003", 1, 15)


def test_max_meetings_is_a_positive_count(write: Write) -> None:
    path = write(SESSION.replace("    tables: 2\n", "    tables: 2\n    max_meetings: 0\n"),
                 header=True)
    [finding] = load(path).findings
    assert finding.code == "MC003"
    ok = write(SESSION.replace("    tables: 2\n", "    tables: 2\n    max_meetings: 3\n"),
               header=True)
    loaded = load(ok)
    assert loaded.mission is not None and loaded.mission.b2b["fair"].max_meetings == 3
