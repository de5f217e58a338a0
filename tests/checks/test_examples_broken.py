"""The example missions stay clean, and every rule fires on a deliberately broken copy.

Each case copies one example mission directory to a temporary directory, makes one small,
realistic edit (sometimes two: a longer mission plus the event that needs it), lints the copy
and compares *every* finding shown (info included) with the expected list of
(code, file name, line, column). Locations are computed from the edited text (an anchor that
must occur exactly once, then the first occurrence of a token at or after it), never
hard-coded, so reformatting the examples does not break the tests, while an edit whose text
is no longer in the examples fails loudly instead of passing vacuously.

Dates: Monday 10 to Friday 14 May 2027 for the Morocco mission (Casablanca on UTC+0),
Monday 22 to Thursday 25 November 2027 for the return visit to Portugal.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest

from missionctl.cli.app import main
from missionctl.linter import FileReport, lint_file
from missionctl.rules.catalogue import RULES

ROOT = Path(__file__).resolve().parents[2]
MISSIONS = ROOT / "missions"
MOROCCO = "produtech-morocco-2027"
RETURN = "produtech-return-visit-2027"
EXAMPLES = (MOROCCO, RETURN)

# group:party of the Morocco mission: the delegation (the people of its six companies) and
# the cluster's two staff. Interpreters, hosts and the coach driver are not in it.
PARTY = ("ines-carvalho", "rui-tavares", "joana-pereira", "tiago-matos", "marta-ferreira",
         "nuno-almeida", "sofia-ramos", "andre-lopes", "helena-sousa", "pedro-costa",
         "carla-gomes", "ricardo-nunes")



# --- Helpers ------------------------------------------------------------------------------

def index_once(text: str, needle: str, what: str) -> int:
    """The offset of `needle` in `text`; fails unless it occurs exactly once."""
    count = text.count(needle)
    assert count == 1, f"{what}: expected exactly one {needle!r}, found {count}"
    return text.index(needle)


def replace_once(text: str, old: str, new: str, what: str) -> str:
    index_once(text, old, what)
    return text.replace(old, new, 1)


class Edit(NamedTuple):
    file: str  # inside the mission directory
    old: str  # must occur exactly once in the file
    new: str


class At(NamedTuple):
    """Where a finding must point: the first `token` at or after the one `anchor`."""

    file: str
    anchor: str
    token: str

    def locate(self, root: Path) -> tuple[str, int, int]:
        text = (root / self.file).read_text(encoding="utf-8")
        start = index_once(text, self.anchor, f"{self.file} anchor")
        pos = text.find(self.token, start)
        assert pos >= 0, f"{self.file}: no {self.token!r} after {self.anchor!r}"
        line = text.count("\n", 0, pos) + 1
        column = pos - text.rfind("\n", 0, pos)
        return self.file, line, column


def key(file: str, ident: str) -> At:
    """The id key of an entry directly under a top-level section (event, person, ...)."""
    return At(file, f"\n  {ident}:", ident)


def value(file: str, anchor: str, token: str) -> At:
    return At(file, anchor, token)


class Case(NamedTuple):
    code: str
    mission: str
    file: str
    old: str
    new: str
    expect: tuple[tuple[str, At], ...]  # every finding shown, (code, where)
    extra: tuple[Edit, ...] = ()  # further edits the case needs (a longer mission, ...)


def broken_copy(tmp_path: Path, case: Case) -> Path:
    """Copy the mission directory, apply the case's edits; the copied mission file."""
    root = tmp_path / case.mission
    shutil.copytree(MISSIONS / case.mission, root)
    for edit in (Edit(case.file, case.old, case.new), *case.extra):
        path = root / edit.file
        text = path.read_text(encoding="utf-8")
        path.write_text(replace_once(text, edit.old, edit.new, f"{case.mission}/{edit.file}"),
                        encoding="utf-8")
    return root / "mission.yaml"


