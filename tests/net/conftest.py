"""Fixtures for the network tests: real servers on loopback, each stopped at teardown.

* ``service``: a fresh :class:`FakeService` (OSRM, Nominatim, Nager.Date) per test.
* ``radicale`` / ``radicale_htpasswd``: one Radicale process per session each, started as
  ``python -m radicale`` on a free port with its own storage folder, polled until it answers
  (bounded), terminated (then killed) at teardown. Tests use a fresh collection each.
* ``client``: ``make_client`` with a fast retry policy; the module default policy is shrunk too.
* the environment is cleaned for every test: no proxies, no CalDAV variables, HOME and NETRC
  pointing at an empty temporary folder, so a developer's own settings never leak in.
"""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from missionctl.net import http as nethttp
from missionctl.net.http import NetClient, RetryPolicy, make_client

from .fakeservice import FakeService, closed_port

FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, max_total=10, jitter=0)

_CLEAN_ENV = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
    "MISSIONCTL_CALDAV_USER",
    "MISSIONCTL_CALDAV_PASSWORD",
    "NETRC",
)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in _CLEAN_ENV:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(nethttp, "DEFAULT_POLICY", FAST)


@pytest.fixture
def service() -> Iterator[FakeService]:
    with FakeService() as svc:
        yield svc


@pytest.fixture
def client() -> Iterator[NetClient]:
    with make_client(timeout=2, retry=FAST) as c:
        yield c


@pytest.fixture
def refused_url() -> str:
    return f"http://127.0.0.1:{closed_port()}"


# --- Radicale ---------------------------------------------------------------------------------


@dataclass
class Radicale:
    url: str  # http://127.0.0.1:PORT
    folder: Path
    log: Path
    proc: subprocess.Popen[bytes]

    def collection(self, user: str = "alice") -> str:
        """A fresh, not yet existing calendar URL under the user's principal."""
        return f"{self.url}/{user}/m-{uuid.uuid4().hex[:10]}/"

    def stored_items(self, collection_url: str) -> list[Path]:
        """The event files Radicale holds for a collection, read from its storage folder."""
        path = httpx.URL(collection_url).path.strip("/")
        folder = self.folder / "collection-root" / path
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _start_radicale(base: Path, extra: list[str]) -> Radicale:
    """Start Radicale on a free port; retry (bounded) if the port was taken meanwhile."""
    for _attempt in range(3):
        port = closed_port()
        folder = base / f"storage-{port}"
        log = base / f"radicale-{port}.log"
        args = [
            sys.executable,
            "-m",
            "radicale",
            "--config",
            "",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(folder),
            "--logging-level",
            "warning",
            *extra,
        ]
        with log.open("wb") as out:
            proc = subprocess.Popen(
                args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                httpx.get(url + "/", timeout=0.5, trust_env=False)
            except httpx.TransportError:
                time.sleep(0.05)
                continue
            return Radicale(url, folder, log, proc)
        _stop(proc)
        if "in use" not in log.read_text(errors="replace"):
            break
    raise RuntimeError(f"Radicale did not start:\n{log.read_text(errors='replace')[-2000:]}")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    server = _start_radicale(
        tmp_path_factory.mktemp("radicale"), ["--auth-type", "none", "--auth-delay", "0"]
    )
    yield server
    _stop(server.proc)


RADICALE_USER = "alice"
RADICALE_PASSWORD = "s3cret-Pa55"


@pytest.fixture(scope="session")
def radicale_htpasswd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    base = tmp_path_factory.mktemp("radicale-auth")
    users = base / "users"
    users.write_text(f"{RADICALE_USER}:{RADICALE_PASSWORD}\n")
    server = _start_radicale(
        base,
        [
            "--auth-type",
            "htpasswd",
            "--auth-htpasswd-filename",
            str(users),
            "--auth-htpasswd-encryption",
            "plain",
            "--auth-delay",
            "0",
        ],
    )
    yield server
    _stop(server.proc)


@pytest.fixture
def dav_client() -> Iterator[NetClient]:
    """A client logged in as alice (Radicale with ``--auth-type none`` accepts any password,
    and needs a user name to create the principal collection)."""
    with make_client(timeout=5, retry=FAST, auth=httpx.BasicAuth("alice", "x")) as c:
        yield c
