"""The CalDAV client against real Radicale 3 processes on loopback."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.caldav import (
    AUTH_HINT,
    canonical_ics,
    collection_url,
    credentials_for,
    delete_event,
    ensure_calendar,
    event_url,
    fetch_events,
    ics_uids,
    list_events,
    put_event,
    sync,
)
from missionctl.net.http import make_client

from .conftest import FAST, RADICALE_PASSWORD, RADICALE_USER, Radicale


def ics(
    uid: str, summary: str = "Meeting", day: int = 10, *, stamp: str = "20270101T000000Z"
) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//missionctl//test//EN",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID=Africa/Casablanca:202705{day:02d}T090000",
        f"DTEND;TZID=Africa/Casablanca:202705{day:02d}T100000",
        f"SUMMARY:{summary}",
        'ATTENDEE;CN="Doe, Jane";ROLE=REQ-PARTICIPANT:mailto:jane@example.org',
        "DESCRIPTION:A long description that the server will certainly fold because it is much"
        " longer than seventy-five octets\\, with an escaped comma",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines).encode()


THREE = {
    "ev-1@mission.example": ics("ev-1@mission.example", "Opening", 10),
    "ev-2@mission.example": ics("ev-2@mission.example", "Réunion CCI", 11),
    "ev-3@mission.example": ics("ev-3@mission.example", "Site visit", 12),
}


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


def test_unsafe_uid_gets_a_hashed_name(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    uid = "mission/2027 day#1?"
    assert "/mc-" in event_url(url, uid)
    assert sync(dav_client, url, {uid: ics(uid)}).created == [uid]
    assert sync(dav_client, url, {uid: ics(uid)}).unchanged == [uid]
    (href,) = list_events(dav_client, url)
    assert href == event_url(url, uid)


def test_body_must_carry_its_uid(radicale: Radicale, dav_client: httpx.Client) -> None:
    url = radicale.collection()
    with pytest.raises(NetError) as info:
        sync(dav_client, url, {"a": ics("b")})
    assert str(info.value) == "event 'a' carries UID(s) b, not its own"
    with pytest.raises(NetError) as info:
        sync(dav_client, url, {"a": b"not a calendar"})
    assert info.value.kind == "input"


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


def test_canonical_form_ignores_server_rewrites() -> None:
    ours = ics("u1")
    # what Radicale gave back for a similar event: LF, sorted properties, refolded lines
    theirs = (
        "BEGIN:VCALENDAR\nPRODID:-//missionctl//test//EN\nVERSION:2.0\nBEGIN:VEVENT\n"
        "UID:u1\nDTSTART;TZID=Africa/Casablanca:20270510T090000\n"
        "DTEND;TZID=Africa/Casablanca:20270510T100000\n"
        'ATTENDEE;ROLE=REQ-PARTICIPANT;CN="Doe, Jane":mailto:jane@example.org\n'
        "DESCRIPTION:A long description that the server will certainly fold becaus\n"
        " e it is much longer than seventy-five octets\\, with an escaped comma\n"
        "DTSTAMP:20990101T000000Z\nsummary:Meeting\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    assert canonical_ics(ours) == canonical_ics(theirs)
    assert canonical_ics(ours) != canonical_ics(ics("u1", "Other"))
    assert canonical_ics(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n") is None
    assert ics_uids(ours) == {"u1"}


# --- credentials ---------------------------------------------------------------------------------


def auth_client(auth: httpx.Auth | None) -> httpx.Client:
    return make_client(timeout=5, retry=FAST, auth=auth)


def test_htpasswd_with_environment_credentials(
    radicale_htpasswd: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", RADICALE_USER)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", RADICALE_PASSWORD)
    url = radicale_htpasswd.collection()
    with auth_client(credentials_for(url)) as c:
        assert len(sync(c, url, THREE).created) == 3


def test_wrong_password_is_a_clear_401(
    radicale_htpasswd: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", RADICALE_USER)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", "wrong-Pa55word")
    url = radicale_htpasswd.collection()
    with auth_client(credentials_for(url)) as c, pytest.raises(NetError) as info:
        sync(c, url, THREE)
    host = radicale_htpasswd.url.removeprefix("http://")
    assert str(info.value) == f"authentication failed for {host}: {AUTH_HINT}"
    assert info.value.kind == "auth" and info.value.status == 401
    assert "wrong-Pa55word" not in repr(info.value)


def test_no_credentials_is_a_clear_401(radicale_htpasswd: Radicale) -> None:
    url = radicale_htpasswd.collection()
    assert credentials_for(url) is None
    with auth_client(None) as c, pytest.raises(NetError) as info:
        ensure_calendar(c, url)
    assert info.value.kind == "auth"
    assert "MISSIONCTL_CALDAV_USER" in str(info.value) and "netrc" in str(info.value)


def test_credentials_from_netrc(
    radicale_htpasswd: Radicale, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    netrc = tmp_path / "my-netrc"
    netrc.write_text(
        f"machine other.example login x password y\n"
        f"machine 127.0.0.1 login {RADICALE_USER} password {RADICALE_PASSWORD}\n"
    )
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    url = radicale_htpasswd.collection()
    with auth_client(credentials_for(url)) as c:
        assert len(sync(c, url, THREE).created) == 3


def test_userinfo_in_url_is_used_and_never_shown(radicale_htpasswd: Radicale) -> None:
    good = radicale_htpasswd.collection().replace(
        "http://", f"http://{RADICALE_USER}:{RADICALE_PASSWORD}@"
    )
    with auth_client(credentials_for(good)) as c:
        assert sync(c, good, THREE).created
        listed = list_events(c, good)
    assert all("@127.0.0.1" not in href and RADICALE_PASSWORD not in href for href in listed)
    bad = good.replace(RADICALE_PASSWORD, "nope-n0pe")
    with auth_client(credentials_for(bad)) as c, pytest.raises(NetError) as info:
        sync(c, bad, THREE)
    assert "nope-n0pe" not in str(info.value) and RADICALE_USER not in str(info.value)


def test_credentials_precedence_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home_netrc = Path.home() / ".netrc"
    home_netrc.write_text("machine cal.example login netrc-user password netrc-pass\n")
    home_netrc.chmod(0o600)

    def header(auth: httpx.Auth | None) -> str:
        assert isinstance(auth, httpx.BasicAuth)
        request = httpx.Request("GET", "https://cal.example/")
        return next(auth.auth_flow(request)).headers["Authorization"]

    netrc_auth = credentials_for("https://cal.example/dav/")
    assert header(netrc_auth) == httpx.BasicAuth("netrc-user", "netrc-pass")._auth_header
    url_auth = credentials_for("https://u%40x:p%3Aw@cal.example/dav/")
    assert header(url_auth) == httpx.BasicAuth("u@x", "p:w")._auth_header
    assert credentials_for("https://elsewhere.example/") is None

    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", "env-user")
    with pytest.raises(NetError) as info:
        credentials_for("https://cal.example/")
    assert info.value.kind == "config" and "MISSIONCTL_CALDAV_PASSWORD is not" in str(info.value)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", "env-pass")
    env_auth = credentials_for("https://u:p@cal.example/")
    assert header(env_auth) == httpx.BasicAuth("env-user", "env-pass")._auth_header


def test_permissive_or_broken_netrc(monkeypatch: pytest.MonkeyPatch) -> None:
    home_netrc = Path.home() / ".netrc"
    home_netrc.write_text("machine cal.example login me password topsecret\n")
    home_netrc.chmod(0o644)
    with pytest.raises(NetError) as info:
        credentials_for("https://cal.example/")
    assert "topsecret" not in str(info.value) and ".netrc" in str(info.value)
    home_netrc.write_text('machine cal.example login me password "unterminated\n')
    home_netrc.chmod(0o600)
    try:
        credentials_for("https://cal.example/")
    except NetError as err:  # whether this parses depends on the Python version
        assert "unterminated" not in str(err) and err.kind == "config"


def test_refused_caldav_server(refused_url: str, dav_client: httpx.Client) -> None:
    with pytest.raises(NetError) as info:
        sync(dav_client, refused_url + "/alice/cal/", THREE)
    assert info.value.kind == "refused"


def test_not_http_url() -> None:
    with pytest.raises(NetError):
        collection_url("ftp://cal.example/x")


VTIMEZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Africa/Casablanca\r\n"
    "BEGIN:STANDARD\r\nDTSTART:20260920T030000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n"
    "TZNAME:+00\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)


def with_tz(body: bytes, vtimezone: str = VTIMEZONE) -> bytes:
    return body.replace(b"BEGIN:VEVENT", vtimezone.encode() + b"BEGIN:VEVENT", 1)


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


def test_client_for_uses_the_credentials(
    radicale_htpasswd: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    from missionctl.net.caldav import client_for

    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", RADICALE_USER)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", RADICALE_PASSWORD)
    url = radicale_htpasswd.collection()
    with client_for(url, timeout=5, retry=FAST) as c:
        assert ensure_calendar(c, url) is True
