"""The CalDAV requests (RFC 4918 / 4791 subset), over :func:`missionctl.net.http.request`.

Only what ``missionctl publish`` needs: PROPFIND (probing a URL, listing a collection),
MKCALENDAR with an extended-MKCOL fallback (RFC 5689), REPORT calendar-query, and PUT and DELETE
with ETag preconditions, so that a change made on the server since we read it is never
overwritten or deleted (HTTP 412 becomes a NetError of kind ``conflict``).

Nothing here judges iCalendar data: a :class:`RemoteEvent` carries the stored text as the
server gave it, and :mod:`.ics` and :mod:`.plan` decide what it means. One exception: a create
that was retried and then refused with 412 compares the stored event with ours in :mod:`.ics`'s
canonical form, to tell a lost reply (ours, the same: done) from a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape

import httpx

from missionctl.net.caldav import multistatus
from missionctl.net.caldav.auth import AUTH_HINT
from missionctl.net.caldav.ics import ics_uids, parse
from missionctl.net.caldav.multistatus import CALDAV, DavItem, etag_of, is_calendar, is_collection
from missionctl.net.caldav.names import collection_url, event_url, same_path
from missionctl.net.errors import NetError, display_url
from missionctl.net.http import RetryEvent, RetryPolicy, policy_for, request

__all__ = [
    "RemoteEvent",
    "calendar_exists",
    "delete_event",
    "ensure_calendar",
    "fetch_events",
    "list_events",
    "probe",
    "put_event",
]

_XML = "application/xml; charset=utf-8"
_HEAD = '<?xml version="1.0" encoding="utf-8"?>'


def dav(
    client: httpx.Client, method: str, url: str, *, accept: tuple[int, ...] = (), **kwargs: Any
) -> httpx.Response:
    """One request with the CalDAV credentials hint for a 401."""
    return request(client, method, url, accept=accept, auth_hint=AUTH_HINT, **kwargs)


# --- collections ---------------------------------------------------------------------------------


def probe(
    client: httpx.Client, url: str, *, props: tuple[str, ...] = ("resourcetype", "displayname")
) -> DavItem | None:
    """PROPFIND Depth 0 for ``props`` (DAV: names): the resource at ``url``, None if nothing is
    there: HTTP 404, or (Xandikos 0.4) a 207 whose response for ``url`` has status 404. An
    empty or malformed answer is a NetError."""
    wanted = "".join(f"<D:{name}/>" for name in props)
    response = dav(
        client,
        "PROPFIND",
        url,
        accept=(404,),
        headers={"Depth": "0", "Content-Type": _XML},
        content=f'{_HEAD}<D:propfind xmlns:D="DAV:"><D:prop>{wanted}</D:prop></D:propfind>',
    )
    if response.status_code == 404:
        return None
    items = multistatus.parse(response)
    item = next((i for i in items if same_path(i.url, url)), items[0] if items else None)
    if item is None:
        raise NetError(
            f"malformed answer from {display_url(url)}: empty multistatus", kind="malformed"
        )
    return None if item.status == 404 else item


def calendar_exists(client: httpx.Client, url: str) -> bool:
    """True if ``url`` is a calendar collection, False if nothing is there; NetError (``input``)
    if it is something else."""
    item = probe(client, url)
    if item is None:
        return False
    if is_calendar(item):
        return True
    if is_collection(item):
        raise NetError(f"{display_url(url)} is a collection but not a calendar", kind="input")
    raise NetError(f"{display_url(url)} is not a calendar collection", kind="input")


_CREATE_REFUSED = {
    403: "the server does not allow it",
    405: "the server supports neither MKCALENDAR nor extended MKCOL there",
    409: "its parent collection does not exist",
    501: "the server does not support creating calendars",
}


def ensure_calendar(client: httpx.Client, url: str, *, displayname: str | None = None) -> bool:
    """Make sure ``url`` is a calendar collection: PROPFIND, then MKCALENDAR (or extended MKCOL
    where MKCALENDAR is not supported) if nothing is there. True if it was created."""
    url = collection_url(url)
    if calendar_exists(client, url):
        return False
    name = displayname or unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2]) or "missionctl"
    prop = f"<D:displayname>{escape(name)}</D:displayname>"
    body = (
        f'{_HEAD}<C:mkcalendar xmlns:D="DAV:" xmlns:C="{CALDAV}">'
        f"<D:set><D:prop>{prop}</D:prop></D:set></C:mkcalendar>"
    )
    failures = tuple(_CREATE_REFUSED)
    headers = {"Content-Type": _XML}
    response = dav(client, "MKCALENDAR", url, accept=failures, headers=headers, content=body)
    if response.status_code in (405, 501):
        mkcol = (
            f'{_HEAD}<D:mkcol xmlns:D="DAV:" xmlns:C="{CALDAV}"><D:set><D:prop>'
            f"<D:resourcetype><D:collection/><C:calendar/></D:resourcetype>{prop}"
            "</D:prop></D:set></D:mkcol>"
        )
        response = dav(client, "MKCOL", url, accept=failures, headers=headers, content=mkcol)
    status = response.status_code
    if status in _CREATE_REFUSED:
        raise NetError(
            f"cannot create calendar {display_url(url)}: {_CREATE_REFUSED[status]} (HTTP {status})",
            kind="status",
            url=url,
            status=status,
        )
    return True


# --- reading events ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RemoteEvent:
    """One calendar object resource on the server, as it was read."""

    url: str
    etag: str | None
    data: str | None  # the stored iCalendar text (None if the server did not give it)

    @property
    def uids(self) -> frozenset[str]:
        """The UIDs inside the data (normally exactly one; none if it cannot be read)."""
        return ics_uids(self.data)


_PROPFIND_ETAG = (
    f'{_HEAD}<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/><D:resourcetype/></D:prop></D:propfind>'
)

_CALENDAR_QUERY = (
    f'{_HEAD}<C:calendar-query xmlns:D="DAV:" xmlns:C="{CALDAV}">'
    "<D:prop><D:getetag/><C:calendar-data/></D:prop>"
    '<C:filter><C:comp-filter name="VCALENDAR"/></C:filter>'
    "</C:calendar-query>"
)


def _members(items: list[DavItem], url: str) -> list[DavItem]:
    """The resources in a collection listing: not the collection itself, no sub-collections,
    nothing the server reported as failed."""
    return [
        item
        for item in items
        if not same_path(item.url, url) and not is_collection(item) and item.status in (None, 200)
    ]


def list_events(client: httpx.Client, url: str) -> dict[str, str | None]:
    """{absolute URL of each resource in the collection: its ETag} (PROPFIND Depth 1)."""
    url = collection_url(url)
    headers = {"Depth": "1", "Content-Type": _XML}
    response = dav(client, "PROPFIND", url, headers=headers, content=_PROPFIND_ETAG)
    return {item.url: etag_of(item) for item in _members(multistatus.parse(response), url)}


def fetch_events(client: httpx.Client, url: str) -> list[RemoteEvent]:
    """Every calendar object in the collection with its ETag and data (one REPORT
    calendar-query; a GET for any resource whose data the server left out)."""
    url = collection_url(url)
    headers = {"Depth": "1", "Content-Type": _XML}
    response = dav(client, "REPORT", url, headers=headers, content=_CALENDAR_QUERY)
    events: list[RemoteEvent] = []
    for item in _members(multistatus.parse(response), url):
        node = item.props.get(f"{{{CALDAV}}}calendar-data")
        data = node.text if node is not None and node.text else None
        etag = etag_of(item)
        if data is None:
            got = dav(client, "GET", item.url, accept=(404,))
            if got.status_code == 404:
                continue
            data = got.text
            etag = got.headers.get("ETag", etag)
        events.append(RemoteEvent(item.url, etag, data))
    return events


# --- writing events ------------------------------------------------------------------------------


def _if_match(etag: str | None) -> dict[str, str]:
    # weak tags never match If-Match (strong comparison): such a request goes unconditionally
    if etag is None or etag.startswith("W/"):
        return {}
    return {"If-Match": etag}


_PUT_REFUSED = {
    400: "the server rejected the iCalendar data",
    403: "the server does not allow it",
    409: "the server reports a conflict (the UID may already exist under another name)",
    415: "the server does not accept text/calendar there",
}


def put_event(
    client: httpx.Client,
    url: str,
    uid: str,
    ics_bytes: bytes,
    etag: str | None = None,
    *,
    href: str | None = None,
    overwrite: bool = False,
) -> str | None:
    """Store one event: create ``<collection>/<uid>.ics`` (``If-None-Match: *``) when ``etag`` is
    None, else replace the resource at ``href`` (default the same name) if it still has that
    ETag (``If-Match``); ``overwrite`` with no ``etag`` replaces whatever is there. Returns the
    new ETag if the server gave one. Conflicts (the resource exists, or changed since it was
    read) raise NetError of kind ``conflict``, except a create that was retried (its first
    reply lost) and whose resource now holds this very event (`_already_ours`): that one is
    done."""
    target = href or event_url(url, uid)
    create = etag is None and not overwrite
    condition = {"If-None-Match": "*"} if create else _if_match(etag)
    retried: list[RetryEvent] = []
    response = dav(
        client,
        "PUT",
        target,
        accept=(412, *_PUT_REFUSED),
        headers={"Content-Type": "text/calendar; charset=utf-8", **condition},
        content=ics_bytes,
        policy=_noting(policy_for(client), retried),
    )
    status = response.status_code
    if status == 412:
        if create and retried:
            same, stored_etag = _already_ours(client, target, uid, ics_bytes)
            if same:
                return stored_etag
        why = (
            "an event already exists at that address"
            if create
            else "it was changed on the server since it was read; publish again"
        )
        raise NetError(
            f"cannot store event {uid!r}: {why}", kind="conflict", url=target, status=412
        )
    if status in _PUT_REFUSED:
        raise NetError(
            f"cannot store event {uid!r} at {display_url(target)}: {_PUT_REFUSED[status]} "
            f"(HTTP {status})",
            kind="conflict" if status == 409 else "status",
            url=target,
            status=status,
        )
    return response.headers.get("ETag")


def _noting(policy: RetryPolicy, retried: list[RetryEvent]) -> RetryPolicy:
    """`policy`, also noting each retry in `retried` (its own `on_retry` still runs)."""
    own = policy.on_retry

    def note(event: RetryEvent) -> None:
        retried.append(event)
        if own is not None:
            own(event)

    return policy.with_(on_retry=note)


def _already_ours(client: httpx.Client, target: str, uid: str,
                  ics_bytes: bytes) -> tuple[bool, str | None]:
    """After a 412 to a create (`If-None-Match: *`): whether the event stored at `target` is
    ours, with our UID, and the same as `ics_bytes` in canonical form (`.ics`), and its ETag.

    This is how a lost reply looks: the server stored the event, its answer never arrived,
    `request` sent the PUT again (a PUT may be retried) and the precondition now fails because
    the first try succeeded. The create is then done, not a conflict. Anything else there (an
    event of another UID, or ours changed by someone) stays a conflict."""
    got = dav(client, "GET", target, accept=(404, 410))
    if got.status_code in (404, 410):
        return False, None
    stored, ours = parse(got.content), parse(ics_bytes)
    if stored is None or ours is None or stored.uids != {uid} or ours.uids != {uid}:
        return False, None
    return stored.compared(ours.tzids) == ours.canon, got.headers.get("ETag")


def delete_event(client: httpx.Client, href: str, etag: str | None) -> bool:
    """Delete the resource at ``href`` (an absolute URL, as :func:`list_events` gives) if it
    still has ``etag`` (no condition when None). False if it was already gone."""
    response = dav(client, "DELETE", href, accept=(404, 410, 412), headers=_if_match(etag))
    if response.status_code == 412:
        raise NetError(
            f"cannot delete {display_url(href)}: it was changed on the server since it was read",
            kind="conflict",
            url=href,
            status=412,
        )
    return response.status_code not in (404, 410)
