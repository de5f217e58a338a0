"""`missionctl schema`: draft-07, validates the example missions as an editor reads them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from missionctl.schema import SCHEMA_FILE, as_editor_sees, json_schema
from missionctl.yamlnodes import compose_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "missions").rglob("*.yaml"))


def test_schema_is_valid_draft7() -> None:
    jsonschema.Draft7Validator.check_schema(json_schema())


def test_there_are_two_example_missions() -> None:
    import re

    missions = [p for p in EXAMPLES if re.search(r"^mission:", p.read_text(), re.MULTILINE)]
    assert len(missions) == 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_validate(path: Path) -> None:
    composed = compose_file(path, str(path))
    assert composed.error is None
    assert composed.root is not None
    validator = jsonschema.Draft7Validator(json_schema())
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in validator.iter_errors(as_editor_sees(composed.root))]
    assert errors == []


def test_schema_rejects_what_check_rejects(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("missionctl: 1\nmission: {id: x}\nevents:\n  e: {kind: party, titel: x}\n")
    root = compose_file(path, "m.yaml").root
    assert root is not None
    doc = as_editor_sees(root)
    messages = [e.message for e in jsonschema.Draft7Validator(json_schema()).iter_errors(doc)]
    assert any("party" in m for m in messages)
    assert any("titel" in m for m in messages)
    assert any("'title' is a required property" in m for m in messages)


MODELINE = re.compile(r"\A# yaml-language-server: \$schema=(\S+)\n")


def test_the_committed_schema_is_missionctl_schema() -> None:
    committed = json.loads((ROOT / "missions" / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert committed == json_schema()  # regenerate: missionctl schema -o missions/...


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_validate_with_the_schema_their_line_names(path: Path) -> None:
    found = MODELINE.match(path.read_text(encoding="utf-8"))
    assert found, f"{path.name} has no `# yaml-language-server: $schema=` first line"
    assert "://" not in found.group(1)  # a file that works offline, never a made-up address
    schema_path = (path.parent / found.group(1)).resolve()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    root = compose_file(path, str(path)).root
    assert root is not None
    errors = [e.message for e in
              jsonschema.Draft7Validator(schema).iter_errors(as_editor_sees(root))]
    assert errors == []


def test_new_writes_the_schema_its_line_names(tmp_path: Path) -> None:
    from missionctl.cli.app import main

    path = tmp_path / "trip.yaml"
    assert main(["new", str(path), "--start", "2027-05-11"]) == 0
    found = MODELINE.match(path.read_text(encoding="utf-8"))
    assert found and found.group(1) == SCHEMA_FILE
    schema = json.loads((tmp_path / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert schema == json_schema()
    root = compose_file(path, "trip.yaml").root
    assert root is not None
    doc = as_editor_sees(root)
    assert list(jsonschema.Draft7Validator(schema).iter_errors(doc)) == []
    # somebody else's file of that name is left alone; the mission is still written
    (tmp_path / SCHEMA_FILE).write_text('{"mine": true}\n')
    assert main(["new", str(tmp_path / "other.yaml")]) == 0
    assert (tmp_path / SCHEMA_FILE).read_text() == '{"mine": true}\n'


WAIVERS = """\
missionctl: 1
mission: {id: x, title: X, host_country: MA, timezone: Africa/Casablanca,
          start: 2027-05-10, end: 2027-05-14}
people:
  ana: {name: Ana, waive: {MC402: reached through Rui, MC105: {2027-05-10: arrival day}}}
b2b:
  mm:
    title: Matchmaking
    date: 2027-05-12
    start: "14:00"
    end: "15:00"
    slot: 25m
    tables: 2
    interpreters: [ana]
    waive: {MC107: interpreters of the chamber}
    meetings:
      - {at: "14:00", table: 1, between: [a, b], interpreters: [ana], waive: {MC204: ok}}
"""


def test_waivers_on_people_and_b2b_interpreters_validate(tmp_path: Path) -> None:
    validator = jsonschema.Draft7Validator(json_schema())

    def errors(text: str) -> list[str]:
        path = tmp_path / "m.yaml"
        path.write_text(text)
        root = compose_file(path, "m.yaml").root
        assert root is not None
        return [e.message for e in validator.iter_errors(as_editor_sees(root))]

    assert errors(WAIVERS) == []
    assert errors(WAIVERS.replace("{2027-05-10: arrival day}", "{monday: arrival day}")) != []
