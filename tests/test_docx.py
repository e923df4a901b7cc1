"""Word drafts: reading order, Word numbering, positions, --annotate, guard rails.

Every .docx here is built by the test with python-docx (plus the numbering XML
Word would write), never a binary of unknown origin.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
import regex
from docx.oxml import parse_xml

from conftest import SEED_FILES, run_doclint
from doclint.annotate import split_run
from doclint.document import Document
from doclint.errors import InputError
from doclint.loaders.docx import check_package, load_word
from doclint.testing import found, lint
from doclint.wordnumbering import format_number

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

# ---------------------------------------------------------------------------------------------
# Building Word files the way Word writes them


# The GB/T 9704 heading levels, as a Word multi-level list: 一、 → （一） → 1. → （1）
HEADING_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）"))
HEADING_PATTERNS = (
    regex.compile(r"([一二三四五六七八九十]{1,3})、"),
    regex.compile(r"（([一二三四五六七八九十]{1,3})）"),
    regex.compile(r"([0-9]{1,2})\.(?![0-9])"),
    regex.compile(r"（([0-9]{1,2})）"),
)


def _level_xml(ilvl: int, fmt: str, text: str, start: int = 1, suffix: str = "nothing", extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


class WordList:
    """A Word numbering definition added to a python-docx document's numbering part."""

    def __init__(self, document, levels=HEADING_LEVELS, suffix="nothing", abstract_id=90, extra=None):
        self.numbering = document.part.numbering_part.element
        self.abstract_id = abstract_id
        lvls = "".join(_level_xml(i, fmt, text, suffix=suffix, extra=(extra or {}).get(i, "")) for i, (fmt, text) in enumerate(levels))
        abstract = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
                             f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
        # abstractNum elements must come before num elements.
        first_num = self.numbering.find(f"{W}num")
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        self.next_id = abstract_id * 10
        self.base = self.instance()

    def instance(self, start_overrides: dict[int, int] | None = None) -> str:
        self.next_id += 1
        overrides = "".join(f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{v}"/></w:lvlOverride>'
                            for lvl, v in (start_overrides or {}).items())
        self.numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{self.next_id}">'
                                        f'<w:abstractNumId w:val="{self.abstract_id}"/>{overrides}</w:num>'))
        return str(self.next_id)


