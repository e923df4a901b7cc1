"""The text of a Word document, one line per paragraph, tied back to its runs.

Reading order is what a reviewer reads: body paragraphs and tables (cell by
cell, row by row, nested tables inside their cell), then the headers and
footers of each section, then footnotes and endnotes, then text boxes. Each paragraph becomes one line of
``Document.text`` so that a finding's ``line`` is the paragraph's index in this
order (the JSON contract is kept) and its ``column`` the offset in the
paragraph. Word's automatic numbers are put back in front of the text (see
:mod:`doclint.wordnumbering`), so ``一、`` drawn by Word reads like ``一、``
typed.

Each line keeps a :class:`ParagraphMap`: which ``w:r`` run holds which
characters. ``--annotate`` uses it to split runs and anchor a Word comment on
exactly a finding's span.

Only loaded when a ``.docx`` is met: python-docx and lxml cost start-up time.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from doclint.wordnumbering import Numbering, q

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

P, R, T, TBL, TR, TC = q("p"), q("r"), q("t"), q("tbl"), q("tr"), q("tc")
TXBX = q("txbxContent")
FALLBACK = f"{{{MC}}}Fallback"
# Elements that hold runs inside a paragraph (tracked insertions, links, fields, controls).
_RUN_CONTAINERS = {q(t) for t in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "moveTo", "dir", "bdo")}
# Elements that hold paragraphs and tables at block level.
_BLOCK_CONTAINERS = {q(t) for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo")}
_ROW_CONTAINERS = {q(t) for t in ("sdt", "sdtContent", "customXml")}
# Characters that would break the one-line-per-paragraph layout.
_FLATTEN = str.maketrans({"\n": " ", "\r": " ", "\x0b": " ", "\x0c": " "})


def run_pieces(run: Any) -> list[tuple[int, str]]:
    """(child index, text) for each child of a ``w:r`` that shows text."""
    out = []
    for i, child in enumerate(run):
        tag = child.tag
        if tag == T:
            out.append((i, (child.text or "").translate(_FLATTEN)))
        elif tag in (q("tab"), q("ptab")):
            out.append((i, "\t"))
        elif tag == q("noBreakHyphen"):
            out.append((i, "-"))
        elif tag == q("sym"):
            code = child.get(q("char"), "")
            try:
                cp = int(code, 16)
            except ValueError:
                continue
            if not (0xF000 <= cp <= 0xF0FF):  # symbol-font glyphs map to private use
                out.append((i, chr(cp)))
    return out


def _hidden(run: Any) -> bool:
    """A run formatted as hidden text (``w:vanish``): the reader never sees it."""
    rpr = run.find(q("rPr"))
    if rpr is None:
        return False
    vanish = rpr.find(q("vanish"))
    return vanish is not None and vanish.get(q("val"), "true") not in ("0", "false", "off")


def runs_of(el: Any) -> Iterator[Any]:
    """The ``w:r`` runs of a paragraph in order, through links, fields and insertions."""
    for child in el:
        if child.tag == R:
            yield child
        elif child.tag in _RUN_CONTAINERS:
            yield from runs_of(child)


def _text_boxes(run: Any) -> Iterator[Any]:
    """Text box contents anchored in a run, once each (not the VML fallback copy)."""
    for box in run.iter(TXBX):
        parent = box.getparent()
        duplicate = False
        while parent is not None and parent is not run:
            if parent.tag in (FALLBACK, TXBX):
                duplicate = True
                break
            parent = parent.getparent()
        if not duplicate:
            yield box


@dataclass
class Segment:
    run: Any  # the w:r element
    start: int  # offset of its first character in the line
    end: int


@dataclass
class ParagraphMap:
    element: Any  # the w:p element
    part: str  # "body", "table", "header", "footer", "footnote", "endnote", "textbox"
    label: str
    prefix: int  # length of the synthetic number prefix (Word numbering) at the line start
    segments: list[Segment] = field(default_factory=list)
    number: str = ""  # the number Word draws, e.g. "一、" (empty when none)


@dataclass
class WordText:
    lines: list[str]
    paragraphs: list[ParagraphMap]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def locations(self) -> dict[int, str]:
        return {i: p.label for i, p in enumerate(self.paragraphs, 1) if p.label}


class _Extractor:
    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.lines: list[str] = []
        self.paragraphs: list[ParagraphMap] = []
        self.tables = 0
        self.pending_boxes: list[tuple[Any, str]] = []

    def paragraph(self, p: Any, part: str, label: str | None) -> None:
        number = self.numbering.label(p)
        prefix = ""
        if number is not None and number.text:
            prefix = number.text
            if number.suffix == "space" or (number.suffix == "tab" and prefix[-1].isascii() and prefix[-1].isalnum()):
                prefix += " "
        segments, parts, pos = [], [prefix], len(prefix)
        for run in runs_of(p):
            if _hidden(run):
                continue
            text = "".join(t for _, t in run_pieces(run))
            if text:
                segments.append(Segment(run, pos, pos + len(text)))
                parts.append(text)
                pos += len(text)
            for box in _text_boxes(run):
                self.pending_boxes.append((box, part))
        line_no = len(self.lines) + 1
        label = label or f"第{line_no}段"
        if prefix:
            # Say where the number comes from: a wrong one is fixed in Word's list settings.
            label += f" · 自动编号“{number.text}”"
        self.lines.append("".join(parts))
        self.paragraphs.append(ParagraphMap(p, part, label, len(prefix), segments, number.text if number is not None else ""))

    def blocks(self, container: Any, part: str, label: str | None) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self.paragraph(child, part, label)
            elif tag == TBL:
                self.table(child, part, label)
            elif tag in _BLOCK_CONTAINERS:
                self.blocks(child, part, label)

    def table(self, tbl: Any, part: str, outer: str | None) -> None:
        self.tables += 1
        name = f"表格{self.tables}"
        for r, row in enumerate(_children(tbl, TR, _ROW_CONTAINERS), 1):
            for c, cell in enumerate(_children(row, TC, _ROW_CONTAINERS), 1):
                where = f"{name} 第{r}行第{c}列"
                self.blocks(cell, "table" if part == "body" else part, f"{outer} › {where}" if outer else where)

    def text_boxes(self) -> None:
        count = 0
        while self.pending_boxes:
            boxes, self.pending_boxes = self.pending_boxes, []
            for box, part in boxes:
                count += 1
                self.blocks(box, "textbox" if part in ("body", "table") else part, f"文本框{count}")


def _children(el: Any, tag: str, containers: set[str]) -> Iterator[Any]:
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in containers:
            yield from _children(child, tag, containers)


def _header_footer_parts(document: Any) -> Iterator[tuple[Any, str]]:
    """(root element, label) of each distinct header and footer part, section by section."""
    part = document.part
    sections = document.sections
    seen: set[int] = set()
    kinds = {"default": "", "first": "首页", "even": "偶数页"}
    for kind_tag, name in (("headerReference", "页眉"), ("footerReference", "页脚")):
        for s, section in enumerate(sections, 1):
            for ref in section._sectPr.findall(q(kind_tag)):
                rid = ref.get(f"{{{R_NS}}}id")
                try:
                    target = part.related_parts[rid]
                except KeyError:
                    continue
                if id(target) in seen:
                    continue
                seen.add(id(target))
                where = ("" if len(sections) == 1 else f"第{s}节") + kinds.get(ref.get(q("type"), "default"), "") + name
                yield target.element, where


_NOTE_RELS = (("/footnotes", "footnote", "脚注"), ("/endnotes", "endnote", "尾注"))


def _notes(document: Any) -> Iterator[tuple[Any, str, str]]:
    """(w:footnote or w:endnote element, part kind, label) for each real note.

    python-docx has no footnote API: the part is parsed from its bytes, so its
    paragraphs are read but cannot carry a comment (``--annotate`` anchors a
    note's findings in the body, saying where they are).
    """
    from docx.oxml.parser import parse_xml

    for rel in document.part.rels.values():
        for suffix, kind, name in _NOTE_RELS:
            if rel.is_external or not rel.reltype.endswith(suffix):
                continue
            try:
                root = parse_xml(rel.target_part.blob)
            except Exception:  # a damaged notes part: the body is still worth checking
                continue
            for note in root.iter(q(kind)):
                if note.get(q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                yield note, kind, f"{name}{note.get(q('id'), '')}"


def _root(part_getter: Any) -> Any:
    try:
        return part_getter()
    except Exception:  # a package without numbering or styles part
        return None


def extract(document: Any) -> WordText:
    """The lines of a python-docx ``Document`` in reading order, with their run maps."""
    numbering_root = _root(lambda: document.part.numbering_part.element)
    styles_root = _root(lambda: document.part.styles.element)
    ex = _Extractor(Numbering(numbering_root, styles_root))
    ex.blocks(document.element.body, "body", None)
    for root, label in _header_footer_parts(document):
        ex.blocks(root, "footer" if "页脚" in label else "header", label)
    for note, kind, label in _notes(document):
        ex.blocks(note, kind, label)
    ex.text_boxes()
    if not ex.lines:
        ex.lines.append("")
        ex.paragraphs.append(ParagraphMap(None, "body", "", 0))
    return WordText(ex.lines, ex.paragraphs)
