"""E-mail addresses in files: which ones are real addresses, and their `mailto:` URIs.

`check` accepts an RFC 5322 dot-atom address (`values.email`; it once let through text no
mail system would deliver to: `x"@evil.com`, `:duty@example.org`), which may still hold a `?`
that would start a mailto's header fields; and this writer takes any text a library caller
gives it. Every export must write something valid. So:

* `is_address(text)`: whether `text` is an RFC 5322 addr-spec (3.4.1, without the obsolete
  forms and comments), with RFC 6532's UTF-8: a dot-atom or quoted-string local part, `@`, a
  dot-atom domain or a domain literal;
* `mailto(text)`: the RFC 6068 URI of such an address, every character that is not unreserved
  or one of RFC 6068's `some-delims` percent-encoded as UTF-8 (`,` too: it separates
  addresses; `?`, `&`, `=`, `%`, `#` always), so nothing in the address can add a recipient or
  a header; None for text that is not an address.

Exports that need a URI (an ICS ATTENDEE, an HTML link) write `mailto(text)` and leave the
address out when it is None (an ATTENDEE keeps the person's name, with the `urn:uuid:` given
to people without an address); exports that hold text (vCard EMAIL, CSV, JSON) keep the text
as written, escaped by the format.

Written by hand: the standard library's `email.utils.parseaddr` accepts and repairs broken
input rather than judging it, and no maintained package checks addr-spec syntax without also
doing DNS or deliverability lookups.
"""

from __future__ import annotations

import functools
import string
from urllib.parse import quote

__all__ = ["is_address", "mailto"]

_ATEXT = frozenset(string.ascii_letters + string.digits + "!#$%&'*+-/=?^_`{|}~")
_DTEXT = frozenset(chr(c) for c in range(33, 127)) - {"[", "]", "\\"}
# RFC 6068 qchar = unreserved / pct-encoded / some-delims, less "," (the address separator).
_SAFE = "!$'()*+;:@"


def _utf8_char(ch: str) -> bool:
    """A non-ASCII character RFC 6532 allows: anything printable but a space."""
    return ord(ch) > 127 and ch.isprintable() and not ch.isspace()


def _dot_atom(text: str) -> bool:
    return bool(text) and all(
        part and all(ch in _ATEXT or _utf8_char(ch) for ch in part) for part in text.split("."))


def _quoted_string(text: str) -> bool:
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        return False
    inner, i = text[1:-1], 0
    while i < len(inner):
        ch = inner[i]
        if ch == "\\":  # quoted-pair: a backslash and one printable or blank character
            if i + 1 == len(inner) or not (32 <= ord(inner[i + 1]) <= 126
                                           or inner[i + 1] == "\t"):
                return False
            i += 2
            continue
        if ch == '"' or not (32 <= ord(ch) <= 126 or ch == "\t" or _utf8_char(ch)):
            return False
        i += 1
    return True


def is_address(text: str) -> bool:
    """Whether `text` is an e-mail address (RFC 5322 addr-spec, RFC 6532 UTF-8)."""
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        return False
    if not (_dot_atom(local) or _quoted_string(local)):
        return False
    if domain.startswith("["):
        return domain.endswith("]") and all(ch in _DTEXT for ch in domain[1:-1])
    return _dot_atom(domain)


@functools.lru_cache(maxsize=4096)
def mailto(text: str | None) -> str | None:
    """The `mailto:` URI (RFC 6068) of an e-mail address, or None when `text` is none.
    Cached: a calendar names the same few people in thousands of ATTENDEEs."""
    if not text or not is_address(text):
        return None
    return "mailto:" + quote(text, safe=_SAFE)
