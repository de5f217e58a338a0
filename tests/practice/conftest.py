"""Every practice test gets its own empty data and cache dirs and a cold in-process memo, so
no test reads what another (or the developer's real ~/.cache) left behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from missionctl.practice import holidays as hol


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("MISSIONCTL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("MISSIONCTL_CACHE_DIR", str(tmp_path / "cache"))
    hol.clear_memory_cache()
    yield
    hol.clear_memory_cache()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"
