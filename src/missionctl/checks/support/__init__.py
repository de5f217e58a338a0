"""What several rules share, worked out once per run and handed round through `ctx.memo`.

No module here defines a `RULE`: `registry()` looks for rules in `missionctl.checks` itself
and never in this package. The wording of times, days and events is `missionctl.wording`.

| module | owns |
| --- | --- |
| `index.py` | the live (non-cancelled) events and their local wall-clock times |
| `timeline.py` | per-person timelines (MC101-MC106, MC406), sorted once, shared by teams |
| `travel.py` | the offline travel model of `checks.travel` (MC102) |
| `calendar.py` | the events the calendar rules judge (MC301-MC306): country and local pieces |
"""
