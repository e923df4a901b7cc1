"""``--format json``: one JSON array of findings, the documented contract."""
from __future__ import annotations

import json

from doclint.reporters import Reporter


class JsonReporter(Reporter):
    def report(self, results: list) -> None:
        # One dumps per finding and one write: json.dump(indent=...) runs in pure
        # Python with a write per token, several times slower on big runs.
        items = [json.dumps(d.as_dict(self.lang), ensure_ascii=False) for r in results for d in r.diagnostics]
        self.stream.write("[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n")
