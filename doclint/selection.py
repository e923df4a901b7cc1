"""Which rules run: ``--select``, ``--extend-select`` and ``--ignore``.

A selector names a code (``PH001``), a code prefix (``PH``), a family
(``placeholder``), a rule id (``placeholder.marker``) or ``ALL``. As in ruff,
the most specific selector wins when ``select`` and ``ignore`` disagree:
``--select PH --ignore PH002`` runs every PH rule but PH002, and
``--ignore placeholder --extend-select PH001`` runs PH001 alone of its family.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from doclint.errors import ConfigError
from doclint.rule import Rule


def split_selectors(values: Iterable[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or ():
        out.extend(part.strip() for part in str(value).split(",") if part.strip())
    return out


def specificity(rule: Rule, selector: str) -> int:
    """How precisely ``selector`` names ``rule`` (0: it does not)."""
    sel = selector.strip()
    if sel.upper() == "ALL":
        return 1
    if sel == rule.id or sel.upper() == rule.code.upper():
        return 100
    if sel == rule.family:
        return 12  # as specific as the family's two-letter code prefix
    if rule.code.upper().startswith(sel.upper()) and sel[:1].isalpha():
        return 10 + len(sel)
    return 0


def validate(selectors: Sequence[str], rules: Sequence[Rule], where: str) -> None:
    for sel in selectors:
        if not any(specificity(rule, sel) for rule in rules):
            raise ConfigError(f"{where}: unknown rule selector {sel!r} (see doclint --list-rules)")


def select_rules(
    rules: Sequence[Rule],
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Rule]:
    chosen = []
    for rule in rules:
        if select is None:
            on = 1 if rule.default_enabled else 0
        else:
            on = max((specificity(rule, s) for s in select), default=0)
        on = max([on] + [specificity(rule, s) for s in extend_select])
        off = max((specificity(rule, s) for s in ignore), default=0)
        if on and on > off:
            chosen.append(rule)
    return chosen
