"""The command-line contract: exit status, output formats, bad input."""
from __future__ import annotations

import re

import pytest

from conftest import SEED_FILES, run_doclint

CONTRACT_KEYS = ["path", "rule", "code", "severity", "line", "column", "end_line", "end_column", "message", "suggestion", "fix"]
ANSI = re.compile(r"\x1b\[")
PLACEHOLDER_LINE = "截至XX月底工作总结\n"  # one PH finding at 1:3-1:5


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


def placeholder_spans(findings):
    return [(f["line"], f["column"], f["end_column"]) for f in findings if f["code"].startswith("PH")]


def test_seed_002_full_output_exits_1(seed_002):
    run = run_doclint(str(seed_002))
    assert run.code == 1
    assert run.err == ""
    # Each finding names path:line:col and its code; the source line follows with the span marked.
    assert f"{seed_002}:1:1: PH" in run.out
    assert "    1 │ XX区环保局2023年度工作总结" in run.out
    assert "      │ ^^\n" in run.out
    assert not ANSI.search(run.out), "piped output must be plain"


def test_json_contract_on_all_seeds():
    run = run_doclint("--format", "json", *map(str, SEED_FILES))
    assert run.code == 1
    data = run.json
    assert isinstance(data, list) and data
    for item in data:
        assert list(item) == CONTRACT_KEYS
        assert item["rule"].split(".")[0] in {"placeholder", "numbering", "count", "punctuation", "artifact", "wording"}
        assert re.fullmatch(r"[A-Z]{2}\d{3}", item["code"])
        assert item["severity"] in {"error", "warning", "info"}
        assert item["line"] >= 1 and item["column"] >= 1
        assert (item["end_line"], item["end_column"]) >= (item["line"], item["column"])
    assert {item["path"] for item in data} == {str(p) for p in SEED_FILES}


def test_json_columns_count_code_points(tmp_path):
    path = write(tmp_path, "a.txt", "第一行\n二〇二三年，截至XX月底完成。\n")
    data = run_doclint("--format", "json", "--select", "PH", str(path)).json
    assert placeholder_spans(data) == [(2, 9, 11)]
    assert data[0]["path"] == str(path)


def test_clean_file_exits_0_with_empty_json(tmp_path):
    path = write(tmp_path, "clean.txt", "一、总体情况\n今年共完成项目12个，同比增长20%。\n")
    run = run_doclint("--format", "json", "--select", "PH", str(path))
    assert (run.code, run.json, run.err) == (0, [], "")


def test_empty_file_is_clean(tmp_path):
    path = write(tmp_path, "empty.txt", b"")
    run = run_doclint("--format", "json", str(path))
    assert (run.code, run.json, run.err) == (0, [], "")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.txt", "no such file or directory"),
        (lambda p: (p / "emptydir").mkdir() or p / "emptydir", "no files to check in directory"),
        (lambda p: write(p, "blob.txt", bytes(range(256)) * 8), "binary data"),
        (lambda p: write(p, "nul.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)), "binary data"),
    ],
    ids=["missing", "empty-directory", "binary", "png"],
)
def test_bad_input_is_one_line_exit_2_and_other_files_still_checked(tmp_path, make, message):
    bad = make(tmp_path)
    good = write(tmp_path, "good.txt", PLACEHOLDER_LINE)
    run = run_doclint("--format", "json", "--select", "PH", str(bad), str(good))
    assert run.code == 2
    assert run.err.count("\n") == 1 and "Traceback" not in run.err
    assert run.err.startswith(f"doclint: error: {bad}: ")
    assert message in run.err
    assert placeholder_spans(run.json) == [(1, 3, 5)]


def test_unknown_encoding_is_one_line_exit_2(tmp_path):
    path = write(tmp_path, "a.txt", PLACEHOLDER_LINE)
    run = run_doclint("--encoding", "klingon-8", str(path))
    assert run.code == 2 and run.err == f"doclint: error: {path}: unknown encoding 'klingon-8'\n"
    run = run_doclint("--encoding", "ascii", str(path))
    assert run.code == 2 and "not valid ascii" in run.err


def test_bad_usage_is_one_line_exit_2():
    for args in (["--format", "nope", "x.txt"], ["--select", "ZZ999", "x.txt"], ["--no-such-option"], []):
        run = run_doclint(*args)
        assert run.code == 2, args
        assert run.err.count("\n") == 1 and "Traceback" not in run.err, run.err


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_encodings_and_line_ends_give_the_same_positions(tmp_path, encoding, newline):
    text = "县生态环境局2023年工作总结\n一、主要工作\n今年共排查问题XX个，截至目前已整改到位。\n".replace("\n", newline)
    path = write(tmp_path, "draft.txt", text, encoding)
    run = run_doclint("--format", "json", "--select", "PH", str(path))
    assert run.code == 1, run.err
    assert placeholder_spans(run.json) == [(3, 8, 10)]


def test_directory_is_recursed_for_txt_and_md(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "a.txt", PLACEHOLDER_LINE)
    write(tmp_path / "sub", "b.md", PLACEHOLDER_LINE)
    write(tmp_path, "c.csv", PLACEHOLDER_LINE)
    (tmp_path / ".hidden").mkdir()
    write(tmp_path / ".hidden", "d.txt", PLACEHOLDER_LINE)
    data = run_doclint("--format", "json", "--select", "PH", str(tmp_path)).json
    assert sorted({d["path"] for d in data}) == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]


