"""nominatim.geocode, its rate limiter and its JSON cache, against the fake geocoder."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.errors import CacheError
from missionctl.net.http import DEFAULT_USER_AGENT
from missionctl.net.nominatim import (
    GeoCache,
    RateLimiter,
    cache_key,
    geocode,
    geocode_many,
    limiter_for,
)

from .fakeservice import FakeService, Fault

HYATT = "Hyatt Regency, Place des Nations Unies, Casablanca"


class FakeTime:
    """A clock that only moves when slept on: spacing can be asserted without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def limiter(fake_time: FakeTime) -> RateLimiter:
    return RateLimiter(1.0, clock=fake_time.clock, sleep=fake_time.sleep)


def test_geocode_hit_parses_string_coordinates(
    service: FakeService, client: httpx.Client, limiter: RateLimiter
) -> None:
    service.add_places([(HYATT, (33.5962, -7.6163))])
    assert geocode(client, service.url, HYATT, cache=None, limiter=limiter) == (33.5962, -7.6163)
    (hit,) = service.hits("/search")
    assert hit.query == {"q": [HYATT], "format": ["jsonv2"], "limit": ["1"]}
    assert {k.lower(): v for k, v in hit.headers.items()}["user-agent"] == DEFAULT_USER_AGENT


def test_miss_is_none_and_cached(
    service: FakeService, client: httpx.Client, limiter: RateLimiter, tmp_path: Path
) -> None:
    cache = GeoCache(tmp_path / "geo.json")
    assert geocode(client, service.url, "Nowhere 1", cache=cache, limiter=limiter) is None
    assert geocode(client, service.url, "  nowhere   1 ", cache=cache, limiter=limiter) is None
    assert len(service.hits("/search")) == 1
    # a miss can be asked again on request
    service.add_places([("Nowhere 1", (1.0, 2.0))])
    found = geocode(
        client, service.url, "Nowhere 1", cache=cache, limiter=limiter, retry_misses=True
    )
    assert found == (1.0, 2.0)
    assert len(service.hits("/search")) == 2


def test_cache_file_is_json_written_atomically_and_reloaded(
    service: FakeService, client: httpx.Client, limiter: RateLimiter, tmp_path: Path
) -> None:
    service.add_places([(HYATT, (33.5962, -7.6163))])
    folder = tmp_path / "cache"
    folder.mkdir()
    path = folder / "geo.json"
    cache = GeoCache(path)
    geocode(client, service.url, HYATT, cache=cache, limiter=limiter)
    geocode(client, service.url, "Unknown Street", cache=cache, limiter=limiter)
    assert [p.name for p in folder.iterdir()] == ["geo.json"]  # no temporary left behind
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "missionctl-geocache" and data["version"] == 1
    entries = data["entries"]
    assert entries[cache_key(HYATT)]["result"] == [33.5962, -7.6163]
    assert entries[cache_key("Unknown Street")]["result"] is None
    assert entries[cache_key(HYATT)]["source"] == service.url.removeprefix("http://")

    again = GeoCache(path)
    assert len(again) == 2
    assert geocode(client, service.url, HYATT, cache=again, limiter=limiter) == (33.5962, -7.6163)
    assert geocode(client, service.url, "unknown street", cache=again, limiter=limiter) is None
    assert len(service.hits("/search")) == 2  # both answered from the file


def test_cache_key_includes_extra_params(
    service: FakeService, client: httpx.Client, limiter: RateLimiter, tmp_path: Path
) -> None:
    service.add_places([("Gare", (34.0, -6.8))])
    cache = GeoCache(tmp_path / "geo.json")
    geocode(client, service.url, "Gare", cache=cache, limiter=limiter)
    geocode(
        client, service.url, "Gare", cache=cache, limiter=limiter, params={"countrycodes": "ma"}
    )
    hits = service.hits("/search")
    assert len(hits) == 2 and hits[1].query["countrycodes"] == ["ma"]


def test_rate_limit_spacing_with_fake_clock(
    service: FakeService, client: httpx.Client, fake_time: FakeTime, limiter: RateLimiter
) -> None:
    queries = [f"Street {i}" for i in range(4)]
    geocode_many(client, service.url, queries, cache=None, limiter=limiter)
    assert len(service.hits("/search")) == 4
    # no wait before the first request, then a full second before each next one
    # (the fake clock does not move while the real request runs)
    assert fake_time.sleeps == [1.0, 1.0, 1.0]


def test_rate_limit_spacing_on_the_wire(
    service: FakeService, client: httpx.Client, fake_time: FakeTime
) -> None:
    # Real requests over loopback, the limiter on a clock that only moves when slept on:
    # every request after the first waits the whole interval, asserted exactly rather than
    # by timing the wire (a busy machine would make a timed assertion flaky).
    limiter = RateLimiter(0.25, clock=fake_time.clock, sleep=fake_time.sleep)
    geocode_many(client, service.url, ["a", "b", "c"], cache=None, limiter=limiter)
    assert fake_time.sleeps == [0.25, 0.25]
    assert [h.query.get("q") for h in service.hits("/search")] == [["a"], ["b"], ["c"]]


