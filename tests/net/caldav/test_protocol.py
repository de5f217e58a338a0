"""The CalDAV requests against real Radicale 3 processes on loopback (and the fake service
for answers Radicale does not give)."""

from __future__ import annotations

import uuid

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.caldav import (
    calendar_exists,
    delete_event,
    ensure_calendar,
    event_url,
    list_events,
    probe,
    put_event,
    sync,
)
from missionctl.net.http import make_client

from ..conftest import FAST, Radicale
from ..dropping_proxy import DroppingProxy, dropping_proxy
from ..fakeservice import FakeService, Fault
from .bodies import THREE, ics


def test_ensure_calendar_creates_once(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    assert ensure_calendar(dav_client, url, displayname="Mission <Casablanca> & Rabat") is True
    assert ensure_calendar(dav_client, url) is False
    assert list_events(dav_client, url) == {}
    # the display name went through XML escaping intact
    response = dav_client.request(
        "PROPFIND",
        url,
        headers={"Depth": "0"},
        content=b'<propfind xmlns="DAV:"><prop><displayname/></prop></propfind>',
    )
    assert "Mission &lt;Casablanca&gt; &amp; Rabat" in response.text


def test_a_collection_that_is_not_a_calendar_is_refused(
    radicale: Radicale, dav_client: httpx.Client
) -> None:
    ensure_calendar(dav_client, radicale.collection())  # makes sure /alice/ exists
    with pytest.raises(NetError) as info:
        ensure_calendar(dav_client, f"{radicale.url}/alice/")
    assert str(info.value) == f"{radicale.url}/alice/ is a collection but not a calendar"


def test_creation_refusals_are_explained(radicale: Radicale, dav_client: httpx.Client) -> None:
    with pytest.raises(NetError) as info:  # Radicale's rights: calendars only at /user/name/
        ensure_calendar(dav_client, f"{radicale.url}/alice/deeper/cal/")
    assert str(info.value) == (
        f"cannot create calendar {radicale.url}/alice/deeper/cal/: "
        "the server does not allow it (HTTP 403)"
    )
    with make_client(retry=FAST) as anonymous, pytest.raises(NetError) as info:
        ensure_calendar(anonymous, f"{radicale.url}/nobody-{uuid.uuid4().hex[:6]}/cal/")
    assert "its parent collection does not exist (HTTP 409)" in str(info.value)


def test_probe(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    assert probe(dav_client, url) is None
    ensure_calendar(dav_client, url)
    item = probe(dav_client, url, props=("resourcetype",))
    assert item is not None and item.url == url
    assert calendar_exists(dav_client, url) is True


def test_a_207_saying_404_means_nothing_is_there(
    service: FakeService, client: httpx.Client
) -> None:
    """Xandikos 0.4 answers a PROPFIND on a missing collection with 207 and a response whose
    status is 404 (seen while recording the corpus); that is "nothing there", not "not a
    calendar"."""
    url = service.url + "/dav/cal/"
    missing = (
        f'<multistatus xmlns="DAV:"><response><href>{url}</href>'
        "<status>HTTP/1.1 404 Not Found</status></response></multistatus>"
    ).encode()
    service.add_fault("/dav/", Fault(status=207, body=missing))
    assert calendar_exists(client, url) is False


def test_server_rejects_broken_calendar(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    ensure_calendar(dav_client, url)
    broken = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:garbage\r\n"
    broken += b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    with pytest.raises(NetError) as info:
        put_event(dav_client, url, "x", broken)
    assert "cannot store event 'x'" in str(info.value) and "HTTP 400" in str(info.value)


def test_put_and_delete_preconditions(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    ensure_calendar(dav_client, url)
    etag = put_event(dav_client, url, "p1", ics("p1"))
    assert etag
    with pytest.raises(NetError) as info:  # creating it again
        put_event(dav_client, url, "p1", ics("p1"))
    assert info.value.kind == "conflict" and "already exists" in str(info.value)
    new_etag = put_event(dav_client, url, "p1", ics("p1", "Changed"), etag)
    assert new_etag and new_etag != etag
    with pytest.raises(NetError) as info:  # a stale ETag
        put_event(dav_client, url, "p1", ics("p1", "Again"), etag)
    assert info.value.kind == "conflict" and "changed on the server" in str(info.value)
    href = event_url(url, "p1")
    with pytest.raises(NetError):
        delete_event(dav_client, href, etag)
    assert delete_event(dav_client, href, new_etag) is True
    assert delete_event(dav_client, href, None) is False  # already gone
    assert list_events(dav_client, url) == {}


def _puts(proxy: DroppingProxy) -> list[tuple[int, bool]]:
    return [(status, dropped) for method, _path, status, dropped in proxy.seen if method == "PUT"]


def test_a_create_whose_reply_was_lost_is_done(radicale: Radicale,
                                               dav_client: httpx.Client) -> None:
    """Issue 9: Radicale stores the event, the reply is lost (the proxy drops it), the retried
    create gets 412: the stored event is ours and the same, so the create is done."""
    with dropping_proxy(radicale.url) as proxy:
        url = radicale.collection().replace(radicale.url, proxy.url)
        ensure_calendar(dav_client, url)
        proxy.drop("PUT")
        etag = put_event(dav_client, url, "lost@m", ics("lost@m"))
        assert _puts(proxy) == [(201, True), (412, False)]
        assert etag and list(list_events(dav_client, url).values()) == [etag]


def test_a_retried_create_that_finds_another_event_is_a_conflict(
    radicale: Radicale, dav_client: httpx.Client
) -> None:
    """Only ours and the same: an event changed by someone else between the two tries (here:
    stored first with another summary) is still a conflict, and a create refused at the first
    try is one too (test_put_and_delete_preconditions)."""
    with dropping_proxy(radicale.url) as proxy:
        url = radicale.collection().replace(radicale.url, proxy.url)
        ensure_calendar(dav_client, url)
        put_event(dav_client, url, "taken@m", ics("taken@m", "Someone else's"))
        proxy.drop("PUT")
        with pytest.raises(NetError) as info:
            put_event(dav_client, url, "taken@m", ics("taken@m", "Ours"), overwrite=False)
        assert info.value.kind == "conflict" and "already exists" in str(info.value)
        # the dropped try was refused too (412), so both tries saw the other event
        assert _puts(proxy) == [(201, False), (412, True), (412, False)]


def test_refused_caldav_server(refused_url: str, dav_client: httpx.Client) -> None:
    with pytest.raises(NetError) as info:
        sync(dav_client, refused_url + "/alice/cal/", THREE)
    assert info.value.kind == "refused"
