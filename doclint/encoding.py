"""Turn a file's bytes into text, or say in one line why not.

Chinese drafts come in UTF-8 (with or without a byte-order mark), GB18030/GBK
and UTF-16. UTF-8 is tried first because it is strict: bytes that decode are
almost surely UTF-8. Otherwise charset-normalizer detects the encoding; its
guess is checked against GB18030, because on short GBK texts statistical
detectors often pick Big5 or CP949 and return nonsense: a GB18030 reading
made of common simplified characters (those in GB 2312) is preferred.
"""
from __future__ import annotations

import codecs

from doclint.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never appear in a text file written by a person.
_BINARY_CONTROLS = set(range(0x00, 0x09)) | {0x0E, 0x0F} | set(range(0x10, 0x1B)) | {0x1C, 0x1D, 0x1E, 0x1F, 0x7F}


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    bad = sum(1 for ch in sample if ord(ch) in _BINARY_CONTROLS)
    return bad > max(4, len(sample) // 200)


def _common_chinese_ratio(text: str) -> float:
    """Share of non-ASCII characters that are common simplified ones (GB 2312)."""
    sample = [ch for ch in text[:20000] if ord(ch) > 0x7F]
    if not sample:
        return 1.0
    good = 0
    for ch in sample:
        try:
            ch.encode("gb2312")
            good += 1
        except UnicodeEncodeError:
            pass
    return good / len(sample)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputError for binary or undecodable data."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding} at byte {exc.start}") from None
    if not data:
        return "", "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {name} byte-order mark but is not valid {name} (byte {exc.start})") from None
            if _looks_binary(text):
                raise InputError("binary data, not a text file")
            return text, name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise InputError("binary data, not a text file")
        return text, "utf-8"
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    gb_text = None
    if b"\x00" not in data:
        try:
            gb_text = data.decode("gb18030")
        except UnicodeDecodeError:
            gb_text = None
        if gb_text is not None and not _looks_binary(gb_text) and _common_chinese_ratio(gb_text) >= 0.9:
            try:
                data.decode("gbk")
                return gb_text, "gbk"
            except UnicodeDecodeError:
                return gb_text, "gb18030"
    from charset_normalizer import from_bytes  # only needed for files that are not UTF-8

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if not _looks_binary(text):
            return text, best.encoding.replace("_", "-")
    if b"\x00" in data[:8192] or gb_text is None:
        raise InputError("binary data, not a text file")
    raise InputError("cannot tell the text encoding (not UTF-8, GB18030 or UTF-16); convert the file to UTF-8 or pass --encoding")
