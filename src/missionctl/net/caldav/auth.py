"""Credentials for a CalDAV server, and the client ``publish`` uses.

Where they come from, in this order: ``MISSIONCTL_CALDAV_USER`` and
``MISSIONCTL_CALDAV_PASSWORD``; else user:password in the URL; else the ``machine`` entry of the
netrc file (``$NETRC``, default ``~/.netrc``). They are sent as HTTP Basic authentication, so
use https for anything but loopback. They never appear in messages: URLs are shown without
userinfo, and a 401 says where credentials are looked for (:data:`AUTH_HINT`), not what was
tried.
"""

from __future__ import annotations

import netrc
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx

from missionctl.net.errors import NetError, redact_url
from missionctl.net.http import make_client

__all__ = ["AUTH_HINT", "ENV_PASSWORD", "ENV_USER", "client_for", "credentials_for"]

ENV_USER = "MISSIONCTL_CALDAV_USER"
ENV_PASSWORD = "MISSIONCTL_CALDAV_PASSWORD"
AUTH_HINT = f"set {ENV_USER} and {ENV_PASSWORD}, or add the host to ~/.netrc"


def credentials_for(url: str, *, environ: Mapping[str, str] | None = None) -> httpx.Auth | None:
    """Basic credentials for ``url``: environment, then URL userinfo, then netrc; None if none.

    Raises NetError (kind ``config``) when only one of the two variables is set or the netrc
    file cannot be read; the message names the file, never its content.
    """
    env = os.environ if environ is None else environ
    user, password = env.get(ENV_USER), env.get(ENV_PASSWORD)
    if user or password:
        if not user:
            raise NetError(f"{ENV_PASSWORD} is set but {ENV_USER} is not", kind="config")
        if password is None:
            raise NetError(f"{ENV_USER} is set but {ENV_PASSWORD} is not", kind="config")
        return httpx.BasicAuth(user, password)
    try:
        parts = urlsplit(url)
        url_user, url_password, hostname = parts.username, parts.password, parts.hostname
    except ValueError:
        raise NetError(f"invalid CalDAV URL {redact_url(url)}", kind="input") from None
    if url_user is not None:
        return httpx.BasicAuth(unquote(url_user), unquote(url_password or ""))
    if not hostname:
        return None
    return _from_netrc(hostname, env)


def _from_netrc(hostname: str, env: Mapping[str, str]) -> httpx.Auth | None:
    explicit = env.get("NETRC")
    if explicit:
        path = Path(explicit).expanduser()
    else:
        try:
            path = Path.home() / ".netrc"
        except RuntimeError:  # no home directory
            return None
    if not path.is_file():
        return None
    try:
        # netrc(None) reads ~/.netrc *with* the ownership/permission check; an explicit file
        # (NETRC) is read as given, like curl does.
        parsed = netrc.netrc(str(path) if explicit else None)
    except netrc.NetrcParseError as exc:
        why = exc.msg if "access" in exc.msg or "owner" in exc.msg else "syntax error"
        raise NetError(f"cannot use {path} (line {exc.lineno}): {why}", kind="config") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise NetError(f"cannot read {path}: {reason}", kind="config") from None
    entry = parsed.authenticators(hostname)
    if entry is None:
        return None
    login, _account, password = entry
    return httpx.BasicAuth(login or "", password or "")


def client_for(url: str, **kwargs: Any) -> httpx.Client:
    """``make_client(auth=credentials_for(url), **kwargs)``: the client ``publish`` needs."""
    return make_client(auth=credentials_for(url), **kwargs)
