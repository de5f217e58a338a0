from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

import pytest

from missionctl.practice import _store
from missionctl.practice import holidays as hol

VERSION = metadata.version("holidays")


def cache_file() -> Path:
    return hol._cache_file("MA", 2027, VERSION)


def test_dist_version_matches_importlib_metadata() -> None:
    assert _store.dist_version("holidays") == VERSION
    assert _store.dist_version("hijridate") == metadata.version("hijridate")
    assert _store.dist_version("python-dateutil") == metadata.version("python-dateutil")
    assert _store.dist_version("no-such-distribution-here") is None


def test_first_call_writes_a_versioned_cache(cache_dir: Path) -> None:
    cal = hol.public_holidays("MA", 2027)
    path = cache_file()
    assert path.parent.parent == cache_dir
    assert VERSION in path.name and "MA-2027" in path.name
    raw = json.loads(path.read_text())
    assert raw["version"] == VERSION
    assert len(raw["holidays"]) == len(cal)


def test_cache_is_what_answers() -> None:
    # A valid cache file with a made-up holiday: if it is read, the made-up day comes back.
    hol.public_holidays("MA", 2027)
    path = cache_file()
    raw = json.loads(path.read_text())
    raw["holidays"] = [["2027-04-01", "Made-up Day", False]]
    path.write_text(json.dumps(raw))
    hol.clear_memory_cache()
    assert hol.public_holidays("MA", 2027) == [
        hol.Holiday(dt.date(2027, 4, 1), "Made-up Day", False, f"holidays {VERSION}")
    ]


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{broken",
        "[]",
        '{"format": 1}',
        json.dumps(
            {
                "format": 1,
                "version": "0.0",
                "country": "MA",
                "year": 2027,
                "holidays": [["2027-04-01", "Stale", False]],
            }
        ),
        json.dumps(
            {
                "format": 1,
                "version": VERSION,
                "country": "MA",
                "year": 2027,
                "holidays": [["2027-04-01", "Bad row"]],
            }
        ),
        json.dumps(
            {
                "format": 1,
                "version": VERSION,
                "country": "MA",
                "year": 2027,
                "holidays": [["2026-04-01", "Wrong year", False]],
            }
        ),
        json.dumps(
            {
                "format": 1,
                "version": VERSION,
                "country": "MA",
                "year": 2027,
                "holidays": [["2027-04-01", "Bad flag", "no"]],
            }
        ),
    ],
)
def test_corrupt_cache_is_ignored_and_rewritten(content: str) -> None:
    expected = hol.public_holidays("MA", 2027)
    path = cache_file()
    path.write_text(content)
    hol.clear_memory_cache()
    assert hol.public_holidays("MA", 2027) == expected
    assert json.loads(path.read_text())["holidays"][0] == ["2027-01-01", "New Year's Day", False]


def test_unwritable_cache_does_not_break_lookups(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("MISSIONCTL_CACHE_DIR", str(blocker / "sub"))
    cal = hol.public_holidays("PT", 2027)
    assert dt.date(2027, 11, 1) in {h.date for h in cal}


def test_unknown_country_is_cached_as_empty() -> None:
    assert hol.public_holidays("XX", 2027) == []
    raw = json.loads(hol._cache_file("XX", 2027, VERSION).read_text())
    assert raw["holidays"] == []


def run(code: str, env_extra: dict[str, str]) -> str:
    env = {**os.environ, **env_extra}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


PROBE = """
    import sys
    from missionctl.practice.holidays import public_holidays
    cal = public_holidays("MA", 2027)
    print(len(cal), "holidays" in sys.modules)
"""


def test_cached_call_never_imports_holidays(tmp_path: Path) -> None:
    env = {"MISSIONCTL_CACHE_DIR": str(tmp_path / "c"), "MISSIONCTL_DATA_DIR": str(tmp_path / "d")}
    cold = run(PROBE, env)
    warm = run(PROBE, env)
    n = cold.split()[0]
    assert cold == f"{n} True"  # computed: python-holidays had to be imported
    assert warm == f"{n} False"  # from the cache: it was not


def test_importing_practice_imports_no_heavy_package() -> None:
    out = run(
        """
        import sys
        import missionctl.practice
        import missionctl.practice.holidays, missionctl.practice.ramadan
        import missionctl.practice.countries, missionctl.practice.transitions
        print(sorted(m for m in ("holidays", "hijridate", "dateutil", "importlib.metadata")
                     if m in sys.modules))
        """,
        {},
    )
    assert out == "[]"


def test_package_exports_resolve_lazily() -> None:
    import missionctl.practice as practice_pkg

    assert sorted(practice_pkg.__all__) == sorted(practice_pkg._EXPORTS)
    for name in practice_pkg.__all__:
        assert callable(getattr(practice_pkg, name)), name
    with pytest.raises(AttributeError):
        _ = practice_pkg.no_such_name
