"""The text a rule sees, and the mapping between offsets and line/column.

A document's ``text`` is the decoded file with its byte-order mark removed and
its line ends normalised to ``\\n`` (the way Python's universal newlines read a
file); ``newline`` remembers the original line end so that ``--fix`` writes it
back unchanged. Columns count code points: a Chinese character is one column.

Loaders for structured formats (Markdown, Word) keep ``text`` positionally
faithful to what the user sees and blank out what is not prose (code, link
targets, comments) in ``prose``, so every rule can scan ``prose`` without
knowing the format.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the first character
    end: int  # offset just past the last character, excluding "\n"
    text: str


def normalize_newlines(text: str) -> tuple[str, str]:
    """Return the text with ``\\n`` line ends and the line end it used."""
    if "\r" not in text:
        return text, "\n"
    newline = "\r\n" if "\r\n" in text else "\r"
    return text.replace("\r\n", "\n").replace("\r", "\n"), newline


@dataclass
class Document:
    text: str
    path: str = "<text>"
    format: str = "text"
    encoding: str = "utf-8"
    newline: str = "\n"
    bom: bool = False
    # Ranges (start, end) that are not prose: code, link targets, comments.
    ignored: list[tuple[int, int]] = field(default_factory=list)
    # Per-line labels for formats whose "line" is not a text line (Word paragraphs).
    locations: dict[int, str] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    # Loader-specific link back to the source file (Word: the parsed package and the
    # map from each paragraph's text offsets to its runs, used by ``--annotate``).
    origin: Any = field(default=None, repr=False, compare=False)
    _line_starts: list[int] = field(init=False, repr=False)
    _prose: str | None = field(default=None, init=False, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", **kwargs: Any) -> "Document":
        bom = text.startswith("\ufeff")
        if bom:
            text = text[1:]
        text, newline = normalize_newlines(text)
        return cls(text=text, path=path, newline=newline, bom=bom, **kwargs)

    # -- lines ---------------------------------------------------------------
    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line(self, number: int) -> Line:
        """The 1-based line ``number``."""
        start = self._line_starts[number - 1]
        end = self._line_starts[number] - 1 if number < len(self._line_starts) else len(self.text)
        return Line(number, start, end, self.text[start:end])

    def lines(self) -> Iterator[Line]:
        for n in range(1, len(self._line_starts) + 1):
            yield self.line(n)

    def line_of(self, offset: int) -> int:
        return bisect_right(self._line_starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of ``offset``; column counts code points."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position`."""
        return self._line_starts[line - 1] + column - 1

    # -- prose ---------------------------------------------------------------
    @property
    def prose(self) -> str:
        """``text`` with the ignored ranges blanked (newlines kept), same length."""
        if self._prose is None:
            if not self.ignored:
                self._prose = self.text
            else:
                parts, last = [], 0
                for start, end in sorted(self.ignored):
                    start = max(start, last)
                    if end <= start:
                        continue
                    parts.append(self.text[last:start])
                    parts.append("".join("\n" if c == "\n" else " " for c in self.text[start:end]))
                    last = end
                parts.append(self.text[last:])
                self._prose = "".join(parts)
        return self._prose

    def is_ignored(self, start: int, end: int | None = None) -> bool:
        """True when [start, end) overlaps an ignored range (a binary search)."""
        end = start + 1 if end is None else end
        if not self.ignored:
            return False
        starts, ends = self.memo("document.ignored", self._merged_ignored)
        i = bisect_right(starts, end - 1)  # merged ranges that start before ``end``
        return i > 0 and ends[i - 1] > start

    def _merged_ignored(self) -> tuple[list[int], list[int]]:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(self.ignored):
            if starts and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            elif end > start:
                starts.append(start)
                ends.append(end)
        return starts, ends

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute something once per document and share it between rules."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def location(self, line: int) -> str | None:
        return self.locations.get(line)
