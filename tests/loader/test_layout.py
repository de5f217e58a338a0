"""The loader's modules stay small and the field table and the converters agree."""

from __future__ import annotations

from pathlib import Path

from missionctl.loader import convert, fields

LOADER = Path(convert.__file__).parent


def test_every_loader_module_is_under_400_lines() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in LOADER.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}


def test_every_field_kind_has_a_converter() -> None:
    # Kinds read by read.py itself (sections, includes, B2B lists, checks.travel) or by
    # read_fields before any converter (enum) are not in KINDS.
    by_reader = {"section", "includes", "requests", "meetings", "travel", "enum"}
    tables = [fields.MISSION, fields.CHECKS, fields.TRAVEL_SETTINGS, fields.TRAVEL_TIME,
              fields.ROOM, fields.B2B_REQUEST, fields.B2B_MEETING, *fields.SECTIONS.values()]
    kinds = {spec.kind for table in tables for spec in table.values()}
    assert kinds - by_reader - set(convert.KINDS) == set()
