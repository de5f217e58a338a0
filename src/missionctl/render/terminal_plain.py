"""The itinerary and the timeline as plain text (no colour: a file, a pipe, NO_COLOR, the
golden files), the same characters `render.terminal` draws with rich, without rich's layout.

Why (issue 10): rich measured, wrapped and padded every cell of every event through its
renderables, about 85 % of a 10k-event `itinerary --format text` (3.5x the time of loading the
mission) and most of the text timeline (2.5x). Here the day tables and the timeline grids are
strings laid out by `export.textgrid`, which cuts lines as rich does; the headings and the
day rules (a few lines) are still drawn by rich, and so is whatever textgrid leaves to it (a
tab, a control character; a B2B session's meetings table, one event at a time). With colour,
`render.terminal` draws everything. The tests compare the two, character for character.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.text import Text

from missionctl.export import textgrid
from missionctl.i18n import Translator, translator
from missionctl.i18n.labels import EVENT_KINDS, label_of
from missionctl.render import terminal
from missionctl.render.terminal import (
    CELL_MINUTES,
    _day_table,
    _grid,
    _header,
    _legend,
    label_width,
    render,
    timeline_head,
)
from missionctl.views.flags import codes
from missionctl.views.itinerary import Itinerary, Line, detail_rows, host_text
from missionctl.views.people import clean
from missionctl.views.timeline import Row, Timeline, TimelineDay
from missionctl.wording import clock, day_brief, day_full, zone_and_offset

if TYPE_CHECKING:
    from missionctl.render import Options
    from missionctl.views.select import Programme

MIN_WIDTH = 40  # narrower (only programmatic: --width allows no less): drawn by rich


def itinerary(it: Itinerary, width: int) -> str:
    """The same text without colour, the day tables laid out by `export.textgrid` (why there);
    the header and each day's rule are still drawn by rich (a few lines)."""
    if width < MIN_WIDTH:
        return terminal.itinerary(it, width)
    tr = translator(it.lang)
    lines = _lines(_header(it, tr), width)
    if not it.days:
        lines += _lines(Text(tr._("Nothing in this selection."), style="italic"), width)
    for day in it.days:
        lines.append("")
        lines += _lines(Rule(Text(day_full(day.date, it.lang), style="bold"), align="left",
                             characters="─"), width)
        lines += _plain_day(it, day.lines, tr, width)
    return "\n".join(lines) + "\n"


def _lines(renderable: RenderableType, width: int) -> list[str]:
    return render(renderable, width, False).split("\n")[:-1]


def _plain_day(it: Itinerary, lines: tuple[Line, ...], tr: Translator, width: int
               ) -> list[str]:
    cells = [(_when_plain(it, ln), _what_plain(ln, tr)) for ln in lines]
    if not lines or not textgrid.plain_text(t for when, what in cells for t in (when, *what)):
        return _lines(_day_table(it, lines, tr), width)
    out: list[str] = []
    for ln, (when, what) in zip(lines, cells, strict=True):
        if ln.meetings:  # a table in the cell: drawn by rich, this event alone
            out += _lines(_day_table(it, (ln,), tr), width)
        else:
            out += textgrid.row([when], what, width)
    return out


def _when_plain(it: Itinerary, ln: Line) -> str:
    """`_when`'s text."""
    out = clock(ln.start)
    if ln.start_zone != it.zone:
        out += f"\n{zone_and_offset(ln.start, ln.start_zone)}"
    end = clock(ln.end)
    if ln.end.date() != ln.start.date():
        end = f"{day_brief(ln.end.date(), it.lang)} {end}"
    out += f"\n– {end}"
    if ln.end_zone != it.zone:
        out += f"\n{zone_and_offset(ln.end, ln.end_zone)}"
    return out


def _what_plain(ln: Line, tr: Translator) -> list[str]:
    """`_what`'s texts, its meetings table left out."""
    title = clean(ln.title)
    if ln.cancelled:
        title += "  [" + tr._("cancelled").upper() + "]"
    elif ln.tentative:
        title += "  [" + tr._("tentative") + "]"
    title += "".join(f"  ⚠ {code}" for code in codes(ln.flags))
    return [title] + [tr.colon(label) + " "
                      + clean(value if isinstance(value, str) else host_text(value))
                      for label, value in detail_rows(ln, tr)]


