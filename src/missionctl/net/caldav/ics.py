"""iCalendar data compared as meaning, not bytes (hand-written parser; replaced next)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["Canon", "canonical_ics", "ics_tzids", "ics_uids"]


_UNFOLD = re.compile(r"\r?\n[ \t]")
_IGNORED = frozenset({"DTSTAMP"})

Canon = tuple[str, tuple[tuple[str, tuple[tuple[str, str], ...], str], ...], tuple["Canon", ...]]


@dataclass(slots=True)
class _Comp:
    name: str
    props: list[tuple[str, tuple[tuple[str, str], ...], str]] = field(default_factory=list)
    children: list[_Comp] = field(default_factory=list)

    def canon(self, tzids: frozenset[str] | None = None) -> Canon:
        children = self.children
        if tzids is not None:
            children = [c for c in children if c.name != "VTIMEZONE" or c.tzid() in tzids]
        return (
            self.name,
            tuple(sorted(p for p in self.props if p[0] not in _IGNORED)),
            tuple(sorted(c.canon(tzids) for c in children)),
        )

    def tzid(self) -> str | None:
        return next((p[2].strip() for p in self.props if p[0] == "TZID"), None)

    def walk(self) -> Iterator[_Comp]:
        yield self
        for child in self.children:
            yield from child.walk()


def _split_unquoted(text: str, sep: str) -> Iterator[str]:
    start, quoted = 0, False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            yield text[start:i]
            start = i + 1
    yield text[start:]


def _content_line(line: str) -> tuple[str, tuple[tuple[str, str], ...], str] | None:
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = line[:i], line[i + 1 :]
            break
    else:
        return None
    name, *params = list(_split_unquoted(head, ";"))
    if not name:
        return None
    pairs = []
    for param in params:
        pname, _, pvalue = param.partition("=")
        pairs.append((pname.strip().upper(), pvalue.replace('"', "")))
    return (name.strip().upper(), tuple(sorted(pairs)), value)


def _parse_ics(data: str | bytes) -> _Comp | None:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    text = _UNFOLD.sub("", text.lstrip("\ufeff"))
    root = _Comp("")
    stack = [root]
    for raw in text.splitlines():
        if not raw.strip():
            continue
        parsed = _content_line(raw)
        if parsed is None:
            return None
        name, _params, value = parsed
        if name == "BEGIN":
            comp = _Comp(value.strip().upper())
            stack[-1].children.append(comp)
            stack.append(comp)
        elif name == "END":
            if len(stack) == 1 or stack[-1].name != value.strip().upper():
                return None
            stack.pop()
        elif len(stack) == 1:
            return None  # a property outside any component
        else:
            stack[-1].props.append(parsed)
    if len(stack) != 1 or not root.children or root.children[0].name != "VCALENDAR":
        return None
    return root


def canonical_ics(data: str | bytes, *, tzids: frozenset[str] | None = None) -> Canon | None:
    """A comparable form of iCalendar data (see the module docstring); None if unparseable.

    With ``tzids``, VTIMEZONE components for other zones are left out: servers add the
    VTIMEZONEs a sender left out (Radicale does), which is not a change of the event.
    """
    root = _parse_ics(data)
    return root.canon(tzids) if root is not None else None


def ics_tzids(data: str | bytes) -> frozenset[str]:
    """The TZIDs of the VTIMEZONE components in ``data``."""
    root = _parse_ics(data)
    if root is None:
        return frozenset()
    return frozenset(
        tzid for c in root.walk() if c.name == "VTIMEZONE" and (tzid := c.tzid()) is not None
    )


def ics_uids(data: str | bytes | None) -> frozenset[str]:
    """The UIDs of the components (other than VTIMEZONE) of every VCALENDAR in ``data``."""
    root = _parse_ics(data) if data is not None else None
    if root is None:
        return frozenset()
    return frozenset(
        prop[2].strip()
        for cal in root.children
        for comp in cal.children
        if comp.name != "VTIMEZONE"
        for prop in comp.props
        if prop[0] == "UID"
    )