def number_paragraph(paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _typed_number(line: str) -> tuple[int, int, int] | None:
    """(level, value, prefix length) of a heading number typed at the start of a line."""
    from doclint.text import cn_to_int

    for level, pattern in enumerate(HEADING_PATTERNS):
        m = pattern.match(line)
        if m:
            value = cn_to_int(m.group(1)) if level < 2 else int(m.group(1))
            if value and value < 100 and len(line) > m.end():
                return level, value, m.end()
    return None


def seed_as_docx(text: str) -> bytes:
    """A .docx of a draft: one paragraph per line, heading numbers made by Word's numbering.

    Where the typed number breaks the sequence (the defect under test), the
    paragraph starts a new list instance with a start override, which is how
    a Word user gets a wrong number out of automatic numbering.
    """
    document = docx.Document()
    body = document.element.body
    for p in list(body.iterchildren(f"{W}p")):
        body.remove(p)
    word_list = WordList(document)
    counters: list[int | None] = [None] * 4
    for line in Document.from_text(text).text.split("\n"):
        typed = _typed_number(line)
        if typed is None:
            document.add_paragraph(line)
            continue
        level, value, length = typed
        expected = 1 if counters[level] is None else counters[level] + 1
        num_id = word_list.base if value == expected else word_list.instance({level: value})
        counters[level] = value
        for deeper in range(level + 1, 4):
            counters[deeper] = None
        paragraph = document.add_paragraph(line[length:])
        number_paragraph(paragraph, num_id, level)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def save(document, path: Path | None = None) -> bytes:
    out = io.BytesIO()
    document.save(out)
    if path is not None:
        path.write_bytes(out.getvalue())
    return out.getvalue()


def new_document():
    document = docx.Document()
    body = document.element.body
    for p in list(body.iterchildren(f"{W}p")):
        body.remove(p)
    return document


def commented_text(path: Path) -> list[tuple[str, str, str]]:
    """(author, comment text, text the comment is anchored on) for each comment, in id order."""
    document = docx.Document(str(path))
    comments = {c.comment_id: c for c in document.comments}
    anchored: dict[int, list[str]] = {cid: [] for cid in comments}
    active: set[int] = set()
    for el in document.element.body.iter():
        if el.tag == f"{W}commentRangeStart":
            active.add(int(el.get(f"{W}id")))
        elif el.tag == f"{W}commentRangeEnd":
            active.discard(int(el.get(f"{W}id")))
        elif el.tag == f"{W}t":
            for cid in active:
                anchored[cid].append(el.text or "")
    return [(comments[c].author, comments[c].text, "".join(anchored[c])) for c in sorted(comments)]


# ---------------------------------------------------------------------------------------------
# Reading: text in reading order, locations


def test_reading_order_body_table_header_footer():
    document = new_document()
    document.add_paragraph("2023年工作总结")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "完成情况"
    table.cell(1, 0).text = "污水治理"
    table.cell(1, 1).text = "完成XX个村庄"
    document.add_paragraph("以上为全年情况。")
    document.sections[0].header.paragraphs[0].text = "xx区环保局"
    document.sections[0].footer.paragraphs[0].text = "( wWw.850500.cOm 转载请注明 )"
    doc = load_word(save(document), "r.docx")
    assert doc.format == "docx"
    assert doc.text.split("\n") == ["2023年工作总结", "项目", "完成情况", "污水治理", "完成XX个村庄", "以上为全年情况。",
                                    "xx区环保局", "( wWw.850500.cOm 转载请注明 )"]
    assert doc.locations == {1: "第1段", 2: "表格1 第1行第1列", 3: "表格1 第1行第2列", 4: "表格1 第2行第1列",
                             5: "表格1 第2行第2列", 6: "第6段", 7: "页眉", 8: "页脚"}


def test_placeholder_in_table_cell_is_found_at_the_cell_line():
    document = new_document()
    document.add_paragraph("一、主要指标")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "优良天数"
    table.cell(0, 1).text = "全年XX天"
    doc = load_word(save(document), "r.docx")
    assert found(lint("", select=["PH001"], document=doc), doc.text) == [("PH001", 3, 3, 5, "XX")]
    assert doc.location(3) == "表格1 第1行第2列"


def test_nested_table_cells_are_labelled_inside_their_outer_cell():
    document = new_document()
    table = document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)
    cell.text = "外层"
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 1).text = "内层"
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["外层", "", "内层", ""]
    assert doc.locations[3] == "表格1 第1行第1列 › 表格2 第1行第2列"


def test_watermark_in_footer_is_reported_on_the_footer_line():
    document = new_document()
    document.add_paragraph("全年工作取得明显成效。")
    document.sections[0].footer.paragraphs[0].text = "党史天天学( wWw.850500.cOm 转载请注明 )"
    doc = load_word(save(document), "r.docx")
    txt = Document.from_text("全年工作取得明显成效。\n党史天天学( wWw.850500.cOm 转载请注明 )")
    assert [d.line for d in lint("", select=["AR003"], document=doc)] == [2]
    assert found(lint("", select=["AR003"], document=doc)) == found(lint("", select=["AR003"], document=txt))
    assert doc.location(2) == "页脚"


def test_first_page_and_even_page_headers_are_distinct_parts_read_once():
    document = new_document()
    document.add_paragraph("正文")
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "默认页眉"
    section.first_page_header.paragraphs[0].text = "首页页眉文字"
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["正文", "默认页眉", "首页页眉文字"]
    assert doc.locations[2] == "页眉" and doc.locations[3] == "首页页眉"


