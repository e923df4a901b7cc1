"""``--format concise``: ``path:line:col: CODE message``, one line a finding."""
from __future__ import annotations

from doclint.reporters import Reporter, ui


class ConciseReporter(Reporter):
    def report(self, results: list) -> None:
        write = self.stream.write
        for result in results:
            for d in result.diagnostics:
                tail = f" [{ui(self.lang, 'suggestion')}{d.suggestion}]" if d.suggestion else ""
                write(f"{d.path}:{d.line}:{d.column}: {d.code} {d.text(self.lang)}{tail}\n")
