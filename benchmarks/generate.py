#!/usr/bin/env python3
# ruff: noqa: E501, SIM905  (word lists and one-line YAML templates read better unwrapped)
"""Generate a synthetic, deterministic mission file (format v1) for the benchmarks.

    python benchmarks/generate.py --events 10000                 # -> benchmarks/out/mission-10k.yaml
    python benchmarks/generate.py --events 1000 --out m.yaml --seed 7
    python benchmarks/generate.py --events 1000 --verify         # generate, then self-check
    python benchmarks/generate.py --verify-only some-mission.yaml
    python benchmarks/generate.py --events 10000 --dense          # ~1 finding per event (MC102, MC201)

The mission is a Morocco-Portugal trade mission. Delegates travel in teams of a few to
~17 people around a circuit of six cities (Casablanca, Rabat, Tangier, Lisbon, Porto,
Marrakech), two working days per city, with train, coach and flight legs between them.
A working day is: a company visit, two parallel meetings (the team splits in halves), lunch,
a workshop/training/presentation, then either a briefing at the hotel (and a heads-of-delegation
debrief) or a dinner. Each team has hotel stays covering its nights; Saturdays have a free
morning. One B2B matchmaking session runs in Casablanca on the second day.

Every event is scheduled so that nobody is double-booked, every transfer fits the default
travel model, no room is booked twice and days stay under 12 hours; a small, deterministic
number of conflicts is injected on purpose (``--conflicts``, default one per 1,000 events),
so that ``check`` has something realistic to report.

``--events N`` is the number of entries under ``events:``; the B2B meetings (which ``check``
also turns into events) come on top. About N/5 people, N/50 organisations; the number of
working days grows with N (5 for 1k, 10 for 10k, 15 for 100k).

The file is written with plain string formatting (not ``yaml.dump``) and deliberately uses
the spellings the format must type by field: unquoted ``end: 10:30``, ``at: 15:00``,
``phone: +212 522 000 123``, ``phone: 0612345670``, ``country: NO``, ``start: 2027-09-13 09:00``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import sys
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
MISSION_START = dt.date(2027, 9, 13)  # a Monday; no MA/PT public holiday until 2027-10-05
HOLIDAYS = {dt.date(2027, 10, 5), dt.date(2027, 10, 31), dt.date(2027, 11, 1)}
MAX_TABLES = 24
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")

# ----------------------------------------------------------------------------- geography

# id: (name, country, zone, centre lat, centre lon, landline prefix, mobile prefix)
CITIES = {
    "casablanca": ("Casablanca", "MA", "Africa/Casablanca", 33.5890, -7.6090, "+212 522", "+212 6"),
    "rabat": ("Rabat", "MA", "Africa/Casablanca", 34.0100, -6.8420, "+212 537", "+212 6"),
    "tangier": ("Tangier", "MA", "Africa/Casablanca", 35.7700, -5.8050, "+212 539", "+212 6"),
    "lisbon": ("Lisbon", "PT", "Europe/Lisbon", 38.7180, -9.1400, "+351 21", "+351 91"),
    "porto": ("Porto", "PT", "Europe/Lisbon", 41.1530, -8.6080, "+351 22", "+351 93"),
    "marrakech": ("Marrakech", "MA", "Africa/Casablanca", 31.6300, -8.0050, "+212 524", "+212 6"),
}
CIRCUIT = ["casablanca", "rabat", "tangier", "lisbon", "porto", "marrakech"]

# hub venue id: (name, city, lat, lon)
HUBS = {
    "casa-voyageurs-station": ("Casa-Voyageurs railway station", "casablanca", 33.5897, -7.5915),
    "rabat-agdal-station": ("Rabat-Agdal railway station", "rabat", 33.9995, -6.8541),
    "tanger-ville-station": ("Tanger-Ville railway station", "tangier", 35.7722, -5.7888),
    "tangier-airport": ("Tangier Ibn Battouta airport", "tangier", 35.7269, -5.9169),
    "lisbon-airport": ("Lisbon Humberto Delgado airport", "lisbon", 38.7742, -9.1342),
    "santa-apolonia-station": ("Lisboa Santa Apolónia station", "lisbon", 38.7137, -9.1226),
    "porto-campanha-station": ("Porto Campanhã station", "porto", 41.1489, -8.5853),
    "porto-airport": ("Porto Francisco Sá Carneiro airport", "porto", 41.2481, -8.6814),
    "marrakech-airport": ("Marrakech Menara airport", "marrakech", 31.6069, -8.0363),
    "marrakech-station": ("Marrakech railway and coach station", "marrakech", 31.6313, -8.0167),
}

# (from city, to city): (mode, carrier, reference prefix, minutes, from hub, to hub)
LEGS = {
    ("casablanca", "rabat"): ("train", "ONCF", "TNR", 65, "casa-voyageurs-station", "rabat-agdal-station"),
    ("rabat", "tangier"): ("train", "ONCF Al Boraq", "ALB", 80, "rabat-agdal-station", "tanger-ville-station"),
    ("tangier", "lisbon"): ("flight", "Royal Air Maroc", "AT", 75, "tangier-airport", "lisbon-airport"),
    ("lisbon", "porto"): ("train", "CP Alfa Pendular", "AP", 170, "santa-apolonia-station", "porto-campanha-station"),
    ("porto", "marrakech"): ("flight", "TAP Air Portugal", "TP", 125, "porto-airport", "marrakech-airport"),
    ("marrakech", "casablanca"): ("coach", "CTM", "CTM", 210, "marrakech-station", "casa-voyageurs-station"),
}

# ----------------------------------------------------------------------------- names

FIRST = {
    "PT": "João Ana Pedro Maria Rui Inês Tiago Catarina Miguel Sofia Nuno Beatriz Gonçalo Mariana "
          "Luís Joana André Rita Filipe Teresa Hugo Margarida Vasco Leonor".split(),
    "MA": "Mohamed Fatima Youssef Khadija Karim Amina Omar Salma Hicham Nadia Rachid Laila Said "
          "Zineb Mehdi Imane Adil Houda Anas Meryem Yassine Soukaina Hamza Ghita".split(),
    "ES": "Javier Lucía Carlos Elena Pablo Carmen Diego Laura Álvaro Marta".split(),
    "NO": "Ola Kari Lars Ingrid Erik Solveig Magnus Sigrid Bjørn Åse".split(),
    "FR": "Jean Marie Pierre Camille Nicolas Chloé Julien Élodie Thomas Léa".split(),
}
LAST = {
    "PT": "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Fernandes "
          "Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto Carvalho Teixeira Moreira "
          "Correia Mendes Nunes Conceição".split(),
    "MA": ["Benali", "El Idrissi", "Alaoui", "Bennani", "Tazi", "Berrada", "Chraibi", "El Amrani",
           "Lahlou", "Fassi", "Kettani", "Benjelloun", "Ouazzani", "Sqalli", "Bouazza",
           "El Mansouri", "Naciri", "Zniber", "Belhaj", "Hajji"],
    "ES": "García Fernández López Martínez Sánchez Pérez Gómez Ruiz Núñez Castillo".split(),
    "NO": "Hansen Johansen Olsen Larsen Andersen Berg Haugen Dahl Sørensen Bakken".split(),
    "FR": "Martin Bernard Dubois Thomas Robert Richard Petit Durand Lefèvre Moreau".split(),
}
LANGS = {"PT": "[pt, en]", "MA": "[ar, fr, en]", "ES": "[es, en, pt]", "NO": "[no, en]",
         "FR": "[fr, en]"}
ORG_PREFIX = {
    "PT": "Norte Atlântico Lusitânia Douro Minho Tejo Beira Ibérica Mondego Sado Vouga Arrábida".split(),
    "MA": "Atlas Maghreb Sahara Souss Rif Anfa Oasis Chellah Tafilalet Draa Sebou Argan".split(),
    "ES": "Cantábrica Levante Meseta Ebro Galaica".split(),
    "NO": "Fjord Nordlys Polar Vestland Trondheim".split(),
    "FR": "Loire Provence Alpes Garonne Armor".split(),
}
SECTORS = {
    "automotive": ["Auto Components", "Cablagens", "Moldes", "Precision Parts", "Seating"],
    "aeronautics": ["Aero Structures", "Composites", "Avionics"],
    "renewables": ["Solar", "Wind Energy", "Green Hydrogen"],
    "textiles": ["Têxteis", "Denim", "Technical Fabrics"],
    "agrifood": ["Agro", "Olive Oil", "Citrus", "Seafood"],
    "logistics": ["Logistics", "Freight", "Cold Chain"],
    "ict": ["Digital", "Software", "Data Systems"],
}
SECTOR_NAMES = list(SECTORS)
SUFFIX = {"PT": ["Lda", "SA"], "MA": ["SARL", "SA"], "ES": ["SL"], "NO": ["AS"], "FR": ["SAS"]}
DELEG_COUNTRIES = ["PT"] * 10 + ["MA"] * 6 + ["ES"] * 2 + ["NO"] + ["FR"]
DELEG_ROLES = ["CEO", "Sales director", "Export manager", "Engineer", "Business developer",
               "Purchasing manager", "Operations director", "Founder", "Quality manager"]
HOST_ROLES = ["Plant manager", "Export manager", "CEO", "Head of partnerships",
              "Investment officer", "Technical director", "Sourcing manager"]
DIETS = ["vegetarian", "halal", "no pork", "gluten free", "vegan", "no alcohol"]
TOPICS = ["Industry 4.0 in automotive supply chains", "Export financing and guarantees",
          "Near-shoring to Morocco", "Renewable energy tenders", "Free zones and incentives",
          "Certification for aeronautics suppliers", "Green hydrogen corridors",
          "Cold chain logistics across the Strait", "Digital public procurement",
          "Textile traceability", "Skills and training partnerships", "Port and rail logistics"]
RESTO = {"MA": ["Dar", "Le", "Riad", "La Table du", "Café"],
         "PT": ["Taberna", "Casa", "Cervejaria", "Tasca", "Restaurante"]}
RESTO_WORDS = ["Atlas", "Marina", "Jardim", "Medina", "Oliveira", "Zitoune", "Mar", "Ribeira",
               "Andalous", "Sol", "Palmeraie", "Tejo", "Bahia", "Alfama", "Corniche"]
STREETS = {"MA": ["Boulevard Mohammed V", "Avenue Hassan II", "Rue Ibn Batouta", "Boulevard Zerktouni",
                  "Avenue des FAR", "Rue Allal Ben Abdellah"],
           "PT": ["Avenida da Liberdade", "Rua Augusta", "Rua de Santa Catarina", "Avenida dos Aliados",
                  "Rua do Ouro", "Avenida da Boavista"]}


def slug(text: str) -> str:
    text = text.replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def label_for(n: int) -> str:
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


# ----------------------------------------------------------------------------- model


class Org:
    __slots__ = (
        "city",
        "country",
        "host",
        "id",
        "name",
        "people",
        "rooms",
        "sector",
        "type",
        "venue",
    )

    def __init__(self, id, name, country, type_, sector, city, host):
        self.id, self.name, self.country, self.type = id, name, country, type_
        self.sector, self.city, self.host = sector, city, host
        self.people: list[int] = []
        self.rooms: list[str] = []
        self.venue: str | None = None


class Person:
    __slots__ = (
        "country",
        "diet",
        "email",
        "group",
        "id",
        "langs",
        "lead",
        "name",
        "org",
        "phone",
        "private",
        "role",
        "side",
        "stay_dates",
    )

    def __init__(self, id, name, org, role, side, country):
        self.id, self.name, self.org, self.role, self.side = id, name, org, role, side
        self.country = country
        self.email = self.phone = self.langs = self.diet = None
        self.group = -1
        self.lead = False
        self.private = False
        self.stay_dates = False


class Venue:
    __slots__ = ("address", "city", "hours", "id", "kind", "lat", "lon", "name", "phone", "rooms")

    def __init__(self, id, name, city, lat, lon, rooms, hours, kind, address=None, phone=None):
        self.id, self.name, self.city, self.lat, self.lon = id, name, city, lat, lon
        self.rooms, self.hours, self.kind = rooms or [], hours, kind
        self.address, self.phone = address, phone


def working_days(w: int) -> list[dt.date]:
    days, d = [], MISSION_START
    while len(days) < w:
        if d.weekday() < 5 and d not in HOLIDAYS:
            days.append(d)
        d += dt.timedelta(days=1)
    return days


def n_working_days(n_events: int) -> int:
    """5 working days for 1k events, 10 for 10k and beyond. A team is about 1.28 people per
    working day (N/5 people in N / (6.4 days) teams), so days that went on growing past 10k
    (15 for 100k, as they once did) made every team, and so every event, half as large again
    as at 10k: the 100k mission had 14.7x the 10k mission's (event, attendee) pairs, and the
    exports that list attendees (ICS) were measured against that, not against 10x the work.
    Past 10k a mission grows by its teams: 100k is ten times the 10k mission's teams."""
    if n_events < 150:
        return 1
    return max(1, min(10, round(5 + 5 * math.log10(n_events / 1000))))


