"""The data and cache dirs that tests/conftest.py's `isolated_dirs` points missionctl at
(empty per test, with a cold in-process memo), for tests that look inside them."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"
