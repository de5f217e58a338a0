"""`run.py`'s judgement and report: the targets of issue 10 as PASS/FAIL, and Markdown tables.

Every ratio is a ratio of two medians from the same run, of the clock chosen with
``--clock`` (wall time by default, or CPU time); "paired" is the median of the ratios taken
within each repetition, shown as a check on drift.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness import GB, Run, fmt_mb, fmt_r, fmt_s, fmt_spread, med, ratio

CHECK_LIMIT_RAW = 3.0  # check 10k <= 3x the raw libyaml parse
DENSE_LIMIT = 0.6  # check of the findings-heavy 10k <= 0.6x its load
STARTUP_LIMIT = 0.6  # check tiny.yaml <= 0.6x the bare Typer app
SCALE_LIMIT = 12.0  # every command: 100k <= 12x 10k
FORMAT_LIMIT, CHECK_LIMIT_LOAD = 0.5, 0.75  # earlier issues, against the CSafeLoader load


@dataclass
class Results:
    args: argparse.Namespace
    labels: list[str]
    files: dict[str, Path]
    dense: Path | None
    samples: dict[str, dict[str, list[Run]]]
    start: dict[str, list[Run]]
    findings: dict[str, object]
    exports: dict[str, tuple[list[str], bool, float]]
    failures: list[str]
    clock: str
    prefix: list[str] | None
    target: str | None
    events: dict[str, int]
    load: tuple[tuple[float, ...], tuple[float, ...]]
    floor_kb: int
    when: dt.datetime
    python: str
    #: label -> ICS export -> VEVENTs it wrote (run.count_vevents)
    written: dict[str, dict[str, int]] = field(default_factory=dict)

    def runs(self, label: str, kind: str) -> list[Run]:
        return self.samples.get(label, {}).get(kind, [])

    def t(self, label: str, kind: str) -> float | None:
        """The median time of `kind` on `label`, by the chosen clock."""
        return med([getattr(r, self.clock) for r in self.runs(label, kind)])

    def rss(self, label: str, kind: str) -> int | None:
        return max((r.maxrss for r in self.runs(label, kind)), default=None)

    def r(self, label: str, kind: str, base: str) -> float | None:
        return ratio(self.t(label, kind), self.t(label, base))

    def paired(self, label: str, kind: str, base: str) -> float | None:
        pairs = zip(self.runs(label, kind), self.runs(label, base), strict=False)
        return med([ratio(getattr(a, self.clock), getattr(b, self.clock)) for a, b in pairs])

    def per_written(self, label: str, name: str) -> float | None:
        """A folder export's time / load, scaled to the single calendar's VEVENTs: its cost
        per calendar event written, in the single calendar's terms (run.py's EXPORTS says
        why --per-person is judged so)."""
        counts = self.written.get(label, {})
        mine = counts.get(name)
        single = counts.get("itinerary ics") or self.events.get(label)
        r = self.r(label, name, "load")
        if r is None or not mine or not single:
            return None
        return r * single / mine

    def output_growth(self, name: str) -> float | None:
        """For a folder export (--per-person): VEVENTs written at 100k / at 10k; else None.
        The generated missions' events had more attendees at 100k until the generator's layout
        2 (13.7 a calendar event, 9.3 at 10k), and a calendar per person grew about 15x for
        10x the events; judged per event written, the ratio does not depend on that."""
        if name not in self.exports or not self.exports[name][1]:
            return None
        big, small = (self.written.get(s, {}).get(name) for s in ("100k", "10k"))
        return big / small if big and small else None

    def commands(self) -> list[str]:
        """The missionctl commands measured (for the 100k/10k and memory targets)."""
        kinds = [k for k in ("check", "format") if any(self.runs(s, k) for s in self.labels)]
        return kinds + [k for k in self.exports if any(self.runs(s, k) for s in self.labels)]

    def startup(self) -> tuple[float | None, float | None]:
        t = {k: med([getattr(r, self.clock) for r in v]) for k, v in self.start.items()}
        pairs = zip(self.start["check"], self.start["typer"], strict=False)
        paired = med([ratio(getattr(a, self.clock), getattr(b, self.clock)) for a, b in pairs])
        return ratio(t.get("check"), t.get("typer")), paired

    def as_json(self, judged: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "when": self.when.isoformat(timespec="seconds"), "python": self.python,
            "clock": self.clock, "loadavg_before": self.load[0], "loadavg_after": self.load[1],
            "harness_peak_kb": self.floor_kb, "missionctl": self.prefix,
            "inprocess_target": self.target, "events": self.events,
            "reps": {"small": self.args.reps, "100k": self.args.reps_100k,
                     "startup": self.args.startup_reps},
            "samples": {lb: {k: [r.as_dict() for r in v] for k, v in kinds.items()}
                        for lb, kinds in self.samples.items()},
            "startup": {k: [r.as_dict() for r in v] for k, v in self.start.items()},
            "findings": self.findings, "targets": judged, "failures": self.failures,
        }


def targets(res: Results) -> list[dict[str, Any]]:
    """Every target of issue 10 (and the two earlier ones), judged."""
    out: list[dict[str, Any]] = []

    def add(name: str, value: float | None, limit: str, shown: str, ok: bool) -> None:
        out.append({"target": name, "measured": shown, "limit": limit, "value": value,
                    "result": "n/a" if value is None else ("PASS" if ok else "FAIL")})

    def at_most(name: str, value: float | None, limit: float, extra: str = "") -> None:
        add(name, value, f"≤ {limit:.2f}×", fmt_r(value) + extra,
            value is not None and value <= limit)

    at_most("check 10k / raw libyaml parse 10k", res.r("10k", "check", "parse"),
            CHECK_LIMIT_RAW)
    at_most("check of the 10k findings-heavy mission (--dense) / its CSafeLoader load",
            res.r("10k", "dense check", "dense load"), DENSE_LIMIT)
    for name in res.args.export_names:
        if res.exports[name][1]:  # a folder: one calendar per person
            mine = res.written.get("10k", {}).get(name)
            at_most(f"{name} 10k / CSafeLoader load 10k, per calendar event written "
                    f"({mine or 0:,} VEVENTs)", res.per_written("10k", name),
                    res.exports[name][2], f" (unscaled {fmt_r(res.r('10k', name, 'load'))})")
            continue
        at_most(f"{name} 10k / CSafeLoader load 10k", res.r("10k", name, "load"),
                res.exports[name][2])
    for name in res.commands():
        scale = ratio(res.t("100k", name), res.t("10k", name))
        grown = res.output_growth(name)
        if grown is None:
            at_most(f"{name}: 100k / 10k", scale, SCALE_LIMIT)
        else:  # per calendar event written: its output grows faster than the mission
            at_most(f"{name}: 100k / 10k, per calendar event written (it wrote {grown:.1f}× "
                    "the VEVENTs)", None if scale is None else scale * 10 / grown,
                    SCALE_LIMIT, f" (unscaled {fmt_r(scale)})")
    peaks = [(kb, k) for k in res.commands() if (kb := res.rss("100k", k)) is not None]
    peak, largest = max(peaks, default=(None, "–"))
    add(f"peak RSS at 100k, every command (largest: {largest})", peak, "< 2 GB (2048 MB)",
        fmt_mb(peak), peak is not None and peak * 1024 < 2 * GB)
    startup, paired = res.startup()
    at_most("start-up: check tiny.yaml / bare Typer app", startup, STARTUP_LIMIT,
            f" (paired {fmt_r(paired)})")
    at_most("check --select MC0 10k / CSafeLoader load 10k (earlier issue)",
            res.r("10k", "format", "load"), FORMAT_LIMIT)
    at_most("check 10k / CSafeLoader load 10k (earlier issue)", res.r("10k", "check", "load"),
            CHECK_LIMIT_LOAD)
    return out


def report(res: Results, judged: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    p = lines.append
    import yaml

    a = res.args
    shown = " ".join(Path(x).name if i == 0 else x for i, x in enumerate(res.prefix or []))
    p(f"## missionctl benchmarks, {res.when.strftime('%Y-%m-%d %H:%M')}")
    p("")
    p(f"Python {res.python}, PyYAML {yaml.__version__} (libyaml: {yaml.__with_libyaml__}), "
      f"{os.cpu_count()} CPUs, load average {res.load[0][0]:.2f} before / "
      f"{res.load[1][0]:.2f} after. "
      f"Peak RSS of this harness (the floor of every child's peak RSS): "
      f"{res.floor_kb / 1024:.0f} MB. missionctl: `{shown or 'not runnable'}`. Clock: "
      f"**{res.clock}** time of each child. Medians of {a.reps} interleaved repetitions "
      f"({'100k: ' + str(a.reps_100k) + '; ' if '100k' in res.labels else ''}start-up: "
      f"{a.startup_reps}); (min–max) in brackets; ratios are "
      'ratios of the medians, "paired" = median of the ratios within each repetition.')
    p("")
    _check_table(res, p)
    _exports_table(res, p)
    _startup_table(res, p)
    p("### targets")
    p("")
    p("| target | measured | limit | result |")
    p("| --- | ---: | ---: | --- |")
    for t in judged:
        p(f"| {t['target']} | {t['measured']} | {t['limit']} | **{t['result']}** |")
    if res.failures:
        p("")
        p("### benchmark FAILED")
        p("")
        for f in res.failures:
            p("```")
            p(f.rstrip())
            p("```")
    return "\n".join(lines)


def _check_table(res: Results, p: Any) -> None:
    c = res.clock
    p("### check vs the CSafeLoader load and the raw libyaml parse")
    p("")
    p("| file | events | size | check | load | check / load | parse | check / parse | "
      "format only (`--select MC0`) | / load | check, in-process | peak RSS check | "
      "peak RSS load | check exit |")
    p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | "
      "---: | --- |")
    rows = [(lb, "check", "load", "parse", res.files[lb]) for lb in res.labels]
    if res.dense is not None and res.runs("10k", "dense check"):
        rows.append(("10k", "dense check", "dense load", "", res.dense))
    for label, check, load, parse, path in rows:
        name = label + (" dense" if check == "dense check" else "")
        spread = {k: fmt_spread([getattr(x, c) for x in res.runs(label, k)])
                  for k in (check, load)}
        p(f"| {name} | {res.events.get(label, 0):,} | {path.stat().st_size / 1e6:.1f} MB "
          f"| {fmt_s(res.t(label, check))}{spread[check]} "
          f"| {fmt_s(res.t(label, load))}{spread[load]} "
          f"| **{fmt_r(res.r(label, check, load))}** "
          f"(paired {fmt_r(res.paired(label, check, load))}) "
          f"| {fmt_s(res.t(label, parse)) if parse else '–'} "
          f"| {'**' + fmt_r(res.r(label, check, parse)) + '**' if parse else '–'} "
          f"| {fmt_s(res.t(label, 'format')) if parse else '–'} "
          f"| {fmt_r(res.r(label, 'format', load)) if parse else '–'} "
          f"| {fmt_s(med([x.internal for x in res.runs(label, 'inproc')])) if parse else '–'} "
          f"| {fmt_mb(res.rss(label, check))} | {fmt_mb(res.rss(label, load))} "
          f"| {', '.join(map(str, sorted({x.rc for x in res.runs(label, check)}))) or '–'} |")
    p("")
    for label, v in res.findings.items():
        if isinstance(v, dict):
            codes = ", ".join(f"{k} {n}" for k, n in sorted(v["by_code"].items())) or "none"
            p(f"- findings, {label} (`check --format json`, warm-up): exit {v['exit']}, {codes}")
    p("")


def _exports_table(res: Results, p: Any) -> None:
    names = [n for n in res.exports if any(res.runs(s, n) for s in res.labels)]
    if not names:
        return
    p("### exports vs the CSafeLoader load of the same file")
    p("")
    head = "| export | " + " | ".join(f"{s} | × load {s}" for s in res.labels)
    p(head + " | 100k / 10k | peak RSS (largest size) | target (10k) |")
    p("| --- | " + " | ".join("---: | ---:" for _ in res.labels) + " | ---: | ---: | ---: |")
    for name in names:
        cells = []
        for s in res.labels:
            cells.append(f"{fmt_s(res.t(s, name))} | {fmt_r(res.r(s, name, 'load'))}")
        big = next((s for s in reversed(res.labels) if res.runs(s, name)), res.labels[-1])
        limit = f"≤ {res.exports[name][2]:.2f}×"
        if res.exports[name][1]:
            limit += f" per event written ({fmt_r(res.per_written('10k', name))})"
        p(f"| {name} | " + " | ".join(cells)
          + f" | {fmt_r(ratio(res.t('100k', name), res.t('10k', name)))} "
          f"| {fmt_mb(res.rss(big, name))} | {limit} |")
    p("")
    for label, counts in res.written.items():
        if counts:
            shown = ", ".join(f"{k} {n:,}" for k, n in counts.items())
            p(f"- VEVENTs written, {label}: {shown}")
    p("")


def _startup_table(res: Results, p: Any) -> None:
    c = res.clock
    names = {"check": "missionctl check tiny.yaml",
             "typer": "bare Typer app: bare_typer.py check tiny.yaml",
             "python": "bare interpreter: python -c pass"}
    p("### start-up (`benchmarks/tiny.yaml`)")
    p("")
    p("| command | time | peak RSS |")
    p("| --- | ---: | ---: |")
    for k, label in names.items():
        runs = res.start.get(k, [])
        if runs:
            p(f"| {label} | {fmt_s(med([getattr(x, c) for x in runs]))}"
              f"{fmt_spread([getattr(x, c) for x in runs])} "
              f"| {fmt_mb(med([x.maxrss for x in runs]))} |")
    startup, paired = res.startup()
    p(f"| **ratio missionctl / bare Typer** | **{fmt_r(startup)}** (paired {fmt_r(paired)}) | |")
    p("")
