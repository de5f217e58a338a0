"""Babel is optional and loaded late: `check` never imports it (its start-up must not
change), English needs nothing, and another language without Babel is one clear line.

Each case runs a fresh interpreter (a module, once imported, stays imported)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from i18n.data import MULTILINGUAL

PROBE = """\
import sys
from missionctl.cli.app import main
code = main(sys.argv[1:])
heavy = ("babel", "missionctl.i18n.cldr", "missionctl.views.localise")
print(code, sorted(m for m in heavy if m in sys.modules))
"""


def run(*args: str, env_path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = None
    if env_path is not None:
        import os

        env = {**os.environ, "PYTHONPATH": env_path}
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          check=False, env=env)


def test_check_never_loads_babel(tmp_path: Path) -> None:
    mission = tmp_path / "m.yaml"
    mission.write_text(MULTILINGUAL, encoding="utf-8")
    done = run("check", str(mission))
    assert done.stdout.splitlines()[-1] == "0 []", done.stderr
    # Nor does an English output, multilingual texts and all.
    done = run("itinerary", str(mission), "--lang", "en", "-o", str(tmp_path / "en.txt"))
    assert done.stdout.splitlines()[-1] == "0 ['missionctl.views.localise']", done.stderr


def test_another_language_loads_it(tmp_path: Path) -> None:
    mission = tmp_path / "m.yaml"
    mission.write_text(MULTILINGUAL, encoding="utf-8")
    done = run("itinerary", str(mission), "-o", str(tmp_path / "pt.txt"))
    assert done.stdout.splitlines()[-1] == (
        "0 ['babel', 'missionctl.i18n.cldr', 'missionctl.views.localise']"), done.stderr


def test_without_babel(tmp_path: Path) -> None:
    """A `babel` package that cannot be imported stands first on the path: the real import
    machinery fails as it does where Babel is not installed."""
    fake = tmp_path / "nobabel" / "babel"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text('raise ImportError("No module named \'babel\'")\n')
    mission = tmp_path / "m.yaml"
    mission.write_text(MULTILINGUAL, encoding="utf-8")
    out = tmp_path / "pt.txt"
    done = run("itinerary", str(mission), "--lang", "pt", "-o", str(out),
               env_path=str(fake.parent))
    assert done.stdout.splitlines()[-1].startswith("2 "), done.stderr
    assert done.stderr == (
        "missionctl: writing in 'pt' needs Babel, which is not installed: pip install "
        "Babel (or, in missionctl's clone, pip install -e '.[i18n]'); --lang en needs "
        "nothing\n")
    assert not out.exists()  # nothing written
    # The mission's default language (pt), asked for by nobody, falls back to English with a
    # note rather than stopping the output; English and `check` need nothing.
    done = run("contacts", str(mission), env_path=str(fake.parent))
    assert done.stdout.splitlines()[-1].startswith("0 "), done.stderr
    assert done.stderr == ("missionctl: in English, not 'pt' (the mission's language): that "
                           "needs Babel, pip install Babel\n")
    done = run("contacts", str(mission), "--lang", "en", env_path=str(fake.parent))
    assert done.stdout.splitlines()[-1] == "0 ['missionctl.views.localise']", done.stderr
    assert run("check", str(mission), env_path=str(fake.parent)).stdout.endswith("0 []\n")
