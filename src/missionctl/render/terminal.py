"""The `text` format of the views, drawn with rich: the itinerary, the timeline and the
contact sheet (`check`'s findings and the other plain-text views are `render.text`).

rich is imported here (and by `render.terminal_plain` and `export.textgrid`, which lay out the
itinerary and the timeline without colour), and only when one of these views is drawn.
Every value from a mission file goes into a `Text` (never parsed as rich markup) with control
characters shown escaped, so a title cannot restyle or clear the terminal. Without colour
(a file, a pipe, NO_COLOR, the golden files) the output is plain text at a fixed width.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from missionctl.export import textgrid
from missionctl.i18n import Translator, translator
from missionctl.i18n.labels import EVENT_KINDS, ORG_TYPES, label_of
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
from missionctl.views.timeline import Row, Timeline, TimelineDay
from missionctl.wording import clock, day_brief, day_full, zone_and_offset

if TYPE_CHECKING:
    from missionctl.render import Options

CELL_MINUTES = 15
MIN_LABEL = 12
PALETTE = ("cyan", "green", "magenta", "blue", "yellow", "bright_cyan", "bright_green",
           "bright_magenta", "bright_blue")


def render(renderable: RenderableType, width: int, colour: bool) -> str:
    """Render to a string: ANSI colours when `colour`, else plain text."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system="standard" if colour else None,
                      force_terminal=colour, no_color=not colour, highlight=False,
                      markup=False, emoji=False, legacy_windows=False, soft_wrap=False)
    console.print(renderable)
    text = buf.getvalue()
    if colour:
        return text
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _t(text: str | None, style: str = "") -> Text:
    return Text(clean(text or ""), style=style)


# --- itinerary -------------------------------------------------------------------------


def itinerary(it: Itinerary, width: int = 100, colour: bool = False) -> str:
    tr = translator(it.lang)
    parts: list[RenderableType] = [_header(it, tr)]
    if not it.days:
        parts.append(Text(tr._("Nothing in this selection."), style="italic"))
    for day in it.days:
        parts.append(Text(""))
        parts.append(Rule(Text(day_full(day.date, it.lang), style="bold"), align="left",
                          characters="─"))
        parts.append(_day_table(it, day.lines, tr))
    return render(Group(*parts), width, colour)


def _header(it: Itinerary, tr: Translator) -> RenderableType:
    head = Text()
    head.append(clean(it.title), style="bold")
    marked = tr._("times in {zone} unless marked").format(zone=it.zone)
    head.append(f"\n{clean(it.heading)} · {it.dates} · {marked}")
    if it.duty is not None:
        head.append("\n" + tr.colon(tr._("Duty contact")) + " ", style="bold")
        head.append(_contact_line(it.duty))
    if it.emergency:
        where = tr._("Emergency numbers in {country}").format(country=it.country_name)
        head.append("\n" + tr.colon(where) + " ", style="bold")
        head.append(emergency_line(it.emergency, tr))
    return head


def _contact_line(c: Contact) -> str:
    parts = [c.name] + [x for x in (c.role, c.organisation, c.phone, c.email) if x]
    return clean(", ".join(parts))


def _day_table(it: Itinerary, lines: tuple[Line, ...], tr: Translator) -> Table:
    table = Table.grid(padding=(0, 2), pad_edge=False)
    table.add_column(width=21, no_wrap=False)
    table.add_column(ratio=1)
    for ln in lines:
        table.add_row(_when(it, ln), _what(ln, tr))
        table.add_row("", "")
    return table


def _when(it: Itinerary, ln: Line) -> Text:
    out = Text(clock(ln.start), style="bold")
    if ln.start_zone != it.zone:
        out.append(f"\n{zone_and_offset(ln.start, ln.start_zone)}", style="dim")
    end = clock(ln.end)
    if ln.end.date() != ln.start.date():
        end = f"{day_brief(ln.end.date(), it.lang)} {end}"
    out.append(f"\n– {end}")
    if ln.end_zone != it.zone:
        out.append(f"\n{zone_and_offset(ln.end, ln.end_zone)}", style="dim")
    return out


def _what(ln: Line, tr: Translator) -> Group:
    rows: list[RenderableType] = [_title(ln, tr)]
    for label, value in detail_rows(ln, tr):
        row = Text()
        row.append(tr.colon(label) + " ", style="dim")
        row.append(clean(value if isinstance(value, str) else host_text(value)))
        rows.append(row)
    if ln.meetings:
        rows.append(_meetings(ln.meetings, tr))
    return Group(*rows)


