"""MC401 no-host-contact: exact (code, line, column); the body starts on line 9.

The body continues the header's `mission:` with an organiser, so events start on line 22.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Found, ReportOf

BASE = """\
  organiser: produtech
organisations:
  produtech: {name: PRODUTECH}
  moldes: {name: Moldes Norte}
  atlas: {name: Atlas Auto}
  empty: {name: Nobody Listed SA}
people:
  ana: {name: Ana Silva, organisation: moldes}
  omar: {name: Omar Fassi, organisation: atlas, side: host}
  rita: {name: Rita, organisation: produtech, side: organiser}
venues:
  plant: {name: Atlas plant}
events:
"""


def only(found: Found, text: str, code: str = "MC401") -> list[tuple[str, int, int]]:
    every = found(BASE + text)
    assert [c for c in every if c[0].startswith("MC0")] == []
    return [c for c in every if c[0] == code]


def test_visit_and_meeting_without_host(report_of: ReportOf) -> None:
    report = report_of(BASE + """\
  tour: {kind: visit, title: Plant tour, organisation: atlas, venue: plant,\
      start: 2027-05-12 10:00, end: 12:00, attendees: [ana]}
  talk: {kind: meeting, title: Supplier talk, organisation: atlas, venue: plant,\
      start: 2027-05-12 14:00, end: 15:00, attendees: [ana]}
""")
    found = [f for f in report.shown if f.code == "MC401"]
    assert [(f.loc.line, f.loc.column, f.subject) for f in found] == [
        (22, 3, "tour"), (23, 3, "talk")]
    assert "'Plant tour' (Wed 12 May 10:00–12:00) is with Atlas Auto" in found[0].message


def test_a_named_host_is_enough(found: Found) -> None:
    assert only(found, """\
  tour: {kind: visit, title: Plant tour, organisation: atlas, venue: plant,\
      start: 2027-05-12 10:00, end: 12:00, attendees: [ana], hosts: [omar]}
  talk: {kind: meeting, title: Talk, organisation: atlas, venue: plant, start: 2027-05-12 14:00,\
      end: 15:00, attendees: [ana], hosts: [org:atlas]}
""") == []


def test_hosts_that_reach_nobody_are_no_host(found: Found) -> None:
    assert only(found, """\
  tour: {kind: visit, title: Plant tour, organisation: empty, venue: plant,\
      start: 2027-05-12 10:00, end: 12:00, attendees: [ana], hosts: [org:empty]}
""") == [("MC401", 22, 3)]


def test_the_organiser_and_the_attendees_own_organisation_are_not_another(found: Found) -> None:
    assert only(found, """\
  prep: {kind: meeting, title: Prep, organisation: produtech, venue: plant,\
      start: 2027-05-12 08:00, end: 09:00, attendees: [ana, rita]}
  own: {kind: meeting, title: Moldes board, organisation: moldes, venue: plant,\
      start: 2027-05-12 09:00, end: 10:00, attendees: [org:moldes]}
""") == []


def test_other_kinds_and_no_organisation_are_not_checked(found: Found) -> None:
    assert only(found, """\
  training: {kind: training, title: Training, organisation: atlas, venue: plant,\
      start: 2027-05-12 10:00, end: 12:00, attendees: [ana]}
  walk: {kind: visit, title: Old town walk, venue: plant, start: 2027-05-12 14:00, end: 15:00,\
      attendees: [ana]}
""") == []


def test_cancelled_is_not_checked(found: Found) -> None:
    assert only(found, """\
  tour: {kind: visit, title: Plant tour, organisation: atlas, venue: plant,\
      start: 2027-05-12 10:00, end: 12:00, attendees: [ana], status: cancelled}
""") == []


def test_waiver_on_the_event(report_of: ReportOf) -> None:
    report = report_of(BASE + """\
  tour: {kind: visit, title: Plant tour, organisation: atlas, venue: plant,\
      start: 2027-05-12 10:00, end: 12:00, attendees: [ana], waive: {MC401: host named on the day}}
""")
    assert [f.code for f in report.shown if f.code == "MC401"] == []
    assert [(f.code, f.loc.line) for f in report.waived] == [("MC401", 22)]
