"""A minimal CalDAV client over httpx: make a calendar, list, put, delete and sync events.

Only what ``missionctl publish`` needs (RFC 4918 / 4791 subset): PROPFIND, MKCALENDAR (with an
extended-MKCOL fallback), REPORT calendar-query, PUT and DELETE with ETag preconditions.

Naming. An event created here lives at ``<collection>/<uid>.ics`` when the UID is a safe path
segment (letters, digits and ``@._+=~_-``), else at ``<collection>/mc-<sha256(uid)[:32]>.ics``
(some servers refuse ``%2F`` and friends in names). Events are *matched by the UID inside their
data*, not by name, so events created by other clients are updated in place too.

Comparison. Servers rewrite what they store (Radicale reorders properties, refolds lines and
changes line endings), so neither the bytes nor the ETag of a previous publish can be predicted
from the bytes we send, and missionctl keeps no local state. :func:`sync` therefore fetches the
stored data (one REPORT) and compares it with ours *after canonicalisation*: lines unfolded,
property and parameter names upper-cased, parameter values unquoted and sorted, properties and
sub-components sorted, ``DTSTAMP`` ignored (it says when the file was written, not what the
event is), and VTIMEZONEs we did not send ignored (Radicale adds one for every TZID a sender
used without defining it). Equal: unchanged, no request. Different: PUT with
``If-Match: <etag>``. A server that adds properties of its own only costs an unnecessary
update, never a duplicate.

Deleting. With ``remove_missing`` (the default), every event in the collection whose UID is not
in ``events`` is deleted - so publish to a collection of its own, or pass ``managed`` to say
which UIDs missionctl owns. Resources whose UID cannot be read are never deleted (they are
reported as ``skipped``).

Credentials (:func:`credentials_for`): ``MISSIONCTL_CALDAV_USER`` and
``MISSIONCTL_CALDAV_PASSWORD``; else user:password in the URL; else the ``machine`` entry of the
netrc file (``$NETRC``, default ``~/.netrc``). They are sent as HTTP Basic authentication, so
use https for anything but loopback. They never appear in messages: URLs are shown without
userinfo, and a 401 says where credentials are looked for, not what was tried.
"""

from __future__ import annotations

import hashlib
import netrc
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit
from xml.sax.saxutils import escape

import httpx

from missionctl.net.errors import NetError, display_url, redact_url
from missionctl.net.http import ProgressHook, make_client, request

__all__ = [
    "AUTH_HINT",
    "ENV_PASSWORD",
    "ENV_USER",
    "RemoteEvent",
    "SyncReport",
    "canonical_ics",
    "client_for",
    "collection_url",
    "credentials_for",
    "delete_event",
    "ensure_calendar",
    "event_url",
    "fetch_events",
    "ics_tzids",
    "ics_uids",
    "list_events",
    "put_event",
    "sync",
]

ENV_USER = "MISSIONCTL_CALDAV_USER"
ENV_PASSWORD = "MISSIONCTL_CALDAV_PASSWORD"
AUTH_HINT = f"set {ENV_USER} and {ENV_PASSWORD}, or add the host to ~/.netrc"

DAV = "DAV:"
CALDAV = "urn:ietf:params:xml:ns:caldav"
_XML = "application/xml; charset=utf-8"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9@._+=~_-]{0,150}$")


# --- credentials ---------------------------------------------------------------------------------


def credentials_for(url: str, *, environ: Mapping[str, str] | None = None) -> httpx.Auth | None:
    """Basic credentials for ``url``: environment, then URL userinfo, then netrc; None if none.

    Raises NetError (kind ``config``) when only one of the two variables is set or the netrc
    file cannot be read; the message names the file, never its content.
    """
    env = os.environ if environ is None else environ
    user, password = env.get(ENV_USER), env.get(ENV_PASSWORD)
    if user or password:
        if not user:
            raise NetError(f"{ENV_PASSWORD} is set but {ENV_USER} is not", kind="config")
        if password is None:
            raise NetError(f"{ENV_USER} is set but {ENV_PASSWORD} is not", kind="config")
        return httpx.BasicAuth(user, password)
    try:
        parts = urlsplit(url)
        url_user, url_password, hostname = parts.username, parts.password, parts.hostname
    except ValueError:
        raise NetError(f"invalid CalDAV URL {redact_url(url)}", kind="input") from None
    if url_user is not None:
        return httpx.BasicAuth(unquote(url_user), unquote(url_password or ""))
    if not hostname:
        return None
    return _from_netrc(hostname, env)


