"""VTIMEZONE built from the exact zone transitions, checked with the oracle that reads one back
like a client and compares it with zoneinfo hour by hour."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar.prop import vDDDTypes

from missionctl.export.vtimezone import DEFAULT_MARGIN, spans, vtimezone, vtimezone_at
from missionctl.tz import available_zones, transitions, zone

from .props import instant, prop
from .vtimezone_oracle import hourly_changes, verify_vtimezone

Y2026 = datetime(2026, 1, 1, tzinfo=UTC)
Y2027 = datetime(2027, 1, 1, tzinfo=UTC)
Y2028 = datetime(2028, 1, 1, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def _text(prop: object) -> str:
    value = prop.to_ical()  # type: ignore[attr-defined]
    return value.decode() if isinstance(value, bytes) else str(value)


def observances(vtz: icalendar.Timezone) -> list[tuple[str, str, str, str, str]]:
    """(kind, DTSTART, TZOFFSETFROM, TZOFFSETTO, TZNAME) of each sub-component, as text."""
    return [
        (
            sub.name,
            _text(sub["DTSTART"]),
            _text(sub["TZOFFSETFROM"]),
            _text(sub["TZOFFSETTO"]),
            str(sub["TZNAME"]),
        )
        for sub in vtz.subcomponents
    ]


# --- the transitions themselves --------------------------------------------------------------


def test_casablanca_2026_transitions_are_found_to_the_second() -> None:
    found = [
        (t.at, t.offset_from, t.offset_to) for t in transitions("Africa/Casablanca", Y2026, Y2027)
    ]
    h = timedelta(hours=1)
    assert found == [
        (utc(2026, 2, 15, 2), h, timedelta(0)),  # Ramadan: UTC+0
        (utc(2026, 3, 22, 2), timedelta(0), h),  # back to UTC+1
        (utc(2026, 9, 20, 1), h, timedelta(0)),  # tz 2026c: permanent UTC+0
    ]
    for t in transitions("Africa/Casablanca", Y2026, Y2027):
        before = (t.at - timedelta(seconds=1)).astimezone(zone("Africa/Casablanca"))
        after = t.at.astimezone(zone("Africa/Casablanca"))
        assert before.utcoffset() == t.offset_from
        assert after.utcoffset() == t.offset_to


def test_zones_without_changes_have_no_transitions() -> None:
    assert transitions("UTC", Y2026, Y2028) == []
    assert transitions("Asia/Tokyo", Y2026, Y2028) == []


# --- building ------------------------------------------------------------------------------


def test_casablanca_2026_vtimezone_is_explicit_and_exact() -> None:
    vtz = vtimezone("Africa/Casablanca", Y2026, Y2027)
    assert str(vtz["TZID"]) == "Africa/Casablanca"
    assert "RRULE" not in vtz.to_ical().decode()
    # span start = 2026-01-01 minus the 7-day margin, in force at UTC+1
    assert observances(vtz) == [
        ("STANDARD", "20251225T010000", "+0100", "+0100", "+01"),
        ("DAYLIGHT", "20260215T030000", "+0100", "+0000", "+00"),  # 03:00 local UTC+1 = 02:00Z
        ("STANDARD", "20260322T020000", "+0000", "+0100", "+01"),  # 02:00 local UTC+0 = 02:00Z
        ("STANDARD", "20260920T020000", "+0100", "+0000", "+00"),  # 02:00 local UTC+1 = 01:00Z
    ]
    assert verify_vtimezone(vtz, "Africa/Casablanca", Y2026, Y2027) == []
    margin = DEFAULT_MARGIN
    assert verify_vtimezone(vtz, "Africa/Casablanca", Y2026 - margin, Y2027 + margin) == []


def test_verify_reads_bytes_of_a_vtimezone_or_a_calendar() -> None:
    vtz = vtimezone("Africa/Casablanca", Y2026, Y2027)
    assert verify_vtimezone(vtz.to_ical(), "Africa/Casablanca", Y2026, Y2027) == []
    cal = icalendar.Calendar()
    cal.add("PRODID", "-//test//EN")
    cal.add("VERSION", "2.0")
    cal.add_component(vtimezone("Europe/Lisbon", Y2026, Y2027))
    cal.add_component(vtz)
    assert verify_vtimezone(cal.to_ical(), "Africa/Casablanca", Y2026, Y2027) == []
    assert verify_vtimezone(cal.to_ical(), "Europe/Lisbon", Y2026, Y2027) == []
    assert verify_vtimezone(cal.to_ical(), "Asia/Tokyo", Y2026, Y2027) == [
        "no VTIMEZONE with TZID Asia/Tokyo"
    ]


def test_lisbon_2027() -> None:
    start, end = Y2027, Y2028
    vtz = vtimezone("Europe/Lisbon", start, end)
    assert observances(vtz) == [
        ("STANDARD", "20261225T000000", "+0000", "+0000", "WET"),
        ("DAYLIGHT", "20270328T010000", "+0000", "+0100", "WEST"),
        ("STANDARD", "20271031T020000", "+0100", "+0000", "WET"),
    ]
    assert verify_vtimezone(vtz, "Europe/Lisbon", start, end) == []


@pytest.mark.parametrize("name", ["UTC", "Asia/Tokyo"])
def test_zone_without_changes(name: str) -> None:
    vtz = vtimezone(name, Y2026, Y2028)
    assert len(vtz.subcomponents) == 1
    (kind, _dtstart, off_from, off_to, _tzname) = observances(vtz)[0]
    assert kind == "STANDARD"
    assert off_from == off_to == ("+0000" if name == "UTC" else "+0900")
    assert verify_vtimezone(vtz, name, Y2026, Y2028) == []


@pytest.mark.parametrize(
    "name",
    [
        "Australia/Lord_Howe",  # 30-minute DST
        "Pacific/Chatham",  # UTC+12:45 / +13:45
        "America/St_Johns",  # UTC-3:30
        "Antarctica/Troll",  # two-hour DST
        "Europe/Dublin",  # negative DST in tzdata
        "America/Santiago",
        "Asia/Gaza",
        "America/New_York",
        "Australia/Sydney",  # southern hemisphere
    ],
)
def test_awkward_zones_verify(name: str) -> None:
    start, end = utc(2025, 6, 1), utc(2028, 6, 1)
    vtz = vtimezone(name, start, end)
    assert len(vtz.subcomponents) >= 1
    assert verify_vtimezone(vtz, name, start, end) == []
    assert verify_vtimezone(vtz.to_ical(), name, start, end) == []


def test_deterministic() -> None:
    a = vtimezone("Africa/Casablanca", Y2026, Y2027).to_ical()
    b = vtimezone("Africa/Casablanca", Y2026, Y2027).to_ical()
    assert a == b
    # any tzinfo for the same instants
    c = vtimezone(
        "Africa/Casablanca",
        Y2026.astimezone(zone("Asia/Tokyo")),
        Y2027.astimezone(timezone(timedelta(hours=-5))),
    ).to_ical()
    assert a == c


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="aware"):
        vtimezone("Europe/Lisbon", datetime(2026, 1, 1), Y2027)
    with pytest.raises(KeyError):
        vtimezone("Mars/Olympus_Mons", Y2026, Y2027)
    with pytest.raises(ValueError, match="before"):
        vtimezone("Europe/Lisbon", Y2027, Y2026, margin=timedelta(0))


# --- the verifier catches wrong components ------------------------------------------------------


def _without(vtz: icalendar.Component, dtstart: str) -> icalendar.Component:
    copy = icalendar.Timezone.from_ical(vtz.to_ical())
    copy.subcomponents = [s for s in copy.subcomponents if _text(s["DTSTART"]) != dtstart]
    return copy


def test_verifier_catches_a_missing_ramadan_period() -> None:
    vtz = _without(
        _without(vtimezone("Africa/Casablanca", Y2026, Y2027), "20260215T030000"),
        "20260322T020000",
    )
    problems = verify_vtimezone(vtz, "Africa/Casablanca", Y2026, Y2027)
    assert len(problems) == 1
    assert problems[0].startswith("2026-02-15T02:00:00Z..2026-03-22T01:59:59Z: ")
    assert "VTIMEZONE gives UTC+01:00" in problems[0]
    assert "zoneinfo gives UTC+00:00" in problems[0]


def test_verifier_catches_an_onset_one_hour_late() -> None:
    vtz = icalendar.Timezone.from_ical(vtimezone("Europe/Lisbon", Y2027, Y2028).to_ical())
    daylight = vtz.walk("DAYLIGHT")[0]
    daylight["DTSTART"] = icalendar.vDDDTypes(datetime(2027, 3, 28, 2, 0))
    assert verify_vtimezone(vtz, "Europe/Lisbon", Y2027, Y2028) == [
        "2027-03-28T01:00:00Z..2027-03-28T01:59:59Z: VTIMEZONE gives UTC+00:00 "
        "(STANDARD 2026-12-25T00:00:00), zoneinfo gives UTC+01:00"
    ]


def test_verifier_catches_a_wrong_tzid_a_short_span_and_a_wrong_offset() -> None:
    vtz = vtimezone("Europe/Lisbon", Y2027, Y2028)
    assert verify_vtimezone(vtz, "Africa/Casablanca", Y2027, Y2028)[0] == (
        "TZID is 'Europe/Lisbon', expected 'Africa/Casablanca'"
    )
    problems = verify_vtimezone(vtz, "Europe/Lisbon", utc(2026, 12, 1), Y2028)
    assert problems == [
        "2026-12-01T00:00:00Z..2026-12-24T23:59:59Z: no observance in force (zoneinfo: UTC+00:00)"
    ]
    tokyo = vtimezone("Asia/Tokyo", Y2027, Y2028)
    tokyo.subcomponents[0]["TZOFFSETTO"] = icalendar.vUTCOffset(timedelta(hours=8))
    assert verify_vtimezone(tokyo, "Asia/Tokyo", Y2027, Y2028) == [
        "2027-01-01T00:00:00Z..2028-01-01T00:00:00Z: VTIMEZONE gives UTC+08:00 "
        "(STANDARD 2026-12-25T09:00:00), zoneinfo gives UTC+09:00"
    ]


def test_verifier_understands_rrule_and_rdate() -> None:
    text = (
        b"BEGIN:VTIMEZONE\r\nTZID:Europe/Lisbon\r\n"
        b"BEGIN:STANDARD\r\nDTSTART:19961027T020000\r\n"
        b"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
        b"TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:WET\r\nEND:STANDARD\r\n"
        b"BEGIN:DAYLIGHT\r\nDTSTART:19960331T010000\r\n"
        b"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
        b"TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:WEST\r\nEND:DAYLIGHT\r\n"
        b"END:VTIMEZONE\r\n"
    )
    assert verify_vtimezone(text, "Europe/Lisbon", Y2026, Y2028) == []
    rdates = (
        b"BEGIN:VTIMEZONE\r\nTZID:Europe/Lisbon\r\n"
        b"BEGIN:STANDARD\r\nDTSTART:20251026T020000\r\nRDATE:20261025T020000,20271031T020000\r\n"
        b"TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:WET\r\nEND:STANDARD\r\n"
        b"BEGIN:DAYLIGHT\r\nDTSTART:20260329T010000\r\nRDATE:20270328T010000\r\n"
        b"TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:WEST\r\nEND:DAYLIGHT\r\n"
        b"END:VTIMEZONE\r\n"
    )
    assert verify_vtimezone(rdates, "Europe/Lisbon", Y2026, Y2028) == []
    wrong = rdates.replace(b"20271031T020000", b"20271024T020000")
    assert verify_vtimezone(wrong, "Europe/Lisbon", Y2026, Y2028) == [
        "2027-10-24T01:00:00Z..2027-10-31T00:59:59Z: VTIMEZONE gives UTC+00:00 "
        "(STANDARD 2025-10-26T02:00:00), zoneinfo gives UTC+01:00"
    ]


# --- icalendar's own generator -------------------------------------------------------------------

_SUB = re.compile(r"BEGIN:(STANDARD|DAYLIGHT)\r\n(.*?)END:\1", re.DOTALL)


def _onsets_by_hand(ics: bytes) -> set[tuple[datetime, timedelta]]:
    """(UTC onset, offset to) of every DTSTART/RDATE, parsed with regular expressions only: an
    independent reading of RFC 5545 (onset = local DTSTART read with TZOFFSETFROM)."""

    def offset(text: str) -> timedelta:
        sign = -1 if text[0] == "-" else 1
        return sign * timedelta(hours=int(text[1:3]), minutes=int(text[3:5]))

    out: set[tuple[datetime, timedelta]] = set()
    for _kind, body in _SUB.findall(ics.decode().replace("\r\n ", "")):
        props = dict(line.split(":", 1) for line in body.split("\r\n") if ":" in line)
        off_from, off_to = offset(props["TZOFFSETFROM"]), offset(props["TZOFFSETTO"])
        locals_ = [props["DTSTART"], *props.get("RDATE", "").split(",")]
        for local in filter(None, locals_):
            naive = datetime.strptime(local, "%Y%m%dT%H%M%S")
            out.add(((naive - off_from).replace(tzinfo=UTC), off_to))
    return out


def _generator_is_right(ics: bytes, name: str, start: datetime, end: datetime) -> bool:
    wanted = {(t.at, t.offset_to) for t in transitions(name, start, end)}
    return wanted <= _onsets_by_hand(ics)


@pytest.mark.skipif(
    not hasattr(icalendar.Timezone, "from_tzinfo"), reason="icalendar has no VTIMEZONE generator"
)
@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2026, 2, 1), date(2026, 10, 1)),  # a mission season: the 64-day step skips Ramadan
        (date(2025, 12, 10), date(2027, 1, 1)),
        (date(2026, 1, 1), date(2027, 1, 1)),
        (date(1970, 1, 1), date(2038, 1, 1)),  # icalendar's defaults
    ],
)
def test_icalendar_generator_for_casablanca_is_checked(first: date, last: date) -> None:
    name = "Africa/Casablanca"
    generated = icalendar.Timezone.from_tzinfo(zone(name), name, first, last)
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    span_start, span_end = max(start, Y2026), datetime(2026, 10, 1, tzinfo=UTC)
    problems = verify_vtimezone(generated, name, span_start, span_end)
    if _generator_is_right(generated.to_ical(), name, span_start, span_end):
        assert problems == []
    else:
        assert problems, "the verifier must catch what the independent check found"


@pytest.mark.skipif(
    getattr(icalendar, "__version__", "") != "7.3.2", reason="documents icalendar 7.3.2"
)
def test_icalendar_7_3_2_generator_misses_ramadan_2026() -> None:
    """What docs/calendars.md reports: for a February-to-October window, icalendar 7.3.2's
    generator leaves out the whole Ramadan period; with its 1970-2038 defaults it finds the
    period but puts the return to UTC+1 one hour late (it writes the onset in the new local
    time)."""
    name = "Africa/Casablanca"
    season = icalendar.Timezone.from_tzinfo(zone(name), name, date(2026, 2, 1), date(2026, 10, 1))
    problems = verify_vtimezone(season, name, utc(2026, 2, 1), utc(2026, 10, 1))
    assert len(problems) == 1
    assert problems[0].startswith(
        "2026-02-15T02:00:00Z..2026-03-22T01:59:59Z: VTIMEZONE gives UTC+01:00"
    )

    default = icalendar.Timezone.from_tzinfo(zone(name), name)
    problems = verify_vtimezone(default, name, Y2026, Y2027)
    assert len(problems) == 1
    assert problems[0].startswith(
        "2026-03-22T02:00:00Z..2026-03-22T02:59:59Z: VTIMEZONE gives UTC+00:00"
    )

    lisbon = icalendar.Timezone.from_tzinfo(zone("Europe/Lisbon"), "Europe/Lisbon")
    problems = verify_vtimezone(lisbon, "Europe/Lisbon", Y2027, Y2028)
    assert len(problems) == 1
    assert problems[0].startswith("2027-03-28T01:00:00Z..2027-03-28T01:59:59Z")
    # ours, for the same spans
    assert (
        verify_vtimezone(
            vtimezone(name, utc(2026, 2, 1), utc(2026, 10, 1)),
            name,
            utc(2026, 2, 1),
            utc(2026, 10, 1),
        )
        == []
    )


# --- the oracle over every VTIMEZONE the exporter can produce -----------------------------------
#
# The exporter no longer checks its VTIMEZONEs at run time: it builds them from the exact
# `missionctl.tz.transitions`. These tests read them back hour by hour against zoneinfo
# (`vtimezone_oracle`, which finds the real changes with its own hourly search), offsets,
# TZNAMEs and STANDARD/DAYLIGHT kinds alike, for the zones of the example missions and:

TRICKY = [
    "Africa/Casablanca",  # Ramadan switches, 2018-10-28 DST flag flip, UTC+0 from 2026-09-20
    "Europe/Lisbon",
    "Asia/Tehran",  # DST abolished in 2022
    "Australia/Lord_Howe",  # 30-minute DST
    "America/Sao_Paulo",  # DST abolished in 2019
    "Pacific/Apia",  # DST until 2021
    "Etc/GMT-14",  # no transition at all
    "UTC",
]
FROM_2018, TO_2030 = utc(2018, 1, 1), utc(2031, 1, 1)
HOUR, SECOND = timedelta(hours=1), timedelta(seconds=1)


@pytest.mark.parametrize("name", TRICKY)
def test_oracle_2018_to_2030_in_one_component(name: str) -> None:
    vtz = vtimezone(name, FROM_2018, TO_2030, margin=timedelta(0))
    assert verify_vtimezone(vtz, name, FROM_2018, TO_2030, names=True) == []
    assert verify_vtimezone(vtz.to_ical(), name, FROM_2018, TO_2030, names=True) == []
    changes = hourly_changes(name, FROM_2018, TO_2030)
    assert len(vtz.subcomponents) == 1 + len(changes)
    if name in ("Etc/GMT-14", "UTC"):
        assert changes == []


@pytest.mark.parametrize("name", TRICKY)
def test_oracle_for_spans_starting_and_ending_around_every_change(name: str) -> None:
    """The span's first hour just before, at and after each change, its end one second
    before, at and after it, and spans of a week either side: every way a change can sit
    at the edge of an exported span."""
    problems: dict[str, list[str]] = {}
    for change in hourly_changes(name, FROM_2018, TO_2030):
        t = change.at
        spans = [(t - timedelta(days=3), t + timedelta(days=3))]
        spans += [
            (start, end)
            for start in (t - HOUR, t, t + HOUR)
            for end in (t - SECOND, t, t + SECOND, t + HOUR)
            if start <= end
        ]
        for start, end in spans:
            vtz = vtimezone(name, start, end, margin=timedelta(0))
            span_start = start.replace(minute=0, second=0)  # what vtimezone() covers
            found = verify_vtimezone(vtz, name, span_start, end, names=True)
            if found:
                problems[f"{start:%Y-%m-%dT%H:%M:%S}..{end:%Y-%m-%dT%H:%M:%S}"] = found
    assert problems == {}


def test_oracle_sees_the_casablanca_changes_that_matter() -> None:
    vtz = vtimezone("Africa/Casablanca", FROM_2018, TO_2030, margin=timedelta(0))
    got = observances(vtz)
    assert ("STANDARD", "20181028T030000", "+0100", "+0100", "+01") in got  # DST flag only
    assert got[-3:] == [
        ("DAYLIGHT", "20260215T030000", "+0100", "+0000", "+00"),  # Ramadan 2026
        ("STANDARD", "20260322T020000", "+0000", "+0100", "+01"),
        ("STANDARD", "20260920T020000", "+0100", "+0000", "+00"),  # for good
    ]
    assert verify_vtimezone(vtz, "Africa/Casablanca", FROM_2018, TO_2030, names=True) == []


def test_oracle_names_check_catches_a_wrong_tzname_and_kind() -> None:
    vtz = icalendar.Timezone.from_ical(vtimezone("Europe/Lisbon", Y2027, Y2028).to_ical())
    vtz.walk("DAYLIGHT")[0]["TZNAME"] = icalendar.vText("WET")
    assert verify_vtimezone(vtz, "Europe/Lisbon", Y2027, Y2028) == []  # offsets are right
    problems = verify_vtimezone(vtz, "Europe/Lisbon", Y2027, Y2028, names=True)
    assert problems == [
        "2027-03-28T01:00:00Z..2027-10-31T00:59:59Z: VTIMEZONE gives DAYLIGHT "
        "2027-03-28T01:00:00 'WET', zoneinfo gives DAYLIGHT 'WEST'"
    ]
    text = vtimezone("Europe/Lisbon", Y2027, Y2028).to_ical().replace(
        b"BEGIN:DAYLIGHT", b"BEGIN:STANDARD").replace(b"END:DAYLIGHT", b"END:STANDARD")
    assert verify_vtimezone(text, "Europe/Lisbon", Y2027, Y2028, names=True) == [
        "2027-03-28T01:00:00Z..2027-10-31T00:59:59Z: VTIMEZONE gives STANDARD "
        "2027-03-28T01:00:00 'WEST', zoneinfo gives DAYLIGHT 'WEST'"
    ]


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(sorted(available_zones())),
    start=st.datetimes(datetime(1970, 1, 1), datetime(2040, 1, 1), timezones=st.just(UTC)),
    length=st.timedeltas(timedelta(0), timedelta(days=400)),
    margin=st.timedeltas(timedelta(0), timedelta(days=14)),
)
def test_oracle_on_random_zones_and_spans(
    name: str, start: datetime, length: timedelta, margin: timedelta
) -> None:
    vtz = vtimezone(name, start, start + length, margin=margin)
    span_start = (start - margin).replace(minute=0, second=0, microsecond=0)
    span_end = start + length + margin
    assert verify_vtimezone(vtz, name, span_start, span_end, names=True) == []


# --- only what the times written need -----------------------------------------------------------


def test_spans_merge_overlapping_windows_and_keep_far_ones_apart() -> None:
    week = timedelta(days=7)
    got = spans([utc(2027, 5, 10, 9, 30), utc(2027, 5, 12, 18), utc(2027, 9, 1, 8)], week)
    assert got == [
        (utc(2027, 5, 3, 9), utc(2027, 5, 19, 18)),
        (utc(2027, 8, 25, 8), utc(2027, 9, 8, 8)),
    ]
    assert spans([utc(1, 1, 1, 0, 30), datetime(9999, 12, 31, 23, 30, tzinfo=UTC)], week) == [
        (datetime(1, 1, 1, tzinfo=UTC), datetime(1, 1, 8, 0, 30, tzinfo=UTC)),
        (datetime(9999, 12, 24, 23, tzinfo=UTC), datetime.max.replace(tzinfo=UTC)),
    ]
    with pytest.raises(ValueError, match="aware"):
        spans([datetime(2027, 1, 1)])
    with pytest.raises(ValueError, match="no time"):
        vtimezone_at("Europe/Lisbon", [])


def test_vtimezone_at_moves_to_the_observance_of_a_later_span() -> None:
    """January and July in Lisbon: between the two spans the VTIMEZONE is not exact (no time
    falls there); at the start of the July span one sub-component moves from WET to WEST."""
    january, july = utc(2027, 1, 15, 9), utc(2027, 7, 15, 9)
    vtz = vtimezone_at("Europe/Lisbon", [july, january], margin=timedelta(days=1))
    assert observances(vtz) == [
        ("STANDARD", "20270114T090000", "+0000", "+0000", "WET"),
        ("DAYLIGHT", "20270714T090000", "+0000", "+0100", "WEST"),  # read in WET: 09:00Z
    ]
    for t in (january, july):
        assert verify_vtimezone(vtz, "Europe/Lisbon", t - timedelta(days=1),
                                t + timedelta(days=1), names=True) == []
    assert "exact from 2027-01-14T09:00Z to 2027-01-16T09:00Z, and from 2027-07-14T09:00Z" in (
        vtz.to_ical().decode().replace("\r\n ", "").replace("\\,", ","))


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(sorted(available_zones())),
    instants=st.lists(
        st.datetimes(datetime(1970, 1, 1), datetime(2040, 1, 1), timezones=st.just(UTC)),
        min_size=1, max_size=6),
    margin=st.timedeltas(timedelta(0), timedelta(days=14)),
)
def test_oracle_around_random_instants(
    name: str, instants: list[datetime], margin: timedelta
) -> None:
    vtz = vtimezone_at(name, instants, margin=margin)
    for span_start, span_end in spans(instants, margin):
        assert verify_vtimezone(vtz, name, span_start, span_end, names=True) == []


def _utc(value: date) -> datetime:
    assert isinstance(value, datetime)  # every exported event has a time
    return value.astimezone(UTC)


MISSIONS = sorted((Path(__file__).resolve().parents[2] / "missions").glob("*/mission.yaml"))


def _times_by_tzid(cal: icalendar.Calendar) -> dict[str, list[datetime]]:
    """TZID -> the instants (UTC) of every DTSTART/DTEND written with it."""
    out: dict[str, list[datetime]] = {}
    for vevent in cal.events:
        for name in ("DTSTART", "DTEND"):
            tzid = prop(vevent, name, vDDDTypes).params.get("TZID")
            if tzid is not None:
                out.setdefault(str(tzid), []).append(_utc(instant(vevent, name)))
    return out


@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.parent.name)
def test_oracle_on_every_calendar_of_the_example_missions(path: Path, tmp_path: Path) -> None:
    """The whole programme and every per-person calendar, as the CLI writes them: each
    VTIMEZONE is exact within the margin of every time written with its TZID."""
    from missionctl.cli.app import main

    whole = tmp_path / "all.ics"
    assert main(["itinerary", str(path), "--format", "ics", "-o", str(whole)]) == 0
    folder = tmp_path / "p"
    assert main(["itinerary", str(path), "--format", "ics", "--per-person", str(folder)]) == 0
    files = [whole, *sorted(folder.glob("*.ics"))]
    assert len(files) > 2
    checked = 0
    for file in files:
        cal = icalendar.Calendar.from_ical(file.read_bytes())
        times = _times_by_tzid(cal)
        assert sorted(times) == sorted(vtz.tz_name for vtz in cal.timezones), file.name
        for vtz in cal.timezones:
            name = vtz.tz_name
            for span_start, span_end in spans(times[name], DEFAULT_MARGIN):
                found = verify_vtimezone(vtz, name, span_start, span_end, names=True)
                assert found == [], file.name
            checked += 1
    assert checked >= len(files)
