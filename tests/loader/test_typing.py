"""Values are typed by their field, never by YAML 1.1 guessing."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Found, Load


def test_yaml11_traps_keep_what_the_author_wrote(loaded: Load) -> None:
    body = """\
organisations:
  nordic: {name: Nordic AS, country: NO}
people:
  ana: {name: Ana, phone: +212 522 000 000, email: ana@example.org}
  bo: {name: Bo, phone: 0612345670}
  cy: {name: 2027, phone: +212612345678, notes: off}
events:
  e:
    kind: meeting
    title: yes
    start: 2027-05-11 09:30
    end: 10:30
    attendees: [ana]
"""
    result = loaded(body)
    assert result.findings == ()
    m = result.mission
    assert m is not None
    assert m.organisations["nordic"].country == "NO"
    assert m.people["ana"].phone == "+212 522 000 000"
    assert m.people["bo"].phone == "0612345670"
    assert m.people["cy"].phone == "+212612345678"
    assert m.people["cy"].name == "2027"
    assert m.people["cy"].notes == "off"
    e = m.events["e"]
    assert e.title == "yes"
    # Casablanca is UTC+0 in May 2027 (tz 2026c and later).
    assert e.start == datetime(2027, 5, 11, 9, 30, tzinfo=UTC)
    assert e.end == datetime(2027, 5, 11, 10, 30, tzinfo=UTC)


def test_sexagesimal_8_30_is_a_time(loaded: Load) -> None:
    body = ("events:\n  e: {kind: other, title: T, start: 2027-05-11 8:30, end: 9:15, "
            "attendees: []}\n")
    m = loaded(body).mission
    assert m is not None
    e = m.events["e"]
    assert (e.end - e.start).seconds == 45 * 60


def test_written_offset_and_z(loaded: Load) -> None:
    body = """\
events:
  a: {kind: other, title: A, start: 2027-05-11T10:00+01:00, end: "10:30"}
  b: {kind: other, title: B, start: 2027-05-11 10:00Z, duration: PT1H30M}
"""
    m = loaded(body).mission
    assert m is not None
    assert m.events["a"].start == datetime(2027, 5, 11, 9, 0, tzinfo=UTC)
    assert m.events["a"].end == datetime(2027, 5, 11, 9, 30, tzinfo=UTC)
    assert m.events["b"].end == datetime(2027, 5, 11, 11, 30, tzinfo=UTC)


def test_travel_end_is_local_to_destination(loaded: Load) -> None:
    body = """\
venues:
  lis: {name: Lisbon airport, timezone: Europe/Lisbon}
  cmn: {name: Casablanca airport}
events:
  fly:
    kind: travel
    title: TP1450
    from: lis
    to: cmn
    start: 2027-05-10 08:00
    end: "08:40"
"""
    m = loaded(body).mission
    assert m is not None
    e = m.events["fly"]
    # 08:00 in Lisbon (UTC+1) = 07:00 UTC; 08:40 in Casablanca (UTC+0) = 08:40 UTC.
    assert e.start == datetime(2027, 5, 10, 7, 0, tzinfo=UTC)
    assert e.end == datetime(2027, 5, 10, 8, 40, tzinfo=UTC)
    assert (e.zone, e.end_zone) == ("Europe/Lisbon", "Africa/Casablanca")


def test_casablanca_2026_clock(loaded: Load) -> None:
    body = """\
events:
  ramadan: {kind: other, title: R, start: 2026-03-01 10:00, duration: 1h}
  spring: {kind: other, title: S, start: 2026-04-10 10:00, duration: 1h}
  autumn: {kind: other, title: A, start: 2026-09-25 10:00, duration: 1h}
