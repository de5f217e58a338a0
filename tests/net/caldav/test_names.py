"""Collection URLs and the names new events get."""

from __future__ import annotations

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.caldav import collection_url, event_url, list_events, sync
from missionctl.net.caldav.names import same_path

from ..conftest import Radicale
from .bodies import ics


def test_not_http_url() -> None:
    with pytest.raises(NetError):
        collection_url("ftp://cal.example/x")


def test_collection_url_drops_userinfo_query_and_fragment() -> None:
    assert collection_url("https://u:p@cal.example/dav/cal?x=1#f") == "https://cal.example/dav/cal/"
    assert collection_url("http://cal.example:8080/a/") == "http://cal.example:8080/a/"
    with pytest.raises(NetError) as info:
        collection_url("http://[::1/x")
    assert info.value.kind == "input"


def test_event_names() -> None:
    base = "https://cal.example/dav/cal"
    assert event_url(base, "visit@m.missionctl") == f"{base}/visit@m.missionctl.ics"
    assert event_url(base, "b2b.14:00.1@m").startswith(f"{base}/mc-")  # ':' is not safe
    hashed = event_url(base, "a/b")
    assert hashed == event_url(base, "a/b") and hashed != event_url(base, "a/c")
    assert len(hashed.rpartition("/mc-")[2]) == 32 + len(".ics")


def test_same_path() -> None:
    assert same_path("http://h/a/b%40c.ics", "https://other/a/b@c.ics")
    assert same_path("http://h/cal/", "http://h/cal")
    assert not same_path("http://h/cal/x.ics", "http://h/cal/y.ics")


def test_unsafe_uid_gets_a_hashed_name(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    uid = "mission/2027 day#1?"
    assert "/mc-" in event_url(url, uid)
    assert sync(dav_client, url, {uid: ics(uid)}).created == [uid]
    assert sync(dav_client, url, {uid: ics(uid)}).unchanged == [uid]
    (href,) = list_events(dav_client, url)
    assert href == event_url(url, uid)
