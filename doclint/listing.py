"""``--list-rules`` and ``--explain``."""
from __future__ import annotations

from typing import TextIO


def list_rules(registry, options, out: TextIO) -> None:
    rows = [("CODE", "RULE", "FAMILY", "SEVERITY", "FIX", "SUMMARY")]
    for rule in registry.rules:
        enabled = "" if rule.default_enabled else " (off by default)"
        rows.append((rule.code, rule.id, rule.family, str(rule.severity), rule.fixable or "-", rule.summary() + enabled))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for row in rows:
        out.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5] + "\n")


def explain(registry, code: str, out: TextIO) -> int:
    from doclint.errors import InputError

    rule = registry.rule(code)
    if rule is None:
        raise InputError(f"no rule {code!r} (see doclint --list-rules)")
    out.write(f"{rule.code} {rule.id}  [{rule.severity}{', fix: ' + rule.fixable if rule.fixable else ''}]\n\n")
    out.write(rule.explain() + "\n")
    return 0
