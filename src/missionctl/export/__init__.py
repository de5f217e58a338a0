"""The RFC 5545 (iCalendar) writer: a leaf library over icalendar that knows nothing of missions.

`export.ics` writes plain `CalEvent` records as one deterministic VCALENDAR; `export.vtimezone`
builds each VTIMEZONE from the zone's real transitions. missionctl's own mapping of a mission
onto it is `missionctl.render.ics`; every other output format is in `missionctl.render`.
"""
