"""``--fix``, ``--unsafe-fixes`` and ``--diff``: apply the rules' edits.

Edits come from the findings' ``fix``; overlapping fixes are not applied in the
same pass (the first by position wins). After a pass the file is checked again
and the loop goes on until no fix applies, so a second ``--fix`` run changes
nothing.

Writing is careful, because a linter that damages a draft is worse than none:

* the new text is encoded back exactly as the file was read: same encoding,
  same byte-order mark, same line end on every line (mixed ones included);
* before writing, the unchanged text is encoded the same way and must give the
  file's original bytes; if not (a format that is not plain text, a lossy
  decoding) the file is left alone;
* the file is re-read just before writing and left alone if it changed on disk
  since it was checked;
* the write is atomic: a temporary file in the same directory, then
  ``os.replace``, keeping the file's permissions.
"""
from __future__ import annotations

import codecs
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import regex

from doclint.diagnostic import Diagnostic, Edit

MAX_PASSES = 10
_NEWLINE = regex.compile(r"\r\n|\r|\n")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class FixError(Exception):
    """A fix that cannot be written; the message says why in one line."""


def applicable(d: Diagnostic, unsafe: bool) -> bool:
    return d.fix is not None and bool(d.fix.edits) and (unsafe or d.fix.is_safe)


def apply_fixes(text: str, diagnostics: Sequence[Diagnostic], unsafe: bool = False) -> tuple[str, int]:
    """Apply the non-overlapping fixes; return (new text, number of fixes applied)."""
    candidates = [d for d in diagnostics if applicable(d, unsafe)]
    candidates.sort(key=lambda d: (min(e.start for e in d.fix.edits), d.code))
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []
    applied = 0
    for d in candidates:
        edits = sorted(d.fix.edits, key=lambda e: (e.start, e.end))
        if any(e.start < 0 or e.end > len(text) or e.start > e.end for e in edits):
            continue
        if any(_overlaps(e, taken) for e in edits):
            continue
        if any(a.end > b.start for a, b in zip(edits, edits[1:])):
            continue  # a fix whose own edits overlap is malformed
        chosen.extend(edits)
        taken.extend((e.start, e.end) for e in edits)
        applied += 1
    if not chosen:
        return text, 0
    chosen.sort(key=lambda e: (e.start, e.end))
    parts, last = [], 0
    for e in chosen:
        parts.append(text[last:e.start])
        parts.append(e.text)
        last = e.end
    parts.append(text[last:])
    return "".join(parts), applied


def _overlaps(edit: Edit, taken: list[tuple[int, int]]) -> bool:
    for s, e in taken:
        if edit.start < e and s < edit.end:
            return True
        # Two insertions at one point, or an insertion touching a replacement: order is ambiguous.
        if edit.start == edit.end and s <= edit.start <= e:
            return True
        if s == e and edit.start <= s <= edit.end:
            return True
    return False


@dataclass
class Layout:
    """How a file's text was stored: enough to write an edited text back the same way."""

    bom: bytes
    encoding: str
    bom_char: bool  # text decoded with a leading U+FEFF (a BOM read as a character)
    separators: list[str]  # the line end after each line, in order
    default_newline: str

    def encode(self, text: str) -> bytes:
        lines = text.split("\n")
        if len(lines) - 1 == len(self.separators):
            seps = self.separators
        else:  # the fix added or removed lines: the file's usual line end for all
            seps = [self.default_newline] * (len(lines) - 1)
        out = [lines[0]]
        for sep, line in zip(seps, lines[1:]):
            out.append(sep)
            out.append(line)
        body = ("\ufeff" if self.bom_char else "") + "".join(out)
        try:
            return self.bom + body.encode(self.encoding)
        except (UnicodeEncodeError, LookupError) as exc:
            raise FixError(f"the fixed text cannot be written in {self.encoding} ({exc})") from None


def layout_of(data: bytes, document) -> Layout:
    """Work out how ``document`` was stored in ``data``; FixError when it cannot be
    reproduced byte for byte (then fixes are never written)."""
    encoding = (document.encoding or "utf-8").lower().replace("_", "-")
    bom = b""
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom = mark
            if encoding in ("utf-8-sig", "utf-8", "utf8") and name == "utf-8":
                encoding = "utf-8"
            elif encoding.replace("-le", "").replace("-be", "") in ("utf-16", "utf-32") and encoding.startswith(name[:6]):
                encoding = name
            else:
                bom = b""
            break
    not_text = FixError(f"fixes are written to text files only, not to {document.format} files; fix it by hand")
    try:
        raw = data[len(bom):].decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise not_text if document.format not in ("text", "markdown") else FixError(
            f"cannot re-read the file as {document.encoding}; fixes not written") from None
    bom_char = raw.startswith("\ufeff")
    if bom_char:
        raw = raw[1:]
    separators = _NEWLINE.findall(raw)
    layout = Layout(bom, encoding, bom_char, separators, document.newline or "\n")
    if _NEWLINE.sub("\n", raw) != document.text or layout.encode(document.text) != data:
        if document.format not in ("text", "markdown"):
            raise not_text
        raise FixError("the file cannot be written back byte for byte as it was read; fixes not written")
    return layout


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same directory and ``os.replace``."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".doclint-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            st = os.stat(path)
            os.chmod(tmp, st.st_mode & 0o7777)
        except FileNotFoundError:
            pass
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_if_unchanged(path: str, original: bytes, new: bytes) -> None:
    """Write ``new`` unless the file no longer holds ``original``."""
    try:
        current = Path(path).read_bytes()
    except OSError as exc:
        raise FixError(f"cannot re-read before writing: {exc.strerror or exc}") from None
    if current != original:
        raise FixError("changed on disk during the run; fixes not written")
    try:
        atomic_write(Path(path), new)
    except OSError as exc:
        raise FixError(f"cannot write fixes: {exc.strerror or exc}") from None


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), fromfile=path, tofile=path
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
