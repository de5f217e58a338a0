"""Where things live on the server: collection URLs and the names of event resources.

An event created here lives at ``<collection>/<uid>.ics`` when the UID is a safe path segment
(letters, digits and ``@._+=~_-``), else at ``<collection>/mc-<sha256(uid)[:32]>.ics``: some
servers refuse ``%2F`` and friends in names. Events are *matched by the UID inside their data*
(see :mod:`.plan`), not by name, so this naming only decides where new events go and which of
two copies of one UID is kept.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from missionctl.net.errors import NetError, redact_url

__all__ = ["collection_url", "event_url", "same_path"]

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9@._+=~_-]{0,150}$")


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
    """Where a new event with this UID is stored in the collection at ``url``."""
    name = uid if _SAFE_NAME.match(uid) else "mc-" + hashlib.sha256(uid.encode()).hexdigest()[:32]
    return collection_url(url) + quote(name, safe="@._+=~_-") + ".ics"


def same_path(a: str, b: str) -> bool:
    """True if two URLs name the same resource (paths compared unquoted, trailing / ignored)."""
    return unquote(urlsplit(a).path).rstrip("/") == unquote(urlsplit(b).path).rstrip("/")
