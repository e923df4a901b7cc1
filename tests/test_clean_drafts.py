"""Precision first: a clean draft gets no findings, from any rule.

``tests/eval/*_clean.txt`` are defect-free drafts full of look-alikes (decimals,
times, model numbers, English, URLs, reduplicated words, correct sums and
numbering); the ``blind_*`` ones were written by a reviewer who had not read
the rules.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from doclint.document import Document
from doclint.testing import lint

CLEAN = sorted((Path(__file__).parent / "eval").glob("*_clean.txt"))


def test_there_are_clean_drafts():
    assert len(CLEAN) >= 13


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_clean_draft_has_no_findings(path):
    document = Document.from_text(path.read_text(encoding="utf-8"), path=str(path))
    assert [(d.code, d.line, d.column, document.text[d.start:d.end]) for d in lint("", document=document)] == []
