"""The hand-written VEVENT lines (`export.vevent`) against icalendar itself.

Two oracles, on random text (Hypothesis) and on every event of every golden calendar:

* icalendar's own serialisation of the same VEVENT, built property by property with
  `icalendar.Event.add` as `export.ics` did before issue 10: the same bytes;
* icalendar's parser reading our output back: the same properties with the same values.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar.prop import vCategory, vDDDTypes, vGeo

from missionctl.export.ics import (
    CalEvent,
    Times,
    attendee_address,
    calendar_bytes,
    multiline,
    one_line,
)
from missionctl.export.vevent import fold
from missionctl.loader import load
from missionctl.missions import find_missions
from missionctl.render.ics import cal_event, dtstamp
from missionctl.tz import zone

from .props import prop

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
STAMP = datetime(2027, 5, 1, tzinfo=UTC)
ZONES = ("Africa/Casablanca", "Europe/Lisbon", "UTC", "Asia/Tokyo", "America/New_York")


# ----------------------------------------------------------------------------- the oracle


def _oracle_time(event: icalendar.Event, name: str, instant: datetime, zone_name: str,
                 times: Times) -> None:
    utc = instant.replace(microsecond=0).astimezone(UTC)
    if times == "utc":
        event.add(name, utc)
        return
    try:
        local = utc.astimezone(zone(zone_name))
    except OverflowError:
        event.add(name, utc)
        return
    if zone_name == "UTC" or (local.replace(fold=0).utcoffset()
                              != local.replace(fold=1).utcoffset()):
        event.add(name, utc)
        return
    event.add(name, local.replace(tzinfo=None, fold=0), parameters={"TZID": zone_name})


def oracle(ev: CalEvent, times: Times = "local") -> bytes:
    """The VEVENT as icalendar writes it from its own property objects."""
    event = icalendar.Event()
    event.add("UID", ev.uid)
    event.add("DTSTAMP", STAMP)
    event.add("SEQUENCE", ev.sequence)
    if ev.last_modified is not None:
        event.add("LAST-MODIFIED", ev.last_modified.replace(microsecond=0).astimezone(UTC))
    event.add("SUMMARY", one_line(ev.summary))
    _oracle_time(event, "DTSTART", ev.start, ev.start_zone, times)
    _oracle_time(event, "DTEND", ev.end, ev.end_zone, times)
    event.add("STATUS", ev.status)
    if ev.transparent:
        event.add("TRANSP", "TRANSPARENT")
    if ev.location and multiline(ev.location).strip():
        event.add("LOCATION", multiline(ev.location))
    if ev.geo is not None:
        event.add("GEO", (float(ev.geo[0]), float(ev.geo[1])))
    if ev.description and multiline(ev.description).strip():
        event.add("DESCRIPTION", multiline(ev.description))
    if ev.url and one_line(ev.url):
        event.add("URL", one_line(ev.url))
    categories = [c for c in map(one_line, ev.categories) if c]
    if categories:
        event.add("CATEGORIES", categories)
    for name, email in ev.attendees:
        params = {"CN": one_line(name)} if one_line(name) else {}
        event.add("ATTENDEE", attendee_address(name, email), parameters=params)
    data: bytes = event.to_ical()
    return data


def vevents(calendar: bytes) -> list[bytes]:
    """The VEVENT blocks of a calendar, as written."""
    body = calendar[calendar.index(b"BEGIN:VEVENT"): calendar.rindex(b"END:VCALENDAR")]
    return [b"BEGIN:VEVENT" + block for block in body.split(b"BEGIN:VEVENT")[1:]]


def same_as_icalendar(events: list[CalEvent], times: Times = "local") -> bytes:
    """Our calendar of `events`, checked VEVENT by VEVENT against the oracle."""
    data = calendar_bytes(events, name="m", dtstamp=STAMP, times=times)
    ordered = sorted(events, key=lambda e: (e.start.astimezone(UTC).replace(microsecond=0),
                                            e.uid))
    assert vevents(data) == [oracle(e, times) for e in ordered]
    return data


def read_back(data: bytes, events: list[CalEvent]) -> None:
    """icalendar's parser finds every property with the value given."""
    parsed = {str(v["UID"]): v for v in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    assert len(parsed) == len(events)
    for ev in events:
        got = parsed[ev.uid]
        assert str(got["SUMMARY"]) == one_line(ev.summary)
        assert prop(got, "DTSTART", vDDDTypes).dt == ev.start.replace(microsecond=0)
        assert prop(got, "DTEND", vDDDTypes).dt == ev.end.replace(microsecond=0)
        assert str(got["STATUS"]) == ev.status
        if ev.last_modified is not None:
            assert (prop(got, "LAST-MODIFIED", vDDDTypes).dt
                    == ev.last_modified.replace(microsecond=0).astimezone(UTC))
        else:
            assert "LAST-MODIFIED" not in got
        for name, value in (("LOCATION", ev.location), ("DESCRIPTION", ev.description)):
            if value and multiline(value).strip():
                assert str(got[name]) == multiline(value)
            else:
                assert name not in got
        if ev.geo is not None:
            geo = prop(got, "GEO", vGeo)
            assert (geo.latitude, geo.longitude) == ev.geo
        cats = [c for c in map(one_line, ev.categories) if c]
        if cats:
            assert [str(c) for c in prop(got, "CATEGORIES", vCategory).cats] == cats
        people = got.get("ATTENDEE", [])
        people = people if isinstance(people, list) else [people]
        assert [str(a) for a in people] == [attendee_address(n, e) for n, e in ev.attendees]
        assert [a.params.get("CN", "") for a in people] == [one_line(n) for n, _ in ev.attendees]


# ----------------------------------------------------------------------------- random text

# Every character but surrogates (which no UTF-8 file can hold), weighted towards the ones
# that escaping, quoting and folding treat specially.
SPECIAL = [*"\\;,:\"'^’\r\n\t \u2028\ufeffé€😀", "\r\n", "\\N", "\\n", "^n"]
TEXT = st.lists(st.one_of(st.sampled_from(SPECIAL),
                          st.characters(codec="utf-8")),
                max_size=120).map("".join)
# icalendar reads `\N` (a literal backslash and N) as a line break and drops a leading U+FEFF
# from a value: the read-back check uses text without either.
PLAIN = TEXT.filter(lambda t: "\\N" not in t and "\ufeff" not in t)
# icalendar's parser takes a backslash in a parameter value for an escape, which its writer
# (and RFC 5545) does not: `CN=\\;` reads back as `;`. Names for the read-back check have none.
NAMES = PLAIN.filter(lambda t: "\\" not in t)


@st.composite
def cal_events(draw: st.DrawFn, text: st.SearchStrategy[str] = TEXT,
               names: st.SearchStrategy[str] = TEXT) -> CalEvent:
    start = draw(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1),
                              timezones=st.just(UTC)))
    length = draw(st.integers(min_value=1, max_value=10 * 24 * 3600))
    people = draw(st.lists(st.tuples(names, st.sampled_from(
        [None, "ana@example.pt", "x\"@evil.com", "rui+a b@exämple.pt"])), max_size=4))
    return CalEvent(
        uid=draw(st.from_regex(r"[a-z0-9.,;\\-]{1,30}@m\.missionctl", fullmatch=True)),
        summary=draw(text), start=start, start_zone=draw(st.sampled_from(ZONES)),
        end=start + timedelta(seconds=length), end_zone=draw(st.sampled_from(ZONES)),
        location=draw(st.none() | text), description=draw(st.none() | text),
        geo=draw(st.none() | st.tuples(st.floats(-90, 90), st.floats(-180, 180))),
        status=draw(st.sampled_from(["CONFIRMED", "TENTATIVE", "CANCELLED"])),
        attendees=tuple(people), categories=tuple(draw(st.lists(text, max_size=3))),
        url=draw(st.none() | text), sequence=draw(st.integers(0, 10**6)),
        last_modified=draw(st.none() | st.datetimes(
            min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1),
            timezones=st.sampled_from([UTC, zone("Africa/Casablanca")]))),
        transparent=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cal_events(), min_size=1, max_size=3, unique_by=lambda e: e.uid),
       st.sampled_from(["local", "utc"]))
