"""Format rules MC001-MC009: positive and negative cases with exact (code, line, column)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from missionctl.linter import lint_file
from missionctl.loader import load

if TYPE_CHECKING:
    from conftest import Found, Load, Write

OK_BODY = """\
people:
  ana: {name: Ana, email: ana@example.org}
"""


def codes(path: Path) -> list[tuple[str, int, int]]:
    return sorted((f.code, f.loc.line, f.loc.column) for f in load(path, "m.yaml").findings)


def test_clean_mission_has_no_format_findings(found: Found) -> None:
    assert [c for c in found(OK_BODY) if c[0].startswith("MC0")] == []


# MC001 -----------------------------------------------------------------------------------
def test_mc001_syntax_error_points_at_problem(write: Write) -> None:
    assert codes(write("missionctl: 1\nmission: {id: x\n")) == [("MC001", 3, 1)]


def test_mc001_tab_indentation(write: Write) -> None:
    path = write("missionctl: 1\nmission:\n\tid: x\n")
    [finding] = load(path).findings
    assert (finding.code, finding.loc.line, finding.loc.column) == ("MC001", 3, 1)
    assert "tab" in finding.message


def test_mc001_several_documents(write: Write) -> None:
    assert codes(write("missionctl: 1\n---\nmission: {}\n")) == [("MC001", 2, 1)]


def test_mc001_empty_and_comment_only(write: Write) -> None:
    assert codes(write("")) == [("MC001", 1, 1)]
    assert codes(write("# nothing yet\n\n", name="c.yaml")) == [("MC001", 1, 1)]


def test_mc001_invalid_utf8_position(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"missionctl: 1\nmission:\n  title: caf\xe9\n")
    assert codes(path) == [("MC001", 3, 13)]


def test_mc001_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert [c[0] for c in codes(path)] == ["MC001"]


def test_mc001_directory_given_as_mission(tmp_path: Path) -> None:
    d = tmp_path / "m.yaml"
    d.mkdir()
    assert codes(d) == [("MC001", 1, 1)]


def test_mc001_not_a_mapping(write: Write) -> None:
    assert codes(write("- a\n- b\n")) == [("MC001", 1, 1)]


def test_bom_is_accepted(tmp_path: Path, write: Write) -> None:
    text = write(OK_BODY, header=True).read_text()
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert codes(path) == []


def test_mc001_alias_bomb_refused_quickly(write: Write) -> None:
    lines = ["missionctl: 1", 'a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    prev = "a"
    for name in "bcdefghij":
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 10)}]")
        prev = name
    # Points at the anchor that the aliases repeat (its node starts at '&a').
    assert codes(write("\n".join(lines) + "\n")) == [("MC001", 2, 4)]


def test_mc001_recursive_alias(write: Write) -> None:
    # Merge of a mapping into itself, a section containing itself, a list containing itself.
    assert codes(write("missionctl: 1\nmission: &m\n  <<: *m\n  id: x\n")) == [
        ("MC001", 2, 10)]
    assert codes(write("missionctl: 1\nevents: &e\n  a: *e\n", name="e.yaml")) == [
        ("MC001", 2, 9)]
    assert codes(write("missionctl: 1\nx-a: &a [*a]\n", name="l.yaml")) == [("MC001", 2, 6)]


def test_aliases_under_the_bound_load(write: Write) -> None:
    # 100,000+ nodes through aliases must load: 11 x 10 x 1000 scalars.
    lines = ["missionctl: 1", "x-defaults:", "  a: &a [" + ",".join(["v"] * 1000) + "]",
             "  b: &b [" + ",".join(["*a"] * 10) + "]", "  c: [" + ",".join(["*b"] * 11) + "]"]
    path = write("\n".join(lines) + "\n" + HEADER_BODY)
    assert [c for c in codes(path) if c[0] == "MC001"] == []


HEADER_BODY = """\
mission:
  id: t
  title: T
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
"""


def test_deep_nesting_is_mc001_not_a_traceback(write: Write) -> None:
    path = write("missionctl: 1\nx-deep: " + "[" * 3000 + "]" * 3000 + "\n")
    assert [c[0] for c in codes(path)] == ["MC001"]


# MC002 -----------------------------------------------------------------------------------
def test_mc002_unknown_field_with_did_you_mean(found: Found, loaded: Load) -> None:
    body = "events:\n  v:\n    kind: visit\n    title: V\n    start: 2027-05-11 10:00\n" \
           "    end: '11:00'\n    atendees: [ana]\npeople:\n  ana: {name: Ana}\n"
    assert found(body, "MC002") == [("MC002", 15, 5)]
    [f] = [f for f in loaded(body).findings if f.code == "MC002"]
    assert "did you mean 'attendees'" in f.message


def test_mc002_unknown_top_level_key(found: Found) -> None:
    assert found("peeple: {}\n", "MC002") == [("MC002", 9, 1)]


def test_x_keys_are_never_checked(loaded: Load) -> None:
    body = "x-notes: {anything: [1, 2]}\npeople:\n  ana: {name: Ana, x-badge: 12}\n"
    result = loaded(body)
    assert result.findings == ()
    assert result.mission is not None
    assert result.mission.people["ana"].extra == {"x-badge": "12"}
    assert result.mission.extra == {"x-notes": {"anything": ["1", "2"]}}


def test_mc002_mission_keys_in_include(write: Write, tmp_path: Path) -> None:
    write("mission: {id: x}\nchecks: {}\n", name="inc.yaml")
    path = write(HEADER_BODY + "include: [inc.yaml]\n", name="m.yaml", header=False)
    path.write_text("missionctl: 1\n" + path.read_text())
    assert codes(path) == [("MC002", 1, 1), ("MC002", 2, 1)]
    assert {f.loc.file for f in load(path, "m.yaml").findings} == {"inc.yaml"}


# MC003 -----------------------------------------------------------------------------------
def test_mc003_bad_values_point_at_the_value(found: Found) -> None:
    body = (
        "venues:\n"
        "  v: {name: V, geo: [95, 0], capacity: lots, timezone: Africa/Casablance}\n"
        "people:\n"
        "  ana: {name: Ana, email: not-an-email, languages: [pt, xx], side: boss}\n"
    )
    assert found(body, "MC003") == [
        ("MC003", 10, 22), ("MC003", 10, 40), ("MC003", 10, 56),
        ("MC003", 12, 27), ("MC003", 12, 57), ("MC003", 12, 68),
    ]


def test_mc003_invalid_id_key(found: Found) -> None:
    assert found("people:\n  'ana silva': {name: Ana}\n", "MC003") == [("MC003", 10, 3)]


def test_mc003_nonexistent_local_time(found: Found) -> None:
    # Casablanca 2026-03-22: clocks jump from 02:00 to 03:00 (end of the Ramadan period).
    body = ("events:\n  e:\n    kind: other\n    title: Night\n    start: 2026-03-22 02:30\n"
            "    duration: 1h\n")
    assert found(body, "MC003") == [("MC003", 13, 12)]


def test_mc003_booleans_only_true_false(found: Found) -> None:
    body = "travel_times:\n  - {from: a, to: b, duration: 1h, oneway: yes}\n" \
           "venues:\n  a: {name: A}\n  b: {name: B}\n"
    assert found(body, "MC003") == [("MC003", 10, 44)]


def test_mc003_waiving_a_format_rule(found: Found) -> None:
    assert found("checks:\n  waive: {MC002: because}\n", "MC003") == [("MC003", 10, 11)]


# MC004 -----------------------------------------------------------------------------------
def test_mc004_points_at_the_key_of_the_mapping(found: Found) -> None:
    assert found("people:\n  ana: {email: a@example.org}\n", "MC004") == [("MC004", 10, 3)]


def test_mc004_mission_fields(write: Write) -> None:
    path = write("missionctl: 1\nmission:\n  id: x\n")
    assert [c for c in codes(path)] == [("MC004", 2, 1)] * 5


# MC005 -----------------------------------------------------------------------------------
def test_mc005_duplicate_key_in_one_mapping(found: Found) -> None:
    assert found("people:\n  ana: {name: Ana}\n  ana: {name: Ana B}\n", "MC005") \
        == [("MC005", 11, 3)]


def test_mc005_same_id_in_two_files_points_at_the_later(write: Write) -> None:
    write("people:\n  ana: {name: Ana again}\n", name="people.yaml")
    path = write("include: [people.yaml]\npeople:\n  ana: {name: Ana}\n", header=True)
    [f] = load(path, "m.yaml").findings
    assert (f.code, f.loc.file, f.loc.line, f.loc.column) == ("MC005", "people.yaml", 2, 3)
    assert [(r.file, r.line, r.column) for r in f.related] == [("m.yaml", 11, 3)]


def test_mc005_duplicate_field(found: Found) -> None:
    assert found("people:\n  ana:\n    name: Ana\n    name: Ana B\n", "MC005") \
        == [("MC005", 12, 5)]


# MC006 -----------------------------------------------------------------------------------
def test_mc006_unknown_references_with_did_you_mean(loaded: Load) -> None:
    body = (
        "people:\n  ana-silva: {name: Ana, groups: [delegaton]}\n"
        "groups:\n  delegation: {members: [org:acme, group:nobody]}\n"
    )
    found = sorted((f.code, f.loc.line, f.loc.column, f.message) for f in loaded(body).findings)
    assert [(c, ln, col) for c, ln, col, _ in found] == [
        ("MC006", 10, 35), ("MC006", 12, 26), ("MC006", 12, 36)]
    assert "did you mean 'delegation'" in found[0][3]


def test_mc006_group_cycle(found: Found) -> None:
    body = "groups:\n  a: {members: [group:b]}\n  b: {members: [group:a]}\n"
    assert found(body, "MC006") == [("MC006", 11, 17)]


def test_references_resolve_groups_and_orgs(loaded: Load) -> None:
    body = (
        "organisations:\n  acme: {name: Acme}\n"
        "people:\n  ana: {name: Ana, organisation: acme}\n  bo: {name: Bo, groups: [g]}\n"
        "  cy: {name: Cy}\n"
        "groups:\n  g: {members: [cy]}\n  all: {members: [group:g, org:acme, cy]}\n"
    )
    m = loaded(body).mission
    assert m is not None
    assert m.group_members["all"] == {"ana", "bo", "cy"}


# MC007 -----------------------------------------------------------------------------------
EV = "events:\n  e:\n    kind: meeting\n    title: M\n    start: 2027-05-11 10:00\n"


def test_mc007_end_before_start(found: Found) -> None:
    assert found(EV + "    end: '09:00'\n", "MC007") == [("MC007", 14, 10)]


def test_mc007_bare_end_never_rolls_over(found: Found) -> None:
    assert found(EV.replace("10:00", "21:00") + "    end: 00:30\n", "MC007") \
        == [("MC007", 14, 10)]


def test_mc007_both_and_neither(found: Found) -> None:
    assert found(EV + "    end: '11:00'\n    duration: 1h\n", "MC007") == [("MC007", 15, 5)]
    assert found(EV, "MC007") == [("MC007", 10, 3)]


def test_mc007_mission_end_before_start(write: Write) -> None:
    path = write(HEADER_BODY.replace("end: 2027-05-14", "end: 2027-05-01"))
    path.write_text("missionctl: 1\n" + path.read_text())
    assert codes(path) == [("MC007", 8, 8)]


def test_end_touching_start_is_fine(found: Found) -> None:
    assert found(EV + "    end: '10:01'\n", "MC007") == []


# MC008 -----------------------------------------------------------------------------------
def test_mc008_missing_outside_and_cycle(write: Write, tmp_path: Path) -> None:
    write("include: [m.yaml]\n", name="sub/loop.yaml")
    write("people: {}\n", name="ok.yaml")
    path = write("include: [missing.yaml, ../outside.yaml, sub/loop.yaml, ok.yaml]\n",
                 header=True)
    (tmp_path.parent / "outside.yaml").write_text("people: {}\n")
    found = sorted((f.loc.file, f.loc.line, f.loc.column, f.code)
                   for f in load(path, "m.yaml").findings)
    # sub/loop.yaml names m.yaml relative to itself: sub/m.yaml, which does not exist.
    assert found == [("m.yaml", 9, 11, "MC008"), ("m.yaml", 9, 25, "MC008"),
                     ("sub/loop.yaml", 1, 11, "MC008")]


def test_mc008_cycle(write: Write) -> None:
    write("include: [a.yaml]\n", name="b.yaml")
    write("include: [b.yaml]\n", name="a.yaml")
    path = write("include: [a.yaml]\n", header=True)
    [f] = load(path, "m.yaml").findings
    assert (f.code, f.loc.file, f.loc.line, f.loc.column) == ("MC008", "b.yaml", 1, 11)


def test_mc008_include_that_is_a_directory(write: Write, tmp_path: Path) -> None:
    (tmp_path / "d.yaml").mkdir()
    assert codes(write("include: [d.yaml]\n", header=True)) == [("MC008", 9, 11)]


def test_include_paths_joined_for_findings(write: Write) -> None:
    write("people:\n  ana: {name: Ana, email: bad}\n", name="parts/people.yaml")
    path = write("include: [parts/people.yaml]\n", header=True)
    [f] = load(path, "missions/m.yaml").findings
    assert f.loc.file == "missions/parts/people.yaml"


# MC009 -----------------------------------------------------------------------------------
def test_mc009_missing_and_unknown_version(write: Write) -> None:
    assert codes(write(HEADER_BODY)) == [("MC009", 1, 1)]
    assert codes(write("missionctl: 2\n" + HEADER_BODY, name="v2.yaml")) == [("MC009", 1, 13)]


def test_lint_skips_conflict_checks_when_format_errors(write: Write) -> None:
    report = lint_file(write("missionctl: 2\n" + HEADER_BODY))
    assert not report.checked and report.failed()
