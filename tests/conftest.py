"""Shared fixtures: the seed drafts and a way to run the real command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)


def run_doclint(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd: str | os.PathLike | None = None) -> Run:
    """Run ``python -m doclint`` as a user would, in a separate process."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "doclint", *args],
        input=stdin,
        capture_output=True,
        env=full_env,
        cwd=cwd,
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def doclint():
    return run_doclint


@pytest.fixture
def seed_002() -> Path:
    return SEEDS / "002_7f588c0acecf4ba0.txt"


@pytest.fixture
def run(monkeypatch, capsys):
    """Run the command line in this process, with the testing family (tests/testing_family.py) installed."""
    import doclint.plugins as plugins
    from testing_family import TestingFamilyPlugin
    from doclint.cli import main

    real = plugins.create_plugin_manager

    def create(extra_plugins=(), load_entry_points=None):
        return real([TestingFamilyPlugin, *extra_plugins], load_entry_points=False)

    monkeypatch.setattr(plugins, "create_plugin_manager", create)
    monkeypatch.setenv("DOCLINT_NO_PROGRESS", "1")

    def _run(*args, cwd=None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return _run