def _title(ln: Line, tr: Translator) -> Text:
    style = "bold strike dim" if ln.cancelled else "bold"
    out = Text(clean(ln.title), style=style)
    if ln.cancelled:
        out.append("  [" + tr._("cancelled").upper() + "]", style="bold red")
    elif ln.tentative:
        out.append("  [" + tr._("tentative") + "]", style="yellow")
    out.append_text(_flag_text(ln.flags))
    return out


def _flag_text(flags: tuple[Flag, ...]) -> Text:
    out = Text()
    worst = {f.code: f.severity for f in flags}
    for code in codes(flags):
        colour = "bold red" if worst[code] == "error" else "yellow"
        out.append(f"  ⚠ {code}", style=colour)
    return out


def _meetings(meetings: tuple[Meeting, ...], tr: Translator) -> Table:
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False)
    for name in MEETING_HEADS:
        table.add_column(tr._(name), overflow="fold")
    for m in meetings:
        between = Text(clean(m.between))
        between.append_text(_flag_text(m.flags))
        table.add_row(clock(m.start), m.table, between, _t(", ".join(m.people)))
    return table


# --- timeline --------------------------------------------------------------------------


def timeline(tl: Timeline, width: int = 100, colour: bool = False) -> str:
    tr = translator(tl.lang)
    parts: list[RenderableType] = [timeline_head(tl, tr)]
    if not tl.days:
        parts.append(Text(tr._("Nothing in this selection."), style="italic"))
    for day in tl.days:
        parts += [Text(""), Rule(Text(day_full(day.date, tl.lang), style="bold"), align="left"),
                  _grid(day, width), _legend(day, tr)]
    return render(Group(*parts), width, colour)


def timeline_head(tl: Timeline, tr: Translator) -> Text:
    head = Text(clean(tl.title), style="bold")
    key = tr._("one character = {minutes} minutes, · free, ! two events at once")
    hours = tr._("hours in {zone}").format(zone=tl.zone)
    head.append(f"\n{clean(tl.heading)} · {hours} · {key.format(minutes=CELL_MINUTES)}")
    return head


def _grid(day: TimelineDay, width: int) -> Text:
    label = label_width(day, width)
    out = Text(" " * (label + 1))
    for hour in range(day.first_hour, day.last_hour):
        out.append(f"{hour % 24:02d}  ", style="dim")
    for row in day.rows:
        out.append("\n")
        name = clean(row.label)
        name = name if len(name) <= label else name[: label - 1] + "…"
        out.append(f"{name:<{label}} ")
        out.append_text(_cells(day, row))
    return out


def label_width(day: TimelineDay, width: int) -> int:
    """Row labels as wide as the longest one, within what `width` leaves beside the hours
    (never under `MIN_LABEL`: a narrow terminal wraps rather than cut every name)."""
    longest = max((len(clean(r.label)) for r in day.rows), default=0)
    room = width - 4 * (day.last_hour - day.first_hour) - 1
    return max(MIN_LABEL, min(longest, room))


def _cells(day: TimelineDay, row: Row) -> Text:
    out = Text()
    keys = sorted({s.key for s in row.spans})
    colours = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}
    for t in range(day.first_hour * 60, day.last_hour * 60, CELL_MINUTES):
        char, style = _cell(row, t, t + CELL_MINUTES, colours)
        out.append(char, style=style)
    return out


def _cell(row: Row, lo: int, hi: int, colours: dict[str, str]) -> tuple[str, str]:
    if any(a < hi and lo < b for a, b in row.collisions):
        return "!", "bold white on red"
    here = [s for s in row.spans if s.start < hi and lo < s.end]
    busy = [s for s in here if s.occupies]
    if not here:
        return "·", "dim"
    pick = (busy or here)[0]
    style = f"bold {colours[pick.key]}" if pick.occupies else f"dim {colours[pick.key]}"
    return pick.key, style


def _legend(day: TimelineDay, tr: Translator) -> Text:
    out = Text()
    for e in day.legend:
        out.append("\n")
        out.append(f"{e.key} ", style="bold")
        out.append(f"{e.start}–{e.end} {clean(e.title)}")
        if e.kind in ("stay", "free"):
            out.append(f" ({label_of(EVENT_KINDS, e.kind, tr)})", style="dim")
        out.append_text(_flag_text(e.flags))
    return out


# --- contacts --------------------------------------------------------------------------


def contacts(sheet: ContactSheet, width: int = 100, colour: bool = False) -> str:
    return render(Group(*contact_parts(sheet)), width, colour)