def test_retries_are_rate_limited_too(
    service: FakeService, client: httpx.Client, fake_time: FakeTime, limiter: RateLimiter
) -> None:
    service.add_fault("/search", Fault(status=500))
    assert geocode(client, service.url, "x", cache=None, limiter=limiter) is None
    assert len(service.hits("/search")) == 2
    assert fake_time.sleeps == [1.0]


def test_limiter_is_thread_safe(fake_time: FakeTime) -> None:
    lock = threading.Lock()

    def sleep(seconds: float) -> None:
        with lock:
            fake_time.sleep(seconds)

    limiter = RateLimiter(1.0, clock=fake_time.clock, sleep=sleep)
    threads = [threading.Thread(target=limiter.wait) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    assert fake_time.sleeps == [1.0] * 4


def test_limiter_for_is_shared_per_host() -> None:
    a = limiter_for("https://nominatim.example.org/")
    b = limiter_for("https://NOMINATIM.example.org/other")
    c = limiter_for("https://geo.example.net")
    assert a is b and a is not c and a.interval == 1.0


def test_progress_hook(service: FakeService, client: httpx.Client, limiter: RateLimiter) -> None:
    seen: list[tuple[int, int, str]] = []
    result = geocode_many(
        client,
        service.url,
        ["a", "b", "a"],
        cache=None,
        limiter=limiter,
        progress=lambda d, t, w: seen.append((d, t, w)),
    )
    assert seen == [(1, 2, "a"), (2, 2, "b")]
    assert result == {"a": None, "b": None}


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b'{"lat": "1", "lon": "2"}', "expected a JSON list of places"),
        (b'[{"lat": "north", "lon": "2"}]', "are not numbers"),
        (b'[{"lon": "2"}]', "a place has no 'lat'"),
        (b'[{"lat": "95", "lon": "2"}]', "out of range"),
        (b'["x"]', "a place is not a JSON object"),
    ],
)
def test_wrong_shape(
    service: FakeService, client: httpx.Client, limiter: RateLimiter, body: bytes, detail: str
) -> None:
    service.add_fault("/search", Fault(status=200, body=body))
    with pytest.raises(NetError) as info:
        geocode(client, service.url, "x", cache=None, limiter=limiter)
    assert info.value.kind == "malformed" and detail in str(info.value)


def test_malformed_json_is_not_cached(
    service: FakeService, client: httpx.Client, limiter: RateLimiter, tmp_path: Path
) -> None:
    service.add_fault("/search", Fault(status=200, body=b"<html>"))
    cache = GeoCache(tmp_path / "geo.json")
    with pytest.raises(NetError) as info:
        geocode(client, service.url, "x", cache=cache, limiter=limiter)
    assert "not JSON" in str(info.value)
    assert len(cache) == 0 and not (tmp_path / "geo.json").exists()


def test_429_with_retry_after(service: FakeService, limiter: RateLimiter) -> None:
    from missionctl.net.http import make_client

    from .conftest import FAST

    sleeps: list[float] = []
    service.add_fault("/search", Fault(status=429, headers={"Retry-After": "2"}))
    with make_client(retry=FAST.with_(sleep=sleeps.append)) as c:
        assert geocode(c, service.url, "x", cache=None, limiter=limiter) is None
    assert sleeps == [2.0]


def test_generic_user_agent_is_refused(service: FakeService, limiter: RateLimiter) -> None:
    with httpx.Client() as plain, pytest.raises(NetError) as info:
        geocode(plain, service.url, "x", cache=None, limiter=limiter)
    assert "User-Agent" in str(info.value)
    assert service.requests == []


def test_empty_query(service: FakeService, client: httpx.Client) -> None:
    with pytest.raises(NetError) as info:
        geocode(client, service.url, "   ", cache=None)
    assert info.value.kind == "input"


def test_corrupt_or_foreign_cache_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CacheError) as info:
        GeoCache(bad)
    assert isinstance(info.value, NetError) and "delete it" in str(info.value)
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(CacheError):
        GeoCache(foreign)


def test_failed_save_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    path = folder / "geo.json"
    cache = GeoCache(path)
    cache.put("a", (1.0, 2.0), query="a", source="h")
    before = path.read_bytes()

    def broken_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("missionctl.net.nominatim.os.replace", broken_replace)
    with pytest.raises(CacheError) as info:
        cache.put("b", None, query="b", source="h")
    assert str(info.value) == f"cannot write geocode cache {path}: No space left on device"
    assert path.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["geo.json"]


def test_unwritable_cache_is_a_cache_error(
    service: FakeService, client: httpx.Client, limiter: RateLimiter, tmp_path: Path
) -> None:
    cache = GeoCache(tmp_path / "missing-folder" / "geo.json")
    with pytest.raises(CacheError) as info:
        geocode(client, service.url, "x", cache=cache, limiter=limiter)
    assert "cannot write geocode cache" in str(info.value)