def timeline(tl: Timeline, width: int) -> str:
    """The same text without colour: the grid and the legend as strings, wrapped as rich
    wraps them (`export.textgrid`: rich drew every cell as a styled span, 2.5x the load of a
    10k mission); the heading and each day's rule are still drawn by rich."""
    if width < MIN_WIDTH:
        return terminal.timeline(tl, width)
    tr = translator(tl.lang)
    lines = _lines(timeline_head(tl, tr), width)
    if not tl.days:
        lines += _lines(Text(tr._("Nothing in this selection."), style="italic"), width)
    for day in tl.days:
        lines.append("")
        lines += _lines(Rule(Text(day_full(day.date, tl.lang), style="bold"), align="left"),
                        width)
        texts = [_plain_grid(day, width), _plain_legend(day, tr)]
        if not textgrid.plain_text(texts):
            lines += _lines(Group(_grid(day, width), _legend(day, tr)), width)
            continue
        lines += [x.rstrip() for t in texts for x in textgrid.wrap(t, width, "fold")]
    return "\n".join(lines) + "\n"


def _plain_grid(day: TimelineDay, width: int) -> str:
    """`_grid`'s text."""
    label = label_width(day, width)
    out = [" " * (label + 1) + "".join(f"{hour % 24:02d}  "
                                       for hour in range(day.first_hour, day.last_hour))]
    for row in day.rows:
        name = clean(row.label)
        name = name if len(name) <= label else name[: label - 1] + "…"
        out.append(f"{name:<{label}} " + _plain_cells(day, row))
    return "\n".join(out)


def _plain_cells(day: TimelineDay, row: Row) -> str:
    """`_cells`' characters (see `terminal._cell`), each span painted over the cells it
    overlaps rather than every span tested for every cell: a cell shows "!" where two events
    collide, else the first event that occupies the time, else the first one there, else "·"."""
    base, count = day.first_hour * 60, (day.last_hour - day.first_hour) * 60 // CELL_MINUTES
    first: list[str | None] = [None] * count
    busy: list[str | None] = [None] * count
    for s in row.spans:
        for i in _overlapped(s.start, s.end, base, count):
            first[i] = first[i] or s.key
            if s.occupies:
                busy[i] = busy[i] or s.key
    cells = [b or f or "·" for b, f in zip(busy, first, strict=True)]
    for lo, hi in row.collisions:
        for i in _overlapped(lo, hi, base, count):
            cells[i] = "!"
    return "".join(cells)


def _overlapped(start: int, end: int, base: int, count: int) -> range:
    """The cells [base + 15 i, base + 15 (i + 1)) that overlap [start, end)."""
    return range(max(0, (start - base) // CELL_MINUTES),
                 min(count, -(-(end - base) // CELL_MINUTES)))


def _plain_legend(day: TimelineDay, tr: Translator) -> str:
    """`_legend`'s text."""
    out = []
    for e in day.legend:
        kind = f" ({label_of(EVENT_KINDS, e.kind, tr)})" if e.kind in ("stay", "free") else ""
        flags = "".join(f"  ⚠ {code}" for code in codes(e.flags))
        out.append(f"\n{e.key} {e.start}–{e.end} {clean(e.title)}{kind}{flags}")
    return "".join(out)


# --- the registry's entry points ---------------------------------------------------------


def _itinerary(p: Programme, options: Options) -> str:
    from missionctl.views.itinerary import build

    it = build(p.mission, p.selection, p.flags, options.public, lang=options.lang)
    if options.color:
        return terminal.itinerary(it, options.width, True)
    return itinerary(it, options.width)


def _timeline(p: Programme, options: Options) -> str:
    from missionctl.views.timeline import build

    tl = build(p.mission, p.selection, p.flags, lang=options.lang)
    if options.color:
        return terminal.timeline(tl, options.width, True)
    return timeline(tl, options.width)


VIEWS = {"itinerary": _itinerary, "timeline": _timeline}
