"""Which column holds what: headers in English, Portuguese or French, and `--map` overrides.

A header is compared as `normalise` writes it (case, accents and punctuation ignored:
"Telemóvel" = "TELEMOVEL" = "telemóvel:"). It names a field when it is one of the field's
words below, or else when it contains one as whole words ("E-mail (obrigatório)"), the
longest such phrase winning ("Nome da empresa" is the organisation, not a name). Where one
word means two things, the other headers decide: Portuguese "Nome" beside "Apelido" is the
first name, French "Nom" beside "Prénom" the family name.

The header row is the first of the first ten rows that names at least two fields, so a title
line above the table ("Inscrições - Missão Marrocos 2027") is passed over.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from missionctl.errors import UserError
from missionctl.importers.table import Sheet, column_index, letter, text_of

#: The fields a column can feed, in the order the mapping is printed. `ignore` drops one.
FIELDS = ("name", "first_name", "last_name", "organisation", "role", "email", "mobile",
          "phone", "country", "languages", "arrival", "departure", "dietary", "notes")
#: Fields that several columns may feed (joined); for the others the first column wins.
JOINED = {"notes": "; ", "phone": " / ", "dietary": "; "}

_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "participant", "participant name", "attendee", "delegate",
             "nome", "nome completo", "participante", "nom complet", "nom et prenom",
             "nom prenom", "prenom et nom", "prenom nom", "participant e"),
    "first_name": ("first name", "given name", "forename", "first", "primeiro nome",
                   "nome proprio", "nomes proprios", "prenom", "prenoms"),
    "last_name": ("last name", "surname", "family name", "last", "apelido", "apelidos",
                  "sobrenome", "ultimo nome", "nom de famille", "nom"),
    "organisation": ("organisation", "organization", "company", "company name", "employer",
                     "institution", "organisation name", "organization name", "organizacao",
                     "organização", "empresa", "nome da empresa", "entidade", "instituicao",
                     "societe", "entreprise", "organisme", "raison sociale",
                     "nom de la societe", "nom de l entreprise", "structure"),
    "role": ("role", "job title", "position", "function", "job", "job function",
             "designation", "cargo", "funcao", "posicao", "fonction", "poste", "titre"),
    "email": ("email", "e mail", "mail", "email address", "e mail address", "endereco de email",
              "endereco de e mail", "correio eletronico", "correio electronico", "courriel",
              "adresse email", "adresse e mail", "adresse electronique", "mel"),
    "mobile": ("mobile", "mobile phone", "mobile number", "cell", "cell phone", "cellphone",
               "telemovel", "numero de telemovel", "celular", "telefone movel", "portable",
               "telephone portable", "gsm", "whatsapp"),
    "phone": ("phone", "telephone", "tel", "phone number", "telephone number", "contact number",
              "telefone", "numero de telefone", "contacto", "contacto telefonico",
              "numero de telephone"),
    "country": ("country", "country of residence", "pais", "pays", "pays d origine"),
    "languages": ("languages", "language", "spoken languages", "languages spoken", "idiomas",
                  "idioma", "linguas", "lingua", "linguas faladas", "langues", "langue",
                  "langues parlees"),
    "arrival": ("arrival", "arrival date", "arrival time", "arrival date and time", "arrive",
                "chegada", "data de chegada", "hora de chegada", "data e hora de chegada",
                "arrivee", "date d arrivee", "date et heure d arrivee"),
    "departure": ("departure", "departure date", "departure time", "departure date and time",
                  "partida", "data de partida", "regresso", "data de regresso", "saida",
                  "depart", "date de depart", "date et heure de depart", "retour"),
    "dietary": ("dietary", "dietary requirements", "dietary restrictions", "dietary needs",
                "diet", "food", "allergies", "food allergies", "dieta", "alimentacao",
                "restricoes alimentares", "restricao alimentar", "alergias",
                "regime alimentaire", "regime", "allergies alimentaires", "restrictions"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "observacoes", "observacao",
              "comentarios", "notas", "remarques", "commentaires", "observations"),
}
_PHRASES: dict[str, str] = {}


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Casefolded, accents removed, punctuation as spaces, single spaces. Memoised: a sheet
    repeats the same organisations, countries and languages on every row."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", bare).split())


def _phrases() -> dict[str, str]:
    if not _PHRASES:
        for name, words in _WORDS.items():
            for word in words:
                _PHRASES[normalise(word)] = name
    return _PHRASES


def field_of(header: str) -> str | None:
    """The field a header names, from its words alone (before the other headers decide)."""
    key = normalise(header)
    if not key:
        return None
    phrases = _phrases()
    if key in phrases:
        return phrases[key]
    padded = f" {key} "
    best = max((p for p in phrases if f" {p} " in padded), key=len, default=None)
    return phrases[best] if best is not None else None


@dataclass(slots=True)
class Mapping:
    """Column index -> field, for the columns that are imported; the rest are listed."""

    header_row: int  # 1-based
    headers: dict[int, str]  # column -> header text, every non-empty header
    fields: dict[int, str] = field(default_factory=dict)
    by_hand: set[int] = field(default_factory=set)  # columns set with --map
    unused: dict[int, str] = field(default_factory=dict)  # column -> why it is not imported

    def columns_of(self, name: str) -> list[int]:
        return [c for c, f in sorted(self.fields.items()) if f == name]


def header_row(sheet: Sheet) -> int:
    """The 1-based row holding the headers (the first naming two fields; else the first row
    with any text)."""
    first_text = None
    for number, row in enumerate(sheet.rows[:10], start=1):
        texts = [text_of(v) for v in row]
        if first_text is None and any(texts):
            first_text = number
        if len({f for t in texts if (f := field_of(t))}) >= 2:
            return number
    if first_text is None:
        raise UserError(f"{sheet.where(1).rsplit(', row', 1)[0]} is empty: no header row "
                        "and no data")
    return first_text


def detect(sheet: Sheet, overrides: list[str]) -> Mapping:
    """The mapping for `sheet`: headers read, ambiguities settled, `--map` applied."""
    row = header_row(sheet)
    headers = {c: t for c, v in enumerate(sheet.rows[row - 1]) if (t := text_of(v))}
    mapping = Mapping(row, headers)
    guessed = {c: f for c, t in headers.items() if (f := field_of(t))}
    _settle_names(guessed, headers)
    for column, name in sorted(guessed.items()):
        mapping.fields[column] = name
    for text in overrides:
        column, name = _override(text, headers, sheet)
        mapping.fields.pop(column, None)
        if name != "ignore":
            mapping.fields[column] = name
        mapping.by_hand.add(column)
    _one_column_each(mapping)
    if not any(f in mapping.fields.values() for f in ("name", "first_name", "last_name")):
        shown = ", ".join(f"{letter(c)} ({t})" for c, t in sorted(headers.items()))
        raise UserError(f"{sheet.where(row).rsplit(', row', 1)[0]}: no column of names found "
                        f"among the headers on row {row}: {shown}; name it with --map, e.g. "
                        "--map 'Participante=name'")
    return mapping


def _settle_names(guessed: dict[int, str], headers: dict[int, str]) -> None:
    """'Nome' + 'Apelido' is first name + last name; 'Nom' + 'Prénom' the same the other way."""
    found = set(guessed.values())
    for column, name in list(guessed.items()):
        key = normalise(headers[column])
        if name == "name" and "last_name" in found and "first_name" not in found:
            guessed[column] = "first_name"
        elif name == "last_name" and key == "nom" and "first_name" not in found:
            guessed[column] = "name"


def _one_column_each(mapping: Mapping) -> None:
    """For a field only one column may feed, keep the first (or the one set by hand)."""
    for name in set(mapping.fields.values()):
        columns = mapping.columns_of(name)
        if name in JOINED or len(columns) < 2:
            continue
        keep = next((c for c in columns if c in mapping.by_hand), columns[0])
        for c in columns:
            if c != keep:
                del mapping.fields[c]
                mapping.unused[c] = (f"column {letter(keep)} already gives {name}; "
                                     f"--map '{mapping.headers[c]}={name}' to use this one")
    for c in mapping.headers:
        if c not in mapping.fields and c not in mapping.unused:
            mapping.unused[c] = ("ignored with --map" if c in mapping.by_hand
                                 else "no field recognised")


def _override(text: str, headers: dict[int, str], sheet: Sheet) -> tuple[int, str]:
    """`--map COLUMN=FIELD`: COLUMN is a header (case and accents ignored) or a column letter."""
    column_text, sep, name = text.rpartition("=")
    name = name.strip().replace("-", "_").lower()
    if not sep or not column_text.strip():
        raise UserError(f"--map '{text}': write COLUMN=FIELD, e.g. --map 'Telemóvel=phone'")
    if name not in (*FIELDS, "ignore"):
        raise UserError(f"--map '{text}': '{name}' is not a field; use one of "
                        f"{', '.join(FIELDS)}, or ignore")
    wanted = normalise(column_text)
    matches = [c for c, t in headers.items() if normalise(t) == wanted]
    if len(matches) == 1:
        return matches[0], name
    index = column_index(column_text.strip())
    if not matches and index is not None:
        return index, name
    shown = ", ".join(f"'{t}'" for _, t in sorted(headers.items()))
    if matches:
        raise UserError(f"--map '{text}': several columns are headed '{column_text}'; name "
                        "the one you mean by its letter, e.g. --map 'E=phone'")
    raise UserError(f"--map '{text}': {sheet.source} has no column '{column_text}'; its "
                    f"headers are {shown} (or name a column by its letter)")
