from __future__ import annotations

import datetime as dt
from importlib import metadata

import pytest

from missionctl.practice import _library
from missionctl.practice.holidays import (
    Holiday,
    embedded_holidays,
    holidays_between,
    library_source,
    public_holidays,
)

D = dt.date
SOURCE = f"holidays {metadata.version('holidays')}"


def on(cal: list[Holiday], day: dt.date) -> list[Holiday]:
    return [h for h in cal if h.date == day]


def test_source_names_the_installed_package() -> None:
    assert library_source() == SOURCE


def test_morocco_2027_throne_day_is_fixed() -> None:
    cal = public_holidays("MA", 2027)
    (throne,) = on(cal, D(2027, 7, 30))
    assert throne.name == "Throne Day"
    assert throne.estimated is False
    assert throne.source == SOURCE


def test_morocco_2027_eid_al_adha_is_estimated_and_unmarked() -> None:
    cal = public_holidays("MA", 2027)
    eid = [h for h in cal if h.name == "Eid al-Adha"]
    assert [h.date for h in eid] == [D(2027, 5, 16), D(2027, 5, 17)]
    assert all(h.estimated for h in eid)
    # The marker became the flag: no name keeps it.
    assert not [h for h in cal if "estimated" in h.name.lower()]


def test_two_holidays_on_one_date_are_two_entries() -> None:
    # 2027-08-14: Oued Ed-Dahab Day (fixed) and the Prophet's Birthday (lunar, estimated).
    pair = {(h.name, h.estimated) for h in on(public_holidays("MA", 2027), D(2027, 8, 14))}
    assert pair == {("Oued Ed-Dahab Day", False), ("Prophet's Birthday", True)}


def test_fixed_holidays_are_not_estimated() -> None:
    cal = public_holidays("MA", 2027)
    fixed = {"New Year's Day", "Labor Day", "Green March", "Independence Day", "Throne Day"}
    assert fixed <= {h.name for h in cal}
    assert not [h for h in cal if h.name in fixed and h.estimated]


def test_observed_estimated_keeps_observed_and_flags_estimate() -> None:
    # Egypt moves Islamic New Year 2027 to a Thursday; python-holidays labels that day
    # "(observed, estimated)".
    (h,) = on(public_holidays("EG", 2027), D(2027, 6, 10))
    assert h.name == "Islamic New Year (observed)"
    assert h.estimated is True


def test_portugal_2027_all_saints() -> None:
    cal = public_holidays("PT", 2027)
    assert [h.name for h in on(cal, D(2027, 11, 1))] == ["All Saints' Day"]
    assert not [h for h in cal if h.estimated]
    assert on(cal, D(2027, 11, 2)) == []


def test_result_is_sorted_and_within_the_year() -> None:
    cal = public_holidays("US", 2027)
    assert cal == sorted(cal, key=lambda h: (h.date, h.name))
    assert {h.date.year for h in cal} == {2027}


@pytest.mark.parametrize("country", ["XX", "ZZ", "Morocco", "../MA", "M", "", "  "])
def test_unknown_or_malformed_country_gives_nothing(country: str) -> None:
    assert public_holidays(country, 2027) == []


def test_country_code_case_and_spaces() -> None:
    assert public_holidays(" ma ", 2027) == public_holidays("MA", 2027) != []


@pytest.mark.parametrize("year", [True, "2027", 0, 10_000])
def test_bad_year_is_refused(year: object) -> None:
    with pytest.raises(ValueError):
        public_holidays("MA", year)  # type: ignore[arg-type]


def test_names_do_not_follow_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    # Left to itself python-holidays picks the language from LANG/LC_ALL.
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    monkeypatch.setenv("LANGUAGE", "fr")
    names = {h.name for h in public_holidays("MA", 2027)}
    assert "Throne Day" in names
    assert "Fête du Trône" not in names


def test_holidays_between_crosses_new_year() -> None:
    got = holidays_between("PT", D(2026, 12, 24), D(2027, 1, 2))
    assert [(h.date, h.name) for h in got] == [
        (D(2026, 12, 25), "Christmas Day"),
        (D(2027, 1, 1), "New Year's Day"),
    ]
    assert holidays_between("PT", D(2027, 1, 2), D(2027, 1, 1)) == []


def test_embedded_calendar_is_a_copy() -> None:
    first = embedded_holidays("MA", 2027)
    first.clear()
    assert embedded_holidays("MA", 2027) != []


@pytest.mark.parametrize(
    ("label", "name", "inner"),
    [
        ("%s (estimated)", "Eid al-Fitr (estimated)", "Eid al-Fitr"),
        ("%s (estimated)", "Eid al-Fitr", None),
        ("%s (estimated)", " (estimated)", None),
        ("Monday following %s (estimated)", "Monday following Eid (estimated)", "Eid"),
        ("%s (تقديري)", "عيد الفطر (تقديري)", "عيد الفطر"),
    ],
)
def test_label_unwrapping(label: str, name: str, inner: str | None) -> None:
    assert _library._unwrap(name, _library._split_label(label)) == inner


def test_labels_without_one_placeholder_are_ignored() -> None:
    assert _library._split_label("estimated") is None
    assert _library._split_label("%s %s") is None
    # gettext("") is the catalogue header: an empty label must never be translated.
    assert _library._translated(lambda s: "HEADER" if s == "" else s, "") is None
