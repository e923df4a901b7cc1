"""``--statistics``: how many findings of each code, instead of the findings.

The text form is one line a code, most frequent first (``[*]`` marks codes
with a safe fix); ``--format json`` gives a JSON array of
``{"code", "rule", "count", "fixable"}`` for dashboards.
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO


def statistics(results: list) -> list[dict]:
    counts: Counter = Counter()
    fixable: Counter = Counter()
    rules: dict[str, str] = {}
    for result in results:
        for d in result.diagnostics:
            counts[d.code] += 1
            rules.setdefault(d.code, d.rule)
            if d.fix is not None and d.fix.is_safe:
                fixable[d.code] += 1
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"code": code, "rule": rules[code], "count": n, "fixable": fixable[code]} for code, n in rows]


def write_statistics(results: list, registry: Any, options: Any, out: TextIO) -> None:
    rows = statistics(results)
    if (getattr(options, "format", None) or "") == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    if not rows:
        return
    width = max(len(str(r["count"])) for r in rows)
    code_width = max(len(r["code"]) for r in rows)
    for r in rows:
        mark = "[*]" if r["fixable"] == r["count"] else "[-]" if r["fixable"] else "   "
        out.write(f"{r['count']:>{width}}  {r['code']:<{code_width}}  {mark} {r['rule']}\n")
