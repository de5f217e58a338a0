"""References checked against what the mission's files define: MC006, with "did you mean"."""

from __future__ import annotations

from collections.abc import Iterator

from missionctl import values as v
from missionctl.findings import Finding
from missionctl.loader.read import SINGULAR, RawMission
from missionctl.loader.references import REF_TABLES

# A close-id suggestion compares the unknown id with every id of its table (difflib): for
# thousands of distinct unknown ids among thousands of people that is millions of
# comparisons. The first HINTS distinct unknown ids of a mission get one (a person reads
# the first findings; a missing include explains the rest), so the work stays linear.
HINTS = 100


def unknown_references(raw: RawMission) -> Iterator[Finding]:
    """MC006 at each reference to an id its table does not hold, once every file is read."""
    sections = raw.sections
    close: dict[tuple[str, str], str] = {}  # (table, unknown id) -> its suggestion
    for table, ident, loc, any_kind in raw.refs:
        known = sections[table]
        if ident in known:
            continue
        # Where any kind of reference may stand, the same id of another kind is what the
        # author meant (`attendees: [delegation]` for `group:delegation`).
        other = next((kind for kind, t in REF_TABLES.items()
                      if t != table and ident in sections[t]), None) if any_kind else None
        if other is not None:
            hint = f" (did you mean '{ident if other == 'person' else other + ':' + ident}'?)"
        elif (table, ident) in close:
            hint = close[table, ident]
        elif len(close) < HINTS:
            hint = close[table, ident] = v.did_you_mean(ident, list(known))
        else:
            hint = ""
        yield Finding("MC006", f"there is no {SINGULAR[table]} '{ident}'{hint}", loc)
