"""`missionctl publish` against real Radicale processes on loopback."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest

from missionctl.loader import load
from missionctl.net.caldav import fetch_events, put_event
from missionctl.net.http import make_client
from missionctl.netcmd import publish

from .conftest import (
    FAST,
    RADICALE_PASSWORD,
    RADICALE_USER,
    Cli,
    Example,
    FakeService,
    Fault,
    Radicale,
    WriteMission,
    one_error_line,
)

SMALL = """\
people:
  ana: {name: Ana Silva, email: ana@example.org, private: [email]}
  rui: {name: Rui Costa, email: rui@example.org}
venues:
  hotel: {name: Hotel Anfa, city: Casablanca, address: Boulevard d'Anfa}
events:
  briefing:
    kind: briefing
    title: Briefing
    venue: hotel
    start: 2027-05-11 08:00
    end: "09:00"
    attendees: [ana, rui]
  lunch:
    kind: meal
    title: Lunch
    venue: hotel
    start: 2027-05-11 13:00
    end: "14:00"
    attendees: [ana]
  dinner:
    kind: meal
    title: Dinner
    venue: hotel
    start: 2027-05-11 20:00
    end: "21:00"
    status: cancelled
    attendees: [rui]
"""


@pytest.fixture
def user(monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh Radicale user (auth none: any password), so each test has its own home."""
    name = f"u{uuid.uuid4().hex[:10]}"
    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", name)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", "x")
    return name


def stored(radicale: Radicale, url: str) -> list[str]:
    """The event data Radicale keeps in a collection, read from its storage folder."""
    return [p.read_text() for p in radicale.stored_items(url)]


def test_publish_republish_change_remove(cli: Cli, mission: WriteMission, radicale: Radicale,
                                         user: str) -> None:
    path = mission(SMALL)
    url = radicale.collection(user)
    code, out, err = cli("publish", path, "--caldav", url)
    assert code == 0, err
    assert out == f"{url} (whole mission): 3 created, 0 updated, 0 unchanged, 0 deleted\n"
    items = stored(radicale, url)
    assert len(items) == 3
    assert sum("UID:briefing@netcmd-test.missionctl" in t for t in items) == 1
    assert sum("STATUS:CANCELLED" in t for t in items) == 1  # cancelled events are published

    code, out, _ = cli("publish", path, "--caldav", url)
    assert code == 0
    assert "0 created, 0 updated, 3 unchanged, 0 deleted" in out
    assert len(stored(radicale, url)) == 3

    path.write_text(path.read_text().replace("title: Lunch", "title: Working lunch"))
    code, out, _ = cli("publish", path, "--caldav", url)
    assert "0 created, 1 updated, 2 unchanged, 0 deleted" in out
    assert sum("SUMMARY:Working lunch" in t for t in stored(radicale, url)) == 1

    text = path.read_text()
    path.write_text(text[:text.index("  dinner:")])
    code, out, _ = cli("publish", path, "--caldav", url)
    assert "0 created, 0 updated, 2 unchanged, 1 deleted" in out
    assert len(stored(radicale, url)) == 2


def test_only_this_missions_events_are_deleted(cli: Cli, mission: WriteMission, radicale: Radicale,
                                               user: str) -> None:
    path = mission(SMALL)
    url = radicale.collection(user)
    assert cli("publish", path, "--caldav", url)[0] == 0
    foreign = {
        "dentist@example.org": "Dentist",
        "visit@other-mission.missionctl": "Another mission's visit",
        "visit@netcmd-test.missionctl.example": "Looks like ours, is not",
    }
    with make_client(timeout=5, retry=FAST, auth=httpx.BasicAuth(user, "x")) as c:
        for uid, summary in foreign.items():
            body = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
                    f"UID:{uid}\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270511T100000Z\r\n"
                    f"DTEND:20270511T110000Z\r\nSUMMARY:{summary}\r\nEND:VEVENT\r\n"
                    "END:VCALENDAR\r\n")
            put_event(c, url, uid, body.encode())
    text = path.read_text()
    path.write_text(text[:text.index("  lunch:")])  # two events fewer
    _code, out, _ = cli("publish", path, "--caldav", url)
    assert "0 created, 0 updated, 1 unchanged, 2 deleted" in out
    with make_client(timeout=5, retry=FAST, auth=httpx.BasicAuth(user, "x")) as c:
        uids = {uid for e in fetch_events(c, url) for uid in e.uids}
    assert uids == {"briefing@netcmd-test.missionctl", *foreign}


