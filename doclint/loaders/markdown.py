"""The Markdown loader: ``.md`` drafts checked as the reader of the rendered page reads them.

``Document.text`` stays the Markdown source, so every position is a source
position (line and column in the ``.md`` file). What a reader does not read as
prose goes into ``Document.ignored`` and is blanked in ``Document.prose``:
front matter, fenced and indented code, inline code, link and image targets,
HTML tags and comments (a ``<!-- doclint-… -->`` directive stays visible),
reference definitions, and the Markdown syntax itself (``#`` of headings,
``*``/``-`` bullets, ``>`` quote marks, ``_``/``~~`` emphasis, ``---`` rules,
table pipes), which rules would otherwise take for stray marks.

Asterisk emphasis stays visible: ``**`` is also the commonest placeholder in
drafts (``PM2.5月均值为**ug/m3``, which Markdown happens to parse as bold), and
the placeholder rule already tells a ``**重点**`` emphasis pair from a mark.

An ordered-list marker stays visible when it is the number the reader sees
(``1.`` ``2.`` ``3.``), so the numbering rules check it; when the writer lets
Markdown number the list (``1.`` ``1.`` ``1.`` renders 1, 2, 3) it is blanked.

Block positions come from markdown-it-py's token ``map`` (line ranges);
inline markup has no positions there, so it is found in the source by walking
the inline tokens in order with a cursor. markdown-it-py is imported only when
a Markdown file is met.
"""
from __future__ import annotations

from bisect import bisect_right
from pathlib import Path
from typing import Any

import regex

from doclint import hookimpl
from doclint.document import Document
from doclint.encoding import decode
from doclint.patterns import lazy

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")

