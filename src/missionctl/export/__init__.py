"""Exports: calendars (ICS). Import the submodules directly; icalendar is loaded only there."""