def _from_netrc(hostname: str, env: Mapping[str, str]) -> httpx.Auth | None:
    explicit = env.get("NETRC")
    if explicit:
        path = Path(explicit).expanduser()
    else:
        try:
            path = Path.home() / ".netrc"
        except RuntimeError:  # no home directory
            return None
    if not path.is_file():
        return None
    try:
        # netrc(None) reads ~/.netrc *with* the ownership/permission check; an explicit file
        # (NETRC) is read as given, like curl does.
        parsed = netrc.netrc(str(path) if explicit else None)
    except netrc.NetrcParseError as exc:
        why = exc.msg if "access" in exc.msg or "owner" in exc.msg else "syntax error"
        raise NetError(f"cannot use {path} (line {exc.lineno}): {why}", kind="config") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise NetError(f"cannot read {path}: {reason}", kind="config") from None
    entry = parsed.authenticators(hostname)
    if entry is None:
        return None
    login, _account, password = entry
    return httpx.BasicAuth(login or "", password or "")


def client_for(url: str, **kwargs: Any) -> httpx.Client:
    """``make_client(auth=credentials_for(url), **kwargs)``: the client ``publish`` needs."""
    return make_client(auth=credentials_for(url), **kwargs)


# --- URLs ----------------------------------------------------------------------------------------


