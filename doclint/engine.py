"""Run the selected rules over a document and collect sorted findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from doclint.diagnostic import Diagnostic
from doclint.document import Document
from doclint.rule import Rule


@dataclass
class FileResult:
    """What happened to one input: its findings, or why it could not be read."""

    path: str
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None


class RuleCrash(Exception):
    """A rule raised: a bug in doclint or a plugin, reported without a traceback."""


def check_document(document: Document, rules: Sequence[Rule]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule in rules:
        try:
            for diag in rule.check(document):
                found.append(diag)
        except Exception as exc:  # a plugin bug must not hide the other findings
            raise RuleCrash(f"rule {rule.code} ({rule.id}) failed on {document.path}: {type(exc).__name__}: {exc}") from exc
    return finalize(document, found)


def finalize(document: Document, found: list[Diagnostic]) -> list[Diagnostic]:
    """Resolve positions, drop exact duplicates, sort by position."""
    text_len = len(document.text)
    unique: dict[tuple, Diagnostic] = {}
    for diag in found:
        diag.start = max(0, min(diag.start, text_len))
        diag.end = max(diag.start, min(diag.end, text_len))
        diag.path = document.path
        diag.line, diag.column = document.position(diag.start)
        diag.end_line, diag.end_column = document.position(diag.end)
        unique.setdefault((diag.code, diag.start, diag.end), diag)
    return sorted(unique.values(), key=Diagnostic.sort_key)
