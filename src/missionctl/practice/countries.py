"""Local working practice per country, as data: weekend, Friday prayer, Ramadan hours,
emergency numbers.

Used by MC302 (weekend), MC303 (Friday prayer), MC304 (Ramadan hours) and by contact sheets.
The table holds what a delegation organiser plans around: the *official* working week of
offices and public administration. Private firms may differ (many Moroccan and Emirati firms
work a Saturday morning; many Gulf private firms kept Friday off); the checks only warn.

Weekend days are `datetime.date.weekday()` numbers: Monday 0 ... Friday 4, Saturday 5,
Sunday 6.

Sources (checked 2026; re-check when a country changes its working week):

* Weekends: Wikipedia "Workweek and weekend" (country table); Saudi Arabia moved from
  Thu-Fri to Fri-Sat by royal decree in June 2013; Algeria from Thu-Fri to Fri-Sat in August
  2009; the UAE federal government moved from Fri-Sat to Sat-Sun on 1 January 2022 (Friday
  a half day to 12:00, Friday prayer fixed at 13:15 all year, UAE Government Media Office,
  7 December 2021; Sharjah's government works Mon-Thu).
* Emergency numbers: Wikipedia "List of emergency telephone numbers"; EU Directive
  2018/1972 (European Electronic Communications Code) art. 109 for 112 in every member
  state; Morocco: DGSN (police 19, urban areas), Gendarmerie Royale (177, rural areas and
  highways), Protection Civile (15, fire and ambulance); Turkey: Ministry of the Interior,
  every emergency line merged into 112 across all 81 provinces by June 2021; Saudi Arabia:
  the unified 911 centre covers Riyadh, Makkah and the Eastern Province, the older 999
  (police), 997 (Red Crescent ambulance) and 998 (Civil Defence) still work elsewhere.
* Ramadan hours: each of the countries marked announces reduced official hours every year
  (e.g. Morocco's public administration works about 09:00-15:00); the hours themselves are
  configured per mission (`checks.ramadan_hours`), the table only says whether they apply.
"""

from __future__ import annotations

from typing import NamedTuple

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
SAT_SUN = frozenset({SAT, SUN})
FRI_SAT = frozenset({FRI, SAT})


class CountryPractice(NamedTuple):
    code: str
    """ISO 3166-1 alpha-2, upper case."""
    name: str
    weekend: frozenset[int]
    """Official weekly rest days, as `date.weekday()` numbers."""
    friday_prayer: bool
    """Whether offices pause for the Friday midday prayer (MC303 applies)."""
    ramadan_hours: bool
    """Whether official working hours are reduced during Ramadan (MC304 applies)."""
    emergency: tuple[tuple[str, str], ...]
    """(service, number) pairs, most useful first: "general" (one number for every
    service), "police", "gendarmerie", "ambulance", "fire", ..."""
    known: bool = True
    """False for the default entry given for a country the table does not hold."""
    note: str = ""


def _eu(code: str, name: str) -> CountryPractice:
    # EU member states: Saturday-Sunday weekend, and 112 reaches police, ambulance and fire
    # everywhere (EECC art. 109). National short numbers exist too; 112 is the one that works
    # for a visitor in every one of them.
    return CountryPractice(code, name, SAT_SUN, False, False, (("general", "112"),))


