"""nager.public_holidays against the fake Nager.Date service."""

from __future__ import annotations

import json

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.nager import NoHolidayData, public_holidays

from .fakeservice import FakeService, Fault

MA_2027 = [
    {
        "date": "2027-01-01",
        "localName": "رأس السنة الميلادية",
        "name": "New Year's Day",
        "countryCode": "MA",
        "fixed": True,
        "global": True,
        "counties": None,
        "launchYear": None,
        "types": ["Public"],
    },
    {
        "date": "2027-07-30",
        "localName": "عيد العرش",
        "name": "Throne Day",
        "countryCode": "MA",
        "fixed": True,
        "global": True,
        "counties": None,
        "launchYear": None,
        "types": ["Public"],
    },
]


def test_holidays_are_returned_validated(service: FakeService, client: httpx.Client) -> None:
    service.holidays[(2027, "MA")] = MA_2027
    got = public_holidays(client, service.url, 2027, "ma")
    assert got == MA_2027
    (hit,) = service.hits("/api/")
    assert hit.path == "/api/v3/PublicHolidays/2027/MA"


def test_unknown_country_404(service: FakeService, client: httpx.Client) -> None:
    with pytest.raises(NoHolidayData) as info:
        public_holidays(client, service.url, 2027, "XX")
    assert isinstance(info.value, NetError) and info.value.kind == "nodata"
    assert str(info.value) == f"holiday service {service.url} does not know country XX"
    assert len(service.hits("/api/")) == 1  # not retried


def test_no_content_204(service: FakeService, client: httpx.Client) -> None:
    service.no_content.add("AQ")
    with pytest.raises(NoHolidayData) as info:
        public_holidays(client, service.url, 2027, "AQ")
    assert str(info.value) == f"holiday service {service.url} has no holidays for AQ in 2027"
    assert info.value.status == 204


@pytest.mark.parametrize(
    ("item", "detail"),
    [
        ({"date": "2027-13-01", "localName": "x", "name": "x"}, "not YYYY-MM-DD"),
        ({"date": "27-1-1", "localName": "x", "name": "x"}, "not YYYY-MM-DD"),
        ({"date": "2026-12-31", "localName": "x", "name": "x"}, "not in 2027"),
        ({"date": "2027-01-01", "name": "x"}, "has no 'localName' text"),
        ({"date": "2027-01-01", "localName": "x", "name": 3}, "has no 'name' text"),
        ({"date": "2027-01-01", "localName": "x", "name": "x", "fixed": "yes"}, "bad 'fixed'"),
        ({"date": "2027-01-01", "localName": "x", "name": "x", "types": "Public"}, "bad 'types'"),
        ("2027-01-01", "is not a JSON object"),
    ],
)
def test_wrong_shape(service: FakeService, client: httpx.Client, item: object, detail: str) -> None:
    service.holidays[(2027, "MA")] = [MA_2027[0], item]
    with pytest.raises(NetError) as info:
        public_holidays(client, service.url, 2027, "MA")
    assert info.value.kind == "malformed"
    assert "holiday #1" in str(info.value) and detail in str(info.value)


def test_not_a_list(service: FakeService, client: httpx.Client) -> None:
    service.holidays[(2027, "MA")] = {"holidays": MA_2027}
    with pytest.raises(NetError) as info:
        public_holidays(client, service.url, 2027, "MA")
    assert "expected a JSON list of holidays" in str(info.value)


@pytest.mark.parametrize(("body", "detail"), [
    (b"", "an empty answer (HTTP 200 with no body"),
    (b" \r\n ", "an empty answer (HTTP 200 with no body"),
    (b"[]", "an empty list of holidays"),
])
def test_an_empty_200_is_malformed_not_no_holidays(service: FakeService, client: httpx.Client,
                                                   body: bytes, detail: str) -> None:
    """Issue 9: an empty body or an empty list with 200 was taken as "no holidays" (and an
    empty list stored as such). Nager.Date says 204 when it has nothing; a 200 without
    holidays is no answer."""
    service.add_fault("/api/", Fault(status=200, body=body))
    with pytest.raises(NetError) as info:
        public_holidays(client, service.url, 2027, "MA")
    assert not isinstance(info.value, NoHolidayData)
    assert info.value.kind == "malformed" and info.value.status == 200
    assert detail in str(info.value)


def test_malformed_json(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/api/", Fault(status=200, body=json.dumps(MA_2027).encode()[:-5]))
    with pytest.raises(NetError) as info:
        public_holidays(client, service.url, 2027, "MA")
    assert info.value.kind == "malformed" and "not JSON" in str(info.value)


def test_server_error_then_success(service: FakeService, client: httpx.Client) -> None:
    service.holidays[(2027, "MA")] = MA_2027
    service.add_fault("/api/", Fault(status=503, headers={"Retry-After": "0"}))
    assert len(public_holidays(client, service.url, 2027, "MA")) == 2
    assert len(service.hits("/api/")) == 2


@pytest.mark.parametrize(
    ("year", "country"), [(2027, "MAR"), (2027, "M1"), (0, "MA"), (True, "MA")]
)
def test_bad_input(service: FakeService, client: httpx.Client, year: int, country: str) -> None:
    with pytest.raises(NetError) as info:
        public_holidays(client, service.url, year, country)
    assert info.value.kind == "input"
    assert service.requests == []
