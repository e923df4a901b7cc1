"""Configuration: ``[tool.doclint]`` in ``pyproject.toml`` or a ``doclint.toml``.

Like ruff, the configuration that applies to a file is the closest one found by
walking up from the file's directory: ``doclint.toml`` (top-level keys) wins
over ``pyproject.toml`` in the same directory, and a ``pyproject.toml`` without
a ``[tool.doclint]`` table does not count. The closest configuration is used
whole; configurations are not merged. Look-ups are cached per directory, so a
run over thousands of drafts reads each configuration file once.

``--config FILE`` uses one file for every input and ``--isolated`` ignores
configuration files altogether. Options given on the command line override the
file: ``--select`` replaces ``select``, ``--extend-select`` and ``--ignore`` add
to the file's lists.

A wrong key or a value of the wrong type is one clear error naming the file
and the key (exit status 2), never a silent default.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from doclint.diagnostic import Severity
from doclint.errors import ConfigError

CONFIG_FILES = ("doclint.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "info")
LANGS = ("zh", "en")

# key -> (attribute, description of the expected type)
_LIST_KEYS = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "exclude": "exclude",
    "extend-exclude": "extend_exclude",
}
_KNOWN_KEYS = set(_LIST_KEYS) | {"per-file-ignores", "severity", "lang", "fail-on", "respect-gitignore"}


@dataclass(eq=False)
class Config:
    """One configuration file's settings (or the empty default)."""

    path: Path | None = None  # the file it was read from
    root: Path = field(default_factory=Path.cwd)  # directory that globs are relative to
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    lang: str | None = None
    fail_on: str | None = None
    respect_gitignore: bool = True
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "command line"

    def where(self, key: str) -> str:
        """How an error names a key: the file and the table it sits in."""
        if self.path is None:
            return key
        table = "" if self.path.name != "pyproject.toml" else "[tool.doclint] "
        return f"{self.path}: {table}{key}"

    # -- globs -------------------------------------------------------------------
    def relative(self, path: str | Path) -> str | None:
        """``path`` relative to the configuration's directory (posix), or None when outside."""
        try:
            rel = os.path.relpath(os.path.abspath(path), self.root)
        except ValueError:  # another drive on Windows
            return None
        if rel == os.curdir:
            return ""
        if rel.startswith(os.pardir + os.sep) or rel == os.pardir:
            return None
        return rel.replace(os.sep, "/")

    def ignored_codes(self, path: str) -> tuple[str, ...]:
        """The selectors ``per-file-ignores`` turns off for ``path``."""
        if not self.per_file_ignores:
            return ()
        rel = self.relative(path)
        if rel is None:
            rel = Path(path).name
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if glob_match(pattern, rel):
                out.extend(codes)
        return tuple(out)

    def is_excluded(self, path: str | Path) -> bool:
        """True when ``exclude`` names the path or one of its parent directories."""
        if not self.exclude:
            return False
        rel = self.relative(path)
        if rel is None or rel == "":
            return False
        return any(glob_match(p, rel, parents=True) for p in self.exclude)

    def severity_for(self, code: str, rule_id: str, default: Severity) -> Severity:
        """The most specific ``severity`` entry naming the rule wins."""
        best, best_score = default, 0
        for selector, sev in self.severity:
            score = _specificity(code, rule_id, selector)
            if score > best_score:
                best, best_score = sev, score
        return best


def _specificity(code: str, rule_id: str, selector: str) -> int:
    sel = selector.strip()
    if sel.upper() == "ALL":
        return 1
    if sel == rule_id or sel.upper() == code.upper():
        return 100
    if sel == rule_id.split(".", 1)[0]:
        return 10
    if sel[:1].isalpha() and code.upper().startswith(sel.upper()):
        return 10 + len(sel)
    return 0


# -- globs ---------------------------------------------------------------------------
_GLOB_CACHE: dict[str, Any] = {}


