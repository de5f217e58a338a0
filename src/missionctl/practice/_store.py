"""Where practice data lives on disk, and how it is written.

Two places, kept apart on purpose (XDG Base Directory specification):

* the *data* dir holds what a person chose to keep (holiday overrides): losing it loses work;
* the *cache* dir holds what can be recomputed (holiday calendars from the `holidays` package):
  deleting it only costs start-up time.

Both are written atomically (`missionctl.atomic`: a temporary file beside it, then a rename), so a
check running in parallel, or one killed half-way, never reads a half-written file.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

APP = "missionctl"


def _xdg_dir(override_var: str, xdg_var: str, fallback: str) -> Path:
    """`$override_var`, else `$xdg_var/missionctl`, else `~/<fallback>/missionctl`.

    The XDG specification says a relative `XDG_*_HOME` is invalid and must be ignored, so a
    stray relative value cannot scatter files into whatever directory a hook runs in.
    """
    explicit = os.environ.get(override_var)
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get(xdg_var)
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / APP
    return Path.home() / fallback / APP


def data_dir() -> Path:
    """User data directory: `MISSIONCTL_DATA_DIR`, else `$XDG_DATA_HOME/missionctl`,
    else `~/.local/share/missionctl`. Read on every call so tests and hooks can redirect it."""
    return _xdg_dir("MISSIONCTL_DATA_DIR", "XDG_DATA_HOME", ".local/share")


def cache_dir() -> Path:
    """User cache directory: `MISSIONCTL_CACHE_DIR`, else `$XDG_CACHE_HOME/missionctl`,
    else `~/.cache/missionctl`."""
    return _xdg_dir("MISSIONCTL_CACHE_DIR", "XDG_CACHE_HOME", ".cache")


def write_json_atomic(path: Path, payload: Any) -> Path:
    """Write `payload` as JSON to `path` (folders made as needed) with the one atomic writer,
    `missionctl.atomic.replace_file`: readers see the old file or the new one, never a mix.
    Returns `path`; raises OSError."""
    from missionctl.atomic import replace_file

    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return replace_file(path, text, mode=0o600, make_parents=True)


def _normalise_dist(name: str) -> str:
    # PEP 503 normalisation, with "_" as wheels spell it in dist-info directory names.
    return re.sub(r"[-_.]+", "_", name).lower()


def dist_version(name: str) -> str | None:
    """Installed version of distribution `name`, or None when it is not installed.

    Reads the `<name>-<version>.dist-info` directory names along `sys.path`, in import order,
    so it names the copy `import` would load. Why not `importlib.metadata.version` straight
    away: importing `importlib.metadata` costs about 20 ms here (it pulls in `email`), more
    than the whole cached holiday lookup it serves. It stays the fallback for layouts the
    scan does not understand (eggs, zips).
    """
    wanted = _normalise_dist(name)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for child in names:
            if not child.endswith(".dist-info"):
                continue
            dist, sep, version = child[: -len(".dist-info")].partition("-")
            if sep and _normalise_dist(dist) == wanted:
                return version
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
