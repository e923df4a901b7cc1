"""Word segmentation for the few spans that need it: jieba's dictionary and
jieba's algorithm, without jieba's start-up cost.

Why not call ``jieba.cut`` directly? In a fresh process it costs about 1.5 s
here before the first word: ``import jieba`` pulls in ``pkg_resources``
(0.2 s), and initialising reads its whole 500,000-entry prefix dictionary
(1.2 s), even to split one six-character span. A pre-commit hook that checks
one draft cannot pay that, and the rules segment only a handful of spans (the
items of a list, the context of a doubled character).

So this module reads jieba's own ``dict.txt`` once per machine into an SQLite
index in the user's cache directory (the same word frequencies and prefixes
that ``jieba.Tokenizer.gen_pfdict`` builds), and a span costs a few indexed
look-ups. ``cut`` then follows ``jieba.Tokenizer.cut(HMM=False)`` step by
step: the same blocks, the same directed graph of dictionary words and the
same maximum-probability route, so the words are jieba's; tests/test_segment.py
checks that against jieba itself. Where the index cannot be built (no
writable cache directory, no sqlite3), jieba itself is used.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import re
from math import log
from pathlib import Path

# jieba's own patterns for cut(): blocks of Han/alphanumerics, white space, ASCII letters.
_RE_HAN = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_RE_SKIP = re.compile("(\r\n|\\s)", re.U)
_RE_ENG = re.compile("[a-zA-Z0-9]", re.U)

_lexicon: "_Lexicon | None" = None
_jieba = None  # the fallback tokenizer


def _dictionary_path() -> Path:
    spec = importlib.util.find_spec("jieba")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "doclint"


class _Lexicon:
    """Word → frequency, as jieba's ``FREQ`` (0 for a prefix that is not itself a word)."""

    def __init__(self, dictionary: Path):
        import sqlite3  # only a run that segments needs it

        stat = dictionary.stat()
        key = hashlib.sha1(f"{dictionary}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
        index = _cache_dir() / f"jieba-{key}.sqlite3"
        if not index.exists():
            _build_index(dictionary, index, sqlite3)
        self._db = sqlite3.connect(f"file:{index}?mode=ro", uri=True, check_same_thread=False)
        self.total = self._db.execute("SELECT total FROM meta").fetchone()[0]
        self._seen: dict[str, int | None] = {}

    def get(self, word: str) -> int | None:
        """The frequency of ``word``; 0 for a mere prefix; None when neither."""
        try:
            return self._seen[word]
        except KeyError:
            row = self._db.execute("SELECT n FROM freq WHERE word = ?", (word,)).fetchone()
            found = self._seen[word] = None if row is None else row[0]
            return found


def _build_index(dictionary: Path, index: Path, sqlite3) -> None:
    """Read ``dict.txt`` the way ``jieba.Tokenizer.gen_pfdict`` does, into SQLite."""
    freq: dict[str, int] = {}
    total = 0
    with open(dictionary, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            word, n = line.split(" ")[:2]
            n = int(n)
            freq[word] = n
            total += n
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    index.parent.mkdir(parents=True, exist_ok=True)
    tmp = index.with_name(f"{index.name}.{os.getpid()}.tmp")
    db = sqlite3.connect(tmp)
    try:
        db.execute("CREATE TABLE freq (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
        db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
        db.execute("INSERT INTO meta VALUES (?)", (total,))
        db.commit()
    finally:
        db.close()
    os.replace(tmp, index)  # atomic: parallel workers never see half an index


def _forget_lexicon() -> None:
    """A forked process opens its own connection: SQLite handles must not cross a fork."""
    global _lexicon
    _lexicon = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_lexicon)


def _lexicon_or_none() -> "_Lexicon | None":
    global _lexicon
    if _lexicon is None:
        try:
            _lexicon = _Lexicon(_dictionary_path())
        except Exception:  # read-only home, no sqlite3, a damaged index: use jieba itself
            _lexicon = False  # type: ignore[assignment]
    return _lexicon or None


def _jieba_tokenizer():
    global _jieba
    if _jieba is None:
        import logging

        import jieba  # deferred: see the module docstring

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _jieba = jieba.dt
    return _jieba


def _cut_block(block: str, lexicon: _Lexicon) -> list[str]:
    """``jieba.Tokenizer.__cut_DAG_NO_HMM``: the most probable path through the
    graph of dictionary words, then runs of single ASCII letters or digits joined."""
    n = len(block)
    dag: list[list[int]] = []
    for k in range(n):
        ends, i, frag = [], k, block[k]
        while i < n:
            f = lexicon.get(frag)
            if f is None:
                break
            if f:
                ends.append(i)
            i += 1
            frag = block[k:i + 1]
        dag.append(ends or [k])
    log_total = log(lexicon.total)
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for idx in range(n - 1, -1, -1):
        route[idx] = max((log(lexicon.get(block[idx:x + 1]) or 1) - log_total + route[x + 1][0], x) for x in dag[idx])
    words, buf, x = [], "", 0
    while x < n:
        y = route[x][1] + 1
        word = block[x:y]
        if len(word) == 1 and _RE_ENG.match(word):
            buf += word
        else:
            if buf:
                words.append(buf)
                buf = ""
            words.append(word)
        x = y
    if buf:
        words.append(buf)
    return words


def cut(text: str) -> list[str]:
    """Split ``text`` into words, as ``jieba.cut(text, HMM=False)`` does."""
    lexicon = _lexicon_or_none()
    if lexicon is None:
        return list(_jieba_tokenizer().cut(text, HMM=False))
    words: list[str] = []
    for block in _RE_HAN.split(text):
        if not block:
            continue
        if _RE_HAN.match(block):
            words.extend(_cut_block(block, lexicon))
        else:
            for piece in _RE_SKIP.split(block):
                if _RE_SKIP.match(piece):
                    words.append(piece)
                else:
                    words.extend(piece)
    return words


def is_word(word: str) -> bool:
    """True when ``word`` is an entry of jieba's dictionary."""
    lexicon = _lexicon_or_none()
    if lexicon is None:
        return bool(_jieba_tokenizer().FREQ.get(word))
    return bool(lexicon.get(word))
