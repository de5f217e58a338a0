"""Run real calendar clients on an .ics file and read back the UTC instants they show.

Reusable by any test (and by hand: `python tests/clients/harness.py FILE.ics`). Clients are the
Debian packages `khal` (0.10.5 on Debian 12) and `calcurse` (4.7.1). Each call works in its own
temporary directory with its own configuration, so nothing of the user's is read or written.

Both clients resolve an IANA TZID with their *own* tz database and ignore the VTIMEZONE in the
file (khal through Debian's pytz, which reads /usr/share/zoneinfo; calcurse through the C
library). khal reads the VTIMEZONE only for a TZID its tz database does not know; calcurse never
does (it treats an unknown TZID as UTC). So an exact answer needs a client tz database as new as
ours: pass `tzdir=package_zoneinfo(...)`, a copy of the `tzdata` package's data compiled by
`zic -b fat` (pytz cannot read the package's own "slim" TZif files), or `tzdir=None` for the
system's /usr/share/zoneinfo.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

Instant = tuple[str, str, str]
"""(start UTC, end UTC, title), times as `YYYY-MM-DDTHH:MM`."""

_SBIN = os.pathsep.join(["/usr/local/sbin", "/usr/sbin", "/sbin"])


class ClientError(RuntimeError):
    """A client failed, or refused part of the file."""


def khal_path() -> str | None:
    return shutil.which("khal")


def calcurse_path() -> str | None:
    return shutil.which("calcurse")


def zic_path() -> str | None:
    return shutil.which("zic") or shutil.which("zic", path=_SBIN)


def client_version(binary: str) -> str:
    """First line of `BINARY --version`, e.g. 'khal, version 0.10.5'."""
    out = subprocess.run(
        [binary, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    return (out.stdout or out.stderr).strip().splitlines()[0]


def package_zoneinfo(dest: Path) -> Path:
    """Compile the `tzdata` package's tzdata.zi into `dest` as "fat" TZif files, readable by
    pytz (khal) and the C library (calcurse). Returns `dest`."""
    zic = zic_path()
    if zic is None:
        raise ClientError("zic not found (Debian package libc-bin)")
    source = resources.files("tzdata").joinpath("zoneinfo/tzdata.zi")
    with resources.as_file(source) as zi:
        _run([zic, "-b", "fat", "-d", str(dest), str(zi)], env=dict(os.environ))
    return dest


def _run(cmd: list[str], *, env: dict[str, str], stdin: str | None = None) -> str:
    done = subprocess.run(
        cmd, capture_output=True, text=True, env=env, input=stdin, timeout=120, check=False
    )
    if done.returncode != 0:
        raise ClientError(f"{' '.join(cmd)} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def _base_env(home: Path) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
    }
    return env


def _unique(rows: list[Instant]) -> list[Instant]:
    """Clients print an event once per day it touches; keep the first of each."""
    seen: set[Instant] = set()
    out: list[Instant] = []
    for row in rows:
        if row not in seen:
            seen.add(row)
            out.append(row)
    return out


_KHAL_CONFIG = """\
[calendars]
[[mission]]
path = {vdir}
type = calendar

[sqlite]
path = {db}

