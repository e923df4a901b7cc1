"""doclint: a linter for report drafts.

This module is the API a plugin author imports::

    from doclint import hookimpl, Rule, Severity

    class NoDraftWord(Rule):
        '''Finds the word 草稿 left in a final report. ...'''
        code, name, family = "EX001", "draft-word", "example"
        def check(self, document):
            ...

    @hookimpl
    def doclint_register_rules():
        return [NoDraftWord]
"""
from __future__ import annotations

import pluggy

from doclint.diagnostic import SAFE, UNSAFE, Diagnostic, Edit, Fix, Severity
from doclint.document import Document, Line
from doclint.rule import Rule

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("doclint")

__all__ = [
    "SAFE",
    "UNSAFE",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "Line",
    "Rule",
    "Severity",
    "__version__",
    "hookimpl",
]
