"""HTML: one self-contained page (inline CSS, no script, nothing fetched from the network),
readable on a phone and printable with a page per day.

Pages: the programme or one person's agenda (`itinerary`), the timeline (`timeline`) and the
contact sheet (`contacts`). Every value from the mission goes through `esc` (html.escape, quotes
included); links are built only as `tel:` (digits and +), `mailto:` and http(s) URLs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from missionctl.i18n import Translator, direction, translator
from missionctl.i18n.labels import EVENT_KINDS, ORG_TYPES, SERVICES, label_of
from missionctl.views.contacts import ContactSheet, OrgSection
from missionctl.views.flags import Flag, codes
from missionctl.views.itinerary import MEETING_HEADS, Itinerary, Line, Meeting, detail_rows
from missionctl.views.people import Contact, clean
from missionctl.views.timeline import Row, Timeline, TimelineDay
from missionctl.wording import clock, day_brief, day_full, zone_and_offset

if TYPE_CHECKING:
    from missionctl.render import Options
    from missionctl.views.select import Programme

PALETTE_SIZE = 8

# The page's style sheet, inlined in every page (a page must work offline and from a file).
CSS = Path(__file__).with_name("page.css").read_text(encoding="utf-8")

_PHONE_CHARS = re.compile(r"[^0-9+]")


def esc(value: object) -> str:
    """Text escaped for HTML content and attribute values (quotes included); control
    characters, which HTML does not allow, shown as \\xNN as in the terminal."""
    return html.escape(clean(str(value)), quote=True)


def page(title: str, body: str, lang: str = "en") -> str:
    """The page; `dir="rtl"` for a right-to-left language (Arabic), so the browser lays out
    the text, the tables and the page's columns from the right (left-to-right is the
    default, left unsaid)."""
    rtl = ' dir="rtl"' if direction(lang) == "rtl" else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}"{rtl}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="missionctl">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def tel(phone: str | None) -> str:
    if not phone:
        return ""
    digits = _PHONE_CHARS.sub("", phone)
    if not digits:
        return esc(phone)
    return f'<a href="tel:{esc(digits)}">{esc(phone)}</a>'


def mailto(email: str | None) -> str:
    """A link for an e-mail address (RFC 6068, percent-encoded: nothing in it can add a
    recipient or a header); text that is no address is shown, not linked."""
    from missionctl.export.mailto import mailto as uri

    if not email:
        return ""
    href = uri(email)
    return f'<a href="{esc(href)}">{esc(email)}</a>' if href else esc(email)


def link(url: str | None) -> str:
    if not url:
        return ""
    if not url.lower().startswith(("https://", "http://")):
        return esc(url)
    return f'<a href="{esc(url)}">{esc(url)}</a>'


def _header(eyebrow: str, title: str, lines: Iterable[str], tr: Translator) -> str:
    rows = "".join(f"<p>{x}</p>" for x in lines if x)
    return (f'<header class="top"><div class="wrap"><p class="eyebrow">{esc(eyebrow)}</p>'
            f"<h1>{isolated(title, tr)}</h1>{rows}</div></header>\n")


def _footer(mission_id: str, tr: Translator) -> str:
    made = tr._("Made by missionctl from mission {mission}.").format(mission=esc(mission_id))
    return f"<footer>{made}</footer>\n"


def _duty_line(c: Contact | None, tr: Translator) -> str:
    if c is None:
        return ""
    reach = " · ".join(x for x in (tel(c.phone), mailto(c.email)) if x)
    return (esc(tr.colon(tr._("Duty contact"))) + f" <strong>{esc(c.name)}</strong>"
            + (f" · {reach}" if reach else ""))


def _sos_line(country: str, numbers: tuple[tuple[str, str], ...], tr: Translator) -> str:
    if not numbers:
        return ""
    items = " · ".join(f"{esc(label_of(SERVICES, s, tr))} {tel(n)}" for s, n in numbers)
    where = tr._("Emergency numbers in {country}").format(country=country)
    return esc(tr.colon(where)) + f" {items}"


# --- itinerary -------------------------------------------------------------------------


def itinerary(it: Itinerary) -> str:
    tr = translator(it.lang)
    head = _header(f"{it.heading} · {it.dates}", it.title, [
        esc(tr._("Times are local to each event; {zone} unless marked.").format(zone=it.zone)),
        _duty_line(it.duty, tr), _sos_line(it.country_name, it.emergency, tr)], tr)
    days = [f'<section class="day" id="day-{d.date.isoformat()}">\n'
            f"<h2>{esc(day_full(d.date, it.lang))}</h2>\n"
            + "".join(_event(it, ln, tr) for ln in d.lines) + "</section>\n" for d in it.days]
    if not days:
        days = [_empty(tr._("Nothing in this selection."))]
    body = head + "<main>\n" + "".join(days) + "</main>\n" + _footer(it.mission_id, tr)
    return page(f"{it.title} – {it.heading}", body, it.lang)


def _event(it: Itinerary, ln: Line, tr: Translator) -> str:
    classes = f"event k-{esc(ln.kind)}" + (f" {esc(ln.status)}" if ln.status != "confirmed"
                                           else "")
    return (f'<article class="{classes}" id="ev-{esc(ln.event_id)}">'
            f'<div class="when">{_when(it, ln)}</div>'
            f'<div class="what"><h3>{_title(ln, tr)}</h3>{_details(ln, tr)}'
            f"{_meetings(ln.meetings, tr)}{findings_html(both(ln.flags, ln.paired_flags))}"
            "</div></article>\n")


def _when(it: Itinerary, ln: Line) -> str:
    out = f'<span class="t">{clock(ln.start)}</span>'
    if ln.start_zone != it.zone:
        out += f'<span class="tz">{esc(zone_and_offset(ln.start, ln.start_zone))}</span>'
    end = clock(ln.end)
    if ln.end.date() != ln.start.date():
        end = f"{day_brief(ln.end.date(), it.lang)} {end}"
    out += f'<span class="until">– {esc(end)}</span>'
    if ln.end_zone != it.zone:
        out += f'<span class="tz">{esc(zone_and_offset(ln.end, ln.end_zone))}</span>'
    return out


def _title(ln: Line, tr: Translator) -> str:
    out = f'<span class="title">{isolated(ln.title, tr)}</span>'
    if ln.cancelled:
        out += _badge("cancelled", tr._("cancelled"))
    elif ln.tentative:
        out += _badge("tentative", tr._("tentative"))
    return out + flags_html(both(ln.flags, ln.paired_flags))


def _badge(status: str, label: str) -> str:
    return f'<span class="badge {status}">{esc(label)}</span>'


def _empty(text: str) -> str:
    return f'<p class="empty">{esc(text)}</p>\n'


def both(flags: tuple[Flag, ...], paired: tuple[Flag, ...]) -> tuple[Flag, ...]:
    """An event's own flags, then those of the other event of a pair that name it (each
    once): a double booking shows on both of its events, not only on the later one."""
    return tuple(sorted(dict.fromkeys(flags + paired), key=lambda f: (f.code, f.message)))


def flags_html(flags: tuple[Flag, ...]) -> str:
    """A badge per code beside a title (the messages are in `findings_html`, as text)."""
    out = []
    for code in codes(flags):
        these = [f for f in flags if f.code == code]
        level = "error" if any(f.severity == "error" for f in these) else these[0].severity
        why = " / ".join(f.message for f in these)
        out.append(f'<span class="flag {esc(level)}" title="{esc(why)}">⚠ {esc(code)}</span>')
    return "".join(out)


def findings_html(flags: tuple[Flag, ...]) -> str:
    """Each finding's message, in text under the event: a tooltip cannot be read on paper or
    on a phone."""
    if not flags:
        return ""
    items = "".join(f'<li class="{esc(f.severity)}"><strong>{esc(f.code)} {esc(f.severity)}'
                    f"</strong> {esc(f.message)}</li>" for f in flags)
    return f'<ul class="findings">{items}</ul>'


def _details(ln: Line, tr: Translator) -> str:
    rows = [f"<dt>{esc(label)}</dt><dd>{_value(value, tr)}</dd>"
            for label, value in detail_rows(ln, tr)]
    return f"<dl>{''.join(rows)}</dl>" if rows else ""


def isolated(text: str, tr: Translator) -> str:
    """A value from the mission, escaped; on a right-to-left page, in `<bdi>`: a Latin title
    or note keeps its own direction (its final full stop, its brackets) inside Arabic."""
    return f"<bdi>{esc(text)}</bdi>" if tr.direction == "rtl" else esc(text)


def _value(value: str | Contact, tr: Translator) -> str:
    if isinstance(value, str):
        return isolated(value, tr)
    who = esc(value.name) + (f" ({esc(value.role)})" if value.role else "")
    return who + "".join(f" · {x}" for x in (tel(value.phone), mailto(value.email)) if x)


def _meetings(meetings: tuple[Meeting, ...], tr: Translator) -> str:
    if not meetings:
        return ""
    rows = "".join(
        f"<tr><td>{clock(m.start)}</td><td>{esc(m.table)}</td><td>{esc(m.between)}"
        f"{flags_html(both(m.flags, m.paired_flags))}</td><td>{esc(', '.join(m.people))}</td>"
        "</tr>"
        for m in meetings)
    heads = "".join(f"<th>{esc(tr._(h))}</th>" for h in MEETING_HEADS)
    return f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>"


# --- timeline --------------------------------------------------------------------------


def timeline(tl: Timeline) -> str:
    tr = translator(tl.lang)
    head = _header(f"{tl.heading}", tl.title, [esc(tr._(
        "Hours in {zone}. One row per person or group with the same programme; "
        "a striped red block is two events at once.").format(zone=tl.zone))], tr)
    days = [f'<section class="day" id="day-{d.date.isoformat()}">\n'
            f"<h2>{esc(day_full(d.date, tl.lang))}</h2>\n{_tl_day(d, tr)}</section>\n"
            for d in tl.days]
    if not days:
        days = [_empty(tr._("Nothing in this selection."))]
    body = head + "<main>\n" + "".join(days) + "</main>\n"
    return page(tl.title + " – " + tr._("timeline"), body, tl.lang)


def _kind(kind: str, tr: Translator) -> str:
    """' (stay)' after a stay's or a free block's title in the legend."""
    return f" ({esc(label_of(EVENT_KINDS, kind, tr))})" if kind in EVENT_KINDS else ""


def _tl_day(d: TimelineDay, tr: Translator) -> str:
    hours = d.last_hour - d.first_hour
    colours = {e.key: f"c{i % PALETTE_SIZE}" for i, e in enumerate(d.legend)}
    marks = "".join(f'<span style="left:{_pct(i * 60, hours)}">{(d.first_hour + i) % 24:02d}'
                    "</span>" for i in range(hours))
    rows = [f'<div class="tl-row tl-hours"><div></div><div class="tl-track">{marks}</div></div>']
    rows += [_tl_row(d, r, hours, colours) for r in d.rows]
    legend = "".join(
        f'<li><span class="key {colours[e.key]}">{esc(e.key)}</span>{esc(e.start)}–{esc(e.end)} '
        f"{esc(e.title)}{_kind(e.kind, tr)}"
        f"{flags_html(e.flags)}</li>" for e in d.legend)
    return (f'<div class="tl" style="--hours:{hours}">{"".join(rows)}'
            f'<ul class="legend">{legend}</ul></div>\n')


def _tl_row(d: TimelineDay, row: Row, hours: int, colours: dict[str, str]) -> str:
    lo, hi = d.first_hour * 60, d.last_hour * 60
    bars = []
    for s in row.spans:
        a, b = max(s.start, lo), min(s.end, hi)
        if a >= b:
            continue
        light = "" if s.occupies else " light"
        bars.append(f'<span class="bar {colours[s.key]}{light}" style="left:{_pct(a - lo, hours)};'
                    f'width:{_pct(b - a, hours)}">{esc(s.key)}</span>')
    for a, b in row.collisions:
        a, b = max(a, lo), min(b, hi)
        if a < b:
            bars.append(f'<span class="clash" title="two events at once" style="left:'
                        f'{_pct(a - lo, hours)};width:{_pct(b - a, hours)}"></span>')
    return (f'<div class="tl-row"><div class="tl-label">{esc(row.label)}</div>'
            f'<div class="tl-track">{"".join(bars)}</div></div>')


def _pct(minutes: int, hours: int) -> str:
    return f"{100 * minutes / (hours * 60):.3f}%"


# --- contacts --------------------------------------------------------------------------


def contacts(sheet: ContactSheet) -> str:
    tr = translator(sheet.lang)
    note = esc(tr._("Shared version: private fields left out.")) if sheet.public else ""
    head = _header(sheet.heading, sheet.title, [note], tr)
    parts = [_duty_card(sheet, tr), _sos(sheet, tr), _embassies(sheet, tr)]
    parts += [_org(s, tr) for s in sheet.sections]
    if not sheet.sections:
        parts.append(_empty(tr._("Nobody else in this selection.")))
    body = head + "<main>\n" + "".join(parts) + "</main>\n" + _footer(sheet.mission_id, tr)
    return page(f"{sheet.title} – {sheet.heading}", body, sheet.lang)


def _card(c: Contact, tr: Translator, extra_class: str = "", with_org: bool = False) -> str:
    about = ", ".join(x for x in (c.role, c.organisation if with_org else None) if x)
    reach = "".join(x for x in (tel(c.phone), mailto(c.email)) if x)
    speaks = tr._("Speaks {languages}").format(languages=", ".join(c.languages))
    langs = f'<div class="role">{esc(speaks)}</div>' if c.languages else ""
    return (f'<div class="card{extra_class}"><div class="name">{isolated(c.name, tr)}</div>'
            + (f'<div class="role">{isolated(about, tr)}</div>' if about else "")
            + (f'<div class="reach">{reach}</div>' if reach else "") + langs + "</div>")


def _duty_card(sheet: ContactSheet, tr: Translator) -> str:
    if sheet.duty is None:
        return ""
    heading = esc(tr._("Duty contact"))
    return (f'<section><h2>{heading}</h2><div class="people">'
            f"{_card(sheet.duty, tr, ' duty', with_org=True)}</div></section>\n")


def _sos(sheet: ContactSheet, tr: Translator) -> str:
    numbers = " ".join(f'<a href="tel:{esc(_PHONE_CHARS.sub("", n))}">'
                       f"{esc(label_of(SERVICES, s, tr))} {esc(n)}</a>" for s, n in sheet.emergency)
    note = f"<p>{isolated(sheet.emergency_note, tr)}</p>" if sheet.emergency_note else ""
    heading = tr._("Emergency numbers in {country}").format(country=sheet.country_name)
    return (f"<section><h2>{esc(heading)}</h2>"
            f'<div class="sos"><div class="numbers">{numbers}</div>{note}</div></section>\n')


def _embassies(sheet: ContactSheet, tr: Translator) -> str:
    if not sheet.embassies:
        return ""
    cards = []
    for e in sheet.embassies:
        where = ", ".join(x for x in (e.address, e.city) if x)
        reach = "".join(x for x in (tel(e.phone), mailto(e.email), link(e.website)) if x)
        cards.append(f'<div class="card"><div class="name">{isolated(e.name, tr)}</div>'
                     + (f'<div class="role">{isolated(where, tr)}</div>' if where else "")
                     + (f'<div class="reach">{reach}</div>' if reach else "") + "</div>")
    heading = esc(tr._("Embassies and consulates"))
    return (f'<section><h2>{heading}</h2><div class="people">'
            + "".join(cards) + "</div></section>\n")


def _org(s: OrgSection, tr: Translator) -> str:
    meta = ", ".join(x for x in (s.type and label_of(ORG_TYPES, s.type, tr), s.city) if x)
    reach = " · ".join(x for x in (tel(s.phone), mailto(s.email)) if x)
    line = " · ".join(x for x in (isolated(meta, tr) if meta else "", reach) if x)
    return (f"<section><h2>{isolated(s.name, tr)}</h2>"
            + (f'<p class="org-meta">{line}</p>' if line else "")
            + '<div class="people">' + "".join(_card(c, tr) for c in s.people)
            + "</div></section>\n")


__all__ = ["contacts", "esc", "itinerary", "page", "timeline"]


# --- the registry's entry points ---------------------------------------------------------


def _itinerary(p: Programme, options: Options) -> str:
    from missionctl.views.itinerary import build

    return itinerary(build(p.mission, p.selection, p.flags, options.public, lang=options.lang))


def _timeline(p: Programme, options: Options) -> str:
    from missionctl.views.timeline import build

    return timeline(build(p.mission, p.selection, p.flags, lang=options.lang))


def _contacts(sheet: ContactSheet, options: Options) -> str:
    return contacts(sheet)


VIEWS = {"itinerary": _itinerary, "timeline": _timeline, "contacts": _contacts}
