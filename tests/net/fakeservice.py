"""A small real HTTP server on loopback that plays OSRM, Nominatim and Nager.Date, with faults.

It is a ``http.server.ThreadingHTTPServer`` in a background thread: clients talk to it over real
sockets through the whole httpx stack. Each test gets its own instance (see ``conftest.py``) and
every instance stops at teardown, waking any handler that is sleeping on a ``delay`` fault.

Faults are queued per path prefix and consumed one per matching request::

    service.add_fault("/search", Fault(status=500), Fault(status=429, headers={"Retry-After": "1"}))

Every request is recorded (monotonic time, method, path, query, headers) in ``service.requests``.
"""

from __future__ import annotations

import json
import math
import ssl
import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

#: The most a ``delay`` fault may sleep: a bound on every handler, whatever a test asks.
MAX_DELAY = 10.0


@dataclass(frozen=True)
class Fault:
    """What to do instead of (or before) the normal answer.

    ``delay``: sleep that long first (interrupted at shutdown). ``close``: drop the connection
    without answering. ``status``/``headers``/``body``: answer that instead of the normal reply
    (``body`` None with a ``status`` gives an empty body; only ``delay`` keeps the normal reply).
    """

    delay: float = 0.0
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    close: bool = False
    trickle: float = 0.0
    """Send the answer (``status``, ``headers``, ``body``) one byte every ``trickle`` seconds,
    headers at once unless ``trickle_headers``; stops when the client goes, at shutdown, or
    after MAX_DELAY. ``service.trickled`` counts the bytes sent that way."""
    trickle_headers: bool = False


@dataclass(frozen=True)
class Recorded:
    at: float  # time.monotonic() when the request line was read
    method: str
    path: str  # raw path as sent (percent-encoding kept), without the query
    query: dict[str, list[str]]
    raw_query: str
    headers: dict[str, str]
    target: str  # the full request target (absolute for proxied requests)


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lat, lon)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(h))


SPEED_M_PER_S = 12.5  # 45 km/h: the fake router's only road


def fake_duration(a: tuple[float, float], b: tuple[float, float]) -> float:
    return round(haversine_m(a, b) / SPEED_M_PER_S, 1)


def fake_distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return round(haversine_m(a, b), 1)