def contact_parts(sheet: ContactSheet) -> list[RenderableType]:
    """The contact sheet's pieces, drawn one under the other."""
    tr = translator(sheet.lang)
    head = Text(clean(sheet.title), style="bold")
    head.append(f"\n{clean(sheet.heading)}")
    if sheet.public:
        head.append(" · " + tr._("shared version: private fields left out"))
    parts: list[RenderableType] = [head, Text("")]
    parts += _duty(sheet, tr)
    parts += _emergency(sheet, tr)
    parts += _embassies(sheet, tr)
    for section in sheet.sections:
        parts += [_section_title(section, tr), *(_person(c, tr) for c in section.people),
                  Text("")]
    return parts


def _duty(sheet: ContactSheet, tr: Translator) -> list[RenderableType]:
    if sheet.duty is None:
        return []
    return [Text(tr._("Duty contact"), style="bold"), _person(sheet.duty, tr, with_org=True),
            Text("")]


def _emergency(sheet: ContactSheet, tr: Translator) -> list[RenderableType]:
    where = tr._("Emergency numbers in {country}").format(country=sheet.country_name)
    title = Text(where, style="bold")
    numbers = Text("  " + emergency_line(sheet.emergency, tr))
    out: list[RenderableType] = [title, numbers]
    if sheet.emergency_note:
        out.append(Padding(Text(sheet.emergency_note, style="dim"), (0, 0, 0, 2)))
    return [*out, Text("")]


def _embassies(sheet: ContactSheet, tr: Translator) -> list[RenderableType]:
    if not sheet.embassies:
        return []
    out: list[RenderableType] = [Text(tr._("Embassies and consulates"), style="bold")]
    for e in sheet.embassies:
        bits = [e.name] + [x for x in (e.address, e.city, e.phone, e.email, e.website) if x]
        out.append(Padding(_t(", ".join(bits)), (0, 0, 0, 2)))
    return [*out, Text("")]


def _section_title(s: OrgSection, tr: Translator) -> Text:
    out = Text(clean(s.name), style="bold")
    extra = [x for x in (s.type and label_of(ORG_TYPES, s.type, tr), s.city) if x]
    if extra:
        out.append(f" ({clean(', '.join(extra))})", style="dim")
    reach = [x for x in (s.phone, s.email) if x]
    if reach:
        out.append("\n  " + clean(" · ".join(reach)), style="dim")
    return out


def _person(c: Contact, tr: Translator, with_org: bool = False) -> Padding:
    """'Name — role, organisation' then 'phone · e-mail · languages' indented."""
    out = Text(clean(c.name), style="bold")
    about = [x for x in (c.role, c.organisation if with_org else None) if x]
    if about:
        out.append(" — " + clean(", ".join(about)))
    reach = [x for x in (c.phone, c.email) if x]
    if c.languages:
        reach.append(tr._("speaks {languages}").format(languages=", ".join(c.languages)))
    if reach:
        out.append("\n    " + clean(" · ".join(reach)))
    return Padding(out, (0, 0, 0, 2))


# --- the registry's entry points ---------------------------------------------------------


def plain_contacts(sheet: ContactSheet, width: int) -> str:
    """The contact sheet without colour: each piece (a text, or a text indented by a
    `Padding`) cut by `export.textgrid` as rich cuts it, anything else drawn by rich (rich
    drawing every piece was most of a 10k contact sheet; `render.terminal_plain` says why)."""
    if width < 40:  # narrower than --width allows
        return contacts(sheet, width)
    lines: list[str] = []
    for part in contact_parts(sheet):
        indent, inner = _indented(part)
        if inner is None or not textgrid.plain_text([inner.plain]):
            lines += render(part, width, False).split("\n")[:-1]
        else:
            lines += [(indent + x).rstrip()
                      for x in textgrid.wrap(inner.plain, width - len(indent), "fold")]
    return "\n".join(lines) + "\n"


def _indented(part: RenderableType) -> tuple[str, Text | None]:
    """A plain `Text` as it stands (its own wrapping left as rich's default), or one padded
    on the left only; (_, None) for anything else."""
    if isinstance(part, Padding):
        edges = (part.top, part.right, part.bottom)
        if edges == (0, 0, 0) and part.expand and isinstance(part.renderable, Text):
            return " " * part.left, _default(part.renderable)
        return "", None
    return "", _default(part) if isinstance(part, Text) else None


def _default(text: Text) -> Text | None:
    plain = (text.justify, text.overflow, text.no_wrap, text.end, text.tab_size)
    return text if plain == (None, None, None, "\n", None) else None


# --- the registry's entry point ----------------------------------------------------------


def _contacts(sheet: ContactSheet, options: Options) -> str:
    if options.color:
        return contacts(sheet, options.width, True)
    return plain_contacts(sheet, options.width)


VIEWS = {"contacts": _contacts}  # the itinerary and the timeline: render.terminal_plain
