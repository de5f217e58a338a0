"""MC402 unreachable-person: exact (code, line, column); the body starts on line 9."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import ReportOf

BODY = """\
organisations:
  moldes: {name: Moldes Norte, phone: "+351 220 000 100", email: info@example.org}
people:
  ana: {name: Ana Silva, organisation: moldes, role: CEO}
  rui: {name: Rui Alves, phone: "+351 220 000 101"}
  eva: {name: Eva Lima, email: eva@example.org}
  omar: {name: Omar Fassi, side: host}
  sara: {name: Sara, phone: "+212 600 000 000", private: [phone]}
"""


def test_people_without_phone_or_email(report_of: ReportOf) -> None:
    report = report_of(BODY)
    assert [f.code for f in report.shown if f.code.startswith("MC0")] == []
    found = [f for f in report.shown if f.code == "MC402"]
    # Ana despite her organisation's phone and e-mail; Omar although he is a host.
    assert [(f.loc.line, f.loc.column, f.subject) for f in found] == [
        (12, 3, None), (15, 3, None)]
    assert found[0].message.startswith("Ana Silva (CEO, Moldes Norte) has neither a phone")


def test_global_waiver(report_of: ReportOf) -> None:
    report = report_of(BODY + """\
checks:
  waive: {MC402: collected at check-in}
""")
    assert [f.code for f in report.shown if f.code == "MC402"] == []
    assert sorted((f.code, f.loc.line) for f in report.waived) == [
        ("MC402", 12), ("MC402", 15)]
