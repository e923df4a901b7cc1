"""Which files a directory argument stands for.

Directories are recursed in sorted order (so output order is stable), skipping
hidden entries (``.git``, ``.venv``), whatever the applicable configuration's
``exclude`` names, and whatever ``.gitignore`` files ignore: those of the
directories walked and those above the starting directory up to the root of the
git work tree. ``pathspec`` (git's own wildmatch rules) is imported only when a
``.gitignore`` is actually found.

Files named explicitly are always checked, unless ``--force-exclude`` asks to
apply ``exclude`` to them too (useful under pre-commit, which passes names).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

from doclint.config import Config

GITIGNORE = ".gitignore"


class _IgnoreFile:
    """One ``.gitignore``: its patterns apply to paths below its directory."""

    def __init__(self, directory: str, lines: list[str]):
        import pathspec

        self.directory = directory
        try:
            self.spec = pathspec.GitIgnoreSpec.from_lines(lines)
        except AttributeError:  # pragma: no cover - pathspec < 0.10
            self.spec = pathspec.PathSpec.from_lines("gitwildmatch", lines)

    def ignores(self, path: str, is_dir: bool) -> bool:
        rel = os.path.relpath(path, self.directory).replace(os.sep, "/")
        if rel.startswith(".."):
            return False
        return self.spec.match_file(rel + "/" if is_dir else rel)


def _read_gitignore(directory: str) -> _IgnoreFile | None:
    path = os.path.join(directory, GITIGNORE)
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    if not any(line.strip() and not line.lstrip().startswith("#") for line in lines):
        return None
    return _IgnoreFile(directory, lines)


def _parent_gitignores(root: str) -> list[_IgnoreFile]:
    """The .gitignore files above ``root``, up to the git work tree's top."""
    found: list[_IgnoreFile] = []
    current = os.path.dirname(root)
    if os.path.exists(os.path.join(root, ".git")):
        return found
    while current and current != os.path.dirname(current):
        ign = _read_gitignore(current)
        if ign is not None:
            found.append(ign)
        if os.path.exists(os.path.join(current, ".git")):
            return list(reversed(found))
        current = os.path.dirname(current)
    return []  # not inside a git work tree: a stray .gitignore above does not apply


def walk(
    root: str | Path,
    suffixes: tuple[str, ...],
    config_for: Callable[[Path], Config],
) -> Iterator[str]:
    """Yield the files below ``root`` to check, in a stable order."""
    root = str(root)
    root_cfg = config_for(Path(os.path.abspath(root)))
    stack_ignores = _parent_gitignores(os.path.abspath(root)) if root_cfg.respect_gitignore else []
    yield from _walk_dir(root, suffixes, config_for, stack_ignores, set())


def _walk_dir(directory: str, suffixes, config_for, ignores: list[_IgnoreFile], seen: set[str]) -> Iterator[str]:
    real = os.path.realpath(directory)
    if real in seen:  # a symbolic link back up the tree
        return
    seen.add(real)
    cfg = config_for(Path(os.path.abspath(directory)))
    if cfg.respect_gitignore:
        own = _read_gitignore(os.path.abspath(directory))
        if own is not None:
            ignores = ignores + [own]
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        path = entry.path
        if cfg.exclude and cfg.is_excluded(path):
            continue
        if ignores and cfg.respect_gitignore and any(i.ignores(path, is_dir) for i in ignores):
            continue
        if is_dir:
            yield from _walk_dir(path, suffixes, config_for, ignores, seen)
        elif os.path.splitext(entry.name)[1].lower() in suffixes:
            try:
                if entry.is_file():
                    yield os.path.normpath(path)
            except OSError:
                continue
