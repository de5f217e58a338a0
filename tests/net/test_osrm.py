"""osrm.table against the fake OSRM table service on loopback."""

from __future__ import annotations

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.osrm import table

from .fakeservice import FakeService, Fault, fake_distance, fake_duration

CASABLANCA = (33.5731, -7.5898)
RABAT = (34.0209, -6.8416)
TANGIER = (35.7595, -5.8340)


def grid(n: int) -> list[tuple[float, float]]:
    return [(round(33.5 + 0.01 * i, 6), round(-7.6 + 0.013 * (i % 7), 6)) for i in range(n)]


def test_table_swaps_to_lon_lat_in_the_url(service: FakeService, client: httpx.Client) -> None:
    coords = [CASABLANCA, RABAT, TANGIER]
    m = table(client, service.url, coords)
    (hit,) = service.hits("/table/v1/")
    assert hit.path == "/table/v1/driving/-7.5898,33.5731;-6.8416,34.0209;-5.834,35.7595"
    assert hit.raw_query == "annotations=duration,distance"
    assert m.coords == tuple(coords)
    for i, a in enumerate(coords):
        for j, b in enumerate(coords):
            assert m.duration(i, j) == fake_duration(a, b)
            assert m.distance(i, j) == fake_distance(a, b)
    assert m.durations[0][0] == 0
    assert m.distances[0][1] is not None and 80_000 < m.distances[0][1] < 90_000
    assert m.snap_m == (3.5, 3.5, 3.5)


def test_profile_and_base_url_path(service: FakeService, client: httpx.Client) -> None:
    table(client, service.url + "/", [CASABLANCA, RABAT], profile="foot")
    (hit,) = service.hits("/table/v1/")
    assert hit.path.startswith("/table/v1/foot/")


def test_no_route_is_none(service: FakeService, client: httpx.Client) -> None:
    island = (35.9, -5.3)
    service.unroutable.add(island)
    m = table(client, service.url, [CASABLANCA, island, RABAT])
    assert m.durations[0][1] is None and m.durations[1][2] is None
    assert m.distances[1][0] is None
    assert m.durations[1][1] == 0 and m.durations[0][2] is not None


def test_large_tables_are_chunked(service: FakeService, client: httpx.Client) -> None:
    service.max_table_size = 6
    coords = grid(14)
    progress: list[tuple[int, int]] = []
    m = table(
        client,
        service.url,
        coords,
        max_table_size=6,
        progress=lambda done, total, _what: progress.append((done, total)),
    )
    hits = service.hits("/table/v1/")
    # blocks of 3 -> 5 blocks -> 10 pairs, none above the limit
    assert len(hits) == 10
    assert all(len(h.path.split("/")[-1].split(";")) <= 6 for h in hits)
    assert progress == [(i, 10) for i in range(1, 11)]
    for i, a in enumerate(coords):
        for j, b in enumerate(coords):
            assert m.duration(i, j) == fake_duration(a, b), (i, j)
            assert m.distance(i, j) == fake_distance(a, b), (i, j)


def test_too_big_answer_shrinks_the_chunks(service: FakeService, client: httpx.Client) -> None:
    service.max_table_size = 4  # smaller than the client believes
    coords = grid(9)
    m = table(client, service.url, coords, max_table_size=100)
    hits = service.hits("/table/v1/")
    assert len(hits[0].path.split("/")[-1].split(";")) == 9  # first try: everything at once
    assert all(len(h.path.split("/")[-1].split(";")) <= 4 for h in hits[1:])
    assert len(hits) < 30
    for i, a in enumerate(coords):
        for j, b in enumerate(coords):
            assert m.duration(i, j) == fake_duration(a, b)


def test_no_segment_names_the_coordinate_in_the_callers_list(
    service: FakeService, client: httpx.Client
) -> None:
    coords = grid(8)
    service.no_segment.add(coords[6])
    with pytest.raises(NetError) as info:
        table(client, service.url, coords, max_table_size=4)
    assert info.value.kind == "nodata"
    assert "coordinate #6" in str(info.value)
    assert str(info.value).startswith(
        "routing server cannot place a coordinate on its road network"
    )


