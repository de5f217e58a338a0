"""Columns found from headers in English, Portuguese and French; `--map` overrides."""

from __future__ import annotations

import pytest

from missionctl.errors import UserError
from missionctl.importers.columns import detect, field_of
from missionctl.importers.table import Sheet


def mapped(headers: list[str], *maps: str, above: int = 0) -> dict[str, str]:
    rows: list[list[object]] = [["Inscrições 2027"] for _ in range(above)]
    rows += [list(headers), ["x" for _ in headers]]
    m = detect(Sheet("f.xlsx", "S", rows), list(maps))
    return {headers[c]: f for c, f in m.fields.items()}


@pytest.mark.parametrize(("headers", "want"), [
    (["Full name", "Company", "Job title", "E-mail address", "Mobile phone", "Country",
      "Languages spoken", "Arrival date", "Departure date", "Dietary requirements", "Comments"],
     ["name", "organisation", "role", "email", "mobile", "country", "languages", "arrival",
      "departure", "dietary", "notes"]),
    (["Nome completo", "Nome da empresa", "Cargo", "Correio eletrónico", "Telemóvel", "País",
      "Idiomas", "Data de chegada", "Data de partida", "Restrições alimentares", "Observações"],
     ["name", "organisation", "role", "email", "mobile", "country", "languages", "arrival",
      "departure", "dietary", "notes"]),
    (["Nom complet", "Société", "Fonction", "Courriel", "Téléphone portable", "Pays", "Langues",
      "Date d'arrivée", "Date de départ", "Régime alimentaire", "Remarques"],
     ["name", "organisation", "role", "email", "mobile", "country", "languages", "arrival",
      "departure", "dietary", "notes"]),
])
def test_every_header_language(headers: list[str], want: list[str]) -> None:
    assert list(mapped(headers).values()) == want


def test_accents_case_and_punctuation_are_ignored() -> None:
    assert field_of("TELEMOVEL") == field_of("telemóvel:") == "mobile"
    assert field_of("E-mail (obrigatório)") == "email"
    assert field_of("Carimbo de data/hora") is None


def test_first_and_last_names_settled_by_their_neighbours() -> None:
    assert mapped(["Nome", "Apelido", "Empresa"]) == {
        "Nome": "first_name", "Apelido": "last_name", "Empresa": "organisation"}
    assert mapped(["Prénom", "Nom", "Société"]) == {
        "Prénom": "first_name", "Nom": "last_name", "Société": "organisation"}
    assert mapped(["Nom", "Société"])["Nom"] == "name"


def test_a_title_row_above_the_headers_is_passed_over() -> None:
    assert mapped(["Nome", "Empresa"], above=2) == {"Nome": "name", "Empresa": "organisation"}


def test_map_by_header_or_letter_and_ignore() -> None:
    got = mapped(["Participante", "Empresa", "Contacto 2"], "participante=name",
                 "C=phone", "Empresa=ignore")
    assert got == {"Participante": "name", "Contacto 2": "phone"}


@pytest.mark.parametrize(("option", "says"), [
    ("Nome", "write COLUMN=FIELD"),
    ("Nome=apelido", "'apelido' is not a field"),
    ("Idade=notes", "has no column 'Idade'; its headers are 'Nome', 'Empresa'"),
])
def test_a_bad_map_is_one_line(option: str, says: str) -> None:
    with pytest.raises(UserError, match=says):
        mapped(["Nome", "Empresa"], option)


def test_no_column_of_names() -> None:
    with pytest.raises(UserError, match=r"no column of names found among the headers on row 1: "
                                        r"A \(Empresa\), B \(Cargo\)"):
        mapped(["Empresa", "Cargo"])
