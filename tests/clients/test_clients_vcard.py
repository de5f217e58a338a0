"""vCards read back by vobject and listed by khard (Debian `khard`).

khard reads a folder of .vcf files, one card per file (a vdir); it has no import command.
The test splits the sheet's cards into such a folder with a temporary khard.conf.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vobject

from missionctl.loader import load
from missionctl.model import Mission
from missionctl.render import vcard
from missionctl.views import contacts
from views.sample import load_small

KHARD = shutil.which("khard")
pytestmark = [pytest.mark.clients]
needs_khard = pytest.mark.skipif(KHARD is None, reason="khard not installed (Debian package "
                                 "khard)")
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ["produtech-morocco-2027", "produtech-return-visit-2027"]

CONFIG = """\
[addressbooks]
[[mission]]
path = {book}
[general]
debug = no
default_action = list
editor = /bin/true
merge_editor = /bin/true
[contact table]
display = formatted_name
show_uids = no
"""


def example(name: str) -> Mission:
    path = ROOT / "missions" / name / "mission.yaml"
    loaded = load(path, str(path))
    if not loaded.ok or loaded.mission is None:
        pytest.skip(f"{name} has format errors")
    return loaded.mission


def khard(tmp: Path, text: str, *args: str) -> str:
    book = tmp / "book"
    book.mkdir(exist_ok=True)
    for i, card in enumerate(vobject.readComponents(text)):
        (book / f"{i:03d}.vcf").write_text(card.serialize(), encoding="utf-8")
    config = tmp / "khard.conf"
    config.write_text(CONFIG.format(book=book), encoding="utf-8")
    assert KHARD is not None
    done = subprocess.run(
        [KHARD, "-c", str(config), *args], capture_output=True, text=True, timeout=120,
        check=True, env={"HOME": str(tmp), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                         "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    )
    return done.stdout


@pytest.mark.parametrize("name", EXAMPLES)
def test_vobject_reads_every_card_back(name: str) -> None:
    sheet = contacts.build(example(name))
    cards = list(vobject.readComponents(vcard.contacts(sheet)))
    names = [c.fn.value for c in cards]
    assert names[: len(sheet.people)] == [p.name for p in sheet.people]
    assert all(c.version.value == "3.0" for c in cards)


@needs_khard
@pytest.mark.parametrize("name", EXAMPLES)
def test_khard_lists_everyone(tmp_path: Path, name: str) -> None:
    sheet = contacts.build(example(name))
    listed = khard(tmp_path, vcard.contacts(sheet), "list")
    missing = [p.name for p in sheet.people if p.name not in listed]
    assert not missing
    for p in sheet.people:
        if p.email:
            assert p.email in listed
    assert f"Emergency numbers – {sheet.country_name}" in listed


@needs_khard
def test_khard_shows_phones_with_emergency_labels(tmp_path: Path) -> None:
    m = load_small(tmp_path)
    phones = khard(tmp_path, vcard.contacts(contacts.build(m)), "phone")
    assert "+212 661 000 001" in phones
    rows = [" ".join(line.split()) for line in phones.splitlines()]
    assert "Emergency numbers – Morocco police 19" in rows
    assert "Emergency numbers – Morocco gendarmerie 177" in rows


@needs_khard
def test_khard_public_sheet_has_no_private_phone(tmp_path: Path) -> None:
    m = load_small(tmp_path)
    listed = khard(tmp_path, vcard.contacts(contacts.build(m, public=True)), "phone")
    assert "+212 661 000 001" not in listed and "0612345670" not in listed


@needs_khard
def test_khard_reads_names_and_organisation(tmp_path: Path) -> None:
    m = load_small(tmp_path)
    shown = khard(tmp_path, vcard.contacts(contacts.build(m)), "show", "--format", "yaml",
                  "Youssef")
    assert "First name: Youssef" in shown
    assert "Last name: Amrani" in shown
    assert "Acme Morocco" in shown


@needs_khard
def test_khard_lists_every_address_check_accepts(tmp_path: Path) -> None:
    """Issue 9: odd addresses `check` accepts (`ana?cc=x@...`, `o'brien+x@...`, UTF-8...) are
    written so that khard reads each back as written."""
    from render.test_emails import ODD, _mission

    path = _mission(tmp_path)
    loaded = load(path, str(path))
    assert loaded.ok and loaded.mission is not None
    listed = khard(tmp_path, vcard.contacts(contacts.build(loaded.mission)), "email")
    for pid, email in ODD.items():
        assert f"Person {pid}" in listed
        assert email in listed, email