def test_text_box_is_read_after_the_body_once_not_twice():
    document = new_document()
    document.add_paragraph("正文第一段")
    p = document.add_paragraph("图注：")
    box = (f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
           '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框里有XX项</w:t></w:r></w:p>'
           '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
           '<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框里有XX项</w:t></w:r></w:p>'
           '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    p._p.append(parse_xml(box))
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["正文第一段", "图注：", "文本框里有XX项"]
    assert doc.locations[3] == "文本框1"


def _add_footnotes(document, *notes):
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>' for i, text in enumerate(notes, 1))
    xml = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
           f'</w:footnote>{body}</w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def test_footnotes_are_read_after_headers_and_annotated_in_the_body(tmp_path):
    document = new_document()
    document.add_paragraph("全年优良天数增加。")
    document.sections[0].footer.paragraphs[0].text = "第1页"
    _add_footnotes(document, "数据来源：区统计局。", "共排查XX家企业。")
    src = tmp_path / "notes.docx"
    save(document, src)
    doc = load_word(src.read_bytes(), str(src))
    assert doc.text.split("\n") == ["全年优良天数增加。", "第1页", "数据来源：区统计局。", "共排查XX家企业。"]
    assert doc.locations[3] == "脚注1" and doc.locations[4] == "脚注2"
    out = tmp_path / "notes.out.docx"
    run = run_doclint("--format", "json", "--select", "PH001", "--annotate", str(out), str(src))
    assert [(f["line"], f["column"]) for f in run.json] == [(4, 4)]
    [(author, text, anchored)] = commented_text(out)
    assert text.startswith("[脚注2] PH001 ") and anchored == "全年优良天数增加。"


def test_tracked_deletions_and_field_codes_are_not_text_insertions_are():
    document = new_document()
    p = document.add_paragraph("完成")
    p._p.append(parse_xml(f'<w:del xmlns:w="{W_NS}" w:id="1" w:author="a"><w:r><w:delText>XX</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins xmlns:w="{W_NS}" w:id="2" w:author="a"><w:r><w:t>12</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="begin"/></w:r>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:instrText>PAGE XX</w:instrText></w:r>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="separate"/></w:r>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:t>项</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:fldChar w:fldCharType="end"/></w:r>'))
    doc = load_word(save(document), "r.docx")
    assert doc.text == "完成12项"


def test_hidden_text_is_not_read():
    document = new_document()
    p = document.add_paragraph("完成")
    p.add_run("XX").font.hidden = True
    p.add_run("12项")
    doc = load_word(save(document), "r.docx")
    assert doc.text == "完成12项"


def test_entity_expansion_in_the_xml_is_not_performed(tmp_path):
    document = new_document()
    document.add_paragraph("正文")
    data = save(document)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    lol = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10}">' for i in range(1, 10))
    xml = xml.replace("?>", f'?><!DOCTYPE w:document [<!ENTITY l0 "lol">{lol}]>', 1).replace("正文", "正文&l9;")
    parts["word/document.xml"] = xml.encode("utf-8")
    path = tmp_path / "laughs.docx"
    path.write_bytes(_zip(parts))
    run = run_doclint("--format", "json", str(path))
    assert run.code == 2 and run.err.startswith(f"doclint: error: {path}: not a readable Word document")
    assert len(run.err.splitlines()) == 1


def test_soft_line_break_and_tab_keep_one_line_per_paragraph():
    document = new_document()
    p = document.add_paragraph("第一行")
    p.add_run().add_break()
    p.add_run("第二行\t表格")
    doc = load_word(save(document), "r.docx")
    assert doc.text == "第一行第二行\t表格"


# ---------------------------------------------------------------------------------------------
# Word numbering


