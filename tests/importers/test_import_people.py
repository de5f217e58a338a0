"""`missionctl import people` end to end: the issue's "done when", on a 60-row registration
sheet with Portuguese headers, repeats and broken rows (tests/importers/sheets.py)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from missionctl.loader import load

from .conftest import Cli, MakeMission
from .sheets import BROKEN, REPEATS, ROWS, registration_rows, write_xlsx


def people_of(path: Path) -> dict[str, dict[str, object]]:
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert isinstance(loaded, dict)
    return loaded["people"]


def test_sixty_rows_become_an_include_that_check_accepts(
        cli: Cli, mission: MakeMission, tmp_path: Path) -> None:
    m = mission()
    sheet = write_xlsx(tmp_path / "participants.xlsx", registration_rows())
    code, out, err = cli("import", "people", sheet, "--mission", m)
    assert code == 1  # rows were skipped
    assert "Traceback" not in out + err
    # every broken row, at its own cell, in the words
    lines = err.splitlines()
    for (row, column), (_value, says) in BROKEN.items():
        prefix = f"participants.xlsx, sheet Inscrições, row {row}, column {column}: {says}"
        assert any(line.startswith(prefix) for line in lines), (prefix, err)
    assert len(lines) == len(BROKEN)
    generated = m.parent / "imported-people.yaml"
    people = people_of(generated)
    assert len(people) == ROWS - len(BROKEN) - len(REPEATS) == 52
    for row, first in REPEATS.items():
        assert f"Row {row} registers" in out and f"(row {first}, " in out
    # check accepts it, with no error; contacts lists the people
    code, out, _ = cli("check", m, "--format", "json")
    report = json.loads(out)
    assert report["summary"]["error"] == 0, report["findings"]
    assert code == 0
    code, out, _ = cli("contacts", m)
    assert code == 0
    assert "Moldes Norte, Lda." in out and "João Ferreira" in out


def test_the_output_reads_back_through_the_loader(cli: Cli, mission: MakeMission,
                                                  tmp_path: Path) -> None:
    m = mission()
    sheet = write_xlsx(tmp_path / "participants.xlsx", registration_rows())
    cli("import", "people", sheet, "--mission", m)
    loaded = load(m)
    assert loaded.ok, loaded.findings
    assert loaded.mission is not None
    ana = next(p for p in loaded.mission.people.values() if p.email == "ana.martins1@example.org")
    assert ana.phone == "+351 911 000 001"  # kept as typed, '+' and spaces included
    assert ana.languages == ("pt", "en")
    # a company spelt four ways is one organisation, named as a person would write it
    moldes = [o for o in loaded.mission.organisations.values() if "oldes" in o.name.lower()]
    assert [(o.id, o.name, o.country) for o in moldes] == [
        ("moldes-norte", "Moldes Norte, Lda.", "PT")]


def test_the_same_sheet_gives_the_same_file(cli: Cli, mission: MakeMission,
                                            tmp_path: Path) -> None:
    m = mission()
    sheet = write_xlsx(tmp_path / "participants.xlsx", registration_rows())
    cli("import", "people", sheet, "--mission", m)
    first = (m.parent / "imported-people.yaml").read_bytes()
    (m.parent / "imported-people.yaml").unlink()  # from nothing again: the same ids
    cli("import", "people", sheet, "--mission", m)
    assert (m.parent / "imported-people.yaml").read_bytes() == first
    code, out, _ = cli("import", "people", sheet, "--mission", m)
    assert code == 1
    assert "already up to date" in out
    assert (m.parent / "imported-people.yaml").read_bytes() == first


def test_two_rows_edited_change_exactly_those_two_people(
        cli: Cli, mission: MakeMission, tmp_path: Path) -> None:
    m = mission()
    rows = registration_rows()
    sheet = write_xlsx(tmp_path / "participants.xlsx", rows)
    cli("import", "people", sheet, "--mission", m)
    generated = m.parent / "imported-people.yaml"
    before = people_of(generated)
    rows[8][5] = "+351 960 111 222"  # row 10: a new phone
    rows[40][3] = "Administrador"  # row 42: a new role
    write_xlsx(sheet, rows)
    code, out, _ = cli("import", "people", sheet, "--mission", m, "--dry-run")
    assert code == 1
    assert "People would be changed (2):" in out
    assert "added" not in out.split("People would be changed")[0].split("\n\n")[-1]
    assert people_of(generated) == before  # a dry run writes nothing
    cli("import", "people", sheet, "--mission", m)
    after = people_of(generated)
    assert after.keys() == before.keys()
    differ = sorted(i for i in after if after[i] != before[i])
    assert len(differ) == 2
    assert {after[differ[0]].get("phone"), after[differ[1]].get("phone")} >= {
        "+351 960 111 222"}
    assert any(after[i].get("role") == "Administrador" for i in differ)


def test_a_person_defined_by_hand_is_left_alone(cli: Cli, mission: MakeMission,
                                                tmp_path: Path) -> None:
    m = mission("  ana-s:\n    name: Ana Martins\n    email: ana.martins1@example.org\n")
    sheet = write_xlsx(tmp_path / "participants.xlsx", registration_rows())
    code, out, _ = cli("import", "people", sheet, "--mission", m)
    assert code == 1
    assert "Row 3: Ana Martins is ana-s, defined by hand at " in out
    assert "left alone" in out
    people = people_of(m.parent / "imported-people.yaml")
    assert all(p.get("email") != "ana.martins1@example.org" for p in people.values())
    assert load(m).ok


def test_a_bad_file_is_one_line_and_nothing_is_written(cli: Cli, mission: MakeMission,
                                                      tmp_path: Path) -> None:
    m = mission()
    damaged = tmp_path / "participants.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + bytes(100))
    code, out, err = cli("import", "people", damaged, "--mission", m)
    assert code == 2
    assert err.strip() == ("missionctl: participants.xlsx is damaged: it looks like a workbook "
                           "but cannot be unpacked; open it in a spreadsheet program and save "
                           "it again")
    assert out == "" and not (m.parent / "imported-people.yaml").exists()


def test_import_people_from_ods_written_by_libreoffice(cli: Cli, mission: MakeMission,
                                                      tmp_path: Path) -> None:
    """The 60-row sheet saved as .ods by LibreOffice imports to the same file as the .xlsx."""
    from .sheets import convert

    m = mission()
    xlsx = write_xlsx(tmp_path / "src" / "participants.xlsx", registration_rows())
    cli("import", "people", xlsx, "--mission", m)
    want = (m.parent / "imported-people.yaml").read_text(encoding="utf-8")
    ods = convert(xlsx, "ods", tmp_path / "ods")
    code, _, err = cli("import", "people", ods, "--mission", m)
    assert code == 1 and "participants.ods, sheet Inscrições, row 17, column E:" in err
    got = (m.parent / "imported-people.yaml").read_text(encoding="utf-8")
    assert got.replace("participants.ods", "participants.xlsx") == want


def test_sheet_side_and_map_options(cli: Cli, mission: MakeMission, tmp_path: Path) -> None:
    """A workbook whose second sheet lists the hosts, with an English header missionctl does
    not know ('Contact'), read with --sheet, --side and --map."""
    import openpyxl

    m = mission()
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Delegates"
    first.append(["Name", "Company"])
    hosts = book.create_sheet("Hosts")
    hosts.append(["Name", "Company", "Contact", "Badge printed"])
    hosts.append(["Karim El Idrissi", "Atlas Auto Composants SARL", "+212 600 000 001", "yes"])
    path = tmp_path / "hosts.xlsx"
    book.save(path)
    code, out, err = cli("import", "people", path, "--mission", m, "--sheet", "hosts",
                         "--side", "host", "--map", "Contact=phone", "--map", "D=ignore")
    assert code == 0, err
    assert "C  Contact        -> phone (--map)" in out
    assert "D  Badge printed     not imported: ignored with --map" in out
    people = people_of(m.parent / "imported-people.yaml")
    assert people["karim-el-idrissi"] == {
        "name": "Karim El Idrissi", "organisation": "atlas-auto-composants", "side": "host",
        "phone": "+212 600 000 001"}
    code, _, err = cli("import", "people", path, "--mission", m, "--side", "visitor")
    assert code == 2 and err.strip().startswith("missionctl: --side 'visitor': use one of")


def test_the_include_line_to_add_is_printed(cli: Cli, mission: MakeMission,
                                            tmp_path: Path) -> None:
    m = mission(include="other.yaml")
    (m.parent / "other.yaml").write_text("people: {}\n", encoding="utf-8")
    before = m.read_bytes()
    sheet = write_xlsx(tmp_path / "participants.xlsx", registration_rows()[:3])
    code, out, _ = cli("import", "people", sheet, "--mission", m)
    assert code == 0
    assert out.rstrip().endswith("  include: [other.yaml, imported-people.yaml]")
    assert m.read_bytes() == before  # the author's YAML is never edited
