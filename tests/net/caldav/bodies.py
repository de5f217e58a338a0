"""iCalendar bodies shared by the CalDAV tests."""

from __future__ import annotations


def ics(
    uid: str, summary: str = "Meeting", day: int = 10, *, stamp: str = "20270101T000000Z"
) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//missionctl//test//EN",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID=Africa/Casablanca:202705{day:02d}T090000",
        f"DTEND;TZID=Africa/Casablanca:202705{day:02d}T100000",
        f"SUMMARY:{summary}",
        'ATTENDEE;CN="Doe, Jane";ROLE=REQ-PARTICIPANT:mailto:jane@example.org',
        "DESCRIPTION:A long description that the server will certainly fold because it is much"
        " longer than seventy-five octets\\, with an escaped comma",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    return "\r\n".join(lines).encode()


THREE = {
    "ev-1@mission.example": ics("ev-1@mission.example", "Opening", 10),
    "ev-2@mission.example": ics("ev-2@mission.example", "Réunion CCI", 11),
    "ev-3@mission.example": ics("ev-3@mission.example", "Site visit", 12),
}

VTIMEZONE = (
    "BEGIN:VTIMEZONE\r\nTZID:Africa/Casablanca\r\n"
    "BEGIN:STANDARD\r\nDTSTART:20260920T030000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\n"
    "TZNAME:+00\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)


def with_tz(body: bytes, vtimezone: str = VTIMEZONE) -> bytes:
    return body.replace(b"BEGIN:VEVENT", vtimezone.encode() + b"BEGIN:VEVENT", 1)
