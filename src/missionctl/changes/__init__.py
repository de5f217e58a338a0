"""`missionctl changes`: what changed between two versions of a mission, for whom.

- `versions.py`: the two missions, from git revisions (`source.py` reads them through the
  `git` command, includes followed at each revision) or from two files;
- `diff.py`: the changes, per event and per person, from the model (never the YAML text);
- `wording.py`: each change as a sentence a person can act on;
- `notices.py`: one notice per person (the view model the `changes` renderers draw);
- `sequence.py`: each event's iCalendar SEQUENCE and LAST-MODIFIED, from the history.
"""
