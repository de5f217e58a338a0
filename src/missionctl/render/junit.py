"""`check --format junit`: JUnit XML for GitLab's test reports, Jenkins and the like.

    <testsuites name="missionctl check" tests=".." failures=".." errors="0">
      <testsuite name="missions/x.yaml" ... skipped=".."> one per mission file checked
        <testcase classname="missions/x.yaml" name="MC101 person-double-booked">
          <failure message="..." type="error">missions/x.yaml:40:3: error: ...</failure>
        </testcase>

- One testcase per mission file and rule with findings. It fails (`<failure>`) when its
  findings are at or above the file's `fail_on` (warnings too with --strict), exactly when
  they make `check` exit 1; otherwise it passes and lists its findings in `<system-out>`.
  Findings in included files belong to the mission file that includes them (their own path
  is in each line).
- A file whose format errors kept the conflict checks from running has a skipped testcase
  "conflict checks"; a file with nothing to report has one passing testcase
  "missionctl check", so every file shows up in the report.
- With --show-waived, waived findings come as a skipped testcase "CODE rule-name (waived)"
  whose text gives each finding with its reason.
- Valid against Jenkins' junit-10.xsd (the xunit plugin's schema, the strictest reader in
  use; tests/report/junit-10.xsd): the skipped count is on each <testsuite>, never on
  <testsuites>.
- No timestamps or durations: the same input gives the same bytes. Characters XML 1.0
  cannot carry (control characters) are written as `\\xNN`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from missionctl.findings import Finding, Severity
from missionctl.linter import FileReport
from missionctl.render import Options
from missionctl.rules.catalogue import RULES

_BREAKS = re.compile("\r\n|\r|\n")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry: line breaks as \\n, other control characters as `\\xNN`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def finding_lines(f: Finding) -> list[str]:
    sev = (f.severity or Severity.ERROR).label
    first, *more = _BREAKS.split(f.message)
    lines = [f"{f.loc}: {sev}: {first}", *(f"    {line}" for line in more)]
    lines += [f"  related: {loc}" for loc in f.related]
    if f.waived is not None:
        lines.append(f"  waived: {' '.join(_BREAKS.split(f.waived))}")
    return lines


def _text(findings: Sequence[Finding]) -> str:
    return xml_text("\n".join(line for f in findings for line in finding_lines(f)))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def suite(report: FileReport, options: Options) -> ET.Element:
    bar = min(report.fail_on, Severity.WARNING) if options.strict else report.fail_on
    name = xml_text(report.file)
    cases: list[ET.Element] = []
    failures = skipped = 0

    def case(title: str) -> ET.Element:
        el = ET.Element("testcase", {"classname": name, "name": title})
        cases.append(el)
        return el

    by_code: dict[str, list[Finding]] = {}
    waived: dict[str, list[Finding]] = {}
    for f in sorted(report.findings, key=Finding.sort_key):
        (by_code if f.waived is None else waived).setdefault(f.code, []).append(f)
    for code in sorted(by_code.keys() | (waived.keys() if options.show_waived else set())):
        title = f"{code} {RULES[code].name}" if code in RULES else code
        found = by_code.get(code, [])
        if found:
            el = case(title)
            failing = [f for f in found if f.severity is not None and f.severity >= bar]
            if failing:
                failures += 1
                sev = max(f.severity or Severity.ERROR for f in failing)
                first = (found[0].message.splitlines() or [""])[0]
                more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
                failure = ET.SubElement(el, "failure", {
                    "message": xml_text(f"{found[0].loc}: {first}{more}"),
                    "type": sev.label,
                })
                failure.text = _text(found)
            else:
                ET.SubElement(el, "system-out").text = _text(found)
        if options.show_waived and code in waived:
            el = case(f"{title} (waived)")
            skipped += 1
            ET.SubElement(el, "skipped", {
                "message": f"{_plural(len(waived[code]), 'finding')} waived",
            }).text = _text(waived[code])
    if not report.checked and any(f.code.startswith("MC0") for f in report.findings):
        skipped += 1
        ET.SubElement(case("conflict checks"), "skipped", {
            "message": "skipped until the format errors are fixed"})
    if not cases:
        ET.SubElement(case("missionctl check"), "system-out").text = "no findings"
    el = ET.Element("testsuite", {
        "name": name,
        "tests": str(len(cases)),
        "failures": str(failures),
        "errors": "0",
        "skipped": str(skipped),
    })
    el.extend(cases)
    return el


def render(reports: Sequence[FileReport], options: Options) -> str:
    suites = [suite(r, options) for r in sorted(reports, key=lambda r: r.file)]
    # No `skipped` here: Jenkins' junit-10.xsd allows it on <testsuite> only, and refuses the
    # whole report when <testsuites> carries it (tests/report/junit-10.xsd).
    root = ET.Element("testsuites", {
        "name": "missionctl check",
        **{key: str(sum(int(s.get(key) or 0) for s in suites))
           for key in ("tests", "failures", "errors")},
    })
    root.extend(suites)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


VIEWS = {"findings": render}
