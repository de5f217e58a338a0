"""`missionctl travel | geocode | holidays | publish`: the commands that go online.

Thin: parse options, call `missionctl.netcmd.<command>.run`, print. Only the command being run
is imported (app.py's COMMANDS), and this module imports nothing but typer and the standard
library; httpx, rich and the net clients load inside the commands, never for `check`.

Errors are the boundary's (`cli/app.py`): a `NetError` becomes one line `missionctl: <message>`
on stderr and exit 1; usage errors and unreadable paths are exit 2; a mission with format
errors (`FormatErrors`) prints its findings and exits 1 before any request (docs/network.md,
"The commands"). Progress bars and retry notes come from `cli/feedback.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from missionctl import render
from missionctl.cli.common import Force

if TYPE_CHECKING:
    from missionctl.netcmd.geocode import GeocodeResult

    HolidaysFormat = str
    TimesChoice = str
else:  # the registry's formats of the holiday calendar, as a choice the parser enforces
    from typing import Literal

    HolidaysFormat = render.choice("holidays")
    TimesChoice = Literal["local", "utc"]

PathArg = Annotated[Path, typer.Argument(help="A mission file, or a directory holding one.",
                                         show_default=False)]
Timeout = Annotated[float, typer.Option(
    "--timeout", min=0.1, help="Seconds allowed for each network step, all its tries and "
    "waits included (a slow or trickling server is cut off then).")]
UserAgent = Annotated[str | None, typer.Option(
    "--user-agent", help="User-Agent to send (default: missionctl/<version> (+URL)). "
    "Public services ask for one that identifies you, e.g. 'acme-missions/1.0 ops@acme.example'.")]


def _say(text: str, *, err: bool = False) -> None:
    print(text, file=sys.stderr if err else sys.stdout)


def _pairs(pairs: list[tuple[str, str]], limit: int = 8) -> str:
    shown = [f"{a} -> {b}" for a, b in pairs[:limit]]
    if len(pairs) > limit:
        shown.append(f"and {len(pairs) - limit} more")
    return ", ".join(shown)


def travel(
    path: PathArg,
    router: Annotated[str, typer.Option(
        "--router", help="Base URL of an OSRM-compatible routing server, e.g. "
        "https://router.project-osrm.org", show_default=False)],
    profile: Annotated[str, typer.Option(
        "--profile", help="Routing profile (OSRM: driving, walking, cycling).")] = "driving",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="The travel_times file to write (default: travel-times.yaml "
        "beside the mission file). A file missionctl did not write is never replaced.")] = None,
    timeout: Timeout = 10.0,
    user_agent: UserAgent = None,
    force: Force = False,
) -> int:
    """Ask a routing server for the transfer times the checks need; write them as
    travel_times to a file beside the mission, so `check` stays offline."""
    from missionctl.cli.feedback import Feedback
    from missionctl.netcmd import travel as cmd

    fb = Feedback()
    with fb.progress("routing") as hook:
        r = cmd.run(path, router, profile=profile, output=output,
                    client_options=fb.client_options(timeout, user_agent), progress=hook,
                    force=force)
    pairs = r.pairs
    if not pairs.route and not r.written:
        _say("missionctl: no transfer to route: nobody moves between two venues with geo "
             "that your travel_times do not already cover; nothing written")
    elif r.written:
        _say(f"missionctl: wrote {len(r.routed)} travel time(s) from {r.router_host} "
             f"(profile {profile}) to {r.output}")
    if pairs.covered:
        _say(f"missionctl: {len(pairs.covered)} transfer(s) already in your travel_times, not "
             f"routed (yours win): {_pairs(pairs.covered)}")
    if r.unrouted:
        _say(f"missionctl: the router found no route for {len(r.unrouted)} transfer(s), not "
             f"written: {_pairs(r.unrouted)}")
    if pairs.no_geo:
        _say(f"missionctl: {len(pairs.no_geo)} transfer(s) involve a venue without geo and "
             f"cannot be routed (`missionctl geocode` can find positions): "
             f"{_pairs(pairs.no_geo)}")
    for venue, metres in r.far_from_road:
        _say(f"missionctl: venue {venue} is {metres:.0f} m from the nearest road the router "
             "knows; check its geo")
    if r.written and not r.included:
        if r.include_hint is None:
            _say(f"missionctl: {r.output} is outside the mission's folder, so the mission "
                 "cannot include it; write it beside the mission file instead")
        else:
            _say(f"missionctl: {r.mission_file.name} does not include this file yet, so "
                 "`check` does not use it. missionctl never edits your files: put this line "
                 f"in {r.mission_file.name} (replacing its include line, if it has one):\n"
                 f"  {r.include_hint}")
    return 0


def geocode(
    path: PathArg,
    geocoder: Annotated[str, typer.Option(
        "--geocoder", help="Base URL of a Nominatim-compatible geocoder, e.g. "
        "https://nominatim.openstreetmap.org", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write the results (default: geocode-results.yaml "
        "beside the mission file), or the diff with --patch (default: standard output).")]
    = None,
    patch: Annotated[bool, typer.Option(
        "--patch", help="Print a unified diff adding `geo` to your venue files, to review "
        "and apply yourself (patch -p1 in the mission's folder).")] = False,
    retry_misses: Annotated[bool, typer.Option(
        "--retry-misses", help="Ask again for addresses the cache remembers as not found.")]
    = False,
    timeout: Timeout = 10.0,
    user_agent: UserAgent = None,
    force: Force = False,
) -> int:
    """Ask a geocoder for venues that have an address but no geo; write the result beside
    the mission (or a patch), never over your files."""
    from missionctl.cli.feedback import Feedback
    from missionctl.netcmd import geocode as cmd

    fb = Feedback()
    with fb.progress("geocoding") as hook:
        r = cmd.run(path, geocoder, output=output, patch=patch, retry_misses=retry_misses,
                    client_options=fb.client_options(timeout, user_agent), progress=hook,
                    force=force)
    # With --patch, standard output carries the diff: every note goes to stderr.
    err = patch and output is None
    for venue in r.city_only:
        _say(f"missionctl: venue {venue} has a city but no address: not geocoded (a city "
             "centre would make every transfer in that city look instant)", err=err)
    if not r.wanted:
        _say("missionctl: every venue with an address already has geo; nothing to ask",
             err=err)
        return 0
    queries = {w.venue: w.query for w in r.wanted}
    for venue in r.missed:
        _say(f"missionctl: no match for venue {venue} (searched for {queries[venue]!r}); "
             "write its geo by hand, or correct its address and run again with "
             "--retry-misses", err=err)
    _say(f"missionctl: {len(r.found)} of {len(r.wanted)} venue(s) found by {r.geocoder_host}",
         err=err)
    if patch:
        _show_patch(r, err)
    elif r.output is not None:
        _say(f"missionctl: wrote {r.output} (not read by missionctl): copy each geo into its "
             "venue, or run again with --patch for a diff to apply")
    return 0


def _show_patch(r: GeocodeResult, err: bool) -> None:
    """`geocode --patch`: the venues left out, then the diff on standard output, or where
    `netcmd.geocode.run` wrote it (`--output`)."""
    from missionctl.netcmd.geocode import fmt

    for venue, why in r.unpatchable.items():
        lat, lon = r.found[venue]
        _say(f"missionctl: venue {venue} left out of the patch ({why}); add "
             f"`geo: [{fmt(lat)}, {fmt(lon)}]` by hand", err=err)
    if r.output is None:
        sys.stdout.write(r.patch or "")
        return
    _say(f"missionctl: wrote the patch to {r.output}; review it, then apply it in the "
         f"mission's folder with: patch -p1 < {r.output.resolve()}")


def holidays(
    country: Annotated[str, typer.Argument(help="ISO 3166-1 alpha-2 country code, e.g. MA.",
                                           show_default=False)],
    year: Annotated[int, typer.Argument(help="The year, e.g. 2027.", min=1, max=9999,
                                        show_default=False)],
    format: Annotated[HolidaysFormat, typer.Option(
        "--format", "-f", help=f"Output format: {render.listed('holidays')}.")] = "text",
    source: Annotated[str | None, typer.Option(
        "--source", help="Refresh from a Nager.Date-compatible service first (e.g. "
        "https://date.nager.at) and store the result as the override the checks use.")]
    = None,
    timeout: Timeout = 10.0,
    user_agent: UserAgent = None,
) -> int:
    """The public holidays the checks use for a country and year (estimated dates marked);
    --source refreshes them from a Nager.Date-compatible service."""
    from missionctl.netcmd import holidays as cmd

    if source is None:
        result = cmd.calendar(country, year)
    else:
        from missionctl.cli.feedback import Feedback

        result = cmd.refresh(country, year, source,
                             client_options=Feedback().client_options(timeout, user_agent))
        done = result.refresh
        if done is not None:
            kept = f", kept {done.kept} written by hand" if done.kept else ""
            _say(f"missionctl: stored {done.stored} nationwide public holiday(s) of "
                 f"{result.country} {year} from {done.host} in {done.path}{kept}; the "
                 "built-in calendar fills the dates the service lacks", err=True)
    sys.stdout.write(render.render_text("holidays", format, result))
    return 0


def publish(
    path: PathArg,
    caldav: Annotated[str, typer.Option(
        "--caldav", help="URL of the CalDAV calendar collection (created if missing); with "
        "--per-person, the collection that holds one calendar per person.",
        show_default=False)],
    per_person: Annotated[bool, typer.Option(
        "--per-person", help="One calendar per person, at URL/<person-id>/, with their "
        "events.")] = False,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show what would be created, updated and deleted; send no "
        "change.")] = False,
    include_private: Annotated[bool, typer.Option(
        "--include-private", help="Keep the contact fields people list as `private` (left "
        "out by default: a server calendar is shared).")] = False,
    times: Annotated[TimesChoice, typer.Option(
        "--times", help="Event times: local (local time with the IANA zone, the default) or "
        "utc (UTC instants: right in any calendar app, whatever its time-zone data).")]
    = "local",
    history: Annotated[bool, typer.Option(
        "--history/--no-history", help="Each event's SEQUENCE and LAST-MODIFIED from the "
        "mission's git history, so clients update the events that changed (outside a git "
        "repository SEQUENCE is 0; docs/changes.md).")] = True,
    timeout: Timeout = 30.0,
    user_agent: UserAgent = None,
) -> int:
    """Upload the mission's calendar (or one per person) to a CalDAV server, updating events
    by UID and removing those the mission no longer has."""
    from missionctl.cli.feedback import Feedback
    from missionctl.netcmd import publish as cmd

    fb = Feedback()
    r = cmd.run(path, caldav, per_person=per_person, dry_run=dry_run,
                include_private=include_private, times="utc" if times == "utc" else "local",
                history=history,
                client_options=fb.client_options(timeout, user_agent), progress=fb.progress)
    sys.stdout.write(cmd.describe(r, verbose=dry_run))
    return 0
