"""Reading spreadsheets: every format a registration arrives in, and every bad file with one
clear line (no traceback)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from missionctl.errors import UserError
from missionctl.importers.readers import kind_of, read_sheet
from missionctl.importers.table import letter, text_of

from .sheets import HEADERS_PT, convert, registration_rows, write_xlsx

ROWS = [["Nome", "Empresa", "E-mail"], ["João Ferreira", "Moldes Norte, Lda.", "joao@x.pt"],
        ["Ana Silva", "Lusomatic", "ana@x.pt"]]


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> str:
    import csv

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


def texts(path: Path, **kw: str) -> list[list[str]]:
    sheet = read_sheet(path, **kw)  # type: ignore[arg-type]
    return [[text_of(v) for v in row] for row in sheet.rows]


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","), ("utf-8-sig", ";"), ("utf-8", "\t"), ("cp1252", ";"), ("utf-16", "\t"),
    ("utf-8", "|")])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = tmp_path / "inscricoes.csv"
    path.write_bytes(csv_bytes(ROWS, delimiter).encode(encoding))
    sheet = read_sheet(path)
    assert [[text_of(v) for v in row] for row in sheet.rows] == ROWS
    assert sheet.name is None
    said = " ".join(sheet.notes)
    assert ("Windows-1252" in said) == (encoding == "cp1252")


def test_csv_quoted_fields_with_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('Nome;Observações\n"Ana";"chega tarde\nvoo TP1234"\n', encoding="utf-8")
    assert texts(path) == [["Nome", "Observações"], ["Ana", "chega tarde; voo TP1234"]]


def test_xlsx_read_only_with_types(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", [["Ana", 912345678, datetime(2027, 5, 10, 14, 30)]],
                      headers=["Nome", "Telemóvel", "Chegada"], extra_sheets=("Resumo",))
    sheet = read_sheet(path)
    assert sheet.name == "Inscrições"
    assert sheet.rows[1] == ["Ana", 912345678, datetime(2027, 5, 10, 14, 30)]
    assert "'Resumo'" in sheet.notes[0]
    assert read_sheet(path, sheet="resumo").name == "Resumo"  # case ignored
    with pytest.raises(UserError, match=r"has no sheet 'Totais'; its sheets are 'Inscrições', "
                                        r"'Resumo'"):
        read_sheet(path, sheet="Totais")


def test_ods_and_xls_written_by_libreoffice(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "src" / "inscricoes.xlsx", registration_rows())
    want = texts(source)
    for kind in ("ods", "xls"):
        converted = convert(source, kind, tmp_path / kind)
        got = texts(converted)
        assert got[0] == HEADERS_PT
        assert got == want, kind


def test_xlsx_written_by_libreoffice(tmp_path: Path) -> None:
    """A workbook LibreOffice saved (not openpyxl): read the same."""
    source = tmp_path / "src" / "inscricoes.csv"
    source.parent.mkdir()
    source.write_text(csv_bytes(ROWS), encoding="utf-8")
    converted = convert(source, "xlsx", tmp_path / "lo")
    assert texts(converted) == ROWS


def test_the_content_decides_not_the_name(tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "p.xlsx", [["Ana"]], headers=["Nome"])
    renamed = tmp_path / "p.xls"
    renamed.write_bytes(xlsx.read_bytes())
    sheet = read_sheet(renamed)
    assert sheet.rows == [["Nome"], ["Ana"]]
    assert any("read as an Excel workbook (.xlsx)" in n and "'.xls'" in n for n in sheet.notes)
    text = tmp_path / "inscricoes"  # no extension: CSV text all the same
    text.write_text(csv_bytes(ROWS), encoding="utf-8")
    assert texts(text) == ROWS


def _encrypted(tmp_path: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "plain.xlsx", [["Ana"]], headers=["Nome"])
    out = tmp_path / "protegido.xlsx"
    with plain.open("rb") as src, out.open("wb") as dst:
        OOXMLFile(src).encrypt("segredo", dst)
    return out


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, what its one line must say)."""
    def put(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    good = write_xlsx(tmp_path / "good.xlsx", [["Ana"]], headers=["Nome"]).read_bytes()
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<not-a-workbook")
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    return {
        "empty": (put("vazio.xlsx", b""), "vazio.xlsx is empty"),
        "blank csv": (put("vazio.csv", b"\r\n \r\n"), "vazio.csv is empty"),
        "password": (_encrypted(tmp_path), "protegido.xlsx is password-protected"),
        "truncated": (put("cortado.xlsx", good[: len(good) // 2]), "cortado.xlsx is damaged"),
        "corrupt": (put("corrupto.xlsx", damaged.getvalue()), "corrupto.xlsx is damaged"),
        "binary": (put("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)),
                   "foto.csv is not a spreadsheet (it holds binary data"),
        "pdf": (put("inscricoes.xlsx.pdf", b"%PDF-1.7\n..."), "is a PDF document"),
        "word": (put("lista.docx", docx.getvalue()), "lista.docx is a Word document"),
        "html": (put("export.xls", b"<html><body><table><tr><td>Nome</td></tr></table>"),
                 "export.xls is a web page (HTML)"),
    }


@pytest.mark.parametrize("case", ["empty", "blank csv", "password", "truncated", "corrupt",
                                  "binary", "pdf", "word", "html"])
def test_each_bad_file_is_one_clear_line(tmp_path: Path, case: str) -> None:
    path, says = _bad_files(tmp_path)[case]
    with pytest.raises(UserError) as info:
        read_sheet(path)
    message = str(info.value)
    assert says in message
    assert "\n" not in message
    assert "Traceback" not in message


def test_a_password_protected_workbook_is_refused_by_libreoffice_too(tmp_path: Path) -> None:
    """The file the test encrypts is really protected: LibreOffice cannot open it either."""
    import subprocess

    from .sheets import soffice

    path = _encrypted(tmp_path)
    assert kind_of(path.read_bytes()) == "encrypted"
    done = subprocess.run([soffice(), f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--headless", "--convert-to", "csv", "--outdir", str(tmp_path / "o"),
                           str(path)], capture_output=True, timeout=180, text=True)
    assert not (tmp_path / "o" / "protegido.csv").exists(), done.stdout + done.stderr


def test_not_a_regular_file(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match=r"pipe.csv is a FIFO \(named pipe\), not a file"):
        read_sheet(fifo)
    with pytest.raises(UserError, match="is a directory"):
        read_sheet(tmp_path)
    with pytest.raises(UserError, match="no such file"):
        read_sheet(tmp_path / "missing.xlsx")


def test_column_letters() -> None:
    assert [letter(i) for i in (0, 4, 25, 26, 27, 701, 702)] == [
        "A", "E", "Z", "AA", "AB", "ZZ", "AAA"]
