"""The HTTP client factory and the retrying request helper every network client uses.

* :func:`make_client` builds the one kind of ``httpx.Client`` missionctl uses: separate connect
  and read timeouts, TLS verification on, proxies and CA bundles from the environment
  (``HTTPS_PROXY``, ``NO_PROXY``, ``SSL_CERT_FILE`` ...), and an identifying User-Agent.
* :func:`request` sends one request, retrying with exponential backoff on connection errors,
  429 and transient 5xx, honouring ``Retry-After``; every failure becomes a :class:`NetError`.
* :class:`RetryPolicy` bounds the retries (attempts and total time); tests shrink it, either per
  call (``policy=``), per client (``make_client(retry=...)``) or module-wide (``DEFAULT_POLICY``).
"""

from __future__ import annotations

import errno
import functools
import json
import os
import random
import re
import socket
import ssl
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any

import httpx

from missionctl import __version__
from missionctl.net.errors import CacheError, NetError, display_url, host_of

__all__ = [
    "DEFAULT_POLICY",
    "DEFAULT_USER_AGENT",
    "IDEMPOTENT",
    "RETRY_STATUSES",
    "CacheError",
    "NetClient",
    "NetError",
    "ProgressHook",
    "RetryEvent",
    "RetryPolicy",
    "decode_json",
    "get_json",
    "make_client",
    "malformed",
    "parse_retry_after",
    "request",
]

DEFAULT_USER_AGENT = f"missionctl/{__version__} (+https://example.org/missionctl)"

#: ``progress(done, total, what)``: called by long operations after each step. The CLI renders
#: it with rich; ``what`` is a short label (a query, a UID, "block 2/6").
ProgressHook = Callable[[int, int, str], None]

#: Methods that can be sent twice without harm. Only these are retried after the request may
#: have reached the server (read timeout, reset, 5xx). Others (POST, MKCALENDAR) are retried only
#: when the request certainly did not arrive (connection refused, DNS, connect timeout) or the
#: server said 429 (it did not act on it).
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PROPFIND", "REPORT", "TRACE"})

#: 408, 429 and the 5xx that mean "try again later" (with the 52x of common CDNs). Permanent
#: ones are not retried: 501 Not Implemented, 505, 507 Insufficient Storage (a full quota), 508.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


@dataclass(frozen=True, slots=True)
class RetryEvent:
    """Passed to :attr:`RetryPolicy.on_retry` before each wait."""

    attempt: int  # the attempt that just failed (1-based)
    attempts: int  # the most attempts the policy allows
    delay: float  # seconds about to be waited
    reason: str  # one line, as a NetError message would say it


@dataclass(frozen=True)
class RetryPolicy:
    """How :func:`request` retries. Every loop it drives is bounded by ``attempts``.

    The wait before attempt n+1 is ``min(max_delay, base_delay * 2**(n-1))``, stretched by up to
    ``jitter`` (a fraction), or what ``Retry-After`` asks if the server says so. A ``Retry-After``
    above ``max_retry_after`` is not waited for: the request fails at once, saying how long the
    server asked to wait. No wait starts that would end after ``max_total`` seconds from the
    first attempt (one attempt in flight can still overrun it by the client's timeouts).
    """

    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_total: float = 60.0
    max_retry_after: float = 60.0
    jitter: float = 0.1
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    on_retry: Callable[[RetryEvent], None] | None = field(default=None, repr=False)

    def backoff(self, attempt: int) -> float:
        delay = min(self.max_delay, self.base_delay * (2 ** max(0, attempt - 1)))
        if self.jitter > 0:
            delay *= 1 + random.uniform(0, self.jitter)
        return max(0.0, delay)

    def with_(self, **changes: Any) -> RetryPolicy:
        return replace(self, **changes)


#: Used when neither the call nor the client names a policy. Tests may monkeypatch it.
DEFAULT_POLICY = RetryPolicy()


class NetClient(httpx.Client):
    """An ``httpx.Client`` that remembers its :class:`RetryPolicy` (None: the module default)."""

    retry_policy: RetryPolicy | None = None


