"""Cells read as `check` reads the values written: names, e-mails, countries, languages,
dates; and YAML written so that it reads back as the same text."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from missionctl.importers import cells
from missionctl.importers.names import org_key, slug
from missionctl.importers.yamltext import scalar
from missionctl.values import Invalid


@pytest.mark.parametrize(("raw", "want"), [
    ("JOÃO DA SILVA", "João da Silva"), ("maria dos santos", "Maria dos Santos"),
    ("JEAN-PIERRE D'ALMEIDA", "Jean-Pierre D'Almeida"), ("Karim El Idrissi", "Karim El Idrissi"),
    ("ana McDonald", "ana McDonald")])
def test_names_typed_in_capitals(raw: str, want: str) -> None:
    assert cells.person_name(raw) == want


def test_values_through_checks_parsers() -> None:
    assert cells.email("JOAO@EXAMPLE.ORG") == "joao@example.org"
    assert cells.email("mailto:ana@example.org") == "ana@example.org"
    with pytest.raises(Invalid, match="'joao@' is not an e-mail address"):
        cells.email("joao@")
    assert [cells.country(c) for c in ("Marrocos", "Maroc", "morocco", "pt", "Espanha")] == [
        "MA", "MA", "MA", "PT", "ES"]
    with pytest.raises(Invalid, match="is not a country"):
        cells.country("Nárnia")
    assert cells.languages("Português e Inglês; árabe / French") == ["pt", "en", "ar", "fr"]
    with pytest.raises(Invalid, match="'Klingon' is not a language"):
        cells.languages("pt, Klingon")
    with pytest.raises(Invalid, match="an e-mail address, not a phone number"):
        cells.phone("ana@example.org")


@pytest.mark.parametrize(("value", "leaving", "want"), [
    (datetime(2027, 5, 10, 14, 30), False, "2027-05-10 14:30"),
    (datetime(2027, 5, 14), True, "2027-05-14 23:59"),  # an xlsx date cell
    (date(2027, 5, 10), False, "2027-05-10 00:00"),
    ("10/05/2027 9h30", False, "2027-05-10 09:30"),
    ("2027-05-10", True, "2027-05-10 23:59"),
    ("2027-05-10T08:00", False, "2027-05-10 08:00")])
def test_arrival_and_departure(value: object, leaving: bool, want: str) -> None:
    assert cells.moment(value, "Africa/Casablanca", leaving=leaving) == want


def test_a_time_the_clocks_skip_is_refused() -> None:
    with pytest.raises(Invalid, match="does not exist in Europe/Lisbon"):
        cells.moment("28/03/2027 01:30", "Europe/Lisbon", leaving=False)


def test_organisation_keys_and_slugs() -> None:
    same = {org_key(n) for n in ("Moldes Norte, Lda.", "MOLDES NORTE LDA", "Moldes Norte",
                                 "moldes norte unipessoal lda", "Moldes-Norte S.A.")}
    assert same == {"moldes norte"}
    assert org_key("Tools as Service") == "tools as service"  # "as" only at the end
    assert slug("Ana Martins-Gonçalves", "p") == "ana-martins-goncalves"
    assert slug("كريم", "person") == "person"


@given(st.text(max_size=40))
def test_a_written_scalar_reads_back_as_the_same_text(text: str) -> None:
    written = scalar(text)
    loaded = yaml.load(f"key: {written}\n", Loader=yaml.BaseLoader)
    assert loaded == {"key": text}, written


@given(st.lists(st.text(max_size=30), min_size=2, max_size=4))
@example(lines=["0", "\x850"])  # NEL: a line break to YAML 1.1, so no literal block
def test_a_note_of_several_lines_reads_back(lines: list[str]) -> None:
    from missionctl.importers.yamltext import field_lines

    text = "\n".join(lines)
    written = "\n".join(field_lines("notes", text, "  "))
    loaded = yaml.load(f"x:\n{written}\n", Loader=yaml.BaseLoader)
    assert loaded == {"x": {"notes": text}}, written
