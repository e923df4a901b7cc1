"""Baselines: record today's findings, then fail only on new ones.

Entries are keyed by content (file, code, covered text, a little context), not
by line numbers, so edits elsewhere in the file do not invalidate them.
"""
from __future__ import annotations

import json

from testing_family import write

OLD = "县环保局工作总结\n本草稿总结全年工作\n联系人：某某\n"


def findings(result):
    return [(d["path"], d["code"], d["line"], d["column"]) for d in result.json]


def test_write_baseline_then_only_new_findings_fail(run, tmp_path):  # noqa: F811
    draft = write(tmp_path / "drafts" / "a.txt", OLD)
    written = run("--select", "TS", "--write-baseline", "baseline.json", "drafts", cwd=tmp_path)
    assert written.code == 0 and written.out == ""
    assert "1" in written.err and "baseline.json" in written.err
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert [(e["path"], e["code"], e["text"]) for e in data["findings"]] == [("drafts/a.txt", "TS001", "草稿")]

    # Unchanged: nothing to report.
    again = run("--select", "TS", "--baseline", "baseline.json", "--format", "json", "drafts", cwd=tmp_path)
    assert (again.code, again.json) == (0, [])

    # Lines added above and below: the old finding moved to line 4, still known.
    draft.write_text("新增标题\n\n" + OLD + "补充一段\n", encoding="utf-8")
    moved = run("--select", "TS", "--baseline", "baseline.json", "--format", "json", "drafts", cwd=tmp_path)
    assert (moved.code, moved.json) == (0, [])

    # A new finding fails, and only it is reported.
    draft.write_text("新增标题\n\n" + OLD + "另一份草稿!!\n", encoding="utf-8")
    new = run("--select", "TS", "--baseline", "baseline.json", "--format", "json", "drafts", cwd=tmp_path)
    assert new.code == 1
    assert findings(new) == [("drafts/a.txt", "TS001", 6, 4), ("drafts/a.txt", "TS002", 6, 6)]

    # Without the baseline, everything is reported again.
    everything = run("--select", "TS", "--format", "json", "drafts", cwd=tmp_path)
    assert len(everything.json) == 3


def test_repeated_findings_are_counted(run, tmp_path):  # noqa: F811
    draft = write(tmp_path / "a.txt", "草稿\n草稿\n")
    run("--select", "TS001", "--write-baseline", "b.json", "a.txt", cwd=tmp_path)
    entry = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    assert [(e["code"], e.get("count", 1)) for e in entry] == [("TS001", 2)]
    draft.write_text("草稿\n草稿\n草稿\n", encoding="utf-8")
    result = run("--select", "TS001", "--baseline", "b.json", "--format", "json", "a.txt", cwd=tmp_path)
    assert findings(result) == [("a.txt", "TS001", 3, 1)]  # a third copy is new


def test_edited_context_or_another_file_is_new(run, tmp_path):  # noqa: F811
    draft = write(tmp_path / "a.txt", OLD)
    run("--select", "TS001", "--write-baseline", "b.json", "a.txt", cwd=tmp_path)
    draft.write_text(OLD.replace("本草稿总结", "此草稿说明"), encoding="utf-8")
    result = run("--select", "TS001", "--baseline", "b.json", "--format", "json", "a.txt", cwd=tmp_path)
    assert findings(result) == [("a.txt", "TS001", 2, 2)]
    other = write(tmp_path / "b.txt", OLD)
    result = run("--select", "TS001", "--baseline", "b.json", "--format", "json", str(other.name), cwd=tmp_path)
    assert findings(result) == [("b.txt", "TS001", 2, 2)]


def test_paths_are_relative_to_the_baseline_file(run, tmp_path):  # noqa: F811
    write(tmp_path / "repo" / "drafts" / "a.txt", OLD)
    run("--select", "TS001", "--write-baseline", "repo/baseline.json", "repo/drafts", cwd=tmp_path)
    # Run from inside the repository, naming the file differently: still matched.
    result = run("--select", "TS001", "--baseline", "baseline.json", "--format", "json", "drafts/a.txt", cwd=tmp_path / "repo")
    assert (result.code, result.json) == (0, [])


def test_bad_baseline_is_one_line_exit_2(run, tmp_path):  # noqa: F811
    write(tmp_path / "a.txt", OLD)
    missing = run("--select", "TS001", "--baseline", "nope.json", "a.txt", cwd=tmp_path)
    assert missing.code == 2 and missing.err == "doclint: error: --baseline nope.json: no such file (create it with --write-baseline)\n"
    write(tmp_path / "bad.json", "[1, 2]")
    bad = run("--select", "TS001", "--baseline", "bad.json", "a.txt", cwd=tmp_path)
    assert bad.code == 2 and bad.err.startswith("doclint: error: --baseline bad.json: not a doclint baseline") and bad.err.count("\n") == 1
