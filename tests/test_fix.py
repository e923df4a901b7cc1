"""--fix, --unsafe-fixes, --diff: safe edits only by default, atomic writes that keep
encoding, BOM and line ends, idempotent, and never over a file changed meanwhile."""
from __future__ import annotations

import os
import stat

import pytest

from doclint.diagnostic import Diagnostic, Edit, Fix, Severity
from doclint.document import Document
from doclint.fixes import FixError, apply_fixes, layout_of, write_if_unchanged
from testing_family import write

DRAFT = "本草稿总结全年工作!!\n联系人：某某\n"


def read(path):
    return path.read_bytes().decode("utf-8")


def test_fix_applies_safe_fixes_only(run, tmp_path):  # noqa: F811
    path = write(tmp_path / "a.txt", DRAFT)
    result = run("--format", "json", "--select", "TS", "--fix", "a.txt", cwd=tmp_path)
    assert read(path) == "本报告总结全年工作!!\n联系人：某某\n"
    # What is left is reported, at its position in the fixed text.
    assert [(d["code"], d["line"], d["column"]) for d in result.json] == [("TS002", 1, 10)]
    assert result.code == 1
    assert "fixed 1 findings in 1 files" in result.err or "已修复 1 处问题（1 个文件）" in result.err


def test_unsafe_fixes_apply_the_rest(run, tmp_path):  # noqa: F811
    path = write(tmp_path / "a.txt", DRAFT)
    result = run("--format", "json", "--select", "TS", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert read(path) == "本报告总结全年工作！\n联系人：某某\n"
    assert (result.code, result.json) == (0, [])


def test_second_run_changes_nothing(run, tmp_path):  # noqa: F811
    path = write(tmp_path / "a.txt", "草稿草稿!!!!\n" * 3)
    run("--select", "TS", "--unsafe-fixes", "--format", "json", "a.txt", cwd=tmp_path)
    first = path.read_bytes()
    assert first.decode() == "报告报告！！\n" * 3
    mtime = os.stat(path).st_mtime_ns
    again = run("--select", "TS", "--unsafe-fixes", "--format", "json", "a.txt", cwd=tmp_path)
    assert (again.code, again.json, path.read_bytes(), os.stat(path).st_mtime_ns) == (0, [], first, mtime)


def test_diff_shows_without_writing(run, tmp_path):  # noqa: F811
    path = write(tmp_path / "a.txt", DRAFT)
    result = run("--select", "TS", "--diff", "a.txt", cwd=tmp_path)
    assert read(path) == DRAFT
    assert result.code == 1
    assert result.out == (
        "--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n-本草稿总结全年工作!!\n+本报告总结全年工作!!\n 联系人：某某\n"
    )
    result = run("--select", "TS", "--diff", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert "+本报告总结全年工作！\n" in result.out and read(path) == DRAFT
    clean = write(tmp_path / "b.txt", "全年工作\n")
    assert run("--select", "TS", "--diff", str(clean), cwd=tmp_path).code == 0


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "utf-16", "utf-16-be"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_encoding_bom_and_line_ends_are_kept(run, tmp_path, encoding, newline):  # noqa: F811
    text = "县环保局工作总结\n本草稿总结全年工作\n联系人：某某\n".replace("\n", newline)
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    run("--select", "TS001", "--fix", "--format", "json", "a.txt", cwd=tmp_path)
    assert path.read_bytes() == text.replace("草稿", "报告").encode(encoding)


def test_mixed_line_ends_are_kept_line_by_line(run, tmp_path):  # noqa: F811
    path = tmp_path / "a.txt"
    path.write_bytes("草稿\r\n第二行\n草稿\r\n".encode())
    run("--select", "TS001", "--fix", "--format", "json", "a.txt", cwd=tmp_path)
    assert path.read_bytes() == "报告\r\n第二行\n报告\r\n".encode()


def test_write_is_atomic_and_keeps_permissions(run, tmp_path):  # noqa: F811
    path = write(tmp_path / "a.txt", DRAFT)
    os.chmod(path, 0o640)
    run("--select", "TS001", "--fix", "--format", "json", "a.txt", cwd=tmp_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file left


def test_file_changed_during_the_run_is_not_overwritten(run, tmp_path):  # noqa: F811
    # TS004 appends to the file while it is being checked, as an editor would.
    path = write(tmp_path / "a.txt", "本草稿【改】\n")
    result = run("--select", "TS001,TS004", "--fix", "--format", "json", "a.txt", cwd=tmp_path)
    assert read(path) == "本草稿【改】\n另一个进程写入的内容\n"
    assert result.err.startswith("doclint: warning: a.txt: changed on disk during the run; fixes not written\n")
    assert [d["code"] for d in result.json] == ["TS001"]  # still reported, since not fixed
    assert result.code == 1


def test_real_rules_fixes(run, tmp_path):  # noqa: F811
    # The built-in safe fixes: half-width comma, doubled 的, trailing space.
    path = write(tmp_path / "a.txt", "根据文件要求,强化尾矿库的的管理  \n")
    run("--select", "PU001,WD001,AR001", "--fix", "--format", "json", "a.txt", cwd=tmp_path)
    assert read(path) == "根据文件要求，强化尾矿库的管理\n"


def test_stdin_is_never_written(run, tmp_path, monkeypatch):  # noqa: F811
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode())))
    result = run("--select", "TS001", "--fix", "--format", "json", "-", cwd=tmp_path)
    assert [d["code"] for d in result.json] == ["TS001"] and list(tmp_path.iterdir()) == []


# -- the pieces -------------------------------------------------------------------------
def diag(code, start, end, text, applicability="safe"):
    return Diagnostic(rule="t.x", code=code, severity=Severity.ERROR, start=start, end=end, message={"zh": ""},
                      fix=Fix(applicability, tuple(Edit(*e) for e in text)))


def test_overlapping_fixes_first_wins_and_the_rest_wait():
    text = "abcdef"
    diags = [diag("B", 2, 4, [(2, 4, "XY")]), diag("A", 1, 3, [(1, 3, "--")]), diag("C", 4, 6, [(4, 6, "!")])]
    assert apply_fixes(text, diags) == ("a--d!", 2)


def test_unsafe_fixes_need_the_flag_and_multi_edit_fixes_apply_whole():
    text = "（甲）乙（丙"
    diags = [diag("A", 0, 1, [(0, 1, "("), (2, 3, ")")], "unsafe"), diag("B", 4, 5, [(4, 5, "")])]
    assert apply_fixes(text, diags) == ("（甲）乙丙", 1)
    assert apply_fixes(text, diags, unsafe=True) == ("(甲)乙丙", 2)


def test_layout_refuses_what_cannot_be_written_back():
    doc = Document.from_text("报告", path="a.docx")
    doc.format = "docx"
    with pytest.raises(FixError):
        layout_of(b"PK\x03\x04 not text", doc)
    assert layout_of("报告".encode(), doc).encode("报告书") == "报告书".encode()


def test_write_if_unchanged(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    with pytest.raises(FixError, match="changed on disk"):
        write_if_unchanged(str(path), b"older", b"new")
    assert path.read_bytes() == b"old"
    write_if_unchanged(str(path), b"old", b"new")
    assert path.read_bytes() == b"new"