def _glob_regex(pattern: str):
    compiled = _GLOB_CACHE.get(pattern)
    if compiled is None:
        pat = pattern.strip().replace("\\", "/")
        anchored = "/" in pat.rstrip("/")
        pat = pat.strip("/")
        out, i = [], 0
        while i < len(pat):
            c = pat[i]
            if pat.startswith("**/", i):
                out.append("(?:.*/)?")
                i += 3
                continue
            if pat.startswith("**", i):
                out.append(".*")
                i += 2
                continue
            if c == "*":
                out.append("[^/]*")
            elif c == "?":
                out.append("[^/]")
            elif c == "[":
                j = pat.find("]", i + 1)
                if j == -1:
                    out.append(re.escape(c))
                else:
                    body = pat[i + 1:j].replace("\\", "\\\\")
                    if body.startswith("!"):
                        body = "^" + body[1:]
                    out.append(f"[{body}]")
                    i = j
            else:
                out.append(re.escape(c))
            i += 1
        body = "".join(out)
        # A pattern without a slash matches a name at any depth, as in .gitignore.
        compiled = re.compile(("" if anchored else "(?:.*/)?") + body + r"\Z", re.S)
        _GLOB_CACHE[pattern] = compiled
    return compiled


def glob_match(pattern: str, rel_path: str, parents: bool = False) -> bool:
    """Match a gitignore-style glob against a posix path relative to the config.

    ``*`` stays within a directory, ``**`` crosses directories, and a pattern
    with no slash matches a file or directory name at any depth. With
    ``parents``, a pattern naming a directory also matches everything below it.
    """
    regex = _glob_regex(pattern)
    if regex.match(rel_path):
        return True
    if parents:
        parts = rel_path.split("/")
        for n in range(1, len(parts)):
            if regex.match("/".join(parts[:n])):
                return True
    return False


# -- reading -------------------------------------------------------------------------
def _load_toml(path: Path) -> dict:
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None


def _table(path: Path, data: dict) -> dict | None:
    """The doclint table of a parsed file, or None when it has none."""
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        if not isinstance(tool, dict) or "doclint" not in tool:
            return None
        table = tool["doclint"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.doclint] must be a table")
        return table
    return data


def _strings(cfg: Config, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{cfg.where(key)}: expected a list of strings, got {_show(value)}")
    out: list[str] = []
    for v in value:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_config(table: dict, path: Path | None, families: Iterable[str] = ()) -> Config:
    """Build a Config from a doclint table; raises ConfigError naming the bad key."""
    root = Path(os.path.abspath(path.parent)) if path is not None else Path(os.getcwd())
    cfg = Config(path=path, root=root)
    families = set(families)
    exclude: list[str] = []
    for key, value in table.items():
        if key in _LIST_KEYS:
            values = _strings(cfg, key, value)
            attr = _LIST_KEYS[key]
            if attr in ("exclude", "extend_exclude"):
                exclude.extend(values)
            else:
                setattr(cfg, attr, values)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{cfg.where(key)}: expected a table of glob = [codes], got {_show(value)}")
            cfg.per_file_ignores = tuple((glob, _strings(cfg, f"{key}.{glob!r}", codes)) for glob, codes in value.items())
        elif key == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f"{cfg.where(key)}: expected a table of code = \"error|warning|info\", got {_show(value)}")
            pairs = []
            for sel, sev in value.items():
                if not isinstance(sev, str) or sev.lower() not in SEVERITIES:
                    raise ConfigError(f"{cfg.where(f'{key}.{sel}')}: expected one of error, warning, info, got {_show(sev)}")
                pairs.append((sel, Severity.parse(sev)))
            cfg.severity = tuple(pairs)
        elif key == "lang":
            if value not in LANGS:
                raise ConfigError(f"{cfg.where(key)}: expected \"zh\" or \"en\", got {_show(value)}")
            cfg.lang = value
        elif key == "fail-on":
            if not isinstance(value, str) or value.lower() not in SEVERITIES:
                raise ConfigError(f"{cfg.where(key)}: expected one of error, warning, info, got {_show(value)}")
            cfg.fail_on = value.lower()
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                raise ConfigError(f"{cfg.where(key)}: expected true or false, got {_show(value)}")
            cfg.respect_gitignore = value
        elif key in families:
            if not isinstance(value, dict):
                raise ConfigError(f"{cfg.where(key)}: expected a table of settings for the {key} rules, got {_show(value)}")
            _check_family_settings(cfg, key, value)
            cfg.settings[key] = dict(value)
        else:
            known = sorted(_KNOWN_KEYS) + sorted(families)
            hint = _close_match(key, known)
            raise ConfigError(f"{cfg.where(key)}: unknown key{hint} (known keys: {', '.join(known)})")
    cfg.exclude = tuple(exclude)
    return cfg