class Model:
    """Everything but the events' text; deterministic in (n_events, seed, n_groups)."""

    def __init__(self, n_events: int, seed: int, n_groups: int, conflict_rate: float):
        rng = random.Random(seed * 1_000_003 + n_events)
        self.rng = rng
        self.n_events = n_events
        self.seed = seed
        self.G = G = n_groups
        self.W = W = n_working_days(n_events)
        self.days = working_days(W)
        self.conflict_rate = conflict_rate
        n_people = max(n_events // 5, 12)
        n_org = max(4, n_events // 50)
        n_host_org = max(1, n_org // 2)
        n_deleg_org = max(1, n_org - n_host_org)

        self.orgs: list[Org] = []
        self.people: list[Person] = []
        used_ids: set[str] = set()

        def new_person(country, org_idx, role, side):
            first = rng.choice(FIRST[country])
            last = rng.choice(LAST[country])
            base = f"{slug(first)}-{slug(last)}"
            pid = base
            k = 2
            while pid in used_ids:
                pid = f"{base}-{k}"
                k += 1
            used_ids.add(pid)
            p = Person(pid, f"{first} {last}", org_idx, role, side, country)
            dom = self.orgs[org_idx].id + ".example" if org_idx is not None else "mission.example"
            r = rng.random()
            if r < 0.85:
                local = f"{slug(first)}.{slug(last)}{k if k > 2 else ''}".replace("-", ".")
                p.email = f"{local}@{dom}"
            if r > 0.55:
                p.phone = self.mobile(country)
            if p.email is None and p.phone is None:
                p.phone = self.mobile(country)
            p.langs = LANGS[country]
            if rng.random() < 0.08:
                p.diet = rng.choice(DIETS)
            p.private = p.phone is not None and rng.random() < 0.25
            self.people.append(p)
            if org_idx is not None:
                self.orgs[org_idx].people.append(len(self.people) - 1)
            return len(self.people) - 1

        # organiser agency
        org_ids: set[str] = set()

        def add_org(name, country, type_, sector, city, host):
            base = slug(name)[:40]
            oid, k = base, 2
            while oid in org_ids:
                oid = f"{base}-{k}"
                k += 1
            org_ids.add(oid)
            self.orgs.append(Org(oid, name, country, type_, sector, city, host))
            return len(self.orgs) - 1

        self.agency = add_org("Agência Luso-Marroquina de Missões", "PT", "agency", "trade promotion",
                              "lisbon", False)
        self.organisers = [new_person(c, self.agency, r, "organiser") for c, r in
                           (("PT", "Mission director"), ("MA", "Mission coordinator"),
                            ("PT", "Logistics officer"))]
        self.contact = self.organisers[0]

        # host organisations: a site per organisation, 2-4 host people and as many rooms
        self.host_orgs_by_city: dict[str, list[int]] = {c: [] for c in CIRCUIT}
        for j in range(n_host_org):
            city = CIRCUIT[j % len(CIRCUIT)]
            country = CITIES[city][1]
            r = rng.random()
            sector = rng.choice(SECTOR_NAMES)
            if r < 0.75:
                name = f"{rng.choice(ORG_PREFIX[country])} {rng.choice(SECTORS[sector])} {rng.choice(SUFFIX[country])}"
                type_ = "company"
            elif r < 0.85:
                name = f"{CITIES[city][0]} {rng.choice(['Technopark', 'Industrial Park', 'Free Zone'])} {j}"
                type_ = "institution"
            elif r < 0.93:
                name = f"{CITIES[city][0]} {rng.choice(['Regional Investment Centre', 'Chamber of Commerce', 'Export Council'])} {j}"
                type_ = rng.choice(["government", "association"])
            else:
                name = f"{rng.choice(['University', 'Polytechnic', 'School of Engineering'])} of {CITIES[city][0]} {j}"
                type_ = "university"
            oi = add_org(name, country, type_, sector, city, True)
            self.host_orgs_by_city[city].append(oi)
            k = 2 + j % 3
            for _ in range(k):
                new_person(country, oi, rng.choice(HOST_ROLES), "host")
            self.orgs[oi].rooms = [f"r{i + 1}" for i in range(k)]

        # delegate organisations with a skewed size distribution
        deleg_orgs = []
        for _ in range(n_deleg_org):
            country = rng.choice(DELEG_COUNTRIES)
            sector = rng.choice(SECTOR_NAMES)
            name = f"{rng.choice(ORG_PREFIX[country])} {rng.choice(SECTORS[sector])} {rng.choice(SUFFIX[country])}"
            type_ = rng.choice(["company"] * 8 + ["cluster", "association", "university"])
            deleg_orgs.append(add_org(name, country, type_, sector, None, False))
        n_interp = (G + 1) // 2
        n_deleg = max(2 * G, n_people - len(self.people) - n_interp)
        raw = []
        for _ in deleg_orgs:
            r = rng.random()
            raw.append(rng.randint(1, 4) if r < 0.45 else rng.randint(5, 12) if r < 0.85 else rng.randint(15, 40))
        scale = n_deleg / sum(raw)
        sizes = [max(1, round(x * scale)) for x in raw]
        diff = n_deleg - sum(sizes)
        i = 0
        while diff != 0:
            j = i % len(sizes)
            if diff > 0:
                sizes[j] += 1
                diff -= 1
            elif sizes[j] > 1:
                sizes[j] -= 1
                diff += 1
            i += 1
        delegates = []
        for oi, size in zip(deleg_orgs, sizes, strict=False):
            country = self.orgs[oi].country
            for _ in range(size):
                delegates.append(new_person(country, oi, rng.choice(DELEG_ROLES), "delegate"))

        # teams: consecutive chunks of the delegates (ordered by organisation)
        self.members: list[list[int]] = []
        base, extra = divmod(len(delegates), G)
        pos = 0
        for g in range(G):
            size = base + (1 if g < extra else 0)
            chunk = delegates[pos:pos + size]
            pos += size
            self.members.append(chunk)
        self.interpreters: list[int | None] = []
        for g in range(G):
            if g % 2 == 0:
                pi = new_person(rng.choice(["PT", "MA"]), None, "Interpreter", "interpreter")
                self.people[pi].langs = "[ar, fr, pt, en]"
                self.members[g].append(pi)
                self.interpreters.append(pi)
            else:
                self.interpreters.append(None)
        for g, mem in enumerate(self.members):
            for pi in mem:
                self.people[pi].group = g
                self.people[pi].stay_dates = True
        self.leads: list[list[int]] = []
        for mem in self.members:
            dels = [p for p in mem if self.people[p].side == "delegate"]
            n_leads = 0 if len(dels) < 3 else 1 if len(dels) < 8 else 2
            self.leads.append(dels[:n_leads])
            for p in dels[:n_leads]:
                self.people[p].lead = True
        # organisations wholly inside one team (usable as org: references)
        self.contained: list[list[int]] = [[] for _ in range(G)]
        for oi in deleg_orgs:
            ppl = self.orgs[oi].people
            if ppl:
                gs = {self.people[p].group for p in ppl}
                if len(gs) == 1:
                    self.contained[self.people[ppl[0]].group].append(oi)
        self.max_team = max((len(m) for m in self.members), default=1)
        self.build_venues()
        self.build_b2b()

    def mobile(self, country):
        r = self.rng
        if country == "MA":
            x = r.random()
            if x < 0.5:
                return f"+212 6{r.randint(10, 99)} {r.randint(0, 999):03d} {r.randint(0, 999):03d}"
            if x < 0.8:
                return f"06{r.randint(10000000, 99999999)}"  # leading zero, YAML 1.1 octal trap
            return f"+2126{r.randint(10000000, 99999999)}"   # no spaces: YAML 1.1 int trap
        if country == "PT":
            return f"+351 9{r.randint(10, 69)} {r.randint(0, 999):03d} {r.randint(0, 999):03d}"
        if country == "ES":
            return f"+34 6{r.randint(10, 99)} {r.randint(0, 999):03d} {r.randint(0, 999):03d}"
        if country == "NO":
            return f"+47 9{r.randint(10, 99)} {r.randint(10, 99)} {r.randint(100, 999)}"
        return f"+33 6 {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}"

    def jitter(self, city):
        c = CITIES[city]
        return round(c[3] + self.rng.uniform(-0.018, 0.018), 5), round(c[4] + self.rng.uniform(-0.02, 0.02), 5)

    def address(self, city):
        return f"{self.rng.randint(1, 240)} {self.rng.choice(STREETS[CITIES[city][1]])}, {CITIES[city][0]}"

    def landline(self, city):
        return f"{CITIES[city][5]} {self.rng.randint(0, 999):03d} {self.rng.randint(0, 999):03d}"

    def build_venues(self):
        rng = self.rng
        G = self.G
        self.venues: list[Venue] = []
        vids: set[str] = set()
        self.gmax = gmax = max(1, math.ceil(G / 6))  # most teams in one city at a time
        cap_min = self.max_team + 6

        def add(v):
            assert v.id not in vids, v.id
            vids.add(v.id)
            self.venues.append(v)
            return v

        for vid, (name, city, lat, lon) in HUBS.items():
            add(Venue(vid, name, city, lat, lon, None, None, "hub"))
        self.hotels: dict[str, list[Venue]] = {}
        self.restos: dict[str, list[Venue]] = {}
        self.confs: dict[str, list[Venue]] = {}
        self.host_slots: dict[str, list[tuple[int, int, str]]] = {}
        for city in CIRCUIT:
            cname, country = CITIES[city][0], CITIES[city][1]
            hs = []
            for h in range(math.ceil(gmax / 4)):
                lat, lon = self.jitter(city)
                rooms = [(f"salon-{'abcd'[i]}", f"Salon {'ABCD'[i]}", max(30, cap_min)) for i in range(4)]
                word = rng.choice(RESTO_WORDS)
                hs.append(add(Venue(f"hotel-{slug(word)}-{city}-{h + 1}", f"Hotel {word} {cname} {h + 1}",
                                    city, lat, lon, rooms, None, "hotel", self.address(city), self.landline(city))))
            self.hotels[city] = hs
            rs = []
            for h in range(math.ceil(gmax / 3)):
                lat, lon = self.jitter(city)
                word = rng.choice(RESTO_WORDS)
                name = f"{rng.choice(RESTO[country])} {word}"
                rooms = [("main", "Main room", max(60, cap_min)), ("terrace", "Terrace", max(40, cap_min)),
                         ("private", "Private room", max(24, cap_min))]
                rs.append(add(Venue(f"{slug(name)}-{city}-{h + 1}", name, city, lat, lon, rooms,
                                    "12:00-23:30", "restaurant", self.address(city), self.landline(city))))
            self.restos[city] = rs
            cs = []
            for h in range(math.ceil(2 * gmax / 8) + 1):
                lat, lon = self.jitter(city)
                rooms = [(f"room-{i + 1}", f"Room {i + 1}", max(rng.choice([30, 40, 60, 80, 120, 200]), cap_min))
                         for i in range(8)]
                cs.append(add(Venue(f"{city}-business-centre-{h + 1}", f"{cname} Business Centre {h + 1}",
                                    city, lat, lon, rooms, "conf", "conference", self.address(city),
                                    self.landline(city))))
            self.confs[city] = cs
            # host organisations' sites; host slots interleave organisations
            per_org = []
            for oi in self.host_orgs_by_city[city]:
                org = self.orgs[oi]
                lat, lon = self.jitter(city)
                rooms = [(r, f"Meeting room {i + 1}", max(rng.choice([20, 24, 30, 40]), cap_min))
                         for i, r in enumerate(org.rooms)]
                org.venue = add(Venue(f"{org.id}-site", f"{org.name} headquarters", city, lat, lon, rooms,
                                      "site", "site", self.address(city), self.landline(city))).id
                per_org.append([(oi, hp, r) for hp, r in zip(org.people, org.rooms, strict=False)])
            slots = []
            for k in range(max((len(x) for x in per_org), default=0)):
                for lst in per_org:
                    if k < len(lst):
                        slots.append(lst[k])
            self.host_slots[city] = slots
        lat, lon = 33.5930, -7.6300
        self.b2b_venue = add(Venue("anfa-business-hotel", "Anfa Business Hotel", "casablanca", lat, lon,
                                   [("ballroom", "Grand Ballroom", 400), ("atlas", "Atlas room", 60)],
                                   "07:00-23:00", "b2b", "Boulevard d'Anfa 120, Casablanca",
                                   "+212 522 000 123"))

    def build_b2b(self):
        self.b2b = None
        self.b2b_groups: set[int] = set()
        if self.W < 2:
            return
        day = self.days[1]
        groups = [g for g in range(self.G) if g % 6 == 0]  # block 0: team g starts at CIRCUIT[g % 6]
        # delegate organisations with people in those teams; the teams are the participants, so
        # an organisation split across teams brings only its people who are there
        deleg, seen = [], set()
        for g in groups:
            for p in self.members[g]:
                oi = self.people[p].org
                if oi is not None and oi not in seen and self.people[p].side == "delegate":
                    seen.add(oi)
                    deleg.append(oi)
        hosts = [oi for oi in self.host_orgs_by_city["casablanca"] if self.orgs[oi].people]
        T = min(MAX_TABLES, len(deleg), len(hosts))
        if T < 1:
            return
        self.b2b_groups = set(groups)
        hosts = hosts[:T]
        deleg = deleg[: max(T, min(len(deleg), 2 * T))]
        meetings = []
        times = ["15:00", "15:30", "16:00"]
        for s, at in enumerate(times):
            for k in range(T):
                a = deleg[(k + s) % len(deleg)]
                meetings.append((at, k + 1, a, hosts[k]))
        met = {(a, b) for _, _, a, b in meetings}
        requests, asked = [], set()
        prios = ["high", "normal", "normal", "low"]
        for i, (_, _, a, b) in enumerate(meetings):
            if i % 2 == 0 and (a, b) not in asked:  # most meetings answer a request, either way round
                asked.add((a, b))
                requests.append((b, a, prios[i % 4]) if i % 6 == 4 else (a, b, prios[i % 4]))
        for i, a in enumerate(deleg[::5]):  # and a few requests stay unmet
            b = hosts[(i * 7 + 3) % T]
            if (a, b) not in met:
                requests.append((a, b, "low"))
        self.b2b = dict(day=day, groups=groups, hosts=hosts, tables=T, meetings=meetings,
                        requests=requests)


# ----------------------------------------------------------------------------- events


def hm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def dur(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h}h{m}m" if h and m else f"{h}h" if h else f"{m}m"


class Plan:
    """Walks the programme day by day; ``emit(text)`` receives each event (None = count only)."""

    def __init__(self, model: Model, fmt: bool, dense: bool = False):
        self.m = model
        self.fmt = fmt
        self.dense = dense
        self.out: list[str] = []
        self.count = 0
        self.injected = 0
        self.stats = {"fallback_visits": 0, "fallback_meetings": 0}
        # inject round(n_events * rate) conflicts, spread evenly over the visits (~1 per 11 events)
        target = round(model.n_events * model.conflict_rate)
        if model.conflict_rate > 0:
            target = max(1, target)
        self.period = max(1, model.n_events // 11 // target) if target else 0
        self.visits = 0

    def emit(self, text):
        self.count += 1
        if self.fmt:
            self.out.append(text)

    def run(self, limit: int | None = None):
        m = self.m
        G, W, days = m.G, m.W, m.days
        self.limit = limit
        for d in range(W):
            date = days[d]
            block = d // 2
            move = d == 2 * block and block > 0
            dinner = (d % 3 == 1) and not move
            nxt = days[d + 1] if d + 1 < W else None
            saturday = date + dt.timedelta(days=(5 - date.weekday()) % 7)
            if nxt is None or saturday >= nxt:
                saturday = None
            for g in range(G):
                if limit is not None and self.count >= limit:
                    return
                self.day(g, d, date, block, move, dinner, saturday)

    # --- helpers
    def e(self, eid, lines):
        if self.limit is not None and self.count >= self.limit:
            return
        if self.fmt:
            if self.dense:
                lines = tighten(eid, lines)
            self.emit(f"  {eid}:\n" + "".join(f"    {ln}\n" for ln in lines))
        else:
            self.count += 1

    def att(self, g):
        return f"attendees: [group:{self.team(g)}]"

    @staticmethod
    def team(g):
        return f"team-{g + 1:04d}"

    def day(self, g, d, date, block, move, dinner, saturday):
        m = self.m
        rng = m.rng
        fmt = self.fmt
        city = CIRCUIT[(g + block) % 6]
        j = g // 6
        iso = date.isoformat()
        team = self.team(g)
        pre = f"{iso}.{team}"
        off = d * 7 + block
        W = m.W
        hotels = m.hotels[city]
        hotel = hotels[j // 4]
        salon = hotel.rooms[j % 4][0]

        # stay for the whole block, emitted on the block's first day
        if d == 2 * block and W > 1:
            last_block = 2 * (block + 1) >= W
            if fmt:
                start = f"{iso} 12:00" if block == 0 else f"{iso} 14:30"
                end = f"{m.days[-1].isoformat()} 21:30" if last_block else f"{m.days[2 * block + 2].isoformat()} 06:45"
                self.e(f"stay.{team}.{block + 1}", [
                    "kind: stay", f"title: {hotel.name}, {CITIES[city][0]}",
                    f"start: {start}", f"end: {end}", f"venue: {hotel.id}", self.att(g)])
            else:
                self.count += 1

        if move:
            prev = CIRCUIT[(g + block - 1) % 6]
            mode, carrier, refp, minutes, frm, to = LEGS[(prev, city)]
            if fmt:
                self.e(f"{pre}.travel", [
                    "kind: travel", f"title: {mode.capitalize()} {CITIES[prev][0]} to {CITIES[city][0]}",
                    f"start: {iso} 08:00", f"duration: {dur(minutes)}", f"from: {frm}", f"to: {to}",
                    f"mode: {mode}", f"carrier: {carrier}", f"reference: {refp} {100 + (g * 7 + d) % 900}",
                    self.att(g)])
            else:
                self.count += 1
        else:
            self.visit(g, d, city, j, off, pre, iso)
            self.meetings(g, d, city, j, off, pre, iso)

        # lunch
        rs = m.restos[city]
        cap = len(rs) * 3
        idx = ((0 if self.dense else j) + off) % cap
        rv = rs[idx // 3]
        if fmt:
            end = f"end: {iso} 14:00" if (g + d) % 4 == 0 else "end: 14:00" if (g + d) % 4 else "duration: 1h"
            self.e(f"{pre}.lunch", ["kind: meal", f"title: Lunch at {rv.name}", f"start: {iso} 13:00", end,
                                    f"venue: {rv.id}", f"room: {rv.rooms[idx % 3][0]}", self.att(g)])
        else:
            self.count += 1

        # afternoon session (or the B2B session on its day)
        if not (d == 1 and g in m.b2b_groups):
            cs = m.confs[city]
            capc = len(cs) * 8
            idx = ((0 if self.dense else j) + off) % capc
            cv = cs[idx // 8]
            if fmt:
                kind = ("workshop", "training", "presentation")[(g + d) % 3]
                topic = TOPICS[(g * 3 + d) % len(TOPICS)]
                lines = [f"kind: {kind}", f"title: {topic}",
                         f"start: {iso}T15:00" if (g + d) % 9 == 0 else f"start: {iso} 15:00",
                         "duration: PT1H30M" if (g + d) % 2 else "duration: 1h30m",
                         f"venue: {cv.id}", f"room: {cv.rooms[idx % 8][0]}"]
                contained = m.contained[g]
                if contained and (g + d) % 2 == 0:
                    covered = {p for oi in contained for p in m.orgs[oi].people}
                    rest = [m.people[p].id for p in m.members[g] if p not in covered]
                    lines.append("attendees: [" + ", ".join([f"org:{m.orgs[oi].id}" for oi in contained] + rest) + "]")
                else:
                    lines.append(self.att(g))
                lines.append(f"capacity: {cv.rooms[idx % 8][2]}")
                lines.append(f"language: {'fr' if CITIES[city][1] == 'MA' and g % 3 == 0 else 'en'}")
                if rng.random() < 0.006:
                    lines.append("status: tentative")
                if (g + d) % 11 == 0:
                    lines.append(f"x-budget-line: WS-{d + 1:02d}-{g + 1:04d}")
                self.e(f"{pre}.{kind}", lines)
            else:
                self.count += 1

        if saturday is not None:
            if fmt:
                self.e(f"{saturday.isoformat()}.{team}.free", [
                    "kind: free", f"title: Free morning in {CITIES[city][0]}",
                    f"start: {saturday.isoformat()} 10:00", "end: 13:00", f"venue: {hotel.id}", self.att(g)])
            else:
                self.count += 1

        if dinner:
            idx = (j + off + 5) % cap
            rv = rs[idx // 3]
            if fmt:
                kind = "reception" if (g + d) % 4 == 0 else "meal"
                title = f"Reception at {rv.name}" if kind == "reception" else f"Dinner at {rv.name}"
                lines = [f"kind: {kind}", f"title: {title}", f"start: {iso} 19:30", "end: 20:45",
                         f"venue: {rv.id}", f"room: {rv.rooms[idx % 3][0]}", self.att(g)]
                if (g + d) % 5 == 0:
                    lines.append("notes: Dress code business casual; vegetarian and halal menus ordered")
                self.e(f"{pre}.dinner", lines)
            else:
                self.count += 1
        else:
            if fmt:
                kind = "other" if (g + d) % 13 == 0 else "briefing"
                title = "Group photo and press point" if kind == "other" else "Daily briefing"
                end = f"end: {iso} 18:00" if (g + d) % 3 == 0 else "end: 18:00" if (g + d) % 3 == 1 else "duration: 45m"
                self.e(f"{pre}.briefing", [f"kind: {kind}", f"title: {title}", f"start: {iso} 17:15", end,
                                           f"venue: {hotel.id}", f"room: {salon}", self.att(g)])
            else:
                self.count += 1
            if m.leads[g]:
                if fmt:
                    self.e(f"{pre}.debrief", ["kind: meeting", "title: Heads of delegation debrief",
                                              f"start: {iso} 18:00", "duration: 30m",
                                              f"venue: {hotel.id}", f"room: {salon}",
                                              f"attendees: [group:{team}-leads]"])
                else:
                    self.count += 1

    def host_slot(self, city, k, need, off):
        """The (organisation, host person, room) for the k-th user of a time slot in a city."""
        slots = self.m.host_slots[city]
        n = len(slots)
        if need <= n:
            return slots[(k + off) % n]  # rotate, so teams see different companies every day
        return slots[k] if k < n else None

    def visit(self, g, d, city, j, off, pre, iso):
        m = self.m
        if not self.fmt:
            self.count += 1
            return
        slot = self.host_slot(city, j, m.gmax, off)
        if slot is not None:
            oi, hp, room = slot
            org = m.orgs[oi]
            lines = ["kind: visit", f"title: Visit to {org.name}", f"start: {iso} 09:00",
                     "end: 10:30" if (g + d) % 3 else f"end: {iso} 10:30",
                     f"venue: {org.venue}", f"room: {room}", f"organisation: {org.id}"]
            att = [f"group:{self.team(g)}"]
            self.visits += 1
            if m.G > 1 and self.period and self.visits % self.period == self.period // 2:
                other = m.members[(g + 1) % m.G]
                if other:
                    att.append(m.people[other[0]].id)  # is in another city at this very time
                    self.injected += 1
            lines.append("attendees: [" + ", ".join(att) + "]")
            lines.append(f"hosts: [{m.people[hp].id}]")
            if m.interpreters[g] is not None:
                lines.append(f"interpreters: [{m.people[m.interpreters[g]].id}]")
            if m.rng.random() < 0.003:
                lines.append("status: cancelled")
            elif m.rng.random() < 0.004:
                lines.append("status: tentative")
        else:
            self.stats["fallback_visits"] += 1
            cs = m.confs[city]
            idx = (j + off) % (len(cs) * 8)
            cv = cs[idx // 8]
            lines = ["kind: presentation", f"title: {CITIES[city][0]} investment climate",
                     f"start: {iso} 09:00", "end: 10:30", f"venue: {cv.id}", f"room: {cv.rooms[idx % 8][0]}",
                     self.att(g)]
        self.e(f"{pre}.visit", lines)

    def meetings(self, g, d, city, j, off, pre, iso):
        m = self.m
        mem = m.members[g]
        halves = [mem[0::2], mem[1::2]] if len(mem) > 1 else [mem]
        if not self.fmt:
            self.count += len(halves)
            return
        for h, half in enumerate(halves):
            k = 2 * j + h
            ids = ", ".join(m.people[p].id for p in half)
            slot = self.host_slot(city, k, 2 * m.gmax, off)
            if slot is not None:
                oi, hp, room = slot
                org = m.orgs[oi]
                lines = ["kind: meeting", f"title: Meeting with {org.name}", f"start: {iso} 11:15",
                         "duration: 1h" if (g + h) % 2 else "end: 12:15",
                         f"venue: {org.venue}", f"room: {room}", f"organisation: {org.id}",
                         f"attendees: [{ids}]", f"hosts: [{m.people[hp].id}]"]
                if m.rng.random() < 0.004:
                    lines.append("status: tentative")
            else:
                self.stats["fallback_meetings"] += 1
                cs = m.confs[city]
                capc = len(cs) * 8
                idx = (k + off) % capc
                cv = cs[idx // 8]
                lines = ["kind: meeting", "title: Delegation working session", f"start: {iso} 11:15",
                         "end: 12:15", f"venue: {cv.id}", f"room: {cv.rooms[idx % 8][0]}", f"attendees: [{ids}]"]
            self.e(f"{pre}.meeting-{'ab'[h]}", lines)


# Dense mode (--dense): the same programme with no slack, for measuring `check` when it has
# about one finding per event. Each team's day runs back to back across venues (MC102 at the
# meetings, lunch, the afternoon session and the briefing), and every team in a city lunches
# and holds its session in one room (MC201). Only the lines below change, so the file keeps
# the default's ids, people and references.
TIGHT = {
    "meeting-a": {"start": "10:30", "duration: 1h": "duration: 1h45m"},
    "meeting-b": {"start": "10:30", "duration: 1h": "duration: 1h45m"},
    "lunch": {"start": "12:15", "duration: 1h": "duration: 1h45m"},
    "workshop": {"start": "14:00"},
    "training": {"start": "14:00"},
    "presentation": {"start": "14:00"},
    "briefing": {"start": "15:30"},
}


def tighten(eid: str, lines: list[str]) -> list[str]:
    """The event's lines with its start moved to the end of the event before it."""
    change = TIGHT.get(eid.rsplit(".", 1)[-1])
    if change is None:
        return lines
    out = []
    for ln in lines:
        if ln.startswith("start: "):
            ln = ln[:-5] + change["start"]  # keep the date and its separator (space or T)
        out.append(change.get(ln, ln))
    return out


# ----------------------------------------------------------------------------- writing


def q(s: str) -> str:
    """Quote a text value only where plain YAML would break."""
    if re.search(r": |\s#|^[-?:,\[\]{}#&*!|>'\"%@`]|^\s|\s$", s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


#: The default rate of injected double bookings, per event (`--conflicts`); the header names
#: another rate only.
CONFLICTS = 0.001

#: What the generated files hold, as a number: raised with every change that alters the missions
#: written for the same options (2: at most 10 working days, so 100k is ten times 10k's teams;
#: see n_working_days). The header names it, and `--if-stale` regenerates a file of another
#: layout, so that benchmarks/run.py never measures a file left by an older generator.
LAYOUT = 2


def header_line(n_events: int, seed: int, conflict_rate: float = CONFLICTS,
                dense: bool = False) -> str:
    """The file's second line: how to make it again, and its layout."""
    options = f"--events {n_events} --seed {seed}"
    if conflict_rate != CONFLICTS:
        options += f" --conflicts {conflict_rate}"
    if dense:
        options += " --dense"
    return (f"# Synthetic benchmark mission: generated by benchmarks/generate.py {options} "
            f"(layout {LAYOUT}). Do not edit.\n")


def is_current(path: Path, n_events: int, seed: int, conflict_rate: float, dense: bool) -> bool:
    """Whether `path` is a file this generator would write for these options (by its header)."""
    try:
        with path.open(encoding="utf-8") as f:
            f.readline()
            return f.readline() == header_line(n_events, seed, conflict_rate, dense)
    except (OSError, UnicodeDecodeError):
        return False


def write_header(m: Model, out: list[str], dense: bool = False):
    a = out.append
    first, last = m.days[0], m.days[-1]
    a("# yaml-language-server: $schema=https://example.org/missionctl/mission-1.schema.json\n")
    a(header_line(m.n_events, m.seed, m.conflict_rate, dense))
    a("missionctl: 1\n\nmission:\n")
    a("  id: ma-pt-mobility-2027\n")
    a("  title: Morocco-Portugal mobility and industry mission 2027\n")
    a(f"  organiser: {m.orgs[m.agency].id}\n")
    a("  host_country: MA\n  timezone: Africa/Casablanca\n")
    a(f"  start: {first.isoformat()}\n  end: {last.isoformat()}\n")
    a("  languages: [en, fr, pt, ar]\n")
    a(f"  contact: {m.people[m.contact].id}\n")
    a("  description: >-\n    Delegations from Portugal, Morocco, Spain, France and Norway visit suppliers,\n"
      "    clusters and investment agencies in six cities, with a B2B session in Casablanca.\n")
    a("  website: https://mission.example/ma-pt-2027\n\n")
    a("checks:\n  fail_on: error\n  max_day: 12h\n  working_hours: \"08:30-18:30\"\n"
      "  friday_prayer: \"12:30-14:30\"\n  severity: {MC106: info}\n"
      "  travel:\n    urban_kmh: 25\n    intercity_kmh: 80\n    road_factor: 1.3\n"
      "    buffer: 15m\n    same_city: 30m\n\n")


def write_orgs(m: Model, out: list[str]):
    a = out.append
    a("organisations:\n")
    for i, o in enumerate(m.orgs):
        s = f"  {o.id}:\n    name: {q(o.name)}\n    country: {o.country}\n    type: {o.type}\n    sector: {o.sector}\n"
        if o.city:
            s += f"    city: {CITIES[o.city][0]}\n"
        s += f"    website: https://{o.id}.example\n"
        if i % 3 == 0:
            city = o.city or ("lisbon" if o.country == "PT" else "casablanca")
            if o.country in ("PT", "MA"):
                s += f"    phone: {CITIES[city][5]} 000 {i % 1000:03d}\n"
        if i % 4 == 1:
            s += f"    email: contact@{o.id}.example\n"
        a(s)
    a("\n")


def write_people(m: Model, out: list[str]):
    a = out.append
    a("people:\n")
    arrival = f"{m.days[0].isoformat()} 07:00"
    departure = f"{m.days[-1].isoformat()} 23:00"
    for p in m.people:
        s = f"  {p.id}:\n    name: {p.name}\n"
        if p.org is not None:
            s += f"    organisation: {m.orgs[p.org].id}\n"
        s += f"    role: {p.role}\n"
        if p.side != "delegate" or len(p.id) % 3 == 0:
            s += f"    side: {p.side}\n"
        if p.email:
            s += f"    email: {p.email}\n"
        if p.phone:
            s += f"    phone: {p.phone}\n"
        s += f"    languages: {p.langs}\n"
        if p.stay_dates:
            s += f"    arrival: {arrival}\n    departure: {departure}\n"
        if p.group >= 0 and p.group % 2 == 1:
            s += f"    groups: [{Plan.team(p.group)}]\n"
        if p.diet:
            s += f"    dietary: {p.diet}\n"
        if p.private:
            s += "    private: [phone]\n"
        a(s)
    a("\n")


def write_groups(m: Model, out: list[str]):
    a = out.append
    a("groups:\n")
    for g in range(m.G):
        t = Plan.team(g)
        city = CITIES[CIRCUIT[g % 6]][0]
        s = f"  {t}:\n    name: Team {g + 1} (starts in {city})\n"
        if g % 2 == 0:
            covered = {p for oi in m.contained[g] for p in m.orgs[oi].people}
            refs = [f"org:{m.orgs[oi].id}" for oi in m.contained[g]]
            refs += [m.people[p].id for p in m.members[g] if p not in covered]
            s += "    members:\n" + "".join(f"      - {r}\n" for r in refs)
        a(s)
        if m.leads[g]:
            a(f"  {t}-leads:\n    name: Team {g + 1} heads of delegation\n"
              f"    members: [{', '.join(m.people[p].id for p in m.leads[g])}]\n")
    leads = [g for g in range(m.G) if m.leads[g]]
    if leads:
        a("  heads-of-delegation:\n    name: All heads of delegation\n    members:\n")
        a("".join(f"      - group:{Plan.team(g)}-leads\n" for g in leads))
    a("\n")


def write_venues(m: Model, out: list[str]):
    a = out.append
    a("venues:\n")
    for i, v in enumerate(m.venues):
        name, country, zone = CITIES[v.city][0], CITIES[v.city][1], CITIES[v.city][2]
        s = f"  {v.id}:\n    name: {q(v.name)}\n"
        if v.address:
            s += f"    address: {q(v.address)}\n"
        s += f"    city: {name}\n    country: {country}\n    geo: [{v.lat}, {v.lon}]\n"
        if country == "PT" or i % 5 == 0:
            s += f"    timezone: {zone}\n"
        if v.hours == "conf":
            s += '    hours: {mon-fri: "08:00-20:00", sat-sun: closed}\n'
        elif v.hours == "site":
            s += "    hours:\n      mon-fri: 08:30-18:30\n      sat: \"09:00-13:00\"\n      sun: closed\n"
        elif v.hours:
            s += f"    hours: \"{v.hours}\"\n"
        if v.rooms:
            s += "    rooms:\n" + "".join(f"      {r}: {{name: {n}, capacity: {c}}}\n" for r, n, c in v.rooms)
            if i % 2 == 0:
                s += f"    capacity: {sum(c for _, _, c in v.rooms)}\n"
        if v.phone:
            s += f"    phone: {v.phone}\n"
        a(s)
    a("\n")


def write_b2b(m: Model, out: list[str]):
    b = m.b2b
    if not b:
        return
    a = out.append
    org = lambda oi: m.orgs[oi].id  # noqa: E731
    a("b2b:\n  casablanca-matchmaking:\n    title: B2B matchmaking, Casablanca\n")
    a(f"    venue: {m.b2b_venue.id}\n    room: ballroom\n    date: {b['day'].isoformat()}\n")
    a('    start: "15:00"\n    end: 16:30\n    slot: 25m\n    gap: 5m\n')
    a(f"    tables: {b['tables']}\n")
    parts = [f"group:{Plan.team(g)}" for g in b["groups"]] + [f"org:{org(oi)}" for oi in b["hosts"]]
    a("    participants: [" + ", ".join(parts) + "]\n")
    a("    requests:\n")
    for x, y, pr in b["requests"]:
        a(f"      - {{from: {org(x)}, to: {org(y)}, priority: {pr}}}\n")
    a("    meetings:\n")
    for i, (at, table, x, y) in enumerate(b["meetings"]):
        at_s = f'"{at}"' if i % 2 else at
        a(f"      - {{at: {at_s}, table: {table}, between: [{org(x)}, {org(y)}]}}\n")
    a("\n")


def haversine_km(lat1, lon1, lat2, lon2):
    r = math.radians
    dlat, dlon = r(lat2 - lat1), r(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def write_travel_times(m: Model, out: list[str]):
    a = out.append
    a("travel_times:\n")
    for hid, (_, city, hlat, hlon) in HUBS.items():
        for i, hv in enumerate(m.hotels[city]):
            km = haversine_km(hlat, hlon, hv.lat, hv.lon)
            minutes = min(45, 5 + round(km * 1.4 / 30 * 60))
            mode = "taxi" if i % 3 else "car"
            one = ", oneway: true" if i % 7 == 3 else ""
            a(f"  - {{from: {hid}, to: {hv.id}, duration: {minutes}m, mode: {mode}{one}}}\n")
    a("  - {from: casa-voyageurs-station, to: anfa-business-hotel, duration: 20m, mode: taxi}\n")
    a("\n")


def generate(n_events: int, seed: int = 1, conflict_rate: float = CONFLICTS,
             dense: bool = False) -> tuple[str, dict]:
    if n_events < 1:
        raise SystemExit("--events must be at least 1")
    W = n_working_days(n_events)
    G = max(1, round(n_events / (6.4 * W)))
    # find the smallest team count whose full programme has at least n_events events
    tried: dict[int, int] = {}

    def count(g):
        if g not in tried:
            p = Plan(Model(n_events, seed, g, conflict_rate), fmt=False)
            p.run()
            tried[g] = p.count
        return tried[g]

    while count(G) < n_events:
        G = max(G + 1, math.ceil(G * n_events / count(G)))
    while G > 1 and count(G - 1) >= n_events:
        G = max(1, min(G - 1, math.floor(G * n_events / count(G))))
        while count(G) < n_events:
            G += 1
    model = Model(n_events, seed, G, conflict_rate)
    plan = Plan(model, fmt=True, dense=dense)
    plan.run(limit=n_events)
    out: list[str] = []
    write_header(model, out, dense)
    write_orgs(model, out)
    write_people(model, out)
    write_groups(model, out)
    write_venues(model, out)
    write_b2b(model, out)
    write_travel_times(model, out)
    out.append("events:\n")
    out.extend(plan.out)
    info = {
        "events": plan.count, "b2b_meetings": len(model.b2b["meetings"]) if model.b2b else 0,
        "people": len(model.people), "organisations": len(model.orgs), "teams": G,
        "groups": G + sum(1 for x in model.leads if x) + (1 if any(model.leads) else 0),
        "venues": len(model.venues), "working_days": W,
        "dates": f"{model.days[0]}..{model.days[-1]}", "injected_conflicts": plan.injected,
        **plan.stats,
    }
    return "".join(out), info


# ----------------------------------------------------------------------------- verification

KINDS = {"visit", "meeting", "workshop", "training", "presentation", "briefing", "meal", "reception",
         "travel", "stay", "free", "other"}
BUSINESS = {"visit", "meeting", "workshop", "training", "presentation"}
MODES = {"flight", "train", "coach", "car", "taxi", "ferry", "walk"}
SIDES = {"delegate", "host", "organiser", "speaker", "interpreter", "guest", "crew"}
ORG_TYPES = {"company", "cluster", "association", "institution", "government", "embassy", "agency",
             "university", "hotel", "transport", "other"}
TOP_KEYS = {"missionctl", "mission", "include", "organisations", "people", "groups", "venues", "events",
            "b2b", "travel_times", "checks"}
DT_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$")
HM_RE = re.compile(r"^(\d{2}):(\d{2})$")
DUR_RE = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?$")
ISO_DUR_RE = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?$")


def parse_duration(s: str) -> int | None:
    mm = DUR_RE.match(s) or ISO_DUR_RE.match(s)
    if not mm or not (mm.group(1) or mm.group(2)):
        return None
    return int(mm.group(1) or 0) * 60 + int(mm.group(2) or 0)


def verify(path: Path, deep: bool = True) -> int:
    """Self-check a mission file: format-level validity (what MC0xx is about) and, with
    ``deep``, an estimate of the schedule findings (double bookings, tight transfers, rooms)."""
    import zoneinfo

    import yaml

    zoneinfo.reset_tzpath([])  # the tzdata package alone, like missionctl (host zone files may be older)

    t0 = time.perf_counter()
    text = path.read_text(encoding="utf-8")
    Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    loader = Loader(text)
    errors: list[str] = []

    def err(msg):
        if len(errors) < 200:
            errors.append(msg)
        else:
            errors.append("...")

    try:
        node = loader.get_single_node()
        # duplicate keys anywhere (BaseLoader would merge them silently)
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, yaml.MappingNode):
                seen = set()
                for k, v in n.value:
                    if k.value in seen:
                        err(f"duplicate key {k.value!r} at line {k.start_mark.line + 1}")
                    seen.add(k.value)
                    stack.append(v)
            elif isinstance(n, yaml.SequenceNode):
                stack.extend(n.value)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    t_parse = time.perf_counter() - t0

    if not isinstance(data, dict):
        print("FAIL: not a mapping")
        return 1
    for k in data:
        if k not in TOP_KEYS and not k.startswith("x-"):
            err(f"unknown top-level key {k}")
    if data.get("missionctl") != "1":
        err("missionctl: must be 1")
    orgs = data.get("organisations", {})
    people = data.get("people", {})
    groups = data.get("groups", {})
    venues = data.get("venues", {})
    events = data.get("events", {})
    b2b = data.get("b2b", {})
    mission = data.get("mission", {})
    for coll_name in ("organisations", "people", "groups", "venues", "events", "b2b"):
        for k in data.get(coll_name, {}):
            if not ID_RE.match(k):
                err(f"{coll_name}: bad id {k!r}")
    for f in ("id", "title", "host_country", "timezone", "start", "end"):
        if f not in mission:
            err(f"mission.{f} missing")
    m_start = dt.date.fromisoformat(mission["start"])
    m_end = dt.date.fromisoformat(mission["end"])
    if m_end < m_start:
        err("mission.end before start")
    mzone = zoneinfo.ZoneInfo(mission["timezone"])
    if "organiser" in mission and mission["organiser"] not in orgs:
        err("mission.organiser unknown")
    if "contact" in mission and mission["contact"] not in people:
        err("mission.contact unknown")

    for oid, o in orgs.items():
        if "name" not in o:
            err(f"organisation {oid}: no name")
        if o.get("type", "other") not in ORG_TYPES:
            err(f"organisation {oid}: bad type")
        if not re.match(r"^[A-Z]{2}$", o.get("country", "XX")):
            err(f"organisation {oid}: bad country")
    members_of_org: dict[str, list[str]] = {}
    group_direct: dict[str, list[str]] = {g: [] for g in groups}
    for pid, p in people.items():
        if "name" not in p:
            err(f"person {pid}: no name")
        if "organisation" in p:
            if p["organisation"] not in orgs:
                err(f"person {pid}: unknown organisation")
            members_of_org.setdefault(p["organisation"], []).append(pid)
        if p.get("side", "delegate") not in SIDES:
            err(f"person {pid}: bad side")
        for g in p.get("groups", []):
            if g not in groups:
                err(f"person {pid}: unknown group {g}")
            else:
                group_direct[g].append(pid)
        for f in ("arrival", "departure"):
            if f in p and not DT_RE.match(p[f]):
                err(f"person {pid}: bad {f}")
        if "email" not in p and "phone" not in p:
            err(f"person {pid}: unreachable (MC402)")
        for lang in p.get("languages", []):
            if not re.match(r"^[a-z]{2}$", lang):
                err(f"person {pid}: bad language {lang}")

    def check_ref(ref, where):
        if ref.startswith("group:"):
            if ref[6:] not in groups:
                err(f"{where}: unknown group {ref}")
        elif ref.startswith("org:"):
            if ref[4:] not in orgs:
                err(f"{where}: unknown org {ref}")
        elif ref not in people:
            err(f"{where}: unknown person {ref}")

    for gid, g in groups.items():
        for ref in g.get("members", []):
            check_ref(ref, f"group {gid}")
    # expand groups (and detect cycles)
    expanded: dict[str, frozenset] = {}
    state: dict[str, int] = {}

    def expand_group(gid):
        if gid in expanded:
            return expanded[gid]
        if state.get(gid) == 1:
            err(f"group cycle through {gid}")
            return frozenset()
        state[gid] = 1
        res = set(group_direct.get(gid, []))
        for ref in groups[gid].get("members", []):
            res |= expand_ref(ref)
        state[gid] = 2
        expanded[gid] = frozenset(res)
        return expanded[gid]

    def expand_ref(ref):
        if ref.startswith("group:"):
            return expand_group(ref[6:]) if ref[6:] in groups else frozenset()
        if ref.startswith("org:"):
            return frozenset(members_of_org.get(ref[4:], ()))
        return frozenset([ref]) if ref in people else frozenset()

    for gid in groups:
        expand_group(gid)
    in_groups: dict[str, int] = {}
    for gid, mem in expanded.items():
        if gid == "heads-of-delegation":
            continue
        for pid in mem:
            in_groups[pid] = in_groups.get(pid, 0) + 1

    zones = {}
    for vid, v in venues.items():
        if "name" not in v:
            err(f"venue {vid}: no name")
        geo = v.get("geo")
        if geo is not None:
            lat, lon = float(geo[0]), float(geo[1])
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                err(f"venue {vid}: bad geo")
        zones[vid] = zoneinfo.ZoneInfo(v["timezone"]) if "timezone" in v else mzone
        for rid, r in v.get("rooms", {}).items():
            if not ID_RE.match(rid):
                err(f"venue {vid}: bad room id {rid}")
            int(r.get("capacity", "0"))

    def parse_dt(s, zone):
        mm = DT_RE.match(s)
        if not mm:
            return None
        d = dt.date.fromisoformat(mm.group(1))
        x = dt.datetime(d.year, d.month, d.day, int(mm.group(2)), int(mm.group(3)), int(mm.group(4) or 0))
        if mm.group(5):
            off = mm.group(5)
            x = x.replace(tzinfo=dt.UTC if off == "Z" else dt.timezone(
                dt.timedelta(hours=int(off[:3]), minutes=int(off[0] + off[4:]))))
        else:
            x = x.replace(tzinfo=zone)
        return x

    UTC = dt.UTC
    intervals: dict[str, list] = {}   # person -> [(start, end, place_start, place_end, eid, kind)]
    rooms_used: dict[tuple, list] = {}
    n_checked = 0
    kinds: dict[str, int] = {}
    for eid, e in events.items():
        n_checked += 1
        where = f"event {eid}"
        kind = e.get("kind")
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind not in KINDS:
            err(f"{where}: bad kind {kind}")
        if "title" not in e:
            err(f"{where}: no title")
        for f in ("venue", "from", "to"):
            if f in e and e[f] not in venues:
                err(f"{where}: unknown {f} {e[f]}")
        if "room" in e and e["room"] not in venues.get(e.get("venue"), {}).get("rooms", {}):
            err(f"{where}: unknown room {e['room']}")
        if kind == "travel" and e.get("mode") not in MODES:
            err(f"{where}: bad mode")
        if "organisation" in e and e["organisation"] not in orgs:
            err(f"{where}: unknown organisation")
        for f in ("attendees", "hosts"):
            for ref in e.get(f, []):
                check_ref(ref, where)
        for ref in e.get("interpreters", []):
            if ref not in people:
                err(f"{where}: unknown interpreter {ref}")
        if e.get("status", "confirmed") not in ("confirmed", "tentative", "cancelled"):
            err(f"{where}: bad status")
        zone = zones[e["from"]] if kind == "travel" else zones.get(e.get("venue"), mzone)
        start = parse_dt(e.get("start", ""), zone)
        if start is None:
            err(f"{where}: bad start")
            continue
        if ("end" in e) == ("duration" in e):
            err(f"{where}: needs exactly one of end/duration (MC007)")
            continue
        if "duration" in e:
            minutes = parse_duration(e["duration"])
            if minutes is None:
                err(f"{where}: bad duration")
                continue
            end = (start.astimezone(UTC) + dt.timedelta(minutes=minutes))
        else:
            s = e["end"]
            hmm = HM_RE.match(s)
            if hmm:
                ezone = zones[e["to"]] if kind == "travel" else start.tzinfo
                local_date = start.astimezone(ezone).date() if kind == "travel" else start.date()
                end = dt.datetime(local_date.year, local_date.month, local_date.day, int(hmm.group(1)),
                                  int(hmm.group(2)), tzinfo=ezone)
            else:
                end = parse_dt(s, zones[e["to"]] if kind == "travel" else zone)
                if end is None:
                    err(f"{where}: bad end")
                    continue
        if end <= start:
            err(f"{where}: end not after start (MC007)")
        if not (m_start <= start.date() <= m_end):
            err(f"{where}: outside the mission dates")
        if "capacity" in e:
            int(e["capacity"])
        if not deep or e.get("status") == "cancelled":
            continue
        s_utc, e_utc = start.astimezone(UTC), end.astimezone(UTC)
        if kind not in ("stay", "free") and "venue" in e:
            rooms_used.setdefault((e["venue"], e.get("room")), []).append((s_utc, e_utc, eid))
        who = set()
        for f in ("attendees", "hosts"):
            for ref in e.get(f, []):
                who |= expand_ref(ref)
        who.update(r for r in e.get("interpreters", []) if r in people)
        if not who:
            err(f"{where}: nobody attends (MC405)")
        p_start = e.get("from") if kind == "travel" else e.get("venue")
        p_end = e.get("to") if kind == "travel" else e.get("venue")
        for pid in who:
            intervals.setdefault(pid, []).append((s_utc, e_utc, p_start, p_end, eid, kind))

    # b2b
    for sid, s in b2b.items():
        if s.get("venue") not in venues:
            err(f"b2b {sid}: unknown venue")
        for ref in s.get("participants", []):
            check_ref(ref, f"b2b {sid}")
        part_people = set()
        for ref in s.get("participants", []):
            part_people |= expand_ref(ref)
        part_orgs = {people[p].get("organisation") for p in part_people}
        for r in s.get("requests", []):
            if r["from"] not in orgs or r["to"] not in orgs:
                err(f"b2b {sid}: request names an unknown organisation")
        slot, gap = parse_duration(s["slot"]), parse_duration(s["gap"])
        s0 = HM_RE.match(s["start"])
        s1 = HM_RE.match(s["end"])
        t_start = int(s0.group(1)) * 60 + int(s0.group(2))
        t_end = int(s1.group(1)) * 60 + int(s1.group(2))
        per_slot: dict[str, set] = {}
        date = dt.date.fromisoformat(s["date"])
        vz = zones[s["venue"]]
        for mt in s.get("meetings", []):
            at = HM_RE.match(mt["at"])
            t = int(at.group(1)) * 60 + int(at.group(2))
            if (t - t_start) % (slot + gap) or t < t_start or t + slot > t_end:
                err(f"b2b {sid}: meeting at {mt['at']} off the grid")
            if not (1 <= int(mt["table"]) <= int(s["tables"])):
                err(f"b2b {sid}: bad table")
            used = per_slot.setdefault(mt["at"], set())
            for key in [("t", mt["table"])] + [("o", o) for o in mt["between"]]:
                if key in used:
                    err(f"b2b {sid}: {key} used twice at {mt['at']}")
                used.add(key)
            for o in mt["between"]:
                if o not in orgs:
                    err(f"b2b {sid}: unknown organisation {o}")
                elif o not in part_orgs:
                    err(f"b2b {sid}: {o} is not a participant")
            if deep:
                st = dt.datetime(date.year, date.month, date.day, t // 60, t % 60, tzinfo=vz).astimezone(UTC)
                en = st + dt.timedelta(minutes=slot)
                for o in mt["between"]:
                    for pid in members_of_org.get(o, ()):
                        if pid not in part_people:
                            continue
                        intervals.setdefault(pid, []).append(
                            (st, en, s["venue"], s["venue"], f"{sid}.{mt['at']}.{mt['table']}", "meeting"))
        if deep:
            ws = dt.datetime(date.year, date.month, date.day, t_start // 60, t_start % 60, tzinfo=vz)
            we = dt.datetime(date.year, date.month, date.day, t_end // 60, t_end % 60, tzinfo=vz)
            rooms_used.setdefault((s["venue"], s.get("room")), []).append(
                (ws.astimezone(UTC), we.astimezone(UTC), f"b2b {sid}"))
    for tt in data.get("travel_times", []):
        if tt["from"] not in venues or tt["to"] not in venues:
            err("travel_times: unknown venue")
        if parse_duration(tt["duration"]) is None:
            err("travel_times: bad duration")

    t_check = time.perf_counter() - t0 - t_parse
    print(f"{path}: {len(text) / 1e6:.1f} MB, parsed in {t_parse:.1f} s (C BaseLoader), "
          f"checked in {t_check:.1f} s")
    print(f"  {len(events)} events ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}), "
          f"{sum(len(s.get('meetings', [])) for s in b2b.values())} B2B meetings, {len(people)} people, "
          f"{len(orgs)} organisations, {len(groups)} groups, {len(venues)} venues, "
          f"{len(data.get('travel_times', []))} travel_times, dates {m_start}..{m_end}")
    ng = [in_groups.get(pid, 0) for pid in people]
    print(f"  people in 0/1/2/3+ groups: {ng.count(0)}/{ng.count(1)}/{ng.count(2)}/"
          f"{sum(1 for x in ng if x >= 3)}")

    if deep:
        tr = data.get("checks", {}).get("travel", {})
        urban = float(tr.get("urban_kmh", 25))
        inter = float(tr.get("intercity_kmh", 80))
        factor = float(tr.get("road_factor", 1.3))
        buffer = parse_duration(tr.get("buffer", "15m"))
        same_city = parse_duration(tr.get("same_city", "30m"))
        max_day = parse_duration(data.get("checks", {}).get("max_day", "12h"))
        tt_map = {}
        for tt in data.get("travel_times", []):
            tt_map[(tt["from"], tt["to"])] = parse_duration(tt["duration"])
            if tt.get("oneway") != "true":
                tt_map.setdefault((tt["to"], tt["from"]), parse_duration(tt["duration"]))

        def transfer(a, b):
            if (a, b) in tt_map:
                return tt_map[(a, b)] + buffer
            va, vb = venues[a], venues[b]
            if "geo" not in va or "geo" not in vb:
                return same_city + buffer if va.get("city") == vb.get("city") else None
            km = haversine_km(float(va["geo"][0]), float(va["geo"][1]), float(vb["geo"][0]), float(vb["geo"][1]))
            return km * factor / (urban if km < 15 else inter) * 60 + buffer

        double = tight = long_days = 0
        examples = []
        for pid, ivs in intervals.items():
            busy = sorted(x for x in ivs if x[5] not in ("stay", "free"))
            for i in range(1, len(busy)):
                a, b = busy[i - 1], busy[i]
                if b[0] < a[1]:
                    double += 1
                    if len(examples) < 3:
                        examples.append(f"MC101 {pid}: {a[4]} / {b[4]}")
                elif a[3] and b[2] and a[3] != b[2]:
                    need = transfer(a[3], b[2])
                    if need is not None and (b[0] - a[1]).total_seconds() / 60 < need:
                        tight += 1
                        if len(examples) < 6:
                            examples.append(f"MC102 {pid}: {a[4]} -> {b[4]} needs {need:.0f} min")
            per_day: dict = {}
            for s, e_, *_ in busy:
                day = s.astimezone(mzone).date()
                lo, hi = per_day.get(day, (s, e_))
                per_day[day] = (min(lo, s), max(hi, e_))
            long_days += sum(1 for lo, hi in per_day.values() if (hi - lo).total_seconds() / 60 > max_day)
        room_clash = 0
        for key, ivs in rooms_used.items():
            ivs.sort()
            for i in range(1, len(ivs)):
                if ivs[i][0] < ivs[i - 1][1]:
                    room_clash += 1
                    if len(examples) < 9:
                        examples.append(f"MC201 {key}: {ivs[i - 1][2]} / {ivs[i][2]}")
        print(f"  schedule estimate: {double} person overlaps (MC101), {tight} tight transfers (MC102), "
              f"{long_days} long person-days (MC105), {room_clash} room clashes (MC201)")
        for x in examples:
            print(f"    e.g. {x}")
        print(f"  deep check took {time.perf_counter() - t0 - t_parse - t_check:.1f} s")
    if errors:
        print(f"FAIL: {len(errors)} format problems:")
        for x in errors[:30]:
            print(f"  - {x}")
        return 1
    print("  format: OK (ids valid and unique, every reference resolves, times and dates valid)")
    return 0


# ----------------------------------------------------------------------------- CLI


def parse_count(s: str) -> int:
    s = s.strip().lower()
    mult = 1
    if s.endswith("k"):
        mult, s = 1000, s[:-1]
    return int(float(s) * mult)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=parse_count, help="number of events (e.g. 1000, 10k, 100k)")
    ap.add_argument("--out", type=Path, help="output file (default benchmarks/out/mission-<N>.yaml)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--conflicts", type=float, default=CONFLICTS,
                    help="rate of deliberately injected double bookings, per event (default "
                         f"{CONFLICTS})")
    ap.add_argument("--dense", action="store_true",
                    help="no slack between a team's events and one shared lunch and session room per "
                         "city: about one finding per event, mostly MC102 and MC201 (default "
                         "file benchmarks/out/mission-<N>-dense.yaml)")
    ap.add_argument("--verify", action="store_true", help="self-check the written file")
    ap.add_argument("--verify-only", type=Path, metavar="FILE", help="only self-check FILE")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--if-stale", action="store_true",
                    help="write the file only if it is missing or was written for other options "
                         "or by an older layout of this generator (LAYOUT)")
    args = ap.parse_args(argv)
    if args.verify_only:
        return verify(args.verify_only)
    if not args.events:
        ap.error("--events is required")
    suffix = "-dense" if args.dense else ""
    out = args.out or HERE / "out" / f"mission-{label_for(args.events)}{suffix}.yaml"
    if args.if_stale and is_current(out, args.events, args.seed, args.conflicts, args.dense):
        return 0
    t0 = time.perf_counter()
    text, info = generate(args.events, args.seed, args.conflicts, args.dense)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    elapsed = time.perf_counter() - t0
    if not args.quiet:
        print(f"wrote {out} ({len(text.encode()) / 1e6:.2f} MB) in {elapsed:.2f} s: "
              + ", ".join(f"{k}={v}" for k, v in info.items()))
    if args.verify:
        return verify(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
