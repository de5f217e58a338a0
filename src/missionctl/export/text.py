"""Text values for files other programs read (ICS, vCard, CSV): no control characters.

A mission's text can hold control characters (YAML's `"\\x1b"` escapes, or pasted text): an
escape sequence, a bell, a NUL, a C1 control. RFC 5545 (TEXT, 3.3.11) and RFC 2425/2426 (vCard
3.0 values) allow none but the tab, and line breaks only escaped as `\\n` (the libraries
write that escape); a spreadsheet opens a CSV cell as it is. So every text value goes through
one of these two functions before a writer sees it:

* `multiline(text)`: for values that may hold several lines (an ICS DESCRIPTION or LOCATION,
  a vCard NOTE, a CSV cell): every line break (CR LF, CR, LF, VT, FF, the file/group/record
  separators, NEL, U+2028, U+2029) becomes one `\\n`, which each format then writes its own
  way; every other control character (C0 but tab, DEL, C1) is removed.
* `one_line(text)`: for values that are one line (a SUMMARY, a name, a phone number): line
  breaks and tabs become spaces, runs of blanks one space, other controls removed.

Removed, not shown as `\\xNN` (as `wording.clean` does for messages on a terminal): in a file
another program reads, a visible escape would be taken for the person's text.
"""

from __future__ import annotations

import re

__all__ = ["multiline", "one_line"]

_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
# Whatever `multiline` changes: a break other than LF, or a control character but the tab.
# Most texts hold none, and one search is half the work of the two substitutions.
_CHANGED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def multiline(text: str) -> str:
    """`text` with each line break written `\\n` and every other control character but the
    tab removed."""
    return _CONTROL.sub("", _BREAK.sub("\n", text))


def one_line(text: str) -> str:
    """`text` on one line: line breaks and blanks collapsed to single spaces, other control
    characters removed, no blank at either end."""
    return " ".join(_CONTROL.sub("", _BREAK.sub(" ", text)).split())
