"""How a network step is retried: which failures, how often, how long to wait.

* :data:`IDEMPOTENT` and :data:`RETRY_STATUSES` say which failures may be tried again;
* :class:`RetryPolicy` bounds the retries (attempts and total time) and waits with exponential
  backoff; tests shrink it, either per call (``policy=``), per client
  (``make_client(retry=...)``) or module-wide (``net.http.DEFAULT_POLICY``);
* :func:`parse_retry_after` reads a ``Retry-After`` header.

The loop that applies them is ``net.http.request``. This module imports no httpx.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = [
    "IDEMPOTENT",
    "RETRY_STATUSES",
    "RetryEvent",
    "RetryPolicy",
    "parse_retry_after",
]

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
    server asked to wait. No wait starts that would end after the step's deadline:
    ``max_total`` seconds from the first attempt, or the client's budget if smaller; attempts
    in flight end by it too (``net.deadline``).
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
