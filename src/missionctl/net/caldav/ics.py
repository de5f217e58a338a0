"""iCalendar data compared as meaning, not bytes: a canonical form read with ``icalendar``.

Why a canonical form. Servers rewrite what they store: Radicale sorts properties, refolds
lines, turns CRLF into LF in REPORT answers, drops the quotes around parameter values and adds
a VTIMEZONE for every TZID a sender used without defining it. So neither the bytes nor the ETag
of a previous publish can be predicted from the bytes we send, and missionctl keeps no local
state; :mod:`.plan` compares what the server holds with what we would send, in this form:

* the text is read by ``icalendar.Calendar.from_ical`` (unfolded, any line ending, names
  upper-cased), and each value is written back by icalendar (``to_ical``), so two spellings of
  one value (escaping, quoting) compare equal;
* parameters are sorted by name, their values unquoted (a list joined with commas);
* properties and sub-components are sorted, so order never matters;
* properties that say when or by what the file was written, or where a server filed it, and not
  what the event is, are left out (:data:`IGNORED`);
* with ``tzids``, VTIMEZONEs for zones we did not send are left out (the server added them).

Anything else that differs is a change, and costs one PUT: a server that adds properties of
its own costs an unnecessary update, never a duplicate.

Data icalendar cannot read (and structure it only tolerates: a line that is not a property)
has no canonical form (None) and no UIDs: :mod:`.plan` never deletes such a resource and
reports it as skipped. icalendar raises many kinds of exceptions on hostile input, so every
one is caught at this boundary: a server's body never causes a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from icalendar import Calendar, Component

__all__ = ["IGNORED", "Canon", "Parsed", "canonical_ics", "ics_tzids", "ics_uids", "parse"]

#: Left out of the comparison. DTSTAMP says when the file was written; LAST-MODIFIED and
#: CREATED are set by servers on their own clock (Horde, Google); PRODID names the program that
#: wrote the file (Radicale 1.x and Horde put their own); X-RADICALE-NAME is where Radicale
#: 1.x-2.x filed the item. vdirsyncer leaves out the same properties when it compares items.
IGNORED = frozenset({"DTSTAMP", "LAST-MODIFIED", "CREATED", "PRODID", "X-RADICALE-NAME"})

Prop = tuple[str, tuple[tuple[str, str], ...], str]
Canon = tuple[str, tuple[Prop, ...], tuple["Canon", ...]]


@dataclass(frozen=True, slots=True)
class Parsed:
    """What missionctl needs from one iCalendar object, read once.

    ``canon``: the canonical form of the whole text (every VTIMEZONE kept); ``uids``: the UIDs
    of the components (other than VTIMEZONE) of every top-level component; ``tzids``: the TZIDs
    of its VTIMEZONEs, at any depth.
    """

    canon: Canon
    uids: frozenset[str]
    tzids: frozenset[str]

    def compared(self, tzids: frozenset[str] | None) -> Canon:
        """The canonical form without the VTIMEZONEs of zones not in ``tzids`` (None: all)."""
        return self.canon if tzids is None else _only_zones(self.canon, tzids)


def parse(data: str | bytes | None) -> Parsed | None:
    """Read iCalendar data; None if it is not a readable VCALENDAR."""
    if data is None:
        return None
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    try:
        components = Calendar.from_ical(text.lstrip("\ufeff"), multiple=True)
        if not components or _name(components[0]) != "VCALENDAR" or _damaged(components):
            return None
        canon: Canon = ("", (), tuple(sorted(_canon(c) for c in components)))
        uids = frozenset(_uids(components))
    except Exception:  # icalendar raises ValueError, KeyError, TypeError, ... on bad input
        return None
    return Parsed(canon, uids, frozenset(_tzids(canon)))


def canonical_ics(data: str | bytes, *, tzids: frozenset[str] | None = None) -> Canon | None:
    """The comparable form of iCalendar data (see the module docstring); None if unreadable.

    With ``tzids``, VTIMEZONE components for other zones are left out: servers add the
    VTIMEZONEs a sender left out (Radicale does), which is not a change of the event.
    """
    parsed = parse(data)
    return parsed.compared(tzids) if parsed is not None else None


def ics_tzids(data: str | bytes) -> frozenset[str]:
    """The TZIDs of the VTIMEZONE components in ``data``."""
    parsed = parse(data)
    return parsed.tzids if parsed is not None else frozenset()


def ics_uids(data: str | bytes | None) -> frozenset[str]:
    """The UIDs of the components (other than VTIMEZONE) of every VCALENDAR in ``data``."""
    parsed = parse(data)
    return parsed.uids if parsed is not None else frozenset()


# --- from icalendar's tree -----------------------------------------------------------------------


def _walk(components: Iterable[Component]) -> Iterator[Component]:
    stack = list(components)
    while stack:  # not recursive: a hostile body may nest thousands of components
        component = stack.pop()
        yield component
        stack.extend(component.subcomponents)


def _damaged(components: Sequence[Component]) -> bool:
    """True if icalendar skipped a line it could not read as a property (it records those as
    ``(None, message)`` in tolerant components instead of failing); a value it could not type
    (a property name with the message) is kept, compared as written."""
    return any(name is None for c in _walk(components) for name, _msg in c.errors)


def _name(component: Component) -> str:
    return (component.name or "").upper()


def _properties(component: Component) -> Iterator[tuple[str, Any]]:
    for name, value in component.items():
        for one in value if isinstance(value, list) else (value,):
            yield name.upper(), one


def _text(value: Any) -> str:
    raw = value.to_ical() if hasattr(value, "to_ical") else value
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)


def _param(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return str(value)


def _canon(component: Component) -> Canon:
    props = []
    for name, value in _properties(component):
        if name in IGNORED:
            continue
        params = getattr(value, "params", {})
        pairs = tuple(sorted((str(k).upper(), _param(v)) for k, v in params.items()))
        props.append((name, pairs, _text(value)))
    children = tuple(sorted(_canon(c) for c in component.subcomponents))
    return (_name(component), tuple(sorted(props)), children)


def _uids(components: Sequence[Component]) -> Iterator[str]:
    for top in components:
        for component in top.subcomponents:
            if _name(component) == "VTIMEZONE":
                continue
            for name, value in _properties(component):
                if name == "UID":
                    yield str(value).strip()


def _tzid(canon: Canon) -> str | None:
    return next((value.strip() for name, _p, value in canon[1] if name == "TZID"), None)


def _tzids(canon: Canon) -> Iterator[str]:
    stack = [canon]
    while stack:
        node = stack.pop()
        if node[0] == "VTIMEZONE" and (tzid := _tzid(node)) is not None:
            yield tzid
        stack.extend(node[2])


def _only_zones(canon: Canon, tzids: frozenset[str]) -> Canon:
    name, props, children = canon
    kept = (c for c in children if c[0] != "VTIMEZONE" or _tzid(c) in tzids)
    return (name, props, tuple(_only_zones(c, tzids) for c in kept))
