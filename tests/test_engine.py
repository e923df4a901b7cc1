"""The engine: a long document's rule families split across two processes give
exactly the findings of one process."""
from __future__ import annotations

import pytest

from conftest import SEED_FILES
from doclint import Rule
from doclint import engine
from doclint.document import Document
from doclint.engine import RuleCrash, check_document
from doclint.testing import builtin_registry

pytestmark = pytest.mark.skipif(not hasattr(engine.os, "fork"), reason="needs fork")


def as_tuples(diagnostics):
    return [(d.code, d.start, d.end, d.line, d.column, d.end_line, d.end_column, d.message, d.suggestion, d.fix) for d in diagnostics]


def test_split_gives_the_same_findings(monkeypatch):
    text = "".join(p.read_text(encoding="utf-8") for p in SEED_FILES)
    rules = builtin_registry().rules
    one = check_document(Document.from_text(text, path="all.txt"), rules, processes=1)
    monkeypatch.setattr(engine, "SPLIT_AT", 1000)
    forks = []
    real_fork = engine.os.fork
    monkeypatch.setattr(engine.os, "fork", lambda: forks.append(1) or real_fork())
    two = check_document(Document.from_text(text, path="all.txt"), rules, processes=2)
    assert forks == [1]
    assert len(one) > 300
    assert as_tuples(two) == as_tuples(one)
    assert {d.family for d in two} == {"placeholder", "numbering", "count", "punctuation", "artifact", "wording"}


class Crashing(Rule):
    """Fails.\n\nBad:  x\nGood: y"""

    code, name, family = "ZZ901", "crash", "zz-crash"

    def check(self, document):
        raise ValueError("boom")


def test_a_crash_in_the_child_is_reported(monkeypatch):
    monkeypatch.setattr(engine, "SPLIT_AT", 10)
    rules = [r for r in builtin_registry().rules if r.family == "placeholder"] + [Crashing()]
    with pytest.raises(RuleCrash, match=r"rule ZZ901 \(zz-crash.crash\) failed on d.txt: ValueError: boom"):
        check_document(Document.from_text("截至XX月底，共完成12项工作。" * 5, path="d.txt"), rules, processes=2)
