"""Make a collection hold exactly the events given: read, :func:`.plan.plan`, apply.

:func:`apply` performs a plan with the protocol functions and reports each write through the
``progress`` callback; it prints nothing. :func:`sync` is the whole round: check our events,
create the calendar if missing (not in a dry run), read what the server holds (one REPORT),
plan, apply.

Deleting. With ``remove_missing`` (the default), every event in the collection whose UID is not
in ``events`` is deleted - so publish to a collection of its own, or pass ``managed`` to say
which UIDs missionctl owns (``publish`` does). Resources whose UID cannot be read are never
deleted (they are reported as ``skipped``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

from missionctl.net.caldav.names import collection_url
from missionctl.net.caldav.plan import Action, plan, prepare
from missionctl.net.caldav.protocol import (
    calendar_exists,
    delete_event,
    ensure_calendar,
    fetch_events,
    put_event,
)
from missionctl.net.errors import redact_url
from missionctl.net.http import ProgressHook

__all__ = ["SyncReport", "apply", "sync"]


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


_WRITES = {"create": "created", "update": "updated", "delete": "deleted"}


def apply(
    client: httpx.Client,
    actions: Sequence[Action],
    *,
    dry_run: bool = False,
    progress: ProgressHook | None = None,
) -> SyncReport:
    """Perform ``actions`` in order (nothing is sent for ``unchanged`` and ``skipped``, nor for
    anything in a dry run); ``progress(done, total, "<kind> <uid>")`` after each write. The
    first failure raises NetError: what was written stays written."""
    report = SyncReport(dry_run=dry_run)
    for action in actions:
        if action.kind == "unchanged" and action.uid is not None:
            report.unchanged.append(action.uid)
        elif action.kind == "skipped":
            report.skipped.append(redact_url(action.href))
    writes = [a for a in actions if a.kind in _WRITES and a.uid is not None]
    for done, action in enumerate(writes, start=1):
        uid = action.uid or ""
        if not dry_run:
            _perform(client, action, uid)
        getattr(report, _WRITES[action.kind]).append(uid)
        if progress is not None:
            progress(done, len(writes), f"{action.kind} {uid}")
    return report


def _perform(client: httpx.Client, action: Action, uid: str) -> None:
    body = action.body or b""
    if action.kind == "create":
        put_event(client, action.href, uid, body, href=action.href)
    elif action.kind == "update":
        put_event(client, action.href, uid, body, action.etag, href=action.href, overwrite=True)
    else:
        delete_event(client, action.href, action.etag)


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
    wanted = prepare(events)
    if dry_run:
        remote = fetch_events(client, url) if calendar_exists(client, url) else []
    else:
        ensure_calendar(client, url, displayname=displayname)
        remote = fetch_events(client, url)
    actions = plan(wanted, remote, collection=url, remove_missing=remove_missing, managed=managed)
    return apply(client, actions, dry_run=dry_run, progress=progress)
