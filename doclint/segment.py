"""Word segmentation with jieba, loaded on first use and once per process.

Loading jieba's dictionary costs about a second, so no rule imports jieba at
module level: call these functions only for the few spans that need words.
"""
from __future__ import annotations

import logging
from functools import lru_cache

_tokenizer = None


def tokenizer():
    global _tokenizer
    if _tokenizer is None:
        import jieba  # deferred: see module docstring

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _tokenizer = jieba.dt
    return _tokenizer


def cut(text: str) -> list[str]:
    """Split ``text`` into words (jieba's accurate mode, no new-word guessing)."""
    return list(tokenizer().cut(text, HMM=False))


@lru_cache(maxsize=4096)
def is_word(word: str) -> bool:
    """True when ``word`` is an entry of jieba's dictionary."""
    return bool(tokenizer().FREQ.get(word))