def _numbered(items, levels=HEADING_LEVELS, suffix="nothing", extra=None):
    """A document whose paragraphs are (level, text) numbered by one Word list, or (None, text)."""
    document = new_document()
    word_list = WordList(document, levels, suffix=suffix, extra=extra)
    for level, text in items:
        paragraph = document.add_paragraph(text)
        if level is not None:
            number_paragraph(paragraph, word_list.base if not isinstance(level, tuple) else level[1], level if not isinstance(level, tuple) else level[0])
    return document, word_list


def test_word_numbering_is_reconstructed_level_by_level():
    items = [(0, "工作情况"), (1, "污染防治"), (2, "大气"), (2, "水"), (3, "细项"), (1, "生态保护"), (2, "自然"),
             (0, "存在问题"), (1, "短板")]
    document, _ = _numbered(items)
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["一、工作情况", "（一）污染防治", "1.大气", "2.水", "（1）细项", "（二）生态保护", "1.自然",
                                    "二、存在问题", "（一）短板"]


def test_restarted_word_list_gives_a_duplicate_number_that_numbering_reports():
    document = new_document()
    word_list = WordList(document)
    restarted = word_list.instance({0: 2})  # the user set "start at 二" on the third heading
    for num_id, text in ((word_list.base, "工作情况"), (word_list.base, "存在问题"), (restarted, "下步打算")):
        number_paragraph(document.add_paragraph(text), num_id, 0)
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["一、工作情况", "二、存在问题", "二、下步打算"]
    assert doc.location(3) == "第3段 · 自动编号“二、”"
    assert [(d.code, d.line, d.column, d.end_column) for d in lint("", select=["NU"], document=doc)] == [("NU001", 3, 1, 3)]


def test_word_lists_sharing_an_abstract_definition_continue_each_other():
    document = new_document()
    word_list = WordList(document)
    other = word_list.instance()  # no override: Word continues the count
    for num_id, text in ((word_list.base, "甲"), (other, "乙"), (word_list.base, "丙")):
        number_paragraph(document.add_paragraph(text), num_id, 0)
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["一、甲", "二、乙", "三、丙"]


def test_level_that_never_restarts_keeps_counting_under_a_new_heading():
    document, _ = _numbered([(0, "甲"), (1, "子"), (0, "乙"), (1, "丑")], extra={1: '<w:lvlRestart w:val="0"/>'})
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["一、甲", "（一）子", "二、乙", "（二）丑"]


def test_multilevel_and_legal_numbering():
    levels = (("decimal", "%1."), ("decimal", "%1.%2"))
    document, _ = _numbered([(0, "总体"), (1, "细则"), (1, "要求")], levels=levels, suffix="space")
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["1. 总体", "1.1 细则", "1.2 要求"]
    legal = (("chineseCounting", "第%1章"), ("decimal", "%1.%2"))
    document, _ = _numbered([(0, "总体"), (1, "细则")], levels=legal, extra={1: '<w:isLgl/>'})
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["第一章总体", "1.1细则"]


def test_tab_after_a_bare_digit_reads_as_a_space_after_punctuation_as_nothing():
    document, _ = _numbered([(0, "总体")], levels=(("decimal", "%1"),), suffix="tab")
    assert load_word(save(document), "r.docx").text == "1 总体"
    document, _ = _numbered([(0, "总体")], levels=(("chineseCounting", "%1、"),), suffix="tab")
    assert load_word(save(document), "r.docx").text == "一、总体"


def test_bullets_and_numid_zero_give_no_number():
    document, word_list = _numbered([(0, "一项")], levels=(("bullet", "\uf0b7"),))
    p = document.add_paragraph("无编号")
    number_paragraph(p, "0", 0)
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["一项", "无编号"]


def test_numbering_from_a_paragraph_style():
    document = new_document()
    for text in ("甲", "乙", "丙"):
        document.add_paragraph(text, style="List Number")
    assert load_word(save(document), "r.docx").text.split("\n") == ["1.甲", "2.乙", "3.丙"]


