"""The linter: severities, waivers, selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from missionctl.linter import Selection

if TYPE_CHECKING:
    from conftest import ReportOf

PAIR = """\
people:
  ana: {name: Ana, email: a@example.org}
venues:
  v: {name: V}
events:
  a: {kind: meeting, title: A, venue: v, start: 2027-05-11 10:00, end: "11:00", attendees: [ana]%s}
  b: {kind: meeting, title: B, venue: v, start: 2027-05-11 10:30, end: "11:30", attendees: [ana]%s}
"""


def mc101(report_of: ReportOf, a: str = "", b: str = "") -> list[tuple[str | None, str | None]]:
    report = report_of(PAIR % (a, b))
    return [(f.code, f.waived) for f in report.findings if f.code == "MC101"]


def test_waiver_on_the_later_event(report_of: ReportOf) -> None:
    assert mc101(report_of, b=", waive: {MC101: 'same room, two tables'}") == [
        ("MC101", "same room, two tables")]


def test_waiver_on_the_earlier_event_of_the_pair(report_of: ReportOf) -> None:
    assert mc101(report_of, a=", waive: {MC101: ok}") == [("MC101", "ok")]


def test_no_waiver(report_of: ReportOf) -> None:
    assert mc101(report_of) == [("MC101", None)]


def test_severity_override_and_off(report_of: ReportOf) -> None:
    body = PAIR % ("", "") + "checks:\n  severity: {MC101: warning, MC201: off}\n"
    report = report_of(body)
    assert all(f.severity is not None for f in report.findings)  # the linter stamps it
    codes = {(f.code, f.severity.label) for f in report.findings if f.severity is not None}
    assert ("MC101", "warning") in codes
    assert not any(f.code == "MC201" for f in report.findings)
    assert not report.failed() and report.failed(strict=True)


def test_selection_prefixes() -> None:
    s = Selection(select=("MC1",), ignore=("MC106",))
    assert s.wants("MC101") and not s.wants("MC106") and not s.wants("MC201")
    assert s.wants("MC003")  # format rules always run
