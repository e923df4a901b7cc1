"""Plugins: a third-party rule runs beside the built-ins, found by entry point."""
from __future__ import annotations

import types

import pytest

from conftest import run_doclint
from doclint import Rule, Severity, hookimpl
from doclint.errors import InputError
from doclint.plugins import BUILTIN_PLUGINS, Registry, create_plugin_manager

PLUGIN_SOURCE = '''
from doclint import Rule, Severity, hookimpl


class DraftWord(Rule):
    """Finds the word 草稿 left in a report.

    Bad:  本报告（草稿）
    Good: 本报告
    """

    code = "EX001"
    name = "draft-word"
    family = "example"
    severity = Severity.WARNING

    def check(self, document):
        start = document.text.find("草稿")
        while start != -1:
            yield self.diagnostic(start, start + 2, "草稿字样未删除", "the word 草稿 is left in")
            start = document.text.find("草稿", start + 2)


@hookimpl
def doclint_register_rules():
    return [DraftWord]
'''


@pytest.fixture
def installed_plugin(tmp_path):
    """A distribution on PYTHONPATH with an entry point in the ``doclint`` group."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "doclint_example.py").write_text(PLUGIN_SOURCE, encoding="utf-8")
    dist = site / "doclint_example-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: doclint-example\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[doclint]\nexample = doclint_example\n", encoding="utf-8")
    return site


def test_entry_point_plugin_runs_beside_builtins(installed_plugin, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("本报告（草稿）\n截至XX月底。\n", encoding="utf-8")
    run = run_doclint("--format", "json", str(draft), env={"PYTHONPATH": str(installed_plugin)})
    assert run.code == 1, run.err
    spans = {(d["code"], d["rule"], d["line"], d["column"], d["end_column"]) for d in run.json}
    assert ("EX001", "example.draft-word", 1, 5, 7) in spans
    assert any(code.startswith("PH") and line == 2 and col == 3 for code, _, line, col, _ in spans)
    listing = run_doclint("--list-rules", env={"PYTHONPATH": str(installed_plugin)}).out
    assert "EX001" in listing and "example.draft-word" in listing
    explained = run_doclint("--explain", "EX001", env={"PYTHONPATH": str(installed_plugin)})
    assert explained.code == 0 and "Bad:  本报告（草稿）" in explained.out


def test_autoload_can_be_disabled(installed_plugin):
    listing = run_doclint("--list-rules", env={"PYTHONPATH": str(installed_plugin), "DOCLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}).out
    assert "EX001" not in listing and "PH001" in listing


def test_builtins_are_ordinary_plugins():
    pm = create_plugin_manager(load_entry_points=False)
    names = {pm.get_name(p) for p in pm.get_plugins()}
    assert set(BUILTIN_PLUGINS) <= names
    # Every built-in rule reaches the registry through the hook, not by name.
    provided = [rule for rules in pm.hook.doclint_register_rules() for rule in rules]
    assert sorted(r.code for r in Registry(pm).rules) == sorted(r.code for r in provided)


def _plugin_with(rule_cls):
    module = types.ModuleType("inline_plugin")
    module.doclint_register_rules = hookimpl(lambda: [rule_cls])
    return module


def test_registered_plugin_rule_is_listed_and_run():
    class Shouting(Rule):
        """Finds ！！.\n\nBad:  好！！\nGood: 好！"""

        code, name, family, severity = "EX002", "shouting", "example", Severity.INFO

        def check(self, document):
            i = document.text.find("！！")
            if i != -1:
                yield self.diagnostic(i, i + 2, "连用感叹号")

    registry = Registry(create_plugin_manager([_plugin_with(Shouting)], load_entry_points=False))
    assert registry.rule("EX002").id == "example.shouting"
    assert registry.rule("example.shouting").code == "EX002"


def test_duplicate_codes_are_an_error():
    class Clash(Rule):
        code, name, family = "PH001", "clash", "example"

    registry = Registry(create_plugin_manager([_plugin_with(Clash)], load_entry_points=False))
    with pytest.raises(InputError, match="two rules share the code PH001"):
        registry.rules


def test_incomplete_rule_is_an_error():
    class Nameless(Rule):
        code = "EX003"

    registry = Registry(create_plugin_manager([_plugin_with(Nameless)], load_entry_points=False))
    with pytest.raises(InputError, match="lacks a code, name or family"):
        registry.rules
