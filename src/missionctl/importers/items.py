"""What every programme source gives: `Item`s, one per event (one per occurrence of a recurring
one), with its instants as the source wrote them, before they are placed in the mission.

Readers (`ics.py`, `schedules.py`) make items and `Problem`s; `programme.py` turns items into
events. Kept apart so that a reader knows nothing of missions and the mapping nothing of
file formats (as `export/` is kept apart from `render/ics.py`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from missionctl.importers.rows import Problem

#: Notes longer than this are cut at a word, with a mark: an itinerary note is not an abstract.
NOTES_LENGTH = 600


@dataclass(frozen=True, slots=True)
class Item:
    """One event of the source.

    `start`/`end` are aware (an instant) or naive (floating: a wall time wherever the event
    is, read in the venue's zone); `all_day` holds [first day, day after the last) instead for
    events without times. `key` identifies it across imports: the UID (or guid), plus the
    recurrence instant for an occurrence of a series.
    """

    key: str
    recurrence: str | None
    title: str
    start: datetime | None
    end: datetime | None
    all_day: tuple[date, date] | None = None
    kind: str | None = None
    room: str | None = None
    location: str | None = None
    status: str | None = None  # tentative | cancelled; None: confirmed
    notes: str | None = None
    where: str = ""  # how a report names it: "schedule.xml, event 6561"
    stated: str | None = None  # the wall time the source also states ("09:00"), to compare


@dataclass(slots=True)
class Source:
    """What a reader made of a file."""

    name: str  # the file's name
    kind: str  # "ICS calendar", "frab schedule (XML)", "pretalx schedule (JSON)"
    title: str | None = None  # the conference's title
    acronym: str | None = None
    zone: str | None = None  # the conference's zone, when the source names one
    rooms: list[str] = field(default_factory=list)  # in the order the source lists them
    items: list[Item] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    default_kind: str = "other"
    outside: int = 0  # events the reader left out already, being outside the window


#: Words (normalised) in a session type, category or title -> the kind of event. The first
#: list that has a word wins, type before title.
KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("workshop", ("workshop", "workshops", "atelier", "ateliers", "hands on", "tutorial",
                  "oficina", "lab")),
    ("training", ("training", "course", "formation", "formacao", "curso", "bootcamp")),
    ("meal", ("lunch", "dinner", "breakfast", "coffee", "break", "almoco", "jantar",
              "pequeno almoco", "dejeuner", "diner", "pause", "cafe")),
    ("reception", ("reception", "party", "social", "networking", "cocktail", "rececao",
                   "soiree", "dinner party")),
    ("meeting", ("meeting", "bof", "meetup", "reuniao", "reunion", "b2b", "assembly")),
    ("visit", ("visit", "tour", "visita", "visite")),
    ("briefing", ("opening", "closing", "welcome", "briefing", "abertura", "encerramento",
                  "accueil", "ouverture", "cloture", "begrussung")),
    ("presentation", ("talk", "talks", "lecture", "keynote", "presentation", "plenary",
                      "panel", "lightning", "conference", "conferencia", "pleniere",
                      "conferencia", "palestra", "apresentacao", "podium", "maintrack",
                      "seminar", "session", "expose", "vortrag")),
)


def plain(text: str) -> str:
    """Casefolded, accents removed, punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def kind_of(*texts: str | None) -> str | None:
    """The kind the first text that names one names."""
    for text in texts:
        if not text:
            continue
        padded = f" {plain(text)} "
        for kind, words in KIND_WORDS:
            if any(f" {w} " in padded for w in words):
                return kind
    return None


def text_of(value: str | None) -> str:
    """Source text for a note: HTML tags dropped (frab descriptions hold some), entities
    unescaped, line ends as '\\n', blank lines squeezed, ends trimmed."""
    if not value:
        return ""
    text = str(value)
    if "<" in text and re.search(r"</?[a-zA-Z][^>]*>", text):
        text = re.sub(r"<br\s*/?>|</p>|</li>", "\n", text, flags=re.IGNORECASE)
        text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def notes(*parts: str | None, url: str | None = None) -> str | None:
    """Parts of a note joined by blank lines, the whole cut at NOTES_LENGTH, the URL last."""
    body = "\n\n".join(p for p in (text_of(x) for x in parts) if p)
    if len(body) > NOTES_LENGTH:
        cut = body[:NOTES_LENGTH].rsplit(" ", 1)[0].rstrip(",;:.")
        body = cut + " [...]"
    if url:
        body = f"{body}\n\n{url}" if body else url
    return body or None
