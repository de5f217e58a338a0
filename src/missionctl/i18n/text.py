"""Multilingual text: a field written as a mapping from language code to text.

    title: {pt: Visita à fábrica, fr: Visite de l'usine, en: Plant visit}

**Decision.** `Text` is a `str` (the text written first) that also carries every variant.
Every consumer that wants one string (rule messages, sorting, ICS UIDs, the checks) keeps
working unchanged, and a plain string costs nothing: only a mapping in the file makes a
`Text`. Outputs choose a variant with `pick(text, lang, fallback)`: the reader's language,
else the mission's first language, else the first written.

Imports nothing: the model and the loader use it on every run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: The model fields that may be written in several languages (kind `texts` in
#: `loader/fields.py`; a test keeps the two equal), by model type.
MULTILINGUAL: dict[str, tuple[str, ...]] = {
    "MissionInfo": ("title", "description"),
    "Organisation": ("name", "sector", "notes"),
    "Person": ("role", "dietary", "notes"),
    "Group": ("name",),
    "Venue": ("name", "notes"),
    "Room": ("name",),
    "Event": ("title", "notes"),
    "B2BSession": ("title",),
}


class Text(str):
    """A text in several languages; as a `str`, the variant written first."""

    variants: Mapping[str, str]

    def __new__(cls, variants: Mapping[str, str]) -> Text:
        if not variants:
            raise ValueError("a Text needs at least one variant")
        self = super().__new__(cls, next(iter(variants.values())))
        self.variants = dict(variants)
        return self

    def pick(self, lang: str, fallback: Sequence[str] = ()) -> str:
        """The variant in `lang`, else in the first of `fallback` that has one, else the
        first written."""
        found = self.variants.get(lang)
        if found is not None:
            return found
        for other in fallback:
            found = self.variants.get(other)
            if found is not None:
                return found
        return str.__str__(self)

    def prefer(self, lang: str, fallback: Sequence[str] = ()) -> Text:
        """The same variants, with the one `pick` chooses first (so the `str` is that one)."""
        chosen = self.pick(lang, fallback)
        first = next(k for k, v in self.variants.items() if v is chosen or v == chosen)
        if first == next(iter(self.variants)):
            return self
        return Text({first: chosen, **{k: v for k, v in self.variants.items() if k != first}})

    def missing(self, langs: Sequence[str]) -> list[str]:
        """The languages of `langs` this text has no variant in."""
        return [lang for lang in langs if lang not in self.variants]

    def __reduce__(self) -> tuple[type[Text], tuple[dict[str, str]]]:
        return (Text, (dict(self.variants),))


def pick(text: str, lang: str, fallback: Sequence[str] = ()) -> str:
    """`text` in `lang` (see `Text.pick`); a plain string is itself."""
    return text.pick(lang, fallback) if isinstance(text, Text) else text


def pick_opt(text: str | None, lang: str, fallback: Sequence[str] = ()) -> str | None:
    """`pick` for an optional field."""
    return None if text is None else pick(text, lang, fallback)


def variants(text: str | None) -> Mapping[str, str] | None:
    """The variants of a multilingual text, or None for a plain one (for the JSON export)."""
    return text.variants if isinstance(text, Text) else None
