"""A real git repository holding a small mission, for the `changes` tests: write files,
commit, and run the CLI against it. The mission has an include (people.yaml), a group, a host,
a flight, a coach, a visit, a dinner, a hotel night and a B2B session."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

MISSION = """\
missionctl: 1
mission:
  id: t
  title: Test mission
  organiser: cluster
  contact: ana
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-12
include: [people.yaml]
venues:
  hotel:
    name: Hotel Anfa
    city: Casablanca
    rooms: {hall: {name: Ballroom}, salon: {name: Salon}, rooms: {name: Guest rooms}}
  plant: {name: Acme plant, city: Casablanca}
  lis: {name: Lisbon airport, timezone: Europe/Lisbon}
  cmn: {name: Casablanca airport}
events:
  flight:
    kind: travel
    title: Flight Lisbon -> Casablanca
    mode: flight
    from: lis
    to: cmn
    start: 2027-05-10 08:00
    end: "09:40"
    attendees: [group:team]
  coach:
    kind: travel
    title: Coach to the plant
    mode: coach
    from: hotel
    to: plant
    start: 2027-05-10 13:00
    end: "13:30"
    attendees: [group:team]
  visit:
    kind: visit
    title: Plant visit
    venue: plant
    start: 2027-05-10 14:00
    end: "16:00"
    attendees: [group:team]
    hosts: [youssef]
  dinner:
    kind: meal
    title: Dinner
    venue: hotel
    room: salon
    start: 2027-05-10 20:00
    end: "21:30"
    attendees: [group:team]
  night:
    kind: stay
    title: Night at Hotel Anfa
    venue: hotel
    room: rooms
    start: 2027-05-10 22:00
    end: 2027-05-11 07:30
    attendees: [group:team]
b2b:
  fair:
    title: B2B afternoon
    venue: hotel
    room: hall
    date: 2027-05-11
    start: "14:00"
    end: "16:00"
    slot: 25m
    gap: 5m
    tables: 3
    participants: [ana, youssef]
    meetings:
      - {at: "14:00", table: 1, between: [cluster, acme]}
"""

PEOPLE = """\
organisations:
  cluster: {name: The Cluster, type: cluster, email: missions@example.org}
  acme: {name: Acme Morocco, type: company}
people:
  ana:
    name: Ana Silva
    organisation: cluster
    email: ana@example.org
    groups: [team]
    arrival: 2027-05-10 09:40
  bruno:
    name: Bruno Costa
    organisation: cluster
    email: bruno@example.org
    private: [email]
    groups: [team]
  carla: {name: Carla Dias, organisation: cluster, email: carla@example.org}
  youssef: {name: Youssef Amrani, organisation: acme, side: host, email: y@acme.example.com}
groups:
  team: {name: The team}
"""


class History:
    """A repository in `root` with the mission in `root/m/mission.yaml`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / "m"
        self.folder.mkdir(parents=True)
        self.git("init", "-q")

    @property
    def mission(self) -> Path:
        return self.folder / "mission.yaml"

    def git(self, *args: str, date: str | None = None) -> str:
        env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                   GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
                   GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_SYSTEM=os.devnull)
        if date is not None:
            env["GIT_COMMITTER_DATE"] = env["GIT_AUTHOR_DATE"] = date
        done = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c",
                               "init.defaultBranch=main", *args], cwd=self.root, env=env,
                              capture_output=True, text=True, check=True, timeout=60)
        return done.stdout

    def write(self, name: str, text: str) -> None:
        (self.folder / name).write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        text = (self.folder / name).read_text(encoding="utf-8")
        assert old in text, old
        self.write(name, text.replace(old, new, 1))

    def commit(self, message: str, date: str | None = None) -> str:
        """Commit everything; `date` (ISO 8601) is the commit's time."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, date=date)
        return self.git("rev-parse", "HEAD").strip()


def start(root: Path) -> History:
    """The repository with the mission committed once."""
    h = History(root)
    h.write("mission.yaml", MISSION)
    h.write("people.yaml", PEOPLE)
    h.commit("the mission")
    return h
