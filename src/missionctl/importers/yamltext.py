"""YAML written as a person writes it: block style, keys in the format's order, a value quoted
only where YAML needs it, lists of codes in flow style (`languages: [pt, en]`), notes of several
lines as a literal block.

Written by hand rather than with `yaml.dump`: PyYAML quotes by YAML 1.1's implicit types
(`'+351 912 345 678'`, `'NO'`), which this format does not have (values are typed by their
field, docs/format.md), and cannot be told to keep our key order and blank lines. What is
written is read back by the loader in the tests, byte for byte.

A value is written plain when it cannot be read as anything but that text: it does not begin
with a YAML indicator, holds no `: ` or ` #`, has no leading or trailing space, and is not one
of the words the loader reads as empty (`null`, `~`). Otherwise it is double-quoted, with
JSON's escapes, which YAML reads the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\x00-\x1f\x7f\x85\u2028\u2029\ufeff]*$")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
#: Quoted although plain would do for missionctl: YAML 1.1 tools read `10:30` as a number of
#: minutes (the house style of the examples: `end: "11:30"`).
_SEXAGESIMAL = re.compile(r"^\d{1,2}(?::\d{2}){1,2}$")
_FLOW_ITEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/+-]*$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
#: What YAML may not hold raw (not "printable"), or reads as a line break (NEL, LS, PS):
#: escaped in a quoted scalar.
_UNPRINTABLE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def scalar(text: str) -> str:
    """`text` as a YAML scalar on one line."""
    if (text not in _NULLS and _PLAIN.match(text) and not _SEXAGESIMAL.match(text)
            and ": " not in text and " #" not in text
            and not text.endswith((":", " ")) and text == text.strip()
            and not _CONTROL.search(text) and "\t" not in text and "\r" not in text):
        return text
    return quoted(text)


def quoted(text: str) -> str:
    """`text` double-quoted: JSON's escapes (which YAML reads the same), and \\uXXXX for the
    characters YAML refuses to see raw (DEL, C1 controls, BOM)."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(text, ensure_ascii=False))


def key(text: str) -> str:
    return scalar(text)


def flow_list(items: Iterable[str]) -> str:
    parts = [i if _FLOW_ITEM.match(i) and i not in _NULLS else quoted(i) for i in items]
    return f"[{', '.join(parts)}]"


def field_lines(name: str, value: Any, indent: str) -> list[str]:
    """`name: value` at `indent`; a text of several lines as a literal block (`|-`) when
    that keeps it exactly, else double-quoted on one line."""
    if isinstance(value, list | tuple):
        return [f"{indent}{name}: {flow_list(str(v) for v in value)}"]
    text = str(value)
    if "\n" in text and _literal_ok(text):
        return [f"{indent}{name}: |-"] + [
            f"{indent}  {line}" if line else "" for line in text.split("\n")]
    return [f"{indent}{name}: {scalar(text)}"]


def _literal_ok(text: str) -> bool:
    """A literal block reads back as `text`: no control characters, no line ending in a space
    or a carriage return, the first line not indented, no empty last line."""
    lines = text.split("\n")
    return (not _CONTROL.search(text) and lines[0] != "" and not lines[0][0].isspace()
            and lines[-1] != "" and all(line == line.rstrip() for line in lines))


def section(name: str, objects: Mapping[str, Mapping[str, Any]], order: tuple[str, ...]
            ) -> list[str]:
    """`name:` and its objects keyed by id, each field in `order` (then `x-` keys)."""
    if not objects:
        return [f"{name}: {{}}"]
    lines = [f"{name}:"]
    for ident, fields in objects.items():
        lines.append(f"  {key(ident)}:")
        for field in (*order, *sorted(k for k in fields if k not in order)):
            value = fields.get(field)
            if value is None or value == "" or value == [] or value == ():
                continue
            lines += field_lines(field, value, "    ")
    return lines
