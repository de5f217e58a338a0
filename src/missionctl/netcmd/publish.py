"""`missionctl publish`: the mission's calendar on a CalDAV server, updated in place by UID.

Layout:

* whole mission (default): every event, cancelled ones included (`STATUS:CANCELLED`), in the
  calendar collection at URL (created if missing);
* `--per-person`: one calendar per person taking part in at least one event, at
  `URL/<person-id>/`, holding that person's events. URL is then a collection that holds
  calendars (typically your calendar home, e.g. `https://cal.example/dav/calendars/alice/`);
  it must exist.

Each event is one iCalendar object (one VCALENDAR with its VTIMEZONEs) under the stable UID
`<event-id>@<mission-id>.missionctl` (`render.ics`), so a second publish updates, never
duplicates. `net.caldav.sync` compares what the server holds with what we would send and
writes only differences, then deletes events the mission no longer has - but only events
*this mission* manages (UID ending in `@<mission-id>.missionctl`): other events in the same
calendar (the author's own, another mission's) are never touched.

`--times utc` writes each event's times as UTC instants with no VTIMEZONE (see
docs/calendars.md, "Times in UTC"); publishing again with the other choice updates every event.

Contact details a person lists in `private` are left out (a calendar on a server is shared
with whoever can read it); `--include-private` puts them in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from missionctl.missions import open_mission
from missionctl.netcmd.common import NOTHING_SENT, Hook

if TYPE_CHECKING:
    import httpx

    from missionctl.export.ics import Times
    from missionctl.model import Mission
    from missionctl.net.caldav import SyncReport


@dataclass(frozen=True, slots=True)
class Collection:
    url: str  # collection URL (no userinfo)
    displayname: str
    label: str  # "whole mission" or the person's id
    events: Mapping[str, bytes]  # UID -> iCalendar bytes
    titles: Mapping[str, str]  # UID -> event title, for messages


@dataclass(slots=True)
class PublishResult:
    mission_file: Path
    mission_id: str
    dry_run: bool
    done: list[tuple[Collection, SyncReport]] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        out = {"created": 0, "updated": 0, "unchanged": 0, "deleted": 0, "skipped": 0}
        for _c, report in self.done:
            for name in out:
                out[name] += len(getattr(report, name))
        return out


def managed(mission_id: str) -> Callable[[str], bool]:
    """The UIDs this mission owns on a server: nothing else is ever deleted."""
    suffix = f"@{mission_id}.missionctl"
    return lambda uid: uid.endswith(suffix)


def event_bodies(mission: Mission, *, public: bool = True, times: Times = "local",
                 sequences: Mapping[str, tuple[int, datetime | None]] | None = None,
                 ) -> dict[str, tuple[str, bytes]]:
    """Event id -> (UID, one VCALENDAR holding that event alone); `times="utc"` writes UTC
    instants and no VTIMEZONE (`--times utc`); `sequences`: each event's SEQUENCE and
    LAST-MODIFIED (from git unless `--no-history`, `changes.sequence`)."""
    from missionctl.export.ics import calendar_bytes
    from missionctl.render.ics import cal_event, dtstamp, uid

    stamp = dtstamp(mission)
    seq = sequences or {}
    out: dict[str, tuple[str, bytes]] = {}
    for event in mission.events.values():
        body = calendar_bytes([cal_event(mission, event, public, seq.get(event.id, (0, None)))],
                              name=mission.info.title, dtstamp=stamp, times=times)
        out[event.id] = (uid(mission, event.id), body)
    return out


def collections(mission: Mission, url: str, *, per_person: bool,
                public: bool = True, times: Times = "local",
                sequences: Mapping[str, tuple[int, datetime | None]] | None = None,
                ) -> list[Collection]:
    """What to publish where."""
    from urllib.parse import quote

    from missionctl.net.caldav import collection_url
    from missionctl.views.people import in_file_order

    base = collection_url(url)
    bodies = event_bodies(mission, public=public, times=times, sequences=sequences)
    titles = {uid: mission.events[eid].title for eid, (uid, _b) in bodies.items()}
    if not per_person:
        events = {uid: body for uid, body in bodies.values()}
        return [Collection(base, mission.info.title, "whole mission", events, titles)]
    taking: dict[str, list[str]] = {}
    for event_id in mission.events:
        for pid in mission.taking_part.get(event_id, ()):
            taking.setdefault(pid, []).append(event_id)
    out = []
    for pid in in_file_order(mission, frozenset(taking)):
        events = {bodies[eid][0]: bodies[eid][1] for eid in taking[pid]}
        name = f"{mission.people[pid].name} – {mission.info.title}"
        out.append(Collection(f"{base}{quote(pid, safe='')}/", name, pid, events, titles))
    return out


def run(
    path: Path,
    caldav: str,
    *,
    per_person: bool = False,
    dry_run: bool = False,
    include_private: bool = False,
    times: Times = "local",
    history: bool = False,
    client: httpx.Client | None = None,
    client_options: Mapping[str, Any] | None = None,
    progress: Callable[[str], AbstractContextManager[Hook | None]] | None = None,
) -> PublishResult:
    """Sync the mission's calendar(s). `progress(label)` gives a context manager yielding the
    progress hook for one collection (or None). Raises FormatErrors before anything is sent, and
    NetError on the first failure (what was written stays written; publishing again finishes
    the job)."""
    from missionctl.net.caldav import client_for, collection_url, sync

    mission_path, mission, _ = open_mission(path, note=NOTHING_SENT)
    sequences = None
    if history:  # SEQUENCE and LAST-MODIFIED from git (docs/changes.md)
        from missionctl.changes.sequence import history as stamps

        sequences = stamps(mission_path)
    wanted = collections(mission, caldav, per_person=per_person, public=not include_private,
                         times=times, sequences=sequences)
    result = PublishResult(mission_path, mission.info.id, dry_run)
    owned = managed(mission.info.id)

    def publish_all(c: httpx.Client) -> None:
        if per_person:
            check_home(c, collection_url(caldav))
        for col in wanted:
            with progress(f"{col.label}:") if progress is not None else nullcontext() as hook:
                report = sync(c, col.url, dict(col.events), dry_run=dry_run, managed=owned,
                              displayname=col.displayname, progress=hook)
            result.done.append((col, report))

    if client is not None:
        publish_all(client)
    else:
        with client_for(caldav, **(client_options or {})) as own:
            publish_all(own)
    return result


def check_home(client: httpx.Client, url: str) -> None:
    """With --per-person, URL must be an existing collection that can hold calendars: say so
    plainly rather than let each MKCALENDAR fail with a bare 403 or 409. The answer is read by
    the CalDAV package's one multistatus parser (DTDs refused, garbage a NetError)."""
    from missionctl.net.caldav import is_calendar, probe
    from missionctl.net.errors import NetError, display_url

    item = probe(client, url, props=("resourcetype",))
    hint = ("with --per-person, --caldav names an existing collection that holds one calendar "
            "per person (e.g. your calendar home)")
    if item is None:
        raise NetError(f"{display_url(url)} does not exist; {hint}", kind="input", url=url,
                       status=404)
    if is_calendar(item):
        raise NetError(f"{display_url(url)} is a calendar; {hint}", kind="input", url=url)


def describe(result: PublishResult, *, verbose: bool) -> str:
    """The summary `publish` prints; with `verbose` (dry runs), every change by UID."""
    from missionctl.net.errors import display_url

    lines: list[str] = []
    verb = {"created": "create", "updated": "update", "deleted": "delete"}
    for col, report in result.done:
        head = f"{display_url(col.url)} ({col.label}): {report.summary()}"
        lines.append(head)
        if verbose:
            for name in ("created", "updated", "deleted"):
                for uid in getattr(report, name):
                    title = col.titles.get(uid)
                    shown = f"{uid} ({title})" if title else uid
                    lines.append(f"  {'would ' if result.dry_run else ''}{verb[name]} {shown}")
    if len(result.done) > 1:
        t = result.totals()
        lines.append(f"{len(result.done)} calendars: {t['created']} created, "
                     f"{t['updated']} updated, {t['unchanged']} unchanged, "
                     f"{t['deleted']} deleted" + (" (dry run: nothing was sent)"
                                                  if result.dry_run else ""))
    return "\n".join(lines) + "\n"

