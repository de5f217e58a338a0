"""The format's words shown to readers (`i18n/labels.py`): every value the format or the
practice table has is in a table (so it reaches the catalogs), and each is translated."""

from __future__ import annotations

import pytest

from missionctl.i18n import translator
from missionctl.i18n.labels import EVENT_KINDS, ORG_TYPES, SERVICES, label_of
from missionctl.model import EVENT_KINDS as ALL_KINDS
from missionctl.model import ORG_TYPES as ALL_TYPES
from missionctl.practice.countries import countries, practice


def test_every_organisation_type_has_a_label() -> None:
    assert set(ORG_TYPES) == set(ALL_TYPES)


def test_every_emergency_service_has_a_label() -> None:
    services = {s for code in countries() for s, _n in practice(code).emergency}
    assert services and services <= set(SERVICES)


def test_the_legend_kinds_are_event_kinds() -> None:
    assert set(EVENT_KINDS) <= {*ALL_KINDS, "free"}


@pytest.mark.parametrize("lang, police, company", [
    ("en", "police", "company"), ("pt", "polícia", "empresa"), ("fr", "police", "entreprise"),
    ("ar", "الشرطة", "شركة")])
def test_labels_in_each_language(lang: str, police: str, company: str) -> None:
    pytest.importorskip("babel")
    tr = translator(lang)
    assert label_of(SERVICES, "police", tr) == police
    assert label_of(ORG_TYPES, "company", tr) == company
    assert label_of(ORG_TYPES, "x-unknown", tr) == "x-unknown"  # shown as it is
