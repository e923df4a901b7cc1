"""Decoding drafts saved in the encodings Chinese offices use."""
from __future__ import annotations

import codecs

import pytest

from doclint.encoding import decode
from doclint.errors import InputError

SHORT = ["二、存在问题", "XX区环保局", "共签订《承诺书》近100份", "一年来，在区委、区政府的正确领导下，我局坚持以习近平新时代中国特色社会主义思想为指导"]


@pytest.mark.parametrize("text", SHORT)
@pytest.mark.parametrize("encoding, label", [("utf-8", "utf-8"), ("gbk", "gbk"), ("utf-16", "utf-16-le"), ("utf-8-sig", "utf-8-sig")])
def test_short_chinese_texts_are_read_right(text, encoding, label):
    assert decode(text.encode(encoding)) == (text, label)


def test_gb18030_only_characters():
    text = "生态环境局工作总结𠀀"  # an Extension B character exists only in GB18030
    decoded, label = decode(text.encode("gb18030"))
    assert decoded == text and label == "gb18030"


def test_utf16_big_endian_with_bom():
    assert decode(codecs.BOM_UTF16_BE + "工作总结".encode("utf-16-be")) == ("工作总结", "utf-16-be")


def test_empty_is_empty_text():
    assert decode(b"") == ("", "utf-8")


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x7fELF\x02\x01\x01" + bytes(500), b"PK\x03\x04" + bytes(300)])
def test_binary_is_refused(data):
    with pytest.raises(InputError, match="binary data"):
        decode(data)


def test_explicit_encoding():
    assert decode("工作".encode("big5"), "big5") == ("工作", "big5")
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"x", "no-such-codec")
    with pytest.raises(InputError, match="not valid ascii at byte 0"):
        decode("工作".encode(), "ascii")


def test_bom_that_lies():
    with pytest.raises(InputError, match="byte-order mark"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfd")
