"""The contact sheet: duty contact first, then by organisation; emergency numbers; embassies;
--event / --day / --org; --public."""

from __future__ import annotations

from datetime import date

from missionctl.model import Mission
from missionctl.render import terminal
from missionctl.views.contacts import build
from missionctl.views.people import Contact


def names(sheet_people: tuple[Contact, ...]) -> list[str]:
    return [c.name for c in sheet_people]


def test_duty_contact_first_then_by_organisation(small: Mission) -> None:
    sheet = build(small)
    assert sheet.duty is not None and sheet.duty.name == "Ana Silva"
    assert [s.name for s in sheet.sections] == [
        "The Cluster", "Acme Morocco", "Beta SARL"]  # organiser first, then by name
    assert names(sheet.sections[0].people) == ["Bruno Costa", "Carla Dias"]
    assert names(sheet.people)[0] == "Ana Silva"  # and not repeated in its organisation


def test_emergency_numbers_and_embassies(small: Mission) -> None:
    sheet = build(small)
    assert ("police", "19") in sheet.emergency
    assert [e.name for e in sheet.embassies] == ["Embassy of Portugal"]
    out = terminal.contacts(sheet)
    assert out.index("Duty contact") < out.index("Emergency numbers in Morocco")
    assert "Embassy of Portugal, Rabat, +212 537 000 000" in out


def test_public_leaves_out_private_fields(small: Mission) -> None:
    out = terminal.contacts(build(small, public=True))
    assert "0612345670" not in out and "bruno@example.org" not in out
    assert "+212 661 000 001" not in out  # Youssef's private phone
    assert "y@acme.example.com" in out
    full = terminal.contacts(build(small))
    assert "0612345670" in full and "+212 661 000 001" in full


def test_one_event(small: Mission) -> None:
    sheet = build(small, event="round-table")
    assert names(sheet.people) == ["Ana Silva", "Bruno Costa", "Carla Dias", "Samir Benali"]
    assert "Round table" in sheet.heading


def test_one_day_leaves_out_cancelled_events(small: Mission) -> None:
    sheet = build(small, day=date(2027, 5, 10))
    assert "Samir Benali" not in names(sheet.people)
    assert "Youssef Amrani" in names(sheet.people)


def test_one_organisation(small: Mission) -> None:
    sheet = build(small, org="acme")
    assert [s.name for s in sheet.sections] == ["Acme Morocco"]
    assert sheet.duty is not None  # the duty contact is on every sheet