def collection_url(url: str) -> str:
    """The collection URL as requests use it: no userinfo, no query or fragment, ending in /."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise NetError(f"invalid CalDAV URL {redact_url(url)}", kind="input") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NetError(f"not an http(s) URL: {redact_url(url)}", kind="input")
    netloc = parts.netloc.rpartition("@")[2]
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, netloc, path, "", ""))


def event_url(url: str, uid: str) -> str:
    """Where :func:`put_event` stores a new event with this UID."""
    name = uid if _SAFE_NAME.match(uid) else "mc-" + hashlib.sha256(uid.encode()).hexdigest()[:32]
    return collection_url(url) + quote(name, safe="@._+=~_-") + ".ics"


def _same_path(a: str, b: str) -> bool:
    return unquote(urlsplit(a).path).rstrip("/") == unquote(urlsplit(b).path).rstrip("/")


# --- XML -----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _DavItem:
    url: str
    props: dict[str, ET.Element]
    status: int | None


def _multistatus(response: httpx.Response) -> list[_DavItem]:
    body = response.content
    what = f"CalDAV server {display_url(response.request.url)}"
    head = body[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in head:
        raise NetError(f"malformed answer from {what}: DTD in XML", kind="malformed")
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise NetError(f"malformed answer from {what}: not XML ({exc})", kind="malformed") from None
    if root.tag != f"{{{DAV}}}multistatus":
        raise NetError(f"malformed answer from {what}: not a DAV multistatus", kind="malformed")
    base = str(response.request.url)
    items: list[_DavItem] = []
    for node in root.iterfind(f"{{{DAV}}}response"):
        href = node.findtext(f"{{{DAV}}}href")
        if not href or not href.strip():
            continue
        props: dict[str, ET.Element] = {}
        for propstat in node.iterfind(f"{{{DAV}}}propstat"):
            if _status_code(propstat.findtext(f"{{{DAV}}}status")) != 200:
                continue
            prop = propstat.find(f"{{{DAV}}}prop")
            if prop is not None:
                for child in prop:
                    props[child.tag] = child
        status = _status_code(node.findtext(f"{{{DAV}}}status"))
        try:
            url = urljoin(base, href.strip())
            _ = urlsplit(url).port  # validates host and port
        except ValueError:
            raise NetError(
                f"malformed answer from {what}: bad href {href.strip()[:60]!r}", kind="malformed"
            ) from None
        items.append(_DavItem(url, props, status))
    return items


def _status_code(line: str | None) -> int | None:
    if not line:
        return None
    match = re.match(r"\s*HTTP/\S+\s+(\d{3})", line)
    return int(match.group(1)) if match else None


def _is_collection(item: _DavItem) -> bool:
    rtype = item.props.get(f"{{{DAV}}}resourcetype")
    return rtype is not None and rtype.find(f"{{{DAV}}}collection") is not None


def _is_calendar(item: _DavItem) -> bool:
    rtype = item.props.get(f"{{{DAV}}}resourcetype")
    return rtype is not None and rtype.find(f"{{{CALDAV}}}calendar") is not None


def _etag(item: _DavItem) -> str | None:
    node = item.props.get(f"{{{DAV}}}getetag")
    text = (node.text or "").strip() if node is not None else ""
    return text or None


def _dav(
    client: httpx.Client,
    method: str,
    url: str,
    *,
    accept: tuple[int, ...] = (),
    **kwargs: Any,
) -> httpx.Response:
    return request(client, method, url, accept=accept, auth_hint=AUTH_HINT, **kwargs)


# --- collection ----------------------------------------------------------------------------------

_PROPFIND_TYPE = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:displayname/></D:prop></D:propfind>'
)


def _probe(client: httpx.Client, url: str) -> bool:
    """True if ``url`` is a calendar collection, False if nothing is there; NetError if it is
    something else."""
    response = _dav(
        client,
        "PROPFIND",
        url,
        accept=(404,),
        headers={"Depth": "0", "Content-Type": _XML},
        content=_PROPFIND_TYPE,
    )
    if response.status_code == 404:
        return False
    items = _multistatus(response)
    item = next((i for i in items if _same_path(i.url, url)), items[0] if items else None)
    if item is None:
        raise NetError(
            f"malformed answer from {display_url(url)}: empty multistatus", kind="malformed"
        )
    if _is_calendar(item):
        return True
    if _is_collection(item):
        raise NetError(f"{display_url(url)} is a collection but not a calendar", kind="input")
    raise NetError(f"{display_url(url)} is not a calendar collection", kind="input")


def ensure_calendar(client: httpx.Client, url: str, *, displayname: str | None = None) -> bool:
    """Make sure ``url`` is a calendar collection: PROPFIND, then MKCALENDAR (or extended MKCOL
    where MKCALENDAR is not supported) if nothing is there. True if it was created."""
    url = collection_url(url)
    if _probe(client, url):
        return False
    name = displayname or unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2]) or "missionctl"
    prop = f"<D:displayname>{escape(name)}</D:displayname>"
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
        f"<D:set><D:prop>{prop}</D:prop></D:set></C:mkcalendar>"
    )
    failures = (403, 405, 409, 501)
    response = _dav(
        client, "MKCALENDAR", url, accept=failures, headers={"Content-Type": _XML}, content=body
    )
    if response.status_code in (405, 501):
        mkcol = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
            f"<D:resourcetype><D:collection/><C:calendar/></D:resourcetype>{prop}"
            "</D:prop></D:set></D:mkcol>"
        )
        response = _dav(
            client, "MKCOL", url, accept=failures, headers={"Content-Type": _XML}, content=mkcol
        )
    status = response.status_code
    if status in failures:
        why = {
            403: "the server does not allow it",
            405: "the server supports neither MKCALENDAR nor extended MKCOL there",
            409: "its parent collection does not exist",
            501: "the server does not support creating calendars",
        }[status]
        raise NetError(
            f"cannot create calendar {display_url(url)}: {why} (HTTP {status})",
            kind="status",
            url=url,
            status=status,
        )
    return True


# --- events --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RemoteEvent:
    """One calendar object resource on the server."""

    url: str
    etag: str | None
    data: str | None  # the stored iCalendar text (None if the server did not give it)
    uids: frozenset[str]  # the UIDs inside it (normally exactly one)


_PROPFIND_ETAG = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/><D:resourcetype/></D:prop></D:propfind>'
)

_CALENDAR_QUERY = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    "<D:prop><D:getetag/><C:calendar-data/></D:prop>"
    '<C:filter><C:comp-filter name="VCALENDAR"/></C:filter>'
    "</C:calendar-query>"
)


def list_events(client: httpx.Client, url: str) -> dict[str, str | None]:
    """{absolute URL of each resource in the collection: its ETag} (PROPFIND Depth 1)."""
    url = collection_url(url)
    response = _dav(
        client,
        "PROPFIND",
        url,
        headers={"Depth": "1", "Content-Type": _XML},
        content=_PROPFIND_ETAG,
    )
    return {
        item.url: _etag(item)
        for item in _multistatus(response)
        if not _same_path(item.url, url) and not _is_collection(item) and item.status in (None, 200)
    }


def fetch_events(client: httpx.Client, url: str) -> list[RemoteEvent]:
    """Every calendar object in the collection with its ETag, data and UIDs (one REPORT
    calendar-query; a GET for any resource whose data the server left out)."""
    url = collection_url(url)
    response = _dav(
        client,
        "REPORT",
        url,
        headers={"Depth": "1", "Content-Type": _XML},
        content=_CALENDAR_QUERY,
    )
    events: list[RemoteEvent] = []
    for item in _multistatus(response):
        if _same_path(item.url, url) or _is_collection(item) or item.status not in (None, 200):
            continue
        node = item.props.get(f"{{{CALDAV}}}calendar-data")
        data = node.text if node is not None and node.text else None
        etag = _etag(item)
        if data is None:
            got = _dav(client, "GET", item.url, accept=(404,))
            if got.status_code == 404:
                continue
            data = got.text
            etag = got.headers.get("ETag", etag)
        events.append(RemoteEvent(item.url, etag, data, ics_uids(data)))
    return events


def _if_match(etag: str | None) -> dict[str, str]:
    # weak tags never match If-Match (strong comparison): such a request goes unconditionally
    if etag is None or etag.startswith("W/"):
        return {}
    return {"If-Match": etag}


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
    read) raise NetError of kind ``conflict``."""
    target = href or event_url(url, uid)
    create = etag is None and not overwrite
    condition = {"If-None-Match": "*"} if create else _if_match(etag)
    response = _dav(
        client,
        "PUT",
        target,
        accept=(400, 403, 409, 412, 415),
        headers={"Content-Type": "text/calendar; charset=utf-8", **condition},
        content=ics_bytes,
    )
    status = response.status_code
    if status == 412:
        why = (
            "an event already exists at that address"
            if etag is None and not overwrite
            else "it was changed on the server since it was read; publish again"
        )
        raise NetError(
            f"cannot store event {uid!r}: {why}", kind="conflict", url=target, status=412
        )
    if status in (400, 403, 409, 415):
        why = {
            400: "the server rejected the iCalendar data",
            403: "the server does not allow it",
            409: "the server reports a conflict (the UID may already exist under another name)",
            415: "the server does not accept text/calendar there",
        }[status]
        raise NetError(
            f"cannot store event {uid!r} at {display_url(target)}: {why} (HTTP {status})",
            kind="conflict" if status == 409 else "status",
            url=target,
            status=status,
        )
    return response.headers.get("ETag")


