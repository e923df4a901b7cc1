"""Start-up stays lean: a pre-commit hook runs doclint on every commit.

``jieba`` (about a second to load its dictionary) is imported only when a
rule meets a span that needs segmentation, and ``rich`` only for full output.
"""
from __future__ import annotations

import re
import subprocess
import sys

CLEAN = "县生态环境局2023年工作总结\n一、总体情况\n今年共完成项目12个，同比增长20%。\n"


def imported_modules(*args: str, tmp_path) -> set[str]:
    path = tmp_path / "draft.txt"
    path.write_text(CLEAN, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "doclint", *args, str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return {m.group(1).strip() for m in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|(.+)$", proc.stderr, re.M)}


def test_json_run_imports_neither_jieba_nor_rich(tmp_path):
    modules = imported_modules("--format", "json", tmp_path=tmp_path)
    assert "doclint.run" in modules  # the probe does see our imports
    assert not {m for m in modules if m.split(".")[0] in {"jieba", "rich", "docx", "markdown_it", "opencc", "jsonschema"}}


def test_full_output_imports_rich_but_not_jieba(tmp_path):
    modules = imported_modules(tmp_path=tmp_path)
    assert "rich.console" in modules
    assert "jieba" not in modules
