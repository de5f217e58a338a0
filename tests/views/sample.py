"""A small mission with everything the views must show: zones, a flight, a group, a
double booking (MC101), a cancelled and a tentative event, a host with a private phone, an
embassy, a B2B session, `x-` data. Used by tests/views and tests/export."""

from __future__ import annotations

from pathlib import Path

from missionctl.loader import load
from missionctl.model import Mission

SMALL = """\
missionctl: 1
x-source: {owner: test}
mission:
  id: small
  title: Small mission
  organiser: cluster
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-11
  contact: ana
  x-budget: 1200
organisations:
  cluster: {name: The Cluster, type: cluster, phone: "+351 220 000 100"}
  acme: {name: Acme Morocco, type: company, phone: "+212 522 000 900", email: info@acme.example.com}
  beta: {name: Beta SARL, type: company}
  embassy: {name: Embassy of Portugal, type: embassy, city: Rabat, phone: "+212 537 000 000"}
people:
  ana:
    name: Ana Silva
    organisation: cluster
    role: Coordinator
    side: organiser
    phone: "+351 912 000 001"
    email: ana@example.org
    languages: [pt, en, fr]
    groups: [team]
  bruno:
    name: Bruno Costa
    organisation: cluster
    phone: "0612345670"
    email: bruno@example.org
    private: [phone, email]
    groups: [team]
  carla:
    name: Carla Dias
    organisation: cluster
    email: carla@example.org
    groups: [team]
    x-shirt: M
  youssef:
    name: Youssef Amrani
    organisation: acme
    role: Plant manager
    side: host
    phone: "+212 661 000 001"
    email: y@acme.example.com
    private: [phone]
  samir:
    name: Samir Benali
    organisation: beta
    side: host
    email: s@beta.example.com
groups:
  team: {name: The Portuguese team}
venues:
  lis: {name: Lisbon airport, timezone: Europe/Lisbon, geo: [38.7742, -9.1342]}
  cmn: {name: Casablanca airport, geo: [33.3675, -7.5898]}
  hotel:
    name: Hotel Anfa
    address: Boulevard d'Anfa, Casablanca
    city: Casablanca
    geo: [33.589, -7.632]
    rooms:
      hall: {name: Ballroom, capacity: 50}
      salon: {name: Salon, capacity: 20}
  plant: {name: Acme plant, city: Casablanca, geo: [33.6, -7.5]}
events:
  flight:
    kind: travel
    title: Flight Lisbon -> Casablanca
    mode: flight
    from: lis
    to: cmn
    carrier: TAP
    reference: TP1450
    start: 2027-05-10 07:00
    end: 08:40
    attendees: [group:team]
  visit:
    kind: visit
    title: Visit to Acme
    venue: plant
    organisation: acme
    start: 2027-05-10 10:00
    end: 12:00
    hosts: [youssef]
    attendees: [group:team]
    x-bus: 2
  clash:
    kind: meeting
    title: "Call with [bold]the bank[/bold] \\x1b[2J"
    venue: hotel
    room: salon
    start: 2027-05-10 11:00
    end: 11:30
    attendees: [ana]
  dinner:
    kind: meal
    title: Dinner =HYPERLINK("http://evil.example","x")
    venue: hotel
    room: salon
    start: 2027-05-10 20:00
    end: 21:30
    status: cancelled
    attendees: [group:team]
  night:
    kind: stay
    title: Night at Hotel Anfa
    venue: hotel
    start: 2027-05-10 22:00
    end: 2027-05-11 07:30
    attendees: [group:team]
  round-table:
    kind: meeting
    title: Round table <script>alert(1)</script>
    venue: hotel
    room: salon
    organisation: beta
    start: 2027-05-11 09:00
    end: 10:00
    status: tentative
    hosts: [samir]
    attendees: [group:team]
b2b:
  matchmaking:
    title: B2B afternoon
    venue: hotel
    room: hall
    date: 2027-05-11
    start: "14:00"
    end: "15:00"
    slot: 25m
    gap: 5m
    tables: 2
    participants: [ana, bruno, youssef, samir]
    meetings:
      - {at: "14:00", table: 1, between: [cluster, acme]}
      - {at: "14:30", table: 2, between: [cluster, beta]}
"""


def write_small(folder: Path) -> Path:
    path = folder / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def load_small(folder: Path) -> Mission:
    loaded = load(write_small(folder), "small.yaml")
    assert loaded.findings == (), loaded.findings
    assert loaded.mission is not None
    return loaded.mission
