"""Markdown (CommonMark, GitHub tables): the programme, the timeline and the contact sheet.

Every value from the mission is escaped (`md`) so that a title cannot open a link, an HTML
tag, a heading or a table cell; line breaks in values become spaces.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from missionctl.i18n import Translator, translator
from missionctl.i18n.labels import ORG_TYPES, label_of
from missionctl.views.contacts import ContactSheet, OrgSection, emergency_line
from missionctl.views.flags import Flag, codes
from missionctl.views.itinerary import (
    MEETING_HEADS,
    Itinerary,
    Line,
    Meeting,
    detail_rows,
    host_text,
)
from missionctl.views.people import Contact, clean
from missionctl.views.table import Table, heading_text, shown
from missionctl.views.timeline import Timeline
from missionctl.wording import day_full, span_noted

if TYPE_CHECKING:
    from missionctl.render import Options
    from missionctl.views.select import Programme

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LEADING = re.compile(r"^(\d*)([#>=+.)-])")


def md(value: object) -> str:
    """A value as literal Markdown text on one line (inline: never at the start of a line)."""
    text = " ".join(clean(str(value)).split())
    # Most values (names, titles, times) hold no special character: searched for first, in C,
    # as a substitution with a template goes through Python (`re._subx`) on every call.
    return _SPECIAL.sub(r"\\\1", text) if _SPECIAL.search(text) else text


def block(value: object) -> str:
    """A value as literal Markdown text at the start of a line (no heading, list or quote)."""
    text = md(value)
    match = _LEADING.match(text)
    if match is None or (match.group(1) and match.group(2) not in ".)"):
        return text
    return f"{match.group(1)}\\{text[match.end(1):]}"


def _flags(flags: tuple[Flag, ...]) -> str:
    return "".join(f" ⚠ {c}" for c in codes(flags))


def _header(title: str, lines: list[str]) -> list[str]:
    return [f"# {md(title)}", "", *[f"{x}  " for x in lines if x], ""]


# --- itinerary -------------------------------------------------------------------------


def itinerary(it: Itinerary) -> str:
    tr = translator(it.lang)
    _ = tr._
    lines = _header(it.title, [
        f"**{md(it.heading)}** · {md(it.dates)} · "
        + md(_("times in {zone} unless marked").format(zone=it.zone)),
        md(tr.colon(_("Duty contact"))) + f" {md(_contact(it.duty))}" if it.duty else "",
        (md(tr.colon(_("Emergency numbers in {country}").format(country=it.country_name)))
         + f" {md(emergency_line(it.emergency, tr))}" if it.emergency else ""),
    ])
    if not it.days:
        lines += ["*" + md(_("Nothing in this selection.")) + "*", ""]
    for day in it.days:
        lines += [f"## {day_full(day.date, it.lang)}", ""]
        for ln in day.lines:
            lines += _event(it, ln, tr)
    return "\n".join(lines).rstrip("\n") + "\n"


def _contact(c: Contact | None) -> str:
    if c is None:
        return ""
    return ", ".join([c.name] + [x for x in (c.role, c.phone, c.email) if x])


def _event(it: Itinerary, ln: Line, tr: Translator) -> list[str]:
    when = span_noted(ln.start, ln.start_zone, ln.end, ln.end_zone, it.zone, it.lang)
    cancelled, tentative = md(tr._("cancelled")), md(tr._("tentative"))
    title = (f"~~{md(ln.title)}~~ **({cancelled})**" if ln.cancelled
             else f"**{md(ln.title)}**")
    if ln.tentative:
        title += f" *({tentative})*"
    out = [f"### {md(when)}", "", title + _flags(ln.flags), ""]
    for label, value in detail_rows(ln, tr):
        text = value if isinstance(value, str) else host_text(value)
        out.append(f"- {md(tr.colon(label))} {md(text)}")
    if ln.meetings:
        out += ["", *_meetings(ln.meetings, tr)]
    return [*out, ""]


def _meetings(meetings: tuple[Meeting, ...], tr: Translator) -> list[str]:
    rows = ["| " + " | ".join(md(tr._(h)) for h in MEETING_HEADS) + " |",
            "| --- | --- | --- | --- |"]
    rows += [f"| {m.start:%H:%M} | {md(m.table)} | {md(m.between)}{_flags(m.flags)} | "
             f"{md(', '.join(m.people))} |" for m in meetings]
    return rows


# --- timeline --------------------------------------------------------------------------


def timeline(tl: Timeline, text: str) -> str:
    """The timeline as the terminal draws it (`text`, plain) in a code block."""
    hours = translator(tl.lang)._("hours in {zone}").format(zone=tl.zone)
    lines = _header(tl.title, [f"**{md(tl.heading)}** · {md(hours)}"])
    body = "\n".join(text.splitlines()[2:]).strip("\n")
    fence = "````" if "```" in body else "```"
    return "\n".join([*lines, f"{fence}text", body, fence]) + "\n"


# --- contacts --------------------------------------------------------------------------


def contacts(sheet: ContactSheet) -> str:
    tr = translator(sheet.lang)
    _ = tr._
    note = md(_("Shared version: private fields left out.")) if sheet.public else ""
    lines = _header(sheet.title, [f"**{md(sheet.heading)}**", note])
    if sheet.duty is not None:
        lines += ["## " + md(_("Duty contact")), "",
                  *_people((sheet.duty,), tr, with_org=True), ""]
    sos = _("Emergency numbers in {country}").format(country=sheet.country_name)
    lines += ["## " + md(sos), "", block(emergency_line(sheet.emergency, tr)), ""]
    if sheet.emergency_note:
        lines += [block(sheet.emergency_note), ""]
    if sheet.embassies:
        lines += ["## " + md(_("Embassies and consulates")), ""]
        lines += [f"- **{md(e.name)}**: " + md(", ".join(
            x for x in (e.address, e.city, e.phone, e.email, e.website) if x))
            for e in sheet.embassies]
        lines.append("")
    for s in sheet.sections:
        lines += _section(s, tr)
    return "\n".join(lines).rstrip("\n") + "\n"


def _section(s: OrgSection, tr: Translator) -> list[str]:
    kind = label_of(ORG_TYPES, s.type, tr) if s.type else None
    meta = ", ".join(x for x in (kind, s.city, s.phone, s.email) if x)
    return [f"## {md(s.name)}", "", *([block(meta), ""] if meta else []),
            *_people(s.people, tr), ""]


def _people(people: tuple[Contact, ...], tr: Translator, with_org: bool = False) -> list[str]:
    _ = tr._
    head = [_("Name"), _("Role")] + ([_("Organisation")] if with_org else []) + [
        _("Phone"), _("E-mail"), _("Languages")]
    rows = ["| " + " | ".join(md(h) for h in head) + " |", "|" + " --- |" * len(head)]
    for c in people:
        cells = [c.name, c.role or ""] + ([c.organisation or ""] if with_org else []) + [
            c.phone or "", c.email or "", ", ".join(c.languages)]
        rows.append("| " + " | ".join(md(x) for x in cells) + " |")
    return rows


# --- the registry's entry points ---------------------------------------------------------


def _itinerary(p: Programme, options: Options) -> str:
    from missionctl.views.itinerary import build

    return itinerary(build(p.mission, p.selection, p.flags, options.public, lang=options.lang))


def _timeline(p: Programme, options: Options) -> str:
    """The timeline's grid is the terminal's, without colour, in a code block."""
    from missionctl.render import terminal_plain
    from missionctl.views.timeline import build

    tl = build(p.mission, p.selection, p.flags, lang=options.lang)
    return timeline(tl, terminal_plain.timeline(tl, options.width))


def _contacts(sheet: ContactSheet, options: Options) -> str:
    return contacts(sheet)


def sheet(t: Table) -> str:
    """A table per section (the hotel, the meal, the leg), its heading above it."""
    lines = _header(t.title, [f"**{md(t.heading)}**" + (f" · {md(t.dates)}" if t.dates else "")])
    if not t.rows:
        lines += ["*" + translator(t.lang)._("Nothing in this selection.") + "*", ""]
    cols = t.body_columns
    for key, rows in t.sections():
        if t.group:
            lines += [f"## {md(heading_text(key, t.columns, t.lang))}", ""]
        lines += ["| " + " | ".join(md(c.label) for c in cols) + " |",
                  "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(md(shown(v, c.kind, t.lang))
                             for v, c in zip(row, cols, strict=False))
                  + " |" for row in rows]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _sheet(t: Table, options: Options) -> str:
    return sheet(t)


VIEWS = {"itinerary": _itinerary, "timeline": _timeline, "contacts": _contacts, "sheet": _sheet}
