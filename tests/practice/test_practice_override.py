from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from missionctl.practice import _store
from missionctl.practice.holidays import (
    Holiday,
    OverrideError,
    holidays_from_nager,
    load_override,
    override_path,
    public_holidays,
    save_override,
)

D = dt.date


def test_override_path_uses_env(data_dir: Path) -> None:
    assert override_path("ma", 2027) == data_dir / "holidays" / "MA-2027.json"


def test_override_path_xdg_then_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MISSIONCTL_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert override_path("PT", 2027) == tmp_path / "xdg/missionctl/holidays/PT-2027.json"
    # A relative XDG_DATA_HOME is invalid by the specification and ignored.
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    home_default = tmp_path / "home/.local/share/missionctl/holidays/PT-2027.json"
    assert override_path("PT", 2027) == home_default
    monkeypatch.delenv("XDG_DATA_HOME")
    assert override_path("PT", 2027) == home_default


def test_cache_dir_xdg_then_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MISSIONCTL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xc"))
    assert _store.cache_dir() == tmp_path / "xc/missionctl"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert _store.cache_dir() == tmp_path / "home/.cache/missionctl"


@pytest.mark.parametrize("country", ["../x", "MAR", "", "M1"])
def test_override_path_refuses_non_codes(country: str) -> None:
    with pytest.raises(ValueError):
        override_path(country, 2027)


def nager_ma_2027() -> list[Holiday]:
    # What a Nager.Date refresh gives for Morocco: civil holidays only, no Islamic ones.
    return holidays_from_nager(
        [
            {"date": "2027-01-01", "name": "New Year's Day", "global": True, "types": ["Public"]},
            {
                "date": "2027-07-30",
                "name": "Feast of the Throne",
                "global": True,
                "types": ["Public"],
            },
            {"date": "2027-11-18", "name": "Independence Day", "global": True, "types": ["Public"]},
        ]
    )


def test_override_wins_on_its_dates_and_library_fills_gaps() -> None:
    path = save_override("MA", 2027, nager_ma_2027())
    assert path.is_file()
    cal = public_holidays("MA", 2027)

    throne = [h for h in cal if h.date == D(2027, 7, 30)]
    assert [(h.name, h.source) for h in throne] == [("Feast of the Throne", "override: Nager.Date")]
    # The library's Islamic holidays, which Nager.Date lacks, are still there.
    eid = [h for h in cal if h.date == D(2027, 5, 16)]
    assert [(h.name, h.estimated) for h in eid] == [("Eid al-Adha", True)]
    assert eid[0].source.startswith("holidays ")
    # A library date the override does not name survives as well (Green March, 6 November).
    assert [h.name for h in cal if h.date == D(2027, 11, 6)] == ["Green March"]
    # One entry per date where both had one: no "Throne Day" next to "Feast of the Throne".
    assert len([h for h in cal if h.date == D(2027, 1, 1)]) == 1


def test_not_holidays_removes_a_wrong_estimate() -> None:
    # Eid al-Adha announced for the 17th and 18th instead of the estimated 16th and 17th.
    announced = [
        Holiday(D(2027, 5, 17), "Eid al-Adha", False, "Ministry"),
        Holiday(D(2027, 5, 18), "Eid al-Adha", False, "Ministry"),
    ]
    save_override("MA", 2027, announced, not_holidays=[D(2027, 5, 16)])
    eid = [(h.date, h.estimated, h.source) for h in public_holidays("MA", 2027) if "Adha" in h.name]
    assert eid == [
        (D(2027, 5, 17), False, "override: Ministry"),
        (D(2027, 5, 18), False, "override: Ministry"),
    ]


def test_override_alone_for_a_country_the_library_lacks() -> None:
    founders = Holiday(D(2027, 3, 1), "Founders' Day", False, "override")
    save_override("ZZ", 2027, [founders])
    assert public_holidays("ZZ", 2027) == [founders]
    assert public_holidays("ZZ", 2028) == []


def test_round_trip_does_not_nest_sources() -> None:
    save_override("MA", 2027, nager_ma_2027())
    save_override("MA", 2027, public_holidays("MA", 2027))
    sources = {h.source for h in public_holidays("MA", 2027)}
    assert "override: Nager.Date" in sources
    assert not [s for s in sources if s.count("override") > 1]


