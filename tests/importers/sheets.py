"""Registration spreadsheets made for the tests, with openpyxl (and LibreOffice, where a test
needs an .ods or .xls it wrote): the mess of a real form, with known coordinates.

`REGISTRATIONS` is a 60-row sheet with Portuguese headers, as a registration form exports it:
a timestamp column nobody imports, names in capitals, one company spelt four ways, three
people registered twice, and five broken rows whose cells are listed in `BROKEN`.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

HEADERS_PT = ["Carimbo de data/hora", "Nome completo", "Empresa", "Cargo", "E-mail",
              "Telemóvel", "País", "Idiomas", "Data de chegada", "Data de partida",
              "Restrições alimentares", "Observações"]

FIRST = ["João", "Ana", "Rui", "Marta", "Pedro", "Inês", "Miguel", "Sofia", "Tiago", "Rita",
         "Nuno", "Catarina", "Paulo", "Joana", "Luís", "Beatriz", "Hugo", "Carla", "Bruno",
         "Helena"]
LAST = ["Ferreira", "Silva", "Costa", "Santos", "Oliveira", "Pereira", "Rodrigues", "Martins",
        "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Ribeiro",
        "Pinto", "Carvalho", "Teixeira", "Moreira"]
COMPANIES = ["Moldes Norte, Lda.", "Lusomatic Automação, S.A.", "Código Fabril Software, Lda.",
             "Tecnocorte Metalomecânica, Lda.", "VisãoFab Sistemas de Inspeção, Lda.",
             "Atlântico Engenharia Industrial, Lda.", "Plásticos do Vouga, S.A.",
             "Ferramentaria Leiria Unipessoal, Lda."]
#: Other spellings of the first company, as people typed them.
MOLDES = ["MOLDES NORTE LDA", "Moldes Norte, Lda.", "moldes norte, lda", "Moldes Norte Lda",
          "Moldes Norte, Lda."]
ROLES = ["Diretor-geral", "Engenheiro de processo", "Diretora comercial", "Gestor de projeto",
         "Responsável de qualidade"]

#: (row, column letter) -> (the bad value, what the import says about it)
BROKEN: dict[tuple[int, str], tuple[str, str]] = {
    (17, "E"): ("joao@", "'joao@' is not an e-mail address"),
    (23, "E"): ("912 345 678", "'912 345 678' is not an e-mail address"),
    (31, "B"): ("", "no name"),
    (44, "I"): ("31/02/2027", "'31/02/2027' is not a real date"),
    (52, "G"): ("Nárnia", "'Nárnia' is not a country"),
}
#: row -> the earlier row it registers again
REPEATS = {38: 5, 47: 12, 58: 20}
ROWS = 60


def person(i: int) -> list[Any]:
    """Data row `i` (0-based; sheet row i + 2) before breakage and repeats."""
    first, last = FIRST[i % 20], LAST[(i * 7) % 20]
    company = COMPANIES[i % len(COMPANIES)]
    if company == COMPANIES[0] and i >= 8:
        company = MOLDES[(i // 8) % len(MOLDES)]
    name = f"{first} {last}"
    if i % 9 == 4:
        name = name.upper()
    email = f"{_ascii(first)}.{_ascii(last)}{i}@example.org".lower()
    phone: Any = f"+351 91{i % 10} 000 {i:03d}" if i % 3 else 912000000 + i
    country = ["Portugal", "PT", "portugal"][i % 3]
    languages = ["Português, Inglês", "pt, en", "Português e Francês", "pt"][i % 4]
    arrival: Any = datetime(2027, 5, 10, 9, 0) + timedelta(hours=i % 5)
    departure: Any = "14/05/2027 18:30" if i % 2 else datetime(2027, 5, 14)
    diet = ["", "vegetariano", "sem glúten", ""][i % 4]
    stamp = datetime(2027, 3, 1, 10, 0) + timedelta(minutes=37 * i)
    return [stamp, name, company, ROLES[i % len(ROLES)], email, phone, country, languages,
            arrival, departure, diet or None, None]


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii())


def registration_rows() -> list[list[Any]]:
    """The 60 data rows (sheet rows 2..61), broken cells and repeats in place."""
    rows = [person(i) for i in range(ROWS)]
    for row, first in REPEATS.items():
        again = list(rows[first - 2])
        if row == 47:  # the same name and company, no e-mail this time, a new phone
            again[4] = None
            again[5] = "+351 939 999 999"
        if row == 58:  # typed in capitals the second time
            again[1] = str(again[1]).upper()
        again[0] = rows[row - 2][0]
        rows[row - 2] = again
    columns = {letter: i for i, letter in enumerate("ABCDEFGHIJKL")}
    for (row, column), (value, _) in BROKEN.items():
        rows[row - 2][columns[column]] = value or None
    return rows


def write_xlsx(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS_PT,
               sheet: str = "Inscrições", extra_sheets: tuple[str, ...] = ()) -> Path:
    import openpyxl

    path.parent.mkdir(parents=True, exist_ok=True)
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    ws.append(headers)
    for row in rows:
        ws.append(row)
    for name in extra_sheets:
        book.create_sheet(name).append(["Resumo", len(rows)])
    book.save(path)
    return path


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    return found


def convert(source: Path, to: str, folder: Path) -> Path:
    """`source` converted by LibreOffice headless (`to`: ods, xls, csv, xlsx)."""
    folder.mkdir(parents=True, exist_ok=True)
    profile = folder / "lo-profile"
    # CSV input is read as UTF-8 (76), comma-separated (44), '"'-quoted (34)
    infilter = ["--infilter=CSV:44,34,76,1"] if source.suffix == ".csv" else []
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                    *infilter, "--convert-to", to, "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    out = folder / f"{source.stem}.{to.split(':')[0]}"
    assert out.is_file(), f"LibreOffice did not write {out}"
    return out
