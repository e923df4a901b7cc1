"""-j/--jobs: a process pool, the same output in the same order as one process."""
from __future__ import annotations

import json
import os

import pytest

from doclint import Rule, Severity, hookimpl
from doclint.parallel import MIN_FILES_FOR_POOL, Progress
from testing_family import write


class Pid(Rule):
    """Reports the id of the process that checked the file (test rule).

    Bad:  进程
    Good: 无
    """

    code, name, family, severity = "TJ001", "pid", "jobtest", Severity.INFO

    def check(self, document):
        if document.text.startswith("进程"):
            yield self.diagnostic(0, 2, str(os.getpid()), str(os.getpid()))


class PidPlugin:
    @staticmethod
    @hookimpl
    def doclint_register_rules():
        return [Pid]


N = MIN_FILES_FOR_POOL + 8


def make_tree(root, n=N):
    for i in range(n):
        # Mixed content: some files with findings, some clean, one unreadable in the middle.
        text = "本草稿!!\n" if i % 3 else "全年工作\n"
        write(root / f"d{i // 10}" / f"f{i:03}.txt", text)
    write(root / "d0" / "f005.txt", b"\x00\x01binary".decode("latin-1"), encoding="latin-1")


def test_pool_output_equals_serial_output(run, tmp_path):  # noqa: F811
    make_tree(tmp_path)
    one = run("--format", "json", "--select", "TS", "-j", "1", ".", cwd=tmp_path)
    two = run("--format", "json", "--select", "TS", "-j", "2", ".", cwd=tmp_path)
    assert one.code == two.code == 2  # the binary file
    assert one.out == two.out and one.err == two.err
    paths = [d["path"] for d in one.json]
    assert paths == sorted(paths) and len(paths) == 2 * len({p for p in paths})
    assert one.err == "doclint: error: d0/f005.txt: binary data, not a text file\n"


def test_pool_is_really_used(monkeypatch, capsys, tmp_path):
    import doclint.plugins as plugins
    from doclint.cli import main

    real = plugins.create_plugin_manager
    monkeypatch.setattr(plugins, "create_plugin_manager", lambda extra_plugins=(), load_entry_points=None: real([PidPlugin], load_entry_points=False))
    monkeypatch.chdir(tmp_path)
    for i in range(N):
        write(tmp_path / f"f{i:03}.txt", "进程\n")

    def pids(jobs):
        capsys.readouterr()
        main(["--format", "json", "--select", "TJ", "-j", str(jobs), "."])
        data = json.loads(capsys.readouterr().out)
        assert [d["path"] for d in data] == [f"f{i:03}.txt" for i in range(N)]
        return {d["message"] for d in data}

    assert pids(1) == {str(os.getpid())}
    many = pids(2)
    assert len(many) == 2 and str(os.getpid()) not in many


def test_small_runs_stay_in_process(monkeypatch, capsys, tmp_path):
    import doclint.plugins as plugins
    from doclint.cli import main

    real = plugins.create_plugin_manager
    monkeypatch.setattr(plugins, "create_plugin_manager", lambda extra_plugins=(), load_entry_points=None: real([PidPlugin], load_entry_points=False))
    monkeypatch.chdir(tmp_path)
    for i in range(3):
        write(tmp_path / f"f{i}.txt", "进程\n")
    main(["--format", "json", "--select", "TJ", "-j", "4", "."])
    assert {d["message"] for d in json.loads(capsys.readouterr().out)} == {str(os.getpid())}


def test_fix_in_the_pool(run, tmp_path):  # noqa: F811
    make_tree(tmp_path)
    (tmp_path / "d0" / "f005.txt").unlink()
    run("--format", "json", "--select", "TS", "--unsafe-fixes", "-j", "2", ".", cwd=tmp_path)
    texts = {p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.txt")}
    assert texts == {"本报告！\n", "全年工作\n"}


@pytest.mark.parametrize("value", ["-1", "two"])
def test_bad_jobs_is_a_usage_error(run, tmp_path, value):  # noqa: F811
    write(tmp_path / "a.txt", "全年工作\n")
    with pytest.raises(SystemExit) as exc:
        run("-j", value, "a.txt", cwd=tmp_path)
    assert exc.value.code == 2


def test_progress_only_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("DOCLINT_NO_PROGRESS", raising=False)
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    monkeypatch.delenv("CI", raising=False)
    assert Progress(100).enabled
    assert not Progress(100, quiet=True).enabled
    monkeypatch.setenv("CI", "true")
    assert not Progress(100).enabled
    monkeypatch.delenv("CI")
    monkeypatch.setattr("sys.stderr.isatty", lambda: False, raising=False)
    assert not Progress(100).enabled
