"""Punctuation: half-width marks inside Chinese prose."""
from __future__ import annotations

import regex

from doclint import Fix, Rule, Severity, hookimpl
from doclint.text import HAN

_HALF = regex.compile(rf"(?<=[{HAN}])[,;:](?=[{HAN}])")
_FULL = {",": "，", ";": "；", ":": "："}


class HalfWidth(Rule):
    """Finds half-width ``,`` ``;`` ``:`` between Chinese characters.

    GB/T 15834 asks for full-width marks in Chinese text.

    Bad:  根据文件要求,强化尾矿库管理
    Good: 根据文件要求，强化尾矿库管理
    """

    code = "PU001"
    name = "half-width"
    family = "punctuation"
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, document):
        for m in _HALF.finditer(document.prose):
            full = _FULL[m.group()]
            yield self.diagnostic(m.start(), m.end(), f"中文语句中使用了半角“{m.group()}”，应为“{full}”",
                                  f"half-width “{m.group()}” in Chinese text; use “{full}”",
                                  suggestion=full, fix=Fix.replace(m.start(), m.end(), full))


@hookimpl
def doclint_register_rules():
    return [HalfWidth]
