from __future__ import annotations

import re

import pytest

from missionctl.practice.countries import (
    FRI,
    SAT,
    SUN,
    countries,
    is_weekend,
    practice,
)


@pytest.mark.parametrize(
    ("code", "weekend"),
    [
        ("MA", {SAT, SUN}),
        ("PT", {SAT, SUN}),
        ("AE", {SAT, SUN}),  # since 2022
        ("TN", {SAT, SUN}),
        ("TR", {SAT, SUN}),
        ("SA", {FRI, SAT}),
        ("EG", {FRI, SAT}),
        ("DZ", {FRI, SAT}),
    ],
)
def test_weekends(code: str, weekend: set[int]) -> None:
    assert practice(code).weekend == weekend


@pytest.mark.parametrize("code", ["MA", "TN", "DZ", "EG", "SA", "AE", "SN"])
def test_friday_prayer_observed(code: str) -> None:
    assert practice(code).friday_prayer is True


@pytest.mark.parametrize("code", ["PT", "ES", "FR", "DE", "GB", "US", "TR"])
def test_friday_prayer_not_observed(code: str) -> None:
    assert practice(code).friday_prayer is False


def test_ramadan_hours() -> None:
    assert {c for c in countries() if practice(c).ramadan_hours} == {
        "MA",
        "TN",
        "DZ",
        "EG",
        "SA",
        "AE",
    }


def test_morocco_emergency_numbers() -> None:
    numbers = dict(practice("MA").emergency)
    assert numbers == {"police": "19", "gendarmerie": "177", "ambulance": "15", "fire": "15"}


def test_portugal_and_eu_use_112() -> None:
    assert practice("PT").emergency == (("general", "112"),)
    eu = [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
    assert len(eu) == 27
    for code in eu:
        assert ("general", "112") in practice(code).emergency, code


def test_required_countries_are_documented() -> None:
    required = {"MA", "PT", "ES", "FR", "DE", "TN", "DZ", "EG", "SA", "AE", "TR", "SN", "GB", "US"}
    assert required <= set(countries())
    assert all(practice(c).known for c in required)


def test_lookup_ignores_case_and_spaces() -> None:
    assert practice(" ma ") is practice("MA")


def test_unknown_country_gets_the_default() -> None:
    p = practice("zz")
    assert p.code == "ZZ"
    assert p.known is False
    assert p.weekend == {SAT, SUN}
    assert p.friday_prayer is False and p.ramadan_hours is False
    assert p.emergency == ()


@pytest.mark.parametrize("code", countries())
def test_table_entries_are_well_formed(code: str) -> None:
    p = practice(code)
    assert p.code == code and re.fullmatch(r"[A-Z]{2}", code)
    assert p.name and p.known
    assert len(p.weekend) == 2 and p.weekend <= set(range(7))
    assert p.emergency
    for service, number in p.emergency:
        assert service and re.fullmatch(r"\d[\d ]*\d", number), (service, number)


def test_entries_are_frozen() -> None:
    with pytest.raises(AttributeError):  # immutable (FrozenInstanceError is one too)
        practice("MA").weekend = frozenset()  # type: ignore[misc]


def test_is_weekend() -> None:
    assert is_weekend("SA", FRI)
    assert not is_weekend("MA", FRI)
    assert is_weekend("MA", SUN)
