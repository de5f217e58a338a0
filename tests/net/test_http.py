"""make_client, request and NetError against a real loopback server (FakeService)."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from missionctl import __version__
from missionctl.net import NetError
from missionctl.net.errors import display_url, redact_url
from missionctl.net.http import (
    DEFAULT_USER_AGENT,
    RetryEvent,
    RetryPolicy,
    get_json,
    make_client,
    parse_retry_after,
    request,
)

from .conftest import FAST
from .fakeservice import FakeService, Fault


class Sleeps:
    """An injected sleep that records what it was asked and sleeps for real only a little."""

    def __init__(self, real: bool = False) -> None:
        self.calls: list[float] = []
        self.real = real

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        if self.real:
            time.sleep(seconds)


def one_line(err: NetError) -> str:
    text = str(err)
    assert "\n" not in text and "Traceback" not in text and text == text.strip()
    return text


# --- the client ---------------------------------------------------------------------------------


def test_default_user_agent_is_sent(service: FakeService, client: httpx.Client) -> None:
    _, data = get_json(client, service.url + "/echo")
    agent = {k.lower(): v for k, v in data["headers"].items()}["user-agent"]
    assert agent == f"missionctl/{__version__} (+https://example.org/missionctl)"
    assert agent == DEFAULT_USER_AGENT


def test_custom_user_agent_and_timeouts(service: FakeService) -> None:
    with make_client(timeout=3, user_agent="missionctl-test/1 (ops@example.org)") as c:
        assert c.timeout.connect == 3 and c.timeout.read == 3
        _, data = get_json(c, service.url + "/echo")
    agent = {k.lower(): v for k, v in data["headers"].items()}["user-agent"]
    assert agent == "missionctl-test/1 (ops@example.org)"
    with make_client(timeout=20, connect_timeout=2) as c:
        assert (c.timeout.connect, c.timeout.read) == (2, 20)
    with make_client() as c:
        assert (c.timeout.connect, c.timeout.read) == (5, 10)


def test_proxy_from_environment_is_used(
    service: FakeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fake service doubles as an HTTP proxy: it answers absolute-form request targets.
    monkeypatch.setenv("HTTP_PROXY", service.url)
    target = "http://missionctl-proxy-test.invalid/echo"
    with make_client(retry=FAST) as c:
        _, data = get_json(c, target)
    assert data == {"proxied": True, "target": target}
    with make_client(retry=FAST, trust_env=False) as c, pytest.raises(NetError) as info:
        get_json(c, target)
    assert info.value.kind == "dns"


# --- retries ------------------------------------------------------------------------------------


def test_500_then_success_is_retried(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/echo", Fault(status=500), Fault(status=502))
    response = request(client, "GET", service.url + "/echo")
    assert response.status_code == 200
    assert len(service.hits("/echo")) == 3


def test_persistent_500_gives_up_after_bounded_attempts(
    service: FakeService, client: httpx.Client
) -> None:
    service.add_fault("/echo", *[Fault(status=500, body=b'{"message": "db down"}')] * 10)
    events: list[RetryEvent] = []
    policy = FAST.with_(attempts=4, on_retry=events.append)
    with pytest.raises(NetError) as info:
        request(client, "GET", service.url + "/echo", policy=policy)
    assert len(service.hits("/echo")) == 4
    assert [e.attempt for e in events] == [1, 2, 3]
    text = one_line(info.value)
    assert text == f"HTTP 500 Internal Server Error from {service.url}/echo: db down"
    assert info.value.status == 500 and info.value.kind == "status"


def test_backoff_is_exponential_and_capped(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/echo", *[Fault(status=503)] * 5)
    sleeps = Sleeps()
    policy = RetryPolicy(attempts=6, base_delay=1, max_delay=4, jitter=0, sleep=sleeps)
    response = request(client, "GET", service.url + "/echo", policy=policy)
    assert response.status_code == 200
    assert sleeps.calls == [1, 2, 4, 4, 4]


def test_total_time_bounds_the_retries(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/echo", *[Fault(status=503)] * 10)
    sleeps = Sleeps()
    policy = RetryPolicy(
        attempts=10, base_delay=1, max_delay=8, max_total=3.5, jitter=0, sleep=sleeps
    )
    # the injected sleep does not pass time, so the fake clock must: advance it by each sleep
    now = [0.0]

    def clock() -> float:
        return now[0] + sum(sleeps.calls)

    with pytest.raises(NetError):
        request(client, "GET", service.url + "/echo", policy=policy.with_(clock=clock))
    assert sleeps.calls == [1, 2]  # a third wait (4 s) would end after 3.5 s
    assert len(service.hits("/echo")) == 3


def test_post_is_not_retried_on_500(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/echo", Fault(status=500))
    with pytest.raises(NetError):
        request(client, "POST", service.url + "/echo", content=b"x")
    assert len(service.hits("/echo")) == 1


def test_404_is_not_retried(service: FakeService, client: httpx.Client) -> None:
    with pytest.raises(NetError) as info:
        request(client, "GET", service.url + "/nowhere")
    assert len(service.hits("/nowhere")) == 1
    assert one_line(info.value) == (
        f"HTTP 404 Not Found from {service.url}/nowhere: no such endpoint"
    )


def test_accepted_status_is_returned(service: FakeService, client: httpx.Client) -> None:
    response = request(client, "GET", service.url + "/nowhere", accept=(404,))
    assert response.status_code == 404


def test_429_retry_after_seconds_is_honoured_in_real_time(
    service: FakeService, client: httpx.Client
) -> None:
    service.add_fault("/echo", Fault(status=429, headers={"Retry-After": "1"}))
    policy = FAST.with_(sleep=time.sleep)
    request(client, "GET", service.url + "/echo", policy=policy)
    first, second = service.hits("/echo")
    assert second.at - first.at >= 0.95


def test_429_retry_after_seconds_uses_the_injected_sleep(
    service: FakeService, client: httpx.Client
) -> None:
    service.add_fault("/echo", Fault(status=429, headers={"Retry-After": "7"}))
    sleeps = Sleeps()
    request(client, "GET", service.url + "/echo", policy=FAST.with_(sleep=sleeps))
    assert sleeps.calls == [7.0]


def test_503_retry_after_http_date(service: FakeService, client: httpx.Client) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    service.add_fault("/echo", Fault(status=503, headers={"Retry-After": when}))
    sleeps = Sleeps()
    request(client, "GET", service.url + "/echo", policy=FAST.with_(sleep=sleeps, max_total=60))
    assert len(sleeps.calls) == 1 and 27 <= sleeps.calls[0] <= 30


def test_retry_after_above_the_cap_fails_at_once(
    service: FakeService, client: httpx.Client
) -> None:
    service.add_fault("/echo", Fault(status=429, headers={"Retry-After": "3600"}))
    sleeps = Sleeps()
    policy = FAST.with_(sleep=sleeps, max_retry_after=60)
    with pytest.raises(NetError) as info:
        request(client, "GET", service.url + "/echo", policy=policy)
    assert sleeps.calls == [] and len(service.hits("/echo")) == 1
    assert "asks to wait 3600 s" in one_line(info.value)
    assert info.value.status == 429


def test_parse_retry_after() -> None:
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Sun, 01 Mar 2026 12:00:30 GMT", now=now) == 30
    assert parse_retry_after("Sun, 01 Mar 2026 11:00:00 GMT", now=now) == 0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("") is None
    assert parse_retry_after(None) is None


# --- failures become one-line NetErrors ---------------------------------------------------------


def test_slow_reply_times_out(service: FakeService) -> None:
    service.add_fault("/echo", Fault(delay=5), Fault(delay=5))
    with make_client(timeout=0.3, retry=FAST.with_(attempts=2)) as c:
        started = time.monotonic()
        with pytest.raises(NetError) as info:
            request(c, "GET", service.url + "/echo")
        elapsed = time.monotonic() - started
    assert info.value.kind == "timeout"
    assert elapsed < 2
    assert len(service.hits("/echo")) == 2  # a GET is retried after a read timeout
    assert one_line(info.value).startswith("timed out reading from 127.0.0.1:")
    assert "after 0.3 s" in str(info.value)


def test_slow_first_reply_then_success(service: FakeService) -> None:
    service.add_fault("/echo", Fault(delay=3))
    with make_client(timeout=0.3, retry=FAST) as c:
        assert request(c, "GET", service.url + "/echo").status_code == 200


def test_connection_refused(refused_url: str, client: httpx.Client) -> None:
    events: list[RetryEvent] = []
    with pytest.raises(NetError) as info:
        request(client, "GET", refused_url + "/x", policy=FAST.with_(on_retry=events.append))
    assert info.value.kind == "refused"
    assert len(events) == FAST.attempts - 1  # refused is retried (the server may be starting)
    host = refused_url.removeprefix("http://")
    assert one_line(info.value) == (
        f"cannot connect to {host}: connection refused (is the server running?)"
    )


def test_dns_failure_is_not_retried(client: httpx.Client) -> None:
    events: list[RetryEvent] = []
    with pytest.raises(NetError) as info:
        request(
            client,
            "GET",
            "http://no-such-host.invalid/x",
            policy=FAST.with_(on_retry=events.append),
        )
    assert info.value.kind == "dns"
    assert events == []
    assert one_line(info.value) == "cannot resolve host 'no-such-host.invalid' (DNS lookup failed)"


def test_temporary_dns_failure_is_retried() -> None:
    # MockTransport: a real resolver cannot be made to fail *temporarily* (EAI_AGAIN) on demand.
    calls: list[int] = []

    def handler(req: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            gai = socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
            raise httpx.ConnectError(str(gai), request=req) from gai
        return httpx.Response(200, json={"ok": True})

    with make_client(retry=FAST, transport=httpx.MockTransport(handler)) as c:
        _, data = get_json(c, "http://geo.example/x")
    assert data == {"ok": True} and len(calls) == 2


def test_connection_dropped_without_answer(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/echo", Fault(close=True))
    assert request(client, "GET", service.url + "/echo").status_code == 200
    service.add_fault("/echo", *[Fault(close=True)] * 3)
    with pytest.raises(NetError) as info:
        request(client, "GET", service.url + "/echo")
    assert info.value.kind == "protocol"
    assert "closed the connection without a proper answer" in one_line(info.value)


def test_malformed_json(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/echo", Fault(status=200, body=b"<html>oops</html>"))
    with pytest.raises(NetError) as info:
        get_json(client, service.url + "/echo", what="geocoder")
    assert info.value.kind == "malformed"
    assert one_line(info.value) == (
        f"malformed answer from geocoder {service.url}/echo: "
        "not JSON (starts with '<html>oops</html>')"
    )


def test_unsupported_scheme_and_bad_url(client: httpx.Client) -> None:
    with pytest.raises(NetError) as info:
        request(client, "GET", "ftp://example.org/x")
    assert info.value.kind == "input"
    with pytest.raises(NetError) as info:
        request(client, "GET", "http://[::1/x")
    assert info.value.kind == "input"
    one_line(info.value)


def test_credentials_never_appear_in_messages(service: FakeService, client: httpx.Client) -> None:
    url = service.url.replace("http://", "http://bob:hunter2@") + "/nowhere?q=x&token=abc123"
    with pytest.raises(NetError) as info:
        request(client, "GET", url)
    text = one_line(info.value)
    assert "hunter2" not in text and "bob" not in text and "abc123" not in text
    assert "token=***" in text
    assert "hunter2" not in repr(info.value) and "hunter2" not in str(info.value.url)


def test_401_message_names_the_host_and_hint(service: FakeService, client: httpx.Client) -> None:
    service.add_fault("/echo", Fault(status=401, headers={"WWW-Authenticate": 'Basic realm="x"'}))
    with pytest.raises(NetError) as info:
        request(client, "GET", service.url + "/echo", auth_hint="set X")
    host = service.url.removeprefix("http://")
    assert one_line(info.value) == f"authentication failed for {host}: set X"
    assert info.value.kind == "auth"


def test_redaction_helpers() -> None:
    assert redact_url("https://u:p@h.example:8443/a/b?key=1&q=x#f") == (
        "https://h.example:8443/a/b?key=***&q=x"
    )
    assert display_url("http://h/" + "x" * 300).endswith("…")
    assert len(display_url("http://h/" + "x" * 300)) == 120


def test_neterror_is_one_line() -> None:
    err = NetError("first line\n  second line\tand tab", kind="status")
    assert str(err) == "first line second line and tab"
    assert err.kind == "status"


# --- TLS: verification is on --------------------------------------------------------------------


@pytest.fixture
def tls_service(tmp_path: Path) -> Iterator[tuple[FakeService, Path]]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with FakeService(tls=context) as svc:
        yield svc, cert


def test_self_signed_certificate_is_refused(tls_service: tuple[FakeService, Path]) -> None:
    svc, cert = tls_service
    with make_client(timeout=2, retry=FAST) as c, pytest.raises(NetError) as info:
        request(c, "GET", svc.url + "/echo")
    assert info.value.kind == "tls"
    assert "certificate" in one_line(info.value) and "could not be verified" in str(info.value)
    with make_client(timeout=2, retry=FAST, ca_bundle=str(cert)) as c:
        assert request(c, "GET", svc.url + "/echo").status_code == 200


def test_bad_ca_bundle_is_a_neterror(tmp_path: Path) -> None:
    with pytest.raises(NetError) as info:
        make_client(ca_bundle=str(tmp_path / "missing.pem"))
    assert info.value.kind == "config"
    one_line(info.value)
