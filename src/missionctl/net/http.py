"""One network request, retried within its bounds, and JSON bodies: what every client calls.

* :func:`request` sends one request, retrying with exponential backoff on connection errors,
  429 and transient 5xx, honouring ``Retry-After``; every failure becomes a :class:`NetError`.
* :func:`get_json`, :func:`decode_json`, :func:`malformed`: JSON answers and answers of the
  wrong shape.

The rest of the HTTP layer is in modules named for what they own, and re-exported here:
``net/client.py`` (:func:`make_client`, :class:`NetClient`), ``net/retry.py``
(:class:`RetryPolicy`, which failures are retried, ``Retry-After``), ``net/failures.py``
(httpx exceptions and error statuses as one-line :class:`NetError` messages).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

import httpx

from missionctl.net.client import DEFAULT_USER_AGENT, NetClient, make_client
from missionctl.net.deadline import passed, within
from missionctl.net.errors import CacheError, NetError, display_url, host_of
from missionctl.net.failures import excerpt, status_error, transport_error
from missionctl.net.retry import (
    IDEMPOTENT,
    RETRY_STATUSES,
    RetryEvent,
    RetryPolicy,
    parse_retry_after,
)

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
    "policy_for",
    "request",
]

#: ``progress(done, total, what)``: called by long operations after each step. The CLI renders
#: it with rich; ``what`` is a short label (a query, a UID, "block 2/6").
ProgressHook = Callable[[int, int, str], None]

#: Used when neither the call nor the client names a policy. Tests may monkeypatch it.
DEFAULT_POLICY = RetryPolicy()


@dataclass(slots=True)
class _Outcome:
    """What one attempt gave: a response to return, or the error and whether to retry."""

    response: httpx.Response | None = None
    error: NetError | None = None
    cause: BaseException | None = None
    retryable: bool = False
    retry_after: float | None = None
    late: bool = False  # cut by the step's deadline


def budget(client: httpx.Client, policy: RetryPolicy) -> float:
    """Seconds one step may take, every attempt and wait included: the client's budget
    (`make_client(budget=...)`, the CLI's `--timeout`), at most the policy's `max_total`."""
    own = getattr(client, "budget", None)
    total = max(0.0, policy.max_total)
    return total if own is None else min(total, own)


def policy_for(client: httpx.Client) -> RetryPolicy:
    """The retry policy `request` uses for `client` when the call names none: the client's
    (`make_client(retry=...)`), else the module's `DEFAULT_POLICY`."""
    return getattr(client, "retry_policy", None) or DEFAULT_POLICY


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

    The whole step, every attempt and wait included, ends by its deadline (`budget`): each
    connect, read and write is cut to the time left (`net.deadline`), so a server trickling
    its answer cannot hold it longer, and no wait starts that would end after it.
    ``kwargs`` go to ``client.request`` (``params``, ``headers``, ``content``, ``json``...).
    ``throttle`` is called before every attempt, retries included (a rate limiter's ``wait``).
    ``auth_hint`` ends the message of a 401 (say where credentials come from).
    """
    policy = policy or policy_for(client)
    method = method.upper()
    attempts = max(1, policy.attempts)
    total = budget(client, policy)
    start = policy.clock()
    deadline = start + total
    for attempt in range(1, attempts + 1):
        if throttle is not None:
            throttle()
        with within(deadline, policy.clock):
            got = _attempt(client, method, url, accept, auth_hint, policy, kwargs)
        if got.response is not None:
            return got.response
        assert got.error is not None
        if got.late:
            raise _late(got.cause, method, url, total, attempt) from got.cause
        if not got.retryable or attempt == attempts:
            raise got.error from got.cause
        delay = got.retry_after if got.retry_after is not None else policy.backoff(attempt)
        if policy.clock() + delay > deadline:
            raise got.error from got.cause
        if policy.on_retry is not None:
            policy.on_retry(RetryEvent(attempt, attempts, delay, got.error.message))
        if delay > 0:
            policy.sleep(delay)
    raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises


def _attempt(client: httpx.Client, method: str, url: str | httpx.URL, accept: Collection[int],
             auth_hint: str | None, policy: RetryPolicy, kwargs: dict[str, Any]) -> _Outcome:
    try:
        response = client.request(method, url, **kwargs)
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        error, retryable = transport_error(exc, method, url, client)
        return _Outcome(error=error, cause=exc, retryable=retryable, late=_cut(exc))
    status = response.status_code
    if 200 <= status < 300 or status in accept:
        return _Outcome(response=response)
    retryable = status in RETRY_STATUSES and (method in IDEMPOTENT or status == 429)
    retry_after = None
    if retryable and status in (429, 503):
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
    error = status_error(response, auth_hint)
    response.close()
    if retry_after is not None and retry_after > policy.max_retry_after:
        raise NetError(
            f"{error.message} (the server asks to wait {retry_after:.0f} s; try later)",
            kind="status",
            url=str(response.request.url),
            status=status,
        )
    return _Outcome(error=error, retryable=retryable, retry_after=retry_after)


def _cut(exc: BaseException) -> bool:
    """Whether the step's deadline ended this attempt."""
    return isinstance(exc, httpx.TimeoutException) and passed(exc)


def _late(cause: BaseException | None, method: str, url: str | httpx.URL, total: float,
          tries: int) -> NetError:
    """The step ran out of time: say in what, and after how many tries."""
    shown = display_url(url)
    host = host_of(str(url))
    stage = ("connecting to" if isinstance(cause, httpx.ConnectTimeout) else
             "reading from" if isinstance(cause, httpx.ReadTimeout) else "talking to")
    told = "1 try" if tries == 1 else f"{tries} tries"
    return NetError(
        f"timed out {stage} {host}: no complete answer within the {total:g} s allowed "
        f"({method} {shown}; {told})",
        kind="timeout",
        url=str(url),
    )


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
            f"(starts with {excerpt(body)})",
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
