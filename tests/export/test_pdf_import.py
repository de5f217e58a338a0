"""fpdf2 is imported without numpy, cryptography and Pillow (export/pdf.py says why), and the
PDF is the same byte for byte as when they are imported first."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MISSION = ROOT / "missions" / "produtech-morocco-2027" / "mission.yaml"

pytest.importorskip("fpdf")

# Runs the console script in a fresh interpreter, after importing argv[1] (comma-separated).
CHILD = """\
import importlib, sys
for name in filter(None, sys.argv[1].split(",")):
    importlib.import_module(name)
sys.argv = ["missionctl", *sys.argv[2:]]
from missionctl.cli.app import run
run()
"""


def _contacts_pdf(tmp_path: Path, first: str) -> bytes:
    out = tmp_path / f"contacts-{first or 'plain'}.pdf"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, first, "contacts", str(MISSION), "--format", "pdf",
         "-o", str(out)],
        capture_output=True, text=True, timeout=300, env={"SOURCE_DATE_EPOCH": "1790000000",
                                                          "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    return out.read_bytes()


BLOCKED = ("numpy", "cryptography", "PIL")


def test_fpdf_comes_without_numpy_cryptography_and_pillow_and_they_still_import() -> None:
    code = ("import sys; from missionctl.export.pdf import _fpdf; _fpdf(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            f"{BLOCKED!r}))")
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr  # -W error: fpdf2's warning is silenced
    assert done.stdout.strip() == "[]"
    for name in BLOCKED:
        if importlib.util.find_spec(name) is not None:
            later = subprocess.run(
                [sys.executable, "-c", f"from missionctl.export.pdf import _fpdf; _fpdf(); "
                 f"import {name}"], capture_output=True, text=True, timeout=120)
            assert later.returncode == 0, later.stderr


@pytest.mark.slow
def test_the_pdf_is_the_same_whether_or_not_they_were_imported_first(tmp_path: Path) -> None:
    present = [n for n in BLOCKED if importlib.util.find_spec(n) is not None]
    if not present:
        pytest.skip("none of numpy, cryptography and Pillow is installed: nothing to compare")
    assert _contacts_pdf(tmp_path, "") == _contacts_pdf(tmp_path, ",".join(present))
