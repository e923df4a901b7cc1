"""The plugin manager: built-in plugins first, then installed ones.

Built-in rules, loaders and reporters are modules with ``@hookimpl``
functions, registered the same way pluggy registers a third-party package's
entry point (group ``doclint``); nothing in the engine knows a rule by name.
Set ``DOCLINT_DISABLE_PLUGIN_AUTOLOAD=1`` to skip installed plugins.
"""
from __future__ import annotations

import importlib
import json
import os
import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pluggy

from doclint import hookspecs
from doclint.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from doclint.reporters import ReporterSpec
    from doclint.rule import Rule

ENTRY_POINT_GROUP = "doclint"

BUILTIN_PLUGINS = (
    "doclint.loaders.docx",
    "doclint.loaders.markdown",
    "doclint.annotate",
    "doclint.loaders.text",
    "doclint.reporters.builtin",
    "doclint.rules.placeholder",
    "doclint.rules.numbering",
    "doclint.rules.count",
    "doclint.rules.punctuation",
    "doclint.rules.artifact",
    "doclint.rules.wording",
)


def create_plugin_manager(extra_plugins: Iterable[object] = (), load_entry_points: bool | None = None) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("doclint")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    for plugin in extra_plugins:
        pm.register(plugin)
    if load_entry_points is None:
        load_entry_points = not os.environ.get("DOCLINT_DISABLE_PLUGIN_AUTOLOAD")
    if load_entry_points:
        load_entry_point_plugins(pm)
    pm.check_pending()
    return pm


def _cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "doclint" / "entry-points.json"


def _environment_fingerprint() -> list:
    """What changes when a distribution is installed, upgraded or removed:
    the directories on sys.path and their modification times. The first
    entry (the script's directory, or the working directory under ``python -m``)
    is left out: it holds no installed distribution, and it differs between
    ``doclint`` and ``python -m doclint``, which should share one cache."""
    stamp = []
    for entry in sys.path[1:]:
        try:
            stamp.append([entry, os.stat(entry or ".").st_mtime_ns])
        except OSError:
            stamp.append([entry, None])
    return stamp


def load_entry_point_plugins(pm: pluggy.PluginManager) -> None:
    """Register the installed plugins (entry-point group ``doclint``).

    Scanning every installed distribution's metadata costs tens of
    milliseconds on each run of a pre-commit hook, so the result of the scan is
    cached against the state of sys.path and pluggy's own loader runs only when
    an installation changed (or the cache cannot be used).
    """
    cache = _cache_file()
    fingerprint = _environment_fingerprint()
    try:
        saved = json.loads(cache.read_text(encoding="utf-8"))
        if saved.get("fingerprint") == fingerprint:
            for name, value in saved["plugins"]:
                if pm.get_plugin(name) is not None or pm.is_blocked(name):
                    continue
                module, _, attr = value.partition(":")
                plugin = importlib.import_module(module)
                for part in filter(None, attr.split(".")):
                    plugin = getattr(plugin, part)
                pm.register(plugin, name=name)
            return
    except (OSError, ValueError, KeyError, TypeError, ImportError, AttributeError):
        pass  # no cache, a stale one, or a plugin that moved: scan afresh
    before = {pm.get_name(p) for p in pm.get_plugins()}
    pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    found = [[name, dist.entry_points and next(
        (ep.value for ep in dist.entry_points if ep.group == ENTRY_POINT_GROUP and ep.name == name), None)]
        for plugin, dist in pm.list_plugin_distinfo() for name in [pm.get_name(plugin)] if name not in before]
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"fingerprint": fingerprint, "plugins": [f for f in found if f[1]]}), encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:
        pass  # a read-only home: scan every time


class Registry:
    """Everything the plugins provide, collected once per run."""

    def __init__(self, pm: pluggy.PluginManager):
        self.pm = pm

    @cached_property
    def rules(self) -> list["Rule"]:
        rules: list[Rule] = []
        seen: dict[str, Rule] = {}
        for provided in self.pm.hook.doclint_register_rules():
            for item in provided or ():
                rule = item() if isinstance(item, type) else item
                if not rule.code or not rule.name or not rule.family:
                    raise InputError(f"plugin rule {rule!r} lacks a code, name or family")
                if rule.code in seen:
                    raise InputError(f"two rules share the code {rule.code}: {seen[rule.code]!r} and {rule!r}")
                seen[rule.code] = rule
                rules.append(rule)
        rules.sort(key=lambda r: r.code)
        return rules

    def rule(self, code_or_id: str) -> "Rule | None":
        key = code_or_id.strip()
        for rule in self.rules:
            if rule.code.upper() == key.upper() or rule.id == key:
                return rule
        return None

    @cached_property
    def reporters(self) -> dict[str, "ReporterSpec"]:
        specs: dict[str, ReporterSpec] = {}
        for provided in self.pm.hook.doclint_register_reporters():
            for spec in provided or ():
                specs.setdefault(spec.name, spec)
        return specs

    @cached_property
    def suffixes(self) -> list[str]:
        found: list[str] = []
        for provided in self.pm.hook.doclint_file_suffixes():
            for suffix in provided or ():
                if suffix.lower() not in found:
                    found.append(suffix.lower())
        return found
