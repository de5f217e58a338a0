"""The deadline of a network step, enforced on every connect, read and write.

httpx has per-operation timeouts only (connect, each read, each write, pool): a server that
sends one byte a second never trips a 10 s read timeout, and kept `travel` busy for 96 s. httpx
has no overall timeout (encode/httpx#1450, open), so it is written here:

* `net.http.request` computes the step's deadline (its first attempt plus the budget: the
  client's `--timeout`, at most the retry policy's `max_total`) and runs every attempt
  `within(deadline, clock)`;
* `DeadlineBackend` wraps httpcore's network backend: every socket operation (connect, TLS
  handshake, each read of the headers and of the body, each write) gets the smaller of its own
  timeout and the time left, and none starts once the deadline has passed, so a trickling
  header or body is cut at the deadline;
* `install(client)` puts the wrapper into each connection pool of a client (its transport and
  its proxy mounts).

Why a network backend: it is httpcore's documented extension point (`ConnectionPool(
network_backend=...)`), and it sees every socket operation, the header phase included, which a
check between body chunks cannot. httpx builds its pools itself and takes no backend, so
`install` sets the pool's `_network_backend` attribute: the one private name used, checked by
`tests/net/test_deadline.py::test_every_pool_of_a_client_gets_the_deadline`, which fails if an
httpx or httpcore release moves it.

The clock is the retry policy's (`RetryPolicy.clock`), so a test drives the deadline with an
injected clock instead of waiting.
"""

from __future__ import annotations

import contextlib
import contextvars
import ssl
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpcore

__all__ = ["DeadlineBackend", "Late", "Step", "current", "install", "passed", "within"]


@dataclass(frozen=True, slots=True)
class Step:
    """The deadline of the step under way, on `clock`'s scale (seconds)."""

    deadline: float
    clock: Callable[[], float]

    def left(self) -> float:
        return self.deadline - self.clock()


_STEP: contextvars.ContextVar[Step | None] = contextvars.ContextVar("missionctl_step",
                                                                   default=None)


@contextlib.contextmanager
def within(deadline: float, clock: Callable[[], float]) -> Iterator[Step]:
    """Run the socket operations of the block under `deadline` (on `clock`'s scale)."""
    step = Step(deadline, clock)
    token = _STEP.set(step)
    try:
        yield step
    finally:
        _STEP.reset(token)


def current() -> Step | None:
    """The step under way, if any."""
    return _STEP.get()


class Late(Exception):
    """Marks a timeout as the step's deadline (httpcore keeps the exception it is given, but
    re-raises it `from None`: the mark must be its class, not its cause)."""


class LateConnect(httpcore.ConnectTimeout, Late):
    pass


class LateRead(httpcore.ReadTimeout, Late):
    pass


class LateWrite(httpcore.WriteTimeout, Late):
    pass


def _bounded(timeout: float | None, late: type[Exception],
             operation: Callable[[float | None], Any]) -> Any:
    """Run `operation(t)` with `t` = `timeout` cut to the time the step has left. `late` (a
    `Late` timeout) is raised when no time is left, or when the operation ran out of the time
    it was cut to: either way, because of the deadline."""
    step = _STEP.get()
    if step is None:
        return operation(timeout)
    left = step.left()
    if left <= 0:
        raise late("the step's deadline has passed")
    if timeout is not None and timeout <= left:
        return operation(timeout)
    try:
        return operation(left)
    except (httpcore.ConnectTimeout, httpcore.ReadTimeout, httpcore.WriteTimeout) as exc:
        raise late(str(exc) or "the step's deadline has passed") from exc


class _Stream(httpcore.NetworkStream):
    """A network stream whose every operation ends by the step's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = _bounded(timeout, LateRead,
                               lambda t: self._inner.read(max_bytes, t))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        _bounded(timeout, LateWrite, lambda t: self._inner.write(buffer, t))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        inner = _bounded(timeout, LateConnect,
                         lambda t: self._inner.start_tls(ssl_context, server_hostname, t))
        return _Stream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's network backend, with every operation bounded by the step's deadline."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self.inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = _bounded(timeout, LateConnect, lambda t: self.inner.connect_tcp(
            host, port, t, local_address, socket_options))
        return _Stream(stream)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None
                            ) -> httpcore.NetworkStream:
        stream = _bounded(timeout, LateConnect, lambda t: self.inner.
                          connect_unix_socket(path, t, socket_options))
        return _Stream(stream)

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def install(client: Any) -> int:
    """Wrap the network backend of every connection pool of an httpx client (its transport
    and its proxy mounts) in `DeadlineBackend`; return how many pools were wrapped. Pools of
    a transport the caller built themselves (tests) are left as they are."""
    transports = [getattr(client, "_transport", None), *getattr(client, "_mounts", {}).values()]
    wrapped = 0
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, DeadlineBackend):
            wrapped += 1
        elif isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = DeadlineBackend(backend)  # type: ignore[union-attr]
            wrapped += 1
    return wrapped


def passed(exc: BaseException) -> bool:
    """Whether `exc` (an httpx exception) comes from a step's deadline."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, Late):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
