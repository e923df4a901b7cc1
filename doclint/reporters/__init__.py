"""Output formats. Each is a plugin's ReporterSpec, imported only when chosen,
so that ``--format json`` never pays for ``rich``."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, TextIO


@dataclass(frozen=True)
class ReporterSpec:
    name: str
    target: str  # "package.module:ClassName", imported on use
    description: str = ""

    def load(self) -> type["Reporter"]:
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


class Reporter:
    """Writes the results of a whole run; ``report`` is called once."""

    def __init__(self, options: Any, stream: TextIO):
        self.options = options
        self.stream = stream
        self.lang = getattr(options, "lang", "zh") or "zh"

    def report(self, results: list) -> None:  # pragma: no cover - interface
        raise NotImplementedError


UI = {
    "zh": {
        "suggestion": "建议：",
        "findings": "{n} 处问题，涉及 {files} 个文件",
        "clean": "未发现问题（已检查 {files} 个文件）",
        "fixable": "其中 {n} 处可用 --fix 自动修复",
        "family": "类别",
        "total": "合计",
        "placeholders": "待填占位符：",
        "separator": "；",
        "delete": "（删除）",
        "placeholders_line": "{path}：剩余 {n} 处",
        "placeholders_done": "{path}：已全部填写",
        "location": "位置",
        "fixed": "已修复 {n} 处问题（{files} 个文件）",
        "would_fix": "可修复 {n} 处问题（{files} 个文件）",
        "baseline_written": "已将 {n} 处问题写入基线文件 {path}",
        "baseline_dropped": "基线文件中已有 {n} 处问题，未报告",
    },
    "en": {
        "suggestion": "suggestion: ",
        "findings": "{n} findings in {files} files",
        "clean": "No findings ({files} files checked)",
        "fixable": "{n} fixable with --fix",
        "family": "family",
        "total": "total",
        "placeholders": "Placeholders left to fill:",
        "separator": "; ",
        "delete": "(delete)",
        "placeholders_line": "{path}: {n} left",
        "placeholders_done": "{path}: all filled",
        "location": "location",
        "fixed": "fixed {n} findings in {files} files",
        "would_fix": "would fix {n} findings in {files} files",
        "baseline_written": "wrote {n} findings to baseline {path}",
        "baseline_dropped": "{n} findings already in the baseline were not reported",
    },
}


def ui(lang: str, key: str, **kwargs: Any) -> str:
    table = UI.get(lang, UI["zh"])
    return table.get(key, UI["zh"][key]).format(**kwargs)
