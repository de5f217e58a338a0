"""A mistyped include (loader/includes.py): "did you mean" among the files there, a string
where a list belongs said in those words, and the MC006 a failed include explains folded into
one finding instead of one per reference."""

from __future__ import annotations

import shutil
from pathlib import Path

from missionctl.loader import Loaded, load

ROOT = Path(__file__).resolve().parents[2]
HEADER = """\
missionctl: 1
mission: {id: m, title: M, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-14}
"""
VENUES = "venues:\n" + "".join(f"  v{i}: {{name: V{i}, city: Tangier}}\n" for i in range(30))
PEOPLE = "people:\n  ana: {name: Ana, email: ana@example.org}\n"
EVENTS = "events:\n" + "".join(
    f"  e{i}:\n    kind: visit\n    title: E{i}\n"
    f"    start: 2027-05-11 {8 + i // 4:02}:{i % 4 * 15:02}\n    duration: 10m\n"
    f"    venue: v{i}\n    attendees: [ana]\n" for i in range(30))


def mission(folder: Path, include: str, venues_at: str = "venues.yaml") -> Loaded:
    (folder / venues_at).parent.mkdir(parents=True, exist_ok=True)
    (folder / venues_at).write_text(VENUES)
    (folder / "people.yaml").write_text(PEOPLE)
    (folder / "m.yaml").write_text(HEADER + f"include: {include}\n" + EVENTS)
    return load(folder / "m.yaml", "m.yaml")


def found(loaded: Loaded) -> list[tuple[str, str, int, int]]:
    return [(f.code, f.loc.file, f.loc.line, f.loc.column) for f in loaded.findings]


def test_the_right_include_gives_nothing(tmp_path: Path) -> None:
    assert mission(tmp_path, "[people.yaml, venues.yaml]").findings == ()


def test_a_mistyped_include_suggests_the_file_and_folds_its_references(tmp_path: Path) -> None:
    loaded = mission(tmp_path, "[people.yaml, venue.yaml]")
    assert found(loaded) == [("MC008", "m.yaml", 4, 24), ("MC006", "m.yaml", 11, 12)]
    missing, folded = loaded.findings
    assert missing.message == ("included file 'venue.yaml' does not exist (looked for "
                               "venue.yaml); did you mean 'venues.yaml'?")
    assert folded.message == ("30 references to venues are unresolved because the include "
                              "'venue.yaml' could not be read; fix that first, and they are "
                              "checked again one by one")
    assert [(r.line, r.column) for r in folded.related] == [(4, 24)]


def test_the_suggestion_keeps_the_folder(tmp_path: Path) -> None:
    loaded = mission(tmp_path, "[people.yaml, data/venue.yml]", venues_at="data/venues.yaml")
    assert loaded.findings[0].message.endswith("; did you mean 'data/venues.yaml'?")


def test_a_string_where_a_list_belongs(tmp_path: Path) -> None:
    loaded = mission(tmp_path, "people.yaml, venues.yaml")
    assert found(loaded) == [("MC003", "m.yaml", 4, 10), ("MC006", "m.yaml", 11, 12)]
    listed, folded = loaded.findings
    assert listed.message == ("`include` takes a list: [people.yaml, venues.yaml]; write the "
                              "file names in brackets")
    assert folded.message.startswith("60 references (30 to people, 30 to venues) are "
                                     "unresolved because `include` is not a list;")


def test_one_reference_alone_is_not_folded(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(HEADER + "include: [gone.yaml]\nevents:\n  e: {kind: free, "
                                     "title: E, start: 2027-05-11 10:00, duration: 1h, "
                                     "venue: nowhere}\n")
    loaded = load(tmp_path / "m.yaml", "m.yaml")
    assert [f.message for f in loaded.findings if f.code == "MC006"] == [
        "there is no venue 'nowhere'"]


def test_without_a_failed_include_every_reference_is_its_own(tmp_path: Path) -> None:
    (tmp_path / "people.yaml").write_text(PEOPLE)
    (tmp_path / "m.yaml").write_text(HEADER + "include: [people.yaml]\n" + EVENTS)
    loaded = load(tmp_path / "m.yaml", "m.yaml")
    assert [f.code for f in loaded.findings] == ["MC006"] * 30


def test_the_example_mission_with_a_typo(tmp_path: Path) -> None:
    folder = tmp_path / "example"
    shutil.copytree(ROOT / "missions" / "produtech-morocco-2027", folder)
    text = (folder / "mission.yaml").read_text()
    (folder / "mission.yaml").write_text(text.replace(
        "include: [people.yaml, venues.yaml, b2b.yaml]", "include: [people.yaml, venue.yaml, "
        "b2b.yaml]"))
    loaded = load(folder / "mission.yaml", "mission.yaml")
    assert [f.code for f in loaded.findings] == ["MC006", "MC008"]