def test_random_events_are_written_as_icalendar_writes_them(
        events: list[CalEvent], times: Times) -> None:
    same_as_icalendar(events, times)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cal_events(PLAIN, NAMES), min_size=1, max_size=3, unique_by=lambda e: e.uid))
def test_random_events_read_back_by_icalendar(events: list[CalEvent]) -> None:
    read_back(calendar_bytes(events, name="m", dtstamp=STAMP), events)


@given(st.text(st.characters(codec="utf-8"), max_size=400))
def test_folding_keeps_every_line_under_75_octets_and_unfolds_to_the_line(line: str) -> None:
    data = line.replace("\r", "").replace("\n", "").encode("utf-8")
    folded = fold(data)
    assert folded.replace(b"\r\n ", b"") == data
    parts = folded.split(b"\r\n ")
    assert all(len(p) <= 74 for p in parts)
    for p in parts:
        p.decode("utf-8")  # never cut inside a character


def test_an_escape_is_never_split_by_a_fold() -> None:
    line = ("DESCRIPTION:" + "x" * 61 + "\\,tail").encode()
    assert line[73:74] == b"\\"
    assert fold(line) == ("DESCRIPTION:" + "x" * 61 + "\r\n \\,tail").encode()


# ----------------------------------------------------------------------------- golden files


def _golden_cases() -> list[tuple[Path, Path, bool]]:
    out = []
    for mission in sorted(find_missions(ROOT / "missions")):
        folder = GOLDEN / mission.parent.name
        out.append((mission, folder / "itinerary.ics", False))
        out.append((mission, folder / "duty-contact-agenda.ics", True))
    return out


@pytest.mark.parametrize(("mission", "golden", "duty"), _golden_cases(),
                         ids=lambda v: v.parent.name + "/" + v.name if isinstance(v, Path) else "")
def test_every_golden_calendar_is_icalendars_and_reads_back(
        mission: Path, golden: Path, duty: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    loaded = load(mission, str(mission.relative_to(ROOT)))
    assert loaded.mission is not None
    m = loaded.mission
    chosen = [e for e in m.events.values()
              if not duty or m.info.contact in m.taking_part.get(e.id, frozenset())]
    events = [cal_event(m, e) for e in chosen]
    data = golden.read_bytes()
    assert dtstamp(m) == datetime.combine(m.info.start, datetime.min.time(), UTC)
    expected = sorted(events, key=lambda e: (e.start.astimezone(UTC), e.uid))
    stamped = [oracle(e).replace(b"DTSTAMP:20270501T000000Z",
                                 b"DTSTAMP:" + dtstamp(m).strftime("%Y%m%dT%H%M%SZ").encode())
               for e in expected]
    assert vevents(data) == stamped
    read_back(data, events)
