"""View models: what a person is shown, as plain data with no output format.

`itinerary` (days and lines), `timeline` (rows and spans), `contacts` (the contact sheet),
`select` (which events a view shows: `Selection`, `Programme`), `flags` (findings beside
events), with `people` and `timefmt` for names and times as a reader wants them. Every format
that renders them is a module of `missionctl.render`.
"""