class FakeService:
    """OSRM ``/table/v1``, Nominatim ``/search``, Nager.Date ``/api/v3/PublicHolidays`` and
    ``/echo`` (the request headers as JSON), plus answering proxied requests."""

    def __init__(self, *, tls: ssl.SSLContext | None = None) -> None:
        self.places: dict[str, Any] = {}  # casefolded query -> (lat, lon) or a raw JSON value
        self.holidays: dict[tuple[int, str], Any] = {}  # (year, CC) -> JSON value
        self.no_content: set[str] = set()  # countries answered with 204
        self.unroutable: set[tuple[float, float]] = set()  # (lat, lon) with no route to/from
        self.no_segment: set[tuple[float, float]] = set()  # (lat, lon) off the road network
        self.max_table_size: int | None = None  # like osrm-routed --max-table-size
        self.requests: list[Recorded] = []
        self.trickled = 0  # bytes sent by trickle faults
        self._faults: dict[str, deque[Fault]] = {}
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.service = self
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self._thread: threading.Thread | None = None

    # lifecycle
    def start(self) -> FakeService:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()

    def __enter__(self) -> FakeService:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # faults and records
    def add_fault(self, prefix: str, *faults: Fault) -> None:
        with self._lock:
            self._faults.setdefault(prefix, deque()).extend(faults)

    def take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for prefix, queue in self._faults.items():
                if path.startswith(prefix) and queue:
                    return queue.popleft()
        return None

    def record(self, rec: Recorded) -> None:
        with self._lock:
            self.requests.append(rec)

    def hits(self, prefix: str) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith(prefix)]

    # data helpers
    def add_places(self, places: Iterable[tuple[str, Any]]) -> None:
        for query, value in places:
            self.places[" ".join(query.split()).casefold()] = value


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a handler stuck in a fault never blocks shutdown
    allow_reuse_address = True
    service: FakeService


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection: simple and predictable

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    # WebDAV methods: only faults answer them (for malformed-answer tests); else 405
    do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_MKCALENDAR = do_POST

    def _handle(self) -> None:
        service = self.server.service
        at = time.monotonic()
        target = self.path
        parts = urlsplit(target)
        rec = Recorded(
            at=at,
            method=self.command,
            path=parts.path,
            query=parse_qs(parts.query, keep_blank_values=True),
            raw_query=parts.query,
            headers={k: v for k, v in self.headers.items()},
            target=target,
        )
        service.record(rec)
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 1 << 20))
        fault = service.take_fault(parts.path)
        if fault is not None:
            if fault.delay and service.stopping.wait(min(fault.delay, MAX_DELAY)):
                return  # shutting down
            if fault.close:
                self.close_connection = True
                return
            if fault.trickle:
                self._trickle(fault)
                return
            if fault.status is not None:
                self._send(fault.status, fault.body or b"", fault.headers)
                return
        if target.startswith(("http://", "https://")):
            self._json(200, {"proxied": True, "target": target})
        elif parts.path == "/echo":
            self._json(200, {"headers": rec.headers, "query": rec.query})
        elif parts.path.startswith("/table/v1/"):
            self._osrm(parts.path)
        elif parts.path == "/search":
            self._nominatim(rec.query)
        elif parts.path.startswith("/api/v3/PublicHolidays/"):
            self._nager(parts.path)
        elif self.command not in ("GET", "POST"):
            self._json(405, {"message": "method not allowed"})
        else:
            self._json(404, {"message": "no such endpoint"})

    # responses
    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = dict(headers or {})
        headers.setdefault("Content-Type", "application/json")
        for key, value in headers.items():
            self.send_header(key, value)
        if status not in (204, 304):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status not in (204, 304) and self.command != "HEAD":
            self.wfile.write(body)

    def _trickle(self, fault: Fault) -> None:
        """The answer one byte at a time (a slow-loris server), bounded by MAX_DELAY."""
        service = self.server.service
        body = fault.body or b""
        head = [f"HTTP/1.0 {fault.status or 200} OK", f"Content-Length: {len(body)}",
                "Content-Type: application/json", *(f"{k}: {v}" for k, v in
                                                     fault.headers.items())]
        raw_head = ("\r\n".join(head) + "\r\n\r\n").encode()
        slow = raw_head + body if fault.trickle_headers else body
        self.close_connection = True
        try:
            if not fault.trickle_headers:
                self.wfile.write(raw_head)
                self.wfile.flush()
            ends = time.monotonic() + MAX_DELAY
            for i in range(len(slow)):
                self.wfile.write(slow[i:i + 1])
                self.wfile.flush()
                with service._lock:
                    service.trickled += 1
                if service.stopping.wait(fault.trickle) or time.monotonic() > ends:
                    return
        except OSError:  # the client went away: what a deadline is for
            return

    def _json(self, status: int, value: Any) -> None:
        self._send(status, json.dumps(value).encode())

    # OSRM
    def _osrm(self, path: str) -> None:
        service = self.server.service
        pieces = path.split("/")  # ['', 'table', 'v1', profile, coords]
        if len(pieces) != 5:
            self._json(400, {"code": "InvalidUrl", "message": "URL string malformed"})
            return
        try:
            coords = [
                (float(lat), float(lon))
                for lon, lat in (pair.split(",") for pair in unquote(pieces[4]).split(";"))
            ]
        except ValueError:
            self._json(400, {"code": "InvalidQuery", "message": "Query string malformed"})
            return
        n = len(coords)
        limit = service.max_table_size
        if limit is not None and n * n > limit * limit:
            self._json(400, {"code": "TooBig", "message": "Too many table coordinates"})
            return
        for i, c in enumerate(coords):
            if c in {_r(p) for p in service.no_segment}:
                self._json(
                    400,
                    {
                        "code": "NoSegment",
                        "message": f"Could not find a matching segment for coordinate {i}",
                    },
                )
                return
        durations: list[list[float | None]] = []
        distances: list[list[float | None]] = []
        unroutable = {_r(p) for p in service.unroutable}
        for a in coords:
            drow: list[float | None] = []
            mrow: list[float | None] = []
            for b in coords:
                if a != b and (a in unroutable or b in unroutable):
                    drow.append(None)
                    mrow.append(None)
                else:
                    drow.append(fake_duration(a, b))
                    mrow.append(fake_distance(a, b))
            durations.append(drow)
            distances.append(mrow)
        waypoints = [{"location": [lon, lat], "distance": 3.5, "name": ""} for lat, lon in coords]
        self._json(
            200,
            {
                "code": "Ok",
                "durations": durations,
                "distances": distances,
                "sources": waypoints,
                "destinations": waypoints,
            },
        )

    # Nominatim
    def _nominatim(self, query: dict[str, list[str]]) -> None:
        service = self.server.service
        q = " ".join((query.get("q") or [""])[0].split()).casefold()
        value = service.places.get(q)
        if value is None:
            self._json(200, [])
        elif isinstance(value, tuple):
            lat, lon = value
            self._json(
                200,
                [
                    {
                        "place_id": 1,
                        "lat": str(lat),
                        "lon": str(lon),
                        "display_name": q,
                        "category": "amenity",
                        "importance": 0.5,
                    }
                ],
            )
        else:
            self._json(200, value)

    # Nager.Date
    def _nager(self, path: str) -> None:
        service = self.server.service
        pieces = path.split("/")  # ['', 'api', 'v3', 'PublicHolidays', year, cc]
        try:
            year, country = int(pieces[4]), pieces[5]
        except (IndexError, ValueError):
            self._json(400, {"title": "One or more validation errors occurred."})
            return
        if country in service.no_content:
            self._send(204, b"")
            return
        value = service.holidays.get((year, country))
        if value is None:
            self._send(404, b"", {"Content-Type": "text/plain"})
            return
        self._json(200, value)


def _r(point: tuple[float, float]) -> tuple[float, float]:
    """A (lat, lon) as it reads back from a URL with 6 decimals."""
    return (round(point[0], 6), round(point[1], 6))


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
