"""JUnit XML: well-formed, counts that add up, failures exactly where `check` fails."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.dom import minidom

import pytest
import xmlschema

from missionctl.findings import Finding, Loc, Severity
from missionctl.linter import FileReport
from missionctl.render import Options, junit


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    minidom.parseString(text.encode("utf-8"))  # a second, strict parser
    return ET.fromstring(text.encode("utf-8"))


def cases(suite: ET.Element) -> dict[str, ET.Element]:
    return {c.get("name", ""): c for c in suite.iter("testcase")}


def test_counts_add_up(sample: list[FileReport]) -> None:
    for options in (Options(), Options(show_waived=True), Options(strict=True)):
        root = parse(junit.render(sample, options))
        suites = root.findall("testsuite")
        assert [s.get("name") for s in suites] == sorted(r.file for r in sample)
        for key in ("tests", "failures", "errors"):
            assert int(root.get(key, "")) == sum(int(s.get(key, "")) for s in suites)
        assert root.get("skipped") is None  # junit-10.xsd allows it on <testsuite> only
        for s in suites:
            tcs = s.findall("testcase")
            assert int(s.get("tests", "")) == len(tcs) >= 1
            for kind in ("failure", "skipped"):
                with_kind = sum(1 for c in tcs if c.find(kind) is not None)
                assert int(s.get("failures" if kind == "failure" else kind, "")) == with_kind
            assert all(c.get("classname") == s.get("name") for c in tcs)


def test_failures_follow_fail_on_and_strict(sample: list[FileReport]) -> None:
    for strict in (False, True):
        root = parse(junit.render(sample, Options(strict=strict)))
        for suite, rep in zip(root.findall("testsuite"), sorted(sample, key=lambda r: r.file),
                              strict=True):
            failing = any(c.find("failure") is not None for c in suite.iter("testcase"))
            assert failing == rep.failed(strict), rep.file
    casa = parse(junit.render(sample, Options())).findall("testsuite")[0]
    by_name = cases(casa)
    assert by_name["MC101 person-double-booked"].find("failure") is not None
    out = by_name["MC104 outside-mission-dates"].find("system-out")
    assert out is not None and out.text is not None
    assert "missions/casablanca.yaml:29:12: warning:" in out.text
    by_name = cases(parse(junit.render(sample, Options(strict=True))).findall("testsuite")[0])
    failure = by_name["MC104 outside-mission-dates"].find("failure")
    assert failure is not None and failure.get("type") == "warning"
    assert by_name["MC106 no-lunch-break"].find("failure") is None  # info never fails


def test_every_file_has_a_testcase(sample: list[FileReport]) -> None:
    suites = {s.get("name"): s for s in parse(junit.render(sample, Options())).iter("testsuite")}
    clean = cases(suites["missions/clean.yaml"])
    assert list(clean) == ["missionctl check"]
    assert clean["missionctl check"].find("failure") is None
    rabat = cases(suites["missions/rabat, day 1: 100%.yaml"])
    skipped = rabat["conflict checks"].find("skipped")
    assert skipped is not None and "format errors" in skipped.get("message", "")


def test_escaping_round_trips(sample: list[FileReport]) -> None:
    root = parse(junit.render(sample, Options(show_waived=True)))
    casa = cases(root.findall("testsuite")[0])
    failure = casa["MC101 person-double-booked"].find("failure")
    assert failure is not None
    assert "'Lunch: Renault, 100% <tour> & co'" in (failure.text or "")
    assert "'Lunch: Renault, 100% <tour> & co'" in failure.get("message", "")
    assert "related: missions/casablanca.yaml:14:3" in (failure.text or "")
    waived = casa["MC302 weekend (waived)"].find("skipped")
    assert waived is not None
    assert "waived: agreed with the host, 2027-03-01: 50% <ok> & fine" in (waived.text or "")
    rabat = cases(root.findall("testsuite")[2])
    text = rabat["MC003 invalid-value"].find("failure")
    assert text is not None and "09:00\\x1b[2J'" in (text.text or "")


def test_characters_xml_cannot_carry() -> None:
    msg = "nul \x00 esc \x1b bell \x07 surrogate \ud800 ok é 😀 \r\n next"
    f = Finding("MC003", msg, Loc("a<&>\x01.yaml", 1, 1), severity=Severity.ERROR)
    text = junit.render([FileReport("a<&>\x01.yaml", (f,), Severity.ERROR, False)], Options())
    root = parse(text)
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "a<&>\\x01.yaml"
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert "nul \\x00 esc \\x1b bell \\x07 surrogate \\xd800 ok é 😀" in (failure.text or "")
    assert "\n     next" in (failure.text or "")


JUNIT_XSD = Path(__file__).parent / "junit-10.xsd"


@pytest.fixture(scope="module")
def jenkins_schema() -> xmlschema.XMLSchema:
    """Jenkins' junit-10.xsd (the xunit plugin's; see the comment at the top of the file)."""
    return xmlschema.XMLSchema(str(JUNIT_XSD))


def test_the_schema_refuses_skipped_on_testsuites(jenkins_schema: xmlschema.XMLSchema) -> None:
    """The schema itself, so the next test cannot pass by validating nothing."""
    good = '<testsuites tests="0"><testsuite name="a" tests="0" failures="0" errors="0" ' \
           'skipped="0"/></testsuites>'
    assert jenkins_schema.is_valid(good)
    assert not jenkins_schema.is_valid(good.replace('tests="0">', 'tests="0" skipped="0">', 1))


def test_every_report_validates_against_jenkins_junit_10_xsd(
    sample: list[FileReport], jenkins_schema: xmlschema.XMLSchema
) -> None:
    """Issue 9: <testsuites> carried `skipped`, which junit-10.xsd refuses (the whole report
    then fails to load in Jenkins)."""
    for options in (Options(), Options(show_waived=True), Options(strict=True)):
        text = junit.render(sample, options)
        errors = [str(e.reason) for e in jenkins_schema.iter_errors(text)]
        assert errors == []
    assert jenkins_schema.is_valid(junit.render([], Options()))


def test_no_reports() -> None:
    root = parse(junit.render([], Options()))
    assert root.get("tests") == "0" and root.findall("testsuite") == []
