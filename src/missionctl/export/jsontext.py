"""JSON text exactly as `json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`
writes it, with CPython's C encoder doing the work.

Why (issue 10): given `indent`, CPython 3.11's json leaves its C encoder for the pure-Python
one, which needs the whole document made first and joins a list of millions of small strings
at the end (a 100k-event itinerary's peak memory). Here the top-level members and the items
of a list under them (an itinerary's events) come one at a time (`chunks`), so the events can
be made as they are written, and a member many documents share can be written once
(`Encoded`: a mission's people in every `--per-person` file). Speed: measured on a 10k-event
itinerary, this writes it in about 0.9x the pure encoder's time, not the C encoder's 0.4x:
each call of the C encoder costs a microsecond or two, and an event is four or five
containers.

How, without writing JSON by hand: a JSON string never holds a raw line break (the encoder
writes `\\n`), so a container of plain values (strings, numbers, booleans, null) is one call
of the C encoder with `",\\n" + indentation` as its item separator, wrapped in its brackets
on their own lines; and the same separator cuts that text back into its items, one per key.
An object's lists of plain values (an event's people, a person's languages) are written
together by one more call (`_lists`). Only other containers are walked here: every key and
every plain value is still encoded, escaped, sorted and separated by the C encoder. Keys are
sorted as `sort_keys` sorts them (by the original keys, before a number becomes a string).

`chunks` yields the text in pieces (the top-level object's members, and each item of a list
directly under it) so that a caller can write a large document without first making one
string of it; a list under the top level may be given as an iterator, whose items are then
made one at a time as they are written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, compress
from json.encoder import encode_basestring as _string
from operator import not_
from typing import Any, NamedTuple

try:
    from _json import make_encoder as _c_encoder
except ImportError:  # pragma: no cover - CPython has it; the pure encoder writes the same
    _c_encoder = None  # type: ignore[assignment,misc]

__all__ = ["Encoded", "chunks", "dumps", "member_text"]

_PLAIN = frozenset({str, int, float, bool, type(None)})
_plain = _PLAIN.__contains__
_SEQUENCES = frozenset({list, tuple})
_KEY_TYPES = (str, int, float, type(None))  # as `json.dumps` accepts them (bool is an int)


def dumps(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`, same text."""
    return "".join(chunks(value))


class Encoded(str):
    """A member of the top-level object already written (`member_text`): `chunks` writes it
    as it is. For members that many documents share (a mission's people in every person's
    itinerary), written once."""


def member_text(value: Any) -> Encoded:
    """`value` written as a member of the top-level object (after its name)."""
    return Encoded("".join(_items(value)) if _lazy(value) else _text(value, 1))


def chunks(value: Any) -> Iterator[str]:
    """The text of `dumps(value)`, in pieces (see the module's docstring)."""
    if isinstance(value, dict) and value:
        yield "{"
        first = True
        for key in sorted(value):
            yield ("\n  " if first else ",\n  ") + _key(key) + ": "
            first = False
            item = value[key]
            if type(item) is Encoded:
                yield item
            elif _lazy(item) or (isinstance(item, list | tuple) and item):
                yield from _items(item)
            else:
                yield _text(item, 1)
        yield "\n}"
    elif _lazy(value):
        yield "".join(_items(value, 0))  # only below the top level is a list written lazily
    else:
        yield _text(value, 0)


def _lazy(value: Any) -> bool:
    return isinstance(value, Iterator) and not isinstance(value, dict | str)


def _items(items: Iterable[Any], depth: int = 1) -> Iterator[str]:
    """A list, one item per piece; `[]` when there is none."""
    pad = "\n" + "  " * (depth + 1)
    sep = "[" + pad
    for item in items:
        yield sep + _text(item, depth + 1)
        sep = "," + pad
    yield "[]" if sep.startswith("[") else "\n" + "  " * depth + "]"


class _Level(NamedTuple):
    """What writing a container at one depth needs, made once per depth."""

    encode: Callable[[Any], str]  # the C encoder, items separated by `sep`
    sep: str  # ",\n" and the indentation of the container's items
    close: str  # "\n" and the indentation of the container itself
    lists: Callable[[Any], str]  # for `_lists`: an object of lists, `_NAME` after each key


