"""Suppression comments: silence findings a reviewer has already judged.

In any file (they are HTML comments, which Markdown renders as nothing)::

    <!-- doclint-disable-next-line PH001 -->     the next line only
    <!-- doclint-disable-line PU -->             the line the comment is on
    <!-- doclint-disable PH001, WD -->           from here ...
    <!-- doclint-enable PH001, WD -->            ... to here (or the end of the file)

Without codes a comment applies to every rule. Codes are selectors as on the
command line: a code (``PH001``), a prefix (``PH``), a family (``placeholder``)
or a rule id. Text after `` -- `` is a reason for the reader and is ignored.

This is a post-processing step on a document's findings, so it works the same
for every rule and every loader, and costs nothing when the text has no
``doclint-`` comment at all.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

import regex

from doclint.diagnostic import Diagnostic
from doclint.document import Document

MARKER = "doclint-"
# Greedy body with no ">" inside: linear, even on a long line without "-->".
_COMMENT = regex.compile(r"<!--[ \t]*doclint-(disable-next-line|disable-line|disable|enable)(?![\w-])([^>\n]*)-->")
_SPLIT = regex.compile(r"[\s,]+")


def _selectors(body: str) -> tuple[str, ...] | None:
    body = body.split(" -- ", 1)[0].strip().rstrip("-").strip()
    parts = tuple(p for p in _SPLIT.split(body) if p)
    return parts or None  # None: every rule


def _matches(d: Diagnostic, selectors: tuple[str, ...] | None) -> bool:
    if selectors is None:
        return True
    family = d.rule.split(".", 1)[0]
    code = d.code.upper()
    for sel in selectors:
        s = sel.upper()
        if s == "ALL" or s == code or sel == d.rule or sel == family or (sel[:1].isalpha() and code.startswith(s)):
            return True
    return False


def apply_suppressions(document: Document, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Drop the findings that a ``doclint-disable…`` comment covers."""
    text = document.text
    if MARKER not in text or not diagnostics:
        return list(diagnostics)
    per_line: dict[int, list] = {}
    ranges: list[tuple[int, bool, tuple[str, ...] | None]] = []  # (offset, disable?, selectors)
    for m in _COMMENT.finditer(text):
        kind, selectors = m.group(1), _selectors(m.group(2))
        if kind == "disable-next-line":
            line = document.line_of(m.end() - 1) + 1
            per_line.setdefault(line, []).append(selectors)
        elif kind == "disable-line":
            for line in range(document.line_of(m.start()), document.line_of(m.end() - 1) + 1):
                per_line.setdefault(line, []).append(selectors)
        else:
            ranges.append((m.end() if kind == "disable" else m.start(), kind == "disable", selectors))
    if not per_line and not ranges:
        return list(diagnostics)
    offsets = [r[0] for r in ranges]
    kept = []
    for d in diagnostics:
        line = d.line or document.line_of(d.start)
        if any(_matches(d, sels) for sels in per_line.get(line, ())):
            continue
        if ranges and _disabled_by_range(d, ranges, bisect_right(offsets, d.start)):
            continue
        kept.append(d)
    return kept


def _disabled_by_range(d: Diagnostic, ranges: list, upto: int) -> bool:
    """The latest disable/enable comment before the finding that names its rule decides."""
    for i in range(upto - 1, -1, -1):
        _, disable, selectors = ranges[i]
        if _matches(d, selectors):
            return disable
    return False
