"""vCard 3.0 content lines written directly: RFC 2426 value escaping and 75-octet folding.

Why by hand (issue 10): building each card as vobject objects (a `ContentLine` per property,
behaviours, validation, `stringToTextValues` on every structured value) and serialising them
cost about a quarter of a whole 10k-event `contacts --format vcf` run under cProfile, for cards
of a dozen plain properties. So the lines are written here as strings. vobject stays the
reader: the tests parse every card this writes back with vobject (every golden file and random
text, with Hypothesis) and compare each property and value with the same card built and
serialised by vobject itself.

Byte for byte, vobject 0.9.9's choices are kept, so files written before stay the same:
`\\`, `;`, `,` and line breaks escaped in every value (even UID and URL); a structured value
(N, ADR, ORG) joins its escaped fields with `;`; properties in vobject's order (VERSION, UID,
then by name, a grouped property under its name); a line is folded only when it holds 75
characters or more, then cut before a character that would take it past 75 octets (the
continuation's leading space counted), never inside a UTF-8 sequence.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["card", "escape", "fold", "line", "structured"]

_FOLD = 75  # octets per physical line, the continuation's space included


def escape(value: str) -> str:
    """A vCard 3.0 text value (RFC 2426 4, as vobject writes it): `\\`, `;`, `,` and line
    breaks escaped."""
    if not any(c in value for c in "\\;,\r\n"):
        return value
    return (value.replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def structured(*fields: str) -> str:
    """N, ADR or ORG: each field escaped, joined with `;`."""
    return ";".join(map(escape, fields))


def line(name: str, value: str, params: str = "") -> str:
    """One unfolded content line: `NAME;PARAMS:value`, the value escaped; `params` are
    written as given (`;TYPE=VOICE`)."""
    return f"{name}{params}:{escape(value)}"


def fold(text: str) -> str:
    """`text` folded as vobject folds: left alone under 75 characters, else cut with CRLF and
    a space before any character that would take the physical line past 75 octets."""
    if len(text) < _FOLD:
        return text
    data = text.encode("utf-8")
    if len(data) <= _FOLD:
        return text
    pieces = []
    start, count = 0, 0
    for i, ch in enumerate(text):
        size = 1 if ch < "\x80" else len(ch.encode("utf-8"))
        if count + size > _FOLD:
            pieces.append(text[start:i])
            start, count = i, 1  # the continuation's leading space
        count += size
    pieces.append(text[start:])
    return "\r\n ".join(pieces)


def card(lines: Iterable[str]) -> str:
    """`BEGIN:VCARD`, `VERSION:3.0`, the content lines (in vobject's order, unfolded),
    `END:VCARD`, each folded and ended with CRLF."""
    body = "".join(fold(ln) + "\r\n" for ln in lines)
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\n{body}END:VCARD\r\n"