def make_client(
    *,
    timeout: float = 10,
    connect_timeout: float | None = None,
    user_agent: str | None = None,
    auth: httpx.Auth | None = None,
    headers: dict[str, str] | None = None,
    retry: RetryPolicy | None = None,
    ca_bundle: str | None = None,
    trust_env: bool = True,
    follow_redirects: bool = True,
    transport: httpx.BaseTransport | None = None,
) -> NetClient:
    """The httpx client every missionctl network call goes through.

    ``timeout`` bounds each read, write and wait for a pooled connection; ``connect_timeout``
    (default ``min(5, timeout)``) bounds establishing the connection. TLS certificates are always
    verified, against ``ca_bundle`` if given, else ``SSL_CERT_FILE``/``SSL_CERT_DIR`` when
    ``trust_env``, else certifi's bundle. Proxies come from ``HTTP(S)_PROXY``/``ALL_PROXY``/
    ``NO_PROXY`` when ``trust_env``. ``transport`` is for tests that need a fault no real server
    can produce. Raises NetError (kind ``config``) if the environment's proxy or CA settings are
    unusable.
    """
    if timeout <= 0:
        raise NetError(f"timeout must be positive, not {timeout}", kind="input")
    connect = min(5.0, timeout) if connect_timeout is None else connect_timeout
    all_headers = {"User-Agent": user_agent or DEFAULT_USER_AGENT}
    if headers:
        all_headers.update(headers)
    try:
        if ca_bundle is not None:
            is_dir = os.path.isdir(ca_bundle)
            verify = _ssl_context(None if is_dir else ca_bundle, ca_bundle if is_dir else None)
        elif trust_env:
            env = os.environ
            verify = _ssl_context(env.get("SSL_CERT_FILE") or None, env.get("SSL_CERT_DIR") or None)
        else:
            verify = _ssl_context(None, None)
        client = NetClient(
            timeout=httpx.Timeout(timeout, connect=connect),
            headers=all_headers,
            auth=auth,
            verify=verify,
            trust_env=trust_env,
            follow_redirects=follow_redirects,
            max_redirects=5,
            transport=transport,
        )
    except (OSError, ValueError, httpx.InvalidURL, ssl.SSLError) as exc:
        raise NetError(f"cannot set up HTTP client: {_describe(exc)}", kind="config") from exc
    client.retry_policy = retry
    return client


@functools.lru_cache(maxsize=8)
def _ssl_context(cafile: str | None, capath: str | None) -> ssl.SSLContext:
    """A verifying TLS context, built once per CA source: loading a CA bundle takes ~0.1 s, and
    httpx would do it again for every client and proxy mount. (Failures are not cached.)"""
    if cafile is None and capath is None:
        import certifi  # httpx's own dependency, as httpx does by default

        cafile = certifi.where()
    return ssl.create_default_context(cafile=cafile, capath=capath)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds asked by a ``Retry-After`` header (delta-seconds or HTTP-date); None if absent
    or unreadable. Dates in the past give 0."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return float(int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def request(
    client: httpx.Client,
    method: str,
    url: str | httpx.URL,
    *,
    policy: RetryPolicy | None = None,
    accept: Collection[int] = (),
    auth_hint: str | None = None,
    throttle: Callable[[], None] | None = None,
    **kwargs: Any,
) -> httpx.Response:
    """Send a request, retrying transient failures; return a 2xx response (or one whose status
    is in ``accept``), else raise :class:`NetError`.

    ``kwargs`` go to ``client.request`` (``params``, ``headers``, ``content``, ``json``...).
    ``throttle`` is called before every attempt, retries included (a rate limiter's ``wait``).
    ``auth_hint`` ends the message of a 401 (say where credentials come from).
    """
    policy = policy or getattr(client, "retry_policy", None) or DEFAULT_POLICY
    method = method.upper()
    attempts = max(1, policy.attempts)
    start = policy.clock()
    deadline = start + max(0.0, policy.max_total)
    for attempt in range(1, attempts + 1):
        if throttle is not None:
            throttle()
        retry_after: float | None = None
        last: NetError
        cause: BaseException | None
        try:
            response = client.request(method, url, **kwargs)
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
            last, retryable = _transport_error(exc, method, url, client)
            cause = exc
        else:
            status = response.status_code
            if 200 <= status < 300 or status in accept:
                return response
            retryable = status in RETRY_STATUSES and (method in IDEMPOTENT or status == 429)
            if retryable and status in (429, 503):
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
            last = _status_error(response, auth_hint)
            cause = None
            response.close()
            if retry_after is not None and retry_after > policy.max_retry_after:
                raise NetError(
                    f"{last.message} (the server asks to wait {retry_after:.0f} s; try later)",
                    kind="status",
                    url=str(response.request.url),
                    status=status,
                )
        if not retryable or attempt == attempts:
            raise last from cause
        delay = retry_after if retry_after is not None else policy.backoff(attempt)
        if policy.clock() + delay > deadline:
            raise last from cause
        if policy.on_retry is not None:
            policy.on_retry(RetryEvent(attempt, attempts, delay, last.message))
        if delay > 0:
            policy.sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises


