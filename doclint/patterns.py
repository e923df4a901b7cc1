"""Regular expressions compiled on first use.

The rules hold well over a hundred patterns. The ``regex`` module compiles
them in Python, which costs tens of milliseconds at every start of a short
process such as a pre-commit hook, and a typical draft never reaches many of
them (a watermark pattern runs only when the text has a domain-like token, a
mojibake pattern only when it has Latin-1 letters). A ``LazyPattern`` has the
interface of a compiled pattern and compiles itself the first time it is used.
"""
from __future__ import annotations

from typing import Any

import regex


class LazyPattern:
    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern  # readable without compiling, to build other patterns
        self.flags = flags
        self._compiled: Any = None

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self.flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # finditer, search, match, sub, ...
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:40]!r}{'…' if len(self.pattern) > 40 else ''})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """Like ``regex.compile``, compiled when first used."""
    return LazyPattern(pattern, flags)
