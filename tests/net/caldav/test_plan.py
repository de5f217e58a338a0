"""The planner, without a server: every decision from (wanted, remote) alone."""

from __future__ import annotations

import pytest

from missionctl.net import NetError
from missionctl.net.caldav import Action, RemoteEvent, plan, prepare

from .bodies import THREE, VTIMEZONE, ics, with_tz

URL = "https://cal.example/dav/cal/"


def remote(name: str, body: bytes | str | None, etag: str | None = '"e"') -> RemoteEvent:
    data = body.decode() if isinstance(body, bytes) else body
    return RemoteEvent(URL + name, etag, data)


def kinds(actions: list[Action]) -> list[tuple[str, str | None]]:
    return [(a.kind, a.uid) for a in actions]


def test_empty_calendar_creates_everything_at_our_names() -> None:
    actions = plan(prepare(THREE), [], collection=URL)
    assert kinds(actions) == [("create", uid) for uid in THREE]
    assert [a.href for a in actions] == [URL + uid + ".ics" for uid in THREE]
    assert all(a.body == THREE[a.uid or ""] and a.etag is None for a in actions)


def test_equal_changed_and_missing() -> None:
    server = [
        remote("ev-1@mission.example.ics", THREE["ev-1@mission.example"], '"1"'),
        remote("ev-2@mission.example.ics", ics("ev-2@mission.example", "Old title", 11), '"2"'),
        remote("gone.ics", ics("gone@mission.example"), '"3"'),
    ]
    actions = plan(prepare(THREE), server, collection=URL)
    assert kinds(actions) == [
        ("unchanged", "ev-1@mission.example"),
        ("update", "ev-2@mission.example"),
        ("create", "ev-3@mission.example"),
        ("delete", "gone@mission.example"),
    ]
    update, delete = actions[1], actions[3]
    assert (update.href, update.etag) == (URL + "ev-2@mission.example.ics", '"2"')
    assert update.body == THREE["ev-2@mission.example"]
    assert (delete.href, delete.etag, delete.body) == (URL + "gone.ics", '"3"', None)


def test_matching_is_by_uid_inside_not_by_name() -> None:
    server = [remote("written-by-another-client.ics", THREE["ev-1@mission.example"])]
    actions = plan(prepare({"ev-1@mission.example": THREE["ev-1@mission.example"]}), server,
                   collection=URL)
    assert kinds(actions) == [("unchanged", "ev-1@mission.example")]
    assert actions[0].href == URL + "written-by-another-client.ics"


def test_deletions_respect_managed_and_remove_missing() -> None:
    server = [remote("a.ics", ics("a@ours")), remote("b.ics", ics("dentist@elsewhere"))]
    ours = plan({}, server, collection=URL, managed=lambda uid: uid.endswith("@ours"))
    assert kinds(ours) == [("delete", "a@ours")]
    assert plan({}, server, collection=URL, remove_missing=False) == []
    assert kinds(plan({}, server, collection=URL)) == [("delete", "a@ours"),
                                                        ("delete", "dentist@elsewhere")]


def test_unreadable_or_ambiguous_resources_are_skipped_never_deleted() -> None:
    server = [
        remote("broken.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\n"),
        remote("none.ics", None),
        remote("two.ics", ics("x") + ics("y")),
        remote("nouid.ics", ics("x").replace(b"UID:x\r\n", b"")),
    ]
    actions = plan({}, server, collection=URL)
    assert kinds(actions) == [("skipped", None)] * 4
    assert sorted(a.href for a in actions) == sorted(r.url for r in server)


def test_two_copies_of_one_uid_keep_the_one_at_our_name() -> None:
    uid = "ev-1@mission.example"
    body = THREE[uid]
    server = [remote("aaa-copy.ics", body, '"c"'), remote(f"{uid}.ics", body, '"o"')]
    actions = plan(prepare({uid: body}), server, collection=URL)
    assert kinds(actions) == [("unchanged", uid), ("delete", uid)]
    assert actions[0].href == URL + f"{uid}.ics" and actions[1].href == URL + "aaa-copy.ics"
    # a copy of a UID we no longer want is deleted with the first one
    gone = plan({}, server, collection=URL)
    assert sorted(a.href for a in gone) == sorted(r.url for r in server)


def test_writes_come_before_deletions() -> None:
    server = [remote("z.ics", ics("old")), remote("a.ics", ics("older"))]
    order = [a.kind for a in plan(prepare(THREE), server, collection=URL)]
    assert order == ["create"] * 3 + ["delete"] * 2


def test_server_added_vtimezone_is_no_change_but_ours_is_compared() -> None:
    uid = "ev-1@mission.example"
    plain, zoned = THREE[uid], with_tz(THREE[uid])
    assert kinds(plan(prepare({uid: plain}), [remote("x.ics", zoned)], collection=URL)) == [
        ("unchanged", uid)
    ]
    fixed = with_tz(plain, VTIMEZONE.replace("TZNAME:+00", "TZNAME:+00\r\nCOMMENT:tz 2026c"))
    assert kinds(plan(prepare({uid: fixed}), [remote("x.ics", zoned)], collection=URL)) == [
        ("update", uid)
    ]


def test_a_weak_or_missing_etag_is_passed_on_as_read() -> None:
    uid = "ev-1@mission.example"
    server = [remote("x.ics", ics(uid, "Old"), None)]
    (action,) = plan(prepare({uid: THREE[uid]}), server, collection=URL)
    assert (action.kind, action.etag) == ("update", None)


def test_prepare_refuses_bodies_before_anything_is_sent() -> None:
    with pytest.raises(NetError) as info:
        prepare({"a": ics("b")})
    assert str(info.value) == "event 'a' carries UID(s) b, not its own"
    with pytest.raises(NetError) as info:
        prepare({"a": b"not a calendar"})
    assert info.value.kind == "input"
    with pytest.raises(NetError) as info:
        prepare({"a": ics("a") + ics("b")})
    assert "carries UID(s) a, b" in str(info.value)
