"""The plain-text loader: the fallback for every file another loader declines."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from doclint import hookimpl
from doclint.document import Document
from doclint.encoding import decode


@hookimpl
def doclint_file_suffixes() -> list[str]:
    return [".txt", ".md"]


@hookimpl(trylast=True)
def doclint_load_document(path: Path, data: bytes, options: Any) -> Document:
    text, encoding = decode(data, getattr(options, "encoding", None))
    return Document.from_text(text, path=str(path), encoding=encoding)
