"""Where zones come from: the pinned `tzdata` package's own files, found as a search path
(`TZDATA_FOLDER`), never the host's zone files, and without importlib.resources."""

from __future__ import annotations

import os
import subprocess
import sys
import zoneinfo
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import tzdata

from missionctl.tz import TZDATA_FOLDER, available_zones, zone
from missionctl.tz._tzif import zone_file

TINY = Path(__file__).parents[2] / "benchmarks" / "tiny.yaml"


def test_the_search_path_is_the_package_folder_alone() -> None:
    package = os.path.dirname(os.path.abspath(tzdata.__file__))
    assert os.path.join(package, "zoneinfo") == TZDATA_FOLDER
    assert zoneinfo.TZPATH == (TZDATA_FOLDER,)


def test_zones_read_from_the_folder_are_the_package_resources() -> None:
    # The same offsets at every hour of 2026 as zones built from the package's resources
    # (what zoneinfo reads with an empty search path); Casablanca's Ramadan and the switch
    # to permanent UTC+0 on 2026-09-20 included.
    for name in ("Africa/Casablanca", "Europe/Lisbon", "Atlantic/Azores", "Asia/Gaza"):
        with resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).open("rb") as fh:
            theirs = zoneinfo.ZoneInfo.from_file(fh, key=name)
        ours = zone(name)
        at = datetime(2026, 1, 1, tzinfo=UTC)
        while at.year == 2026:
            assert at.astimezone(ours).utcoffset() == at.astimezone(theirs).utcoffset(), at
            at += timedelta(hours=1)


def test_the_tzif_reader_reads_the_same_files() -> None:
    data = resources.files("tzdata.zoneinfo").joinpath("Africa", "Casablanca").read_bytes()
    from missionctl.tz._tzif import parse

    assert zone_file("Africa/Casablanca") == parse(data)


def test_every_zone_the_package_lists_loads() -> None:
    listed = resources.files("tzdata").joinpath("zones").read_text().split()
    assert available_zones() == frozenset(listed) == zoneinfo.available_timezones()
    for name in listed:
        zone(name)


def test_a_check_imports_no_importlib_resources() -> None:
    code = ("import sys, io, contextlib\n"
            "from missionctl.cli.app import dispatch\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    dispatch(['check', {str(TINY)!r}])\n"
            "from missionctl.tz import zone\n"
            "assert zone('Africa/Casablanca')\n"
            "print(sorted(m for m in sys.modules if m.startswith('importlib.resources')))\n")
    # Twice: the first run may compute the holiday calendars into the (test's own, empty)
    # cache, with the `holidays` package, which reads its data through importlib.resources.
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout for _ in range(2)]
    assert runs[1].strip() == "[]"
