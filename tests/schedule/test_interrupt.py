"""Ctrl-C during a solve: the search stops, nothing is written, the best so far is told."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from missionctl.cli import schedule as cli_schedule
from missionctl.cli.app import main
from missionctl.schedule.command import run
from missionctl.schedule.outcome import Progress
from missionctl.schedule.solver import Interrupted
from schedule.scenario import Scenario

BIG = Scenario([f"o{i}" for i in range(12)],
               [(f"o{i}", f"o{j}", ("high", "normal", "low")[(i + j) % 3])
                for i in range(12) for j in range(i + 1, 12) if (i * j) % 3 != 1],
               end="17:00", tables=4)


@pytest.fixture(autouse=True)
def ctrl_c_raises() -> Iterator[None]:
    """Python's own Ctrl-C handler for the time of each test. A process started in the
    background by a shell without job control (`cmd &` in a script, as CI runners and
    `nohup` start the suite) inherits SIGINT ignored, and Python then installs no handler:
    the simulated Ctrl-C would be lost and the solve would run to its end."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def interrupt_at_first_news(news: Progress) -> None:
    """Press Ctrl-C from the solver's callback, and hold the solver there long enough for
    the main thread to see it (the search cannot end first). The main thread looks every 0.1 s;
    2 s, not 0.5 s, because at a load of 12 on 2 cores it was not scheduled in time and the
    search ran to its end."""
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(2.0)


def test_interrupt_writes_nothing(tmp_path: Path) -> None:
    path = BIG.write(tmp_path)
    with pytest.raises(Interrupted) as stop:
        run(path, progress=interrupt_at_first_news)
    assert stop.value.progress is not None and stop.value.progress.met > 0
    assert not (tmp_path / "b2b-meetings.yaml").exists()


def test_interrupt_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = BIG.write(tmp_path)
    monkeypatch.setattr(cli_schedule.Live, "update",
                        lambda self, news: interrupt_at_first_news(news))
    assert main(["schedule", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("missionctl: interrupted: nothing written (best so far: planning "
                          "(requests): ")
    assert not (tmp_path / "b2b-meetings.yaml").exists()


def test_progress_reads_as_a_line() -> None:
    news = Progress("breaks", 15, 3, 3, 1, 4.25)
    assert cli_schedule.describe(news) == ("planning (breaks): 15 request pairs met, 3 breaks, "
                                           "stage bound 1, 4.2 s")
