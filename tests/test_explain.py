"""Every rule's ``--explain`` examples are true: Bad triggers the rule, Good does not.

Examples are written on one line; ``⏎`` stands for a line break, ``␣`` for a
space a reader cannot see, ``<U+XXXX>`` for an invisible character. An example
that needs configuration says ``(with …)`` and is tested in its rule's module.
"""
from __future__ import annotations

import re

import pytest

from doclint.testing import builtin_registry, lint

RULES = builtin_registry().rules


def examples(rule, kind: str) -> list[str]:
    found = re.findall(rf"^\s*{kind}:\s*(.+)$", rule.explain(), re.M)
    return [e for e in found if "(with " not in e]


def as_text(example: str) -> str:
    text = re.sub(r"\s*⏎\s*", "\n", example).replace("␣", " ")
    return re.sub(r"<U\+([0-9A-Fa-f]{4,6})>", lambda m: chr(int(m.group(1), 16)), text) + "\n"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_has_a_summary_and_examples(rule):
    assert rule.summary()
    assert re.search(r"^\s*Bad:", rule.explain(), re.M) and re.search(r"^\s*Good:", rule.explain(), re.M)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_bad_example_triggers_and_good_does_not(rule):
    for bad in examples(rule, "Bad"):
        assert rule.code in {d.code for d in lint(as_text(bad), select=[rule.code])}, bad
    for good in examples(rule, "Good"):
        assert rule.code not in {d.code for d in lint(as_text(good), select=[rule.code])}, good