"""
    m = loaded(body).mission
    assert m is not None
    hours = {k: e.start.hour for k, e in m.events.items()}
    assert hours == {"ramadan": 10, "spring": 9, "autumn": 10}


def test_duration_across_a_clock_change_is_real_time(loaded: Load) -> None:
    # 2026-09-20 03:00 Casablanca: clocks go back to 02:00. 5h of real time from 00:00.
    body = "events:\n  e: {kind: other, title: E, start: 2026-09-20 00:00, duration: 5h}\n"
    m = loaded(body).mission
    assert m is not None
    e = m.events["e"]
    assert (e.end - e.start).total_seconds() == 5 * 3600
    assert e.local_end().strftime("%H:%M") == "04:00"


def test_anchors_and_merge_keys(loaded: Load) -> None:
    body = """\
x-defaults:
  visit: &visit {kind: visit, venue: v, duration: 1h}
venues:
  v: {name: V}
events:
  a: {<<: *visit, title: A, start: 2027-05-11 10:00}
  b:
    <<: *visit
    title: B
    kind: meeting
    start: 2027-05-11 12:00
"""
    result = loaded(body)
    assert result.findings == ()
    m = result.mission
    assert m is not None
    assert (m.events["a"].kind, m.events["b"].kind) == ("visit", "meeting")
    assert m.events["b"].venue == "v"


def test_single_reference_reads_as_list(loaded: Load) -> None:
    body = "people:\n  ana: {name: Ana}\nevents:\n  e: {kind: other, title: E, " \
           "start: 2027-05-11 10:00, duration: 1h, attendees: ana}\n"
    m = loaded(body).mission
    assert m is not None
    assert m.taking_part["e"] == {"ana"}


def test_null_means_not_given(loaded: Load) -> None:
    body = "people:\n  ana: {name: Ana, phone: ~, email: null, notes: }\n"
    result = loaded(body)
    assert result.findings == ()
    m = result.mission
    assert m is not None
    ana = m.people["ana"]
    assert (ana.phone, ana.email, ana.notes) == (None, None, None)


def test_null_required_field_is_mc003(found: Found) -> None:
    assert found("people:\n  ana: {name: ~}\n", "MC003") == [("MC003", 10, 15)]


def test_every_event_field_lands_in_its_own_attribute(loaded: Load) -> None:
    # The resolver builds events positionally (for speed): each field written must come out
    # under its own name, whatever the order of Event's fields.
    body = """\
organisations:
  acme: {name: Acme}
people:
  ana: {name: Ana, organisation: acme}
  host: {name: Host, side: host}
  ines: {name: Ines, side: interpreter}
venues:
  lx: {name: Lisbon, timezone: Europe/Lisbon, rooms: {r1: {name: Room 1}}}
  cas: {name: Casa}
events:
  t:
    kind: travel
    title: Train
    start: 2027-05-11 09:30
    end: 2027-05-11 12:30
    from: lx
    to: cas
    venue: lx
    room: r1
    mode: train
    carrier: CP
    reference: AB12
    attendees: [ana]
    hosts: [host]
    organisation: acme
    language: pt
    interpreters: [ines]
    capacity: 40
    status: tentative
    notes: a note
    waive: {MC404: known}
    x-colour: blue
"""
    result = loaded(body)
    m = result.mission
    assert m is not None
    e = m.events["t"]
    assert (e.id, e.kind, e.title, e.venue, e.room, e.from_, e.to, e.mode, e.carrier,
            e.reference, e.organisation, e.language, e.capacity, e.status, e.notes) == (
        "t", "travel", "Train", "lx", "r1", "lx", "cas", "train", "CP", "AB12", "acme", "pt",
        40, "tentative", "a note")
    assert [r.id for r in e.attendees] == ["ana"] and [r.id for r in e.hosts] == ["host"]
    assert [r.id for r in e.interpreters] == ["ines"]
    assert (e.zone, e.end_zone) == ("Europe/Lisbon", m.info.timezone)
    assert e.start == datetime(2027, 5, 11, 8, 30, tzinfo=UTC)
    assert e.end == datetime(2027, 5, 11, 12, 30, tzinfo=UTC)  # Casablanca: UTC+0
    assert dict(e.waive) == {"MC404": "known"} and [w.code for w in e.waivers] == ["MC404"]
    assert e.b2b is None and dict(e.extra) == {"x-colour": "blue"}
    assert e.loc.line == 19 and e.locs["carrier"].line == 29
