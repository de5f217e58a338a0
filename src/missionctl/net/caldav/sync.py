"""Make a collection hold exactly the events given (moved from the single module; split next)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from missionctl.net.caldav.ics import Canon, canonical_ics, ics_tzids, ics_uids
from missionctl.net.caldav.names import collection_url, event_url
from missionctl.net.caldav.names import same_path as _same_path
from missionctl.net.caldav.protocol import (
    RemoteEvent,
    calendar_exists,
    delete_event,
    ensure_calendar,
    fetch_events,
    put_event,
)
from missionctl.net.errors import NetError, redact_url
from missionctl.net.http import ProgressHook

__all__ = ["SyncReport", "sync"]



@dataclass(slots=True)
class SyncReport:
    """UIDs per outcome. ``skipped``: URLs of server resources without a readable UID, left
    alone. With ``dry_run`` nothing was written; the lists say what would have happened."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        text = (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.deleted)} deleted"
        )
        if self.skipped:
            text += f", {len(self.skipped)} foreign left alone"
        return text + (" (dry run: nothing was sent)" if self.dry_run else "")


def sync(
    client: httpx.Client,
    url: str,
    events: dict[str, bytes],
    *,
    dry_run: bool = False,
    remove_missing: bool = True,
    managed: Callable[[str], bool] | None = None,
    displayname: str | None = None,
    progress: ProgressHook | None = None,
) -> SyncReport:
    """Make the collection at ``url`` hold exactly ``events`` ({UID: iCalendar bytes}).

    Creates the calendar if missing (not in a dry run), creates new events, updates changed ones
    (If-Match), leaves equal ones alone, and with ``remove_missing`` deletes events whose UID is
    not in ``events`` (only those for which ``managed(uid)`` is true, when given). Writes come
    before deletions, so a failure half-way never leaves the calendar emptier than before.
    Each body must be an iCalendar object whose only UID is its key, else NetError (``input``).
    """
    url = collection_url(url)
    wanted: dict[str, tuple[bytes, Canon, frozenset[str]]] = {}
    for uid, body in events.items():
        canon = canonical_ics(body)
        if canon is None:
            raise NetError(f"event {uid!r} is not valid iCalendar data", kind="input")
        found = ics_uids(body)
        if found != {uid}:
            shown = ", ".join(sorted(found)) or "none"
            raise NetError(f"event {uid!r} carries UID(s) {shown}, not its own", kind="input")
        wanted[uid] = (body, canon, ics_tzids(body))

    report = SyncReport(dry_run=dry_run)
    if dry_run:
        remote = fetch_events(client, url) if calendar_exists(client, url) else []
    else:
        ensure_calendar(client, url, displayname=displayname)
        remote = fetch_events(client, url)

    by_uid: dict[str, RemoteEvent] = {}
    extra: list[tuple[str, RemoteEvent]] = []  # candidates for deletion
    preferred = {uid: event_url(url, uid) for uid in wanted}
    for item in sorted(remote, key=lambda r: r.url):
        if len(item.uids) != 1:
            report.skipped.append(redact_url(item.url))
            continue
        (uid,) = item.uids
        current = by_uid.get(uid)
        if current is None:
            by_uid[uid] = item
        elif uid in preferred and _same_path(item.url, preferred[uid]):
            extra.append((uid, current))  # keep the canonically named one
            by_uid[uid] = item
        else:
            extra.append((uid, item))

    plan: list[tuple[str, str, RemoteEvent | None]] = []
    for uid, (_body, canon, tzids) in wanted.items():
        current = by_uid.get(uid)
        if current is None:
            plan.append(("create", uid, None))
        elif current.data is not None and canonical_ics(current.data, tzids=tzids) == canon:
            report.unchanged.append(uid)
        else:
            plan.append(("update", uid, current))
    if remove_missing:
        for uid, item in by_uid.items():
            if uid not in wanted and (managed is None or managed(uid)):
                plan.append(("delete", uid, item))
        for uid, item in extra:
            if managed is None or managed(uid):
                plan.append(("delete", uid, item))

    total = len(plan)
    for done, (action, uid, target) in enumerate(plan, start=1):
        if not dry_run:
            if action == "create":
                put_event(client, url, uid, wanted[uid][0])
            elif action == "update" and target is not None:
                put_event(
                    client, url, uid, wanted[uid][0], target.etag, href=target.url, overwrite=True
                )
            elif target is not None:
                delete_event(client, target.url, target.etag)
        {"create": report.created, "update": report.updated, "delete": report.deleted}[
            action
        ].append(uid)
        if progress is not None:
            progress(done, total, f"{action} {uid}")
    return report
