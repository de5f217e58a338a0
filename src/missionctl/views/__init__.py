"""View models: what a person is shown, as plain data with no output format.

`itinerary` (days and lines), `timeline` (rows and spans), `contacts` (the contact sheet),
`select` (which events a view shows: `Selection`, `Programme`), `flags` (findings beside
events), with `people` for people and groups as a reader wants them (days and times are
worded by `missionctl.wording`). Every format that renders them is a module of
`missionctl.render`.
"""