def test_per_person(cli: Cli, mission: WriteMission, radicale: Radicale, user: str) -> None:
    path = mission(SMALL)
    home = f"{radicale.url}/{user}/"
    code, out, err = cli("publish", path, "--caldav", home, "--per-person")
    assert code == 0, err
    assert f"{home}ana/ (ana): 2 created" in out
    assert f"{home}rui/ (rui): 2 created" in out
    assert "2 calendars: 4 created, 0 updated, 0 unchanged, 0 deleted" in out
    ana = stored(radicale, f"{home}ana/")
    rui = stored(radicale, f"{home}rui/")
    assert len(ana) == 2 and len(rui) == 2
    assert any("UID:lunch@netcmd-test.missionctl" in t for t in ana)
    assert not any("UID:lunch@" in t for t in rui)
    # Ana's e-mail is private: left out of the calendars by default
    assert not any("ana@example.org" in t for t in ana + rui)
    assert any("rui@example.org" in t for t in rui)

    code, out, _ = cli("publish", path, "--caldav", home, "--per-person")
    assert "2 calendars: 0 created, 0 updated, 4 unchanged, 0 deleted" in out
    # Ana leaves the briefing: her calendar loses it, Rui's keeps it
    path.write_text(path.read_text().replace("attendees: [ana, rui]", "attendees: [rui]"))
    code, out, _ = cli("publish", path, "--caldav", home, "--per-person")
    assert f"{home}ana/ (ana): 0 created, 0 updated, 1 unchanged, 1 deleted" in out
    assert f"{home}rui/ (rui): 0 created, 1 updated, 1 unchanged, 0 deleted" in out


def test_include_private(cli: Cli, mission: WriteMission, radicale: Radicale, user: str) -> None:
    path = mission(SMALL)
    url = radicale.collection(user)
    assert cli("publish", path, "--caldav", url, "--include-private")[0] == 0
    assert any("ana@example.org" in t for t in stored(radicale, url))


def test_times_utc_stores_utc_instants_without_vtimezone(cli: Cli, mission: WriteMission,
                                                         radicale: Radicale, user: str) -> None:
    """`--times utc`: what the server stores needs no tz data; switching back updates all."""
    path = mission(SMALL)
    url = radicale.collection(user)
    code, out, err = cli("publish", path, "--caldav", url, "--times", "utc")
    assert code == 0, err
    items = stored(radicale, url)
    assert len(items) == 3
    assert not any("VTIMEZONE" in t or "TZID" in t for t in items)
    assert sum("DTSTART:20270511T080000Z" in t for t in items) == 1  # 08:00 in Casablanca
    code, out, _ = cli("publish", path, "--caldav", url, "--times", "utc")
    assert "0 created, 0 updated, 3 unchanged, 0 deleted" in out
    code, out, _ = cli("publish", path, "--caldav", url)
    assert "0 created, 3 updated, 0 unchanged, 0 deleted" in out
    assert all("DTSTART;TZID=Africa/Casablanca:" in t for t in stored(radicale, url))


