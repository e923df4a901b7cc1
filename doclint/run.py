"""One run of doclint: find the files, load them, check them, report.

Kept apart from argument parsing so that tests and other tools can drive a run
with an options namespace of their own.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterator, Sequence

from doclint.diagnostic import Severity
from doclint.document import Document
from doclint.engine import FileResult, RuleCrash, check_document
from doclint.errors import InputError
from doclint.selection import select_rules, split_selectors, validate

STDIN = "-"


class Runner:
    def __init__(self, pm, registry, options: Any):
        self.pm = pm
        self.registry = registry
        self.options = options
        self.had_error = False
        self._rules = None

    # -- which rules -------------------------------------------------------------
    def rules(self) -> list:
        if self._rules is None:
            o = self.options
            select = split_selectors(o.select) if getattr(o, "select", None) else None
            extend = split_selectors(getattr(o, "extend_select", None))
            ignore = split_selectors(getattr(o, "ignore", None))
            all_rules = self.registry.rules
            for name, sels in (("--select", select or []), ("--extend-select", extend), ("--ignore", ignore)):
                validate(sels, all_rules, name)
            self._rules = select_rules(all_rules, select, extend, ignore)
        return self._rules

    # -- which files -------------------------------------------------------------
    def iter_inputs(self, args: Sequence[str]) -> Iterator[tuple[str, str | None]]:
        """Yield (path, error) for each input; directories are recursed."""
        suffixes = tuple(self.registry.suffixes)
        for arg in args:
            if arg == STDIN:
                yield STDIN, None
                continue
            path = Path(arg)
            if path.is_dir():
                found = sorted(self._walk(path, suffixes))
                if not found:
                    yield arg, f"no files to check in directory (looked for {', '.join(suffixes)})"
                for f in found:
                    yield str(f), None
            elif path.exists():
                yield arg, None
            else:
                yield arg, "no such file or directory"

    def _walk(self, root: Path, suffixes: tuple[str, ...]) -> Iterator[Path]:
        for path in root.rglob("*"):
            rel = path.relative_to(root).parts
            if any(part.startswith(".") for part in rel):
                continue
            if path.suffix.lower() in suffixes and path.is_file():
                yield path

    # -- one file ----------------------------------------------------------------
    def load(self, path: str) -> Document:
        if path == STDIN:
            data = sys.stdin.buffer.read()
            name = getattr(self.options, "stdin_filename", None) or STDIN
            doc = self.pm.hook.doclint_load_document(path=Path(name), data=data, options=self.options)
            doc.path = name
            return doc
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            raise InputError("is a directory") from None
        except OSError as exc:
            raise InputError(exc.strerror or str(exc)) from None
        return self.pm.hook.doclint_load_document(path=Path(path), data=data, options=self.options)

    def check(self, path: str) -> FileResult:
        try:
            document = self.load(path)
        except InputError as exc:
            return FileResult(path=path, error=str(exc))
        return FileResult(path=document.path, document=document, diagnostics=check_document(document, self.rules()))

    # -- the whole run -------------------------------------------------------------
    def reporter_class(self):
        name = getattr(self.options, "format", None) or "full"
        spec = self.registry.reporters.get(name)
        if spec is None:
            raise InputError(f"unknown format {name!r} (choose from {', '.join(self.registry.reporters)})")
        return spec.load()

    def run(self, args: Sequence[str]) -> list[FileResult]:
        reporter = self.reporter_class()  # a bad --format fails before any work
        self.rules()  # likewise a bad selector
        results: list[FileResult] = []
        for path, error in self.iter_inputs(args):
            result = FileResult(path=path, error=error) if error else self._check_safely(path)
            if result.error:
                self.had_error = True
                sys.stderr.write(f"doclint: error: {result.path}: {result.error}\n")
            results.append(result)
        self.pm.hook.doclint_finish(results=results, options=self.options)
        reporter(self.options, sys.stdout).report(results)
        sys.stdout.flush()
        return results

    def _check_safely(self, path: str) -> FileResult:
        try:
            return self.check(path)
        except RuleCrash as exc:
            return FileResult(path=path, error=f"internal error: {exc}")

    def exit_status(self, results: list[FileResult]) -> int:
        if self.had_error:
            return 2
        if getattr(self.options, "exit_zero", False):
            return 0
        threshold = Severity.parse(getattr(self.options, "fail_on", None) or "info")
        return 1 if any(d.severity >= threshold for r in results for d in r.diagnostics) else 0
