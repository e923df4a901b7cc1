"""The five seed drafts: what a careful reviewer flags in each (seeds/README in ../shared).

These are end-to-end checks across all families with every rule on; each rule's
own test module covers its look-alikes and edge cases.
"""
from __future__ import annotations

from functools import lru_cache

import pytest

from conftest import SEEDS
from doclint.document import Document
from doclint.testing import lint

SEED = {p.name[:3]: p for p in SEEDS.glob("*.txt")}


@lru_cache(maxsize=None)
def findings(seed: str):
    path = SEED[seed]
    return lint("", document=Document.from_text(path.read_text(encoding="utf-8"), path=str(path)))


def line_text(seed: str, line: int) -> str:
    return SEED[seed].read_text(encoding="utf-8").split("\n")[line - 1]


def column(seed: str, line: int, text: str, nth: int = 0) -> int:
    s, i = line_text(seed, line), -1
    for _ in range(nth + 1):
        i = s.index(text, i + 1)
    return i + 1


def on(seed, family, line, text, nth=0, exact=True):
    """Findings of ``family`` on ``line`` whose span is ``text`` (or overlaps it)."""
    start = column(seed, line, text, nth)
    end = start + len(text)
    out = []
    for d in findings(seed):
        if d.family != family or d.line != line:
            continue
        if exact and (d.column, d.end_column) == (start, end):
            out.append(d)
        elif not exact and d.column < end and d.end_column > start:
            out.append(d)
    return out


CASES = [
    # seed, family, line, text, nth, exact, suggestion (None: not checked)
    ("000", "placeholder", 1, "xx", 0, True, None),
    ("000", "placeholder", 1, "X", 0, True, None),
    ("000", "placeholder", 1, "XX", 0, True, None),
    ("000", "placeholder", 4, "20XX", 0, False, None),
    ("000", "placeholder", 4, "XXX", 0, True, None),
    ("000", "placeholder", 1, "率达％", 0, False, None),
    ("000", "placeholder", 4, "率为％", 0, False, None),
    ("000", "placeholder", 4, "率为％", 1, False, None),
    ("000", "placeholder", 6, "金额万元", 0, False, None),
    ("000", "punctuation", 6, "”双随机", 0, False, None),
    ("000", "artifact", 2, " ", 0, True, None),
    ("001", "placeholder", 1, "20xx", 0, False, None),
    ("001", "placeholder", 15, "PMx.x", 0, False, None),
    ("001", "placeholder", 15, "x.x%", 0, False, None),
    ("001", "placeholder", 20, "xx.xx", 0, False, None),
    ("001", "placeholder", 16, "xxxxxmx", 0, False, None),
    ("001", "placeholder", 14, "DBxx/xxxx-xxxx", 0, False, None),
    ("001", "placeholder", 14, "xD", 0, False, None),
    ("001", "punctuation", 1, ",", 0, True, "，"),
    ("001", "punctuation", 4, '"', 0, True, None),
    ("001", "numbering", 20, "5", 0, False, None),
    ("001", "numbering", 3, "(一)", 0, False, None),
    ("001", "artifact", 6, "?", 0, True, None),
    ("001", "artifact", 32, "( wWw.850500.cOm 转载请注明 )", 0, False, None),
    ("001", "count", 8, "x个方面", 0, False, "3"),
    ("002", "numbering", 14, "四", 0, False, "五、"),
    ("002", "numbering", 16, "五", 0, False, "六、"),
    ("002", "count", 9, "46", 1, True, "45"),
    ("002", "artifact", 6, "##paidbegin##", 0, True, None),
    ("002", "artifact", 24, "##paidend##", 0, True, None),
    ("002", "wording", 18, "査", 0, True, "查"),
    ("003", "placeholder", 4, "**", 0, True, None),
    ("003", "placeholder", 5, "***", 0, True, None),
    ("003", "count", 5, "五", 0, False, "四"),
    ("003", "numbering", 3, "(一)", 0, False, None),
    ("003", "punctuation", 6, ",", 0, True, "，"),
    ("003", "wording", 6, "的的", 0, False, "的"),
    ("003", "artifact", 2, "\u3000", 0, True, None),
    ("004", "placeholder", 4, "X", 0, True, None),
    ("004", "placeholder", 15, "PMX", 0, False, None),
    ("004", "count", 5, "X个", 0, False, "3"),
    ("004", "count", 22, "X大行动", 0, False, "6"),
]


@pytest.mark.parametrize("seed, family, line, text, nth, exact, suggestion", CASES, ids=[f"{c[0]}-{c[1]}-L{c[2]}-{c[3]}" for c in CASES])
def test_reviewer_finding(seed, family, line, text, nth, exact, suggestion):
    hits = on(seed, family, line, text, nth, exact)
    assert hits, f"no {family} finding on {seed}:{line} over {text!r}; line has: " + repr(
        [(d.code, d.column, d.end_column, d.suggestion) for d in findings(seed) if d.line == line])
    if suggestion is not None:
        assert suggestion in {d.suggestion for d in hits}


@pytest.mark.parametrize(
    "seed, line, text",
    [
        ("000", 1, "Ⅲ类"),
        ("002", 9, "PM10"),
        ("002", 9, "PM2.5"),
        ("002", 20, "VOCs"),
        ("004", 5, "Ⅲ类"),
        ("004", 4, "PM2.5"),
        ("004", 8, "VOCs"),
        ("003", 4, "PM2.5"),
        ("002", 6, "层层"),
    ],
)
def test_look_alikes_in_seeds_stay_silent(seed, line, text):
    start = column(seed, line, text)
    end = start + len(text)
    assert [d.code for d in findings(seed) if d.line == line and d.column < end and d.end_column > start] == []


def test_correct_figures_on_seed_002_line_9_stay_silent():
    # 85 − 76 = 9 and 46 − 43 = 3 are right; only 252 − 207 = 45 (not 46) is wrong.
    counts = [d for d in findings("002") if d.family == "count" and d.line == 9]
    start = column("002", 9, "差46天") + 1
    assert [(d.column, d.end_column, d.suggestion) for d in counts] == [(start, start + 2, "45")]
