"""Record what a CalDAV server stores for a few of our events (how the corpus was made).

    python tests/net/caldav/corpus/record.py COLLECTION-URL SERVER-FOLDER

publishes the bodies below into the (new) calendar at COLLECTION-URL with ``sync`` and writes,
for each, ``sent/NAME.ics`` (our bytes), ``SERVER-FOLDER/NAME.report.ics`` (the calendar-data
of the REPORT answer, as our XML reader gives it) and ``SERVER-FOLDER/NAME.get.ics`` (a GET of
the resource, only when it differs from what was sent). Credentials as for ``publish``. Run it
against a server on loopback: it creates and fills a calendar.
"""

from __future__ import annotations

import sys
from pathlib import Path

from missionctl.loader import load
from missionctl.net.caldav import client_for, collection_url, fetch_events, sync
from missionctl.netcmd.publish import event_bodies

ROOT = Path(__file__).resolve().parents[4]
EXAMPLE = ROOT / "missions" / "produtech-morocco-2027" / "mission.yaml"

#: corpus name -> event id in the example mission
EVENTS = {
    "coach": "d1-coach-airport-hotel",  # VTIMEZONE, long folded lines, accents, GEO
    "cancelled": "d3-dinner-medina",  # STATUS:CANCELLED
    "b2b": "casablanca-matchmaking.14:00.1",  # a B2B meeting: ':' in the UID
}

#: a body written the way other clients write one: TZID used, no VTIMEZONE sent
NO_VTIMEZONE = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//missionctl//corpus//EN\r\nBEGIN:VEVENT\r\n"
    "UID:no-vtimezone@corpus.missionctl\r\nDTSTAMP:20270101T000000Z\r\n"
    "DTSTART;TZID=Africa/Casablanca:20270510T090000\r\n"
    "DTEND;TZID=Africa/Casablanca:20270510T100000\r\nSUMMARY:Réunion CCI\r\n"
    'ATTENDEE;CN="Doe, Jane";ROLE=REQ-PARTICIPANT:mailto:jane@example.org\r\n'
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
).encode()


def bodies() -> dict[str, tuple[str, bytes]]:
    """Corpus name -> (UID, the bytes publish sends)."""
    mission = load(EXAMPLE).mission
    assert mission is not None
    every = event_bodies(mission)
    out = {name: every[event_id] for name, event_id in EVENTS.items()}
    out["no-vtimezone"] = ("no-vtimezone@corpus.missionctl", NO_VTIMEZONE)
    return out


def record(url: str, folder: Path) -> None:
    chosen = bodies()
    sent = Path(__file__).parent / "sent"
    for path in (folder, sent):
        path.mkdir(parents=True, exist_ok=True)
    with client_for(url) as client:
        sync(client, url, {uid: body for uid, body in chosen.values()})
        stored = {next(iter(e.uids)): e for e in fetch_events(client, collection_url(url))}
        for name, (uid, body) in chosen.items():
            (sent / f"{name}.ics").write_bytes(body)
            (folder / f"{name}.report.ics").write_bytes((stored[uid].data or "").encode())
            got = client.get(stored[uid].url)
            got.raise_for_status()
            if got.content != body:
                (folder / f"{name}.get.ics").write_bytes(got.content)


if __name__ == "__main__":
    record(sys.argv[1], Path(sys.argv[2]))