def test_stdin(tmp_path):
    run = run_doclint("--format", "json", "--select", "PH", "-", stdin=PLACEHOLDER_LINE.encode())
    assert run.code == 1
    assert [(d["path"], d["line"], d["column"]) for d in run.json] == [("-", 1, 3)]
    run = run_doclint("--format", "json", "--select", "PH", "--stdin-filename", "draft.txt", "-", stdin=PLACEHOLDER_LINE.encode("gbk"))
    assert [(d["path"], d["line"], d["column"]) for d in run.json] == [("draft.txt", 1, 3)]


def test_concise_format(tmp_path):
    path = write(tmp_path, "a.txt", PLACEHOLDER_LINE)
    run = run_doclint("--format", "concise", "--select", "PH", str(path))
    assert run.code == 1
    assert re.fullmatch(rf"{re.escape(str(path))}:1:3: PH\d{{3}} .+\n", run.out)


def test_lang_en(tmp_path):
    path = write(tmp_path, "a.txt", PLACEHOLDER_LINE)
    zh = run_doclint("--format", "json", "--select", "PH", str(path)).json[0]["message"]
    en = run_doclint("--format", "json", "--select", "PH", "--lang", "en", str(path)).json[0]["message"]
    assert re.search(r"[\u4e00-\u9fff]", zh)
    assert en != zh and re.search(r"[a-z]{3}", en)


def test_colour_only_when_asked_or_on_a_terminal(tmp_path):
    path = write(tmp_path, "a.txt", PLACEHOLDER_LINE)
    colour = re.compile(r"\x1b\[[0-9;]*3[0-7]m")
    assert colour.search(run_doclint("--color", "always", str(path)).out)
    assert colour.search(run_doclint(str(path), env={"FORCE_COLOR": "1"}).out)
    assert not ANSI.search(run_doclint(str(path)).out)
    assert not ANSI.search(run_doclint("--color", "never", str(path), env={"FORCE_COLOR": "1"}).out)
    assert not colour.search(run_doclint(str(path), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).out)


def test_long_lines_are_trimmed_around_the_span(tmp_path):
    line = "在区委、区政府的正确领导下" * 40 + "完成XX个项目" + "持续推进生态环境保护工作" * 40
    path = write(tmp_path, "long.txt", line + "\n")
    out = run_doclint("--select", "PH", "--quiet", str(path)).out
    source = [l for l in out.splitlines() if "│ …" in l]
    assert len(source) == 1 and "完成XX个项目" in source[0]
    assert len(source[0]) < 100


def test_summary_table_and_placeholder_progress(tmp_path):
    path = write(tmp_path, "a.txt", PLACEHOLDER_LINE + "截至XX月底。\n")
    out = run_doclint("--select", "PH", str(path)).out
    assert re.search(r"placeholder\s+2\s+·\s+·\s+2", out) or re.search(r"placeholder\s+(\d+|·)\s+(\d+|·)\s+(\d+|·)\s+2", out)
    assert f"{path}：剩余 2 处" in out


def test_list_rules_and_explain():
    listing = run_doclint("--list-rules")
    assert listing.code == 0
    codes = re.findall(r"^([A-Z]{2}\d{3}) ", listing.out, re.M)
    assert codes == sorted(codes) and {c[:2] for c in codes} >= {"PH", "NU", "CT", "PU", "AR", "WD"}
    first = codes[0]
    explained = run_doclint("--explain", first)
    assert explained.code == 0 and explained.out.startswith(first)
    assert "Bad" in explained.out and "Good" in explained.out
    missing = run_doclint("--explain", "ZZ999")
    assert missing.code == 2 and missing.err.count("\n") == 1


def test_version():
    run = run_doclint("--version")
    assert run.code == 0 and re.fullmatch(r"doclint \d+\.\d+\.\d+\n", run.out)


def test_select_and_ignore(tmp_path):
    path = write(tmp_path, "a.txt", "截至XX月底,完成整改。\n")
    both = {d["code"][:2] for d in run_doclint("--format", "json", "--select", "PH,PU", str(path)).json}
    assert both == {"PH", "PU"}
    only = {d["code"][:2] for d in run_doclint("--format", "json", "--select", "PH,PU", "--ignore", "punctuation", str(path)).json}
    assert only == {"PH"}


def test_fail_on_and_exit_zero(tmp_path):
    path = write(tmp_path, "a.txt", PLACEHOLDER_LINE)
    assert run_doclint("--format", "json", "--select", "PH", "--exit-zero", str(path)).code == 0
    assert run_doclint("--format", "json", "--select", "PH", "--fail-on", "error", str(path)).code == 1


def test_nothing_read_prints_no_clean_summary(tmp_path):
    run = run_doclint(str(tmp_path / "missing.txt"))
    assert (run.code, run.out) == (2, "")
    assert run.err == f"doclint: error: {tmp_path / 'missing.txt'}: no such file or directory\n"
