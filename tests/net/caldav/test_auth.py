"""Credentials: environment, URL userinfo, netrc; against a real Radicale with htpasswd."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from missionctl.net import NetError
from missionctl.net.caldav import AUTH_HINT, credentials_for, ensure_calendar, list_events, sync
from missionctl.net.http import make_client

from ..conftest import FAST, RADICALE_PASSWORD, RADICALE_USER, Radicale
from .bodies import THREE


def auth_client(auth: httpx.Auth | None) -> httpx.Client:
    return make_client(timeout=5, retry=FAST, auth=auth)


def test_htpasswd_with_environment_credentials(
    radicale_htpasswd: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", RADICALE_USER)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", RADICALE_PASSWORD)
    url = radicale_htpasswd.collection()
    with auth_client(credentials_for(url)) as c:
        assert len(sync(c, url, THREE).created) == 3


def test_wrong_password_is_a_clear_401(
    radicale_htpasswd: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", RADICALE_USER)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", "wrong-Pa55word")
    url = radicale_htpasswd.collection()
    with auth_client(credentials_for(url)) as c, pytest.raises(NetError) as info:
        sync(c, url, THREE)
    host = radicale_htpasswd.url.removeprefix("http://")
    assert str(info.value) == f"authentication failed for {host}: {AUTH_HINT}"
    assert info.value.kind == "auth" and info.value.status == 401
    assert "wrong-Pa55word" not in repr(info.value)


def test_no_credentials_is_a_clear_401(radicale_htpasswd: Radicale) -> None:
    url = radicale_htpasswd.collection()
    assert credentials_for(url) is None
    with auth_client(None) as c, pytest.raises(NetError) as info:
        ensure_calendar(c, url)
    assert info.value.kind == "auth"
    assert "MISSIONCTL_CALDAV_USER" in str(info.value) and "netrc" in str(info.value)


def test_credentials_from_netrc(
    radicale_htpasswd: Radicale, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    netrc = tmp_path / "my-netrc"
    netrc.write_text(
        f"machine other.example login x password y\n"
        f"machine 127.0.0.1 login {RADICALE_USER} password {RADICALE_PASSWORD}\n"
    )
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    url = radicale_htpasswd.collection()
    with auth_client(credentials_for(url)) as c:
        assert len(sync(c, url, THREE).created) == 3


def test_userinfo_in_url_is_used_and_never_shown(radicale_htpasswd: Radicale) -> None:
    good = radicale_htpasswd.collection().replace(
        "http://", f"http://{RADICALE_USER}:{RADICALE_PASSWORD}@"
    )
    with auth_client(credentials_for(good)) as c:
        assert sync(c, good, THREE).created
        listed = list_events(c, good)
    assert all("@127.0.0.1" not in href and RADICALE_PASSWORD not in href for href in listed)
    bad = good.replace(RADICALE_PASSWORD, "nope-n0pe")
    with auth_client(credentials_for(bad)) as c, pytest.raises(NetError) as info:
        sync(c, bad, THREE)
    assert "nope-n0pe" not in str(info.value) and RADICALE_USER not in str(info.value)


def test_credentials_precedence_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home_netrc = Path.home() / ".netrc"
    home_netrc.write_text("machine cal.example login netrc-user password netrc-pass\n")
    home_netrc.chmod(0o600)

    def header(auth: httpx.Auth | None) -> str:
        assert isinstance(auth, httpx.BasicAuth)
        request = httpx.Request("GET", "https://cal.example/")
        return next(auth.auth_flow(request)).headers["Authorization"]

    netrc_auth = credentials_for("https://cal.example/dav/")
    assert header(netrc_auth) == httpx.BasicAuth("netrc-user", "netrc-pass")._auth_header
    url_auth = credentials_for("https://u%40x:p%3Aw@cal.example/dav/")
    assert header(url_auth) == httpx.BasicAuth("u@x", "p:w")._auth_header
    assert credentials_for("https://elsewhere.example/") is None

    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", "env-user")
    with pytest.raises(NetError) as info:
        credentials_for("https://cal.example/")
    assert info.value.kind == "config" and "MISSIONCTL_CALDAV_PASSWORD is not" in str(info.value)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", "env-pass")
    env_auth = credentials_for("https://u:p@cal.example/")
    assert header(env_auth) == httpx.BasicAuth("env-user", "env-pass")._auth_header


def test_permissive_or_broken_netrc(monkeypatch: pytest.MonkeyPatch) -> None:
    home_netrc = Path.home() / ".netrc"
    home_netrc.write_text("machine cal.example login me password topsecret\n")
    home_netrc.chmod(0o644)
    with pytest.raises(NetError) as info:
        credentials_for("https://cal.example/")
    assert "topsecret" not in str(info.value) and ".netrc" in str(info.value)
    home_netrc.write_text('machine cal.example login me password "unterminated\n')
    home_netrc.chmod(0o600)
    try:
        credentials_for("https://cal.example/")
    except NetError as err:  # whether this parses depends on the Python version
        assert "unterminated" not in str(err) and err.kind == "config"


def test_client_for_uses_the_credentials(
    radicale_htpasswd: Radicale, monkeypatch: pytest.MonkeyPatch
) -> None:
    from missionctl.net.caldav import client_for

    monkeypatch.setenv("MISSIONCTL_CALDAV_USER", RADICALE_USER)
    monkeypatch.setenv("MISSIONCTL_CALDAV_PASSWORD", RADICALE_PASSWORD)
    url = radicale_htpasswd.collection()
    with client_for(url, timeout=5, retry=FAST) as c:
        assert ensure_calendar(c, url) is True
