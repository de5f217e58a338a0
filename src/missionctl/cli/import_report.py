"""What `missionctl import` says: the column mapping, merges, bad rows, what changed.

Lines come as `(text, to_stderr)`: the skipped rows (each with its sheet, row and column) go to
standard error, everything else to standard output.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from missionctl.importers.events import EventsResult
    from missionctl.importers.people import PeopleResult

Line = tuple[str, bool]
LIMIT = 12  # names listed in one line before "and N more"


def rows_text(rows: tuple[int, ...] | list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:6])
    return ("row " if len(rows) == 1 else "rows ") + shown + (", ..." if len(rows) > 6 else "")


def listed(items: list[str], limit: int = LIMIT) -> str:
    shown = items[:limit]
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(shown) + more


def people_lines(r: PeopleResult, *, dry_run: bool) -> Iterator[Line]:
    yield from _mapping(r)
    for note in r.sheet.notes:
        yield f"Note: {note}", False
    yield from _merges(r)
    for bad in r.rows.skipped:
        for problem in bad.problems:
            yield f"{problem}; row skipped", True
    yield from _outcome(r, dry_run)


def _mapping(r: PeopleResult) -> Iterator[Line]:
    from missionctl.importers.table import letter

    m = r.mapping
    where = r.sheet.source + (f", sheet {r.sheet.name}" if r.sheet.name else "")
    yield f"Columns of {where} (headers on row {m.header_row}):", False
    columns = sorted({*m.headers, *m.fields})
    width = max((len(m.headers.get(c, "")) for c in columns), default=0)
    for c in columns:
        header = m.headers.get(c, "(no header)")
        if c in m.fields:
            how = " (--map)" if c in m.by_hand else ""
            yield f"  {letter(c):>2}  {header:<{width}}  -> {m.fields[c]}{how}", False
        else:
            yield f"  {letter(c):>2}  {header:<{width}}     not imported: {m.unused[c]}", False


def _merges(r: PeopleResult) -> Iterator[Line]:
    for merge in r.orgs.merges:
        spelt = "; ".join(f"'{s}' ({rows_text(rows)})" for s, rows in merge.spellings)
        yield (f"Organisation {merge.id}: merged {spelt}, named '{merge.name}'"), False
    for spelling, known, rows in r.orgs.authors:
        yield (f"Organisation '{spelling}' ({rows_text(rows)}) is {known.id}, defined by hand "
               f"at {known.where}: used as it is"), False
    for org_id, by_country in r.orgs.countries:
        given = "; ".join(f"{c} ({rows_text(rows)})" for c, rows in by_country.items())
        chosen = r.orgs.made[org_id].get("country")
        yield (f"Organisation {org_id}: its people give several countries ({given}); "
               f"wrote {chosen}, the most given"), False
    for rep in r.rows.repeats:
        what = f"; row {rep.row} changed {', '.join(rep.changed)}" if rep.changed else ""
        yield (f"Row {rep.row} registers {rep.name} again (row {rep.first}, {rep.why}): "
               f"merged{what}"), False
    for email, rows in r.rows.shared_emails:
        yield (f"Rows {', '.join(map(str, rows))} share the e-mail address {email} under "
               "different names: kept as different people"), False


def events_lines(r: EventsResult, *, dry_run: bool) -> Iterator[Line]:
    s, p, k = r.source, r.placed, r.kept
    title = f" '{s.title}'" if s.title else ""
    yield (f"{s.name}: {s.kind}{title}, {len(s.items)} event(s) read; times in "
           f"{r.venue_zone()} (the {'venue' if r.venue else 'mission'}'s zone)"), False
    for note in s.notes:
        yield f"Note: {note}", False
    if p.outside:
        yield (f"{p.outside} event(s) outside {r.window[0]}..{r.window[1]} left out (--from "
               "and --to choose other days)"), False
    for where in p.repeated:
        yield f"{where}: its UID was already used; imported again under its room", False
    if p.misstated:
        yield (f"{len(p.misstated)} event(s) state a start time that their date (an instant "
               f"with its UTC offset) puts elsewhere in {r.venue_zone()}, e.g. "
               f"{p.misstated[0]}: imported by their dates; if the file's offsets are wrong, "
               "correct them at the source (or use --venue with the venue's zone)"), False
    for room, count in sorted(p.unknown_rooms.items()):
        yield (f"Room '{room}' ({count} event(s)) is not a room of venue {r.venue}: named in "
               "the notes; add it to the venue's rooms to book it"), False
    for title_, ident, where in k.by_hand:
        yield f"'{title_}' is {ident}, defined by hand at {where}: left alone", False
    for problem in [*s.problems, *p.problems]:
        yield str(problem), True
    verb = "would be" if dry_run else ""
    yield "", False
    yield from _changes("events", k.added, [f"{i} ({', '.join(d)})" for i, d in k.changed],
                        k.removed, verb)
    summary = f"{len(k.events)} events from {s.name}"
    if r.venue_written is not None:
        summary += f", at venue {r.venue} ({len(r.venue_written['rooms'])} rooms) written too"
    elif r.venue:
        summary += f", at venue {r.venue}"
    if r.skipped:
        summary += f"; {r.skipped} event(s) skipped (above)"
    yield from _written(r.output, summary, dry_run, r.unchanged_file)
    yield from _include(r)


def _written(output: object, summary: str, dry_run: bool, unchanged: bool) -> Iterator[Line]:
    if dry_run:
        yield f"{summary}. Dry run: {output} not written.", False
    elif unchanged:
        yield f"{summary}. {output} is already up to date.", False
    else:
        yield f"{summary}. Wrote {output}.", False


def _outcome(r: PeopleResult, dry_run: bool) -> Iterator[Line]:
    o = r.outcome
    for reg, mine in o.by_hand:
        yield (f"{rows_text(reg.rows).capitalize()}: {reg.name} is {mine.id}, defined by hand "
               f"at {mine.where}: left alone"), False
    for ident, row in o.kept_bad:
        yield (f"{ident}: row {row} is bad, so {ident} is kept as the last import wrote it"),\
            False
    verb = "would be" if dry_run else ""
    yield "", False
    yield from _changes("people", o.added, [f"{i} ({', '.join(d)})" for i, d in o.changed],
                        o.removed, verb)
    oc = r.org_changes
    yield from _changes("organisations", oc["added"], oc["changed"], oc["removed"], verb)
    total = len(o.people)
    skipped = len(r.rows.skipped)
    summary = (f"{total} people and {len(r.orgs.made)} organisations from "
               f"{r.sheet.source}")
    if skipped:
        summary += f"; {skipped} row{'s' if skipped != 1 else ''} skipped (above)"
    yield from _written(r.output, summary, dry_run, r.unchanged_file)
    yield from _include(r)


def _changes(what: str, added: list[str], changed: list[str], removed: list[str],
             verb: str) -> Iterator[Line]:
    for label, items in (("added", added), ("changed", changed), ("removed", removed)):
        if items:
            head = f"{what.capitalize()} {verb + ' ' if verb else ''}{label}"
            yield f"{head} ({len(items)}): {listed(items)}", False


def _include(r: PeopleResult | EventsResult) -> Iterator[Line]:
    if r.included:
        return
    if r.include_hint is None:
        yield (f"{r.output} is outside the mission's folder, so the mission cannot include "
               "it; write it beside the mission file instead"), False
        return
    yield (f"{r.mission_file.name} does not include this file yet, so `check` does not read "
           f"it. missionctl never edits your files: put this line in {r.mission_file.name} "
           f"(replacing its include line, if it has one):\n  {r.include_hint}"), False
