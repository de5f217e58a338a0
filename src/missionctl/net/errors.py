"""The one exception type of the network layer, and URL redaction for its messages.

This module imports only the standard library, so catching :class:`NetError` costs nothing.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["NetError", "display_url", "redact_url"]

#: What went wrong, for callers that branch on it (the message is for people).
KINDS = frozenset(
    {
        "dns",  # the host name does not resolve
        "refused",  # nothing listens on that port
        "connect",  # other failures to connect (unreachable network, reset during connect)
        "timeout",  # connect or read timeout
        "tls",  # certificate verification or handshake failure
        "protocol",  # the server closed the connection or spoke broken HTTP
        "status",  # an HTTP error status (4xx, 5xx)
        "auth",  # 401
        "malformed",  # the answer is not JSON/XML, or not the expected shape
        "conflict",  # a conditional request failed (ETag changed on the server)
        "nodata",  # the service has no data for what was asked (e.g. Nager 404/204)
        "input",  # the caller's data or URL cannot be sent (bad coordinate, bad scheme)
        "cache",  # the local cache file cannot be read or written
        "config",  # credentials or proxy settings are unusable
    }
)

_SECRET_PARAMS = frozenset(
    {
        "key",
        "apikey",
        "api_key",
        "token",
        "access_token",
        "auth",
        "password",
        "passwd",
        "secret",
        "signature",
        "sig",
        "client_secret",
    }
)

_WS = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _WS.sub(" ", text).strip()


class NetError(Exception):
    """A network operation failed. ``str(err)`` is one readable line, never a traceback.

    Attributes: ``kind`` (one of :data:`KINDS`), ``url`` (redacted, or None), ``status`` (the
    HTTP status when there was one).
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str = "connect",
        url: str | None = None,
        status: int | None = None,
    ) -> None:
        self.message = _one_line(message)
        self.kind = kind if kind in KINDS else "connect"
        self.url = redact_url(url) if url is not None else None
        self.status = status
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"NetError({self.message!r}, kind={self.kind!r})"


class CacheError(NetError):
    """A local cache file cannot be read or written (kind ``cache``)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, kind="cache")


def redact_url(url: object) -> str:
    """The URL without userinfo, with secret-looking query values replaced by ``***``."""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:
        return "<invalid URL>"
    netloc = parts.netloc.rpartition("@")[2]
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(name.lower() in _SECRET_PARAMS for name, _ in pairs):
            query = urlencode(
                [(n, "***" if n.lower() in _SECRET_PARAMS else v) for n, v in pairs], safe=",*"
            )
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def display_url(url: object, limit: int = 120) -> str:
    """:func:`redact_url`, shortened to ``limit`` characters for messages."""
    text = redact_url(url)
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def host_of(url: object) -> str:
    """``host[:port]`` of a URL, without userinfo (for messages)."""
    try:
        parts = urlsplit(str(url))
    except ValueError:
        return "<invalid URL>"
    return parts.netloc.rpartition("@")[2] or "<no host>"
