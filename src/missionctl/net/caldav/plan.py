"""What to do to make a collection hold exactly the events we want: a pure function.

``plan(prepare(events), remote, collection=url)`` looks at what the server holds (the
:class:`RemoteEvent` list one REPORT gives) and returns one :class:`Action` per event and per
server resource, sending nothing:

* ``create``: no resource on the server carries the UID (a PUT with ``If-None-Match: *`` to
  :func:`.names.event_url`);
* ``update``: a resource carries it and differs from ours in canonical form (:mod:`.ics`): a
  PUT with ``If-Match`` on the ETag it was read with, so a change made meanwhile is never
  overwritten;
* ``unchanged``: equal in canonical form: no request at all;
* ``delete``: the server's event has a UID we do not want (only with ``remove_missing``, and only
  UIDs for which ``managed(uid)`` is true when given), also with ``If-Match``;
* ``skipped``: a resource whose UID cannot be read (unreadable data, none, or several): left
  alone, never deleted.

Matching is by the UID *inside* the data, not by resource name, so an event another client
stored under another name is updated, not duplicated. When two resources carry one UID, the
one at our own name for it is kept and the other is deleted (if managed).

The order is the order of writes: skipped first (no request), then our events in the order
given, then deletions, so a failure half-way never leaves the calendar emptier than before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from missionctl.net.caldav.ics import Canon, Parsed, parse
from missionctl.net.caldav.names import event_url, same_path
from missionctl.net.errors import NetError

if TYPE_CHECKING:
    from missionctl.net.caldav.protocol import RemoteEvent

__all__ = ["Action", "Kind", "Wanted", "plan", "prepare"]

Kind = Literal["create", "update", "delete", "unchanged", "skipped"]


@dataclass(frozen=True, slots=True)
class Wanted:
    """One event we want on the server: its bytes, read once (:func:`prepare`)."""

    uid: str
    body: bytes
    canon: Canon
    tzids: frozenset[str]


@dataclass(frozen=True, slots=True)
class Action:
    """One step. ``href``: the resource it concerns (for ``create``, where it will be);
    ``etag``: the precondition of an update or delete (None: none known); ``body``: what a
    create or update sends; ``uid`` is None only for ``skipped``."""

    kind: Kind
    uid: str | None
    href: str
    etag: str | None = None
    body: bytes | None = None


def prepare(events: Mapping[str, bytes]) -> dict[str, Wanted]:
    """{UID: iCalendar bytes} read and checked: each body must be readable iCalendar data whose
    only UID is its key, else NetError (kind ``input``) before anything is sent."""
    wanted: dict[str, Wanted] = {}
    for uid, body in events.items():
        parsed = parse(body)
        if parsed is None:
            raise NetError(f"event {uid!r} is not valid iCalendar data", kind="input")
        if parsed.uids != {uid}:
            shown = ", ".join(sorted(parsed.uids)) or "none"
            raise NetError(f"event {uid!r} carries UID(s) {shown}, not its own", kind="input")
        wanted[uid] = Wanted(uid, body, parsed.canon, parsed.tzids)
    return wanted


@dataclass(frozen=True, slots=True)
class _Stored:
    item: RemoteEvent
    parsed: Parsed


def plan(
    wanted: Mapping[str, Wanted],
    remote: Iterable[RemoteEvent],
    *,
    collection: str,
    remove_missing: bool = True,
    managed: Callable[[str], bool] | None = None,
) -> list[Action]:
    """The actions that make the collection at ``collection`` hold exactly ``wanted``, given
    what it holds (``remote``). Pure: reads nothing, sends nothing (see the module docstring)."""
    actions, stored, extra = _match(wanted, remote, collection)
    for uid, want in wanted.items():
        current = stored.get(uid)
        if current is None:
            actions.append(Action("create", uid, event_url(collection, uid), body=want.body))
        elif current.parsed.compared(want.tzids) == want.canon:
            actions.append(Action("unchanged", uid, current.item.url, current.item.etag))
        else:
            item = current.item
            actions.append(Action("update", uid, item.url, item.etag, want.body))
    if remove_missing:
        owned = managed or (lambda _uid: True)
        gone = [(uid, s) for uid, s in stored.items() if uid not in wanted]
        for uid, current in [*gone, *extra]:
            if owned(uid):
                actions.append(Action("delete", uid, current.item.url, current.item.etag))
    return actions


def _match(
    wanted: Mapping[str, Wanted], remote: Iterable[RemoteEvent], collection: str
) -> tuple[list[Action], dict[str, _Stored], list[tuple[str, _Stored]]]:
    """Server resources by the UID inside them: (skipped actions, the one kept per UID, the
    other copies). Of two copies, the one at our own name for the UID is kept."""
    skipped: list[Action] = []
    stored: dict[str, _Stored] = {}
    extra: list[tuple[str, _Stored]] = []
    for item in sorted(remote, key=lambda r: r.url):
        parsed = parse(item.data)
        if parsed is None or len(parsed.uids) != 1:
            skipped.append(Action("skipped", None, item.url, item.etag))
            continue
        (uid,) = parsed.uids
        found, current = _Stored(item, parsed), stored.get(uid)
        if current is None:
            stored[uid] = found
        elif uid in wanted and same_path(item.url, event_url(collection, uid)):
            extra.append((uid, current))  # keep the canonically named one
            stored[uid] = found
        else:
            extra.append((uid, found))
    return skipped, stored, extra