def test_code_not_ok(service: FakeService, client: httpx.Client) -> None:
    service.add_fault(
        "/table/", Fault(status=200, body=b'{"code": "InvalidOptions", "message": "nope"}')
    )
    with pytest.raises(NetError) as info:
        table(client, service.url, [CASABLANCA, RABAT])
    assert str(info.value) == "routing server refused the request: InvalidOptions: nope"


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b'{"code": "Ok", "durations": [[0, 1]], "distances": [[0, 1], [1, 0]]}',
         "'durations' has 1 rows, expected 2"),
        (b'{"code": "Ok", "durations": [[0, 1], [1]], "distances": [[0, 1], [1, 0]]}',
         "'durations' row 1 has 1 entries, expected 2"),
        (b'{"code": "Ok", "durations": [[0, 1], [1, 0]]}', "no 'distances' matrix"),
        (b'{"code": "Ok", "durations": [[0, "x"], [1, 0]], "distances": [[0, 1], [1, 0]]}',
         "'durations'[0][1] is 'x', not a number"),
        (b'{"code": "Ok", "durations": [[0, -5], [1, 0]], "distances": [[0, 1], [1, 0]]}',
         "'durations'[0][1] is -5, not a number"),
        (b"[1, 2]", "expected a JSON object"),
    ],
)  # fmt: skip
def test_wrong_shape(service: FakeService, client: httpx.Client, body: bytes, detail: str) -> None:
    service.add_fault("/table/", Fault(status=200, body=body))
    with pytest.raises(NetError) as info:
        table(client, service.url, [CASABLANCA, RABAT])
    assert info.value.kind == "malformed"
    assert str(info.value).startswith("unexpected answer from routing server http://127.0.0.1:")
    assert str(info.value).endswith(detail) or detail in str(info.value)


def test_malformed_json(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/table/", Fault(status=200, body=b'{"code": "Ok", "durations": [[0'))
    with pytest.raises(NetError) as info:
        table(client, service.url, [CASABLANCA, RABAT])
    assert info.value.kind == "malformed" and "not JSON" in str(info.value)


def test_500_then_success(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/table/", Fault(status=500))
    m = table(client, service.url, [CASABLANCA, RABAT])
    assert m.duration(0, 1) == fake_duration(CASABLANCA, RABAT)
    assert len(service.hits("/table/")) == 2


def test_slow_router_times_out(service: FakeService) -> None:
    from missionctl.net.http import make_client

    from .conftest import FAST

    service.add_fault("/table/", *[Fault(delay=3)] * 3)
    with make_client(timeout=0.2, retry=FAST) as c, pytest.raises(NetError) as info:
        table(c, service.url, [CASABLANCA, RABAT])
    assert info.value.kind == "timeout"


def test_refused(refused_url: str, client: httpx.Client) -> None:
    with pytest.raises(NetError) as info:
        table(client, refused_url, [CASABLANCA, RABAT])
    assert info.value.kind == "refused"


@pytest.mark.parametrize(
    "coords",
    [[(91.0, 0.0), (0.0, 0.0)], [(0.0, 181.0), (0.0, 0.0)], [(float("nan"), 0.0), (0.0, 0.0)],
     [("a", "b"), (0.0, 0.0)], [(1.0,), (0.0, 0.0)]],
)  # fmt: skip
def test_bad_coordinates_are_refused_before_sending(
    service: FakeService, client: httpx.Client, coords: list[tuple[float, float]]
) -> None:
    with pytest.raises(NetError) as info:
        table(client, service.url, coords)
    assert info.value.kind == "input" and "coordinate #0" in str(info.value)
    assert service.requests == []


def test_trivial_tables_need_no_request(service: FakeService, client: httpx.Client) -> None:
    assert table(client, service.url, []).durations == ()
    one = table(client, service.url, [CASABLANCA])
    assert one.durations == ((0.0,),) and one.distances == ((0.0,),)
    assert service.requests == []
    with pytest.raises(NetError):
        table(client, service.url, [CASABLANCA, RABAT], profile="../x")
