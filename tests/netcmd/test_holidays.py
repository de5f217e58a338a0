"""`missionctl holidays`: the calendar the checks use, and its refresh from the fake
Nager.Date server on loopback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from missionctl.net.http import make_client
from missionctl.netcmd import holidays
from missionctl.practice.holidays import clear_memory_cache, public_holidays

from .conftest import FAST, Cli, FakeService, Fault, WriteMission, one_error_line


def nager(date: str, name: str, **extra: Any) -> dict[str, Any]:
    item = {"date": date, "localName": name, "name": name, "countryCode": "MA", "fixed": True,
            "global": True, "counties": None, "launchYear": None, "types": ["Public"]}
    item.update(extra)
    return item


MA_2027 = [
    nager("2027-01-01", "New Year's Day"),
    nager("2027-05-01", "Labour Day"),
    nager("2027-05-12", "Test Day"),  # invented, on a mission day, to see MC301 use it
    nager("2027-07-30", "Throne Day"),
    nager("2027-03-03", "Regional Day", **{"global": False, "counties": ["MA-01"]}),
    nager("2027-04-04", "Bank Day", types=["Bank"]),
]


@pytest.fixture(autouse=True)
def _fresh_memo() -> None:
    clear_memory_cache()


@pytest.fixture
def override(tmp_path: Path) -> Path:
    return tmp_path / "data" / "holidays" / "MA-2027.json"


def test_offline_text_marks_estimates(cli: Cli) -> None:
    code, out, err = cli("holidays", "MA", "2027")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Public holidays in MA, 2027, as `missionctl check` uses them"
    eid = next(ln for ln in lines if "Eid al-Adha" in ln)
    assert eid.startswith("2027-05-1") and "estimated" in eid and "holidays 0." in eid
    new_year = next(ln for ln in lines if "New Year" in ln)
    assert new_year.startswith("2027-01-01  Fri  New Year's Day") and "estimated" not in new_year
    assert "estimated: Islamic dates follow the sighting of the moon" in out


def test_offline_json(cli: Cli) -> None:
    code, out, _ = cli("holidays", "ma", "2027", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["country"] == "MA" and data["year"] == 2027 and data["override"] is None
    first = data["holidays"][0]
    assert first == {"date": "2027-01-01", "weekday": "Fri", "name": "New Year's Day",
                     "estimated": False, "source": first["source"]}
    assert any(h["estimated"] for h in data["holidays"])


def test_usage_errors(cli: Cli, service: FakeService) -> None:
    for args in (["XX", "2027"], ["MAR", "2027"], ["MA", "0"], ["MA", "year"],
                 ["MA", "2027", "--format", "xml"], ["XX", "2027", "--source", service.url]):
        code, _out, err = cli("holidays", *args)
        assert code == 2, args
        assert "Traceback" not in err
    _code, _out, err = cli("holidays", "XX", "2027")
    assert "'XX' is not an ISO 3166-1 alpha-2 country code" in err
    assert service.requests == []


def test_country_without_calendar(cli: Cli) -> None:
    code, out, _ = cli("holidays", "BV", "2027")
    assert code == 0
    assert "none known" in out


def test_source_stores_an_override_the_checks_use(cli: Cli, service: FakeService,
                                                  mission: WriteMission, override: Path) -> None:
    path = mission("""\
        people:
          ana: {name: Ana, email: ana@example.org}
        venues:
          plant: {name: Plant, city: Casablanca}
        events:
          visit:
            kind: training
            title: Workshop
            venue: plant
            start: 2027-05-12 10:00
            end: "11:00"
            attendees: [ana]
    """)
    code, out, _ = cli("check", path, "--select", "MC301")
    assert "MC301" not in out

    service.holidays[(2027, "MA")] = MA_2027
    code, out, err = cli("holidays", "MA", "2027", "--source", service.url)
    assert code == 0, err
    (req,) = service.hits("/api/v3/PublicHolidays/")
    assert req.path == "/api/v3/PublicHolidays/2027/MA"
    assert req.headers["User-Agent"].startswith("missionctl/")
    assert f"stored 4 nationwide public holiday(s) of MA 2027 from 127.0.0.1:{service.port}" \
        in err
    stored = json.loads(override.read_text())
    assert [h["name"] for h in stored["holidays"]] == [
        "New Year's Day", "Labour Day", "Test Day", "Throne Day"]
    assert {h["source"] for h in stored["holidays"]} == {f"Nager.Date (127.0.0.1:{service.port})"}

    # merged: the service's dates win, the embedded calendar fills its gaps (the Eids)
    assert "Labour Day" in out and "Labor Day" not in out
    eid = next(ln for ln in out.splitlines() if "Eid al-Fitr" in ln)
    assert "estimated" in eid and "holidays 0." in eid
    test_day = next(ln for ln in out.splitlines() if "Test Day" in ln)
    assert "override: Nager.Date" in test_day
    assert f"Override in use: {override}" in out

    code, out, _ = cli("check", path, "--select", "MC301")
    assert "MC301" in out and "Test Day" in out

    # without --source, the stored calendar is shown, offline
    service.requests.clear()
    code, out, _ = cli("holidays", "MA", "2027")
    assert "Test Day" in out and service.requests == []


def test_refresh_keeps_what_a_person_wrote(cli: Cli, service: FakeService,
                                           override: Path) -> None:
    override.parent.mkdir(parents=True)
    override.write_text(json.dumps({
        "format": 1, "country": "MA", "year": 2027,
        "holidays": [{"date": "2027-05-17", "name": "Eid al-Adha", "source": "Ministry"},
                     {"date": "2027-05-01", "name": "Fete du Travail", "source": "Ministry"}],
        "not_holidays": ["2027-05-16"],
    }))
    service.holidays[(2027, "MA")] = MA_2027
    code, _out, err = cli("holidays", "MA", "2027", "--source", service.url)
    assert code == 0, err
    assert "kept 2 written by hand" in err
    stored = json.loads(override.read_text())
    assert stored["not_holidays"] == ["2027-05-16"]
    names = [(h["date"], h["name"]) for h in stored["holidays"]]
    assert ("2027-05-01", "Fete du Travail") in names  # the person's entry wins on its date
    assert ("2027-05-01", "Labour Day") not in names
    assert ("2027-05-12", "Test Day") in names

    # a second refresh replaces what the first one stored, and only that
    service.holidays[(2027, "MA")] = [h for h in MA_2027 if h["name"] != "Test Day"]
    assert cli("holidays", "MA", "2027", "--source", service.url)[0] == 0
    names = [h["name"] for h in json.loads(override.read_text())["holidays"]]
    assert "Test Day" not in names and "Eid al-Adha" in names and "Fete du Travail" in names
    clear_memory_cache()
    merged = public_holidays("MA", 2027)
    assert not any(h.date.isoformat() == "2027-05-16" for h in merged)


@pytest.mark.parametrize(("setup", "message"), [
    (lambda s: None, "does not know country MA"),  # 404
    (lambda s: s.no_content.add("MA"), "has no holidays for MA in 2027"),  # 204
])
def test_no_holiday_data(cli: Cli, service: FakeService, override: Path, setup: Any,
                         message: str) -> None:
    setup(service)
    code, out, err = cli("holidays", "MA", "2027", "--source", service.url)
    assert code == 1
    line = one_error_line(err)
    assert message in line
    assert "nothing was saved; the checks keep using the built-in calendar" in line
    assert out == ""
    assert not override.exists()


@pytest.fixture
def refreshed(cli: Cli, service: FakeService, override: Path) -> bytes:
    service.holidays[(2027, "MA")] = MA_2027
    assert cli("holidays", "MA", "2027", "--source", service.url)[0] == 0
    service.holidays[(2027, "MA")] = MA_2027[:2]
    service.requests.clear()
    return override.read_bytes()


def test_500s_then_success(cli: Cli, service: FakeService, override: Path,
                           refreshed: bytes) -> None:
    service.add_fault("/api/", Fault(status=500), Fault(status=503))
    code, _out, err = cli("holidays", "MA", "2027", "--source", service.url)
    assert code == 0, err
    assert len(service.requests) == 3
    assert override.read_bytes() != refreshed


def test_429_retry_after(cli: Cli, service: FakeService, refreshed: bytes) -> None:
    service.add_fault("/api/", Fault(status=429, headers={"Retry-After": "1"}))
    assert cli("holidays", "MA", "2027", "--source", service.url)[0] == 0
    first, second = service.requests
    assert second.at - first.at >= 0.95


@pytest.mark.parametrize(("fault", "message"), [
    (Fault(status=200, body=b"[{\"date\": "), "not JSON"),
    (Fault(status=200, body=b"[{\"date\": \"2026-01-01\", \"localName\": \"x\", "
                            b"\"name\": \"x\"}]"), "not in 2027"),
    (Fault(status=200, body=b"{\"holidays\": []}"), "expected a JSON list"),
])
def test_bad_answers_keep_the_previous_override(cli: Cli, service: FakeService, override: Path,
                                                refreshed: bytes, fault: Fault,
                                                message: str) -> None:
    service.add_fault("/api/", fault)
    code, out, err = cli("holidays", "MA", "2027", "--source", service.url)
    assert code == 1
    assert message in one_error_line(err)
    assert out == ""
    assert override.read_bytes() == refreshed


@pytest.mark.parametrize("body", [b"", b"   ", b"[]", b"null", b"<html>portal</html>"])
def test_an_empty_or_garbage_200_is_a_malformed_answer(cli: Cli, service: FakeService,
                                                       override: Path, body: bytes) -> None:
    """Issue 9: an empty or garbage 200 answer is not "no holidays": exit 1, one line, and
    nothing stored (an empty list used to be stored as a year without holidays)."""
    service.add_fault("/api/", Fault(status=200, body=body))
    code, out, err = cli("holidays", "MA", "2027", "--source", service.url)
    assert code == 1 and out == ""
    line = one_error_line(err)
    assert "answer from holiday service" in line
    assert line.endswith("; nothing was saved; the checks keep using the built-in calendar")
    assert not override.exists()


def test_timeout_and_refused(cli: Cli, service: FakeService, override: Path, refreshed: bytes,
                             refused_url: str) -> None:
    service.add_fault("/api/", *[Fault(delay=3)] * FAST.attempts)
    code, _out, err = cli("holidays", "MA", "2027", "--source", service.url, "--timeout", "0.3")
    assert code == 1
    assert "timed out" in one_error_line(err)
    code, _out, err = cli("holidays", "MA", "2027", "--source", refused_url)
    assert code == 1
    assert "connection refused" in one_error_line(err)
    assert override.read_bytes() == refreshed


def test_refresh_with_an_injected_client(service: FakeService) -> None:
    service.holidays[(2028, "PT")] = [nager("2028-04-25", "Freedom Day", countryCode="PT")]
    with make_client(timeout=2, retry=FAST) as c:
        result = holidays.refresh("pt", 2028, service.url, client=c)
    assert result.country == "PT"
    assert result.refresh is not None and result.refresh.stored == 1
    freedom = [h for h in result.holidays if h.date.isoformat() == "2028-04-25"]
    assert [h.source.startswith("override: Nager.Date") for h in freedom] == [True]
