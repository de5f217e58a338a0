"""A loopback proxy in front of a real server that loses chosen replies.

`publish` lost a reply: the CalDAV server stored an event, its answer never arrived, the
retried create (`If-None-Match: *`) got 412. To reproduce that with a real server, this proxy
forwards each request to the upstream server (Radicale), and for the requests a test marks
(`drop(method, times)`) closes the client's connection without relaying the answer, after the
upstream server has acted on it.

A `ThreadingHTTPServer` on 127.0.0.1, one request per connection, stopped at teardown; every
request and whether its reply was dropped is recorded in `seen`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host",
        "proxy-connection", "upgrade", "te", "trailer"}


class DroppingProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.seen: list[tuple[str, str, int, bool]] = []  # method, path, status, dropped
        self._drops: dict[str, int] = {}
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.proxy = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._client = httpx.Client(timeout=10, trust_env=False)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.01}, daemon=True)

    def drop(self, method: str, times: int = 1) -> None:
        """Lose the answers to the next `times` requests with `method` (they still reach the
        upstream server, which acts on them)."""
        with self._lock:
            self._drops[method.upper()] = self._drops.get(method.upper(), 0) + times

    def _take_drop(self, method: str) -> bool:
        with self._lock:
            left = self._drops.get(method, 0)
            if left:
                self._drops[method] = left - 1
            return bool(left)

    def start(self) -> DroppingProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join(timeout=5)
        self._server.server_close()
        self._client.close()


@contextmanager
def dropping_proxy(upstream: str) -> Iterator[DroppingProxy]:
    proxy = DroppingProxy(upstream).start()
    try:
        yield proxy
    finally:
        proxy.stop()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    proxy: DroppingProxy


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _forward(self) -> None:
        proxy = self.server.proxy
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        answer = proxy._client.request(self.command, proxy.upstream + self.path,
                                       headers=headers, content=body)
        dropped = proxy._take_drop(self.command)
        with proxy._lock:
            proxy.seen.append((self.command, self.path, answer.status_code, dropped))
        if dropped:  # the server acted; its answer is lost on the way back
            self.close_connection = True
            return
        self.send_response(answer.status_code)
        for key, value in answer.headers.items():  # the body is relayed decoded
            if key.lower() not in _HOP and key.lower() != "content-encoding":
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.content)

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_MKCALENDAR = do_MKCOL = _forward
    do_POST = do_OPTIONS = do_HEAD = _forward
