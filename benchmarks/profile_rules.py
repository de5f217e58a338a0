"""Where a full check spends its time: bare CSafeLoader load, missionctl's load, each rule.

    python benchmarks/profile_rules.py benchmarks/out/mission-10k.yaml

All figures come from one process and one run, so compare them with each other (ratios),
not with another run: these machines are shared and noisy.
"""

from __future__ import annotations

import gc
import sys
import time

import yaml


def main(path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    t = time.perf_counter()
    yaml.load(text, Loader=yaml.CSafeLoader)
    bare = time.perf_counter() - t

    from missionctl.checks import Context, registry
    from missionctl.loader import load

    t = time.perf_counter()
    loaded = load(path)
    t_load = time.perf_counter() - t
    mission = loaded.mission
    assert mission is not None, loaded.findings[:3]
    ctx = Context(mission)
    gc.disable()
    times: dict[str, tuple[float, int]] = {}
    for code, rule in registry().items():
        t = time.perf_counter()
        count = sum(1 for _ in rule.run(mission, ctx))
        times[code] = (time.perf_counter() - t, count)
    rules = sum(v[0] for v in times.values())
    print(f"bare load {bare:.2f}s  missionctl load {t_load:.2f}s ({t_load / bare:.2f}x)  "
          f"rules {rules:.2f}s  load+rules {(t_load + rules) / bare:.2f}x")
    for code, (secs, count) in sorted(times.items(), key=lambda kv: -kv[1][0]):
        print(f"  {code} {secs:6.3f}s {count:5d} findings")


if __name__ == "__main__":
    main(sys.argv[1])
