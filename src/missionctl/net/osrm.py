"""Travel-time matrices from an OSRM-compatible routing server (the ``table`` service).

``GET {base}/table/v1/{profile}/{lon,lat;lon,lat;...}?annotations=duration,distance`` answers
``{"code": "Ok", "durations": [[s, ...], ...], "distances": [[m, ...], ...]}`` in row-major
order, ``null`` where there is no route. Note the URL takes **lon,lat**; this module takes and
returns (lat, lon) like the rest of missionctl and swaps them only in the URL.

Chunking: osrm-routed refuses a table whose sources x destinations exceeds
``--max-table-size`` squared (default 100, so 100 coordinates in one request; the public demo
server uses the same). With more than ``max_table_size`` coordinates, they are cut into blocks
of ``max_table_size // 2`` and one request is sent per pair of blocks (all coordinates of both
blocks as sources and destinations), which covers every cell: k blocks cost k(k-1)/2 requests,
each with at most ``max_table_size`` coordinates, so the URL stays short too (about 22
characters per coordinate). If the server still answers ``TooBig`` (a smaller limit), the block
size is halved and the table started again, down to 2 coordinates per request.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import httpx

from missionctl.net.errors import NetError, display_url
from missionctl.net.http import ProgressHook, decode_json, malformed, request

__all__ = ["DEFAULT_MAX_TABLE_SIZE", "Matrix", "table"]

#: osrm-routed's default ``--max-table-size``.
DEFAULT_MAX_TABLE_SIZE = 100

_PROFILE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_COORD_INDEX = re.compile(r"(coordinate|waypoint)\s+(\d+)", re.IGNORECASE)

Coord = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Matrix:
    """Travel between every pair of ``coords`` (each ``(lat, lon)``), row = from, column = to.

    ``durations`` in seconds and ``distances`` in metres, None where the server found no route.
    ``snap_m[i]`` is how far (metres) the server moved coordinate i to reach its road network,
    None if the server did not say; a large value usually means a wrong venue position.
    """

    coords: tuple[Coord, ...]
    durations: tuple[tuple[float | None, ...], ...]
    distances: tuple[tuple[float | None, ...], ...]
    snap_m: tuple[float | None, ...]

    def duration(self, i: int, j: int) -> float | None:
        return self.durations[i][j]

    def distance(self, i: int, j: int) -> float | None:
        return self.distances[i][j]


def table(
    client: httpx.Client,
    base_url: str,
    coords: list[tuple[float, float]],
    profile: str = "driving",
    *,
    max_table_size: int = DEFAULT_MAX_TABLE_SIZE,
    progress: ProgressHook | None = None,
) -> Matrix:
    """Ask ``base_url``'s table service for durations and distances between all ``coords``
    ((lat, lon) pairs). Raises NetError on any failure, including a coordinate the server cannot
    place on its network (the message gives its index in ``coords``)."""
    points = tuple(_check_coord(i, c) for i, c in enumerate(coords))
    if not _PROFILE.match(profile):
        raise NetError(f"invalid routing profile {profile!r}", kind="input")
    if max_table_size < 2:
        raise NetError(f"max_table_size must be at least 2, not {max_table_size}", kind="input")
    n = len(points)
    if n <= 1:
        zero: tuple[tuple[float | None, ...], ...] = tuple((0.0,) for _ in points)
        return Matrix(points, zero, zero, tuple(None for _ in points))
    limit = max_table_size
    while True:  # bounded: limit halves on every pass and stops at 2
        try:
            return _table(client, base_url, points, profile, limit, progress)
        except _TooBig as exc:
            if limit <= 2:
                raise NetError(
                    f"routing server {display_url(base_url)} refuses even 2 coordinates "
                    "per table request (TooBig)",
                    kind="status",
                    url=exc.url,
                ) from None
            limit = max(2, min(limit, exc.sent) // 2)


class _TooBig(Exception):
    def __init__(self, sent: int, url: str) -> None:
        super().__init__(sent)
        self.sent = sent
        self.url = url


def _check_coord(index: int, coord: object) -> Coord:
    try:
        lat, lon = coord  # type: ignore[misc]
        lat_f, lon_f = float(lat), float(lon)  # type: ignore[has-type]
    except (TypeError, ValueError):
        raise NetError(
            f"coordinate #{index} is not a (lat, lon) pair: {coord!r}", kind="input"
        ) from None
    if not (math.isfinite(lat_f) and -90 <= lat_f <= 90):
        raise NetError(f"coordinate #{index}: latitude {lat_f} is out of range", kind="input")
    if not (math.isfinite(lon_f) and -180 <= lon_f <= 180):
        raise NetError(f"coordinate #{index}: longitude {lon_f} is out of range", kind="input")
    return (lat_f, lon_f)


def _fmt(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _blocks(n: int, limit: int) -> list[list[list[int]]]:
    """Index groups, one per request, covering every (i, j) cell."""
    if n <= limit:
        return [[list(range(n))]]
    size = max(1, limit // 2)
    blocks = [list(range(start, min(n, start + size))) for start in range(0, n, size)]
    return [[a, b] for ia, a in enumerate(blocks) for b in blocks[ia + 1 :]]


def _table(
    client: httpx.Client,
    base_url: str,
    points: tuple[Coord, ...],
    profile: str,
    limit: int,
    progress: ProgressHook | None,
) -> Matrix:
    n = len(points)
    durations: list[list[float | None]] = [[None] * n for _ in range(n)]
    distances: list[list[float | None]] = [[None] * n for _ in range(n)]
    snap: list[float | None] = [None] * n
    groups = _blocks(n, limit)
    for done, group in enumerate(groups, start=1):
        indices = [i for block in group for i in block]
        dur, dist, snapped = _one_request(client, base_url, points, indices, profile)
        for a, ia in enumerate(indices):
            snap[ia] = snapped[a] if snapped[a] is not None else snap[ia]
            for b, ib in enumerate(indices):
                durations[ia][ib] = dur[a][b]
                distances[ia][ib] = dist[a][b]
        if progress is not None:
            progress(done, len(groups), f"routing table {done}/{len(groups)}")
    return Matrix(
        points,
        tuple(tuple(row) for row in durations),
        tuple(tuple(row) for row in distances),
        tuple(snap),
    )


def _one_request(
    client: httpx.Client,
    base_url: str,
    points: tuple[Coord, ...],
    indices: list[int],
    profile: str,
) -> tuple[list[list[float | None]], list[list[float | None]], list[float | None]]:
    path = ";".join(f"{_fmt(points[i][1])},{_fmt(points[i][0])}" for i in indices)
    # The query is written literally: httpx would percent-encode the comma given as params=.
    url = f"{base_url.rstrip('/')}/table/v1/{profile}/{path}?annotations=duration,distance"
    response = request(client, "GET", url, accept=(400,))
    data = decode_json(response, what="routing server")
    m = len(indices)
    if not isinstance(data, dict):
        raise malformed(response, "routing server", "expected a JSON object")
    code = data.get("code")
    if code != "Ok":
        _raise_code(response, data, indices, m)
    durations = _matrix(response, data, "durations", m)
    distances = _matrix(response, data, "distances", m)
    snapped: list[float | None] = [None] * m
    sources = data.get("sources")
    if isinstance(sources, list) and len(sources) == m:
        for k, waypoint in enumerate(sources):
            value = waypoint.get("distance") if isinstance(waypoint, dict) else None
            if isinstance(value, int | float) and _is_number(value):
                snapped[k] = float(value)
    return durations, distances, snapped


def _raise_code(response: httpx.Response, data: dict[str, Any], indices: list[int], m: int) -> None:
    code = data.get("code")
    message = data.get("message")
    text = " ".join(str(message).split()) if isinstance(message, str) else ""
    if code == "TooBig":
        raise _TooBig(m, str(response.request.url))
    if not isinstance(code, str):
        if response.status_code == 400:
            raise NetError(
                f"HTTP 400 Bad Request from {display_url(response.request.url)}",
                kind="status",
                url=str(response.request.url),
                status=400,
            )
        raise malformed(response, "routing server", "no 'code' in the answer")

    def to_global(match: re.Match[str]) -> str:
        local = int(match.group(2))
        return f"{match.group(1)} #{indices[local]}" if 0 <= local < len(indices) else match[0]

    text = _COORD_INDEX.sub(to_global, text)
    if code in ("NoSegment", "NoRoute", "NoTable"):
        what = {
            "NoSegment": "cannot place a coordinate on its road network",
            "NoRoute": "found no route",
            "NoTable": "found no route between the coordinates",
        }[code]
        raise NetError(
            f"routing server {what} ({code}{': ' + text if text else ''})",
            kind="nodata",
            url=str(response.request.url),
            status=response.status_code,
        )
    raise NetError(
        f"routing server refused the request: {code}{': ' + text if text else ''}",
        kind="status",
        url=str(response.request.url),
        status=response.status_code,
    )


def _is_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )


def _matrix(
    response: httpx.Response, data: dict[str, Any], key: str, m: int
) -> list[list[float | None]]:
    rows = data.get(key)
    if not isinstance(rows, list):
        raise malformed(response, "routing server", f"no {key!r} matrix in the answer")
    if len(rows) != m:
        raise malformed(response, "routing server", f"{key!r} has {len(rows)} rows, expected {m}")
    out: list[list[float | None]] = []
    for r, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != m:
            size = len(row) if isinstance(row, list) else type(row).__name__
            raise malformed(
                response, "routing server", f"{key!r} row {r} has {size} entries, expected {m}"
            )
        cells: list[float | None] = []
        for c, cell in enumerate(row):
            if cell is None:
                cells.append(None)
            elif _is_number(cell):
                cells.append(float(cell))
            else:
                raise malformed(
                    response, "routing server", f"{key!r}[{r}][{c}] is {cell!r}, not a number"
                )
        out.append(cells)
    return out
