"""The deadline of a network step (issue 9): a real loopback server that trickles its answer,
and an injected clock that runs the deadline out, never a wall-clock assertion.

A server sending one byte at a time kept `travel` busy for 96 s: each read got its byte well
within the read timeout. `--timeout 2` took 12.5 s to fail, because of silent retries. Now
`--timeout` is the budget of a whole step, every try and wait included, enforced on every
socket operation (`missionctl.net.deadline`).
"""

from __future__ import annotations

import httpx
import pytest

from missionctl.net import deadline
from missionctl.net import http as nethttp
from missionctl.net.http import NetError, RetryPolicy, make_client, request

from .clocks import Sleeps, Ticking
from .conftest import FAST
from .fakeservice import FakeService, Fault

BODY = b'{"padding": "' + b"x" * 2000 + b'"}'  # 2,016 bytes: 20 s at one byte per 10 ms


def test_every_pool_of_a_client_gets_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one private name the deadline relies on (httpcore's pool `_network_backend`): if a
    release of httpx or httpcore moves it, this fails instead of the deadline going quiet."""
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    with make_client(timeout=5) as client:
        pools = [client._transport, *client._mounts.values()]
        assert len(pools) >= 2  # the direct transport and the proxy mount
        for transport in pools:
            backend = transport._pool._network_backend  # type: ignore[union-attr]
            assert isinstance(backend, deadline.DeadlineBackend)
        assert deadline.install(client) == len(pools)  # idempotent


def test_a_trickling_body_is_cut_at_the_deadline(service: FakeService) -> None:
    service.add_fault("/echo", Fault(status=200, body=BODY, trickle=0.01))
    clock = Ticking(0.25)
    policy = FAST.with_(clock=clock, sleep=Sleeps(clock))
    with make_client(timeout=5, budget=2, retry=policy) as client, pytest.raises(NetError) as info:
        request(client, "GET", service.url + "/echo")
    err = info.value
    assert err.kind == "timeout"
    assert str(err) == (f"timed out reading from 127.0.0.1:{service.port}: no complete answer "
                        f"within the 2 s allowed (GET {service.url}/echo; 1 try)")
    assert len(service.hits("/echo")) == 1  # no retry once the budget is spent
    assert clock.readings <= 12  # the deadline passed after about 2 / 0.25 readings
    assert service.trickled < len(BODY) // 4  # cut off early, not read to the end


def test_trickling_headers_are_cut_at_the_deadline(service: FakeService) -> None:
    """The status line and headers one byte at a time: a check between body chunks would
    never run; the deadline is on every read."""
    service.add_fault("/echo", Fault(status=200, body=b"{}", trickle=0.01,
                                     trickle_headers=True))
    policy = FAST.with_(clock=Ticking(0.5))
    with make_client(timeout=5, budget=3, retry=policy) as client, \
            pytest.raises(NetError) as info:
        request(client, "GET", service.url + "/echo")
    assert info.value.kind == "timeout" and "within the 3 s allowed" in str(info.value)
    assert service.trickled < 60  # a 70-odd-byte head, never sent whole


def test_retries_and_their_waits_stay_within_the_budget(service: FakeService) -> None:
    """503s: the retries stop when the next wait would end after the budget; the policy's
    own max_total (60 s) no longer decides."""
    service.add_fault("/echo", *[Fault(status=503)] * 10)
    clock = Ticking(0.0)
    sleeps = Sleeps(clock)
    policy = RetryPolicy(attempts=10, base_delay=1, max_delay=8, max_total=60, jitter=0,
                         sleep=sleeps, clock=clock)
    with make_client(timeout=5, budget=4, retry=policy) as client, pytest.raises(NetError) as info:
        request(client, "GET", service.url + "/echo")
    assert sleeps.calls == [1, 2]  # a third wait (4 s) would end after 4 s
    assert len(service.hits("/echo")) == 3
    assert info.value.status == 503


def test_a_deadline_that_has_passed_refuses_to_connect(service: FakeService) -> None:
    policy = FAST.with_(clock=Ticking(10.0))  # each reading is past a 5 s budget
    with make_client(timeout=5, budget=5, retry=policy) as client, \
            pytest.raises(NetError) as info:
        request(client, "GET", service.url + "/echo")
    assert info.value.kind == "timeout"
    assert service.hits("/echo") == []  # nothing was sent


def test_without_a_step_the_backend_is_httpcores(service: FakeService) -> None:
    """Outside `request` (no step under way) the wrapped backend changes nothing."""
    with make_client(timeout=5) as client:
        assert deadline.current() is None
        assert client.get(service.url + "/echo").status_code == 200


def test_the_default_budget_is_the_policys_max_total() -> None:
    with make_client(timeout=5) as client:
        assert nethttp.budget(client, FAST) == FAST.max_total
    with make_client(timeout=5, budget=2) as client:
        assert nethttp.budget(client, FAST) == 2
        assert nethttp.budget(client, FAST.with_(max_total=1)) == 1
    with pytest.raises(NetError, match="positive"):
        make_client(timeout=5, budget=0)


def test_an_answer_within_the_budget_is_returned(service: FakeService) -> None:
    service.add_fault("/echo", Fault(status=200, body=b'{"ok": 1}', trickle=0.001))
    with make_client(timeout=5, budget=30) as client:
        response = request(client, "GET", service.url + "/echo")
    assert response.json() == {"ok": 1}
    assert isinstance(response, httpx.Response)
