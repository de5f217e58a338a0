"""`check` (and start-up) never touch the network nor import httpx: the network commands load
their clients inside the command."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from .conftest import MISSIONS

HOOK = textwrap.dedent("""\
    import sys

    def _no_network(event, args):
        if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                     "socket.sendto", "socket.bind"):
            sys.stderr.write(f"NETWORK USED: {event} {args!r}\\n")
            sys.stderr.flush()
            import os
            os._exit(99)

    sys.addaudithook(_no_network)
""")

MISSION = MISSIONS / "produtech-morocco-2027" / "mission.yaml"


def _env(tmp_path: Path, with_hook: bool) -> dict[str, str]:
    env = dict(os.environ)
    env["HOME"] = str(tmp_path)
    env["MISSIONCTL_CACHE_DIR"] = str(tmp_path / "cache")
    env["MISSIONCTL_DATA_DIR"] = str(tmp_path / "data")
    if with_hook:
        site = tmp_path / "site"
        site.mkdir(exist_ok=True)
        (site / "sitecustomize.py").write_text(HOOK)
        env["PYTHONPATH"] = os.pathsep.join([str(site), env.get("PYTHONPATH", "")])
    return env


def test_the_hook_catches_network_use(tmp_path: Path) -> None:
    """The guard itself works: a connection attempt under it fails the process."""
    code = "import socket; socket.create_connection(('127.0.0.1', 9), timeout=1)"
    proc = subprocess.run([sys.executable, "-c", code], env=_env(tmp_path, True),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 99
    assert "NETWORK USED" in proc.stderr


def test_check_console_script_makes_no_network_call(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("missionctl")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "missionctl"]
    proc = subprocess.run([*cmd, "check", str(MISSION.parent.parent)],
                          env=_env(tmp_path, True), capture_output=True, text=True, timeout=120)
    assert "NETWORK USED" not in proc.stderr
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "2 files checked" in proc.stdout


def test_check_in_process_leaves_httpx_unimported(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""\
        import sys
        from missionctl.cli.app import main
        code = main(["check", {str(MISSION)!r}])
        # Commands are registered lazily: `check` does not even import the network commands.
        heavy = sorted(m for m in ("httpx", "httpcore", "missionctl.net.http",
                                   "missionctl.cli.network",
                                   "missionctl.netcmd.common", "rich.progress")
                       if m in sys.modules)
        print("CODE", code, "HEAVY", heavy)
    """)
    proc = subprocess.run([sys.executable, "-c", script], env=_env(tmp_path, True),
                          capture_output=True, text=True, timeout=120)
    assert "NETWORK USED" not in proc.stderr
    assert "CODE 0 HEAVY []" in proc.stdout, proc.stdout + proc.stderr


def test_help_and_holidays_without_source_stay_offline(tmp_path: Path) -> None:
    script = textwrap.dedent("""\
        import sys
        from missionctl.cli.app import main
        main(["--help"])
    """)
    proc = subprocess.run([sys.executable, "-c", script], env=_env(tmp_path, True),
                          capture_output=True, text=True, timeout=60)
    for name in ("travel", "geocode", "holidays", "publish"):
        assert name in proc.stdout
    script = textwrap.dedent("""\
        import sys
        from missionctl.cli.app import main
        code = main(["holidays", "MA", "2027"])
        print("CODE", code, "HTTPX", "httpx" in sys.modules)
    """)
    proc = subprocess.run([sys.executable, "-c", script], env=_env(tmp_path, True),
                          capture_output=True, text=True, timeout=60)
    assert "NETWORK USED" not in proc.stderr
    assert "CODE 0 HTTPX False" in proc.stdout, proc.stdout + proc.stderr
