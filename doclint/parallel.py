"""Check many files: in this process, or in a process pool with ``-j N``.

Results always come back in input order, whatever finishes first, so output is
stable. A pool costs a few tens of milliseconds to start and each worker loads
jieba on its own, so small runs (a pre-commit batch of a few drafts) stay in
this process. Where ``fork`` exists the workers inherit the parent's plugins
and rules; elsewhere each worker builds them once in its initializer.

A progress bar (rich, on standard error) appears only on a terminal, outside
CI, and only once a run has taken a couple of seconds: quick runs and piped
output never see it.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Any, Sequence

MIN_FILES_FOR_POOL = 16
PROGRESS_AFTER = 2.0  # seconds

_RUNNER = None  # the Runner a worker process uses


def _init_worker(options: Any) -> None:
    global _RUNNER
    if _RUNNER is None:  # spawned, not forked: build the plugins again
        from doclint.plugins import Registry, create_plugin_manager
        from doclint.run import Runner

        pm = create_plugin_manager()
        _RUNNER = Runner(pm, Registry(pm), options)


def _check(item):
    path, config, keep_document, lang = item
    return _pack(_RUNNER.check_safely(path, config), keep_document, lang)


def _pack(result, keep_document: bool = True, lang: str | None = None):
    """Make a result cheap to send back and to rebuild.

    Pickling thousands of Diagnostic dataclasses (with their enums and fixes)
    costs more than checking small files, and the parent, which unpickles
    everything, shares the cores with the workers: so findings travel as plain
    tuples with the message in the output language only, the document travels
    only when the output needs it, and what rules memoised on it stays behind.
    Returns None for a result that must be redone in the parent.
    """
    doc = result.document
    if doc is not None and getattr(doc, "origin", None) is not None:
        return None  # a parsed package (Word): not picklable, and plugins may need it
    if doc is not None:
        if keep_document:
            doc._memo = {}
        else:
            result.document = None
    packed = [
        (d.rule, d.code, int(d.severity), d.start, d.end,
         {lang: d.text(lang)} if lang else d.message, d.suggestion,
         (d.fix.applicability, tuple((e.start, e.end, e.text) for e in d.fix.edits)) if d.fix is not None else None,
         d.path, d.line, d.column, d.end_line, d.end_column, d.data or None)
        for d in result.diagnostics
    ]
    result.diagnostics = []
    return result, packed


def _unpack(item):
    """Rebuild the Diagnostics of a packed result."""
    from doclint.diagnostic import Diagnostic, Edit, Fix, Severity

    severities = {int(s): s for s in Severity}
    result, packed = item
    diagnostics = []
    append = diagnostics.append
    for rule, code, sev, start, end, message, suggestion, fix, path, line, column, end_line, end_column, data in packed:
        if fix is not None:
            fix = Fix(fix[0], tuple(Edit(*e) for e in fix[1]))
        append(Diagnostic(rule, code, severities[sev], start, end, message, suggestion, fix,
                          path, line, column, end_line, end_column, data or {}))
    result.diagnostics = diagnostics
    return result


class Progress:
    """A progress bar that shows itself only on a terminal and for long runs."""

    def __init__(self, total: int, quiet: bool = False):
        self.total = total
        self.start = time.monotonic()
        self.enabled = (
            not quiet
            and total > 1
            and sys.stderr.isatty()
            and not os.environ.get("CI")
            and not os.environ.get("DOCLINT_NO_PROGRESS")
        )
        self._bar = None
        self._task = None

    def advance(self, done: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self.start < PROGRESS_AFTER:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TimeRemainingColumn

            self._bar = Bar(
                "[progress.description]doclint", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("check", total=self.total)
        self._bar.update(self._task, completed=done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def check_all(runner, inputs: Sequence[tuple], jobs: int) -> list:
    """Check every (path, error, config) input; return results in input order."""
    from doclint.run import CheckResult, STDIN

    todo = [(i, path, config) for i, (path, error, config) in enumerate(inputs) if not error]
    results: list = [CheckResult(path=path, error=error) if error else None for path, error, _ in inputs]
    progress = Progress(len(todo), quiet=bool(runner.opt("quiet", False)))
    try:
        use_pool = jobs > 1 and len(todo) >= MIN_FILES_FOR_POOL and not any(p == STDIN for _, p, _ in todo)
        if use_pool:
            _check_in_pool(runner, todo, jobs, results, progress)
        else:
            runner.processes_per_document = jobs  # a long draft may still use the cores
            for done, (i, path, config) in enumerate(todo, 1):
                results[i] = runner.check_safely(path, config)
                progress.advance(done)
    finally:
        progress.close()
    return results


def _check_in_pool(runner, todo, jobs, results, progress) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _RUNNER
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if context.get_start_method() == "fork":
        _RUNNER = runner  # inherited by the forked workers
    jobs = min(jobs, len(todo))
    chunk = max(1, min(64, len(todo) // (jobs * 8)))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(runner.options,)) as pool:
            keep = runner.needs_documents()
            lang = runner.message_lang()
            items = [(path, config, keep, lang) for _, path, config in todo]
            for done, ((i, path, config), packed) in enumerate(zip(todo, pool.map(_check, items, chunksize=chunk)), 1):
                results[i] = _unpack(packed) if packed is not None else runner.check_safely(path, config)
                progress.advance(done)
    finally:
        _RUNNER = None
