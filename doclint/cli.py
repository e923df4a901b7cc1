"""The command line: ``doclint [OPTIONS] PATH...``.

Exit status (contract): 0 no findings at or above the failing severity,
1 findings, 2 a usage error or an input that cannot be read. Bad input is one
line on standard error, never a traceback, and the other files are still checked.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from doclint import __version__
from doclint.errors import InputError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not the whole usage block
        self.exit(2, f"doclint: error: {message} (see doclint --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="doclint",
        description="Lint report drafts: unfilled placeholders, section numbering, counts that do not add up, punctuation, web leftovers, wording.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to check; - reads standard input")
    p.add_argument("--format", default=None, metavar="FORMAT", help="output format: full (default), concise, json, github, sarif, junit, or a plugin's (see --list-formats)")
    p.add_argument("--lang", choices=("zh", "en"), default=None, help="language of messages (default zh)")
    p.add_argument("--select", action="append", metavar="CODES", help="run only these rules (codes, prefixes, families, ALL)")
    p.add_argument("--extend-select", action="append", default=[], metavar="CODES", help="run these rules in addition")
    p.add_argument("--ignore", action="append", default=[], metavar="CODES", help="do not run these rules")
    p.add_argument("--fail-on", choices=("error", "warning", "info"), default=None, help="lowest severity that makes the exit status 1 (default info: any finding)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    p.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in full output (default: on a terminal, unless NO_COLOR is set)")
    p.add_argument("--encoding", default=None, help="read files in this encoding instead of detecting it")
    p.add_argument("--stdin-filename", default=None, metavar="NAME", help="the name to report for standard input")
    p.add_argument("--statistics", action="store_true", help="print the number of findings per code instead of the findings")
    g = p.add_argument_group("configuration")
    g.add_argument("--config", default=None, metavar="FILE", help="use this doclint.toml or pyproject.toml for every file instead of looking for one")
    g.add_argument("--isolated", action="store_true", help="ignore configuration files")
    g.add_argument("--force-exclude", action="store_true", help="apply the configuration's exclude to files named on the command line too (for pre-commit)")
    g = p.add_argument_group("fixes and baselines")
    g.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    g.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too (implies --fix unless --diff)")
    g.add_argument("--diff", action="store_true", help="print the fixes as a unified diff instead of writing them (exit 1 if any)")
    g.add_argument("--baseline", default=None, metavar="FILE", help="do not report findings recorded in this baseline file")
    g.add_argument("--write-baseline", default=None, metavar="FILE", help="record every current finding in FILE and exit 0")
    p.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N", help="check files in N processes (default: the number of cores)")
    p.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    p.add_argument("--list-formats", action="store_true", help="list the output formats and exit")
    p.add_argument("--explain", metavar="CODE", help="explain a rule and exit")
    p.add_argument("--version", action="version", version=f"doclint {__version__}")
    return p


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (the number of cores) or more, got {n}")
    return n


def _err(message: str) -> None:
    sys.stderr.write(f"doclint: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except InputError as exc:
        _err(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 1


def _main(argv: Sequence[str] | None) -> int:
    from doclint.plugins import Registry, create_plugin_manager
    from doclint.run import Runner

    parser = build_parser()
    pm = create_plugin_manager()
    pm.hook.doclint_add_options(parser=parser)
    options = parser.parse_args(argv)
    registry = Registry(pm)

    if options.list_rules:
        from doclint.listing import list_rules

        list_rules(registry, options, sys.stdout)
        return 0
    if options.list_formats:
        for spec in registry.reporters.values():
            sys.stdout.write(f"{spec.name:10} {spec.description}\n")
        return 0
    if options.explain:
        from doclint.listing import explain

        return explain(registry, options.explain, sys.stdout)
    if not options.paths:
        parser.error("no PATH given")

    runner = Runner(pm, registry, options)
    results = runner.run(options.paths)
    return runner.exit_status(results)
