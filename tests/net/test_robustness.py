"""Whatever a server answers, the clients raise NetError or return data: never anything else.

Every case is a real HTTP answer from the loopback FakeService, so it goes through httpx.
"""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.caldav import ensure_calendar, fetch_events, list_events, sync
from missionctl.net.nager import public_holidays
from missionctl.net.nominatim import RateLimiter, geocode
from missionctl.net.osrm import table

from .fakeservice import FakeService, Fault

GARBAGE: list[tuple[int, bytes]] = [
    (200, b""),
    (200, b"null"),
    (200, b"[]"),
    (200, b"{}"),
    (200, b'"text"'),
    (200, b"\x00\xff\xfe binary"),
    (200, b"[" * 100_000 + b"]" * 100_000),  # deeper than the JSON decoder's recursion limit
    (200, b'{"code": "Ok", "durations": null, "distances": null}'),
    (200, b'[{"lat": null, "lon": null}]'),
    (200, b'[{"date": null}]'),
    (200, b"<html><body>Welcome to nginx!</body></html>"),
    (302, b""),  # a redirect without Location
    (418, b"I'm a teapot"),
    (599, b"{}"),
]


def call_each(client: httpx.Client, url: str) -> None:
    """Call every JSON client once; each must return or raise NetError."""
    for call in (
        lambda: table(client, url, [(33.5, -7.6), (34.0, -6.8)]),
        lambda: geocode(client, url, "x", cache=None, limiter=RateLimiter(0)),
        lambda: public_holidays(client, url, 2027, "MA"),
    ):
        try:
            call()
        except NetError as err:
            text = str(err)
            assert text and "\n" not in text and "Traceback" not in text


@pytest.mark.parametrize(("status", "body"), GARBAGE, ids=range(len(GARBAGE)))
def test_json_clients_survive_garbage(
    service: FakeService, client: httpx.Client, status: int, body: bytes
) -> None:
    for prefix in ("/table/", "/search", "/api/"):
        service.add_fault(prefix, *[Fault(status=status, body=body)] * 5)
    call_each(client, service.url)


XML_GARBAGE: list[bytes] = [
    b"",
    b"not xml at all",
    b"<html><body>Login</body></html>",
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><multistatus xmlns="DAV:"/>',
    b'<multistatus xmlns="DAV:"><response><href>http://[::1/x</href></response></multistatus>',
    b'<multistatus xmlns="DAV:"><response><propstat><prop/></propstat></response></multistatus>',
    b'<multistatus xmlns="DAV:"><response><href>/a.ics</href>'
    b"<propstat><status>garbage</status></propstat></response></multistatus>",
    b'<multistatus xmlns="DAV:">' + b"<x>" * 50_000 + b"</x>" * 50_000 + b"</multistatus>",
]


@pytest.mark.parametrize("body", XML_GARBAGE, ids=range(len(XML_GARBAGE)))
def test_caldav_survives_garbage(service: FakeService, client: httpx.Client, body: bytes) -> None:
    url = service.url + "/dav/cal/"
    for call in (
        lambda: ensure_calendar(client, url),
        lambda: list_events(client, url),
        lambda: fetch_events(client, url),
        lambda: sync(client, url, {}, dry_run=True),
    ):
        service.add_fault("/dav/", *[Fault(status=207, body=body)] * 3)
        try:
            call()
        except NetError as err:
            assert "\n" not in str(err)


def test_importing_the_package_does_not_import_httpx() -> None:
    code = (
        "import sys, missionctl.net, missionctl.net.errors;"
        "from missionctl.net import NetError;"
        "assert 'httpx' not in sys.modules, 'httpx imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
