"""Placeholders: template marks never filled in (``XX``, ``**``, ``【待补充】``)."""
from __future__ import annotations

import regex

from doclint import Rule, Severity, hookimpl
from doclint.text import HAN

_MARK = regex.compile(rf"(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])(?=[{HAN}\d%％])|(?<=[{HAN}\d])(?:XX+|xx+)(?![A-Za-z])")


class Marker(Rule):
    """Finds template marks such as ``XX`` left where a number or a name belongs.

    Drafts are copied from last year's file or a template; an ``XX`` that
    survives into the final report is the most visible mistake a draft can make.

    Bad:  截至XX月底，共整改问题XX个。
    Good: 截至10月底，共整改问题12个。
    """

    code = "PH001"
    name = "marker"
    family = "placeholder"
    severity = Severity.ERROR

    def check(self, document):
        for m in _MARK.finditer(document.prose):
            yield self.diagnostic(m.start(), m.end(), f"未填写的占位符“{m.group()}”", f"unfilled placeholder “{m.group()}”")


@hookimpl
def doclint_register_rules():
    return [Marker]
