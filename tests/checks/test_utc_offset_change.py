"""MC305 utc-offset-change: exact (code, line, column).

Missions here are written with their own eight-line header (line 6 is `timezone:`, its value
at column 13), so a body starts on line 9. With tzdata 2026c and later: Africa/Casablanca goes
from UTC+1 to UTC+0 for Ramadan on 2026-02-15 (02:00 UTC), back on 2026-03-22 (02:00 UTC) and
for good on 2026-09-20 (01:00 UTC); Europe/Lisbon ends summer time on 2027-10-31 (01:00 UTC).
"""

# ruff: noqa: E501 - the YAML fixtures keep one event per line, which reads best
from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC305"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists


def header(start: str, end: str, country: str = "MA", zone: str = "Africa/Casablanca") -> str:
    return f"""\
missionctl: 1
mission:
  id: clocks
  title: Clock change mission
  host_country: {country}
  timezone: {zone}
  start: {start}
  end: {end}
"""



def shown(report_of: ReportOf, text: str) -> list[tuple[int, int, str, tuple[int, ...]]]:
    return [(f.loc.line, f.loc.column, f.message, tuple(r.line for r in f.related))
            for f in report_of(text, header=False).shown if f.code == CODE]


def test_casablanca_goes_back_for_good_on_2026_09_20(found: Found, report_of: ReportOf) -> None:
    text = header("2026-09-18", "2026-09-22")
    assert found(text, header=False, selection=ONLY) == [(CODE, 6, 13)]
    [(_, _, message, related)] = shown(report_of, text)
    assert message.startswith(
        "the time zone Africa/Casablanca (used by the mission) changes its UTC offset during "
        "the mission: on Sunday 20 September 2026 at 02:00 local time clocks in "
        "Africa/Casablanca go back to 01:00 (UTC+01:00 -> UTC+00:00); this change is "
        "permanent. Times in the file stay local")
    assert "checks.waive: {MC305:" in message
    assert related == ()


def test_lisbon_end_of_summer_time(found: Found, report_of: ReportOf) -> None:
    text = header("2027-10-29", "2027-11-02", "PT", "Europe/Lisbon")
    assert found(text, header=False, selection=ONLY) == [(CODE, 6, 13)]
    [(_, _, message, _)] = shown(report_of, text)
    assert ("on Sunday 31 October 2027 at 02:00 local time clocks in Europe/Lisbon go back to "
            "01:00 (UTC+01:00 -> UTC+00:00). Times") in message
    assert "permanent" not in message


def test_may_2027_has_no_change(found: Found) -> None:
    # The shared header: Casablanca, 2027-05-10..14; a Lisbon venue is used too.
    assert found("""\
venues:
  lis: {name: Lisbon office, country: PT, timezone: Europe/Lisbon}
events:
  pt: {kind: meeting, title: Lisbon talks, venue: lis, start: 2027-05-11 10:00, end: 11:00}
""", selection=ONLY) == []


def test_two_changes_in_one_long_mission(found: Found) -> None:
    # Ramadan 2026 in Morocco: back an hour on 15 February, forward again on 22 March.
    assert found(header("2026-02-10", "2026-03-25"), header=False, selection=ONLY) == [
        (CODE, 6, 13), (CODE, 6, 13)]


def test_mission_runs_to_the_end_of_its_last_day(found: Found) -> None:
    # Lisbon changes at 01:00 UTC on the 31st: after a mission ending on the 30th (its 24:00
    # is 23:00 UTC); inside one ending on the 31st.
    assert found(header("2027-10-25", "2027-10-30", "PT", "Europe/Lisbon"), header=False,
                 selection=ONLY) == []
    assert found(header("2027-10-31", "2027-11-02", "PT", "Europe/Lisbon"), header=False,
                 selection=ONLY) == [(CODE, 6, 13)]


def test_events_beyond_the_dates_widen_the_span(found: Found) -> None:
    base = header("2027-10-25", "2027-10-30", "PT", "Europe/Lisbon") + """\
venues:
  lis: {name: Lisbon airport, country: PT}
  cmn: {name: Casablanca airport, country: MA, timezone: Africa/Casablanca}
events:
"""
    home = "  home: {kind: travel, title: Flight home, from: lis, to: cmn, start: 2027-10-31 10:00, end: 11:00"
    assert found(base + home + "}\n", header=False, selection=ONLY) == [(CODE, 6, 13)]
    assert found(base + home + ", status: cancelled}\n", header=False, selection=ONLY) == []


def test_venue_zone_points_at_the_venue_timezone(found: Found, report_of: ReportOf) -> None:
    text = header("2027-10-28", "2027-11-03") + """\
venues:
  lis: {name: Lisbon office, country: PT, timezone: Europe/Lisbon}
  unused: {name: Porto office, country: PT, timezone: Europe/Lisbon}
  porto: {name: Porto plant, country: PT, timezone: Europe/Lisbon}
  casa: {name: Casablanca office, timezone: Africa/Casablanca}
events:
  a: {kind: meeting, title: Porto talks, venue: porto, start: 2027-11-02 10:00, end: 11:00}
  b: {kind: meeting, title: Lisbon talks, venue: lis, start: 2027-11-01 10:00, end: 11:00}
  c: {kind: meeting, title: Casa talks, venue: casa, start: 2027-10-29 10:00, end: 11:00}
"""
    assert found(text, header=False, selection=ONLY) == [(CODE, 10, 53)]
    [(_, _, message, related)] = shown(report_of, text)
    assert message.startswith(
        "the time zone Europe/Lisbon (used by venue Lisbon office and venue Porto plant) "
        "changes its UTC offset during the mission: on Sunday 31 October 2027")
    assert related == (12,)


def test_cancelled_events_do_not_use_a_venue(found: Found) -> None:
    assert found(header("2027-10-28", "2027-11-03") + """\
venues:
  lis: {name: Lisbon office, country: PT, timezone: Europe/Lisbon}
events:
  b: {kind: meeting, title: Lisbon talks, venue: lis, start: 2027-11-01 10:00, end: 11:00, status: cancelled}
""", header=False, selection=ONLY) == []


def test_waived_for_the_mission(report_of: ReportOf) -> None:
    report = report_of(header("2026-09-18", "2026-09-22") + """\
checks:
  waive: {MC305: delegation briefed on the clock change}
""", header=False)
    assert [f for f in report.shown if f.code == CODE] == []
    assert [(f.code, f.loc.line, f.loc.column, f.waived) for f in report.waived] == [
        (CODE, 6, 13, "delegation briefed on the clock change")]
