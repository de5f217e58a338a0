"""Fixtures for the view tests: the small sample mission (see sample.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from missionctl.loader import load
from missionctl.model import Mission

from .sample import load_small, write_small


@pytest.fixture
def small_path(tmp_path: Path) -> Path:
    return write_small(tmp_path)


@pytest.fixture
def small(tmp_path: Path) -> Mission:
    return load_small(tmp_path)


@pytest.fixture
def mission_of(tmp_path: Path) -> Callable[[str], Mission]:
    def _make(text: str) -> Mission:
        path = tmp_path / "m.yaml"
        path.write_text(text, encoding="utf-8")
        loaded = load(path, "m.yaml")
        assert loaded.findings == (), loaded.findings
        assert loaded.mission is not None
        return loaded.mission

    return _make
