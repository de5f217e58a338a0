"""Fixtures for the network commands: the real loopback servers of tests/net, reused.

* ``service`` (fake OSRM / Nominatim / Nager.Date with fault queues), ``radicale`` and
  ``radicale_htpasswd`` (real Radicale processes), ``refused_url``: from tests/net/conftest.py.
* the environment is cleaned per test as there (no proxies, no CalDAV variables, HOME in a
  temporary folder, the retry policy shrunk), and the user data and cache dirs point into the
  test's temporary folder (holiday overrides, the geocode cache).
* the Nominatim rate limiter is instant unless a test asks for the real one (``real_limiter``).
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import Protocol

import pytest

from missionctl.cli.app import main
from missionctl.net import nominatim
from net.conftest import (  # noqa: F401  (fixtures, reused as they are)
    FAST,
    RADICALE_PASSWORD,
    RADICALE_USER,
    Radicale,
    _isolated_env,
    radicale,
    radicale_htpasswd,
    refused_url,
    service,
)
from net.fakeservice import FakeService, Fault  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
MISSIONS = ROOT / "missions"

HEADER = """\
missionctl: 1
mission:
  id: netcmd-test
  title: Network commands test
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
"""


class Cli(Protocol):
    """The `cli` fixture: cli("travel", path, "--router", url) -> (exit code, stdout, stderr)."""

    def __call__(self, *args: object) -> tuple[int, str, str]: ...


class WriteMission(Protocol):
    """The `mission` fixture: mission(body, name="m.yaml", header=True) -> its path."""

    def __call__(self, body: str, name: str = "m.yaml", header: bool = True) -> Path: ...


class Example(Protocol):
    """The `example` fixture: example(name="produtech-morocco-2027") -> its mission.yaml."""

    def __call__(self, name: str = "produtech-morocco-2027") -> Path: ...


@pytest.fixture(autouse=True)
def _user_dirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MISSIONCTL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MISSIONCTL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(autouse=True)
def _instant_limiter(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if "real_limiter" in request.keywords:
        nominatim._limiters.clear()
        return
    monkeypatch.setattr(nominatim, "limiter_for", lambda base_url, interval=1.0:
                        nominatim.RateLimiter(0.0))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "real_limiter: use Nominatim's real 1 request/s limiter")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    """cli("travel", path, "--router", url) -> (exit code, stdout, stderr)."""

    def _run(*args: object) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def mission(tmp_path: Path) -> WriteMission:
    """mission(body, name="m.yaml", header=True) -> path of a mission written in tmp_path."""

    def _write(body: str, name: str = "m.yaml", header: bool = True) -> Path:
        path = tmp_path / "mission" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = textwrap.dedent(body)
        path.write_text((HEADER + text) if header else text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def example(tmp_path: Path) -> Example:
    """A copy of an example mission folder; returns its mission.yaml."""

    def _copy(name: str = "produtech-morocco-2027") -> Path:
        target = tmp_path / "examples" / name
        shutil.copytree(MISSIONS / name, target)
        return target / "mission.yaml"

    return _copy


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (to prove nothing was touched)."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def one_error_line(err: str) -> str:
    """The stderr of a failed network command: exactly one line, no traceback."""
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("missionctl: ")
    return lines[0]
