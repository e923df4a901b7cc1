"""``--format github``: GitHub Actions workflow commands, one per finding.

Printed in a workflow step, each line becomes an annotation on the pull
request's changed file, at the finding's line and columns::

    ::error file=drafts/q3.txt,line=3,col=9,endLine=3,endColumn=11,title=PH001 placeholder.marker::未填写的占位符“XX”

Severities map to ``error``, ``warning`` and ``notice``; an absolute path
inside the working directory is made relative, as GitHub expects. Values are escaped as
the Actions toolkit does (``%``, CR, LF everywhere; ``:`` and ``,`` in
properties) so a message can never break the command.
"""
from __future__ import annotations

import os

from doclint.diagnostic import Severity
from doclint.reporters import Reporter

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SUGGESTION = {"zh": "建议：", "en": "suggestion: "}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str) -> str:
    """GitHub maps annotations by path relative to the repository: make an
    absolute path under the working directory (the workspace) relative."""
    if os.path.isabs(path):
        rel = os.path.relpath(path)
        if not rel.startswith(os.pardir):
            path = rel
    return path.replace(os.sep, "/")


class GithubReporter(Reporter):
    def report(self, results: list) -> None:
        write = self.stream.write
        for result in results:
            for d in result.diagnostics:
                props = ",".join(
                    f"{key}={escape_property(str(value))}"
                    for key, value in (
                        ("file", workspace_path(d.path)),
                        ("line", d.line),
                        ("col", d.column),
                        ("endLine", d.end_line),
                        ("endColumn", d.end_column),
                        ("title", f"{d.code} {d.rule}"),
                    )
                )
                message = d.text(self.lang)
                if d.suggestion:
                    message += f" [{SUGGESTION.get(self.lang, SUGGESTION['zh'])}{d.suggestion}]"
                write(f"::{LEVEL.get(d.severity, 'warning')} {props}::{escape_data(message)}\n")