def delete_event(client: httpx.Client, href: str, etag: str | None) -> bool:
    """Delete the resource at ``href`` (an absolute URL, as :func:`list_events` gives) if it
    still has ``etag`` (no condition when None). False if it was already gone."""
    response = _dav(client, "DELETE", href, accept=(404, 410, 412), headers=_if_match(etag))
    if response.status_code == 412:
        raise NetError(
            f"cannot delete {display_url(href)}: it was changed on the server since it was read",
            kind="conflict",
            url=href,
            status=412,
        )
    return response.status_code not in (404, 410)


# --- iCalendar canonical form --------------------------------------------------------------------

_UNFOLD = re.compile(r"\r?\n[ \t]")
_IGNORED = frozenset({"DTSTAMP"})

Canon = tuple[str, tuple[tuple[str, tuple[tuple[str, str], ...], str], ...], tuple["Canon", ...]]


@dataclass(slots=True)
class _Comp:
    name: str
    props: list[tuple[str, tuple[tuple[str, str], ...], str]] = field(default_factory=list)
    children: list[_Comp] = field(default_factory=list)

    def canon(self, tzids: frozenset[str] | None = None) -> Canon:
        children = self.children
        if tzids is not None:
            children = [c for c in children if c.name != "VTIMEZONE" or c.tzid() in tzids]
        return (
            self.name,
            tuple(sorted(p for p in self.props if p[0] not in _IGNORED)),
            tuple(sorted(c.canon(tzids) for c in children)),
        )

    def tzid(self) -> str | None:
        return next((p[2].strip() for p in self.props if p[0] == "TZID"), None)

    def walk(self) -> Iterator[_Comp]:
        yield self
        for child in self.children:
            yield from child.walk()