def _close_match(key: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(key, known, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _check_family_settings(cfg: Config, family: str, value: dict) -> None:
    """Check the shape of the settings the built-in families document.

    Other keys are passed to the rules as they are: a plugin family may define its own.
    """
    if "patterns" in value:
        patterns = value["patterns"]
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ConfigError(f"{cfg.where(f'{family}.patterns')}: expected a list of strings, got {_show(patterns)}")
        import regex

        for p in patterns:
            try:
                regex.compile(p)
            except regex.error as exc:
                raise ConfigError(f"{cfg.where(f'{family}.patterns')}: invalid regular expression {p!r}: {exc}") from None
    if "terms" in value:
        terms = value["terms"]
        ok = isinstance(terms, dict) and all(
            isinstance(k, str) and (isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v)))
            for k, v in terms.items()
        )
        if not ok:
            raise ConfigError(f"{cfg.where(f'{family}.terms')}: expected a table of preferred = [variants], got {_show(terms)}")


# A cheap pre-check before parsing TOML: [tool.doclint...] or a bare [tool] table.
_MAY_HAVE_TABLE = re.compile(rb"""['"]?tool['"]?\s*\.\s*['"]?doclint|^\s*\[\s*['"]?tool['"]?\s*\]""", re.M)


def read_config(path: Path, families: Iterable[str] = (), *, required: bool = False) -> Config | None:
    """Read one file; None when it is a pyproject.toml without [tool.doclint]."""
    if path.name == "pyproject.toml" and not required:
        try:
            if not _MAY_HAVE_TABLE.search(path.read_bytes()):  # most pyproject.toml files: no need to parse
                return None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    data = _load_toml(path)
    table = _table(path, data)
    if table is None:
        if required:
            return parse_config({}, path, families)
        return None
    return parse_config(table, path, families)


class ConfigResolver:
    """Finds the configuration for each file, caching the answer per directory."""

    def __init__(self, families: Iterable[str] = (), *, config_file: str | None = None, isolated: bool = False):
        self.families = tuple(families)
        self.isolated = isolated
        self._by_dir: dict[str, Config] = {}
        self._default = Config(root=Path(os.getcwd()))
        self._fixed: Config | None = None
        if config_file:
            path = Path(config_file)
            if not path.is_file():
                raise ConfigError(f"--config {config_file}: no such file")
            self._fixed = read_config(path, self.families, required=True)

    @property
    def default(self) -> Config:
        return self._default

    def for_path(self, path: str | Path) -> Config:
        """The configuration that applies to the file (or directory) at ``path``."""
        if self._fixed is not None:
            return self._fixed
        if self.isolated:
            return self._default
        p = Path(os.path.abspath(path))
        directory = p if p.is_dir() else p.parent
        return self.for_directory(directory)

    def for_directory(self, directory: Path) -> Config:
        if self._fixed is not None:
            return self._fixed
        if self.isolated:
            return self._default
        key = str(directory)
        found = self._by_dir.get(key)
        if found is not None:
            return found
        visited: list[str] = []
        current = directory
        config: Config | None = None
        while True:
            k = str(current)
            if k in self._by_dir:
                config = self._by_dir[k]
                break
            visited.append(k)
            for name in CONFIG_FILES:
                candidate = current / name
                if candidate.is_file():
                    config = read_config(candidate, self.families)
                    if config is not None:
                        break
            if config is not None:
                break
            parent = current.parent
            if parent == current:
                config = self._default
                break
            current = parent
        for k in visited:
            self._by_dir[k] = config
        return config

    def global_config(self, paths: Iterable[str] = ()) -> Config:
        """The configuration for run-wide settings (lang, fail-on): --config, else the
        one found from the working directory, else the one of the first input."""
        if self._fixed is not None or self.isolated:
            return self.for_directory(Path(os.getcwd()))
        cfg = self.for_directory(Path(os.getcwd()))
        if cfg is self._default:
            for p in paths:
                if p != "-":
                    return self.for_path(p)
        return cfg
