"""sync (read, plan, apply) against real Radicale 3 processes on loopback."""

from __future__ import annotations

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.caldav import (
    Action,
    apply,
    collection_url,
    ensure_calendar,
    fetch_events,
    list_events,
    put_event,
    sync,
)

from ..conftest import Radicale
from .bodies import THREE, VTIMEZONE, ics, with_tz


def test_publish_republish_update_delete(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    progress: list[tuple[int, int, str]] = []
    first = sync(dav_client, url, THREE, progress=lambda d, t, w: progress.append((d, t, w)))
    assert sorted(first.created) == sorted(THREE) and not first.updated and not first.deleted
    assert [p[:2] for p in progress] == [(1, 3), (2, 3), (3, 3)]
    assert len(list_events(dav_client, url)) == 3
    assert len(radicale.stored_items(url)) == 3

    # the same events again: nothing written, nothing duplicated
    again = sync(dav_client, url, THREE)
    assert sorted(again.unchanged) == sorted(THREE)
    assert again.created == again.updated == again.deleted == []
    assert len(list_events(dav_client, url)) == 3
    assert again.summary() == "0 created, 0 updated, 3 unchanged, 0 deleted"

    # a fresh DTSTAMP alone is not a change
    restamped = {
        uid: body.replace(b"20270101T000000Z", b"20270301T120000Z") for uid, body in THREE.items()
    }
    assert sorted(sync(dav_client, url, restamped).unchanged) == sorted(THREE)

    # one event changed: updated in place
    changed = dict(THREE)
    changed["ev-2@mission.example"] = ics("ev-2@mission.example", "Réunion CCI (moved)", 13)
    report = sync(dav_client, url, changed)
    assert report.updated == ["ev-2@mission.example"] and len(report.unchanged) == 2
    events = fetch_events(dav_client, url)
    assert len(events) == 3
    stored = {next(iter(e.uids)): e.data for e in events}
    assert "Réunion CCI (moved)" in (stored["ev-2@mission.example"] or "")

    # one event removed from the mission: deleted on the server
    fewer = {k: v for k, v in changed.items() if k != "ev-3@mission.example"}
    report = sync(dav_client, url, fewer)
    assert report.deleted == ["ev-3@mission.example"] and len(report.unchanged) == 2
    assert len(list_events(dav_client, url)) == 2
    assert len(radicale.stored_items(url)) == 2

    # remove_missing=False keeps what the mission no longer has
    report = sync(
        dav_client,
        url,
        {"ev-1@mission.example": THREE["ev-1@mission.example"]},
        remove_missing=False,
    )
    assert report.deleted == [] and len(list_events(dav_client, url)) == 2


def test_dry_run_writes_nothing(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    report = sync(dav_client, url, THREE, dry_run=True)
    assert sorted(report.created) == sorted(THREE) and report.dry_run
    assert "dry run" in report.summary()
    assert ensure_calendar(dav_client, url) is True  # the dry run did not even create it
    sync(dav_client, url, THREE)
    report = sync(
        dav_client, url, {"ev-1@mission.example": ics("ev-1@mission.example", "New")}, dry_run=True
    )
    assert report.updated == ["ev-1@mission.example"]
    assert sorted(report.deleted) == ["ev-2@mission.example", "ev-3@mission.example"]
    assert len(list_events(dav_client, url)) == 3


def test_foreign_events_are_matched_by_uid_and_managed_filter(
    radicale: Radicale, dav_client: httpx.Client
) -> None:
    url = radicale.collection()
    ensure_calendar(dav_client, url)
    # another client stored our event under its own name, plus one of the user's own
    put_event(dav_client, url, "ev-1@mission.example", THREE["ev-1@mission.example"],
              href=collection_url(url) + "other-name.ics")  # fmt: skip
    put_event(dav_client, url, "dentist", ics("dentist", "Dentist"))
    report = sync(dav_client, url, THREE, managed=lambda uid: uid.endswith("@mission.example"))
    assert report.unchanged == ["ev-1@mission.example"]
    assert sorted(report.created) == ["ev-2@mission.example", "ev-3@mission.example"]
    assert report.deleted == []  # the dentist is not ours
    hrefs = list_events(dav_client, url)
    assert len(hrefs) == 4 and collection_url(url) + "other-name.ics" in hrefs


def test_body_must_carry_its_uid(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    with pytest.raises(NetError) as info:
        sync(dav_client, url, {"a": ics("b")})
    assert str(info.value) == "event 'a' carries UID(s) b, not its own"
    with pytest.raises(NetError) as info:
        sync(dav_client, url, {"a": b"not a calendar"})
    assert info.value.kind == "input"


def test_our_vtimezone_is_compared_and_updated(
    radicale: Radicale, dav_client: httpx.Client
) -> None:
    url = radicale.collection()
    events = {uid: with_tz(body) for uid, body in THREE.items()}
    assert len(sync(dav_client, url, events).created) == 3
    assert len(sync(dav_client, url, events).unchanged) == 3
    # a corrected VTIMEZONE (say, new tz data) must reach the server
    fixed = VTIMEZONE.replace("TZNAME:+00", "TZNAME:+00\r\nCOMMENT:tz 2026c")
    report = sync(dav_client, url, {uid: with_tz(body, fixed) for uid, body in THREE.items()})
    assert len(report.updated) == 3 and report.unchanged == []
    stored = fetch_events(dav_client, url)
    assert all("tz 2026c" in (e.data or "") for e in stored)
    assert len(stored) == 3


def test_apply_reports_progress_and_skips_what_needs_no_request(
    radicale: Radicale, dav_client: httpx.Client
) -> None:
    url = radicale.collection()
    ensure_calendar(dav_client, url)
    uid = "ev-1@mission.example"
    actions = [
        Action("skipped", None, "http://u:secret@cal.example/x.ics"),
        Action("unchanged", "same", url + "same.ics"),
        Action("create", uid, url + "mine.ics", body=THREE[uid]),
    ]
    seen: list[tuple[int, int, str]] = []
    report = apply(dav_client, actions, progress=lambda d, t, w: seen.append((d, t, w)))
    assert seen == [(1, 1, f"create {uid}")]
    assert report.skipped == ["http://cal.example/x.ics"] and report.unchanged == ["same"]
    assert report.created == [uid]
    assert list(list_events(dav_client, url)) == [url + "mine.ics"]
    # a stale ETag on update stops the run with a conflict: nothing is overwritten
    stale = Action("update", uid, url + "mine.ics", '"stale"', ics(uid, "Changed"))
    with pytest.raises(NetError) as info:
        apply(dav_client, [stale])
    assert info.value.kind == "conflict"
    assert "Changed" not in (fetch_events(dav_client, url)[0].data or "")
