"""The HTTP client factory: the one kind of ``httpx.Client`` missionctl uses.

:func:`make_client` builds it: separate connect and read timeouts, TLS verification on,
proxies and CA bundles from the environment (``HTTPS_PROXY``, ``NO_PROXY``,
``SSL_CERT_FILE`` ...), and an identifying User-Agent. The client remembers its retry policy
(:class:`NetClient`). Requests go through ``net.http.request``.
"""

from __future__ import annotations

import functools
import os
import ssl

import httpx

from missionctl import __version__
from missionctl.net.deadline import install
from missionctl.net.errors import NetError
from missionctl.net.failures import describe
from missionctl.net.retry import RetryPolicy

__all__ = ["DEFAULT_USER_AGENT", "NetClient", "make_client"]

DEFAULT_USER_AGENT = f"missionctl/{__version__} (+https://example.org/missionctl)"


class NetClient(httpx.Client):
    """An ``httpx.Client`` that remembers its :class:`RetryPolicy` (None: the module default)
    and its budget: the most seconds one request may take, every attempt and wait included
    (None: the policy's ``max_total``)."""

    retry_policy: RetryPolicy | None = None
    budget: float | None = None


def make_client(
    *,
    timeout: float = 10,
    connect_timeout: float | None = None,
    user_agent: str | None = None,
    auth: httpx.Auth | None = None,
    headers: dict[str, str] | None = None,
    retry: RetryPolicy | None = None,
    budget: float | None = None,
    ca_bundle: str | None = None,
    trust_env: bool = True,
    follow_redirects: bool = True,
    transport: httpx.BaseTransport | None = None,
) -> NetClient:
    """The httpx client every missionctl network call goes through.

    ``timeout`` bounds each read, write and wait for a pooled connection; ``connect_timeout``
    (default ``min(5, timeout)``) bounds establishing the connection; ``budget`` bounds a whole
    request, all its attempts and waits included, and is enforced on every socket operation
    (``net.deadline``: a server trickling its answer is cut off); the CLI's ``--timeout`` sets
    ``timeout`` and ``budget`` alike. TLS certificates are always
    verified, against ``ca_bundle`` if given, else ``SSL_CERT_FILE``/``SSL_CERT_DIR`` when
    ``trust_env``, else certifi's bundle. Proxies come from ``HTTP(S)_PROXY``/``ALL_PROXY``/
    ``NO_PROXY`` when ``trust_env``. ``transport`` is for tests that need a fault no real server
    can produce. Raises NetError (kind ``config``) if the environment's proxy or CA settings are
    unusable.
    """
    if timeout <= 0 or (budget is not None and budget <= 0):
        raise NetError(f"timeout must be positive, not {min(timeout, budget or timeout)}",
                       kind="input")
    connect = min(5.0, timeout) if connect_timeout is None else connect_timeout
    all_headers = {"User-Agent": user_agent or DEFAULT_USER_AGENT}
    if headers:
        all_headers.update(headers)
    try:
        if ca_bundle is not None:
            is_dir = os.path.isdir(ca_bundle)
            verify = _ssl_context(None if is_dir else ca_bundle, ca_bundle if is_dir else None)
        elif trust_env:
            env = os.environ
            verify = _ssl_context(env.get("SSL_CERT_FILE") or None, env.get("SSL_CERT_DIR") or None)
        else:
            verify = _ssl_context(None, None)
        client = NetClient(
            timeout=httpx.Timeout(timeout, connect=connect),
            headers=all_headers,
            auth=auth,
            verify=verify,
            trust_env=trust_env,
            follow_redirects=follow_redirects,
            max_redirects=5,
            transport=transport,
        )
    except (OSError, ValueError, httpx.InvalidURL, ssl.SSLError) as exc:
        raise NetError(f"cannot set up HTTP client: {describe(exc)}", kind="config") from exc
    client.retry_policy = retry
    client.budget = budget
    install(client)
    return client


@functools.lru_cache(maxsize=8)
def _ssl_context(cafile: str | None, capath: str | None) -> ssl.SSLContext:
    """A verifying TLS context, built once per CA source: loading a CA bundle takes ~0.1 s, and
    httpx would do it again for every client and proxy mount. (Failures are not cached.)"""
    if cafile is None and capath is None:
        import certifi  # httpx's own dependency, as httpx does by default

        cafile = certifi.where()
    return ssl.create_default_context(cafile=cafile, capath=capath)