def _split_unquoted(text: str, sep: str) -> Iterator[str]:
    start, quoted = 0, False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            yield text[start:i]
            start = i + 1
    yield text[start:]


def _content_line(line: str) -> tuple[str, tuple[tuple[str, str], ...], str] | None:
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = line[:i], line[i + 1 :]
            break
    else:
        return None
    name, *params = list(_split_unquoted(head, ";"))
    if not name:
        return None
    pairs = []
    for param in params:
        pname, _, pvalue = param.partition("=")
        pairs.append((pname.strip().upper(), pvalue.replace('"', "")))
    return (name.strip().upper(), tuple(sorted(pairs)), value)


def _parse_ics(data: str | bytes) -> _Comp | None:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    text = _UNFOLD.sub("", text.lstrip("\ufeff"))
    root = _Comp("")
    stack = [root]
    for raw in text.splitlines():
        if not raw.strip():
            continue
        parsed = _content_line(raw)
        if parsed is None:
            return None
        name, _params, value = parsed
        if name == "BEGIN":
            comp = _Comp(value.strip().upper())
            stack[-1].children.append(comp)
            stack.append(comp)
        elif name == "END":
            if len(stack) == 1 or stack[-1].name != value.strip().upper():
                return None
            stack.pop()
        elif len(stack) == 1:
            return None  # a property outside any component
        else:
            stack[-1].props.append(parsed)
    if len(stack) != 1 or not root.children or root.children[0].name != "VCALENDAR":
        return None
    return root


def canonical_ics(data: str | bytes, *, tzids: frozenset[str] | None = None) -> Canon | None:
    """A comparable form of iCalendar data (see the module docstring); None if unparseable.

    With ``tzids``, VTIMEZONE components for other zones are left out: servers add the
    VTIMEZONEs a sender left out (Radicale does), which is not a change of the event.
    """
    root = _parse_ics(data)
    return root.canon(tzids) if root is not None else None


def ics_tzids(data: str | bytes) -> frozenset[str]:
    """The TZIDs of the VTIMEZONE components in ``data``."""
    root = _parse_ics(data)
    if root is None:
        return frozenset()
    return frozenset(
        tzid for c in root.walk() if c.name == "VTIMEZONE" and (tzid := c.tzid()) is not None
    )


def ics_uids(data: str | bytes | None) -> frozenset[str]:
    """The UIDs of the components (other than VTIMEZONE) of every VCALENDAR in ``data``."""
    root = _parse_ics(data) if data is not None else None
    if root is None:
        return frozenset()
    return frozenset(
        prop[2].strip()
        for cal in root.children
        for comp in cal.children
        if comp.name != "VTIMEZONE"
        for prop in comp.props
        if prop[0] == "UID"
    )


