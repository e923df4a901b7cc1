"""Run the selected rules over a document and collect sorted findings."""
from __future__ import annotations

import gc
import os
import pickle
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Sequence

from doclint.diagnostic import Diagnostic
from doclint.document import Document
from doclint.rule import Rule


@dataclass
class FileResult:
    """What happened to one input: its findings, or why it could not be read."""

    path: str
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None


class RuleCrash(Exception):
    """A rule raised: a bug in doclint or a plugin, reported without a traceback."""


#: Documents at least this long (in characters) have their rule families split
#: between this process and a forked one when the run may use two processes.
SPLIT_AT = 100_000


def check_document(document: Document, rules: Sequence[Rule], processes: int = 1) -> list[Diagnostic]:
    # The rules allocate many small objects that live to the end of the run (findings,
    # memoised tables), which the cyclic collector would only walk again and again (a
    # tenth of the time on a dense 5 MB draft); so it pauses while the rules run, and
    # the rare cycle they make is collected once it resumes.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        if processes > 1 and len(document.text) >= SPLIT_AT and hasattr(os, "fork"):
            found = _run_split(document, rules)
        else:
            found = _run(document, rules)
        return finalize(document, found)
    finally:
        if paused:
            gc.enable()


def _run(document: Document, rules: Sequence[Rule]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    append = found.append
    for rule in rules:
        try:
            for diag in rule.check(document):
                append(diag)
        except Exception as exc:  # a plugin bug must not hide the other findings
            raise RuleCrash(f"rule {rule.code} ({rule.id}) failed on {document.path}: {type(exc).__name__}: {exc}") from exc
    return found


def _run_split(document: Document, rules: Sequence[Rule]) -> list[Diagnostic]:
    """Check a long document with two processes: a forked child runs every other
    rule family while this process runs the rest, then sends its findings back.

    Families stay whole because the rules of one family share analyses through
    ``document.memo``; the child inherits the loaded document, so nothing is
    read or parsed twice, and only its findings travel (pickled, through a pipe).
    """
    families = list(dict.fromkeys(rule.family for rule in rules))
    if len(families) < 2:
        return _run(document, rules)
    theirs = set(families[1::2])
    mine = [r for r in rules if r.family not in theirs]
    child_rules = [r for r in rules if r.family in theirs]
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run its rules, send the findings, leave without cleanup
        code = 0
        try:
            os.close(read_end)
            try:
                payload = ("ok", _run(document, child_rules))
            except RuleCrash as exc:
                payload = ("crash", str(exc))
            with os.fdopen(write_end, "wb") as pipe:
                pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        found = _run(document, mine)  # the child blocks on a full pipe until we read
    finally:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
    try:
        status, value = pickle.loads(data)
    except Exception:
        raise RuleCrash(f"the process checking {document.path} with {', '.join(sorted(theirs))} rules failed") from None
    if status == "crash":
        raise RuleCrash(value)
    return found + value


def finalize(document: Document, found: list[Diagnostic]) -> list[Diagnostic]:
    """Resolve positions, drop exact duplicates, sort by position.

    Every finding gets the document's path, so the order (path, start, end,
    code) of :meth:`Diagnostic.sort_key` is (start, end, code) here: one sort
    with a C key, then line and column come from one forward sweep over the
    line starts (a binary search from the previous finding's line).
    """
    text_len = len(document.text)
    path = document.path
    unique: dict[tuple, Diagnostic] = {}
    setdefault = unique.setdefault
    for diag in found:
        start, end = diag.start, diag.end
        if start < 0 or start > text_len:
            start = diag.start = 0 if start < 0 else text_len
        if end < start or end > text_len:
            end = diag.end = start if end < start else text_len
        diag.path = path
        setdefault((diag.code, start, end), diag)
    ordered = sorted(unique.values(), key=_POSITION_KEY)
    starts = document._line_starts
    lines = len(starts)
    line = 1  # bisect_right(starts, offset): the 1-based line of offset
    for diag in ordered:
        start, end = diag.start, diag.end
        if line < lines and starts[line] <= start:
            line = bisect_right(starts, start, line)
        diag.line = line
        diag.column = start - starts[line - 1] + 1
        end_line = line
        if end_line < lines and starts[end_line] <= end:
            end_line = bisect_right(starts, end, end_line)
        diag.end_line = end_line
        diag.end_column = end - starts[end_line - 1] + 1
    return ordered


_POSITION_KEY = attrgetter("start", "end", "code")