def test_a_lost_reply_to_a_create_is_not_a_conflict(cli: Cli, mission: WriteMission,
                                                     radicale: Radicale, user: str) -> None:
    """Issue 9: the server stores an event but its reply is lost; publish retries the create
    (If-None-Match: *), gets 412, and used to report "an event already exists" (exit 1). A
    real Radicale behind a proxy that drops the first PUT's reply: publish succeeds, and a
    second publish finds everything unchanged."""
    from net.dropping_proxy import dropping_proxy

    path = mission(SMALL)
    direct = radicale.collection(user)
    with dropping_proxy(radicale.url) as proxy:
        url = direct.replace(radicale.url, proxy.url)
        proxy.drop("PUT")
        code, out, err = cli("publish", path, "--caldav", url)
        assert code == 0, err
        assert "3 created, 0 updated, 0 unchanged, 0 deleted" in out
        puts = [(status, dropped) for method, _p, status, dropped in proxy.seen
                if method == "PUT"]
        assert puts[:2] == [(201, True), (412, False)] and len(puts) == 4
        code, out, _ = cli("publish", path, "--caldav", url)
        assert "0 created, 0 updated, 3 unchanged, 0 deleted" in out
    assert len(stored(radicale, direct)) == 3  # each event once


def test_dry_run_writes_nothing(cli: Cli, mission: WriteMission, radicale: Radicale,
                                user: str) -> None:
    path = mission(SMALL)
    url = radicale.collection(user)
    code, out, err = cli("publish", path, "--caldav", url, "--dry-run")
    assert code == 0, err
    assert "3 created, 0 updated, 0 unchanged, 0 deleted (dry run: nothing was sent)" in out
    assert "  would create briefing@netcmd-test.missionctl (Briefing)" in out
    assert stored(radicale, url) == []
    assert not (radicale.folder / "collection-root" / user / url.rstrip("/").rsplit("/")[-1]
                ).exists()  # not even the calendar was created

    assert cli("publish", path, "--caldav", url)[0] == 0
    before = [p.read_bytes() for p in radicale.stored_items(url)]
    path.write_text(path.read_text().replace("title: Lunch", "title: Late lunch"))
    code, out, _ = cli("publish", path, "--caldav", url, "--dry-run")
    assert "0 created, 1 updated, 2 unchanged, 0 deleted (dry run" in out
    assert "  would update lunch@netcmd-test.missionctl (Late lunch)" in out
    assert [p.read_bytes() for p in radicale.stored_items(url)] == before


def test_example_mission(cli: Cli, example: Example, radicale: Radicale, user: str) -> None:
    path = example()
    loaded = load(path)
    assert loaded.mission is not None
    count = len(loaded.mission.events)
    url = radicale.collection(user)
    code, out, err = cli("publish", path, "--caldav", url)
    assert code == 0, err
    assert f"{count} created" in out
    assert len(radicale.stored_items(url)) == count
    code, out, _ = cli("publish", path, "--caldav", url)
    assert f"0 created, 0 updated, {count} unchanged, 0 deleted" in out


def test_wrong_password(cli: Cli, mission: WriteMission, radicale_htpasswd: Radicale,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = mission(SMALL)
    url = radicale_htpasswd.collection(RADICALE_USER)
    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", RADICALE_USER)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", "wrong-Pa55word")
    code, out, err = cli("publish", path, "--caldav", url)
    assert code == 1
    line = one_error_line(err)
    assert "authentication failed for 127.0.0.1" in line
    assert "MISSIONCTL_CALDAV_USER" in line
    assert "wrong-Pa55word" not in out + err
    assert radicale_htpasswd.stored_items(url) == []

    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", RADICALE_PASSWORD)
    code, out, err = cli("publish", path, "--caldav", url)
    assert code == 0, err
    assert RADICALE_PASSWORD not in out + err


def test_credentials_from_netrc(cli: Cli, mission: WriteMission, radicale_htpasswd: Radicale,
                                tmp_path: Path) -> None:
    path = mission(SMALL)
    netrc = Path.home() / ".netrc"
    netrc.write_text(f"machine 127.0.0.1 login {RADICALE_USER} password {RADICALE_PASSWORD}\n")
    netrc.chmod(0o600)
    url = radicale_htpasswd.collection(RADICALE_USER)
    code, out, err = cli("publish", path, "--caldav", url)
    assert code == 0, err
    assert "3 created" in out
    assert RADICALE_PASSWORD not in out + err


