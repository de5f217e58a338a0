"""Reading a WebDAV multistatus (RFC 4918 section 13): the one XML parser of the CalDAV code.

Every XML answer goes through :func:`parse`. It refuses a document with a DTD before the XML
parser sees it: a DTD is how entity-expansion ("billion laughs") and external-entity attacks
reach a parser, and no CalDAV server needs one. Anything that is not a ``DAV:multistatus`` is a
:class:`NetError` of kind ``malformed``, so a captive portal's HTML or a truncated answer is one
readable line, never a traceback.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from missionctl.net.errors import NetError, display_url

__all__ = ["CALDAV", "DAV", "DavItem", "etag_of", "is_calendar", "is_collection", "parse"]

DAV = "DAV:"
CALDAV = "urn:ietf:params:xml:ns:caldav"

# Where a DTD would have to be: before the root element, so near the start of the document.
_HEAD = 4096


@dataclass(slots=True)
class DavItem:
    """One ``DAV:response``: its absolute URL, the properties found (status 200) by their
    ``{namespace}name``, and the response-level status if there was one."""

    url: str
    props: dict[str, ET.Element]
    status: int | None


def parse(response: httpx.Response) -> list[DavItem]:
    """The responses of a multistatus answer; NetError (``malformed``) if it is not one."""
    what = f"CalDAV server {display_url(response.request.url)}"
    root = _root(response.content, what)
    if root.tag != f"{{{DAV}}}multistatus":
        raise NetError(f"malformed answer from {what}: not a DAV multistatus", kind="malformed")
    base = str(response.request.url)
    items: list[DavItem] = []
    for node in root.iterfind(f"{{{DAV}}}response"):
        href = (node.findtext(f"{{{DAV}}}href") or "").strip()
        if not href:
            continue
        try:
            url = urljoin(base, href)
            _ = urlsplit(url).port  # validates host and port
        except ValueError:
            raise NetError(
                f"malformed answer from {what}: bad href {href[:60]!r}", kind="malformed"
            ) from None
        status = _status_code(node.findtext(f"{{{DAV}}}status"))
        items.append(DavItem(url, _found_props(node), status))
    return items


def _root(body: bytes, what: str) -> ET.Element:
    head = body[:_HEAD].lower()
    if b"<!doctype" in head or b"<!entity" in head:
        raise NetError(f"malformed answer from {what}: DTD in XML", kind="malformed")
    try:
        return ET.fromstring(body)
    except ET.ParseError as exc:
        raise NetError(f"malformed answer from {what}: not XML ({exc})", kind="malformed") from None


def _found_props(node: ET.Element) -> dict[str, ET.Element]:
    props: dict[str, ET.Element] = {}
    for propstat in node.iterfind(f"{{{DAV}}}propstat"):
        if _status_code(propstat.findtext(f"{{{DAV}}}status")) != 200:
            continue
        prop = propstat.find(f"{{{DAV}}}prop")
        if prop is not None:
            for child in prop:
                props[child.tag] = child
    return props


def _status_code(line: str | None) -> int | None:
    if not line:
        return None
    match = re.match(r"\s*HTTP/\S+\s+(\d{3})", line)
    return int(match.group(1)) if match else None


def is_collection(item: DavItem) -> bool:
    rtype = item.props.get(f"{{{DAV}}}resourcetype")
    return rtype is not None and rtype.find(f"{{{DAV}}}collection") is not None


def is_calendar(item: DavItem) -> bool:
    rtype = item.props.get(f"{{{DAV}}}resourcetype")
    return rtype is not None and rtype.find(f"{{{CALDAV}}}calendar") is not None


def etag_of(item: DavItem) -> str | None:
    node = item.props.get(f"{{{DAV}}}getetag")
    text = (node.text or "").strip() if node is not None else ""
    return text or None
