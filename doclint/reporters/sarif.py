"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other viewers.

One run with the tool's rules (id, name, descriptions, default level, help
from ``--explain``), one result per finding with its region (lines and
code-point columns, ``columnKind`` ``unicodeCodePoints``), a content-based
``partialFingerprints`` entry (the one baselines use, so findings keep their
identity when lines move) and, where the rule offers one, the fix as
replacements. Fix regions are given as lines and columns, not offsets, so
they stay right in files with CRLF line ends.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from doclint import __version__
from doclint.diagnostic import Severity
from doclint.reporters import Reporter

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> dict:
    if path == "-" or path.startswith("<"):
        return {"uri": quote(path)}
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/"), safe="/"), "uriBaseId": "%SRCROOT%"}


class SarifReporter(Reporter):
    def _registry(self):
        registry = getattr(self.options, "_doclint_registry", None)
        if registry is None:
            from doclint.plugins import Registry, create_plugin_manager

            registry = Registry(create_plugin_manager())
        return registry

    def report(self, results: list) -> None:
        from doclint.baseline import context, covered, fingerprint

        rules = self._registry().rules
        index = {rule.code: i for i, rule in enumerate(rules)}
        descriptors = [self._descriptor(rule) for rule in rules]
        out = []
        for result in results:
            for d in result.diagnostics:
                item = {
                    "ruleId": d.code,
                    "level": LEVEL.get(d.severity, "warning"),
                    "message": {"text": d.text(self.lang) + (f"（建议：{d.suggestion}）" if d.suggestion and self.lang == "zh" else f" (suggestion: {d.suggestion})" if d.suggestion else "")},
                    "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(d.path), "region": {
                        "startLine": d.line, "startColumn": d.column, "endLine": d.end_line, "endColumn": d.end_column,
                    }}}],
                    "partialFingerprints": {"doclint/v1": fingerprint(d.code, covered(result, d), *context(result, d))},
                    "properties": {"rule": d.rule},
                }
                if d.code in index:
                    item["ruleIndex"] = index[d.code]
                if d.fix is not None and result.document is not None:
                    item["fixes"] = [self._fix(d, result.document)]
                out.append(item)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "doclint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": descriptors,
                }},
                "columnKind": "unicodeCodePoints",
                "results": out,
            }],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=1)
        self.stream.write("\n")

    def _descriptor(self, rule) -> dict:
        doc = rule.explain()
        descriptor = {
            "id": rule.code,
            "name": rule.id,
            "shortDescription": {"text": rule.summary() or rule.id},
            "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning"), "enabled": bool(rule.default_enabled)},
            "properties": {"family": rule.family, "fixable": rule.fixable or "no"},
        }
        if doc:
            descriptor["fullDescription"] = {"text": doc}
            descriptor["help"] = {"text": doc}
        return descriptor

    def _fix(self, d, document) -> dict:
        replacements = []
        for edit in d.fix.edits:
            sl, sc = document.position(edit.start)
            el, ec = document.position(edit.end)
            replacements.append({
                "deletedRegion": {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec},
                "insertedContent": {"text": edit.text},
            })
        label = "safe" if d.fix.is_safe else "unsafe"
        return {
            "description": {"text": f"{label} fix" + (f": {d.suggestion}" if d.suggestion else "")},
            "artifactChanges": [{"artifactLocation": artifact_uri(d.path), "replacements": replacements}],
        }
