"""Configuration: [tool.doclint] in pyproject.toml or doclint.toml, found by walking up.

Most tests run the real command line in this process with a tiny plugin family
("testing") added, so they do not depend on what the built-in rules learn; a
few use the built-in rules that read family settings (PH005, WD006).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from doclint.config import glob_match
from testing_family import spans, write


DRAFT = "本草稿总结全年工作!!\n联系人：某某\n"
ALL_TS = [("a.txt", "TS001", 1, 2, 4), ("a.txt", "TS002", 1, 10, 12)]


# -- discovery ----------------------------------------------------------------------------
def test_without_config_the_defaults_apply(run, tmp_path):
    write(tmp_path / "a.txt", DRAFT)
    assert spans(run("--format", "json", "--select", "TS", "a.txt", cwd=tmp_path).json) == ALL_TS


def test_pyproject_tool_doclint_select(run, tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.doclint]\nselect = ["TS001"]\n')
    write(tmp_path / "a.txt", DRAFT)
    assert spans(run("--format", "json", "a.txt", cwd=tmp_path).json) == ALL_TS[:1]


def test_doclint_toml_has_top_level_keys_and_wins_over_pyproject(run, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.doclint]\nselect = ["TS001"]\n')
    write(tmp_path / "doclint.toml", 'select = ["TS002"]\n')
    write(tmp_path / "a.txt", DRAFT)
    assert spans(run("--format", "json", "a.txt", cwd=tmp_path).json) == ALL_TS[1:]


def test_config_is_found_by_walking_up_from_each_file(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["TS001"]\n')
    write(tmp_path / "team" / "doclint.toml", 'select = ["TS002"]\n')
    write(tmp_path / "x" / "y" / "a.txt", DRAFT)
    write(tmp_path / "team" / "z" / "a.txt", DRAFT)
    # Run from elsewhere: the files' own directories decide, not the working directory.
    elsewhere = tmp_path.parent
    data = run("--format", "json", tmp_path / "x" / "y" / "a.txt", tmp_path / "team" / "z" / "a.txt", cwd=elsewhere).json
    assert [(Path(d["path"]).parent.name, d["code"]) for d in data] == [("y", "TS001"), ("z", "TS002")]


def test_pyproject_without_doclint_table_is_skipped(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["TS002"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "doclint-drafts"\n[tool.black]\nline-length = 80\n')
    write(tmp_path / "sub" / "a.txt", DRAFT)
    assert spans(run("--format", "json", "sub/a.txt", cwd=tmp_path).json) == ALL_TS[1:]


def test_config_option_and_isolated(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["TS002"]\n')
    write(tmp_path / "other.toml", 'select = ["TS001"]\n')
    write(tmp_path / "a.txt", DRAFT)
    assert spans(run("--format", "json", "--config", "other.toml", "a.txt", cwd=tmp_path).json) == ALL_TS[:1]
    assert spans(run("--format", "json", "--isolated", "--select", "TS", "a.txt", cwd=tmp_path).json) == ALL_TS
    missing = run("--config", "nope.toml", "a.txt", cwd=tmp_path)
    assert missing.code == 2 and missing.err == "doclint: error: --config nope.toml: no such file\n"


# -- selection --------------------------------------------------------------------------
def test_cli_select_overrides_config_and_ignore_adds(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["TS001"]\nignore = ["TS003"]\n')
    write(tmp_path / "a.txt", DRAFT)
    assert spans(run("--format", "json", "--select", "TS", "a.txt", cwd=tmp_path).json) == ALL_TS
    assert spans(run("--format", "json", "--select", "TS", "--ignore", "TS001", "a.txt", cwd=tmp_path).json) == ALL_TS[1:]


def test_extend_select_and_ignore_from_config(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["TS001"]\nextend-select = ["testing"]\nignore = ["TS001"]\n')
    write(tmp_path / "a.txt", DRAFT)
    # testing (family) is less specific than the ignored code TS001.
    assert spans(run("--format", "json", "a.txt", cwd=tmp_path).json) == ALL_TS[1:]


def test_per_file_ignores_globs(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["TS"]\n[per-file-ignores]\n"old/**" = ["TS001"]\n"*.md" = ["testing"]\n')
    write(tmp_path / "a.txt", DRAFT)
    write(tmp_path / "old" / "2019" / "b.txt", DRAFT)
    write(tmp_path / "deep" / "c.md", DRAFT)
    data = run("--format", "json", ".", cwd=tmp_path).json
    assert spans(data) == ALL_TS + [("b.txt", "TS002", 1, 10, 12)]


def test_severity_overrides_and_fail_on(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["TS001", "TS002"]\n[severity]\nTS = "info"\nTS002 = "error"\n')
    write(tmp_path / "a.txt", DRAFT)
    result = run("--format", "json", "a.txt", cwd=tmp_path)
    assert [(d["code"], d["severity"]) for d in result.json] == [("TS001", "info"), ("TS002", "error")]
    write(tmp_path / "doclint.toml", 'select = ["TS001"]\nfail-on = "warning"\n[severity]\nTS001 = "info"\n')
    result = run("--format", "json", "a.txt", cwd=tmp_path)
    assert (result.code, [d["severity"] for d in result.json]) == (0, ["info"])
    assert run("--format", "json", "--fail-on", "info", "a.txt", cwd=tmp_path).code == 1  # the CLI wins


def test_lang_from_config_and_cli_override(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["TS001"]\nlang = "en"\n')
    write(tmp_path / "a.txt", DRAFT)
    assert [d["message"] for d in run("--format", "json", "a.txt", cwd=tmp_path).json] == ["the word 草稿"]
    assert [d["message"] for d in run("--format", "json", "--lang", "zh", "a.txt", cwd=tmp_path).json] == ["草稿字样"]


def test_family_tables_land_in_document_settings(run, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.doclint]\nselect = ["TS003"]\n[tool.doclint.testing]\nwords = ["某某"]\n')
    write(tmp_path / "a.txt", DRAFT)
    assert spans(run("--format", "json", "a.txt", cwd=tmp_path).json) == [("a.txt", "TS003", 2, 5, 7)]


def test_placeholder_patterns_and_wording_terms_reach_the_builtin_rules(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["PH005", "WD006"]\n[placeholder]\npatterns = ["＜＜[^＞]*＞＞"]\n'
          '[wording]\nterms = {"督察" = ["督查"]}\n')
    write(tmp_path / "a.txt", "截至＜＜日期＞＞，已完成环保督查反馈问题整改。\n")
    codes = [(d["code"], d["column"], d["end_column"]) for d in run("--format", "json", "a.txt", cwd=tmp_path).json]
    assert codes == [("PH005", 3, 9), ("WD006", 15, 17)]
    # Without the configuration neither rule has anything to find.
    assert run("--format", "json", "--isolated", "--select", "PH005,WD006", "a.txt", cwd=tmp_path).json == []


# -- exclude ----------------------------------------------------------------------------
def test_exclude_when_recursing_and_force_exclude_for_named_files(run, tmp_path):
    write(tmp_path / "doclint.toml", 'select = ["TS001"]\nexclude = ["archive/", "*.bak.txt"]\n')
    write(tmp_path / "a.txt", DRAFT)
    write(tmp_path / "archive" / "old.txt", DRAFT)
    write(tmp_path / "sub" / "x.bak.txt", DRAFT)
    assert spans(run("--format", "json", ".", cwd=tmp_path).json) == ALL_TS[:1]
    # A file named on the command line is checked, unless --force-exclude (pre-commit passes names).
    assert spans(run("--format", "json", "archive/old.txt", cwd=tmp_path).json) == [("old.txt", "TS001", 1, 2, 4)]
    assert run("--format", "json", "--force-exclude", "archive/old.txt", cwd=tmp_path).json == []


# -- bad configuration: one line naming the key, exit 2 ---------------------------------
@pytest.mark.parametrize(
    "filename, content, message",
    [
        ("doclint.toml", 'selct = ["TS001"]\n', "doclint.toml: selct: unknown key; did you mean 'select'?"),
        ("pyproject.toml", '[tool.doclint]\nselect = "TS001"\nignore = 3\n', "pyproject.toml: [tool.doclint] ignore: expected a list of strings, got 3"),
        ("doclint.toml", '[severity]\nTS001 = "fatal"\n', "doclint.toml: severity.TS001: expected one of error, warning, info, got 'fatal'"),
        ("doclint.toml", 'lang = "fr"\n', "doclint.toml: lang: expected \"zh\" or \"en\", got 'fr'"),
        ("doclint.toml", 'fail-on = "never"\n', "doclint.toml: fail-on: expected one of error, warning, info, got 'never'"),
        ("doclint.toml", 'select = ["ZZ9"]\n', "doclint.toml: select: unknown rule selector 'ZZ9'"),
        ("doclint.toml", '[per-file-ignores]\n"*.md" = ["QQ"]\n', "doclint.toml: per-file-ignores.'*.md': unknown rule selector 'QQ'"),
        ("doclint.toml", "select = [\n", "doclint.toml: invalid TOML"),
        ("doclint.toml", 'testing = 3\n', "doclint.toml: testing: expected a table of settings for the testing rules, got 3"),
        ("doclint.toml", '[placeholder]\npatterns = ["(unclosed"]\n', "doclint.toml: placeholder.patterns: invalid regular expression '(unclosed'"),
        ("doclint.toml", '[wording]\nterms = {"督察" = 1}\n', "doclint.toml: wording.terms: expected a table of preferred = [variants]"),
        ("doclint.toml", 'respect-gitignore = "yes"\n', "doclint.toml: respect-gitignore: expected true or false, got 'yes'"),
    ],
    ids=["unknown-key", "wrong-type", "bad-severity", "bad-lang", "bad-fail-on", "bad-selector", "bad-per-file-selector",
         "invalid-toml", "family-not-table", "bad-pattern", "bad-terms", "bad-bool"],
)
def test_bad_config_is_one_line_naming_the_key_exit_2(run, tmp_path, filename, content, message):
    write(tmp_path / filename, content)
    write(tmp_path / "a.txt", DRAFT)
    result = run("--format", "json", "a.txt", cwd=tmp_path)
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert result.err.startswith(f"doclint: error: {tmp_path / filename}: ") or result.err.startswith("doclint: error: "), result.err
    assert message in result.err, result.err


def test_bad_config_in_a_subdirectory_stops_the_run(run, tmp_path):
    write(tmp_path / "good" / "a.txt", DRAFT)
    write(tmp_path / "bad" / "doclint.toml", "unknown-thing = 1\n")
    write(tmp_path / "bad" / "b.txt", DRAFT)
    result = run("--format", "json", ".", cwd=tmp_path)
    assert result.code == 2 and "unknown-thing: unknown key" in result.err and result.err.count("\n") == 1


# -- globs ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "pattern, path, parents, expected",
    [
        ("*.md", "a.md", False, True),
        ("*.md", "x/y/a.md", False, True),  # no slash: any depth
        ("/a.md", "x/a.md", False, False),  # anchored
        ("old/*.txt", "old/a.txt", False, True),
        ("old/*.txt", "old/x/a.txt", False, False),  # * stays in a directory
        ("old/**", "old/x/a.txt", False, True),
        ("**/2019/*.txt", "a/b/2019/c.txt", False, True),
        ("archive/", "archive/x/a.txt", True, True),
        ("archive", "x/archive/a.txt", True, True),
        ("archive", "archives/a.txt", True, False),
        ("draft?.txt", "draft1.txt", False, True),
        ("draft[0-9].txt", "draftx.txt", False, False),
    ],
)
def test_glob_match(pattern, path, parents, expected):
    assert glob_match(pattern, path, parents=parents) is expected
