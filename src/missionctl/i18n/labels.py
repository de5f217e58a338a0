"""Words of the mission format shown to readers: an organisation's type, an emergency
service, an event's kind. The values stay English in machine outputs (CSV sections, JSON
values, ICS categories): programs read them; the human outputs show them through `name`.

Each table maps the format's value to its label, marked for the catalogs (`N_`); a value the
table does not know is shown as it is.
"""

from __future__ import annotations

from collections.abc import Mapping

from missionctl.i18n import N_, Translator

#: `organisations.<id>.type` (model.ORG_TYPES; a test keeps the two equal).
ORG_TYPES: Mapping[str, str] = {
    "company": N_("company"), "cluster": N_("cluster"), "association": N_("association"),
    "institution": N_("institution"), "government": N_("government"),
    "embassy": N_("embassy"), "agency": N_("agency"), "university": N_("university"),
    "hotel": N_("hotel"), "transport": N_("transport"), "other": N_("other"),
}

#: The services of the host country's emergency numbers (`practice/countries.py`).
SERVICES: Mapping[str, str] = {
    "police": N_("police"), "gendarmerie": N_("gendarmerie"), "ambulance": N_("ambulance"),
    "fire": N_("fire"), "general": N_("general emergency"),
    "tourist police": N_("tourist police"),
}

#: The event kinds the timeline's legend names (the others are told by their title).
EVENT_KINDS: Mapping[str, str] = {"stay": N_("stay"), "free": N_("free")}


def label_of(table: Mapping[str, str], value: str, tr: Translator) -> str:
    """`value`'s label in the reader's language; an unknown value as it is."""
    label = table.get(value)
    return tr.gettext(label) if label is not None else value
