"""Mission -> ICS through the ICS writer: UIDs, zones, status, location, attendees,
determinism."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
from icalendar.prop import vGeo

from export.props import prop
from missionctl.model import Mission
from missionctl.render.ics import calendar, dtstamp, person_calendars, uid
from views.sample import load_small


@pytest.fixture
def small(tmp_path: Path) -> Mission:
    return load_small(tmp_path)


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def events_of(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]).split("@")[0]: e for e in cal.events}


def test_uids_are_event_id_at_mission_id(small: Mission) -> None:
    data = calendar(small, small.events.values(), "x")
    found = events_of(data)
    assert set(found) == set(small.events)
    assert uid(small, "visit") == "visit@small.missionctl"
    assert str(found["matchmaking.14:00.1"]["UID"]) == "matchmaking.14:00.1@small.missionctl"


def test_travel_starts_in_origin_zone_and_ends_in_destination_zone(small: Mission) -> None:
    text = calendar(small, [small.events["flight"]], "x").decode()
    assert "DTSTART;TZID=Europe/Lisbon:20270510T070000" in text
    assert "DTEND;TZID=Africa/Casablanca:20270510T084000" in text
    assert text.count("BEGIN:VTIMEZONE") == 2


def test_status_location_geo_attendees_description(small: Mission) -> None:
    found = events_of(calendar(small, small.events.values(), "x"))
    assert found["dinner"]["STATUS"] == "CANCELLED"
    assert found["round-table"]["STATUS"] == "TENTATIVE"
    assert found["visit"]["STATUS"] == "CONFIRMED"
    assert str(found["clash"]["LOCATION"]) == "Hotel Anfa – Salon, Boulevard d'Anfa, Casablanca"
    assert str(found["flight"]["LOCATION"]) == "Lisbon airport → Casablanca airport"
    assert prop(found["visit"], "GEO", vGeo).latitude == pytest.approx(33.6)
    names = [a.params["CN"] for a in prop(found["visit"], "ATTENDEE", list)]
    assert names == ["Ana Silva", "Bruno Costa", "Carla Dias", "Youssef Amrani"]
    desc = str(found["visit"]["DESCRIPTION"])
    assert "Host: Youssef Amrani (Plant manager), +212 661 000 001, y@acme.example.com" in desc
    assert "With: The Portuguese team" in desc
    assert found["night"]["TRANSP"] == "TRANSPARENT"


def test_public_leaves_out_private_emails_and_phones(small: Mission) -> None:
    text = calendar(small, small.events.values(), "x", public=True).decode()
    assert "bruno@example.org" not in text
    assert "+212 661 000 001" not in text
    assert 'CN="Bruno Costa":urn:uuid:' in text


def test_byte_identical_for_the_same_input(small: Mission, tmp_path: Path) -> None:
    first = calendar(small, small.events.values(), "x")
    again = calendar(load_small(tmp_path / ".."), reversed(list(small.events.values())), "x")
    assert first == again


def test_dtstamp_is_fixed_and_never_now(small: Mission,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert dtstamp(small) == datetime(2027, 5, 10, tzinfo=UTC)
    assert b"DTSTAMP:20270510T000000Z" in calendar(small, small.events.values(), "x")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert dtstamp(small) == datetime.fromtimestamp(1800000000, UTC)


def test_one_calendar_per_person(small: Mission) -> None:
    cals = person_calendars(small, small.events.values(), ["samir", "carla"])
    assert set(events_of(cals["samir"])) == {"round-table", "matchmaking.14:30.2"}
    assert "dinner" in events_of(cals["carla"])  # cancelled: still sent, as CANCELLED


def test_attendees_are_listed_once_per_set_of_people(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Events repeat a team: each distinct set of people is put in order once, and every
    event of the set gets the same ATTENDEE lines."""
    from missionctl.render import ics
    from missionctl.views.select import Selection, select_events

    m = load_small(tmp_path)
    ordered = 0
    order = ics.in_file_order

    def counted(mission: Mission, ids: object) -> list[str]:
        nonlocal ordered
        ordered += 1
        return order(mission, ids)  # type: ignore[arg-type]

    monkeypatch.setattr(ics, "in_file_order", counted)
    events = select_events(m, Selection()) * 3
    found = [ics.attendees(m, e, False) for e in events]
    assert ordered == len({m.taking_part.get(e.id, frozenset()) for e in events})
    assert ordered < len(events)
    assert found[: len(events) // 3] == found[len(events) // 3: 2 * len(events) // 3]
