"""`changes --format json`: the stable contract other tools read (docs/changes.md).

    {"version": 1, "from": "<rev or path>", "to": "<rev or path>",
     "people": {"<person-id>": [{"event": "<event-id>", "change": "time", "before": {...},
                                "after": {...}}]}}

One entry per kind of change; a person's own arrival or departure has `"event": null` and
`"about": "arrival"` (or `"departure"`). Added keys (never renamed): `mission`, `commits`,
`renamed` (old id -> new id of events renamed with no other change).
"""

from __future__ import annotations

from typing import Any

from missionctl.changes.diff import Change
from missionctl.changes.notices import Report
from missionctl.render import Options
from missionctl.render.json_ import dumps


def entry(c: Change) -> dict[str, Any]:
    out: dict[str, Any] = {"event": c.event, "change": c.change, "before": dict(c.before),
                           "after": dict(c.after)}
    if c.about is not None:
        out["about"] = c.about
    return out


def document(r: Report) -> dict[str, Any]:
    return {
        "version": 1, "from": r.source, "to": r.target,
        "mission": r.mission.info.id,
        "people": {n.person: [entry(c) for c in n.changes] for n in r.notices},
        "renamed": dict(sorted(r.renamed.items())),
    }


def render(r: Report, options: Options) -> str:
    return dumps(document(r))


VIEWS = {"changes": render}
