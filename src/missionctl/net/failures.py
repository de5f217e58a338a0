"""What a failed request means, in one line: httpx exceptions and HTTP error statuses
turned into :class:`NetError`, with a short explanation from the server's error body.

Used by ``net.http.request``; the messages are what a user reads (docs/network.md, "Errors").
"""

from __future__ import annotations

import errno
import json
import re
import socket
import ssl
from http import HTTPStatus

import httpx

from missionctl.net.errors import NetError, display_url, host_of
from missionctl.net.retry import IDEMPOTENT

__all__ = ["describe", "excerpt", "server_detail", "status_error", "transport_error"]

_USERINFO = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)[^/@\s]*@")


def excerpt(body: bytes, limit: int = 40) -> str:
    text = body[:200].decode("utf-8", "replace")
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(seen) < 10:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _seconds(value: float | None) -> str:
    if value is None:
        return "the time allowed"
    return f"{value:g} s"


def transport_error(
    exc: Exception, method: str, url: str | httpx.URL, client: httpx.Client
) -> tuple[NetError, bool]:
    """Map an httpx exception to (NetError, retryable)."""
    full = str(url)
    try:
        if isinstance(exc, httpx.RequestError):
            full = str(exc.request.url)
    except RuntimeError:  # raised before a request existed
        pass
    shown = display_url(full)
    host = host_of(full)
    chain = _chain(exc)
    timeout = client.timeout
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return NetError(f"invalid URL {shown}: {describe(exc)}", kind="input", url=full), False
    if isinstance(exc, httpx.ConnectTimeout):
        msg = f"cannot connect to {host}: no answer within {_seconds(timeout.connect)}"
        return NetError(msg, kind="timeout", url=full), True
    if isinstance(exc, httpx.TimeoutException):
        stage = "reading from" if isinstance(exc, httpx.ReadTimeout) else "talking to"
        msg = f"timed out {stage} {host} after {_seconds(timeout.read)} ({method} {shown})"
        return NetError(msg, kind="timeout", url=full), method in IDEMPOTENT
    if isinstance(exc, httpx.ProxyError):
        msg = f"proxy error while connecting to {host}: {describe(exc)}"
        return NetError(msg, kind="config", url=full), False
    if isinstance(exc, httpx.ConnectError):
        return _connect_error(exc, chain, full, host)
    if isinstance(exc, httpx.RemoteProtocolError):
        msg = f"{host} closed the connection without a proper answer ({method} {shown})"
        return NetError(msg, kind="protocol", url=full), method in IDEMPOTENT
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        msg = f"connection to {host} broke off ({method} {shown}): {describe(exc)}"
        return NetError(msg, kind="protocol", url=full), method in IDEMPOTENT
    if isinstance(exc, httpx.TooManyRedirects):
        return NetError(f"too many redirects from {shown}", kind="protocol", url=full), False
    if isinstance(exc, httpx.DecodingError):
        msg = f"malformed answer from {shown}: cannot decode the body"
        return NetError(msg, kind="malformed", url=full), False
    msg = f"{method} {shown} failed: {type(exc).__name__}: {describe(exc)}"
    return NetError(msg, kind="protocol", url=full), False


def status_error(response: httpx.Response, auth_hint: str | None) -> NetError:
    status = response.status_code
    url = str(response.request.url)
    host = host_of(url)
    if status == 401:
        hint = f": {auth_hint}" if auth_hint else ""
        return NetError(f"authentication failed for {host}{hint}", kind="auth", url=url, status=401)
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = response.reason_phrase or "error"
    detail = server_detail(response)
    msg = f"HTTP {status} {phrase} from {display_url(url)}"
    if detail:
        msg += f": {detail}"
    return NetError(msg, kind="status", url=url, status=status)


def server_detail(response: httpx.Response, limit: int = 160) -> str:
    """A short explanation from the error body (JSON ``message``/``error``/``title``/``detail``,
    or the first line of plain text). Empty if there is none."""
    try:
        body = response.read()
    except httpx.HTTPError:
        return ""
    if not body or len(body) > 65536:
        return ""
    ctype = response.headers.get("Content-Type", "")
    text = ""
    if "json" in ctype or body.lstrip()[:1] in (b"{", b"["):
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            data = None
        if isinstance(data, dict):
            for key in ("message", "error", "title", "detail"):
                value = data.get(key)
                if isinstance(value, str) and value.strip():
                    text = value
                    break
    elif ctype.startswith("text/plain"):
        text = body.decode("utf-8", "replace").strip().splitlines()[0] if body.strip() else ""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())
    # a server could echo the URL back: never let userinfo through
    text = _USERINFO.sub(r"\1", text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _connect_error(exc: Exception, chain: list[BaseException], full: str,
                   host: str) -> tuple[NetError, bool]:
    """A failure to connect: DNS, TLS, refused, unreachable, or other."""
    for link in chain:
        if isinstance(link, socket.gaierror):
            temporary = link.errno == socket.EAI_AGAIN
            why = "temporary DNS failure" if temporary else "DNS lookup failed"
            hostname = httpx.URL(full).host if full else host
            msg = f"cannot resolve host {hostname!r} ({why})"
            return NetError(msg, kind="dns", url=full), temporary
        if isinstance(link, ssl.SSLCertVerificationError):
            reason = link.verify_message or describe(link)
            msg = f"TLS certificate of {host} could not be verified: {reason}"
            return NetError(msg, kind="tls", url=full), False
        if isinstance(link, ssl.SSLError):
            msg = f"TLS handshake with {host} failed: {link.reason or describe(link)}"
            return NetError(msg, kind="tls", url=full), False
        if isinstance(link, ConnectionRefusedError):
            msg = f"cannot connect to {host}: connection refused (is the server running?)"
            return NetError(msg, kind="refused", url=full), True
        if isinstance(link, OSError) and link.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            msg = f"cannot connect to {host}: {link.strerror or 'unreachable'}"
            return NetError(msg, kind="connect", url=full), True
    return NetError(f"cannot connect to {host}: {describe(exc)}", url=full), True
