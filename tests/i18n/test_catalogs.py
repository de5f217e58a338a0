"""The gettext catalogs: up to date with the sources, complete, compiled from the .po files.

The catalogs are built with Babel's own tools, as a translator would:

    pybabel extract -F src/missionctl/i18n/babel.cfg --no-location --sort-output \\
        -o src/missionctl/i18n/locale/missionctl.pot src/missionctl
    pybabel update -D missionctl -i src/missionctl/i18n/locale/missionctl.pot \\
        -d src/missionctl/i18n/locale
    (translate the new entries of each .po)
    pybabel compile -D missionctl -d src/missionctl/i18n/locale

These tests run the same tools (`pybabel` from the environment) into a temporary folder and
compare: a label added to the code without a catalog update, a .po left untranslated or a
.mo not recompiled fails here.
"""

from __future__ import annotations

import ast
import gettext
import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from missionctl.i18n import DOMAIN, LOCALE_DIR, SUPPORTED, translator

babel = pytest.importorskip("babel")
from babel.messages.pofile import read_po  # noqa: E402

SRC = Path(__file__).resolve().parents[2] / "src" / "missionctl"
PYBABEL = shutil.which("pybabel", path=str(Path(sys.executable).parent)) or shutil.which(
    "pybabel")
LANGS = [lang for lang in SUPPORTED if lang != "en"]


def _ids(path: Path, lang: str | None = None) -> set[str]:
    with path.open("rb") as f:
        catalog = read_po(f, locale=lang)
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert PYBABEL is not None, "pybabel (Babel) is not installed"
    out = tmp_path_factory.mktemp("pot") / "missionctl.pot"
    subprocess.run([PYBABEL, "extract", "-F", str(SRC / "i18n" / "babel.cfg"),
                    "--no-location", "--sort-output", "-o", str(out), str(SRC)],
                   check=True, capture_output=True)
    return out


def test_the_template_is_up_to_date(extracted: Path) -> None:
    assert _ids(extracted) == _ids(LOCALE_DIR / f"{DOMAIN}.pot"), (
        "run pybabel extract and update (see this module's docstring)")


@pytest.mark.parametrize("lang", LANGS)
def test_each_catalog_is_complete(extracted: Path, lang: str) -> None:
    po = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    assert _ids(po, lang) == _ids(extracted)
    with po.open("rb") as f:
        catalog = read_po(f, locale=lang)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{lang}: {message.id!r} is not translated"
        assert "fuzzy" not in message.flags, f"{lang}: {message.id!r} is fuzzy"
        if isinstance(message.id, tuple):
            assert len(strings) == catalog.num_plurals, f"{lang}: {message.id!r}"
        # Every placeholder of the source is in each translation, and no other.
        source = message.id if isinstance(message.id, str) else message.id[1]
        names = _placeholders(source)
        assert all(_placeholders(str(s)) <= names | {"n"} and
                   _placeholders(str(s)) >= names - {"n"} for s in strings), (lang, source)


