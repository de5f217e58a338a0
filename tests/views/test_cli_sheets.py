"""`missionctl sheets PATH KIND` from the command line: every format to a file (and written
again over its own file without --force), usage errors, a file it did not write left alone;
xlsx and PDF from itinerary and contacts too."""

from __future__ import annotations

from pathlib import Path

import pytest

from missionctl.cli.app import main

FORMATS = ["text", "markdown", "html", "pdf", "csv", "xlsx", "json"]


@pytest.mark.parametrize("kind", ["rooming", "dietary", "manifest", "badges"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_sheet_in_every_format(capsys: pytest.CaptureFixture[str], small_path: Path,
                                     tmp_path: Path, kind: str, fmt: str) -> None:
    out = tmp_path / f"{kind}.{fmt}"
    assert main(["sheets", str(small_path), kind, "-f", fmt, "-o", str(out)]) == 0
    first = out.read_bytes()
    assert first
    # its own file: recognised, replaced without --force
    assert main(["sheets", str(small_path), kind, "-f", fmt, "-o", str(out)]) == 0
    assert out.read_bytes() == first  # and the same bytes again
    assert capsys.readouterr().err == ""


def test_text_to_stdout(capsys: pytest.CaptureFixture[str], small_path: Path) -> None:
    assert main(["sheets", str(small_path), "rooming"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Small mission\nRooming list")


@pytest.mark.parametrize("args, message", [
    (["rooming", "--driver-copy"], "--driver-copy is for the manifest"),
    (["lunch"], "Invalid value for 'KIND'"),
    (["rooming", "-f", "vcf"], "Invalid value for '--format'"),
    (["badges", "-f", "pdf", "--paper", "a5"], "Invalid value for '--paper'"),
])
def test_usage_errors(capsys: pytest.CaptureFixture[str], small_path: Path, args: list[str],
                      message: str) -> None:
    assert main(["sheets", str(small_path), *args]) == 2
    assert message in capsys.readouterr().err


def test_a_file_it_did_not_write_is_left_alone(capsys: pytest.CaptureFixture[str],
                                               small_path: Path, tmp_path: Path) -> None:
    mine = tmp_path / "rooming.xlsx"
    mine.write_bytes(b"PK\x03\x04 someone else's workbook")
    assert main(["sheets", str(small_path), "rooming", "-f", "xlsx", "-o", str(mine)]) == 2
    assert "was not written by `missionctl sheets`" in capsys.readouterr().err
    assert mine.read_bytes() == b"PK\x03\x04 someone else's workbook"
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a PDF from elsewhere\n%%EOF\n")
    assert main(["sheets", str(small_path), "badges", "-f", "pdf", "-o", str(pdf)]) == 2
    assert main(["sheets", str(small_path), "badges", "-f", "pdf", "-o", str(pdf),
                 "--force"]) == 0


def test_never_the_mission_file(capsys: pytest.CaptureFixture[str], small_path: Path) -> None:
    assert main(["sheets", str(small_path), "badges", "-f", "pdf", "-o", str(small_path),
                 "--force"]) == 2
    assert "one of the mission's own files" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["itinerary", "contacts"])
@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_itinerary_and_contacts_as_files(capsys: pytest.CaptureFixture[str], small_path: Path,
                                         tmp_path: Path, command: str, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main([command, str(small_path), "-f", fmt, "-o", str(out), "--paper",
                 "letter"]) == 0
    assert out.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    assert main([command, str(small_path), "-f", fmt, "-o", str(out)]) == 0


@pytest.mark.parametrize("lang, heading", [("pt", "Lista de alojamento"),
                                           ("fr", "Liste d'hébergement"),
                                           ("ar", "قائمة الإقامة")])
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_sheet_in_another_language_is_recognised_as_ours(
        capsys: pytest.CaptureFixture[str], small_path: Path, tmp_path: Path, lang: str,
        heading: str, fmt: str) -> None:
    """The heading is translated, and the file written again without --force (a text view is
    recognised by its heading, in any language we write)."""
    pytest.importorskip("babel")
    out = tmp_path / "rooming.txt"
    args = ["sheets", str(small_path), "rooming", "-f", fmt, "--lang", lang, "-o", str(out)]
    assert main(args) == 0
    assert heading in out.read_text(encoding="utf-8")
    assert main(args) == 0, capsys.readouterr().err


EXAMPLE = Path(__file__).resolve().parents[2] / "missions" / "produtech-morocco-2027"


def test_the_csv_header_and_json_keys_stay_english(capsys: pytest.CaptureFixture[str]) -> None:
    """Programs read them: the column names, whatever the language; the labels people read
    (the heading, the xlsx header, the text) are translated."""
    pytest.importorskip("babel")
    import json

    small_path = EXAMPLE

    assert main(["sheets", str(small_path), "dietary", "-f", "csv", "--lang", "fr"]) == 0
    header = capsys.readouterr().out.lstrip("\ufeff").splitlines()[0]
    assert header == "date,time,meal,place,people,need,count,names"
    assert main(["sheets", str(small_path), "dietary", "-f", "json", "--lang", "fr"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["heading"] == "Liste des régimes alimentaires"
    assert doc["rows"] and all(set(row) == {"date", "time", "meal", "place", "people", "need",
                                            "count", "names"} for row in doc["rows"])
    assert main(["sheets", str(small_path), "dietary", "--lang", "fr"]) == 0
    text = capsys.readouterr().out
    assert "Régime alimentaire" in text and "aucun régime alimentaire indiqué" in text


def test_xlsx_headers_in_the_reader_s_language(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    """A workbook is read by people: a sheet's header row follows --lang; its cells stay
    typed."""
    pytest.importorskip("babel")
    openpyxl = pytest.importorskip("openpyxl")
    rooming = tmp_path / "r.xlsx"
    assert main(["sheets", str(EXAMPLE), "rooming", "-f", "xlsx", "--lang", "fr", "-o",
                 str(rooming)]) == 0
    sheet = openpyxl.load_workbook(rooming).active
    assert [c.value for c in sheet[1]] == ["Hôtel", "Nuit", "Client", "Organisation",
                                           "Arrivée", "Départ"]
    assert sheet["B2"].is_date


def test_the_itinerary_table_labels_in_the_reader_s_language() -> None:
    """The itinerary's spreadsheet columns (`itinerary_table`) in the itinerary's language."""
    pytest.importorskip("babel")
    from missionctl.loader import load
    from missionctl.views.itinerary import build
    from missionctl.views.select import Selection
    from missionctl.views.table import itinerary_table

    mission = load(EXAMPLE / "mission.yaml").mission
    assert mission is not None
    en = itinerary_table(build(mission, Selection(), {}, fold=False))
    pt = itinerary_table(build(mission, Selection(), {}, fold=False, lang="pt"))
    assert [c.label for c in pt.columns][:3] == ["Data", "Início", "Fuso do início"]
    assert [c.key for c in pt.columns] == [c.key for c in en.columns]
    assert en.columns[0].label == "Date" and pt.lang == "pt"