def get_json(
    client: httpx.Client,
    url: str | httpx.URL,
    *,
    what: str = "server",
    accept: Collection[int] = (),
    **kwargs: Any,
) -> tuple[httpx.Response, Any]:
    """GET (through :func:`request`) and decode JSON; malformed JSON raises NetError (kind
    ``malformed``). Returns the response too, for its status. An empty body decodes to None."""
    response = request(client, "GET", url, accept=accept, **kwargs)
    return response, decode_json(response, what=what)


def decode_json(response: httpx.Response, *, what: str = "server") -> Any:
    body = response.content
    if not body.strip():
        return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise NetError(
            f"malformed answer from {what} {display_url(response.request.url)}: not JSON "
            f"(starts with {_excerpt(body)})",
            kind="malformed",
            url=str(response.request.url),
            status=response.status_code,
        ) from exc


def malformed(response: httpx.Response, what: str, detail: str) -> NetError:
    """A NetError for an answer of the wrong shape."""
    return NetError(
        f"unexpected answer from {what} {display_url(response.request.url)}: {detail}",
        kind="malformed",
        url=str(response.request.url),
        status=response.status_code,
    )


# --- error mapping ------------------------------------------------------------------------------


_USERINFO = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)[^/@\s]*@")


def _excerpt(body: bytes, limit: int = 40) -> str:
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


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _seconds(value: float | None) -> str:
    if value is None:
        return "the time allowed"
    return f"{value:g} s"


def _transport_error(
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
        return NetError(f"invalid URL {shown}: {_describe(exc)}", kind="input", url=full), False
    if isinstance(exc, httpx.ConnectTimeout):
        msg = f"cannot connect to {host}: no answer within {_seconds(timeout.connect)}"
        return NetError(msg, kind="timeout", url=full), True
    if isinstance(exc, httpx.TimeoutException):
        stage = "reading from" if isinstance(exc, httpx.ReadTimeout) else "talking to"
        msg = f"timed out {stage} {host} after {_seconds(timeout.read)} ({method} {shown})"
        return NetError(msg, kind="timeout", url=full), method in IDEMPOTENT
    if isinstance(exc, httpx.ProxyError):
        msg = f"proxy error while connecting to {host}: {_describe(exc)}"
        return NetError(msg, kind="config", url=full), False
    if isinstance(exc, httpx.ConnectError):
        for link in chain:
            if isinstance(link, socket.gaierror):
                temporary = link.errno == socket.EAI_AGAIN
                why = "temporary DNS failure" if temporary else "DNS lookup failed"
                hostname = httpx.URL(full).host if full else host
                msg = f"cannot resolve host {hostname!r} ({why})"
                return NetError(msg, kind="dns", url=full), temporary
            if isinstance(link, ssl.SSLCertVerificationError):
                reason = link.verify_message or _describe(link)
                msg = f"TLS certificate of {host} could not be verified: {reason}"
                return NetError(msg, kind="tls", url=full), False
            if isinstance(link, ssl.SSLError):
                msg = f"TLS handshake with {host} failed: {link.reason or _describe(link)}"
                return NetError(msg, kind="tls", url=full), False
            if isinstance(link, ConnectionRefusedError):
                msg = f"cannot connect to {host}: connection refused (is the server running?)"
                return NetError(msg, kind="refused", url=full), True
            if isinstance(link, OSError) and link.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
                msg = f"cannot connect to {host}: {link.strerror or 'unreachable'}"
                return NetError(msg, kind="connect", url=full), True
        return NetError(f"cannot connect to {host}: {_describe(exc)}", url=full), True
    if isinstance(exc, httpx.RemoteProtocolError):
        msg = f"{host} closed the connection without a proper answer ({method} {shown})"
        return NetError(msg, kind="protocol", url=full), method in IDEMPOTENT
    if isinstance(exc, httpx.ReadError | httpx.WriteError):
        msg = f"connection to {host} broke off ({method} {shown}): {_describe(exc)}"
        return NetError(msg, kind="protocol", url=full), method in IDEMPOTENT
    if isinstance(exc, httpx.TooManyRedirects):
        return NetError(f"too many redirects from {shown}", kind="protocol", url=full), False
    if isinstance(exc, httpx.DecodingError):
        msg = f"malformed answer from {shown}: cannot decode the body"
        return NetError(msg, kind="malformed", url=full), False
    msg = f"{method} {shown} failed: {type(exc).__name__}: {_describe(exc)}"
    return NetError(msg, kind="protocol", url=full), False


def _status_error(response: httpx.Response, auth_hint: str | None) -> NetError:
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
    detail = _server_detail(response)
    msg = f"HTTP {status} {phrase} from {display_url(url)}"
    if detail:
        msg += f": {detail}"
    return NetError(msg, kind="status", url=url, status=status)


def _server_detail(response: httpx.Response, limit: int = 160) -> str:
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
