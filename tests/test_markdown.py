"""Markdown drafts: prose checked at source positions, everything else blanked."""
from __future__ import annotations

import pytest
import regex

from conftest import SEED_FILES, run_doclint
from doclint.document import Document
from doclint.loaders.markdown import load_markdown, non_prose_ranges
from doclint.testing import found, lint


def prose(md: str) -> list[str]:
    """The prose lines of a Markdown source, trailing blanks dropped (what rules scan)."""
    document = load_markdown(md)
    assert len(document.prose) == len(document.text)
    return [line.rstrip() for line in document.prose.split("\n")]


def B(source: str) -> str:
    """What a blanked piece of source looks like in prose."""
    return " " * len(source)


def placeholders(md: str) -> list[tuple]:
    document = load_markdown(md)
    return found(lint("", select=["PH001"], document=document), document.text)


@pytest.mark.parametrize("md, expected", [
    # Headings: the # marks go, the numbering a reader sees stays.
    ("## 一、工作情况 ##", ["   一、工作情况"]),
    ("工作情况\n====", ["工作情况", ""]),
    # Underscore and strikethrough marks go; asterisks stay for the placeholder rule to judge
    # (``**重点**`` is emphasis to it, ``为**ug/m3`` a missing number).
    ("**重点**工作*全面*完成~~了~~", ["**重点**工作*全面*完成  了"]),
    ("__重点__工作_完成_", ["_ 重点__工作_完成"]),  # rendered: _<em>重点__工作_完成</em>
    # Bullets and quote marks.
    ("- 第一项\n* 第二项\n+ 第三项", ["  第一项", "  第二项", "  第三项"]),
    ("> 引用的话\n> > 再引用", ["  引用的话", "    再引用"]),
    # A thematic break, and a table's delimiter row and pipes.
    ("上文\n\n***\n\n下文", ["上文", "", "", "", "下文"]),
    ("| 项目 | 数量 |\n|---|---:|\n| 污水 | 12 |", ["  项目   数量", "", "  污水   12"]),
    # Code: fenced, indented, inline (any number of backticks).
    ("```python\nx = 'XX'\n```\n正文", ["", "", "", "正文"]),
    ("~~~\nXX\n~~~", ["", "", ""]),
    ("正文\n\n    XX = 1\n\n结尾", ["正文", "", "", "", "结尾"]),
    ("运行`doclint XX`和``a ` b``命令", ["运行" + B("`doclint XX`") + "和" + B("``a ` b``") + "命令"]),
    # Links keep their text, lose their target; images and autolinks go whole.
    ("见[工作方案](http://a.gov.cn/XX_(1).html \"标题\")。", ["见 工作方案" + B('](http://a.gov.cn/XX_(1).html "标题")') + "。"]),
    ("见[方案][ref]。\n\n[ref]: http://a.gov.cn/XX", ["见 方案      。", "", ""]),
    ("图![示意图XX](img/XX.png)完", ["图" + B("![示意图XX](img/XX.png)") + "完"]),
    ("网址<http://a.gov.cn/XX>完", ["网址" + B("<http://a.gov.cn/XX>") + "完"]),
    # HTML comments and tags go; a doclint directive stays visible.
    ("正文<!-- 待改XX -->完", ["正文" + B("<!-- 待改XX -->") + "完"]),
    ("<!-- doclint-disable PH -->\n正文", ["<!-- doclint-disable PH -->", "正文"]),
    ("<div align=\"center\">\n标题XX\n</div>", ["", "标题XX", ""]),
    ("<!--\n多行XX\n注释\n-->\n正文", ["", "", "", "", "正文"]),
    # Front matter (YAML and TOML) is metadata, not prose.
    ("---\ntitle: XX报告\n---\n正文", ["", "", "", "正文"]),
    ("+++\ntitle = \"XX\"\n+++\n正文", ["", "", "", "正文"]),
    ("---\n没有结束的分隔线", ["", "没有结束的分隔线"]),  # a thematic break, not front matter
])
def test_non_prose_is_blanked(md, expected):
    assert prose(md) == expected


def test_ordered_list_marker_stays_when_it_is_the_number_read():
    assert prose("1. 第一项\n2. 第二项\n3. 第三项") == ["1. 第一项", "2. 第二项", "3. 第三项"]
    assert prose("3. 第三项\n4. 第四项") == ["3. 第三项", "4. 第四项"]


