"""Section numbering: duplicates and skips in ``一、二、三、`` headings."""
from __future__ import annotations

import regex

from doclint import Rule, Severity, hookimpl
from doclint.text import cn_to_int, int_to_cn

_TOP = regex.compile(r"^[ \t\u3000]*([一二三四五六七八九十]+)、", regex.M)


class Sequence(Rule):
    """Finds a top-level section number that repeats or skips (``四、`` then ``四、``).

    Drafts are assembled by pasting sections together, and the numbers break.

    Bad:  四、积极作为 … 四、存在问题和不足 … 五、2024年工作打算
    Good: 四、积极作为 … 五、存在问题和不足 … 六、2024年工作打算
    """

    code = "NU001"
    name = "sequence"
    family = "numbering"
    severity = Severity.ERROR

    def check(self, document):
        expected = None
        for m in _TOP.finditer(document.prose):
            value = cn_to_int(m.group(1))
            if value is None:
                continue
            if expected is not None and value != expected:
                right = int_to_cn(expected)
                yield self.diagnostic(m.start(1), m.end(1) + 1, f"章节编号“{m.group(1)}、”应为“{right}、”",
                                      f"section number “{m.group(1)}、” should be “{right}、”", suggestion=f"{right}、")
                value = expected
            expected = value + 1


@hookimpl
def doclint_register_rules():
    return [Sequence]