# --- sync ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class SyncReport:
    """UIDs per outcome. ``skipped``: URLs of server resources without a readable UID, left
    alone. With ``dry_run`` nothing was written; the lists say what would have happened."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        text = (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.deleted)} deleted"
        )
        if self.skipped:
            text += f", {len(self.skipped)} foreign left alone"
        return text + (" (dry run: nothing was sent)" if self.dry_run else "")


def sync(
    client: httpx.Client,
    url: str,
    events: dict[str, bytes],
    *,
    dry_run: bool = False,
    remove_missing: bool = True,
    managed: Callable[[str], bool] | None = None,
    displayname: str | None = None,
    progress: ProgressHook | None = None,
) -> SyncReport:
    """Make the collection at ``url`` hold exactly ``events`` ({UID: iCalendar bytes}).

    Creates the calendar if missing (not in a dry run), creates new events, updates changed ones
    (If-Match), leaves equal ones alone, and with ``remove_missing`` deletes events whose UID is
    not in ``events`` (only those for which ``managed(uid)`` is true, when given). Writes come
    before deletions, so a failure half-way never leaves the calendar emptier than before.
    Each body must be an iCalendar object whose only UID is its key, else NetError (``input``).
    """
    url = collection_url(url)
    wanted: dict[str, tuple[bytes, Canon, frozenset[str]]] = {}
    for uid, body in events.items():
        canon = canonical_ics(body)
        if canon is None:
            raise NetError(f"event {uid!r} is not valid iCalendar data", kind="input")
        found = ics_uids(body)
        if found != {uid}:
            shown = ", ".join(sorted(found)) or "none"
            raise NetError(f"event {uid!r} carries UID(s) {shown}, not its own", kind="input")
        wanted[uid] = (body, canon, ics_tzids(body))

    report = SyncReport(dry_run=dry_run)
    if dry_run:
        remote = fetch_events(client, url) if _probe(client, url) else []
    else:
        ensure_calendar(client, url, displayname=displayname)
        remote = fetch_events(client, url)

    by_uid: dict[str, RemoteEvent] = {}
    extra: list[tuple[str, RemoteEvent]] = []  # candidates for deletion
    preferred = {uid: event_url(url, uid) for uid in wanted}
    for item in sorted(remote, key=lambda r: r.url):
        if len(item.uids) != 1:
            report.skipped.append(redact_url(item.url))
            continue
        (uid,) = item.uids
        current = by_uid.get(uid)
        if current is None:
            by_uid[uid] = item
        elif uid in preferred and _same_path(item.url, preferred[uid]):
            extra.append((uid, current))  # keep the canonically named one
            by_uid[uid] = item
        else:
            extra.append((uid, item))

    plan: list[tuple[str, str, RemoteEvent | None]] = []
    for uid, (_body, canon, tzids) in wanted.items():
        current = by_uid.get(uid)
        if current is None:
            plan.append(("create", uid, None))
        elif current.data is not None and canonical_ics(current.data, tzids=tzids) == canon:
            report.unchanged.append(uid)
        else:
            plan.append(("update", uid, current))
    if remove_missing:
        for uid, item in by_uid.items():
            if uid not in wanted and (managed is None or managed(uid)):
                plan.append(("delete", uid, item))
        for uid, item in extra:
            if managed is None or managed(uid):
                plan.append(("delete", uid, item))

    total = len(plan)
    for done, (action, uid, target) in enumerate(plan, start=1):
        if not dry_run:
            if action == "create":
                put_event(client, url, uid, wanted[uid][0])
            elif action == "update" and target is not None:
                put_event(
                    client, url, uid, wanted[uid][0], target.etag, href=target.url, overwrite=True
                )
            elif target is not None:
                delete_event(client, target.url, target.etag)
        {"create": report.created, "update": report.updated, "delete": report.deleted}[
            action
        ].append(uid)
        if progress is not None:
            progress(done, total, f"{action} {uid}")
    return report
