"""Views of a mission for people: the itinerary (day by day or as a timeline) and the contact
sheet. Each view is built as plain data here (no rendering library imported), then rendered
by `views.terminal` (rich) or by the exporters in `missionctl.export`."""
