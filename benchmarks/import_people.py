#!/usr/bin/env python3
"""Benchmark `missionctl import people` on a 5,000-row registration sheet against openpyxl
reading the same sheet alone, and the two ODS readers against each other.

    python benchmarks/import_people.py                  # 5,000 rows, 5 repetitions
    python benchmarks/import_people.py --rows 50000 --reps 3

Measurements, each a fresh child process, interleaved (one repetition runs every command once),
medians of the CPU time (user + system, the child's own `os.wait4` accounting):

  openpyxl    `load_workbook(read_only=True)` and every row of the sheet (`values_only`): the
              yardstick of the issue ("under 3x the time openpyxl alone needs to read it")
  import      `python -m missionctl import people SHEET --mission M -o TMP`: read, map,
              parse every cell, merge, make ids, write the include file
  calamine    python-calamine reading the same sheet saved as .ods by LibreOffice
  odfpy       odfpy reading that .ods (when odfpy is installed; it is not a dependency)

The sheet has the mess of a real one: names in capitals, a company spelt four ways, repeats
and broken rows (a tenth of the organisations are shared, so merges are exercised). Judge the
ratios, from one run: the machines are shared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
READ_XLSX = ("import sys, openpyxl\n"
             "wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)\n"
             "ws = wb.worksheets[0]\nws.reset_dimensions()\n"
             "n = sum(1 for _ in ws.iter_rows(values_only=True))\nwb.close()\n")
READ_CALAMINE = ("import sys\nfrom python_calamine import CalamineWorkbook\n"
                 "rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0)"
                 ".to_python(skip_empty_area=False)\n")
READ_ODFPY = ("import sys\nfrom odf.opendocument import load\nfrom odf.table import Table, "
              "TableRow, TableCell\nfrom odf import teletype\n"
              "doc = load(sys.argv[1])\ntable = doc.spreadsheet.getElementsByType(Table)[0]\n"
              "rows = [[teletype.extractText(c) for c in r.getElementsByType(TableCell)]\n"
              "        for r in table.getElementsByType(TableRow)]\n")
MISSION = """\
missionctl: 1
mission:
  id: bench
  title: Benchmark mission
  host_country: MA
  timezone: Africa/Casablanca
  start: 2027-05-10
  end: 2027-05-14
"""


def sheet(path: Path, rows: int) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    ws = book.create_sheet("Inscrições")
    ws.append(["Nome completo", "Empresa", "Cargo", "E-mail", "Telemóvel", "País", "Idiomas",
               "Data de chegada", "Restrições alimentares", "Observações"])
    spellings = ["Moldes Norte, Lda.", "MOLDES NORTE LDA", "Moldes Norte Lda", "moldes norte"]
    for i in range(rows):
        company = (spellings[i % 4] if i % 10 == 0 else f"Empresa {i // 10} Lda.")
        name = f"Pessoa {i % 997} Silva" if i % 7 else f"PESSOA {i % 997} SILVA"
        email = f"pessoa{i}@example.org" if i % 50 else "pessoa@"  # 2% broken rows
        ws.append([name, company, "Engenheiro", email, f"+351 910 {i:06d}", "Portugal",
                   "Português, Inglês", datetime(2027, 5, 10, 9) + timedelta(minutes=i % 300),
                   "vegetariano" if i % 5 == 0 else None, None])
    book.save(path)


def child(cmd: list[str]) -> float:
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: rows were skipped (the sheet has broken rows on purpose)
        raise SystemExit(f"benchmark failed: {' '.join(cmd)}\n{err[-2000:]}")
    return usage.ru_utime + usage.ru_stime


def to_ods(xlsx: Path, folder: Path) -> Path | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/lo", "--headless",
                    "--convert-to", "ods", "--outdir", str(folder), str(xlsx)],
                   check=True, capture_output=True, timeout=600)
    out = folder / f"{xlsx.stem}.ods"
    return out if out.is_file() else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx = folder / "inscricoes.xlsx"
        sheet(xlsx, args.rows)
        mission = folder / "mission.yaml"
        mission.write_text(MISSION, encoding="utf-8")
        commands = {
            "openpyxl": [sys.executable, "-c", READ_XLSX, str(xlsx)],
            "import": [sys.executable, "-m", "missionctl", "import", "people", str(xlsx),
                       "--mission", str(mission), "-o", str(folder / "out.yaml")],
        }
        ods = to_ods(xlsx, folder)
        if ods is not None:
            commands["calamine"] = [sys.executable, "-c", READ_CALAMINE, str(ods)]
            try:
                import odf  # noqa: F401
                commands["odfpy"] = [sys.executable, "-c", READ_ODFPY, str(ods)]
            except ImportError:
                pass
        times: dict[str, list[float]] = {name: [] for name in commands}
        t0 = time.perf_counter()
        names = list(commands)
        for rep in range(args.reps):
            for name in names[rep % len(names):] + names[:rep % len(names)]:
                times[name].append(child(commands[name]))
        med = {name: statistics.median(v) for name, v in times.items()}
    print(f"{args.rows:,} rows, {args.reps} repetitions, {time.perf_counter() - t0:.0f} s")
    print("| measurement | CPU s (median) | ratio |")
    print("| --- | --- | --- |")
    for name, value in med.items():
        base = med["calamine"] if name == "odfpy" else med["openpyxl"]
        print(f"| {name} | {value:.2f} | {value / base:.2f}x |")


if __name__ == "__main__":
    main()
