"""``--format full``: findings grouped by file, with the source line, the span
marked, the suggestion, and a summary. Colour only on a terminal (rich decides,
and honours ``NO_COLOR``); piped, the same layout in plain text."""
from __future__ import annotations

from collections import Counter

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from doclint.diagnostic import Severity
from doclint.reporters import Reporter, ui

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold blue"}
CONTEXT_CELLS = 36  # cells of context kept on each side of the span
_VISIBLE = {" ": "·", "\u3000": "□", "\t": "→", "\u00a0": "⍽"}


def _visible(ch: str) -> str:
    """Show characters a reader cannot see when they are what is reported."""
    if ch in _VISIBLE:
        return _VISIBLE[ch]
    if ch in "\u200b\u200c\u200d\u2060\ufeff\u00ad" or ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0:
        return f"<U+{ord(ch):04X}>"
    return ch


def snippet(line_text: str, start: int, end: int) -> tuple[str, str, str]:
    """Cut a long line around [start, end) so it fits without wrapping.

    Returns (before, span, after) in display form.
    """
    line_text = line_text.replace("\t", " ")
    before, span, after = line_text[:start], line_text[start:end], line_text[end:]
    span = "".join(_visible(c) for c in span) if span else ""
    if cell_len(before) > CONTEXT_CELLS:
        while cell_len(before) > CONTEXT_CELLS - 1:
            before = before[1:]
        before = "…" + before
    if cell_len(after) > CONTEXT_CELLS:
        while cell_len(after) > CONTEXT_CELLS - 1:
            after = after[:-1]
        after = after + "…"
    if cell_len(span) > 2 * CONTEXT_CELLS:
        while cell_len(span) > 2 * CONTEXT_CELLS - 1:
            span = span[:-1]
        span += "…"
    return before, span, after


class FullReporter(Reporter):
    def _console(self) -> Console:
        color = getattr(self.options, "color", "auto")
        kwargs = {}
        if color == "always":
            kwargs["force_terminal"] = True
        elif color == "never":
            kwargs["no_color"] = True
            kwargs["force_terminal"] = False
        return Console(file=self.stream, highlight=False, markup=False, emoji=False, soft_wrap=True, **kwargs)

    def report(self, results: list) -> None:
        console = self._console()
        quiet = getattr(self.options, "quiet", False)
        for result in results:
            if not result.diagnostics:
                continue
            console.print(Text(result.path, style="bold underline"))
            for d in result.diagnostics:
                self._finding(console, result.document, d)
            console.print()
        if not quiet:
            self._summary(console, results)

    def _finding(self, console: Console, document, d) -> None:
        lang = self.lang
        head = Text()
        head.append(f"{d.path}:{d.line}:{d.column}", style="bold")
        head.append(": ")
        head.append(d.code, style=STYLE[d.severity])
        head.append(f" [{d.severity}] ", style=STYLE[d.severity].replace("bold ", ""))
        head.append(d.text(lang))
        head.append(f"  ({d.rule})", style="dim")
        console.print(head)
        if document is None:
            return
        line = document.line(d.line)
        end = d.end_column - 1 if d.end_line == d.line else len(line.text)
        before, span, after = snippet(line.text, d.column - 1, end)
        gutter = f"{d.line:>5} │ "
        where = document.location(d.line)
        if where:
            console.print(Text(f"{'':>5} │ [{where}]", style="dim"))
        src = Text(gutter, style="dim")
        src.append(before)
        src.append(span, style="bold red underline")
        src.append(after)
        console.print(src)
        marks = Text(f"{'':>5} │ ", style="dim")
        marks.append(" " * cell_len(before))
        marks.append("^" * max(1, cell_len(span)), style=STYLE[d.severity])
        console.print(marks)
        if d.suggestion is not None:
            tip = Text(f"{'':>5} = ", style="dim")
            tip.append(ui(lang, "suggestion"), style="bold green")
            tip.append(d.suggestion or ui(lang, "delete"))
            console.print(tip)

    def _summary(self, console: Console, results: list) -> None:
        lang = self.lang
        diags = [d for r in results for d in r.diagnostics]
        checked = sum(1 for r in results if r.error is None)
        if not diags:
            if checked:  # with nothing read, the errors on standard error say it all
                console.print(Text(ui(lang, "clean", files=checked), style="bold green"))
            return
        counts: Counter = Counter((d.family, d.severity) for d in diags)
        families = sorted({d.family for d in diags})
        table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
        table.add_column(ui(lang, "family"))
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            table.add_column(str(sev), justify="right", style=STYLE[sev].replace("bold ", ""))
        table.add_column(ui(lang, "total"), justify="right", style="bold")
        for fam in families:
            row = [counts[(fam, s)] for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
            table.add_row(fam, *(str(n) if n else "·" for n in row), str(sum(row)))
        totals = [sum(counts[(f, s)] for f in families) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
        table.add_row(ui(lang, "total"), *(str(n) for n in totals), str(sum(totals)), style="bold")
        console.print(table)
        files_with = sum(1 for r in results if r.diagnostics)
        line = Text(ui(lang, "findings", n=len(diags), files=files_with), style="bold")
        fixable = sum(1 for d in diags if d.fix is not None and d.fix.is_safe)
        if fixable:
            line.append(ui(lang, "separator") + ui(lang, "fixable", n=fixable))
        console.print(line)
        self._placeholder_progress(console, results)

    def _placeholder_progress(self, console: Console, results: list) -> None:
        """How many template marks each file still has, so a writer sees it converge."""
        lang = self.lang
        rows = [(r.path, sum(1 for d in r.diagnostics if d.family == "placeholder")) for r in results if r.error is None and r.document is not None]
        if not any(n for _, n in rows):
            return
        console.print(Text(ui(lang, "placeholders"), style="bold"))
        for path, n in rows:
            key = "placeholders_line" if n else "placeholders_done"
            console.print(Text("  " + ui(lang, key, path=path, n=n), style="yellow" if n else "green"))
