"""A minimal CalDAV client over httpx: make a calendar, list, put, delete and sync events.

The package, by layer (each module says more):

* protocol: :mod:`.multistatus` (the one XML reader; refuses DTDs), :mod:`.protocol` (PROPFIND,
  MKCALENDAR / extended MKCOL, REPORT, PUT and DELETE with ETag preconditions), :mod:`.names`
  (collection URLs, resource names), :mod:`.auth` (credentials);
* :mod:`.ics`: iCalendar data through ``icalendar``, compared as meaning rather than bytes;
* :mod:`.plan`: ``plan(wanted, remote) -> actions``, a pure function; :mod:`.sync`: the small
  applier that performs them, and ``sync`` which reads, plans and applies.

Everything a caller needs is importable from here. Importing it imports httpx and icalendar,
so commands import it inside the function that goes online.
"""

from missionctl.net.caldav.auth import (
    AUTH_HINT,
    ENV_PASSWORD,
    ENV_USER,
    client_for,
    credentials_for,
)
from missionctl.net.caldav.ics import Parsed, canonical_ics, ics_tzids, ics_uids, parse
from missionctl.net.caldav.multistatus import is_calendar, is_collection
from missionctl.net.caldav.names import collection_url, event_url
from missionctl.net.caldav.plan import Action, Wanted, plan, prepare
from missionctl.net.caldav.protocol import (
    RemoteEvent,
    calendar_exists,
    delete_event,
    ensure_calendar,
    fetch_events,
    list_events,
    probe,
    put_event,
)
from missionctl.net.caldav.sync import SyncReport, apply, sync

__all__ = [
    "AUTH_HINT",
    "ENV_PASSWORD",
    "ENV_USER",
    "Action",
    "Parsed",
    "RemoteEvent",
    "SyncReport",
    "Wanted",
    "apply",
    "calendar_exists",
    "canonical_ics",
    "client_for",
    "collection_url",
    "credentials_for",
    "delete_event",
    "ensure_calendar",
    "event_url",
    "fetch_events",
    "ics_tzids",
    "ics_uids",
    "is_calendar",
    "is_collection",
    "list_events",
    "parse",
    "plan",
    "prepare",
    "probe",
    "put_event",
    "sync",
]
