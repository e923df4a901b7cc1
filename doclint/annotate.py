"""``--annotate``: hand the writer back their Word file with the findings as comments.

Each finding becomes a Word comment (author ``doclint``: the code, the message
and the suggestion) anchored on exactly the finding's span: the runs are split
at the span's ends, since a comment can only start and end on a run boundary.
The copy is written to a new path; the original file is never modified (the
comments go into the package parsed in memory when the file was loaded).

Where Word cannot hold a comment on the span, the comment says where the
finding is and is anchored on the first run of the body: headers, footers,
footnotes and endnotes (Word keeps comments in the main text). A finding on a number Word draws
(automatic numbering, not in any run) is anchored on the paragraph's first run.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from doclint import hookimpl
from doclint.errors import InputError
from doclint.reporters import ui

AUTHOR = "doclint"
INITIALS = "DL"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Parts whose text a comment cannot be anchored in: their findings are anchored in the body.
_ELSEWHERE = ("header", "footer", "footnote", "endnote")


@hookimpl
def doclint_add_options(parser: Any) -> None:
    group = parser.add_argument_group("Word annotation")
    group.add_argument("--annotate", metavar="OUT.docx", default=None,
                       help="write a copy of the (single) .docx input with each finding as a Word comment")
    group.add_argument("--annotate-suffix", metavar="SUFFIX", default=None,
                       help="write an annotated copy next to each .docx input, named NAME+SUFFIX.docx (e.g. .doclint)")


@hookimpl
def doclint_finish(results: list, options: Any) -> None:
    out = getattr(options, "annotate", None)
    suffix = getattr(options, "annotate_suffix", None)
    if not out and not suffix:
        return
    words = [r for r in results if r.document is not None and r.document.format == "docx" and r.document.origin is not None]
    failed = any(r.error for r in results)
    lang = getattr(options, "lang", None) or "zh"
    if out:
        if len(words) != 1:
            if not words and failed:
                return  # the unreadable file was already reported
            raise InputError(f"--annotate {out} needs exactly one .docx input, got {len(words)} (use --annotate-suffix for several)")
        write_annotated(words[0], Path(out), lang)
    if suffix:
        for result in words:
            source = Path(result.path)
            if result.path == "-":
                raise InputError("--annotate-suffix cannot name a copy of standard input; use --annotate OUT.docx")
            write_annotated(result, source.with_name(source.stem + suffix + source.suffix), lang)


def write_annotated(result: Any, out: Path, lang: str = "zh") -> int:
    """Add one comment per finding to the document of ``result`` and save it to ``out``."""
    source = Path(result.path)
    if result.path != "-" and out.exists() and source.exists() and out.resolve() == source.resolve():
        raise InputError(f"--annotate would overwrite the original {result.path}; choose another path")
    origin = result.document.origin
    count = annotate(origin, result.diagnostics, lang)
    try:
        origin.word.save(str(out))
    except OSError as exc:
        raise InputError(f"cannot write {out}: {exc.strerror or exc}") from None
    return count


def comment_text(diagnostic: Any, lang: str, where: str | None = None) -> str:
    head = f"{diagnostic.code} {diagnostic.text(lang)}"
    if where:
        head = f"[{where}] {head}"
    if diagnostic.suggestion is not None:
        head += "\n" + ui(lang, "suggestion") + (diagnostic.suggestion or ui(lang, "delete"))
    return head


def annotate(origin: Any, diagnostics: list, lang: str = "zh") -> int:
    """Anchor a comment for each diagnostic in ``origin.word``; return how many were added."""
    from docx.text.run import Run  # lazily, with python-docx

    word = origin.word
    paragraphs = origin.extracted.paragraphs
    add_comment = _Commenter(word)
    added = 0
    for d in diagnostics:
        first = paragraphs[d.line - 1]
        last = paragraphs[d.end_line - 1]
        start, end = d.column - 1, d.end_column - 1
        if d.end_line != d.line and end == 0 and d.end_line - 1 > d.line - 1:
            # A span ending at the very start of a line ends with the previous line.
            last = paragraphs[d.end_line - 2]
            end = _line_length(last)
        if first.part != last.part:  # a span running from the body into a text box: keep to its start
            last, end = first, _line_length(first)
        where = None
        anchor = None
        if first.part in _ELSEWHERE or last.part in _ELSEWHERE or first.element is None:
            where = first.label
        else:
            if first is last and end <= start:
                start, end = _widen(first, start)
            if first is last:
                anchor = _span_runs(first, start, end)
            else:
                a = _span_runs(first, start, max(start + 1, _line_length(first)))
                b = _span_runs(last, 0, max(end, 1))
                anchor = (a[0], b[1]) if a and b else None
            if anchor is None:
                where = first.label
        if anchor is None:
            anchor = _fallback_anchor(word, paragraphs)
        add_comment(Run(anchor[0], None), Run(anchor[1], None), comment_text(d, lang, where))
        added += 1
    return added


class _Commenter:
    """Adds comments in constant time each.

    ``Document.add_comment`` looks for a free comment id by scanning every
    comment, which makes thousands of findings quadratic; the ids are counted
    here instead, and the comment is built the same way python-docx builds it.
    """

    def __init__(self, word: Any):
        if not hasattr(word, "add_comment"):
            raise InputError("--annotate needs python-docx 1.2 or later (pip install -U python-docx)")
        self.word = word
        comments = word.comments
        self.element = getattr(comments, "_comments_elm", None)
        self.part = getattr(comments, "_comments_part", None)
        self.next_id = None
        if self.element is not None and self.part is not None:
            ids = [int(x) for x in self.element.xpath("./w:comment/@w:id") if str(x).isdigit()]
            self.next_id = max(ids, default=-1) + 1

    def __call__(self, first: Any, last: Any, text: str) -> None:
        if self.next_id is None or self.next_id > 2**31 - 1:
            self.word.add_comment([first, last], text=text, author=AUTHOR, initials=INITIALS)
            return
        import datetime as dt

        from docx.comments import Comment
        from docx.oxml.parser import parse_xml

        comment_id = self.next_id
        self.next_id += 1
        element = parse_xml(
            f'<w:comment xmlns:w="{W_NS}" w:id="{comment_id}" w:author="">'
            '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r></w:p></w:comment>'
        )
        self.element.append(element)
        element.author = AUTHOR
        element.initials = INITIALS
        element.date = dt.datetime.now(dt.timezone.utc)
        comment = Comment(element, self.part)
        head, *rest = text.split("\n")
        comment.paragraphs[0].add_run(head)
        for line in rest:
            comment.add_paragraph(text=line)
        first.mark_comment_range(last, comment_id)


def _line_length(pmap: Any) -> int:
    return pmap.segments[-1].end if pmap.segments else pmap.prefix


def _widen(pmap: Any, start: int) -> tuple[int, int]:
    """A zero-width finding (something missing) marks the character after it, or before."""
    length = _line_length(pmap)
    if start < length:
        return start, start + 1
    if start > 0:
        return start - 1, start
    return 0, 0


def _span_runs(pmap: Any, start: int, end: int) -> tuple[Any, Any] | None:
    """Split runs so that [start, end) of the line is whole runs; the first and last run."""
    if not pmap.segments:
        return _empty_paragraph_run(pmap)
    text_start = pmap.prefix
    if end <= text_start:  # entirely on the number Word draws
        first = pmap.segments[0].run
        return first, first
    start = max(start, text_start)
    _split_at(pmap, start)
    _split_at(pmap, end)
    covered = [s for s in pmap.segments if s.start < end and start < s.end]
    if not covered:
        return None
    return covered[0].run, covered[-1].run


def _empty_paragraph_run(pmap: Any) -> tuple[Any, Any] | None:
    from docx.oxml.parser import OxmlElement

    if pmap.element is None:
        return None
    run = OxmlElement("w:r")
    pmap.element.append(run)
    return run, run


def _fallback_anchor(word: Any, paragraphs: list) -> tuple[Any, Any]:
    for pmap in paragraphs:
        if pmap.part == "body" and pmap.segments:
            run = pmap.segments[0].run
            return run, run
    for pmap in paragraphs:
        if pmap.part == "body" and pmap.element is not None:
            anchor = _empty_paragraph_run(pmap)
            if anchor:
                return anchor
    paragraph = word.add_paragraph()
    run = paragraph.add_run("")
    return run._r, run._r


def _split_at(pmap: Any, pos: int) -> None:
    """Make ``pos`` (an offset in the line) fall on a run boundary."""
    from doclint.word import Segment

    for i, seg in enumerate(pmap.segments):
        if seg.start < pos < seg.end:
            tail = split_run(seg.run, pos - seg.start)
            pmap.segments[i:i + 1] = [Segment(seg.run, seg.start, pos), Segment(tail, pos, seg.end)]
            return


def split_run(run: Any, offset: int) -> Any:
    """Split a ``w:r`` after ``offset`` characters of its text; return the new second run.

    Both halves keep the run's formatting (``w:rPr``); the second is inserted
    right after the first.
    """
    from doclint.word import run_pieces
    from doclint.wordnumbering import q

    pieces = run_pieces(run)
    cut_index, cut_inside = len(run), None
    acc = 0
    for index, text in pieces:
        if acc <= offset < acc + len(text):
            cut_index = index
            cut_inside = offset - acc if offset > acc else None
            break
        acc += len(text)
    tail = copy.deepcopy(run)
    rpr = q("rPr")
    head_children = list(run)
    tail_children = list(tail)
    for i, child in enumerate(head_children):
        if child.tag == rpr:
            continue
        if i > cut_index or (i == cut_index and cut_inside is None):
            run.remove(child)
        elif i == cut_index:
            child.text = (child.text or "")[:cut_inside]
            child.set(XML_SPACE, "preserve")
    for i, child in enumerate(tail_children):
        if child.tag == rpr:
            continue
        if i < cut_index:
            tail.remove(child)
        elif i == cut_index and cut_inside is not None:
            child.text = (child.text or "")[cut_inside:]
            child.set(XML_SPACE, "preserve")
    run.addnext(tail)
    return tail