def test_heading_styles_linked_to_list_levels():
    """Word's usual set-up: Heading 1/2 styles carry the list, the levels name their styles."""
    document = new_document()
    word_list = WordList(document, extra={0: '<w:pStyle w:val="Heading1"/>', 1: '<w:pStyle w:val="Heading2"/>'})
    for style_id in ("Heading1", "Heading2"):
        style = document.styles.element.get_by_id(style_id)
        style.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="{word_list.base}"/></w:numPr>'))
    for style, text in (("Heading 1", "工作情况"), ("Heading 2", "污染防治"), ("Heading 2", "生态保护"), ("Heading 1", "存在问题")):
        document.add_paragraph(text, style=style)
    doc = load_word(save(document), "r.docx")
    assert doc.text.split("\n") == ["一、工作情况", "（一）污染防治", "（二）生态保护", "二、存在问题"]


@pytest.mark.parametrize("value, fmt, expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"), (20, "chineseCountingThousand", "二十"),
    (3, "chineseLegalSimplified", "叁"), (3, "ideographTraditional", "丙"), (3, "decimalEnclosedCircle", "③"),
    (21, "decimalEnclosedCircle", "21"), (2, "decimalEnclosedParen", "⑵"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"),
    (27, "upperLetter", "AA"), (2, "lowerLetter", "b"), (12, "decimalFullWidth", "１２"), (5, "decimalZero", "05"),
    (2023, "ideographDigital", "二〇二三"), (7, "none", ""), (7, "someFutureFormat", "7"),
])
def test_number_formats(value, fmt, expected):
    assert format_number(value, fmt) == expected


# ---------------------------------------------------------------------------------------------
# The five seed drafts as Word files


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem[:3])
def test_seed_as_docx_reads_like_the_txt_and_gives_the_same_findings(seed, tmp_path):
    text = seed.read_text(encoding="utf-8")
    data = seed_as_docx(text)
    doc = load_word(data, "seed.docx")
    txt = Document.from_text(text)
    assert doc.text == txt.text  # Word numbers included, line for line
    numbered = sum(1 for p in docx.Document(io.BytesIO(data)).paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None)
    assert numbered >= 2, "the seed's headings must be numbered by Word"
    assert found(lint("", document=doc)) == found(lint("", document=txt))


def test_seeds_through_the_cli_json_equal_and_annotated_with_one_comment_per_finding(tmp_path):
    for seed in SEED_FILES:
        docx_path = tmp_path / (seed.stem + ".docx")
        docx_path.write_bytes(seed_as_docx(seed.read_text(encoding="utf-8")))
        original = docx_path.read_bytes()
        out = tmp_path / (seed.stem + ".annotated.docx")
        run_txt = run_doclint("--format", "json", str(seed))
        run_docx = run_doclint("--format", "json", "--annotate", str(out), str(docx_path))
        assert run_docx.err == "" and run_docx.code == run_txt.code
        keys = ("code", "line", "column", "end_line", "end_column", "message", "suggestion")
        txt_findings = [tuple(f[k] for k in keys) for f in run_txt.json]
        docx_findings = [tuple(f[k] for k in keys) for f in run_docx.json]
        assert docx_findings == txt_findings
        assert docx_path.read_bytes() == original, "the original is never modified"
        comments = commented_text(out)
        assert len(comments) == len(docx_findings)
        assert all(author == "doclint" for author, _, _ in comments)
        assert [c[1].split(" ", 1)[0] for c in comments] == [f["code"] for f in run_docx.json]
        lines = Document.from_text(seed.read_text(encoding="utf-8")).text.split("\n")
        for f, (_, _, anchored) in zip(run_docx.json, comments):
            line = lines[f["line"] - 1]
            end = f["end_column"] - 1 if f["end_line"] == f["line"] else len(line)
            covered = line[f["column"] - 1:end]
            typed = _typed_number(line)
            if f["end_line"] != f["line"]:
                assert anchored.startswith(covered), f
            elif typed and f["column"] - 1 < typed[2]:  # on the number Word draws: the first run
                assert anchored == line[typed[2]:], f
            elif not covered:  # something missing: the character next to the gap
                assert len(anchored) == 1 and anchored in line, f
            else:
                assert anchored == covered, f