def located(report: FileReport) -> list[tuple[str, str, int, int]]:
    return sorted((f.code, Path(f.loc.file).name, f.loc.line, f.loc.column)
                  for f in report.shown)


# --- The examples as shipped ------------------------------------------------------------

@pytest.mark.parametrize("mission", EXAMPLES)
def test_example_mission_is_clean(mission: str) -> None:
    report = lint_file(MISSIONS / mission / "mission.yaml")
    assert report.checked
    assert [(f.code, str(f.loc), f.message) for f in report.shown] == []


def test_check_passes_on_the_missions_directory(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(MISSIONS)]) == 0
    capsys.readouterr()


# --- One broken copy per rule -----------------------------------------------------------

M, P, V, B = "mission.yaml", "people.yaml", "venues.yaml", "b2b.yaml"
T = "travel-times.yaml"
G = "b2b-meetings.yaml"  # the B2B meetings `missionctl schedule` planned (included by b2b.yaml)

# An event the MC301/MC302/MC303/MC304 cases add: only Moroccan hosts take part (no
# arrival/departure, no stay needed, nobody else's day changes), at the Tangier hotel (no
# opening hours), inserted before the Friday debrief.
DEBRIEF = """\
  d5-debrief:
    kind: briefing"""
HOSTS_MEETING = """\
  {id}:
    kind: {kind}
    title: {title}
    venue: hotel-tanger-malabata
    room: meeting-room
    start: {start}
    end: {end}
    attendees: [omar-fassi, samira-bennani]
""" + DEBRIEF


def add_hosts_meeting(ident: str, kind: str, title: str, start: str, end: str) -> str:
    return HOSTS_MEETING.format(id=ident, kind=kind, title=title, start=start, end=end)


MISSION_END = "  end: 2027-05-14\n"

