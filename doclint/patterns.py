"""Regular expressions compiled on first use.

The rules hold well over a hundred patterns. The ``regex`` module compiles
them in Python, which costs tens of milliseconds at every start of a short
process such as a pre-commit hook, and a typical draft never reaches many of
them (a watermark pattern runs only when the text has a domain-like token, a
mojibake pattern only when it has Latin-1 letters). A ``LazyPattern`` has the
interface of a compiled pattern and compiles itself the first time it is used;
from then on its matching methods are plain attributes, so a hot loop pays
nothing for the laziness.
"""
from __future__ import annotations

from typing import Any

import regex

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern  # readable without compiling, to build other patterns
        self.flags = flags

    @property
    def compiled(self) -> Any:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = regex.compile(self.pattern, self.flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return compiled

    def __getattr__(self, name: str) -> Any:  # match, search, finditer, ... on first use
        if name.startswith("__") or name in ("pattern", "flags"):
            raise AttributeError(name)  # copy and pickle probe for these before __init__ has run
        return getattr(self.compiled, name)

    def __getstate__(self) -> dict:
        return {"pattern": self.pattern, "flags": self.flags}  # compiled again where it lands

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:40]!r}{'…' if len(self.pattern) > 40 else ''})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """Like ``regex.compile``, compiled when first used."""
    return LazyPattern(pattern, flags)
