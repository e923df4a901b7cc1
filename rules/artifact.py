"""Artifacts: what copy and paste leaves behind (trailing spaces, web markup)."""
from __future__ import annotations

import regex

from doclint import Fix, Rule, Severity, hookimpl

_TRAILING = regex.compile(r"[ \t\u3000\u00a0]+$", regex.M)


class TrailingSpace(Rule):
    """Finds spaces and ideographic spaces at the end of a line.

    They are invisible in the editor but shift alignment and break diffs.

    Bad:  二、履行职责情况␣
    Good: 二、履行职责情况
    """

    code = "AR001"
    name = "trailing-space"
    family = "artifact"
    severity = Severity.INFO
    fixable = "safe"

    def check(self, document):
        for m in _TRAILING.finditer(document.prose):
            yield self.diagnostic(m.start(), m.end(), "行尾有多余空白", "trailing whitespace",
                                  suggestion="", fix=Fix.replace(m.start(), m.end(), ""))


@hookimpl
def doclint_register_rules():
    return [TrailingSpace]
