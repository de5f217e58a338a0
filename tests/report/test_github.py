"""GitHub workflow commands: one per finding, escaped as the runner unescapes them."""

from __future__ import annotations

import re

from missionctl.findings import Finding, Loc, Severity
from missionctl.linter import FileReport
from missionctl.render import Options, github

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape_data(text: str) -> str:
    """The runner's side (actions/runner ActionCommand unescaping)."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), {k: unescape_property(v) for k, v in props.items()}, \
        unescape_data(m.group(3))


def test_escaping() -> None:
    assert github.escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert github.escape_property("a, b: 100%\n") == "a%2C b%3A 100%25%0A"
    assert github.escape_data("%0A") == "%250A"  # a literal "%0A" stays literal


def test_every_line_is_a_command_or_the_summary(sample: list[FileReport]) -> None:
    lines = github.render(sample, Options(show_waived=True)).splitlines()
    *commands, summary = lines
    assert summary.startswith("missionctl: 3 files checked")
    assert len(commands) == sum(len(r.findings) for r in sample)
    for line in commands:
        parse(line)


def test_round_trip(sample: list[FileReport]) -> None:
    out = github.render(sample, Options()).splitlines()
    parsed = [parse(line) for line in out[:-1]]
    by_code = {props["title"].split()[0]: (kind, props, msg) for kind, props, msg in parsed}
    kind, props, msg = by_code["MC101"]
    assert kind == "error"
    assert props == {"file": "missions/casablanca.yaml", "line": "20", "col": "3",
                     "title": "MC101 person-double-booked"}
    assert msg == ("Ana Silva is in 'Plant visit' and 'Lunch: Renault, 100% <tour> & co' at "
                   "once (Tue 11 May 13:00–13:30)\nrelated: missions/casablanca.yaml:14:3")
    assert by_code["MC104"][0] == "warning"
    kind, _, msg = by_code["MC106"]
    assert kind == "notice"
    assert msg.startswith("Ana Silva has no lunch break on Tue 11 May:\n  busy 12:30–15:00\r\n")
    files = {p["file"] for _, p, _ in parsed}
    assert "missions/rabat, day 1: 100%.yaml" in files  # `,` `:` `%` survive the trip
    assert "missions/people.yaml" in files
    assert "MC404" not in by_code  # waived: only with --show-waived


def test_waived_are_notices_with_the_reason(sample: list[FileReport]) -> None:
    out = github.render(sample, Options(show_waived=True)).splitlines()
    parsed = [parse(line) for line in out[:-1]]
    waived = [(k, p, m) for k, p, m in parsed if p["title"].endswith("(waived)")]
    assert {p["title"] for _, p, _ in waived} == {"MC302 weekend (waived)",
                                                  "MC404 tentative-event (waived)"}
    assert all(k == "notice" for k, _, _ in waived)
    assert any(m.endswith("waived: the riad confirms by phone\nno e-mail") for _, _, m in waived)


def test_control_characters_are_not_passed_on() -> None:
    f = Finding("MC003", "bad \x1b[2J value", Loc("m.yaml", 1, 1), severity=Severity.ERROR)
    out = github.render([FileReport("m.yaml", (f,), Severity.ERROR, False)], Options())
    assert "\x1b" not in out
    assert "bad \\x1b[2J value" in out


def test_annotation_limit_is_mentioned() -> None:
    findings = tuple(Finding("MC002", f"key {i}", Loc("m.yaml", i, 1), severity=Severity.ERROR)
                     for i in range(1, 12))
    reports = [FileReport("m.yaml", findings, Severity.ERROR, False)]
    out = github.render(reports, Options()).splitlines()
    assert len(out) == 13 and "at most 10 annotations" in out[-1]
    out = github.render([FileReport("m.yaml", findings[:10], Severity.ERROR, False)],
                        Options()).splitlines()
    assert len(out) == 11 and out[-1].startswith("missionctl: 1 file checked")
