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
    ]