[locale]
local_timezone = UTC
default_timezone = UTC
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%M
longdatetimeformat = %Y-%m-%dT%H:%M
"""


def khal_instants(
    ics_path: str | os.PathLike[str],
    *,
    tzdir: Path | None = None,
    start: str = "2020-01-01",
    end: str = "2035-01-01",
) -> list[Instant]:
    """Import `ics_path` into a fresh khal vdir calendar and list it in UTC.

    `khal -c CONFIG import --batch -a mission FILE` then
    `khal -c CONFIG list START END --format "{start}|{end}|{title}" --day-format ""`.
    `tzdir` becomes PYTZ_TZDATADIR (khal's tz database); None keeps the system's.
    """
    khal = khal_path()
    if khal is None:
        raise ClientError("khal not installed")
    with tempfile.TemporaryDirectory(prefix="khal-") as tmp:
        home = Path(tmp)
        vdir = home / "vdir" / "mission"
        vdir.mkdir(parents=True)
        config = home / "khal.conf"
        config.write_text(_KHAL_CONFIG.format(vdir=vdir, db=home / "khal.db"), encoding="utf-8")
        env = _base_env(home)
        if tzdir is not None:
            env["PYTZ_TZDATADIR"] = str(tzdir)
        _run(
            [khal, "-c", str(config), "import", "--batch", "-a", "mission", str(ics_path)], env=env
        )
        out = _run(
            [
                khal,
                "-c",
                str(config),
                "list",
                start,
                end,
                "--format",
                "{start}|{end}|{title}",
                "--day-format",
                "",
            ],
            env=env,
        )
    rows = [line.split("|", 2) for line in out.splitlines() if line.count("|") >= 2]
    return _unique([(a.strip(), b.strip(), c.strip()) for a, b, c in rows])


_REPORT = re.compile(r"(\d+) apps? / (\d+) events? / (\d+) todos? / (\d+) skipped")


@dataclass(frozen=True)
class ImportReport:
    appointments: int
    skipped: int
    log: str
    """calcurse's log of the items it skipped, with the reason ('' when none)."""


def calcurse_import(
    ics_path: str | os.PathLike[str], data_dir: Path, *, tzdir: Path | None = None
) -> ImportReport:
    """`TZ=UTC calcurse -D DIR -i FILE`. calcurse exits 1 when it skips an item and writes why
    to a log file in TMPDIR (here: DIR)."""
    calcurse = calcurse_path()
    if calcurse is None:
        raise ClientError("calcurse not installed")
    env = _calcurse_env(data_dir, tzdir)
    done = subprocess.run(
        [calcurse, "-D", str(data_dir), "-i", str(ics_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    out = done.stdout + done.stderr
    match = _REPORT.search(out)
    if match is None or done.returncode not in (0, 1):
        raise ClientError(f"calcurse -i {ics_path} exited {done.returncode}:\n{out}")
    skipped = int(match.group(4))
    if done.returncode == 1 and not skipped:
        raise ClientError(f"calcurse -i {ics_path} exited 1:\n{out}")
    logs = sorted(data_dir.glob("calcurse_log.*"))
    log = "\n".join(p.read_text(errors="replace") for p in logs)
    for p in logs:
        p.unlink()
    return ImportReport(int(match.group(1)), skipped, log)


def _calcurse_env(data_dir: Path, tzdir: Path | None) -> dict[str, str]:
    env = _base_env(data_dir)
    env["TMPDIR"] = str(data_dir)
    if tzdir is not None:
        env["TZDIR"] = str(tzdir)
    return env


def calcurse_instants(
    ics_path: str | os.PathLike[str],
    *,
    tzdir: Path | None = None,
    start: str = "01/01/2020",
    end: str = "01/01/2035",
    strict: bool = True,
) -> list[Instant]:
    """Import `ics_path` into a fresh calcurse data directory and list its appointments in UTC.

    `TZ=UTC calcurse -D DIR -i FILE` then `TZ=UTC calcurse -D DIR -Q --from START --to END
    --format-apt '%(start:%Y-%m-%dT%H:%M)|%(end:%Y-%m-%dT%H:%M)|%m\\n'` (dates MM/DD/YYYY).
    `tzdir` becomes TZDIR (calcurse's tz database); None keeps the system's. With `strict`, an
    item calcurse skips on import (e.g. a SUMMARY with a newline) is a ClientError.
    """
    calcurse = calcurse_path()
    if calcurse is None:
        raise ClientError("calcurse not installed")
    with tempfile.TemporaryDirectory(prefix="calcurse-") as tmp:
        data_dir = Path(tmp)
        report = calcurse_import(ics_path, data_dir, tzdir=tzdir)
        if strict and report.skipped:
            raise ClientError(f"calcurse skipped {report.skipped} item(s):\n{report.log}")
        out = _run(
            [
                calcurse,
                "-D",
                str(data_dir),
                "-Q",
                "--from",
                start,
                "--to",
                end,
                "--format-apt",
                "%(start:%Y-%m-%dT%H:%M)|%(end:%Y-%m-%dT%H:%M)|%m\n",
            ],
            env=_calcurse_env(data_dir, tzdir),
        )
    rows = [line.split("|", 2) for line in out.splitlines() if line.count("|") >= 2]
    return _unique([(a.strip(), b.strip(), c.strip()) for a, b, c in rows])


if __name__ == "__main__":  # pragma: no cover - manual use
    for path in sys.argv[1:]:
        for label, fn in (("khal", khal_instants), ("calcurse", calcurse_instants)):
            print(f"== {label}: {path}")
            for row in fn(path):
                print("|".join(row))
