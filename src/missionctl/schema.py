"""The JSON Schema (draft-07) of the format, generated from the same field table the loader
reads, so an editor's YAML language server and `missionctl check` agree on what a key is.

Editors read YAML 1.2, where `10:30` and `2027-05-11` are strings and `0612345670` is a
number, so text fields accept numbers and dates are strings with a pattern.
"""

from __future__ import annotations

from typing import Any

from missionctl.loader import fields as f
from missionctl.yamlnodes import MappingNode, Node, ScalarNode, SequenceNode, is_null

ID = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
# Years 1900-2999: the bound `values.py` sets (docs/format.md, "Bounds").
YEAR = r"(19\d\d|2\d\d\d)"
DATE = r"^" + YEAR + r"-\d{2}-\d{2}$"
TIME = r"^\d{1,2}:\d{2}(:\d{2})?$"
DATETIME = r"^" + YEAR + r"-\d{2}-\d{2}[Tt ]+\d{1,2}:\d{2}(:\d{2})?\s*(Z|z|[+-]\d{2}(:?\d{2})?)?$"
DURATION = r"^(P(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?|(\d+\s*d)?\s*(\d+\s*h)?\s*(\d+\s*m(in)?)?)$"
RANGE = r"^\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}$"
REF = r"^((group|org):)?[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"

TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"]}
# Free text, or the same text in several languages keyed by ISO 639-1 code.
TEXTS: dict[str, Any] = {"anyOf": [TEXT, {
    "type": "object", "minProperties": 1, "additionalProperties": False,
    "patternProperties": {"^[a-z]{2}$": TEXT}}]}
REASON: dict[str, Any] = {"type": "string", "minLength": 1}
WAIVE: dict[str, Any] = {"type": "object", "patternProperties": {"^MC[1-9][0-9]{2}$": REASON},
                         "additionalProperties": False}
# A person's waivers: a reason, or reasons keyed by day.
WAIVE_DAYS: dict[str, Any] = {
    "type": "object", "additionalProperties": False,
    "patternProperties": {"^MC[1-9][0-9]{2}$": {"anyOf": [REASON, {
        "type": "object", "patternProperties": {DATE: REASON}, "additionalProperties": False,
        "minProperties": 1}]}}}
STR_ID: dict[str, Any] = {"type": "string", "pattern": ID}

#: The schema's `$id`: a name, not an address (nothing is served there; editors find the
#: schema through the file beside the mission). `missionctl.outputs` recognises a schema
#: file it wrote by it.
SCHEMA_ID = "urn:missionctl:mission-format-1"

#: The file `missionctl new` writes beside a mission, which its `$schema` line names.
SCHEMA_FILE = "missionctl.schema.json"


def _list_of(item: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [{"type": "array", "items": item}, item]}