# Never in JSON text (the encoder escapes every control character in a string): marks a
# member's name in `_lists`, and where `_lists` cuts its text into members.
_NAME, _CUT = "\x00", "\x01"


class _Levels(dict[int, _Level]):
    def __missing__(self, depth: int) -> _Level:
        self[depth] = level = _make_level(depth)
        return level


_LEVELS = _Levels()


def _make_level(depth: int) -> _Level:
    sep, close = ",\n" + "  " * (depth + 1), "\n" + "  " * depth
    if _c_encoder is None:  # pragma: no cover
        slow = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(sep, ": "))
        slow_lists = json.JSONEncoder(ensure_ascii=False, sort_keys=True,
                                      separators=(sep, _NAME))
        return _Level(slow.encode, sep, close, slow_lists.encode)
    # No circular-reference markers (a document is a tree); unknown objects refused by
    # `JSONEncoder.default`, with json's own TypeError.
    default = json.JSONEncoder().default
    c_encode = _c_encoder(None, default, _string, None, ": ", sep, True, False, True)
    c_lists = _c_encoder(None, default, _string, None, _NAME, sep, True, False, True)
    return _Level(lambda value: "".join(c_encode(value, 0)), sep, close,
                  lambda value: "".join(c_lists(value, 0)))


def _text(value: Any, depth: int) -> str:
    """`value` at `depth` (its first line not indented, its last line at `depth`)."""
    if isinstance(value, dict):
        return _object(value, depth) if value else "{}"
    if isinstance(value, list | tuple):
        return _array(value, depth) if value else "[]"
    return _LEVELS[depth].encode(value)


def _object(obj: dict[Any, Any], depth: int) -> str:
    encode, sep, close, _ = _LEVELS[depth]
    kinds = list(map(_plain, map(type, obj.values())))
    if all(kinds):  # the common case: one call of the C encoder
        return "{" + sep[1:] + encode(obj)[1:-1] + close + "}"
    plain = dict(compress(obj.items(), kinds))
    pieces = dict(zip(sorted(plain), encode(plain)[1:-1].split(sep), strict=True)
                  ) if plain else {}
    nested = dict(compress(obj.items(), map(not_, kinds)))
    values = nested.values()
    if (all(map(_SEQUENCES.__contains__, map(type, values))) and all(values)
            and all(map(_plain, map(type, chain.from_iterable(values))))):
        pieces.update(_lists(nested, depth))  # a person's, an event's: lists of ids
    else:
        pieces.update({key: (_string(key) if type(key) is str else _key(key)) + ": "
                       + _text(value, depth + 1) for key, value in nested.items()})
    return "{" + sep[1:] + sep.join(map(pieces.__getitem__, sorted(obj))) + close + "}"


def _lists(lists: dict[Any, Any], depth: int) -> dict[Any, str]:
    """Members whose values are non-empty lists of plain values, written by one call of the
    C encoder however many there are: each list's items take the separator of the level
    below, and so do the members; the member after a list is told from the list's next item
    by what ends the list (`]` right before a separator is no plain value's end, and a key
    is followed by `_NAME`)."""
    inner = _LEVELS[depth + 1]
    text = inner.lists(lists)[1:-2]  # without the `{` and the last list's `]}`
    text = text.replace("]" + inner.sep, inner.close + "]" + _CUT)
    text = text.replace(_NAME + "[", ": [" + inner.sep[1:])
    return dict(zip(sorted(lists), (text + inner.close + "]").split(_CUT), strict=True))


def _array(items: list[Any] | tuple[Any, ...], depth: int) -> str:
    encode, sep, close, _ = _LEVELS[depth]
    if all(map(_plain, map(type, items))):
        return "[" + sep[1:] + encode(items)[1:-1] + close + "]"
    return "[" + sep[1:] + sep.join([_text(item, depth + 1) for item in items]) + close + "]"


def _key(key: Any) -> str:
    """A member's name as `json.dumps` writes it: a number, a boolean or null as a string."""
    if isinstance(key, str):
        return _string(key)
    if not isinstance(key, _KEY_TYPES):
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
    return _string(json.dumps(key))
