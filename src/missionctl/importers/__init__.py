"""Bringing data into a mission: `missionctl import people` (registration spreadsheets) and
`missionctl import events` (ICS calendars, frab and pretalx schedules).

Each import writes one generated include file (a marker line, rewritten whole on every run,
never a file missionctl did not write) and never edits the author's YAML. Heavy libraries
(openpyxl, python-calamine, Babel, icalendar, recurring-ical-events) are the `import` extra
and load inside the importers only. docs/import.md tells the whole story.
"""