def test_ordered_list_marker_blanked_when_markdown_renumbers_it():
    assert prose("1. 第一项\n1. 第二项\n1. 第三项") == ["1. 第一项", "   第二项", "   第三项"]
    assert prose("1. 甲\n   - 子\n2. 乙") == ["1. 甲", "     子", "2. 乙"]


def test_placeholders_found_in_heading_list_paragraph_and_table_at_source_positions():
    md = ("---\ntitle: 报告\n---\n"
          "# 全年完成XX项工作\n\n"
          "- 完成XX项任务\n\n"
          "共排查`XX`个问题，整治XX家企业。\n\n"
          "| 指标 | 数值 |\n|---|---|\n| 优良天数 | XX天 |\n")
    assert placeholders(md) == [("PH001", 4, 7, 9, "XX"), ("PH001", 6, 5, 7, "XX"), ("PH001", 8, 14, 16, "XX"),
                                ("PH001", 12, 10, 12, "XX")]


@pytest.mark.parametrize("md", [
    "```\n完成XX项\n```",
    "    完成XX项",
    "运行`完成XX项`",
    "见[链接](http://a.gov.cn/完成XX项)",
    "<!-- 完成XX项 -->",
    "---\ntitle: 完成XX项\n---\n正文",
    "[ref]: http://a.gov.cn/完成XX项",
    "![完成XX项](a.png)",
])
def test_placeholders_in_non_prose_are_silent(md):
    assert placeholders(md) == []


def test_numbering_sees_markdown_headings_at_their_source_columns():
    md = "# 年度总结\n\n## 一、工作情况\n\n正文。\n\n## 二、存在问题\n\n## 二、下步打算\n"
    document = load_markdown(md)
    assert [(d.code, d.line, d.column) for d in lint("", select=["NU001"], document=document)] == [("NU001", 9, 4)]


def test_escaped_and_entity_text_does_not_derail_the_inline_walk():
    # The text token reads "a*b&c" but the source has "a\\*b&amp;c": the __ after it is still found.
    assert prose("a\\*b&amp;c __重点__") == ["a\\*b&amp;c   重点"]


def test_crlf_source_keeps_positions():
    md = "# 标题\r\n\r\n完成XX项\r\n"
    document = load_markdown(md)
    assert document.newline == "\r\n"
    assert placeholders(md) == [("PH001", 3, 3, 5, "XX")]


@pytest.mark.parametrize("md", ["`" * 10000, "[" * 10000, "*" * 10000 + "重点", "<!--" * 2500, "](" * 5000, "> " * 5000 + "完成",
                                "1. " * 3000, "#" * 10000, "|" * 10000, "\\" * 10000])
def test_pathological_lines_are_handled(md):
    ranges = non_prose_ranges(md)
    assert all(0 <= s < e <= len(md) for s, e in ranges)
    assert len(load_markdown(md).prose) == len(md)


def test_cli_reads_markdown_and_reports_source_lines(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("# 总结\n\n```\nXX\n```\n\n完成XX项\n", encoding="utf-8")
    run = run_doclint("--format", "json", "--select", "PH001", str(path))
    assert run.code == 1
    assert [(f["line"], f["column"], f["end_column"]) for f in run.json] == [(7, 3, 5)]


def test_star_placeholder_in_markdown_is_still_found_and_emphasis_is_not():
    md = "PM2.5月均值为**ug/m3，空气优良率**%。\n\n坚持**问题导向**，强化**目标导向**。\n"
    document = load_markdown(md)
    assert [(d.code, d.line, d.column, d.end_column) for d in lint("", select=["PH"], document=document)] == [
        ("PH002", 1, 10, 12), ("PH002", 1, 23, 25)]


_HEADING = regex.compile(r"^(?:[一二三四五六七八九十]{1,3})、|^（[一二三四五六七八九十]{1,3}）")


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem[:3])
def test_seed_as_markdown_gives_the_txt_findings(seed):
    """Headings made Markdown headings: no finding appears that the .txt does not have,
    and none is lost unless Markdown itself renumbers a list the reader then sees differently."""
    txt = Document.from_text(seed.read_text(encoding="utf-8"))
    md = "\n".join(("## " if _HEADING.match(line) else "") + line for line in txt.text.split("\n"))
    document = load_markdown(md)

    def spans(doc):
        return {(d.code, d.line, doc.text[d.start:d.end]) for d in lint("", document=doc)}

    in_txt, in_md = spans(txt), spans(document)
    assert in_md <= in_txt
    renumbered = any(any(c.isdigit() for c in document.text[s:e]) for s, e in document.ignored)
    if not renumbered:
        assert in_md == in_txt
