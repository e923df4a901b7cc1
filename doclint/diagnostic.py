"""What a rule reports: a Diagnostic, with an optional Fix made of Edits.

Positions are kept as code-point offsets into the document's text; the engine
resolves them to 1-based line/column pairs once, so rules never count lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that ``--fail-on warning`` means "warning or worse"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (code-point offsets)."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


SAFE = "safe"
UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits applied together; ``safe`` ones run with ``--fix``."""

    applicability: str
    edits: tuple[Edit, ...]

    @classmethod
    def replace(cls, start: int, end: int, text: str, applicability: str = SAFE) -> "Fix":
        return cls(applicability, (Edit(start, end, text),))

    @property
    def is_safe(self) -> bool:
        return self.applicability == SAFE

    def as_dict(self) -> dict:
        return {"applicability": self.applicability, "edits": [e.as_dict() for e in self.edits]}


@dataclass(slots=True)
class Diagnostic:
    """One finding. ``message`` holds the text per language (``zh``, ``en``)."""

    rule: str  # "family.name"
    code: str
    severity: Severity
    start: int
    end: int
    message: dict[str, str]
    suggestion: str | None = None
    fix: Fix | None = None
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    data: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def family(self) -> str:
        return self.rule.split(".", 1)[0]

    def text(self, lang: str = "zh") -> str:
        return self.message.get(lang) or self.message.get("zh") or next(iter(self.message.values()), "")

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.code)

    def as_dict(self, lang: str = "zh") -> dict:
        """The JSON contract: see DESIGN.md, "Contract: JSON output"."""
        return {
            "path": self.path,
            "rule": self.rule,
            "code": self.code,
            "severity": str(self.severity),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.text(lang),
            "suggestion": self.suggestion,
            "fix": self.fix.as_dict() if self.fix else None,
        }
