"""Suppression comments: <!-- doclint-disable-next-line / disable / enable -->."""
from __future__ import annotations

import pytest

from doclint.document import Document
from doclint.engine import check_document
from doclint.suppression import apply_suppressions
from testing_family import Bang, DraftWord, write

RULES = [DraftWord(), Bang()]


def remaining(text: str) -> list[tuple]:
    doc = Document.from_text(text, path="draft.md")
    return [(d.code, d.line, d.column) for d in apply_suppressions(doc, check_document(doc, RULES))]


def test_without_comments_everything_is_reported():
    assert remaining("草稿!!\n草稿\n") == [("TS001", 1, 1), ("TS002", 1, 3), ("TS001", 2, 1)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # next line, one code
        ("<!-- doclint-disable-next-line TS001 -->\n草稿!!\n草稿\n", [("TS002", 2, 3), ("TS001", 3, 1)]),
        # next line, no code: every rule
        ("<!-- doclint-disable-next-line -->\n草稿!!\n草稿\n", [("TS001", 3, 1)]),
        # a prefix, a family, a rule id; commas or spaces
        ("<!-- doclint-disable-next-line TS -->\n草稿!!\n", []),
        ("<!-- doclint-disable-next-line testing -->\n草稿!!\n", []),
        ("<!-- doclint-disable-next-line testing.draft-word, TS002 -->\n草稿!!\n", []),
        # another code does not suppress
        ("<!-- doclint-disable-next-line PH001 -->\n草稿!!\n", [("TS001", 2, 1), ("TS002", 2, 3)]),
        # the comment at the end of a line covers the line after it, not its own
        ("草稿 <!-- doclint-disable-next-line -->\n草稿\n", [("TS001", 1, 1)]),
        # disable-line covers its own line
        ("草稿!! <!-- doclint-disable-line TS002 -->\n!!\n", [("TS001", 1, 1), ("TS002", 2, 1)]),
        # a reason after " -- " is ignored
        ("<!-- doclint-disable-next-line TS001 -- 引用原文 -->\n草稿!!\n", [("TS002", 2, 3)]),
    ],
    ids=["code", "all", "prefix", "family", "ids-and-commas", "other-code", "trailing", "same-line", "reason"],
)
def test_disable_next_line(text, expected):
    assert remaining(text) == expected


def test_disable_enable_range():
    text = (
        "草稿\n"                                   # 1 reported
        "<!-- doclint-disable TS001 -->\n"          # 2
        "草稿!!\n"                                  # 3 TS001 off, TS002 on
        "草稿\n"                                    # 4 off
        "<!-- doclint-enable TS001 -->\n"           # 5
        "草稿\n"                                    # 6 reported
    )
    assert remaining(text) == [("TS001", 1, 1), ("TS002", 3, 3), ("TS001", 6, 1)]


def test_disable_all_then_enable_one_then_to_end_of_file():
    text = (
        "<!-- doclint-disable -->\n"
        "草稿!!\n"                                  # 2 both off
        "<!-- doclint-enable TS002 -->\n"
        "草稿!!\n"                                  # 4 TS002 back on
        "<!-- doclint-enable -->\n"
        "草稿\n"                                    # 6 all on
        "<!-- doclint-disable TS -->\n"
        "草稿!!\n"                                  # 8 off until the end of the file
    )
    assert remaining(text) == [("TS002", 4, 3), ("TS001", 6, 1)]


def test_comment_must_be_well_formed():
    # Not a comment, a misspelt directive, a directive glued to another word: all ignored.
    for text in ("doclint-disable-next-line\n草稿\n", "<!-- doclint-disabled -->\n草稿\n", "<!-- doclint-disable-next-lines -->\n草稿\n"):
        assert remaining(text) == [("TS001", 2, 1)], text


def test_long_line_without_closing_is_linear_and_harmless():
    text = "<!-- doclint-disable " + " " * 10000 + "-" * 10000 + "\n草稿\n"
    assert remaining(text) == [("TS001", 2, 1)]


def test_suppression_through_the_command_line(run, tmp_path):  # noqa: F811
    write(tmp_path / "draft.md", "# 标题\n\n<!-- doclint-disable-next-line TS001 -->\n本草稿!!\n本草稿\n")
    data = run("--format", "json", "--select", "TS", "draft.md", cwd=tmp_path).json
    assert [(d["code"], d["line"], d["column"]) for d in data] == [("TS002", 4, 4), ("TS001", 5, 2)]


def test_suppression_in_a_plain_text_file_too(run, tmp_path):  # noqa: F811
    write(tmp_path / "draft.txt", "<!-- doclint-disable TS -->\n本草稿!!\n")
    result = run("--format", "json", "--select", "TS", "draft.txt", cwd=tmp_path)
    assert (result.code, result.json) == (0, [])
