"""`missionctl travel` against the fake OSRM server on loopback."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from missionctl.errors import FormatErrors
from missionctl.loader import load
from missionctl.net.http import make_client
from missionctl.netcmd import travel

from .conftest import FAST, Cli, Example, FakeService, Fault, WriteMission, one_error_line, snapshot

# hotel and plant are ~10 km apart (same latitude, 0.1075 degrees of longitude): the offline
# model allows 10 x 1.3 km at 25 km/h = 31 min + 15 min buffer = 46 min; the fake router drives
# at 45 km/h: 14 min + 15 min buffer = 29 min. The programme leaves 35 minutes.
TIGHT = """\
people:
  ana: {name: Ana Silva, email: ana@example.org}
  rui: {name: Rui Costa, email: rui@example.org}
venues:
  hotel:
    name: Hotel Anfa
    city: Casablanca
    geo: [33.5890, -7.6320]
  plant:
    name: Plant
    city: Casablanca
    geo: [33.5890, -7.5245]
events:
  briefing:
    kind: briefing
    title: Briefing
    venue: hotel
    start: 2027-05-11 08:00
    end: "09:00"
    attendees: [ana, rui]
  visit:
    kind: visit
    title: Plant visit
    venue: plant
    start: 2027-05-11 09:35
    end: "11:00"
    attendees: [ana, rui]
