"""`missionctl geocode` against the fake Nominatim server on loopback."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from missionctl.loader import load
from missionctl.net.http import make_client
from missionctl.net.nominatim import RateLimiter
from missionctl.netcmd import geocode

from .conftest import FAST, Cli, Example, FakeService, Fault, WriteMission, one_error_line, snapshot

VENUES = """\
# Venues of the test mission: comments and layout must survive a patch.
venues:
  # --- Casablanca ---
  hotel:
    name: Hotel Anfa     # the delegation's hotel
    address: Boulevard d'Anfa
    city: Casablanca
    country: MA

    phone: "+212 522 000 150"
  plant:
    name: Plant
    address: "Zone industrielle, Aïn Sebaâ, Casablanca"
    city: Casablanca
  depot: {name: Depot, address: 1 Rue du Port, city: Casablanca}
  ghost:
    name: Ghost
    address: Nowhere street
  town-hall: {name: Town hall, city: Rabat}
  known: {name: Known, city: Casablanca, geo: [33.5, -7.6]}
"""

PLACES = [
    ("Boulevard d'Anfa, Casablanca", (33.5890123, -7.6320456)),
    ("Zone industrielle, Aïn Sebaâ, Casablanca", (33.603, -7.533)),
    ("1 Rue du Port, Casablanca", (33.6041, -7.6108)),
]


@pytest.fixture
def venues_mission(mission: WriteMission) -> Path:
    path = mission("include: [venues.yaml]\n")
    (path.parent / "venues.yaml").write_text(VENUES, encoding="utf-8")
    return path


def apply_patch(diff: str, folder: Path) -> None:
    if shutil.which("patch") is None:  # pragma: no cover - Debian has it
        pytest.skip("patch(1) is not installed")
    proc = subprocess.run(["patch", "-p1", "--no-backup-if-mismatch", "--batch"],
                          input=diff, text=True, cwd=folder, capture_output=True, timeout=30)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def geo_of(path: Path) -> dict[str, tuple[float, float] | None]:
    loaded = load(path)
    assert loaded.ok, loaded.findings
    assert loaded.mission is not None
    return {v.id: v.geo for v in loaded.mission.venues.values()}


def test_results_file_leaves_the_author_files_alone(cli: Cli, venues_mission: Path,
                                                    service: FakeService,
                                                    tmp_path: Path) -> None:
    service.add_places(PLACES)
    folder = venues_mission.parent
    before = snapshot(folder)
    code, out, err = cli("geocode", venues_mission, "--geocoder", service.url)
    assert code == 0, err
    after = snapshot(folder)
    assert set(after) - set(before) == {"geocode-results.yaml"}
    assert all(after[name] == data for name, data in before.items())  # byte-identical

    text = (folder / "geocode-results.yaml").read_text()
    assert text.startswith(geocode.MARKER)
    assert "  hotel:\n    file: \"venues.yaml\"\n    line: 4\n" in text
    assert "    geo: [33.58901, -7.63205]\n" in text
    assert "not_found:\n  ghost:\n" in text
    assert "3 of 4 venue(s) found" in out
    assert "no match for venue ghost (searched for 'Nowhere street')" in out
    assert "venue town-hall has a city but no address" in out
    # the results file is no include file: a mission including it fails to load
    assert "mission:" not in text and "venues:" not in text

    # each query once, 4 of them, the country restricts the search, polite User-Agent
    sent = {r.query["q"][0]: r for r in service.hits("/search")}
    assert set(sent) == {q for q, _ in PLACES} | {"Nowhere street"}
    hotel = sent["Boulevard d'Anfa, Casablanca"]
    assert hotel.query["countrycodes"] == ["ma"]
    assert hotel.query["format"] == ["jsonv2"]
    assert "countrycodes" not in sent["Nowhere street"].query
    assert hotel.headers["User-Agent"].startswith("missionctl/")

    # the cache lives in the user cache dir: a second run asks nothing
    cache = tmp_path / "cache" / "geocode.json"
    assert json.loads(cache.read_text())["format"] == "missionctl-geocache"
    service.requests.clear()
    assert cli("geocode", venues_mission, "--geocoder", service.url)[0] == 0
    assert service.requests == []
    # --retry-misses asks again for the miss only
    assert cli("geocode", venues_mission, "--geocoder", service.url, "--retry-misses")[0] == 0
    assert [r.query["q"][0] for r in service.requests] == ["Nowhere street"]


def test_patch_only_adds_geo_lines(cli: Cli, venues_mission: Path,
                                   service: FakeService) -> None:
    service.add_places(PLACES)
    folder = venues_mission.parent
    before = snapshot(folder)
    code, out, err = cli("geocode", venues_mission, "--geocoder", service.url, "--patch")
    assert code == 0, err
    assert snapshot(folder) == before  # nothing written, not even a results file
    assert out.startswith("--- a/venues.yaml\n+++ b/venues.yaml\n")
    body = [ln for ln in out.splitlines()[2:] if not ln.startswith("@@")]
    added = [ln for ln in body if ln.startswith("+")]
    removed = [ln for ln in body if ln.startswith("-")]
    # block-style venues get one added line each; the venue written as a one-line flow
    # mapping has that line replaced by the same line with `, geo: [...]` before its `}`
    assert added == ["+    geo: [33.58901, -7.63205]", "+    geo: [33.603, -7.533]",
                     "+  depot: {name: Depot, address: 1 Rue du Port, city: Casablanca, "
                     "geo: [33.6041, -7.6108]}"]
    assert removed == ["-  depot: {name: Depot, address: 1 Rue du Port, city: Casablanca}"]
    assert "no match for venue ghost" in err  # notes on stderr: stdout is the diff

    apply_patch(out, folder)
    new = (folder / "venues.yaml").read_text()
    old_lines = VENUES.splitlines()
    new_lines = new.splitlines()
    # every original line is still there, in order (comments, the blank line, the quoting)
    it = iter(new_lines)
    assert all(any(line == other for other in it) for line in old_lines if line != (
        "  depot: {name: Depot, address: 1 Rue du Port, city: Casablanca}"))
    assert "    country: MA\n    geo: [33.58901, -7.63205]\n\n    phone:" in new
    assert "depot: {name: Depot, address: 1 Rue du Port, city: Casablanca, geo: [33.6041, " \
        "-7.6108]}" in new
    geos = geo_of(venues_mission)
    assert geos["hotel"] == (33.58901, -7.63205)
    assert geos["plant"] == (33.603, -7.533)
    assert geos["depot"] == (33.6041, -7.6108)
    assert geos["ghost"] is None and geos["town-hall"] is None
    assert cli("check", venues_mission)[0] == 0


def test_patch_to_a_file(cli: Cli, venues_mission: Path, service: FakeService,
                         tmp_path: Path) -> None:
    service.add_places(PLACES)
    target = tmp_path / "geo.diff"
    code, out, err = cli("geocode", venues_mission, "--geocoder", service.url, "--patch",
                         "--output", target)
    assert code == 0, err
    assert target.read_text().startswith("--- a/venues.yaml")
    assert f"patch -p1 < {target}" in out


@pytest.mark.parametrize(("text", "expected"), [
    # CRLF line endings are kept
    ("venues:\r\n  v:\r\n    name: V\r\n    address: A street\r\n  w: {name: W}\r\n",
     "venues:\r\n  v:\r\n    name: V\r\n    address: A street\r\n    geo: [1, 2]\r\n"
     "  w: {name: W}\r\n"),
    # no newline at the end of the file
    ("venues:\n  v:\n    name: V\n    address: A street",
     "venues:\n  v:\n    name: V\n    address: A street\n    geo: [1, 2]"),
    # flow mappings, with a trailing comma, and over several lines
    ("venues:\n  v: {name: V, address: A street, }\n",
     "venues:\n  v: {name: V, address: A street, geo: [1, 2]}\n"),
    ("venues:\n  v: {name: V,\n      address: A street}  # hq\n",
     "venues:\n  v: {name: V,\n      address: A street, geo: [1, 2]}  # hq\n"),
    # an empty or null geo is filled in, not duplicated (MC005)
    ("venues:\n  v:\n    name: V\n    geo:\n    address: A street\n",
     "venues:\n  v:\n    name: V\n    geo: [1, 2]\n    address: A street\n"),
    ("venues:\n  v:\n    name: V\n    geo: ~   # later\n    address: A street\n",
     "venues:\n  v:\n    name: V\n    geo: [1, 2]   # later\n    address: A street\n"),
    # a block-scalar address: the line goes after the last plain field before it
    ("venues:\n  v:\n    name: V\n    address: |\n      A street\n      Casablanca\n"
     "    notes: x\n",
     "venues:\n  v:\n    name: V\n    geo: [1, 2]\n    address: |\n      A street\n"
     "      Casablanca\n    notes: x\n"),
    # a multi-line plain address, with a comment after it
    ("venues:\n  v:\n    address: A street,\n      Casablanca  # main gate\n    notes: x\n",
     "venues:\n  v:\n    address: A street,\n      Casablanca  # main gate\n    geo: [1, 2]\n"
     "    notes: x\n"),
    # no name/address/city/country line usable: before the first field
    ("venues:\n  v:\n    notes: x\n    address: >-\n      A street\n",
     "venues:\n  v:\n    geo: [1, 2]\n    notes: x\n    address: >-\n      A street\n"),
])
def test_edits(text: str, expected: str) -> None:
    edit = geocode._edit_for(text, "v", "[1, 2]")
    assert not isinstance(edit, str), edit
    start, end, insert = edit
    assert text[:start] + insert + text[end:] == expected


@pytest.mark.parametrize(("text", "why"), [
    ("x-base: &base {name: V, address: A}\nvenues:\n  v: *base\n", "alias"),
    ("venues:\n  w: {name: W}\n", "not written directly"),
    ("venues: [a]\n", "no `venues:` mapping"),
])
def test_edits_refused(text: str, why: str) -> None:
    edit = geocode._edit_for(text, "v", "[1, 2]")
    assert isinstance(edit, str) and why in edit


def test_unpatchable_venue_is_named(cli: Cli, mission: WriteMission, service: FakeService) -> None:
    path = mission("""\
        x-base: &base {name: Shared, address: 1 Shared street}
        venues:
          v: *base
          w: {name: W, address: 2 Other street}
    """)
    service.add_places([("1 Shared street", (10.0, 20.0)), ("2 Other street", (11.0, 21.0))])
    code, out, err = cli("geocode", path, "--geocoder", service.url, "--patch")
    assert code == 0
    assert "venue v left out of the patch (it is written as an alias" in err
    assert "`geo: [10, 20]` by hand" in err
    assert "+  w: {name: W, address: 2 Other street, geo: [11, 21]}" in out


def test_nothing_to_do(cli: Cli, example: Example, service: FakeService) -> None:
    path = example()
    code, out, _ = cli("geocode", path, "--geocoder", service.url)
    assert code == 0
    assert "nothing to ask" in out
    assert service.requests == []
    assert not (path.parent / "geocode-results.yaml").exists()


def test_example_mission_patch(cli: Cli, example: Example, service: FakeService) -> None:
    path = example()
    venues = path.parent / "venues.yaml"
    text = venues.read_text()
    stripped = text.replace("    geo: [33.5890, -7.6320]\n", "").replace(
        "    geo: [35.7835, -5.7720]\n", "")
    assert stripped != text
    venues.write_text(stripped)
    service.add_places([("Boulevard d'Anfa, Casablanca", (33.589, -7.632)),
                        ("Baie de Malabata, Tanger", (35.7835, -5.772))])
    code, out, err = cli("geocode", path, "--geocoder", service.url, "--patch")
    assert code == 0, err
    assert venues.read_text() == stripped
    apply_patch(out, path.parent)
    assert venues.read_text() == text.replace("    geo: [33.5890, -7.6320]",
                                              "    geo: [33.589, -7.632]").replace(
        "    geo: [35.7835, -5.7720]", "    geo: [35.7835, -5.772]")
    assert cli("check", path)[0] == 0


@pytest.mark.real_limiter
def test_one_request_per_second(cli: Cli, venues_mission: Path, service: FakeService) -> None:
    service.add_places(PLACES)
    service.add_fault("/search", Fault(status=503))  # the retry waits for the limiter too
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url)
    assert code == 0, err
    times = [r.at for r in service.hits("/search")]
    assert len(times) == 5
    # 1 s apart at the client; the server notes arrival times, so allow for scheduling noise
    assert all(b - a >= 0.8 for a, b in itertools.pairwise(times))


def test_user_agent_option(cli: Cli, venues_mission: Path, service: FakeService) -> None:
    cli("geocode", venues_mission, "--geocoder", service.url, "--user-agent",
        "acme-missions/1.0 ops@acme.example")
    assert {r.headers["User-Agent"] for r in service.requests} == {
        "acme-missions/1.0 ops@acme.example"}


def test_foreign_results_file_is_refused(cli: Cli, venues_mission: Path,
                                         service: FakeService) -> None:
    mine = venues_mission.parent / "geocode-results.yaml"
    mine.write_text("my notes\n")
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url)
    assert code == 2
    assert "was not written by `missionctl geocode`" in err
    assert mine.read_text() == "my notes\n"
    assert service.requests == []


def test_format_errors_stop_before_the_network(cli: Cli, mission: WriteMission,
                                               service: FakeService) -> None:
    path = mission("venues:\n  v: {address: 1 Street}\n")
    code, _out, err = cli("geocode", path, "--geocoder", service.url)
    assert code == 1
    assert "MC004" in err
    assert service.requests == []


# --- faults --------------------------------------------------------------------------------


@pytest.fixture
def previous(cli: Cli, venues_mission: Path, service: FakeService) -> tuple[Path, bytes]:
    """A results file from an earlier run, then a new venue to ask about (and an empty
    cache, so every query goes out again)."""
    service.add_places(PLACES)
    assert cli("geocode", venues_mission, "--geocoder", service.url)[0] == 0
    results = venues_mission.parent / "geocode-results.yaml"
    (Path(str(venues_mission.parent.parent / "cache" / "geocode.json"))).unlink()
    service.requests.clear()
    return results, results.read_bytes()


def test_500s_then_success(cli: Cli, venues_mission: Path, previous: tuple[Path, bytes],
                           service: FakeService) -> None:
    service.add_fault("/search", Fault(status=500), Fault(status=502))
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url)
    assert code == 0, err
    assert len(service.hits("/search")) == 6


def test_429_retry_after(cli: Cli, venues_mission: Path, previous: tuple[Path, bytes],
                         service: FakeService) -> None:
    service.add_fault("/search", Fault(status=429, headers={"Retry-After": "1"}))
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url)
    assert code == 0, err
    first, second = service.hits("/search")[:2]
    assert second.at - first.at >= 0.95


@pytest.mark.parametrize(("fault", "message"), [
    (Fault(status=200, body=b"{\"oops\""), "not JSON"),
    (Fault(status=200, body=b"[{\"lat\": \"north\", \"lon\": \"1\"}]"), "are not numbers"),
    (Fault(status=403, body=b"{\"error\": \"blocked: no User-Agent\"}"),
     "HTTP 403 Forbidden from http://127.0.0.1"),
])
def test_bad_answers_midway_keep_previous_results(cli: Cli, venues_mission: Path,
                                                   previous: tuple[Path, bytes],
                                                   service: FakeService, fault: Fault,
                                                   message: str, tmp_path: Path) -> None:
    results, before = previous
    # the second query fails: the first answer is kept in the cache, the results file is old
    service.add_fault("/search", Fault(delay=0.0), fault)
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url)
    assert code == 1
    assert message in one_error_line(err)
    assert results.read_bytes() == before
    cache = json.loads((tmp_path / "cache" / "geocode.json").read_text())
    assert len(cache["entries"]) == 1
    service.requests.clear()
    assert cli("geocode", venues_mission, "--geocoder", service.url)[0] == 0
    assert len(service.hits("/search")) == 3  # the cached one is not asked again


def test_slow_reply_past_timeout(cli: Cli, venues_mission: Path, previous: tuple[Path, bytes],
                                 service: FakeService) -> None:
    results, before = previous
    service.add_fault("/search", *[Fault(delay=3)] * FAST.attempts)
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url,
                          "--timeout", "0.3")
    assert code == 1
    assert "timed out" in one_error_line(err)
    assert results.read_bytes() == before


def test_connection_refused(cli: Cli, venues_mission: Path, previous: tuple[Path, bytes],
                            refused_url: str) -> None:
    results, before = previous
    code, _out, err = cli("geocode", venues_mission, "--geocoder", refused_url)
    assert code == 1
    assert "connection refused" in one_error_line(err)
    assert results.read_bytes() == before


def test_corrupt_cache(cli: Cli, venues_mission: Path, service: FakeService,
                       tmp_path: Path) -> None:
    cache = tmp_path / "cache" / "geocode.json"
    cache.parent.mkdir(parents=True)
    cache.write_text("{broken")
    code, _out, err = cli("geocode", venues_mission, "--geocoder", service.url)
    assert code == 1
    assert "is not valid JSON; delete it" in one_error_line(err)
    assert cache.read_text() == "{broken"
    assert service.requests == []


def test_run_with_injected_client_and_limiter(venues_mission: Path, service: FakeService,
                                              tmp_path: Path) -> None:
    service.add_places(PLACES)
    slept: list[float] = []
    clock = iter(range(1000))
    limiter = RateLimiter(1.0, clock=lambda: float(next(clock)) * 0.25, sleep=slept.append)
    with make_client(timeout=2, retry=FAST) as c:
        result = geocode.run(venues_mission, service.url, patch=True, client=c,
                             limiter=limiter, cache_file=tmp_path / "own-cache.json")
    assert sorted(result.found) == ["depot", "hotel", "plant"]
    assert result.missed == ["ghost"]
    assert result.patch is not None and result.patch.startswith("--- a/venues.yaml")
    assert slept and all(s > 0 for s in slept)  # the limiter made it wait between requests
    assert (tmp_path / "own-cache.json").exists()