# ---------------------------------------------------------------------------------------------
# --annotate


def test_annotate_splits_runs_so_the_comment_covers_exactly_the_span(tmp_path):
    document = new_document()
    document.add_paragraph("2023年工作总结")
    p = document.add_paragraph()
    p.add_run("全年完成X")
    bold = p.add_run("X项任务")  # the placeholder straddles two runs
    bold.bold = True
    p.add_run("，成效明显。")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "优良率达XX%"
    document.sections[0].footer.paragraphs[0].text = "第xx页"
    src = tmp_path / "draft.docx"
    save(document, src)
    out = tmp_path / "draft.annotated.docx"
    run = run_doclint("--format", "json", "--select", "PH001", "--annotate", str(out), str(src))
    assert run.code == 1, run.err
    assert [(f["line"], f["column"], f["end_column"]) for f in run.json] == [(2, 5, 7), (3, 5, 7), (4, 2, 4)]
    comments = commented_text(out)
    assert [(a, t.split(" ", 1)[0], anchored) for a, t, anchored in comments] == [
        ("doclint", "PH001", "XX"), ("doclint", "PH001", "XX"), ("doclint", "[页脚]", "2023年工作总结")]
    annotated = docx.Document(str(out))
    runs = [(r.text, bool(r.bold)) for r in annotated.paragraphs[1].runs if r.text]
    assert runs == [("全年完成", False), ("X", False), ("X", True), ("项任务", True), ("，成效明显。", False)]
    assert annotated.paragraphs[1].text == "全年完成XX项任务，成效明显。"
    assert docx.Document(str(src)).paragraphs[1].text == "全年完成XX项任务，成效明显。"
    assert len(docx.Document(str(src)).comments) == 0


def test_annotate_finding_on_a_word_number_goes_on_the_first_run(tmp_path):
    document = new_document()
    word_list = WordList(document)
    restarted = word_list.instance({0: 2})
    for num_id, text in ((word_list.base, "工作情况"), (word_list.base, "存在问题"), (restarted, "下步打算")):
        number_paragraph(document.add_paragraph(text), num_id, 0)
    src = tmp_path / "n.docx"
    save(document, src)
    out = tmp_path / "n.out.docx"
    run = run_doclint("--format", "json", "--select", "NU001", "--annotate", str(out), str(src))
    assert [(f["line"], f["column"], f["end_column"], f["suggestion"]) for f in run.json] == [(3, 1, 3, "三、")]
    [(author, text, anchored)] = commented_text(out)
    assert anchored == "下步打算" and text.startswith("NU001 ") and "三、" in text


def test_annotate_suffix_writes_next_to_each_input_and_refuses_to_overwrite(tmp_path):
    document = new_document()
    document.add_paragraph("完成XX项")
    src = tmp_path / "a.docx"
    save(document, src)
    run = run_doclint("--format", "concise", "--annotate-suffix", ".doclint", str(src))
    assert run.code == 1
    assert [c[2] for c in commented_text(tmp_path / "a.doclint.docx")] == ["XX"]
    run = run_doclint("--format", "json", "--annotate", str(src), str(src))
    assert run.code == 2 and "overwrite" in run.err and "Traceback" not in run.err
    assert len(docx.Document(str(src)).comments) == 0


def test_annotate_needs_one_docx(tmp_path):
    (tmp_path / "a.txt").write_text("完成XX项", encoding="utf-8")
    run = run_doclint("--annotate", str(tmp_path / "o.docx"), str(tmp_path / "a.txt"))
    assert run.code == 2 and "exactly one .docx" in run.err and "Traceback" not in run.err