CASES: dict[str, Case] = {
    # --- Format rules (MC0xx): conflict checks do not run, so these are the only findings.
    "MC001-tab-indent": Case(
        # In the nested include nothing refers to: besides MC001 at the tab, only the include
        # that names the unreadable file fails (MC008); no reference is left dangling.
        "MC001", MOROCCO, T,
        "  - {from: iami-sidi-maarouf,",
        "\t- {from: iami-sidi-maarouf,",
        (("MC001", value(T, "\t- {from: iami-sidi-maarouf", "\t")),
         ("MC008", value(V, "\ninclude: [", "travel-times.yaml")))),
    "MC002-typo-in-attendees": Case(
        "MC002", MOROCCO, M,
        "    interpreters: [fatima-amrani]\n    attendees: [group:party]\n"
        "  d1-coach-back-to-hotel:",
        "    interpreters: [fatima-amrani]\n    atendees: [group:party]\n"
        "  d1-coach-back-to-hotel:",
        (("MC002", value(M, "    atendees:", "atendees")),)),
    "MC003-month-and-day-swapped": Case(
        "MC003", MOROCCO, M,
        "    start: 2027-05-13 19:00\n",
        "    start: 2027-13-05 19:00\n",
        (("MC003", value(M, "    start: 2027-13-05 19:00", "2027-13-05")),)),
    "MC004-venue-without-name": Case(
        "MC004", MOROCCO, V,
        "    name: Hôtel Atlantique Anfa (fictional)\n", "",
        (("MC004", key(V, "hotel-casa-anfa")),)),
    "MC005-venue-defined-again-in-another-include": Case(
        "MC005", MOROCCO, B,
        "\nb2b:\n",
        "\nvenues:\n  hotel-casa-anfa: {name: Hôtel Atlantique Anfa}\n\nb2b:\n",
        (("MC005", key(B, "hotel-casa-anfa")),)),
    "MC006-misspelt-host": Case(
        "MC006", MOROCCO, M,
        "    hosts: [leila-chraibi]\n", "    hosts: [leila-chraiby]\n",
        (("MC006", value(M, "    hosts: [leila-chraiby]", "leila-chraiby")),)),
    "MC007-end-before-start": Case(
        "MC007", MOROCCO, M,
        "    start: 2027-05-10 16:15\n    end: 17:45\n",
        "    start: 2027-05-10 16:15\n    end: 16:00\n",
        (("MC007", value(M, "    start: 2027-05-10 16:15\n    end: 16:00", "16:00")),)),
    "MC008-include-misspelt": Case(
        "MC008", MOROCCO, M,
        "include: [people.yaml, venues.yaml, b2b.yaml]",
        "include: [people.yaml, venues.yaml, b2b.yml]",
        (("MC008", value(M, "include: [", "b2b.yml")),)),
    "MC009-unknown-version": Case(
        "MC009", RETURN, M,
        "\nmissionctl: 1\n", "\nmissionctl: 2\n",
        (("MC009", value(M, "\nmissionctl: 2", "2")),)),
    # --- People (MC1xx)
    "MC101-briefing-overlaps-lunch": Case(
        "MC101", MOROCCO, M,
        "    start: 2027-05-10 14:15\n", "    start: 2027-05-10 13:45\n",
        (("MC101", key(M, "d1-market-briefing")),)),
    "MC102-no-time-between-the-kenitra-plants": Case(
        "MC102", MOROCCO, M,
        "    start: 2027-05-12 14:15\n", "    start: 2027-05-12 13:50\n",
        (("MC102", key(M, "d3-visit-sebou-plastiques")),)),
    "MC103-departure-before-the-flight-lands": Case(
        # Joana's departure moved half an hour too early: the flight home is still in the air.
        "MC103", MOROCCO, P,
        "    departure: 2027-05-14 18:30+01:00\n  tiago-matos:",
        "    departure: 2027-05-14 18:00+01:00\n  tiago-matos:",
        (("MC103", key(M, "d5-flight-cmn-opo")),)),
    "MC104-mission-ends-a-day-early": Case(
        # Friday's flights are travel (exempt); the debrief is not.
        "MC104", MOROCCO, M,
        MISSION_END, "  end: 2027-05-13\n",
        (("MC104", key(M, "d5-debrief")),)),
    "MC105-welcome-dinner-runs-late": Case(
        # Monday starts with the 09:30/09:45 UTC flights: a 22:00 end is over 12 hours.
        "MC105", MOROCCO, M,
        "    start: 2027-05-10 19:30\n    end: 21:00\n",
        "    start: 2027-05-10 19:30\n    end: 22:00\n",
        tuple(("MC105", key(P, person)) for person in PARTY)),
    "MC106-lunch-becomes-a-working-session": Case(
        # Flight, coach, working session, briefing: no 45-minute gap in 11:30-15:00.
        "MC106", MOROCCO, M,
        "  d1-lunch:\n    kind: meal\n    title: Lunch at the hotel\n",
        "  d1-lunch:\n    kind: briefing\n    title: Working session at the hotel\n",
        tuple(("MC106", key(P, person)) for person in PARTY)),
    "MC107-briefing-held-in-french": Case(
        # Several delegates speak only Portuguese and English, and no interpreter is booked.
        "MC107", MOROCCO, M,
        "    language: pt\n    hosts: [miguel-rocha]\n",
        "    language: fr\n    hosts: [miguel-rocha]\n",
        (("MC107", key(M, "d1-market-briefing")),)),
    "MC108-welcome-dinner-title-without-french": Case(
        # The mission turns MC108 on; the dinner's title loses its French text.
        "MC108", MOROCCO, M,
        "      fr: Dîner de bienvenue sur la Corniche\n", "",
        (("MC108", value(M, "  d1-welcome-dinner:\n    kind: meal\n    title:", "en:")),)),
    # --- Places (MC2xx)
    "MC201-round-table-in-the-workshop-room": Case(
        # Both start at 11:30: the finding is at the one written later.
        "MC201", MOROCCO, M,
        "    room: meeting-room\n    organisation: rim\n    start: 2027-05-13 11:30\n",
        "    room: workshop-room\n    organisation: rim\n    start: 2027-05-13 11:30\n",
        (("MC201", key(M, "d4-round-table")),)),
    "MC202-smaller-meeting-room": Case(
        # The market briefing: 12 of the party and the embassy's counsellor, 10 seats.
        "MC202", MOROCCO, V,
        "      meeting-room: {name: Salle Mogador, capacity: 30}\n",
        "      meeting-room: {name: Salle Mogador, capacity: 10}\n",
        (("MC202", key(M, "d1-market-briefing")),)),
    "MC203-restaurant-opens-later": Case(
        "MC203", MOROCCO, V,
        '    hours: {mon-sat: "12:00-23:00", sun: closed}\n',
        '    hours: {mon-sat: "19:30-23:00", sun: closed}\n',
        (("MC203", key(M, "d4-farewell-dinner")),)),
    "MC204-meeting-off-the-grid": Case(
        "MC204", MOROCCO, G,
        '    - {at: "16:30", table: 3, between: [atlantico-eng, nouaceur-aero]}\n',
        '    - {at: "16:35", table: 3, between: [atlantico-eng, nouaceur-aero]}\n',
        (("MC204", value(G, '{at: "16:35"', "{")),)),
    "MC205-meeting-dropped-from-the-grid": Case(
        "MC205", MOROCCO, G,
        '    - {at: "16:00", table: 1, between: [visaofab, nouaceur-aero]}\n', "",
        (("MC205", value(B, "{from: visaofab, to: nouaceur-aero", "{")),)),
    # --- Calendar (MC3xx)
    "MC301-follow-up-on-eid": Case(
        # The mission is extended to Monday 17 May, Eid al-Adha (estimated) in Morocco.
        "MC301", MOROCCO, M,
        MISSION_END, "  end: 2027-05-17\n",
        (("MC301", key(M, "d8-follow-up")),),
        (Edit(M, DEBRIEF, add_hosts_meeting(
            "d8-follow-up", "meal", "Follow-up lunch with the Tangier hosts",
            "2027-05-17 13:00", "14:00")),)),
    "MC302-follow-up-on-saturday": Case(
        "MC302", MOROCCO, M,
        MISSION_END, "  end: 2027-05-15\n",
        (("MC302", key(M, "d6-follow-up")),),
        (Edit(M, DEBRIEF, add_hosts_meeting(
            "d6-follow-up", "meeting", "Follow-up meeting of the Tangier hosts",
            "2027-05-15 10:00", "11:00")),)),
    "MC303-meeting-during-friday-prayer": Case(
        "MC303", MOROCCO, M,
        DEBRIEF, add_hosts_meeting(
            "d5-hosts-meeting", "meeting", "Tangier hosts compare notes",
            "2027-05-14 12:30", "13:30"),
        (("MC303", key(M, "d5-hosts-meeting")),)),
    "MC304-afternoon-meeting-in-ramadan": Case(
        # A preparatory meeting in February, in Ramadan: it is also outside the mission's
        # dates (MC104), and the mission's time now spans Lisbon's change to summer time on
        # 28 March (MC305, at the Lisbon airport's zone, the first Portuguese venue).
        "MC304", MOROCCO, M,
        DEBRIEF, add_hosts_meeting(
            "d0-preparation", "meeting", "Preparation meeting of the Tangier hosts",
            "2027-02-16 16:00", "17:30"),
        (("MC304", key(M, "d0-preparation")),
         ("MC104", key(M, "d0-preparation")),
         ("MC305", value(V, "\n  lis:", "Europe/Lisbon")))),
    "MC305-return-visit-across-the-clock-change": Case(
        # Lisbon goes back from summer time on Sunday 31 October 2027.
        "MC305", RETURN, M,
        "  start: 2027-11-22\n", "  start: 2027-10-29\n",
        (("MC305", value(M, "  timezone: Europe/Lisbon", "Europe/Lisbon")),)),
    "MC306-visit-runs-into-the-evening": Case(
        # Raised to warning in this mission's checks.severity.
        "MC306", RETURN, M,
        "    start: 2027-11-22 16:15\n    end: 17:45\n",
        "    start: 2027-11-22 16:15\n    end: 18:45\n",
        (("MC306", key(M, "d1-visit-codigo-fabril")),)),
    # --- Contacts and bookkeeping (MC4xx)
    "MC307-calendars-no-longer-in-utc": Case(
        # The return visit stops waiving MC307: its flight leaves Casablanca, whose rules
        # changed in tz 2026c.
        "MC307", RETURN, M,
        '  waive: {MC307: "calendars are published with --times utc"}\n', "",
        (("MC307", key(M, "d1-flight-cmn-opo")),)),
    "MC401-visit-without-hosts": Case(
        "MC401", MOROCCO, M,
        "    hosts: [leila-chraibi]\n", "",
        (("MC401", key(M, "d1-visit-anfa-maintenance")),)),
    "MC402-person-without-phone-or-email": Case(
        "MC402", MOROCCO, P,
        "    email: tiago.matos@example.org\n", "",
        (("MC402", key(P, "tiago-matos")),)),
    "MC403-dinner-without-venue": Case(
        "MC403", MOROCCO, M,
        "    venue: restaurant-la-vague\n", "",
        (("MC403", key(M, "d1-welcome-dinner")),)),
    "MC404-seminar-not-confirmed": Case(
        # The return visit: the Morocco mission waives MC404 for its round table.
        "MC404", RETURN, M,
        "    capacity: 120\n", "    capacity: 120\n    status: tentative\n",
        (("MC404", key(M, "d2-seminar")),)),
    "MC405-dinner-without-attendees": Case(
        "MC405", MOROCCO, M,
        "    attendees: [group:party]\n  d1-night-casablanca:", "  d1-night-casablanca:",
        (("MC405", key(M, "d1-welcome-dinner")),)),
    "MC406-rui-not-booked-at-the-hotel": Case(
        # The return visit's stays are for group:hotel-guests; Rui comes from Lisbon.
        "MC406", RETURN, M,
        "    members: [group:delegation, rui-tavares]\n",
        "    members: [group:delegation]\n",
        (("MC406", key(M, "rui-tavares")),)),
    "MC407-round-table-confirmed-waiver-left-behind": Case(
        # The round table is confirmed: checks.waive of MC404 now waives nothing.
        "MC407", MOROCCO, M,
        "    status: tentative\n", "",
        (("MC407", value(M, "  waive:\n", "MC404")),)),
}

RULE_CODES = (
    [f"MC00{i}" for i in range(1, 10)]
    + [f"MC10{i}" for i in range(1, 9)]
    + [f"MC20{i}" for i in range(1, 6)]
    + [f"MC30{i}" for i in range(1, 8)]
    + [f"MC40{i}" for i in range(1, 8)]
)


def test_every_rule_has_a_case() -> None:
    # Every code of section 9, and every rule of the catalogue (a new rule needs a case).
    assert sorted(RULES) == RULE_CODES
    assert sorted(case.code for case in CASES.values()) == RULE_CODES


@pytest.mark.parametrize("case", CASES.values(), ids=list(CASES))
def test_rule_fires_on_a_broken_copy(tmp_path: Path, case: Case) -> None:
    mission = broken_copy(tmp_path, case)
    report = lint_file(mission)
    assert report.checked is not case.code.startswith("MC0")
    expected = sorted((code, *where.locate(mission.parent)) for code, where in case.expect)
    assert located(report) == expected, [(f.code, str(f.loc), f.message) for f in report.shown]