def _placeholders(text: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGS)
def test_each_compiled_catalog_is_its_po(tmp_path: Path, lang: str) -> None:
    assert PYBABEL is not None
    work = tmp_path / lang / "LC_MESSAGES"
    work.mkdir(parents=True)
    shutil.copy(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po", work)
    subprocess.run([PYBABEL, "compile", "-D", DOMAIN, "-d", str(tmp_path), "-l", lang],
                   check=True, capture_output=True)
    fresh = (work / f"{DOMAIN}.mo").read_bytes()
    committed = (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes()
    with (work / f"{DOMAIN}.mo").open("rb") as f:
        a = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as f:
        b = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    assert a == b, "run pybabel compile (see this module's docstring)"
    assert fresh == committed


def test_no_label_inside_an_f_string() -> None:
    """pybabel reads an f-string as one token on Python 3.11: a `_("...")` inside one is
    never extracted, and would stay English."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                found += [f"{path.relative_to(SRC)}:{node.lineno}"
                          for inner in ast.walk(node) if _label_call(inner)]
    assert found == []


def _label_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call) or not node.args:
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return name in ("_", "gettext", "ngettext", "N_") and isinstance(node.args[0], ast.Constant)


def test_the_option_offers_the_supported_languages() -> None:
    from missionctl.cli import views

    assert typing.get_args(views.LangChoice) == SUPPORTED


# French typography: a narrow no-break space (U+202F) before ':' ';' '!' '?' (CLDR's
# practice, the Imprimerie nationale's rule), never a plain or a no-break space, never none.
# Punctuation after a word or a placeholder only: the timeline's key uses '!' as a sign.
_FRENCH_BAD = re.compile(r"(?:(?<=[\w)\]}»])|(?<=[\w)\]}»][ \u00a0]))[:;!?](?=\s|$)")


def test_french_punctuation_has_a_narrow_no_break_space() -> None:
    po = LOCALE_DIR / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale="fr")
    bad = [str(s) for m in catalog if m.id
           for s in (m.string if isinstance(m.string, tuple) else (m.string,))
           if _FRENCH_BAD.search(str(s))]
    assert bad == []
    assert translator("fr").colon("Avec") == "Avec\u202f:"
    assert translator("pt").colon("Com") == "Com:"


def test_arabic_uses_arabic_punctuation() -> None:
    """'،' '؛' '؟' in Arabic text, not the Latin comma, semicolon and question mark."""
    po = LOCALE_DIR / "ar" / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale="ar")
    bad = [str(s) for m in catalog if m.id
           for s in (m.string if isinstance(m.string, tuple) else (m.string,))
           if re.search(r"[,;?]", str(s))]
    assert bad == []


@pytest.mark.parametrize("text, bad", [("Lieu : x", True), ("Lieu: x", True),
                                       ("Lieu\u00a0: x", True), ("Lieu\u202f: x", False),
                                       ("libre, ! deux", False), ("10:30", False)])
def test_the_french_rule_itself(text: str, bad: bool) -> None:
    assert bool(_FRENCH_BAD.search(text)) is bad


# --- labels: literal messages, and no English label left in the translated outputs ---------

_GETTEXT = ("_", "gettext", "ngettext", "N_")
#: Calls that translate a value marked elsewhere with N_ (a table of labels): the argument is
#: a name, an item or an attribute, never a string built at run time.
_MARKED = (ast.Name, ast.Subscript, ast.Attribute)


def _message_problems(tree: ast.AST) -> list[int]:
    """Lines of gettext calls whose message is not a literal string: an f-string, a
    concatenation, a `%` or `.format` result (built before translating, so never in the
    catalog), or anything but a literal for N_ (it marks a literal for extraction)."""
    bad = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in _GETTEXT:
            continue
        count = 2 if name == "ngettext" else 1
        for arg in node.args[:count]:
            literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if not literal and (name == "N_" or not isinstance(arg, _MARKED)):
                bad.append(node.lineno)
    return bad


def test_every_message_is_a_literal() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "i18n" / "__init__.py":  # the Translator's own methods
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(SRC)}:{line}" for line in _message_problems(tree)]
    assert found == []


@pytest.mark.parametrize("code, bad", [
    ('tr._("With")', False), ('tr._(MODES[mode])', False), ('tr._(c.label)', False),
    ('tr._(f"With {x}")', True), ('tr._("With " + x)', True),
    ('tr._("{x}".format(x=1))', True), ('N_(label)', True),
    ('tr.ngettext("{n} day", plural, n)', False), ('tr.ngettext("a", "b" + s, n)', True),
])
def test_the_literal_rule_itself(code: str, bad: bool) -> None:
    assert bool(_message_problems(ast.parse(code))) is bad


#: The modules whose outputs are translated: a literal that reads as English words there is a
#: label the reader would see in English.
TRANSLATED = (
    "changes/notices.py", "changes/wording.py", "i18n/labels.py", "render/changes_markdown.py",
    "render/changes_text.py", "render/eml.py", "render/html.py", "render/html_sheets.py",
    "render/ics.py", "render/markdown.py", "render/terminal.py", "views/contacts.py",
    "views/itinerary.py", "views/sheets.py", "views/table.py", "views/timeline.py",
)
#: English on purpose, with the reason.
ENGLISH = {
    "Generated by missionctl changes",  # the marker a later run recognises (outputs.py)
    "missionctl changes",  # X-Mailer: the e-mail's marker
    "duty contact",  # a CSV `section` value: read by programs
}
#: Two words or more, or a capitalised word alone ('Hello', 'With:'), once HTML is taken out.
_PROSE = re.compile(r"[A-Za-z][a-z]+(?:[ ,:;]+[a-z]{2,})+|^\s*[A-Z][a-z]{2,}:?\s*$")
_HTML = re.compile(r"<[^>]*>?|^[^<]*>")
#: rich's style words: 'bold red' is a style, not a label.
_STYLE = re.compile(r"^(?:\s*(?:bold|dim|italic|strike|underline|reverse|on|red|green|yellow|"
                    r"blue|magenta|cyan|white|black)\b)+\s*$")


def _english(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of each string literal that reads as English words: docstrings, gettext
    messages, dictionary keys, subscripts (`msg["Subject"]`), exception messages and rich
    styles left out."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # a docstring (of a module, function, class or field)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _GETTEXT:
                skip.update(id(a) for a in ast.walk(node))
        elif isinstance(node, ast.Dict):
            skip.update(id(k) for k in node.keys if k is not None)
        elif isinstance(node, ast.Subscript):
            skip.add(id(node.slice))
        elif isinstance(node, ast.Raise) and node.exc is not None:
            skip.update(id(a) for a in ast.walk(node.exc))
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in skip and node.value not in ENGLISH
                and not _STYLE.match(node.value)
                and _PROSE.search(_HTML.sub(" ", node.value))):
            found.append((node.lineno, node.value))
    return found


def test_no_english_label_in_the_translated_outputs() -> None:
    found = [f"{rel}:{line}: {text!r}" for rel in TRANSLATED
             for line, text in _english(ast.parse((SRC / rel).read_text(encoding="utf-8")))]
    assert found == [], "mark these for the catalogs (tr._, N_) or say why in ENGLISH"


@pytest.mark.parametrize("code, bad", [
    ('out.append("Hello " + name)', True), ('row = f"With: {x}"', True),
    ('head = "Nothing in this selection."', True), ('x = tr._("Nothing here.")', False),
    ('x = "<p class=\\"empty\\">"', False), ('t.append(x, "bold red")', False),
    ('msg["Subject"] = s', False), ('x = {"tourist police": 1}', False),
    ('raise ValueError("not a thing")', False), ('x = "taking_part"', False),
])
def test_the_english_rule_itself(code: str, bad: bool) -> None:
    assert bool(_english(ast.parse(code))) is bad
