"""MC108 missing-translation (optional): exact (code, line, column); off unless turned on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

MISSION = """\
missionctl: 1
mission:
  id: m
  title: {pt: Missão, fr: Mission}
  description: Plain text is never judged
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  languages: [pt, fr, en]
checks:
  severity: {MC108: info}
organisations:
  atlas:
    name: {fr: Atlas Auto, pt: Atlas Auto, en: Atlas Auto}
    notes:
      pt: Cliente desde 2019
venues:
  hotel:
    name: Hôtel Anfa
    rooms:
      salle: {name: {fr: Salle Mogador}}
events:
  visit:
    kind: visit
    title: {pt: Visita, fr: Visite, en: Visit}
    notes: {en: Bring safety shoes}
    venue: hotel
    start: 2027-05-11 10:00
    duration: 1h
  dinner:
    kind: meal
    title: {pt: Jantar}
    venue: hotel
    start: 2027-05-11 20:00
    duration: 2h
    waive: {MC108: "the restaurant prints its own menu card"}
"""


def test_every_text_missing_a_language_at_its_value(found: Found) -> None:
    assert found(MISSION, "MC108", header=False) == [
        ("MC108", 4, 10),  # the mission's title: no en
        ("MC108", 17, 7),  # the organisation's notes: the mapping starts at its first key
        ("MC108", 22, 7),  # a room's name, at the room (a room keeps no field positions)
        ("MC108", 27, 12),  # the visit's notes
    ]  # the dinner's title is waived on the event


def test_the_message_names_what_and_which_languages(report_of: ReportOf) -> None:
    report = report_of(MISSION, header=False)
    messages = [f.message for f in report.findings if f.code == "MC108"]
    assert messages[0] == (
        "the title of the mission has no text in en (a language of `mission.languages`); add "
        "en: ... so readers in that language do not get another")
    assert "the notes of organisation 'atlas' has no text in fr, en (languages of" in messages[1]
    assert messages[2].startswith("the name of room 'salle' of venue 'hotel' has no text in "
                                  "pt, en")
    waived = [f for f in report.findings if f.code == "MC108" and f.waived]
    assert [(f.loc.line, f.subject, f.waived) for f in waived] == [
        (33, "dinner", "the restaurant prints its own menu card")]


def test_off_unless_turned_on(found: Found) -> None:
    off = MISSION.replace("checks:\n  severity: {MC108: info}\n", "")
    assert found(off, "MC108", header=False) == []
    # --select naming the code turns it on; a prefix does not.
    assert len(found(off, "MC108", header=False, selection=Selection(select=("MC108",)))) == 4
    assert found(off, "MC108", header=False, selection=Selection(select=("MC1",))) == []
    # And a severity may be any: turned on as a warning.
    warn = MISSION.replace("{MC108: info}", "{MC108: warning}")
    assert len(found(warn, "MC108", header=False)) == 4


def test_no_languages_no_finding(found: Found) -> None:
    assert found(MISSION.replace("  languages: [pt, fr, en]\n", ""), "MC108",
                 header=False) == []


def test_complete_texts_and_plain_strings_pass(found: Found) -> None:
    text = """\
missionctl: 1
mission:
  id: m
  title: {pt: Missão, fr: Mission}
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
  languages: [fr, pt]
checks:
  severity: {MC108: info}
events:
  visit:
    kind: visit
    title: Visite
    notes: {fr: Chaussures de sécurité, pt: Sapatos de segurança, en: Safety shoes}
    start: 2027-05-11 10:00
    duration: 1h
"""
    assert found(text, "MC108", header=False) == []