"""


def mc102(cli: Cli, path: Path) -> list[dict[str, object]]:
    _code, out, _err = cli("check", path, "--format", "json", "--select", "MC102")
    return [f for f in json.loads(out)["findings"] if f["code"] == "MC102"]


def test_routed_time_clears_mc102_end_to_end(cli: Cli, mission: WriteMission,
                                             service: FakeService) -> None:
    path = mission(TIGHT)
    assert len(mc102(cli, path)) == 1  # the straight-line model says 46 min > 35 min

    before = path.read_bytes()
    code, out, err = cli("travel", path, "--router", service.url)
    assert code == 0, err
    written = path.parent / "travel-times.yaml"
    assert "wrote 1 travel time(s)" in out
    # the author's file is never rewritten: the line to add is printed instead
    assert path.read_bytes() == before
    assert "  include: [travel-times.yaml]" in out.splitlines()
    assert len(mc102(cli, path)) == 1  # not included yet: check does not use it

    text = written.read_text()
    assert text.startswith(travel.MARKER)
    assert "- {from: hotel, to: plant, duration: 14m, mode: car}" in text
    assert "from: plant" not in text  # nobody goes back: one entry (two-way) is enough
    # the author adds the include line; now check uses the routed time
    path.write_text(path.read_text() + "include: [travel-times.yaml]\n")
    assert mc102(cli, path) == []
    code, out, _ = cli("check", path)
    assert code == 0, out

    # one table request, lon,lat order, the identifying User-Agent
    (req,) = service.hits("/table/v1/driving/")
    assert req.path == "/table/v1/driving/-7.632,33.589;-7.5245,33.589"
    assert req.headers["User-Agent"].startswith("missionctl/")


def test_rerun_is_byte_identical_and_knows_its_own_entries(cli: Cli, mission: WriteMission,
                                                           service: FakeService) -> None:
    path = mission(TIGHT + "include: [travel-times.yaml]\n")
    written = path.parent / "travel-times.yaml"
    written.write_text(f"{travel.MARKER} from somewhere.\ntravel_times: []\n")
    assert cli("travel", path, "--router", service.url)[0] == 0
    first = written.read_bytes()
    code, out, _ = cli("travel", path, "--router", service.url)
    assert code == 0
    assert "include:" not in out  # already included: nothing to ask of the author
    assert "already in your travel_times" not in out  # our own entries are not the author's
    assert written.read_bytes() == first
    assert len(service.hits("/table/")) == 2


def test_author_entries_win_and_stay_untouched(cli: Cli, mission: WriteMission,
                                               service: FakeService) -> None:
    path = mission(TIGHT + "include: [measured.yaml, travel-times.yaml]\n")
    measured = path.parent / "measured.yaml"
    measured.write_text("# measured by the organiser\ntravel_times:\n"
                        "  - {from: plant, to: hotel, duration: 20m, mode: taxi}\n")
    (path.parent / "travel-times.yaml").write_text(f"{travel.MARKER}\ntravel_times: []\n")
    before = measured.read_bytes()
    code, out, _ = cli("travel", path, "--router", service.url)
    assert code == 0
    assert "1 transfer(s) already in your travel_times" in out
    assert "hotel -> plant" in out
    assert measured.read_bytes() == before
    # both directions were covered by the two-way entry: nothing was routed, the file is empty
    assert service.hits("/table/") == []
    assert "travel_times: []" in (path.parent / "travel-times.yaml").read_text()
    assert load(path).ok


def test_needed_pairs_follow_mc102(mission: WriteMission) -> None:
    path = mission("""\
        people:
          ana: {name: Ana, email: ana@example.org}
        venues:
          a: {name: A, geo: [33.50, -7.60]}
          b: {name: B, geo: [33.55, -7.55]}
          c: {name: C, geo: [33.60, -7.50]}
          d: {name: D, city: Casablanca}
          e: {name: E, geo: [33.65, -7.45]}
        travel_times:
          - {from: c, to: e, duration: 10m, oneway: true}
        events:
          one: {kind: meeting, title: One, venue: a, start: 2027-05-11 08:00, end: "09:00",
                attendees: [ana]}
          leg: {kind: travel, title: Leg, from: b, to: c, start: 2027-05-11 09:30, end: "10:00",
                attendees: [ana]}
          two: {kind: visit, title: Two, venue: c, start: 2027-05-11 10:00, end: "11:00",
                attendees: [ana]}
          night: {kind: stay, title: Night, venue: d, start: 2027-05-11 11:00, end: "23:00",
                  attendees: [ana]}
          gone: {kind: visit, title: Gone, venue: d, start: 2027-05-11 11:10, end: "11:20",
                 status: cancelled, attendees: [ana]}
          three: {kind: visit, title: Three, venue: e, start: 2027-05-11 12:00, end: "13:00",
                  attendees: [ana]}
          four: {kind: visit, title: Four, venue: d, start: 2027-05-11 14:00, end: "15:00",
                 attendees: [ana]}
          five: {kind: visit, title: Five, venue: c, start: 2027-05-11 16:00, end: "17:00",
                 attendees: [ana]}
          six: {kind: visit, title: Six, venue: e, start: 2027-05-11 18:00, end: "19:00",
                attendees: [ana]}
          seven: {kind: meal, title: Seven, venue: c, start: 2027-05-11 20:00, end: "21:00",
                  attendees: [ana]}
    """)
    loaded = load(path)
    assert loaded.ok, loaded.findings
    assert loaded.mission is not None
    pairs = travel.needed_pairs(loaded.mission)
    # a -> b (to the leg's start); c -> c is no move; the stay and the cancelled visit are
    # skipped; c -> e is the author's (oneway), e -> c is not
    assert pairs.route == [("a", "b"), ("e", "c")]
    assert pairs.covered == [("c", "e")]
    assert pairs.no_geo == [("d", "c"), ("e", "d")]


def test_unrouted_pairs_are_reported_not_written(cli: Cli, mission: WriteMission,
                                                 service: FakeService) -> None:
    path = mission(TIGHT.replace("  visit:", """\
  island:
    kind: visit
    title: Island
    venue: island
    start: 2027-05-11 12:00
    end: "13:00"
    attendees: [ana]
  visit:""").replace("venues:\n", "venues:\n  island: {name: Island, geo: [33.0, -8.0]}\n"))
    service.unroutable.add((33.0, -8.0))
    code, out, _ = cli("travel", path, "--router", service.url)
    assert code == 0
    assert "no route for 1 transfer(s), not written: plant -> island" in out
    text = (path.parent / "travel-times.yaml").read_text()
    assert "island" not in text
    assert "from: hotel, to: plant" in text


def test_example_mission(cli: Cli, example: Example, service: FakeService) -> None:
    path = example()
    folder = path.parent
    before = snapshot(folder)
    # the example keeps hand-measured times in travel-times.yaml: never replaced
    code, _out, err = cli("travel", path, "--router", service.url)
    assert code == 2
    assert "was not written by `missionctl travel`" in err
    assert snapshot(folder) == before
    assert service.requests == []

    code, out, err = cli("travel", path, "--router", service.url, "--output",
                         folder / "routed-times.yaml")
    assert code == 0, err
    assert "include: [people.yaml, venues.yaml, b2b.yaml, routed-times.yaml]" in out
    assert "3 transfer(s) already in your travel_times" in out
    after = snapshot(folder)
    assert set(after) - set(before) == {"routed-times.yaml"}
    assert all(after[name] == data for name, data in before.items())
    # the author adds it; the mission still loads cleanly and its checks still pass
    text = path.read_text().replace("include: [people.yaml, venues.yaml, b2b.yaml]",
                                    "include: [people.yaml, venues.yaml, b2b.yaml, "
                                    "routed-times.yaml]")
    path.write_text(text)
    loaded = load(path)
    assert loaded.ok
    assert loaded.mission is not None
    assert any(t.loc.file.endswith("routed-times.yaml") for t in loaded.mission.travel_times)
    assert cli("check", path)[0] == 0


def test_walking_profile(cli: Cli, mission: WriteMission, service: FakeService) -> None:
    path = mission(TIGHT)
    assert cli("travel", path, "--router", service.url, "--profile", "walking")[0] == 0
    assert service.hits("/table/v1/walking/")
    assert "mode: walk}" in (path.parent / "travel-times.yaml").read_text()


def test_format_errors_stop_before_the_network(cli: Cli, mission: WriteMission,
                                               service: FakeService) -> None:
    path = mission(TIGHT.replace("    title: Plant visit\n", ""))
    code, _out, err = cli("travel", path, "--router", service.url)
    assert code == 1
    assert "MC004" in err
    assert "nothing was sent" in err
    assert service.requests == []
    with pytest.raises(FormatErrors):
        travel.run(path, service.url)


def test_usage_errors(cli: Cli, mission: WriteMission, tmp_path: Path,
                      service: FakeService) -> None:
    assert cli("travel", tmp_path / "nope.yaml", "--router", service.url)[0] == 2
    path = mission(TIGHT)
    assert cli("travel", path)[0] == 2  # --router is required
    assert cli("travel", path, "--router", service.url, "--timeout", "0")[0] == 2
    assert service.requests == []


# --- faults: one line, exit 1, the previous file intact -------------------------------------


@pytest.fixture
def routed(cli: Cli, mission: WriteMission, service: FakeService) -> tuple[Path, bytes]:
    """A mission routed once (so there is a previous file to keep), then changed so that a
    new run would write something else."""
    path = mission(TIGHT)
    assert cli("travel", path, "--router", service.url)[0] == 0
    written = path.parent / "travel-times.yaml"
    previous = written.read_bytes()
    path.write_text(path.read_text().replace("[33.5890, -7.5245]", "[33.5890, -7.4000]"))
    service.requests.clear()
    return written, previous


def test_500s_then_success(cli: Cli, routed: tuple[Path, bytes], service: FakeService) -> None:
    written, previous = routed
    service.add_fault("/table/", Fault(status=500), Fault(status=502))
    code, _out, err = cli("travel", written.parent / "m.yaml", "--router", service.url)
    assert code == 0, err
    assert len(service.hits("/table/")) == 3
    assert written.read_bytes() != previous


def test_429_retry_after_is_honoured(cli: Cli, routed: tuple[Path, bytes],
                                     service: FakeService) -> None:
    written, _previous = routed
    service.add_fault("/table/", Fault(status=429, headers={"Retry-After": "1"}))
    code, _out, err = cli("travel", written.parent / "m.yaml", "--router", service.url)
    assert code == 0, err
    first, second = service.hits("/table/")
    assert second.at - first.at >= 0.95


def test_429_asking_too_long_fails_at_once(cli: Cli, routed: tuple[Path, bytes],
                                           service: FakeService) -> None:
    written, previous = routed
    service.add_fault("/table/", Fault(status=429, headers={"Retry-After": "3600"}))
    started = time.monotonic()
    code, _out, err = cli("travel", written.parent / "m.yaml", "--router", service.url)
    assert code == 1
    assert time.monotonic() - started < 5
    assert "asks to wait 3600 s" in one_error_line(err)
    assert written.read_bytes() == previous


def test_slow_reply_past_timeout(cli: Cli, routed: tuple[Path, bytes],
                                 service: FakeService) -> None:
    written, previous = routed
    service.add_fault("/table/", *[Fault(delay=3)] * FAST.attempts)
    code, _out, err = cli("travel", written.parent / "m.yaml", "--router", service.url,
                          "--timeout", "0.3")
    assert code == 1
    assert "timed out reading from 127.0.0.1" in one_error_line(err)
    assert written.read_bytes() == previous
    assert not [p for p in written.parent.iterdir() if p.name.endswith(".tmp")]


def test_malformed_json(cli: Cli, routed: tuple[Path, bytes], service: FakeService) -> None:
    written, previous = routed
    service.add_fault("/table/", Fault(status=200, body=b"<html>proxy login</html>"))
    code, _out, err = cli("travel", written.parent / "m.yaml", "--router", service.url)
    assert code == 1
    assert "not JSON" in one_error_line(err)
    assert written.read_bytes() == previous


def test_wrong_shape(cli: Cli, routed: tuple[Path, bytes], service: FakeService) -> None:
    written, previous = routed
    body = json.dumps({"code": "Ok", "durations": [[0]], "distances": [[0]]}).encode()
    service.add_fault("/table/", Fault(status=200, body=body))
    code, _out, err = cli("travel", written.parent / "m.yaml", "--router", service.url)
    assert code == 1
    assert "'durations' has 1 rows, expected 2" in one_error_line(err)
    assert written.read_bytes() == previous


def test_connection_refused(cli: Cli, routed: tuple[Path, bytes], refused_url: str) -> None:
    written, previous = routed
    code, _out, err = cli("travel", written.parent / "m.yaml", "--router", refused_url)
    assert code == 1
    assert "connection refused" in one_error_line(err)
    assert written.read_bytes() == previous


def test_dropped_connection(cli: Cli, routed: tuple[Path, bytes], service: FakeService) -> None:
    written, previous = routed
    service.add_fault("/table/", *[Fault(close=True)] * FAST.attempts)
    code, _out, err = cli("travel", written.parent / "m.yaml", "--router", service.url)
    assert code == 1
    assert "closed the connection" in one_error_line(err)
    assert written.read_bytes() == previous


def test_no_segment(cli: Cli, routed: tuple[Path, bytes], service: FakeService) -> None:
    written, previous = routed
    service.no_segment.add((33.589, -7.4))
    code, _out, err = cli("travel", written.parent / "m.yaml", "--router", service.url)
    assert code == 1
    assert "cannot place a coordinate" in one_error_line(err)
    assert written.read_bytes() == previous


# --- the library function and the rendering ------------------------------------------------


def test_run_with_an_injected_client(mission: WriteMission, service: FakeService,
                                     tmp_path: Path) -> None:
    path = mission(TIGHT)
    out = tmp_path / "mission" / "t.yaml"
    with make_client(timeout=2, retry=FAST, user_agent="tester/1.0 ops@example.org") as c:
        result = travel.run(path, service.url, output=out, client=c)
    assert result.written and not result.included
    assert result.include_hint == "include: [t.yaml]"
    assert [(r.origin, r.destination, r.minutes) for r in result.routed] == [
        ("hotel", "plant", 14)]
    assert service.requests[0].headers["User-Agent"] == "tester/1.0 ops@example.org"


@pytest.mark.parametrize(("seconds", "minutes", "text"), [
    (0, 1, "1m"), (60, 1, "1m"), (60.4, 2, "2m"), (3600, 60, "1h"), (4200, 70, "1h10m"),
    (90000, 1500, "25h"),
])
def test_rounding_up_to_the_minute(seconds: float, minutes: int, text: str) -> None:
    assert travel.minutes_of(seconds) == minutes
    assert travel.duration_text(minutes) == text


def test_awkward_ids_are_quoted(tmp_path: Path) -> None:
    text = travel.render([travel.Routed("no", "null", 5), travel.Routed("9a", "b", 5)],
                         "r.example", "cycling")
    assert '{from: "no", to: "null", duration: 5m}' in text
    assert '{from: "9a", to: b, duration: 5m}' in text


def test_venue_far_from_any_road_is_named(cli: Cli, mission: WriteMission,
                                          service: FakeService) -> None:
    path = mission(TIGHT)
    body = json.dumps({
        "code": "Ok", "durations": [[0, 800], [800, 0]], "distances": [[0, 9970], [9970, 0]],
        "sources": [{"distance": 2.0}, {"distance": 4200.0}],
    }).encode()
    service.add_fault("/table/", Fault(status=200, body=body))
    code, out, _ = cli("travel", path, "--router", service.url)
    assert code == 0
    assert "venue plant is 4200 m from the nearest road the router knows" in out
    assert "venue hotel" not in out


def test_include_line_may_come_first(cli: Cli, mission: WriteMission, service: FakeService) -> None:
    """An author who adds `include: [travel-times.yaml]` before the first run gets MC008 from
    check (the file does not exist yet), but travel creates it."""
    path = mission(TIGHT + "include: [travel-times.yaml]\n")
    assert cli("check", path)[0] == 1
    code, out, err = cli("travel", path, "--router", service.url)
    assert code == 0, err
    assert "include:" not in out
    assert mc102(cli, path) == []
    # any other format error still stops it
    other = mission(TIGHT.replace("    title: Plant visit\n", "") +
                    "include: [travel-times.yaml]\n", name="other.yaml")
    (other.parent / "travel-times.yaml").unlink()
    code, _out, err = cli("travel", other, "--router", service.url)
    assert code == 1 and "MC004" in err


def test_nothing_to_route(cli: Cli, mission: WriteMission, service: FakeService) -> None:
    path = mission(TIGHT.replace("venue: plant", "venue: hotel"))
    code, out, _ = cli("travel", path, "--router", service.url)
    assert code == 0
    assert "no transfer to route" in out
    assert not (path.parent / "travel-times.yaml").exists()
    # included before the first run: an empty file is written so that check can read it
    path.write_text(path.read_text() + "include: [travel-times.yaml]\n")
    assert cli("travel", path, "--router", service.url)[0] == 0
    assert "travel_times: []" in (path.parent / "travel-times.yaml").read_text()
    assert cli("check", path)[0] == 0
    assert service.requests == []


def test_timeout_is_the_budget_of_a_step_against_a_trickling_router(
    cli: Cli, mission: WriteMission, service: FakeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 9: a router sending one byte at a time kept `travel` busy for 96 s, and
    `--timeout 2` took 12.5 s to fail because of silent retries. `--timeout 2` is now the
    budget of the whole step: the trickle is cut off once it is spent (the injected clock
    spends it; no wall-clock assertion), nothing is written, one line says so."""
    from missionctl.net import http as nethttp
    from net.clocks import Ticking

    monkeypatch.setattr(nethttp, "DEFAULT_POLICY", FAST.with_(clock=Ticking(0.25)))
    body = json.dumps({"code": "Ok", "padding": "x" * 4000}).encode()
    service.add_fault("/table", *[Fault(status=200, body=body, trickle=0.01)] * 3)
    path = mission(TIGHT)
    before = snapshot(path.parent)
    code, out, err = cli("travel", path, "--router", service.url, "--timeout", "2")
    assert code == 1 and out == ""
    line = one_error_line(err)
    assert line.startswith("missionctl: timed out reading from 127.0.0.1:")
    assert ": no complete answer within the 2 s allowed (GET " in line
    assert line.endswith("; 1 try)")
    assert len(service.hits("/table")) == 1
    assert service.trickled < len(body) // 4
    assert snapshot(path.parent) == before
