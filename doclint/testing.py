"""Helpers for testing rules, doclint's own and plugins' alike.

    from doclint.testing import lint, found

    def test_xx_in_year():
        assert found(lint("20XX年工作总结", select=["PH"])) == [("PH001", 1, 3, 5, "XX")]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

from doclint.diagnostic import Diagnostic
from doclint.document import Document
from doclint.engine import check_document
from doclint.plugins import Registry, create_plugin_manager
from doclint.selection import select_rules


@lru_cache(maxsize=1)
def builtin_registry() -> Registry:
    return Registry(create_plugin_manager(load_entry_points=False))


def lint(
    text: str,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    *,
    path: str = "<text>",
    settings: dict | None = None,
    document: Document | None = None,
) -> list[Diagnostic]:
    """Check ``text`` (or a ready ``document``) with the built-in rules."""
    rules = select_rules(builtin_registry().rules, list(select) if select else None, (), list(ignore))
    doc = document or Document.from_text(text, path=path)
    if settings:
        doc.settings.update(settings)
    return check_document(doc, rules)


def found(diagnostics: Iterable[Diagnostic], text: str | None = None) -> list[tuple]:
    """(code, line, column, end_column, covered text) for each finding: what tests assert."""
    out = []
    for d in diagnostics:
        covered = text[d.start:d.end] if text is not None else None
        out.append((d.code, d.line, d.column, d.end_column) + ((covered,) if text is not None else ()))
    return out


def codes(diagnostics: Iterable[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]
