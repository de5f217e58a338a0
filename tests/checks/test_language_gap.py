"""MC107 language-gap: exact (code, line, column), positive and negative."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import Found, ReportOf

CODE = "MC107"
ONLY = Selection(select=(CODE,))  # format rules still run: any MC0xx spoils the exact lists


def at(text: str, needle: str) -> tuple[str, int, int]:
    """(CODE, line, column) of the one line holding `needle`; the header takes lines 1-8."""
    lines = textwrap.dedent(text).splitlines()
    hits = [(i + 9, line.index(needle) + 1) for i, line in enumerate(lines) if needle in line]
    assert len(hits) == 1, hits
    return (CODE, *hits[0])


SETUP = """\
organisations:
  moldes-norte: {name: Moldes Norte}
  atlas-auto: {name: Atlas Auto}
people:
  ana-silva: {name: Ana Silva, organisation: moldes-norte, languages: [pt, en]}
  rui-costa: {name: Rui Costa, organisation: moldes-norte, languages: [pt]}
  nuno-reis: {name: Nuno Reis}
  karim-alaoui: {name: Karim Alaoui, organisation: atlas-auto, side: host, languages: [ar, fr]}
  salma-idrissi: {name: Salma Idrissi, organisation: atlas-auto, side: host,
                  languages: [ar, fr, en]}
  youssef-tazi: {name: Youssef Tazi, side: host}
  leila-benali: {name: Leila Benali, side: interpreter, languages: [pt, fr]}
  omar-fassi: {name: Omar Fassi, side: interpreter, languages: [en, fr]}
  driver: {name: Driver, side: crew, languages: [de]}
groups:
  delegation: {members: [ana-silva, rui-costa]}
events:
"""


def visit(attendees: str, hosts: str = "", more: str = "") -> str:
    fields = f"attendees: [{attendees}]" + (f", hosts: [{hosts}]" if hosts else "") + more
    return SETUP + ("  visit: {kind: visit, title: Plant visit, start: 2027-05-11 10:00, "
                    f"end: 12:00, {fields}}}\n")


def test_no_common_language(found: Found) -> None:
    text = visit("rui-costa", "karim-alaoui")
    assert found(text, selection=ONLY) == [at(text, "visit:")] == [(CODE, 26, 3)]


def test_message(report_of: ReportOf) -> None:
    [finding] = [f for f in report_of(visit("rui-costa", "karim-alaoui")).shown
                 if f.code == CODE]
    assert finding.message == (
        "'Plant visit' (visit): the visitors (Rui Costa) speak pt and the hosts (Karim "
        "Alaoui) speak ar/fr, with no interpreter between them; add an interpreter who "
        "speaks ar/fr and pt")
    assert finding.subject == "visit"


def test_a_common_language_is_enough(found: Found) -> None:
    assert found(visit("ana-silva", "salma-idrissi"), selection=ONLY) == []


def test_an_interpreter_bridges_only_with_a_language_of_each_side(found: Found) -> None:
    bridged = visit("rui-costa", "karim-alaoui", ", interpreters: [leila-benali]")
    assert found(bridged, selection=ONLY) == []
    wrong = visit("rui-costa", "karim-alaoui", ", interpreters: [omar-fassi]")
    assert found(wrong, selection=ONLY) == [at(wrong, "visit:")]


def test_unknown_languages_never_raise_an_alarm(found: Found) -> None:
    assert found(visit("nuno-reis", "karim-alaoui"), selection=ONLY) == []
    assert found(visit("rui-costa", "youssef-tazi"), selection=ONLY) == []
    mixed = visit("rui-costa, nuno-reis", "karim-alaoui, youssef-tazi")
    assert found(mixed, selection=ONLY) == [at(mixed, "visit:")]


def test_group_and_org_references(found: Found) -> None:
    hosts_by_org = visit("rui-costa", "org:atlas-auto")  # ar/fr/en against pt
    assert found(hosts_by_org, selection=ONLY) == [at(hosts_by_org, "visit:")]
    assert found(visit("ana-silva", "org:atlas-auto"), selection=ONLY) == []
    by_group = visit("group:delegation", "karim-alaoui")  # pt/en against ar/fr
    assert found(by_group, selection=ONLY) == [at(by_group, "visit:")]


def test_attendees_on_the_host_side_are_hosts(found: Found) -> None:
    text = visit("rui-costa, karim-alaoui")
    assert found(text, selection=ONLY) == [at(text, "visit:")]


def test_crew_are_not_visitors(found: Found) -> None:
    assert found(visit("driver", "karim-alaoui"), selection=ONLY) == []


def test_b2b_meetings_are_checked(found: Found) -> None:
    text = SETUP.removesuffix("events:\n") + """\
b2b:
  matchmaking:
    title: B2B matchmaking
    date: 2027-05-12
    start: "14:00"
    end: "17:30"
    slot: 25m
    tables: 4
    participants: [rui-costa, karim-alaoui, ana-silva, salma-idrissi]
    meetings:
      - {at: "14:00", table: 1, between: [moldes-norte, atlas-auto]}
"""
    # All four sit at the table: Ana and Salma share English.
    assert found(text, selection=ONLY) == []
    pair = text.replace(", ana-silva, salma-idrissi]", "]")
    assert found(pair, selection=ONLY) == [at(text, '{at: "14:00"')]


def test_event_language_everyone_must_follow(found: Found, report_of: ReportOf) -> None:
    # Ana and Salma share English, but the visit is held in French, which Ana does not speak.
    text = visit("ana-silva", "salma-idrissi", ", language: fr")
    assert found(text, selection=ONLY) == [at(text, "visit:")]
    [finding] = [f for f in report_of(text).shown if f.code == CODE]
    assert finding.message == (
        "'Plant visit' (visit) is held in fr, which Ana Silva does not speak (en/pt listed) "
        "and no interpreter bridges; add an interpreter who speaks fr and en/pt, or change "
        "the event's language")
    assert found(visit("ana-silva", "salma-idrissi", ", language: en"), selection=ONLY) == []


def test_event_language_bridged_by_interpreters(found: Found) -> None:
    bridged = visit("group:delegation", "karim-alaoui",
                    ", language: fr, interpreters: [leila-benali]")
    assert found(bridged, selection=ONLY) == []
    en_only = visit("group:delegation", "karim-alaoui",
                    ", language: fr, interpreters: [omar-fassi]")  # Rui speaks only pt
    assert found(en_only, selection=ONLY) == [at(en_only, "visit:")]
    hosts_lost = visit("ana-silva", "karim-alaoui", ", language: en")
    assert found(hosts_lost, selection=ONLY) == [at(hosts_lost, "visit:")]


def test_cancelled_events_are_skipped(found: Found) -> None:
    text = visit("rui-costa", "karim-alaoui", ", status: cancelled")
    assert found(text, selection=ONLY) == []


def test_waiver_on_the_event(report_of: ReportOf) -> None:
    text = visit("rui-costa", "karim-alaoui", ", waive: {MC107: the hosts bring one}")
    report = report_of(text)
    assert report.checked
    assert [f for f in report.shown if f.code == CODE] == []
    assert [(f.code, f.waived) for f in report.waived if f.code == CODE] == [
        (CODE, "the hosts bring one")]
