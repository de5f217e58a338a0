"""Language names -> ISO 639-1 codes: the table behind "did you mean 'pt'?"."""

from __future__ import annotations

import gettext
import json
import subprocess
import sys
from pathlib import Path

import pytest

from missionctl import language_names
from missionctl.codes import LANGUAGES
from missionctl.language_names import code_for

ISO_CODES = Path("/usr/share/iso-codes/json/iso_639-2.json")


@pytest.mark.parametrize(("written", "code"), [
    ("Portuguese", "pt"), ("português", "pt"), ("Portugues", "pt"), ("PORTUGUÊS", "pt"),
    ("portugais", "pt"), ("por", "pt"), ("Arabic", "ar"), ("árabe", "ar"), ("arabe", "ar"),
    ("ara", "ar"), ("French", "fr"), ("francês", "fr"), ("français", "fr"), ("fre", "fr"),
    ("English", "en"), ("inglês", "en"), ("anglais", "en"), ("Spanish", "es"),
    ("espanhol", "es"), ("espagnol", "es"), ("German", "de"), ("alemão", "de"),
    ("Chinese", "zh"), ("  Norwegian   Bokmål ", "nb"),
])
def test_names_in_english_portuguese_and_french_give_the_code(written: str, code: str) -> None:
    assert code_for(written) == code


@pytest.mark.parametrize("written", ["Darija", "Klingon", "", "xx", "pt"])
def test_unknown_names_give_nothing(written: str) -> None:
    assert code_for(written) is None


def test_every_code_of_the_table_is_an_iso_639_1_code() -> None:
    assert set(language_names.BY_CODE) <= LANGUAGES
    # Every code has a name but 'tw' (Twi): CLDR names Twi and Akan alike, so neither name is
    # in the table and Akan keeps its code 'ak'.
    assert LANGUAGES - set(language_names.BY_CODE) == {"tw"}


@pytest.mark.skipif(not ISO_CODES.exists(), reason="Debian's iso-codes is not installed")
def test_the_table_agrees_with_debians_iso_codes() -> None:
    """Debian's iso-codes names (English, and its Portuguese and French translations),
    written by people who are not CLDR's: the table never gives another code for one."""
    entries = json.loads(ISO_CODES.read_text(encoding="utf-8"))["639-2"]
    translations = [gettext.translation("iso_639-2", "/usr/share/locale", languages=[lang],
                                        fallback=True) for lang in ("pt", "fr")]
    agree, disagree = 0, []
    for entry in entries:
        if "alpha_2" not in entry:
            continue
        names = [entry["name"], *(t.gettext(entry["name"]) for t in translations)]
        for name in (part for n in names for part in n.split(";")):
            found = code_for(name)
            if found == entry["alpha_2"]:
                agree += 1
            elif found is not None:
                disagree.append((name, entry["alpha_2"], found))
    assert disagree == []
    assert agree > 400


def test_the_table_is_what_babel_generates() -> None:
    pytest.importorskip("babel")
    assert language_names.generate() == Path(language_names.__file__).read_text(encoding="utf-8")


def test_check_does_not_import_the_table_for_a_clean_mission(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("missionctl: 1\nmission: {id: m, title: M, host_country: MA, timezone: "
                    "Africa/Casablanca, start: 2027-05-10, end: 2027-05-14, languages: [pt]}\n",
                    encoding="utf-8")
    code = ("import sys; from missionctl.cli.app import main; main(['check', sys.argv[1]]); "
            "print('missionctl.language_names' in sys.modules, file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=False)
    assert run.stderr.strip().splitlines()[-1] == "False"