_TABLE: dict[str, CountryPractice] = {
    p.code: p
    for p in [
        CountryPractice(
            "MA",
            "Morocco",
            SAT_SUN,
            friday_prayer=True,
            ramadan_hours=True,
            emergency=(
                ("police", "19"),
                ("gendarmerie", "177"),
                ("ambulance", "15"),
                ("fire", "15"),
            ),
            note="Police 19 in towns, Gendarmerie Royale 177 in the countryside and on "
            "highways; 15 is the Protection Civile (fire and ambulance).",
        ),
        CountryPractice(
            "TN",
            "Tunisia",
            SAT_SUN,
            friday_prayer=True,
            ramadan_hours=True,
            emergency=(
                ("police", "197"),
                ("gendarmerie", "193"),
                ("ambulance", "190"),
                ("fire", "198"),
            ),
            note="Garde nationale 193; SAMU 190; Protection civile 198.",
        ),
        CountryPractice(
            "DZ",
            "Algeria",
            FRI_SAT,
            friday_prayer=True,
            ramadan_hours=True,
            emergency=(
                ("police", "17"),
                ("gendarmerie", "1055"),
                ("ambulance", "14"),
                ("fire", "14"),
            ),
            note="Friday-Saturday weekend since August 2009. 14 is the Protection civile "
            "(fire and ambulance); police also on 1548.",
        ),
        CountryPractice(
            "EG",
            "Egypt",
            FRI_SAT,
            friday_prayer=True,
            ramadan_hours=True,
            emergency=(
                ("police", "122"),
                ("ambulance", "123"),
                ("fire", "180"),
                ("tourist police", "126"),
            ),
        ),
        CountryPractice(
            "SA",
            "Saudi Arabia",
            FRI_SAT,
            friday_prayer=True,
            ramadan_hours=True,
            emergency=(
                ("general", "911"),
                ("police", "999"),
                ("ambulance", "997"),
                ("fire", "998"),
            ),
            note="Friday-Saturday weekend since June 2013. 911 is the unified number in "
            "Riyadh, Makkah and the Eastern Province; 999/997/998 elsewhere.",
        ),
        CountryPractice(
            "AE",
            "United Arab Emirates",
            SAT_SUN,
            friday_prayer=True,
            ramadan_hours=True,
            emergency=(("police", "999"), ("ambulance", "998"), ("fire", "997")),
            note="Saturday-Sunday weekend since 1 January 2022 (Friday-Saturday before); "
            "public offices close at 12:00 on Fridays and Friday prayer is at 13:15 all "
            "year. Sharjah's government works Monday-Thursday. Many private firms differ.",
        ),
        CountryPractice(
            "TR",
            "Türkiye",
            SAT_SUN,
            # A secular working week: offices do not close for Friday prayer, and there is no
            # official Ramadan timetable.
            friday_prayer=False,
            ramadan_hours=False,
            emergency=(("general", "112"),),
            note="112 replaced 155 (police), 156 (gendarmerie) and 110 (fire) in 2021.",
        ),
        CountryPractice(
            "SN",
            "Senegal",
            SAT_SUN,
            friday_prayer=True,
            # No national reduced-hours timetable for Ramadan is published; set
            # `checks.severity: {MC304: info}` and `ramadan_hours` per mission if a host asks.
            ramadan_hours=False,
            emergency=(
                ("police", "17"),
                ("gendarmerie", "800 00 20 20"),
                ("ambulance", "1515"),
                ("fire", "18"),
            ),
            note="Sapeurs-pompiers (18) also carry casualties; SAMU national 1515.",
        ),
        CountryPractice(
            "PT",
            "Portugal",
            SAT_SUN,
            friday_prayer=False,
            ramadan_hours=False,
            emergency=(("general", "112"),),
        ),
        CountryPractice(
            "ES",
            "Spain",
            SAT_SUN,
            friday_prayer=False,
            ramadan_hours=False,
            emergency=(("general", "112"), ("police", "091"), ("gendarmerie", "062")),
            note="091 Policía Nacional, 062 Guardia Civil.",
        ),
        CountryPractice(
            "FR",
            "France",
            SAT_SUN,
            friday_prayer=False,
            ramadan_hours=False,
            emergency=(
                ("general", "112"),
                ("police", "17"),
                ("ambulance", "15"),
                ("fire", "18"),
            ),
            note="15 is the SAMU; 114 by SMS for people who cannot speak.",
        ),
        CountryPractice(
            "DE",
            "Germany",
            SAT_SUN,
            friday_prayer=False,
            ramadan_hours=False,
            emergency=(("general", "112"), ("police", "110")),
            note="112 is fire and ambulance; police is 110.",
        ),
        CountryPractice(
            "GB",
            "United Kingdom",
            SAT_SUN,
            friday_prayer=False,
            ramadan_hours=False,
            emergency=(("general", "999"), ("general", "112")),
            note="Non-emergency: police 101, NHS 111.",
        ),
        CountryPractice(
            "US",
            "United States",
            SAT_SUN,
            friday_prayer=False,
            ramadan_hours=False,
            emergency=(("general", "911"),),
        ),
        *(
            _eu(code, name)
            for code, name in [
                ("AT", "Austria"),
                ("BE", "Belgium"),
                ("BG", "Bulgaria"),
                ("CY", "Cyprus"),
                ("CZ", "Czechia"),
                ("DK", "Denmark"),
                ("EE", "Estonia"),
                ("FI", "Finland"),
                ("GR", "Greece"),
                ("HR", "Croatia"),
                ("HU", "Hungary"),
                ("IE", "Ireland"),
                ("IT", "Italy"),
                ("LT", "Lithuania"),
                ("LU", "Luxembourg"),
                ("LV", "Latvia"),
                ("MT", "Malta"),
                ("NL", "Netherlands"),
                ("PL", "Poland"),
                ("RO", "Romania"),
                ("SE", "Sweden"),
                ("SI", "Slovenia"),
                ("SK", "Slovakia"),
            ]
        ),
    ]
}

DEFAULT = CountryPractice(
    code="",
    name="",
    # The most common official week worldwide; nothing else is assumed. No emergency number
    # is guessed: a wrong one on a contact sheet is worse than none.
    weekend=SAT_SUN,
    friday_prayer=False,
    ramadan_hours=False,
    emergency=(),
    known=False,
    note="Not in missionctl's table: Saturday-Sunday weekend assumed, no Friday prayer or "
    "Ramadan hours, no emergency number known.",
)


def practice(country: str) -> CountryPractice:
    """Working practice of `country` (ISO 3166-1 alpha-2, any case). A country the table does
    not hold gets DEFAULT with its code filled in and `known=False`: the checks still run
    (weekend Saturday-Sunday) and callers can say the data is a default."""
    code = country.strip().upper()
    found = _TABLE.get(code)
    if found is not None:
        return found
    return DEFAULT._replace(code=code)


def countries() -> list[str]:
    """Codes the table holds, sorted."""
    return sorted(_TABLE)


def is_weekend(country: str, weekday: int) -> bool:
    """Whether `weekday` (date.weekday() number) is an official rest day in `country`."""
    return weekday in practice(country).weekend
