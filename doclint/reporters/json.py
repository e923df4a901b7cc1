"""``--format json``: one JSON array of findings, the documented contract."""
from __future__ import annotations

import json
from json.encoder import encode_basestring

from doclint.diagnostic import Diagnostic
from doclint.reporters import Reporter

#: Findings joined into one string per write: bounded memory on huge runs, few writes.
CHUNK = 2048


def _edits(edits) -> str:
    return ", ".join(
        f'{{"start": {e.start}, "end": {e.end}, "text": {encode_basestring(e.text)}}}' for e in edits
    )


def encode(d: Diagnostic, lang: str, cache: dict) -> str:
    """``json.dumps(d.as_dict(lang), ensure_ascii=False)``, built directly.

    The text is the one ``json.dumps`` writes (same key order and separators,
    same string escaping); anything unusual (a Diagnostic subclass, a
    non-int position, an odd fix) goes through ``json.dumps`` itself.
    ``cache`` holds what findings share: the opening of the object for a
    (path, rule, code, severity), and encoded messages.
    """
    try:
        return _encode(d, lang, cache)
    except (TypeError, AttributeError):  # a field of an unexpected type: let json say
        return json.dumps(d.as_dict(lang), ensure_ascii=False)


def _encode(d: Diagnostic, lang: str, cache: dict) -> str:
    line, column, end_line, end_column = d.line, d.column, d.end_line, d.end_column
    if type(d) is not Diagnostic or not (
        type(line) is int and type(column) is int and type(end_line) is int and type(end_column) is int
    ):
        return json.dumps(d.as_dict(lang), ensure_ascii=False)
    key = (d.path, d.rule, d.code, d.severity)
    head = cache.get(key)
    if head is None:
        path, rule, code, sev = key
        if type(path) is not str or type(rule) is not str or type(code) is not str:
            return json.dumps(d.as_dict(lang), ensure_ascii=False)
        head = cache[key] = (
            f'{{"path": {encode_basestring(path)}, "rule": {encode_basestring(rule)}, '
            f'"code": {encode_basestring(code)}, "severity": {encode_basestring(str(sev))}, "line": '
        )
    suggestion = d.suggestion
    fix = d.fix
    if fix is None:
        fix_text = "null"
    else:
        edits = fix.edits
        if type(fix.applicability) is not str or not all(
            type(e.start) is int and type(e.end) is int and type(e.text) is str for e in edits
        ):
            return json.dumps(d.as_dict(lang), ensure_ascii=False)
        fix_text = f'{{"applicability": {encode_basestring(fix.applicability)}, "edits": [{_edits(edits)}]}}'
    if suggestion is None:
        suggestion_text = "null"
    elif type(suggestion) is str:
        suggestion_text = encode_basestring(suggestion)
    else:
        return json.dumps(d.as_dict(lang), ensure_ascii=False)
    text = d.text(lang)
    message = cache.get(text)
    if message is None:
        message = cache[text] = encode_basestring(text)
    return (
        f'{head}{line}, "column": {column}, "end_line": {end_line}, "end_column": {end_column}, '
        f'"message": {message}, "suggestion": {suggestion_text}, "fix": {fix_text}}}'
    )


class JsonReporter(Reporter):
    def report(self, results: list) -> None:
        # Strings built directly and written in chunks: json.dump(indent=...) runs in
        # pure Python with a write per token, and one string of the whole array
        # would hold the output several times over in memory on big runs.
        lang = self.lang
        cache: dict = {}
        write = self.stream.write
        chunk: list[str] = []
        started = False
        for r in results:
            for d in r.diagnostics:
                chunk.append(encode(d, lang, cache))
                if len(chunk) >= CHUNK:
                    write((",\n" if started else "[\n") + ",\n".join(chunk))
                    started = True
                    chunk.clear()
        if chunk:
            write((",\n" if started else "[\n") + ",\n".join(chunk))
            started = True
        write("\n]\n" if started else "[]\n")