def _diagnostic(doc, start, end, code="EX001"):
    from doclint.diagnostic import Diagnostic, Severity
    from doclint.engine import finalize

    d = Diagnostic(rule="example.rule", code=code, severity=Severity.WARNING, start=start, end=end,
                   message={"zh": "示例", "en": "example"}, suggestion="补")
    return finalize(doc, [d])[0]


@pytest.mark.parametrize("paragraph, start, end, anchored", [
    ("优良率达％。", 4, 4, "％"),  # a number missing between 达 and ％: the character after the gap
    ("优良率达", 4, 4, "达"),  # a gap at the end of the paragraph: the last character
    ("第一段", 0, 3, "第一段"),
])
def test_annotate_zero_width_and_whole_paragraph_spans(tmp_path, paragraph, start, end, anchored):
    from doclint.annotate import annotate

    document = new_document()
    document.add_paragraph(paragraph)
    doc = load_word(save(document), "z.docx", keep_origin=True)
    assert annotate(doc.origin, [_diagnostic(doc, start, end)]) == 1
    out = tmp_path / "z.out.docx"
    doc.origin.word.save(str(out))
    [(author, text, got)] = commented_text(out)
    assert (author, got) == ("doclint", anchored)
    assert text == "EX001 示例\n建议：补"


def test_annotate_span_across_two_paragraphs(tmp_path):
    from doclint.annotate import annotate

    document = new_document()
    document.add_paragraph("上一段结尾")
    document.add_paragraph("下一段开头")
    doc = load_word(save(document), "m.docx", keep_origin=True)
    annotate(doc.origin, [_diagnostic(doc, 3, 8)])  # "结尾\n下一"
    out = tmp_path / "m.out.docx"
    doc.origin.word.save(str(out))
    assert [c[2] for c in commented_text(out)] == ["结尾下一"]


@pytest.mark.parametrize("text, offset, head, tail", [
    ("全年完成XX项", 4, "全年完成", "XX项"),
    ("全年完成XX项", 1, "全", "年完成XX项"),
    ("ab\tcd", 2, "ab", "\tcd"),
    ("ab\tcd", 3, "ab\t", "cd"),
])
def test_split_run_keeps_formatting_and_text(text, offset, head, tail):
    document = new_document()
    run = document.add_paragraph().add_run(text)
    run.italic = True
    second = split_run(run._r, offset)
    paragraph = document.paragraphs[0]
    assert [(r.text, r.italic) for r in paragraph.runs] == [(head, True), (tail, True)]
    assert second is paragraph.runs[1]._r


# ---------------------------------------------------------------------------------------------
# Positions in the output


def test_full_output_shows_the_paragraph_and_its_cell(tmp_path):
    document = new_document()
    table = document.add_table(rows=2, cols=3)
    table.cell(1, 2).text = "共XX家企业"
    src = tmp_path / "t.docx"
    save(document, src)
    run = run_doclint("--format", "full", "--select", "PH001", str(src))
    assert f"{src}:6:2: PH001" in run.out
    assert "[表格1 第2行第3列]" in run.out
    assert "    6 │ 共XX家企业" in run.out


