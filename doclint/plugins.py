"""The plugin manager: built-in plugins first, then installed ones.

Built-in rules, loaders and reporters are modules with ``@hookimpl``
functions, registered the same way pluggy registers a third-party package's
entry point (group ``doclint``); nothing in the engine knows a rule by name.
Set ``DOCLINT_DISABLE_PLUGIN_AUTOLOAD=1`` to skip installed plugins.
"""
from __future__ import annotations

import importlib
import os
from functools import cached_property
from typing import TYPE_CHECKING, Iterable

import pluggy

from doclint import hookspecs
from doclint.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from doclint.reporters import ReporterSpec
    from doclint.rule import Rule

ENTRY_POINT_GROUP = "doclint"

BUILTIN_PLUGINS = (
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
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    pm.check_pending()
    return pm


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
