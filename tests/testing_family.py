"""A tiny plugin family ("testing") for the CI-gate tests: config, fixes,
baselines, reporters, suppression, discovery and jobs are tested with rules
whose findings never change as the built-in rules learn."""
from __future__ import annotations

from pathlib import Path

from doclint import Fix, Rule, Severity, hookimpl


class DraftWord(Rule):
    """Finds the word 草稿 left in a report (test rule, safe fix to 报告).

    Bad:  本草稿
    Good: 本报告
    """

    code, name, family, severity, fixable = "TS001", "draft-word", "testing", Severity.ERROR, "safe"

    def check(self, document):
        start = document.prose.find("草稿")
        while start != -1:
            yield self.diagnostic(start, start + 2, "草稿字样", "the word 草稿", suggestion="报告",
                                  fix=Fix.replace(start, start + 2, "报告"))
            start = document.prose.find("草稿", start + 2)


class Bang(Rule):
    """Finds ``!!`` (test rule, unsafe fix to ！).

    Bad:  好!!
    Good: 好！
    """

    code, name, family, severity, fixable = "TS002", "double-bang", "testing", Severity.WARNING, "unsafe"

    def check(self, document):
        start = document.prose.find("!!")
        while start != -1:
            yield self.diagnostic(start, start + 2, "双感叹号", "double bang", suggestion="！",
                                  fix=Fix.replace(start, start + 2, "！", "unsafe"))
            start = document.prose.find("!!", start + 2)


class ConfiguredWord(Rule):
    """Finds the words listed in ``[tool.doclint.testing] words`` (test rule).

    Bad:  某某
    Good: 张三
    """

    code, name, family, severity = "TS003", "configured-word", "testing", Severity.INFO

    def check(self, document):
        for word in document.settings.get("testing", {}).get("words", ()):
            start = document.prose.find(word)
            while start != -1:
                yield self.diagnostic(start, start + len(word), f"禁用词“{word}”", f"banned word {word}")
                start = document.prose.find(word, start + len(word))


class TouchFile(Rule):
    """Changes the checked file on disk while it is being checked (test rule).

    Bad:  【改】
    Good: 无
    """

    code, name, family, severity = "TS004", "touch-file", "testing", Severity.INFO

    def check(self, document):
        if "【改】" in document.text and "另一个进程" not in open(document.path, encoding="utf-8").read():
            with open(document.path, "ab") as fh:
                fh.write("另一个进程写入的内容\n".encode("utf-8"))
        return ()


class TestingFamilyPlugin:
    @staticmethod
    @hookimpl
    def doclint_register_rules():
        return [DraftWord, Bang, ConfiguredWord, TouchFile]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def spans(data) -> list[tuple]:
    return [(Path(d["path"]).name, d["code"], d["line"], d["column"], d["end_column"]) for d in data]