_FRONT_MATTER = lazy(r"\A(---|\+\+\+)[ \t]*\n")
_QUOTE_PREFIX = lazy(r"[ \t]*(?:>[ \t]*)*")
_HEADING_MARK = lazy(r"#{1,6}(?=[ \t]|$)")
_HEADING_CLOSE = lazy(r"[ \t]+#+[ \t]*$")
_ORDERED_MARK = lazy(r"(\d{1,9})[.)]")
_HTML_TAG = lazy(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<![A-Za-z][^<>]*>|<\?[^<>]*\?>")
_DOCLINT_COMMENT = lazy(r"<!--\s*doclint")
_PIPE = lazy(r"(?<!\\)\|")
_REF_DEFINITION = lazy(r"[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S")
_BACKTICKS = {}


@hookimpl
def doclint_file_suffixes() -> list[str]:
    return [".md", ".markdown"]


@hookimpl
def doclint_load_document(path: Path, data: bytes, options: Any) -> Document | None:
    if path.suffix.lower() not in MARKDOWN_SUFFIXES:
        return None
    text, encoding = decode(data, getattr(options, "encoding", None))
    return load_markdown(text, str(path), encoding=encoding)


def load_markdown(text: str, path: str = "<markdown>", **kwargs: Any) -> Document:
    document = Document.from_text(text, path=path, format="markdown", **kwargs)
    document.ignored = non_prose_ranges(document.text)
    return document


class _Ranges:
    """Collects the ignored ranges of a source, with line arithmetic."""

    def __init__(self, src: str):
        self.src = src
        self.starts = [0]
        find = src.find
        i = find("\n")
        while i != -1:
            self.starts.append(i + 1)
            i = find("\n", i + 1)
        self.ranges: list[tuple[int, int]] = []

    def line_start(self, line: int) -> int:  # 0-based line
        return self.starts[min(line, len(self.starts) - 1)] if line < len(self.starts) else len(self.src)

    def line_end(self, line: int) -> int:  # end of the 0-based line, before its "\n"
        if line + 1 < len(self.starts):
            return self.starts[line + 1] - 1
        return len(self.src)

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def add(self, start: int, end: int) -> None:
        if end > start:
            self.ranges.append((start, end))

    def lines(self, first: int, last: int) -> None:
        """Ignore whole lines [first, last) (0-based), keeping their line ends."""
        if last > first:
            self.add(self.line_start(first), self.line_end(last - 1))

    def content_start(self, line: int) -> int:
        """Offset after the blockquote marks and indentation at the start of a line."""
        start = self.line_start(line)
        m = _QUOTE_PREFIX.match(self.src, start, self.line_end(line))
        return m.end() if m else start


def _front_matter_end(src: str) -> int:
    m = _FRONT_MATTER.match(src)
    if not m:
        return 0
    closers = ("---", "...") if m.group(1) == "---" else ("+++",)
    pos = m.end()
    while pos < len(src):
        nl = src.find("\n", pos)
        line = src[pos:len(src) if nl == -1 else nl]
        if line.rstrip() in closers:
            return len(src) if nl == -1 else nl
        if nl == -1:
            break
        pos = nl + 1
    return 0


def _parser() -> Any:
    from markdown_it import MarkdownIt  # lazily: only when a Markdown file is met

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    # Link targets are blanked, never rendered: skip their URL normalisation (slow on many links).
    parser.normalizeLink = parser.normalizeLinkText = lambda url: url
    return parser


def non_prose_ranges(src: str) -> list[tuple[int, int]]:
    """The (start, end) ranges of ``src`` a reader of the rendered page does not read as prose."""
    r = _Ranges(src)
    front = _front_matter_end(src)
    parse_src = src
    if front:
        r.add(0, front)
        parse_src = "".join("\n" if c == "\n" else " " for c in src[:front]) + src[front:]
    tokens = _parser().parse(parse_src)
    covered = [False] * len(r.starts)
    if front:
        for line in range(r.line_of(front) + 1):
            covered[line] = True
    ordered: list[list[int]] = []  # [start, items seen] of each open ordered list
    list_kinds: list[str] = []
    for tok in tokens:
        if tok.map and tok.level == 0:
            for line in range(tok.map[0], min(tok.map[1], len(covered))):
                covered[line] = True
        kind = tok.type
        if kind in ("fence", "code_block", "hr"):
            r.lines(*tok.map)
        elif kind == "html_block":
            _html(r, r.line_start(tok.map[0]), r.line_end(tok.map[1] - 1))
        elif kind == "heading_open":
            _heading(r, tok)
        elif kind == "blockquote_open" and tok.map and tok.level == 0:
            _quote_marks(r, *tok.map)
        elif kind == "bullet_list_open":
            list_kinds.append("bullet")
        elif kind == "ordered_list_open":
            list_kinds.append("ordered")
            ordered.append([int(tok.attrs.get("start", 1) or 1), 0])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if list_kinds and list_kinds.pop() == "ordered" and ordered:
                ordered.pop()
        elif kind == "list_item_open" and tok.map:
            _list_marker(r, tok, ordered[-1] if list_kinds and list_kinds[-1] == "ordered" and ordered else None)
        elif kind == "table_open" and tok.map:
            _table(r, tok)
        elif kind == "inline" and tok.map:
            _inline(r, tok, r.line_start(tok.map[0]), r.line_end(tok.map[1] - 1))
    # Link reference definitions produce no token: they are the uncovered lines that look like one.
    for line, is_covered in enumerate(covered):
        if not is_covered:
            start = r.line_start(line)
            if _REF_DEFINITION.match(src, start, r.line_end(line)):
                r.add(start, r.line_end(line))
    return sorted(r.ranges)


def _html(r: _Ranges, start: int, end: int) -> None:
    """Ignore HTML comments (except doclint directives) and tags in [start, end)."""
    src = r.src
    pos = start
    while pos < end:
        i = src.find("<!--", pos, end)
        stop = end if i == -1 else i
        for m in _HTML_TAG.finditer(src, pos, stop):
            r.add(m.start(), m.end())
        if i == -1:
            break
        j = src.find("-->", i + 4, end)
        close = end if j == -1 else j + 3
        if not _DOCLINT_COMMENT.match(src, i, close):
            r.add(i, close)
        pos = close


def _quote_marks(r: _Ranges, first: int, last: int) -> None:
    """Blank the ``>`` marks (and the blanks between them) at the start of each quoted line."""
    for line in range(first, last):
        start = r.line_start(line)
        end = r.content_start(line)
        if ">" in r.src[start:end]:
            r.add(start, end)


def _heading(r: _Ranges, tok: Any) -> None:
    if not tok.map:
        return
    if tok.markup.startswith("#"):
        line = tok.map[0]
        start = r.content_start(line)
        m = _HEADING_MARK.match(r.src, start, r.line_end(line))
        if m:
            r.add(m.start(), m.end())
        close = _HEADING_CLOSE.search(r.src, start, r.line_end(line))
        if close:
            r.add(close.start(), close.end())
    else:  # setext: the underline
        r.lines(tok.map[1] - 1, tok.map[1])


def _list_marker(r: _Ranges, tok: Any, ordered: list[int] | None) -> None:
    line = tok.map[0]
    start = r.content_start(line)
    end = r.line_end(line)
    if ordered is None:
        if start < end and r.src[start] == tok.markup:
            r.add(start, start + 1)
        return
    rendered = ordered[0] + ordered[1]
    ordered[1] += 1
    m = _ORDERED_MARK.match(r.src, start, end)
    if m and int(m.group(1)) != rendered:
        r.add(m.start(), m.end())  # Markdown renumbers it: the typed number is not what is read


def _table(r: _Ranges, tok: Any) -> None:
    first, last = tok.map
    r.lines(first + 1, first + 2)  # the |---|:---:| delimiter row
    for m in _PIPE.finditer(r.src, r.line_start(first), r.line_end(last - 1)):
        r.add(m.start(), m.end())


def _closing_backticks(n: int) -> Any:
    if n not in _BACKTICKS:
        _BACKTICKS[n] = regex.compile(r"(?<!`)`{%d}(?!`)" % n)
    return _BACKTICKS[n]


def _destination_end(src: str, i: int, end: int) -> int:
    """Given ``src[i] == "("`` after a link's ``]``, the offset just past its ``)``."""
    depth = 0
    k = i
    while k < end:
        c = src[k]
        if c == "\\":
            k += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return k + 1
        elif c == "\n" and k + 1 < end and src[k + 1] == "\n":
            break
        k += 1
    return end


def _inline(r: _Ranges, tok: Any, start: int, end: int) -> None:
    """Find the inline markup of one block in the source by walking its tokens in order."""
    src = r.src
    cur = start
    in_autolink = False
    for child in tok.children or ():
        kind = child.type
        if in_autolink:
            if kind == "link_close":
                in_autolink = False
            continue
        if kind == "text":
            if child.content:
                i = src.find(child.content, cur, end)
                if i >= 0:
                    cur = i + len(child.content)
        elif kind == "code_inline":
            n = len(child.markup)
            i = src.find(child.markup, cur, end)
            if i < 0:
                continue
            m = _closing_backticks(n).search(src, i + n, end)
            close = m.end() if m else end
            r.add(i, close)
            cur = close
        elif kind in ("strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"):
            i = src.find(child.markup, cur, end)
            if i >= 0:
                if "*" not in child.markup:
                    r.add(i, i + len(child.markup))
                cur = i + len(child.markup)
        elif kind == "link_open":
            if child.markup == "autolink":
                i = src.find("<", cur, end)
                j = src.find(">", i + 1, end) if i >= 0 else -1
                if i >= 0 and j >= 0:
                    r.add(i, j + 1)
                    cur = j + 1
                in_autolink = True
            else:
                i = src.find("[", cur, end)
                if i >= 0:
                    r.add(i, i + 1)
                    cur = i + 1
        elif kind == "link_close":
            i = src.find("]", cur, end)
            if i < 0:
                continue
            cur = _after_label(r, i, end)
        elif kind == "image":
            i = src.find("![", cur, end)
            if i < 0:
                continue
            j = src.find("]", i + 2 + len(child.content), end) if src.startswith(child.content, i + 2) else src.find("]", i + 2, end)
            if j < 0:
                continue
            close = _after_label(r, j, end)
            r.add(i, close)
            cur = close
        elif kind == "html_inline":
            i = src.find(child.content, cur, end)
            if i >= 0:
                if not _DOCLINT_COMMENT.match(child.content):
                    r.add(i, i + len(child.content))
                cur = i + len(child.content)


def _after_label(r: _Ranges, i: int, end: int) -> int:
    """Ignore a link's ``]`` and its target ``(…)`` or ``[ref]``; return the offset after them."""
    src = r.src
    if i + 1 < end and src[i + 1] == "(":
        close = _destination_end(src, i + 1, end)
    elif i + 1 < end and src[i + 1] == "[":
        j = src.find("]", i + 2, end)
        close = end if j < 0 else j + 1
    else:
        close = i + 1
    r.add(i, close)
    return close
