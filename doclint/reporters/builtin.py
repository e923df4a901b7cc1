"""The built-in output formats, registered like any plugin's."""
from __future__ import annotations

from doclint import hookimpl
from doclint.reporters import ReporterSpec


@hookimpl
def doclint_register_reporters() -> list[ReporterSpec]:
    return [
        ReporterSpec("full", "doclint.reporters.full:FullReporter", "rich, grouped by file, with source and suggestions"),
        ReporterSpec("concise", "doclint.reporters.concise:ConciseReporter", "one line a finding: path:line:col: CODE message"),
        ReporterSpec("json", "doclint.reporters.json:JsonReporter", "one JSON array of findings (the contract)"),
        ReporterSpec("github", "doclint.reporters.github:GithubReporter", "GitHub Actions annotations (::error file=...,line=...::message)"),
        ReporterSpec("sarif", "doclint.reporters.sarif:SarifReporter", "SARIF 2.1.0 with rules, locations and fixes (code scanning)"),
        ReporterSpec("junit", "doclint.reporters.junit:JunitReporter", "JUnit XML: a test suite per file, a failed case per finding"),
    ]
