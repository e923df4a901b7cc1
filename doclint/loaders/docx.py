"""The Word loader: ``.docx`` drafts, read with python-docx.

Before python-docx sees a file, its bytes are checked so that a bad file gives
one clear line (exit status 2) and never a traceback or a hang:

* an OLE compound file (``D0 CF 11 E0``) is either a password-protected
  ``.docx`` (Word encrypts into that container) or an old binary ``.doc``;
* ``.doc`` and ``.wps`` (old Word, WPS Office) are refused with what to do,
  unless they are really a ``.docx`` under another name;
* a zip bomb is refused from the sizes in the zip's central directory, before
  anything is decompressed: a limit on the total uncompressed size and on the
  compression ratio (Python's zip reader never inflates past the sizes the
  directory declares, so a lying directory cannot get around the limits).

python-docx is imported only here, when a Word file is actually met.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from doclint import hookimpl
from doclint.document import Document
from doclint.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import zipfile

WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
OLD_SUFFIXES = {".doc": "old binary Word format (.doc)", ".dot": "old binary Word template (.dot)",
                ".wps": "WPS Office format (.wps)", ".wpt": "WPS Office template (.wpt)"}
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

MAX_UNCOMPRESSED = 256 * 1024 * 1024  # total of all entries, as the central directory declares
MAX_RATIO = 200  # uncompressed / compressed, for any entry large enough to matter
RATIO_FLOOR = 4 * 1024 * 1024  # entries smaller than this are never a bomb by ratio
MAX_ENTRIES = 10_000


@hookimpl
def doclint_file_suffixes() -> list[str]:
    return [".docx"]


def _refuse_ole(data: bytes, suffix: str) -> None:
    # Word writes an encrypted .docx as an OLE file with an "EncryptionInfo" stream.
    if "EncryptionInfo".encode("utf-16-le") in data[:1 << 20] or "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:
        raise InputError("encrypted (password-protected) Word document: remove the password and save it again as .docx")
    what = OLD_SUFFIXES.get(suffix, "old binary Word format (.doc)")
    raise InputError(f"{what} is not supported: open it in Word or WPS and save it as .docx")


def check_package(data: bytes, suffix: str = ".docx") -> "zipfile.ZipFile":
    """Open the zip after checking it is a Word package and not a bomb; InputError if not."""
    import zipfile  # lazily: a few milliseconds a text-only run need not pay

    if data.startswith(OLE_SIGNATURE):
        _refuse_ole(data, suffix)
    if not data.startswith(b"PK"):
        if suffix in OLD_SUFFIXES:
            raise InputError(f"{OLD_SUFFIXES[suffix]} is not supported: open it in Word or WPS and save it as .docx")
        what = "an empty file" if not data else "not a zip archive"
        raise InputError(f"not a Word .docx file ({what})")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(f"not a Word .docx file (damaged zip archive: {exc})") from None
    if len(infos) > MAX_ENTRIES:
        raise InputError(f"refused: the zip holds {len(infos)} entries (limit {MAX_ENTRIES}); not a Word document")
    total = 0
    for info in infos:
        total += info.file_size
        if info.flag_bits & 0x1:
            raise InputError("encrypted zip archive: not a Word document doclint can read")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(f"refused: {info.filename} would expand {info.file_size // max(info.compress_size, 1)} times "
                             f"(limit {MAX_RATIO}); possible zip bomb")
    if total > MAX_UNCOMPRESSED:
        raise InputError(f"refused: the archive would expand to {total // (1024 * 1024)} MB "
                         f"(limit {MAX_UNCOMPRESSED // (1024 * 1024)} MB); possible zip bomb")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise InputError("not a Word .docx file (a zip archive without [Content_Types].xml)")
    if not any(n.startswith("word/") for n in names):
        kind = "a spreadsheet (.xlsx)" if any(n.startswith("xl/") for n in names) else \
            "a presentation (.pptx)" if any(n.startswith("ppt/") for n in names) else "an Office package"
        raise InputError(f"not a Word .docx file ({kind})")
    return archive


def _wants_origin(options: Any) -> bool:
    return bool(getattr(options, "annotate", None) or getattr(options, "annotate_suffix", None))


@hookimpl
def doclint_load_document(path: Path, data: bytes, options: Any) -> Document | None:
    suffix = path.suffix.lower()
    if suffix not in WORD_SUFFIXES and suffix not in OLD_SUFFIXES:
        # Standard input without --stdin-filename: recognise a Word file by its bytes.
        if not (path.name == "-" and (data.startswith(b"PK\x03\x04") and b"word/" in data[:1 << 16] or data.startswith(OLE_SIGNATURE))):
            return None
        suffix = ".docx"
    if path.name.startswith("~$") and not data.startswith(b"PK") and len(data) < 4096:
        # Word's owner file beside an open document ("~$报告.docx"): not a draft, nothing to check.
        return Document(text="", path=str(path), format="docx")
    check_package(data, suffix)
    return load_word(data, str(path), keep_origin=_wants_origin(options))


def load_word(data: bytes, path: str = "<docx>", keep_origin: bool = False) -> Document:
    """A Document for the bytes of a .docx (already checked by :func:`check_package`)."""
    import docx  # lazily: only when a Word file is met

    from doclint.word import extract

    try:
        word = docx.Document(io.BytesIO(data))
        extracted = extract(word)
    except InputError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged package
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"not a readable Word document ({message[:200]})") from None
    document = Document(text=extracted.text, path=path, format="docx", locations=extracted.locations)
    if keep_origin:
        document.origin = WordOrigin(word, extracted, data)
    return document


class WordOrigin:
    """What ``--annotate`` needs: the parsed package and each line's run map."""

    def __init__(self, word: Any, extracted: Any, data: bytes):
        self.word = word
        self.extracted = extracted
        self.data = data
