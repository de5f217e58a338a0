"""The one multistatus reader: its shape rules, the DTD guard, and that nothing bypasses it."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.caldav import multistatus
from missionctl.net.caldav.multistatus import etag_of, is_calendar, is_collection
from missionctl.netcmd import publish

from ..fakeservice import FakeService, Fault

SRC = Path(__file__).resolve().parents[3] / "src" / "missionctl"


def answer(body: bytes, url: str = "http://cal.example/dav/cal/") -> httpx.Response:
    """A 207 as httpx hands it over after a request to ``url``."""
    return httpx.Response(207, content=body, request=httpx.Request("PROPFIND", url))


def test_responses_props_and_statuses() -> None:
    body = b"""<?xml version="1.0"?>
<D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
 <D:response><D:href>/dav/cal/</D:href>
  <D:propstat><D:prop><D:resourcetype><D:collection/><C:calendar/></D:resourcetype></D:prop>
   <D:status>HTTP/1.1 200 OK</D:status></D:propstat>
  <D:propstat><D:prop><D:getetag/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status>
  </D:propstat></D:response>
 <D:response><D:href> a%20b.ics </D:href>
  <D:propstat><D:prop><D:getetag> "e1" </D:getetag></D:prop>
   <D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>
 <D:response><D:href>/dav/cal/gone.ics</D:href><D:status>HTTP/1.1 404 Not Found</D:status>
 </D:response>
 <D:response><D:href>  </D:href></D:response>
</D:multistatus>"""
    cal, event, gone = multistatus.parse(answer(body))
    assert cal.url == "http://cal.example/dav/cal/" and is_calendar(cal) and is_collection(cal)
    assert etag_of(cal) is None  # its getetag came with a 404 propstat
    assert event.url == "http://cal.example/dav/cal/a%20b.ics" and etag_of(event) == '"e1"'
    assert not is_collection(event) and event.status is None
    assert gone.status == 404 and gone.props == {}


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "x">]><m xmlns="DAV:"/>', "DTD in XML"),
        (b'<!DOCTYPE multistatus SYSTEM "file:///etc/passwd"><multistatus xmlns="DAV:"/>',
         "DTD in XML"),
        (b"<html><body>Sign in to the Wi-Fi</body></html>", "not a DAV multistatus"),
        (b"<multistatus>", "not XML"),
        (b'<multistatus xmlns="DAV:"><response><href>http://[::1/x</href></response>'
         b"</multistatus>", "bad href"),
    ],
)
def test_refusals_are_one_malformed_line(body: bytes, why: str) -> None:
    with pytest.raises(NetError) as info:
        multistatus.parse(answer(body))
    assert info.value.kind == "malformed" and why in str(info.value)
    assert "\n" not in str(info.value)


def test_check_home_reads_through_the_guard(service: FakeService, client: httpx.Client) -> None:
    """`publish --per-person` probes the home collection with the same reader: a DTD there is
    refused too (it used to go to ElementTree unguarded)."""
    url = service.url + "/dav/home/"
    dtd = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><multistatus xmlns="DAV:"/>'
    service.add_fault("/dav/", Fault(status=207, body=dtd))
    with pytest.raises(NetError) as info:
        publish.check_home(client, url)
    assert info.value.kind == "malformed" and "DTD in XML" in str(info.value)
    assert [r.method for r in service.requests] == ["PROPFIND"]


def test_no_xml_parsing_outside_the_reader() -> None:
    """Every XML answer of the network code goes through multistatus.parse."""
    reading = re.compile(r"\b(fromstring|iterparse|XMLParser|XMLPullParser|minidom|expat)\b")
    offenders = [
        str(path.relative_to(SRC))
        for folder in ("net", "netcmd")
        for path in sorted((SRC / folder).rglob("*.py"))
        if path.name != "multistatus.py" and reading.search(path.read_text())
    ]
    assert offenders == []
