"""doclint.segment gives jieba's words (cut with HMM=False) without loading jieba."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SEED_FILES
from doclint import segment

SPANS = [
    "对近年来新批新建的的企业",
    "从组织领导、日常监管和协调联动",
    "水生态保护和修复X大行动",
    "天天学党史，层层压实责任，人人参与",
    "的的确确不了了之",
    "iPhone12和PM2.5以及5G基站 建设",
    "2023年1月1日至11月21日，XX区PM10年累计浓度为76微克／立方米",
    "",
    "　\t\n",
]


@pytest.fixture(scope="module")
def jieba_cut():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return lambda text: list(jieba.cut(text, HMM=False))


def seed_spans():
    """Every line of the seeds, cut into overlapping windows of a few lengths."""
    out = []
    for path in SEED_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            for size in (7, 23):
                out.extend(line[i:i + size] for i in range(0, len(line), 11))
    return out


def test_same_words_as_jieba(jieba_cut):
    spans = SPANS + seed_spans()
    assert len(spans) > 1000
    for span in spans:
        assert segment.cut(span) == jieba_cut(span), span


def test_is_word(jieba_cut):
    assert segment.is_word("天天") and segment.is_word("层层") and segment.is_word("的确")
    assert not segment.is_word("的的") and not segment.is_word("在在") and not segment.is_word("新批新")


def test_falls_back_to_jieba_without_a_cache_directory(tmp_path, monkeypatch, jieba_cut):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(segment, "_lexicon", None)
    assert segment._lexicon_or_none() is None
    assert segment.cut(SPANS[0]) == jieba_cut(SPANS[0])
    assert segment.is_word("天天") and not segment.is_word("的的")


def test_index_is_built_once_and_jieba_is_not_imported(tmp_path):
    code = (
        "import sys; from doclint.segment import cut; "
        "print(cut('对近年来新批新建的的企业')); print('jieba' in sys.modules)"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    expected = "['对', '近年来', '新', '批', '新建', '的', '的', '企业']\nFalse\n"
    assert (first.stdout, second.stdout) == (expected, expected), first.stderr + second.stderr
    assert len(list((tmp_path / "doclint").glob("jieba-*.sqlite3"))) == 1