def test_credentials_in_the_url_are_never_printed(cli: Cli, mission: WriteMission,
                                                  radicale_htpasswd: Radicale) -> None:
    path = mission(SMALL)
    url = radicale_htpasswd.collection(RADICALE_USER)
    with_secret = url.replace("http://", f"http://{RADICALE_USER}:{RADICALE_PASSWORD}@")
    code, out, err = cli("publish", path, "--caldav", with_secret)
    assert code == 0, err
    assert RADICALE_PASSWORD not in out + err
    assert url in out


def test_half_set_credentials(cli: Cli, mission: WriteMission, radicale: Radicale,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = mission(SMALL)
    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", "alice")
    code, _out, err = cli("publish", path, "--caldav", radicale.collection())
    assert code == 1
    assert "MISSIONCTL_CALDAV_PASSWORD is not" in one_error_line(err)


def test_format_errors_stop_before_the_network(cli: Cli, mission: WriteMission,
                                               service: FakeService) -> None:
    path = mission(SMALL.replace("    title: Lunch\n", ""))
    code, out, err = cli("publish", path, "--caldav", service.url + "/cal/")
    assert code == 1
    assert "MC004" in err and "nothing was sent" in err
    assert out == ""
    assert service.requests == []


def test_server_faults(cli: Cli, mission: WriteMission, service: FakeService,
                       refused_url: str) -> None:
    path = mission(SMALL)
    code, _out, err = cli("publish", path, "--caldav", refused_url + "/cal/")
    assert code == 1
    assert "connection refused" in one_error_line(err)
    # not a CalDAV server: the fake answers PROPFIND with 405 and JSON
    code, _out, err = cli("publish", path, "--caldav", service.url + "/cal/")
    assert code == 1
    assert "HTTP 405" in one_error_line(err)
    service.add_fault("/cal/", Fault(status=207, body=b"<html>captive portal</html>",
                                     headers={"Content-Type": "application/xml"}))
    code, _out, err = cli("publish", path, "--caldav", service.url + "/cal/")
    assert code == 1
    assert "malformed answer from CalDAV server" in one_error_line(err)
    service.add_fault("/cal/", *[Fault(delay=3)] * FAST.attempts)
    code, _out, err = cli("publish", path, "--caldav", service.url + "/cal/", "--timeout",
                          "0.3")
    assert code == 1
    assert "timed out reading from 127.0.0.1" in one_error_line(err)
    code, _out, err = cli("publish", path, "--caldav", "ftp://example.org/cal/")
    assert code == 1
    assert "not an http(s) URL" in one_error_line(err)


def test_per_person_needs_an_existing_home(cli: Cli, mission: WriteMission, radicale: Radicale,
                                           user: str) -> None:
    path = mission(SMALL)
    for dry in ((), ("--dry-run",)):
        code, _out, err = cli("publish", path, "--caldav", f"{radicale.url}/{user}/nope/",
                              "--per-person", *dry)
        assert code == 1
        assert "/nope/ does not exist; with --per-person, --caldav names an existing " \
            "collection" in one_error_line(err)
    calendar = radicale.collection(user)
    assert cli("publish", path, "--caldav", calendar)[0] == 0
    code, _out, err = cli("publish", path, "--caldav", calendar, "--per-person")
    assert code == 1
    assert "is a calendar; with --per-person" in one_error_line(err)


def test_library_collections(mission: WriteMission) -> None:
    loaded = load(mission(SMALL))
    assert loaded.mission is not None
    cols = publish.collections(loaded.mission, "http://u:p@cal.example/dav/cal", per_person=True)
    assert [(c.url, c.label, sorted(c.events)) for c in cols] == [
        ("http://cal.example/dav/cal/ana/", "ana",
         ["briefing@netcmd-test.missionctl", "lunch@netcmd-test.missionctl"]),
        ("http://cal.example/dav/cal/rui/", "rui",
         ["briefing@netcmd-test.missionctl", "dinner@netcmd-test.missionctl"]),
    ]
    owned = publish.managed("netcmd-test")
    assert owned("x@netcmd-test.missionctl")
    assert not owned("x@netcmd-test.missionctl.evil") and not owned("x@other.missionctl")
