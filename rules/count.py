"""Counts: parts that do not add up to their stated total."""
from __future__ import annotations

import regex

from doclint import Rule, Severity, hookimpl

_SUM = regex.compile(r"(?:完成|推进中|在建)(\d+)(项|个)、(?:完成|推进中|在建)(\d+)\2，共(\d+)\2")


class PartsTotal(Rule):
    """Finds parts that do not add up to the total stated beside them.

    Bad:  完成12项、推进中5项，共18项
    Good: 完成12项、推进中5项，共17项
    """

    code = "CT001"
    name = "parts-total"
    family = "count"
    severity = Severity.ERROR

    def check(self, document):
        for m in _SUM.finditer(document.prose):
            a, b, total = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if a + b != total:
                yield self.diagnostic(m.start(4), m.end(4), f"{a} + {b} = {a + b}，文中为{total}",
                                      f"{a} + {b} = {a + b}, the text says {total}", suggestion=str(a + b))


@hookimpl
def doclint_register_rules():
    return [PartsTotal]
