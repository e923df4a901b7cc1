"""The real pre-commit runs the hook from this repository on a repository of drafts."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

GIT_ENV = {
    "GIT_AUTHOR_NAME": "doclint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "doclint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(repo, home, *files):
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home)}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "doclint", "--verbose", "--files", *files],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900,
    )


def test_hook_fails_on_a_placeholder_and_passes_on_a_clean_draft(tmp_path, pre_commit_home):
    repo = tmp_path / "drafts"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "bad.txt").write_text("XX区环保局2023年度工作总结\n截至XX月底，共整改问题12个。\n", encoding="utf-8")
    (repo / "good.txt").write_text("县环保局2023年度工作总结\n截至10月底，共整改问题12个。\n", encoding="utf-8")
    (repo / "notes.py").write_text("X = 'XX'\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env={**os.environ, **GIT_ENV})

    failing = try_repo(repo, pre_commit_home, "bad.txt", "good.txt", "notes.py")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "bad.txt:1:1: PH" in failing.stdout
    assert "good.txt:" not in failing.stdout  # no finding on the clean draft
    assert "notes.py" not in failing.stdout

    passing = try_repo(repo, pre_commit_home, "good.txt")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