def test_save_is_atomic_and_leaves_no_temp_files(data_dir: Path) -> None:
    first = save_override("PT", 2027, [Holiday(D(2027, 1, 1), "Ano Novo", False, "")])
    second = save_override("PT", 2027, [Holiday(D(2027, 1, 2), "Other", False, "")])
    assert first == second
    assert [p.name for p in first.parent.iterdir()] == ["PT-2027.json"]
    assert json.loads(first.read_text())["holidays"][0]["date"] == "2027-01-02"


def test_failed_write_keeps_the_old_file(monkeypatch: pytest.MonkeyPatch) -> None:
    path = save_override("PT", 2027, [Holiday(D(2027, 1, 1), "Ano Novo", False, "")])
    before = path.read_bytes()

    def boom(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(_store.os, "replace", boom)
    with pytest.raises(OSError):
        save_override("PT", 2027, [Holiday(D(2027, 1, 2), "Other", False, "")])
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["PT-2027.json"]


def test_save_refuses_dates_of_another_year_and_empty_names() -> None:
    with pytest.raises(ValueError, match="not in 2027"):
        save_override("PT", 2027, [Holiday(D(2028, 1, 1), "x", False, "")])
    with pytest.raises(ValueError, match="not in 2027"):
        save_override("PT", 2027, [], not_holidays=[D(2026, 12, 31)])
    with pytest.raises(ValueError, match="no name"):
        save_override("PT", 2027, [Holiday(D(2027, 1, 1), " ", False, "")])
    assert not override_path("PT", 2027).exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "not a JSON object"),
        ('{"format": 2, "country": "PT", "year": 2027}', "unsupported format"),
        ('{"format": 1, "country": "MA", "year": 2027}', "not PT 2027"),
        (
            '{"format": 1, "country": "PT", "year": 2027, "holidays": [{"date": "2027-13-01", '
            '"name": "x"}]}',
            "not a YYYY-MM-DD date",
        ),
        (
            '{"format": 1, "country": "PT", "year": 2027, "holidays": [{"date": "2028-01-01", '
            '"name": "x"}]}',
            "not in 2027",
        ),
        (
            '{"format": 1, "country": "PT", "year": 2027, "holidays": [{"date": "2027-01-01"}]}',
            "'name'",
        ),
        (
            '{"format": 1, "country": "PT", "year": 2027, "holidays": [{"date": "2027-01-01", '
            '"name": "x", "estimated": "yes"}]}',
            "'estimated'",
        ),
        (
            '{"format": 1, "country": "PT", "year": 2027, "not_holidays": "2027-01-01"}',
            "'not_holidays'",
        ),
    ],
)
def test_malformed_override_is_an_error_naming_the_file(content: str, reason: str) -> None:
    path = override_path("PT", 2027)
    path.parent.mkdir(parents=True)
    path.write_text(content)
    with pytest.raises(OverrideError, match=reason) as info:
        public_holidays("PT", 2027)
    assert info.value.path == path
    assert str(path) in str(info.value)


def test_no_override_is_none() -> None:
    assert load_override("PT", 2027) is None


def test_nager_keeps_national_public_holidays_only() -> None:
    got = holidays_from_nager(
        [
            {
                "date": "2027-06-13",
                "name": "St Anthony",
                "global": False,
                "counties": ["PT-11"],
                "types": ["Public"],
            },
            {"date": "2027-12-24", "name": "Christmas Eve", "global": True, "types": ["Optional"]},
            {"date": "2027-12-25", "name": " Christmas Day ", "global": True, "types": ["Public"]},
            {"date": "2027-04-25", "name": "Freedom Day"},
        ]
    )
    assert got == [
        Holiday(D(2027, 4, 25), "Freedom Day", False, "Nager.Date"),
        Holiday(D(2027, 12, 25), "Christmas Day", False, "Nager.Date"),
    ]


@pytest.mark.parametrize(
    "item", [{"name": "x"}, {"date": "nope", "name": "x"}, {"date": "2027-01-01", "name": ""}]
)
def test_nager_refuses_broken_entries(item: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="entry 0"):
        holidays_from_nager([item])
