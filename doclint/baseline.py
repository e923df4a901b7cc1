"""Baseline files: adopt doclint on old drafts and fail only on new findings.

``--write-baseline F`` records every current finding; ``--baseline F`` then
drops the findings recorded there. An entry is keyed by content, not by line
number: the file (relative to the baseline's directory), the code, the text the
finding covers and a little of the text around it on its line. Lines added or
removed above a recorded finding do not invalidate it; editing the words right
next to it does, and so does a second copy of the same defect, which is new.

Identical keys are counted, so a file with three ``XX`` recorded fails when a
fourth appears.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Iterable

from doclint.errors import InputError

VERSION = 1
CONTEXT = 12  # code points of context kept on each side of the span


def context(result, d) -> tuple[str, str]:
    """The text just before and after the finding, on its own line(s)."""
    doc = result.document
    if doc is None:
        return "", ""
    text = doc.text
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.end)
    if line_end == -1:
        line_end = len(text)
    before = text[max(line_start, d.start - CONTEXT):d.start]
    after = text[d.end:min(line_end, d.end + CONTEXT)]
    return before, after


def covered(result, d) -> str:
    doc = result.document
    return doc.text[d.start:d.end] if doc is not None else ""


def fingerprint(code: str, text: str, before: str, after: str) -> str:
    h = hashlib.sha1("\x1f".join((code, text, before, after)).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def _rel(path: str, base: Path) -> str:
    if path == "-" or path.startswith("<"):
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def keys(results: Iterable, base: Path) -> Iterable[tuple[object, tuple[str, str, str]]]:
    """(diagnostic, key) for every finding; key = (path, code, fingerprint)."""
    for result in results:
        if not result.diagnostics:
            continue
        rel = _rel(result.path, base)
        for d in result.diagnostics:
            before, after = context(result, d)
            yield d, (rel, d.code, fingerprint(d.code, covered(result, d), before, after))


def write_baseline(path: str, results: list) -> int:
    """Write every finding of ``results``; return how many."""
    target = Path(path)
    base = Path(os.path.abspath(target.parent))
    counts: Counter = Counter()
    texts: dict[tuple, str] = {}
    for result in results:
        for d, key in keys([result], base):
            counts[key] += 1
            texts.setdefault(key, covered(result, d))
    entries = []
    for key in sorted(counts):
        rel, code, fp = key
        entry = {"path": rel, "code": code, "text": texts[key], "fingerprint": fp}
        if counts[key] > 1:
            entry["count"] = counts[key]
        entries.append(entry)
    data = {"doclint-baseline": VERSION, "findings": entries}
    payload = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    from doclint.fixes import atomic_write

    try:
        atomic_write(target, payload.encode("utf-8"))
    except OSError as exc:
        raise InputError(f"--write-baseline {path}: {exc.strerror or exc}") from None
    return sum(counts.values())


def read_baseline(path: str) -> Counter:
    target = Path(path)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"--baseline {path}: no such file (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"--baseline {path}: not a doclint baseline ({exc})") from None
    if not isinstance(data, dict) or data.get("doclint-baseline") != VERSION or not isinstance(data.get("findings"), list):
        raise InputError(f"--baseline {path}: not a doclint baseline (version {VERSION} expected)")
    counts: Counter = Counter()
    for entry in data["findings"]:
        try:
            key = (str(entry["path"]), str(entry["code"]), str(entry["fingerprint"]))
            counts[key] += int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise InputError(f"--baseline {path}: malformed entry {entry!r}") from None
    return counts


def filter_baseline(path: str, results: list, allowed: Counter | None = None) -> int:
    """Drop the findings recorded in the baseline, in place; return how many were dropped."""
    allowed = read_baseline(path) if allowed is None else Counter(allowed)
    base = Path(os.path.abspath(Path(path).parent))
    dropped = 0
    for result in results:
        if not result.diagnostics:
            continue
        kept = []
        for d, key in keys([result], base):
            if allowed.get(key, 0) > 0:
                allowed[key] -= 1
                dropped += 1
            else:
                kept.append(d)
        result.diagnostics = kept
    return dropped
