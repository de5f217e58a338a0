"""Addresses to coordinates through a Nominatim-compatible geocoder, politely.

``GET {base}/search?q=...&format=jsonv2&limit=1`` answers a JSON list; its first item carries
``lat`` and ``lon`` as *strings*. An empty list is a miss.

Nominatim's usage policy asks for at most one request per second, an identifying User-Agent and
caching. Hence:

* :class:`RateLimiter` spaces requests (retries included) by ``interval`` seconds. One limiter is
  shared per geocoder host in the process (:func:`limiter_for`); tests inject their own, with a
  fake clock and sleep.
* the client's User-Agent (``make_client`` sets ``missionctl/<version> (+url)``) is sent; a
  client without one is refused here rather than sending httpx's generic one.
* :class:`GeoCache` keeps results *and misses* in a JSON file the caller names, rewritten
  atomically (temporary file in the same folder, fsync, rename) after every new answer, so an
  interrupted run keeps what it paid for.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from missionctl.atomic import replace_file
from missionctl.net.errors import CacheError, NetError, host_of
from missionctl.net.http import ProgressHook, decode_json, malformed, request

__all__ = [
    "CacheEntry",
    "GeoCache",
    "RateLimiter",
    "cache_key",
    "geocode",
    "geocode_many",
    "limiter_for",
]

CACHE_FORMAT = "missionctl-geocache"
CACHE_VERSION = 1


class RateLimiter:
    """At most one :meth:`wait` return per ``interval`` seconds (thread-safe)."""

    def __init__(
        self,
        interval: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: float | None = None
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            if self._last is not None:
                remaining = self.interval - (self._clock() - self._last)
                if remaining > 0:
                    self._sleep(remaining)
            self._last = self._clock()


_limiters: dict[str, RateLimiter] = {}
_limiters_lock = threading.Lock()


def limiter_for(base_url: str, interval: float = 1.0) -> RateLimiter:
    """The process-wide limiter for a geocoder host (created on first use)."""
    host = host_of(base_url).lower()
    with _limiters_lock:
        limiter = _limiters.get(host)
        if limiter is None:
            limiter = _limiters[host] = RateLimiter(interval)
        return limiter


def cache_key(query: str, params: Mapping[str, str] | None = None) -> str:
    """Queries differing only in case and spacing share a cache entry; extra parameters
    (``countrycodes``, ``accept-language``...) are part of the key."""
    key = " ".join(query.split()).casefold()
    if params:
        key += "|" + "&".join(f"{k}={params[k]}" for k in sorted(params))
    return key


@dataclass(frozen=True, slots=True)
class CacheEntry:
    result: tuple[float, float] | None  # None: the geocoder found nothing
    source: str  # the geocoder host that answered
    fetched: str  # when, ISO 8601 UTC


class GeoCache:
    """Geocoding answers kept in a JSON file at ``path``, including misses.

    The file is read when the cache is created (missing file: empty cache; unreadable or not a
    geocache: :class:`CacheError`) and rewritten atomically by :meth:`save`, which :meth:`put`
    calls unless ``autosave`` is False. Several processes writing the same file at once are not
    coordinated: the last writer wins, and the file is never half-written.
    """

    def __init__(self, path: str | os.PathLike[str], *, autosave: bool = True) -> None:
        self.path = Path(path)
        self.autosave = autosave
        self._entries: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._load()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise CacheError(f"cannot read geocode cache {self.path}: {exc.strerror}") from exc
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise CacheError(
                f"geocode cache {self.path} is not valid JSON; delete it to start afresh"
            ) from exc
        if (
            not isinstance(data, dict)
            or data.get("format") != CACHE_FORMAT
            or not isinstance(data.get("entries"), dict)
        ):
            raise CacheError(f"{self.path} is not a missionctl geocode cache")
        if data.get("version") != CACHE_VERSION:
            raise CacheError(
                f"geocode cache {self.path} has version {data.get('version')!r}; "
                f"this missionctl reads version {CACHE_VERSION}"
            )
        for key, entry in data["entries"].items():
            if isinstance(key, str) and _valid_entry(entry):
                self._entries[key] = entry

    def get(self, key: str) -> CacheEntry | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        result = entry["result"]
        return CacheEntry(
            None if result is None else (float(result[0]), float(result[1])),
            str(entry.get("source", "")),
            str(entry.get("fetched", "")),
        )

    def put(self, key: str, result: tuple[float, float] | None, *, query: str, source: str) -> None:
        with self._lock:
            self._entries[key] = {
                "query": query,
                "result": None if result is None else [result[0], result[1]],
                "source": source,
                "fetched": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
        if self.autosave:
            self.save()

    def save(self) -> None:
        """Write the cache atomically: a temporary file beside it, fsync, then rename."""
        with self._lock:
            payload = {
                "format": CACHE_FORMAT,
                "version": CACHE_VERSION,
                "entries": dict(sorted(self._entries.items())),
            }
            text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
            try:
                # 0o600: the cache holds the addresses asked about; it is the user's alone.
                replace_file(self.path, text, mode=0o600)
            except OSError as exc:
                raise CacheError(
                    f"cannot write geocode cache {self.path}: {exc.strerror or exc}"
                ) from exc


def _valid_entry(entry: object) -> bool:
    if not isinstance(entry, dict):
        return False
    result = entry.get("result", "missing")
    if result is None:
        return True
    return (
        isinstance(result, list)
        and len(result) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in result)
    )


def geocode(
    client: httpx.Client,
    base_url: str,
    query: str,
    *,
    cache: GeoCache | None,
    limiter: RateLimiter | None = None,
    params: Mapping[str, str] | None = None,
    retry_misses: bool = False,
) -> tuple[float, float] | None:
    """(lat, lon) of the best match for ``query``, or None if the geocoder knows no match.

    A cached answer (a miss too, unless ``retry_misses``) is returned without a request.
    ``params`` adds Nominatim parameters (``countrycodes``, ``accept-language``, ``email``...).
    ``limiter`` defaults to the process-wide one for the geocoder's host (1 request/s).
    """
    text = " ".join(query.split())
    if not text:
        raise NetError("cannot geocode an empty address", kind="input")
    key = cache_key(text, params)
    if cache is not None:
        entry = cache.get(key)
        if entry is not None and (entry.result is not None or not retry_misses):
            return entry.result
    _require_user_agent(client)
    limiter = limiter or limiter_for(base_url)
    query_params = {"q": text, "format": "jsonv2", "limit": "1"}
    if params:
        query_params.update({k: v for k, v in params.items() if k not in ("q", "format")})
    url = f"{base_url.rstrip('/')}/search"
    response = request(client, "GET", url, params=query_params, throttle=limiter.wait)
    result = _parse(response)
    if cache is not None:
        cache.put(key, result, query=text, source=host_of(base_url))
    return result


def geocode_many(
    client: httpx.Client,
    base_url: str,
    queries: Iterable[str],
    *,
    cache: GeoCache | None,
    limiter: RateLimiter | None = None,
    params: Mapping[str, str] | None = None,
    retry_misses: bool = False,
    progress: ProgressHook | None = None,
) -> dict[str, tuple[float, float] | None]:
    """:func:`geocode` for each distinct query, in order; ``progress(done, total, query)``
    after each. Stops at the first NetError (the cache keeps what was found)."""
    distinct = list(dict.fromkeys(queries))
    out: dict[str, tuple[float, float] | None] = {}
    for done, query in enumerate(distinct, start=1):
        out[query] = geocode(
            client,
            base_url,
            query,
            cache=cache,
            limiter=limiter,
            params=params,
            retry_misses=retry_misses,
        )
        if progress is not None:
            progress(done, len(distinct), query)
    return out


def _require_user_agent(client: httpx.Client) -> None:
    agent = client.headers.get("User-Agent", "")
    if not agent or agent.startswith("python-httpx/"):
        raise NetError(
            "the geocoder's usage policy asks for an identifying User-Agent: "
            "build the client with make_client()",
            kind="input",
        )


def _parse(response: httpx.Response) -> tuple[float, float] | None:
    data = decode_json(response, what="geocoder")
    if not isinstance(data, list):
        raise malformed(response, "geocoder", "expected a JSON list of places")
    if not data:
        return None
    first = data[0]
    if not isinstance(first, dict):
        raise malformed(response, "geocoder", "a place is not a JSON object")
    try:
        lat = float(first["lat"])
        lon = float(first["lon"])
    except KeyError as exc:
        raise malformed(response, "geocoder", f"a place has no {exc.args[0]!r}") from None
    except (TypeError, ValueError):
        raise malformed(
            response,
            "geocoder",
            f"lat/lon {first.get('lat')!r}, {first.get('lon')!r} are not numbers",
        ) from None
    if not (math.isfinite(lat) and -90 <= lat <= 90 and math.isfinite(lon) and -180 <= lon <= 180):
        raise malformed(response, "geocoder", f"lat/lon {lat}, {lon} are out of range")
    return (lat, lon)