# ---------------------------------------------------------------------------------------------
# Guard rails: one line on stderr, exit 2, never a traceback or a hang


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize("name, data, message", [
    ("plain.docx", "这不是Word文件".encode("utf-8"), "not a Word .docx file (not a zip archive)"),
    ("empty.docx", b"", "not a Word .docx file (an empty file)"),
    ("cut.docx", b"PK\x03\x04" + b"\x00" * 40, "damaged zip archive"),
    ("old.doc", OLE + b"WordDocument".decode().encode("utf-16-le"), "old binary Word format (.doc) is not supported"),
    ("old.wps", OLE, "WPS Office format (.wps) is not supported"),
    ("rtf.doc", b"{\\rtf1\\ansi hello}", "old binary Word format (.doc) is not supported"),
    ("secret.docx", OLE + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64, "encrypted (password-protected) Word document"),
    ("renamed.docx", OLE + "WordDocument".encode("utf-16-le"), "old binary Word format (.doc) is not supported"),
    ("sheet.docx", _zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}), "a spreadsheet (.xlsx)"),
    ("nozip.docx", _zip({"a.txt": b"x"}), "without [Content_Types].xml"),
    ("broken.docx", _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<not xml"}), "not a readable Word document"),
    ("bomb.docx", _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"\x00" * (50 * 1024 * 1024)}), "possible zip bomb"),
])
def test_bad_word_files_give_one_line_and_exit_2(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("完成XX项", encoding="utf-8")
    run = run_doclint("--format", "json", str(path), str(good))
    assert run.code == 2
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"doclint: error: {path}: ") and message in lines[0], run.err
    assert [f["path"] for f in run.json] == [str(good)], "the other files are still checked"


def test_zip_bomb_limits_are_checked_from_the_central_directory_before_inflating(monkeypatch):
    import doclint.loaders.docx as loader

    data = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"a" * (3 * 1024 * 1024), "word/media/a.bin": b"b" * (3 * 1024 * 1024)})
    check_package(data)  # 6 MB in all, ratio within the limit per entry: accepted
    monkeypatch.setattr(loader, "MAX_UNCOMPRESSED", 5 * 1024 * 1024)
    with pytest.raises(InputError, match="would expand to 6 MB"):
        check_package(data)


def test_docx_renamed_doc_is_read_as_docx(tmp_path):
    document = new_document()
    document.add_paragraph("完成XX项")
    path = tmp_path / "really-docx.doc"
    save(document, path)
    run = run_doclint("--format", "json", "--select", "PH001", str(path))
    assert run.code == 1 and [(f["line"], f["column"]) for f in run.json] == [(1, 3)]


def test_directory_walk_picks_up_docx(tmp_path):
    document = new_document()
    document.add_paragraph("完成XX项")
    save(document, tmp_path / "a.docx")
    run = run_doclint("--format", "json", "--select", "PH001", str(tmp_path))
    assert [Path(f["path"]).name for f in run.json] == ["a.docx"]


def test_python_docx_is_not_imported_for_a_text_file(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text("完成了工作", encoding="utf-8")
    code = ("import sys; from doclint.cli import main; main(['--format','json',%r]); "
            "print('docx' in sys.modules, 'markdown_it' in sys.modules, file=sys.stderr)" % str(tmp_path / "a.txt"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stderr.strip().splitlines()[-1] == "False False"


def test_word_owner_file_beside_an_open_document_is_skipped_quietly(tmp_path):
    document = new_document()
    document.add_paragraph("完成XX项")
    save(document, tmp_path / "报告.docx")
    (tmp_path / "~$报告.docx").write_bytes(b"\x06user  " + b"\x00" * 154)
    run = run_doclint("--format", "json", "--select", "PH001", str(tmp_path))
    assert run.code == 1 and run.err == ""
    assert [Path(f["path"]).name for f in run.json] == ["报告.docx"]


def test_word_file_on_standard_input_is_recognised_by_its_bytes(tmp_path):
    document = new_document()
    document.add_paragraph("完成XX项")
    out = tmp_path / "stdin.annotated.docx"
    run = run_doclint("--format", "json", "--select", "PH001", "--annotate", str(out), "-", stdin=save(document))
    assert run.code == 1 and [(f["path"], f["line"], f["column"]) for f in run.json] == [("-", 1, 3)]
    assert [c[2] for c in commented_text(out)] == ["XX"]
    run = run_doclint("--format", "json", "-", stdin=OLE + "WordDocument".encode("utf-16-le"))
    assert run.code == 2 and "old binary Word format (.doc)" in run.err
