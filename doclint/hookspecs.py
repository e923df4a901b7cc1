"""The hook specifications: everything a doclint plugin can provide.

Built-in rules, loaders and reporters implement these exactly as a third-party
package would; a package makes itself known with an entry point in the group
``doclint`` naming a module (or object) that carries ``@hookimpl`` functions.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    import argparse
    from pathlib import Path

    from doclint.document import Document
    from doclint.reporters import ReporterSpec
    from doclint.rule import Rule

hookspec = pluggy.HookspecMarker("doclint")


@hookspec
def doclint_register_rules() -> "list[type[Rule]]":
    """Return the rule classes this plugin provides."""


@hookspec
def doclint_add_options(parser: "argparse.ArgumentParser") -> None:
    """Add command-line options (call ``parser.add_argument``)."""


@hookspec(firstresult=True)
def doclint_load_document(path: "Path", data: bytes, options: Any) -> "Document | None":
    """Turn a file's bytes into a Document, or return None to let another loader try.

    Raise ``doclint.errors.InputError`` for a file of this format that cannot be read.
    """


@hookspec
def doclint_file_suffixes() -> "list[str]":
    """Return the suffixes (".txt") this plugin's loader reads when recursing directories."""


@hookspec
def doclint_register_reporters() -> "list[ReporterSpec]":
    """Return the output formats this plugin provides."""


@hookspec
def doclint_finish(results: list, options: Any) -> None:
    """Called once after every file was checked (e.g. to write annotated copies)."""
