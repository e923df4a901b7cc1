"""One run of doclint: find the files, load them, check them, fix, report.

Kept apart from argument parsing so that tests and other tools can drive a run
with an options namespace of their own (every option is read with a default).

The order of work for one file (see :meth:`Runner.check`): load, apply the
closest configuration (rule selection, per-file ignores, family settings), run
the rules, drop what suppression comments cover, apply severity overrides, then
fix and re-check if asked. Across files: the baseline is applied, then the
chosen reporter (or ``--statistics``) writes the output in input order.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from doclint.config import Config, ConfigResolver
from doclint.diagnostic import Diagnostic, Severity
from doclint.document import Document
from doclint.engine import FileResult, RuleCrash, check_document
from doclint.errors import InputError
from doclint.reporters import ui
from doclint.selection import select_rules, split_selectors, validate

STDIN = "-"

@dataclass
class CheckResult(FileResult):
    """A FileResult plus what ``--fix``/``--diff`` did to the file."""

    fixed: int = 0
    diff: str | None = None
    notice: str | None = None  # one line for standard error (a fix not written)


class Runner:
    def __init__(self, pm, registry, options: Any):
        self.pm = pm
        self.registry = registry
        self.options = options
        self.had_error = False
        self._rules_cache: dict[tuple, list] = {}
        self._validated: set[str] = set()
        self._configs: ConfigResolver | None = None
        #: Processes one long document may use (see engine.SPLIT_AT): the parent sets
        #: it to the job count when it checks files itself, pool workers keep 1.
        self.processes_per_document = 1

    # -- options ---------------------------------------------------------------------
    def opt(self, name: str, default: Any = None) -> Any:
        value = getattr(self.options, name, default)
        return default if value is None else value

    @property
    def fix_mode(self) -> bool:
        return bool(self.opt("fix", False) or self.opt("unsafe_fixes", False) or self.opt("diff", False))

    @property
    def configs(self) -> ConfigResolver:
        if self._configs is None:
            families = sorted({r.family for r in self.registry.rules})
            self._configs = ConfigResolver(
                families, config_file=self.opt("config"), isolated=bool(self.opt("isolated", False))
            )
        return self._configs

    def apply_global_config(self, args: Sequence[str]) -> Config:
        """Run-wide settings from the configuration: CLI options win."""
        cfg = self.configs.global_config(args)
        if getattr(self.options, "lang", None) is None and cfg.lang:
            self.options.lang = cfg.lang
        if getattr(self.options, "fail_on", None) is None and cfg.fail_on:
            self.options.fail_on = cfg.fail_on
        return cfg

    # -- which rules -------------------------------------------------------------
    def rules(self, config: Config | None = None, extra_ignore: Sequence[str] = ()) -> list:
        """The rules to run under ``config`` (default: the run-wide one), CLI options applied."""
        config = config or self.configs.default
        key = (config.label, tuple(extra_ignore))
        cached = self._rules_cache.get(key)
        if cached is not None:
            return cached
        o = self.options
        all_rules = self.registry.rules
        cli_select = split_selectors(o.select) if getattr(o, "select", None) else None
        cli_extend = split_selectors(getattr(o, "extend_select", None))
        cli_ignore = split_selectors(getattr(o, "ignore", None))
        if "cli" not in self._validated:
            for name, sels in (("--select", cli_select or []), ("--extend-select", cli_extend), ("--ignore", cli_ignore)):
                validate(sels, all_rules, name)
            self._validated.add("cli")
        self._validate_config(config)
        select = cli_select if cli_select is not None else (list(config.select) if config.select is not None else None)
        extend = list(config.extend_select) + cli_extend
        ignore = list(config.ignore) + cli_ignore + list(extra_ignore)
        chosen = select_rules(all_rules, select, extend, ignore)
        self._rules_cache[key] = chosen
        return chosen

    def _validate_config(self, config: Config) -> None:
        if config.label in self._validated:
            return
        all_rules = self.registry.rules
        checks = [
            ("select", list(config.select or ())),
            ("extend-select", list(config.extend_select)),
            ("ignore", list(config.ignore)),
            ("severity", [sel for sel, _ in config.severity]),
        ]
        checks += [(f"per-file-ignores.{glob!r}", list(codes)) for glob, codes in config.per_file_ignores]
        for key, sels in checks:
            validate(sels, all_rules, config.where(key))
        self._validated.add(config.label)

    def rules_for(self, path: str, config: Config) -> list:
        return self.rules(config, config.ignored_codes(path) if path != STDIN else ())

    # -- which files -------------------------------------------------------------
    def inputs(self, args: Sequence[str]) -> Iterator[tuple[str, str | None, Config]]:
        """Yield (path, error, config) for each input; directories are recursed."""
        suffixes = tuple(self.registry.suffixes)
        force_exclude = bool(self.opt("force_exclude", False))
        seen: set[str] = set()
        for arg in args:
            if arg == STDIN:
                name = self.opt("stdin_filename")
                yield STDIN, None, self.configs.for_path(name) if name else self.configs.global_config()
                continue
            path = Path(arg)
            if path.is_dir():
                from doclint.discovery import walk

                found = list(walk(arg, suffixes, self.configs.for_directory))
                if not found:
                    yield arg, f"no files to check in directory (looked for {', '.join(suffixes)})", self.configs.default
                for f in found:
                    if f not in seen:
                        seen.add(f)
                        yield f, None, self.configs.for_path(f)
            elif path.exists():
                config = self.configs.for_path(arg)
                if force_exclude and config.is_excluded(arg):
                    continue
                if arg not in seen:
                    seen.add(arg)
                    yield arg, None, config
            else:
                yield arg, "no such file or directory", self.configs.default

    # -- one file ----------------------------------------------------------------
    def read(self, path: str) -> tuple[Document, bytes]:
        if path == STDIN:
            data = sys.stdin.buffer.read()
            name = self.opt("stdin_filename") or STDIN
            doc = self.pm.hook.doclint_load_document(path=Path(name), data=data, options=self.options)
            doc.path = name
            return doc, data
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError:
            raise InputError("is a directory") from None
        except OSError as exc:
            raise InputError(exc.strerror or str(exc)) from None
        return self.pm.hook.doclint_load_document(path=Path(path), data=data, options=self.options), data

    def diagnose(self, document: Document, rules: list, config: Config) -> list[Diagnostic]:
        """Findings of ``rules`` on ``document`` after suppression and severity overrides."""
        from doclint.suppression import apply_suppressions

        if config.settings:
            for family, values in config.settings.items():
                document.settings.setdefault(family, {}).update(values)
        found = apply_suppressions(document, check_document(document, rules, self.processes_per_document))
        if config.severity:
            for d in found:
                d.severity = config.severity_for(d.code, d.rule, d.severity)
        return found

    def check(self, path: str, config: Config | None = None) -> CheckResult:
        if config is None:
            config = self.configs.for_path(path) if path != STDIN else self.configs.global_config()
        try:
            document, data = self.read(path)
        except InputError as exc:
            return CheckResult(path=path, error=str(exc))
        rules = self.rules_for(document.path, config)
        diagnostics = self.diagnose(document, rules, config)
        result = CheckResult(path=document.path, document=document, diagnostics=diagnostics)
        if self.fix_mode and path != STDIN:
            self._fix(result, path, data, rules, config)
        return result

    def _fix(self, result: CheckResult, path: str, data: bytes, rules: list, config: Config) -> None:
        from doclint.fixes import MAX_PASSES, FixError, apply_fixes, applicable, layout_of, unified_diff, write_if_unchanged

        unsafe = bool(self.opt("unsafe_fixes", False))
        if not any(applicable(d, unsafe) for d in result.diagnostics):
            return
        original = result.document
        try:
            layout = layout_of(data, original)
        except FixError as exc:
            result.notice = str(exc)
            return
        document, diagnostics, fixed = original, result.diagnostics, 0
        for _ in range(MAX_PASSES):
            text, n = apply_fixes(document.text, diagnostics, unsafe)
            if not n:
                break
            try:
                new_bytes = layout.encode(text)
            except FixError as exc:
                result.notice = str(exc)
                return
            fixed += n
            document = self.pm.hook.doclint_load_document(path=Path(path), data=new_bytes, options=self.options)
            document.path = original.path
            diagnostics = self.diagnose(document, rules, config)
        if not fixed or document.text == original.text:
            return
        if self.opt("diff", False):
            result.diff = unified_diff(original.path, original.text, document.text)
            result.fixed = fixed
            return
        try:
            write_if_unchanged(path, data, layout.encode(document.text))
        except FixError as exc:
            result.notice = str(exc)
            return
        result.fixed = fixed
        result.document = document
        result.diagnostics = diagnostics

    def check_safely(self, path: str, config: Config | None = None) -> CheckResult:
        try:
            return self.check(path, config)
        except RuleCrash as exc:
            return CheckResult(path=path, error=f"internal error: {exc}")

    # -- the whole run -------------------------------------------------------------
    def reporter_class(self):
        name = getattr(self.options, "format", None) or "full"
        spec = self.registry.reporters.get(name)
        if spec is None:
            raise InputError(f"unknown format {name!r} (choose from {', '.join(self.registry.reporters)})")
        return spec.load()

    # Built-in formats that print findings without the document's text.
    TEXTLESS_FORMATS = frozenset({"json", "concise", "github", "junit"})

    def needs_documents(self) -> bool:
        """Whether results must keep their Document after checking (source lines
        in full output, context for baselines, fix positions in SARIF)."""
        if self.opt("baseline") or self.opt("write_baseline"):
            return True
        if self.opt("statistics", False) or self.opt("diff", False):
            return False
        return (self.opt("format") or "full") not in self.TEXTLESS_FORMATS

    def message_lang(self) -> str | None:
        """The one language findings are shown in, when the output is a built-in
        format (a plugin reporter may want every language)."""
        name = self.opt("format") or "full"
        spec = self.registry.reporters.get(name)
        if spec is None or not spec.target.startswith("doclint.reporters."):
            return None
        return self.opt("lang") or "zh"

    def jobs(self) -> int:
        jobs = self.opt("jobs")
        if jobs is None or jobs <= 0:
            try:
                jobs = len(os.sched_getaffinity(0))
            except AttributeError:  # pragma: no cover - not Linux
                jobs = os.cpu_count() or 1
        return max(1, jobs)

    def run(self, args: Sequence[str]) -> list[FileResult]:
        self.apply_global_config(args)
        reporter = None if self.opt("statistics", False) or self.opt("diff", False) else self.reporter_class()
        if reporter is None:
            self.reporter_class()  # a bad --format still fails before any work
        self.rules()  # likewise a bad selector
        from doclint.parallel import check_all

        allowed = None
        if self.opt("baseline") and not self.opt("write_baseline"):
            from doclint.baseline import read_baseline

            allowed = read_baseline(self.opt("baseline"))  # a bad baseline fails before any work
        inputs = list(self.inputs(args))
        for config in {id(c): c for _, _, c in inputs}.values():
            self._validate_config(config)  # a bad key stops the run before any work, even in a pool
        results = check_all(self, inputs, self.jobs())
        lang = self.opt("lang", "zh")
        for result in results:
            if result.error:
                self.had_error = True
                sys.stderr.write(f"doclint: error: {result.path}: {result.error}\n")
            elif getattr(result, "notice", None):
                sys.stderr.write(f"doclint: warning: {result.path}: {result.notice}\n")
        self._report_fixes(results, lang)
        baseline_out = self.opt("write_baseline")
        if baseline_out:
            from doclint.baseline import write_baseline

            n = write_baseline(baseline_out, results)
            if not self.opt("quiet", False):
                sys.stderr.write(f"doclint: {ui(lang, 'baseline_written', n=n, path=baseline_out)}\n")
        elif allowed is not None:
            from doclint.baseline import filter_baseline

            dropped = filter_baseline(self.opt("baseline"), results, allowed)
            if dropped and not self.opt("quiet", False) and (self.opt("format") or "full") in ("full", "concise"):
                sys.stderr.write(f"doclint: {ui(lang, 'baseline_dropped', n=dropped)}\n")
        self.pm.hook.doclint_finish(results=results, options=self.options)
        if self.opt("diff", False):
            for result in results:
                if getattr(result, "diff", None):
                    sys.stdout.write(result.diff)
        elif self.opt("statistics", False):
            from doclint.statistics import write_statistics

            write_statistics(results, self.registry, self.options, sys.stdout)
        elif not baseline_out:
            self.options._doclint_registry = self.registry
            try:
                reporter(self.options, sys.stdout).report(results)
            finally:
                del self.options._doclint_registry
        sys.stdout.flush()
        return results

    def _report_fixes(self, results: list, lang: str) -> None:
        fixed = [r for r in results if getattr(r, "fixed", 0)]
        if not fixed or self.opt("quiet", False):
            return
        key = "would_fix" if self.opt("diff", False) else "fixed"
        n = sum(r.fixed for r in fixed)
        sys.stderr.write(f"doclint: {ui(lang, key, n=n, files=len(fixed))}\n")

    def exit_status(self, results: list[FileResult]) -> int:
        if self.had_error:
            return 2
        if self.opt("write_baseline"):
            return 0
        if self.opt("diff", False):
            return 1 if any(getattr(r, "diff", None) for r in results) else 0
        if self.opt("exit_zero", False):
            return 0
        threshold = Severity.parse(self.opt("fail_on") or "info")
        return 1 if any(d.severity >= threshold for r in results for d in r.diagnostics) else 0
