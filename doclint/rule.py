"""The base class every rule derives from, built-in or third-party.

A rule is a small class: ``code``, ``name``, ``family``, ``severity``, and a
``check(document)`` generator of Diagnostics. Its docstring is what
``doclint --explain CODE`` prints, so it says what the rule finds, why it
matters, and shows a bad and a good line.
"""
from __future__ import annotations

import inspect
from typing import ClassVar, Iterable

from doclint.diagnostic import Diagnostic, Fix, Severity
from doclint.document import Document


class Rule:
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    family: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    #: "safe", "unsafe" or None: the strongest fix the rule may offer.
    fixable: ClassVar[str | None] = None
    #: Rules off by default are run only when selected explicitly.
    default_enabled: ClassVar[bool] = True

    @property
    def id(self) -> str:
        return f"{self.family}.{self.name}"

    @classmethod
    def explain(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "").strip()

    @classmethod
    def summary(cls) -> str:
        doc = cls.explain()
        return doc.splitlines()[0] if doc else ""

    def check(self, document: Document) -> Iterable[Diagnostic]:  # pragma: no cover - interface
        raise NotImplementedError

    def diagnostic(
        self,
        start: int,
        end: int,
        zh: str,
        en: str | None = None,
        *,
        suggestion: str | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
        **data,
    ) -> Diagnostic:
        """Build a Diagnostic of this rule over ``text[start:end]``."""
        message = {"zh": zh}
        if en:
            message["en"] = en
        return Diagnostic(
            rule=self.id,
            code=self.code,
            severity=severity or self.severity,
            start=start,
            end=end,
            message=message,
            suggestion=suggestion,
            fix=fix,
            data=data,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code} {self.id}>"