def _kind(field: f.F) -> dict[str, Any]:
    k = field.kind
    simple: dict[str, dict[str, Any]] = {
        "text": TEXT, "texts": TEXTS,
        "id": STR_ID,
        "int": {"type": "integer", "minimum": 0},
        "count": {"type": "integer", "minimum": 1},
        "bool": {"type": "boolean"},
        "date": {"type": "string", "pattern": DATE},
        "time": {"type": "string", "pattern": TIME},
        "datetime": {"type": "string", "pattern": DATETIME},
        "end": {"type": "string", "anyOf": [{"pattern": TIME}, {"pattern": DATETIME}]},
        "duration": {"type": "string", "pattern": DURATION},
        "zone": {"type": "string", "pattern": r"^[A-Za-z_+\-0-9/]+$"},
        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "language": {"type": "string", "pattern": "^[a-z]{2}$"},
        "languages": _list_of({"type": "string", "pattern": "^[a-z]{2}$"}),
        "email": {"type": "string", "format": "email"},
        "url": {"type": "string", "pattern": "^https?://"},
        "geo": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
        "refs": _list_of({"type": "string", "pattern": REF}),
        "persons": _list_of(STR_ID),
        "ids:group": _list_of({"type": "string", "pattern": r"^(group:)?" + ID[1:]}),
        "private": {"type": "array", "items": {"enum": list(f.CONTACT_FIELDS)}},
        "timerange": {"type": "string", "pattern": RANGE},
        "speed": {"type": "number", "minimum": 1, "maximum": 1000},
        "factor": {"type": "number", "minimum": 1, "maximum": 10},
        "orgpair": {"type": "array", "items": STR_ID, "minItems": 2, "maxItems": 2},
        "waive": WAIVE, "waive_days": WAIVE_DAYS,
        "hours": {"anyOf": [
            {"type": "string", "pattern": RANGE},
            {"type": "object", "additionalProperties": {
                "anyOf": [{"type": "string", "pattern": RANGE}, {"const": "closed"}]}},
        ]},
    }
    if k in simple:
        out = dict(simple[k])
    elif k == "enum":
        out = {"enum": list(field.choices)}
    elif k.startswith("ref:"):
        out = dict(STR_ID)
    elif k == "waivers":
        out = simple["waive"]
    elif k == "severities":
        out = {"type": "object", "patternProperties": {"^MC[1-9][0-9]{2}$": {
            "enum": ["error", "warning", "info", "off"]}}, "additionalProperties": False}
    elif k == "rooms":
        out = {"type": "object", "propertyNames": {"pattern": ID},
               "additionalProperties": _object(f.ROOM)}
    elif k == "requests":
        out = {"type": "array", "items": _object(f.B2B_REQUEST)}
    elif k == "meetings":
        out = {"type": "array", "items": _object(f.B2B_MEETING)}
    elif k == "travel":
        out = _object(f.TRAVEL_SETTINGS)
    else:
        out = {}
    if field.doc:
        out["description"] = field.doc
    return out


def _object(spec: dict[str, f.F]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {name: _kind(field) for name, field in spec.items()},
        "patternProperties": {"^x-": {}},
        "required": [name for name, field in spec.items() if field.required],
        "additionalProperties": False,
    }


def _section(spec: dict[str, f.F]) -> dict[str, Any]:
    return {"type": "object", "propertyNames": {"pattern": ID},
            "additionalProperties": _object(spec)}


def json_schema() -> dict[str, Any]:
    """The schema of a mission file (and of an include file: `mission` is not required)."""
    props: dict[str, Any] = {
        "missionctl": {"const": 1, "description": "format version"},
        "mission": _object(f.MISSION),
        "include": _list_of({"type": "string"}),
        "travel_times": {"type": "array", "items": _object(f.TRAVEL_TIME)},
        "b2b_meetings": {"type": "object", "propertyNames": {"pattern": ID},
                         "additionalProperties": {"type": "array",
                                                  "items": _object(f.B2B_MEETING)},
                         "description": f.TOP_LEVEL["b2b_meetings"].doc},
        "checks": _object(f.CHECKS),
    }
    for name, spec in f.SECTIONS.items():
        props[name] = _section(spec)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "$comment": "Generated by `missionctl schema`; regenerate it rather than edit it.",
        "title": "missionctl mission file, format 1",
        "type": "object",
        "properties": props,
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
        "dependencies": {"mission": ["missionctl"]},
    }


def as_editor_sees(node: Node) -> Any:
    """A node as a YAML 1.2 editor reads it (core schema), for validating against the schema."""
    import re

    if isinstance(node, SequenceNode):
        return [as_editor_sees(n) for n in node.value]
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        for k, v in node.value:
            if k.tag == "tag:yaml.org,2002:merge":
                merged = as_editor_sees(v)
                for m in merged if isinstance(merged, list) else [merged]:
                    for mk, mv in m.items():
                        out.setdefault(mk, mv)
                continue
            out[str(k.value)] = as_editor_sees(v)
        return out
    assert isinstance(node, ScalarNode)
    text = node.value
    if node.style:  # quoted or block: a string (plain scalars have style '' or None)
        return text
    if is_null(node):
        return None
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", text):
        return float(text)
    return text
