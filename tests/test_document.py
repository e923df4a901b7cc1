"""The document model: offsets, lines, columns in code points, prose masking."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from doclint.document import Document


def test_positions_count_code_points_and_lines():
    doc = Document.from_text("一、总体情况\n截至XX月底\n")
    assert doc.line_count == 3
    assert doc.position(0) == (1, 1)
    assert doc.position(doc.text.index("XX")) == (2, 3)
    assert doc.position(len(doc.text)) == (3, 1)
    assert doc.line(2).text == "截至XX月底"
    assert [l.number for l in doc.lines()] == [1, 2, 3]


@pytest.mark.parametrize("raw, newline", [("a\r\nb\r\n", "\r\n"), ("a\rb\r", "\r"), ("a\nb\n", "\n")])
def test_newlines_are_normalised_and_remembered(raw, newline):
    doc = Document.from_text(raw)
    assert doc.text == "a\nb\n"
    assert doc.newline == newline


def test_bom_is_removed_and_remembered():
    doc = Document.from_text("\ufeff标题")
    assert doc.text == "标题" and doc.bom
    assert doc.position(0) == (1, 1)


def test_prose_blanks_ignored_ranges_but_keeps_length_and_newlines():
    text = "正文XX\n```\ncode XX\n```\n后文"
    start, end = text.index("```"), text.rindex("```") + 3
    doc = Document(text=text, ignored=[(start, end)])
    assert len(doc.prose) == len(text)
    assert doc.prose.count("\n") == text.count("\n")
    assert "code" not in doc.prose and doc.prose.startswith("正文XX") and doc.prose.endswith("后文")
    assert doc.is_ignored(text.index("code")) and not doc.is_ignored(0)


def test_memo_computes_once():
    doc = Document.from_text("x")
    calls = []
    assert doc.memo("k", lambda: calls.append(1) or 42) == 42
    assert doc.memo("k", lambda: calls.append(1) or 43) == 42
    assert calls == [1]


@given(st.text(alphabet=st.sampled_from("ab一二\n\r、X"), max_size=60))
def test_offset_and_position_are_inverse(raw):
    doc = Document.from_text(raw)
    for offset in range(len(doc.text) + 1):
        line, column = doc.position(offset)
        assert doc.offset(line, column) == offset
        assert 1 <= line <= doc.line_count


def test_is_ignored_merges_overlapping_ranges():
    doc = Document(text="0123456789" * 3, ignored=[(5, 8), (2, 4), (7, 12), (20, 21)])
    assert [o for o in range(30) if doc.is_ignored(o)] == [2, 3, 5, 6, 7, 8, 9, 10, 11, 20]
    assert doc.is_ignored(0, 3) and not doc.is_ignored(12, 20) and doc.is_ignored(12, 21)
    assert not Document(text="abc").is_ignored(0, 3)
