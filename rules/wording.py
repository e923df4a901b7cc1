"""Wording: doubled characters that are typos (``的的``)."""
from __future__ import annotations

import regex

from doclint import Fix, Rule, Severity, hookimpl

_DOUBLED = regex.compile(r"(的|了|在|和|是)\1")


class Doubled(Rule):
    """Finds a function word typed twice (``的的``, ``了了``).

    Bad:  新批新建的的企业
    Good: 新批新建的企业
    """

    code = "WD001"
    name = "doubled-char"
    family = "wording"
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, document):
        for m in _DOUBLED.finditer(document.prose):
            yield self.diagnostic(m.start(), m.end(), f"重复的字“{m.group()}”", f"doubled character “{m.group()}”",
                                  suggestion=m.group(1), fix=Fix.replace(m.start(), m.end(), m.group(1)))


@hookimpl
def doclint_register_rules():
    return [Doubled]
