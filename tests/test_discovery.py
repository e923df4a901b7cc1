"""Recursing directories: hidden entries, config exclude and .gitignore skipped,
stable order, pathspec imported only when a .gitignore exists."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from testing_family import write

DRAFT = "本草稿\n"


def checked(result, root: Path) -> list[str]:
    return [str(Path(d["path"]).relative_to(root)) if Path(d["path"]).is_absolute() else d["path"] for d in result.json]


def test_gitignore_in_the_walked_tree(run, tmp_path):  # noqa: F811
    write(tmp_path / ".gitignore", "# drafts not to check\n*.tmp.txt\nbuild/\n/top-only.txt\n")
    for name in ("a.txt", "x.tmp.txt", "build/b.txt", "top-only.txt", "sub/top-only.txt", "sub/c.md"):
        write(tmp_path / name, DRAFT)
    write(tmp_path / "sub" / ".gitignore", "*.md\n!keep.md\n")
    write(tmp_path / "sub" / "keep.md", DRAFT)
    result = run("--format", "json", "--select", "TS001", ".", cwd=tmp_path)
    assert checked(result, tmp_path) == ["a.txt", "sub/keep.md", "sub/top-only.txt"]


def test_gitignore_above_the_walked_directory_inside_a_git_tree(run, tmp_path):  # noqa: F811
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    write(tmp_path / "repo" / ".gitignore", "drafts/private/\n")
    write(tmp_path / "repo" / "drafts" / "a.txt", DRAFT)
    write(tmp_path / "repo" / "drafts" / "private" / "b.txt", DRAFT)
    result = run("--format", "json", "--select", "TS001", "drafts", cwd=tmp_path / "repo")
    assert checked(result, tmp_path) == ["drafts/a.txt"]


def test_gitignore_above_a_non_git_directory_does_not_apply(run, tmp_path):  # noqa: F811
    write(tmp_path / ".gitignore", "*.txt\n")
    write(tmp_path / "drafts" / "a.txt", DRAFT)
    result = run("--format", "json", "--select", "TS001", "drafts", cwd=tmp_path)
    assert checked(result, tmp_path) == ["drafts/a.txt"]


def test_respect_gitignore_can_be_turned_off(run, tmp_path):  # noqa: F811
    write(tmp_path / ".gitignore", "b.txt\n")
    write(tmp_path / "doclint.toml", "respect-gitignore = false\n")
    write(tmp_path / "a.txt", DRAFT)
    write(tmp_path / "b.txt", DRAFT)
    result = run("--format", "json", "--select", "TS001", ".", cwd=tmp_path)
    assert checked(result, tmp_path) == ["a.txt", "b.txt"]


def test_hidden_entries_are_skipped_and_order_is_stable(run, tmp_path):  # noqa: F811
    for name in ("b/2.txt", "a/10.txt", "a/1.txt", ".git/x.txt", ".venv/y.txt", "c.txt", "a/.z.txt"):
        write(tmp_path / name, DRAFT)
    result = run("--format", "json", "--select", "TS001", ".", cwd=tmp_path)
    assert checked(result, tmp_path) == ["a/1.txt", "a/10.txt", "b/2.txt", "c.txt"]


def test_nested_config_exclude_applies_below_it(run, tmp_path):  # noqa: F811
    write(tmp_path / "team" / "doclint.toml", 'exclude = ["old"]\nselect = ["TS001"]\n')
    write(tmp_path / "team" / "old" / "a.txt", DRAFT)
    write(tmp_path / "team" / "new" / "a.txt", DRAFT)
    write(tmp_path / "old" / "a.txt", DRAFT)  # outside team/: that exclude does not reach it
    result = run("--format", "json", "--select", "TS001", ".", cwd=tmp_path)
    assert checked(result, tmp_path) == ["old/a.txt", "team/new/a.txt"]


def test_excluding_everything_is_a_directory_with_nothing_to_check(run, tmp_path):  # noqa: F811
    write(tmp_path / "doclint.toml", 'exclude = ["*.txt"]\n')
    write(tmp_path / "a.txt", DRAFT)
    result = run("--format", "json", ".", cwd=tmp_path)
    assert result.code == 2 and "no files to check in directory" in result.err


def test_pathspec_is_imported_only_when_a_gitignore_exists(tmp_path):
    write(tmp_path / "plain" / "a.txt", DRAFT)
    write(tmp_path / "ignoring" / "a.txt", DRAFT)
    write(tmp_path / "ignoring" / ".gitignore", "b.txt\n")
    probe = "import sys; from doclint.cli import main; main(['--format', 'json', sys.argv[1]]); print('pathspec' in sys.modules, file=sys.stderr)"
    for directory, expected in (("plain", "False"), ("ignoring", "True")):
        proc = subprocess.run([sys.executable, "-c", probe, str(tmp_path / directory)], capture_output=True, text=True, timeout=120)
        assert proc.stderr.strip().splitlines()[-1] == expected, proc.stderr


def test_symlink_loop_is_walked_once(run, tmp_path):  # noqa: F811
    write(tmp_path / "a" / "x.txt", DRAFT)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    result = run("--format", "json", "--select", "TS001", ".", cwd=tmp_path)
    assert checked(result, tmp_path) == ["a/x.txt"]
