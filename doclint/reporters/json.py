"""``--format json``: one JSON array of findings, the documented contract."""
from __future__ import annotations

import json

from doclint.reporters import Reporter


class JsonReporter(Reporter):
    def report(self, results: list) -> None:
        items = [d.as_dict(self.lang) for r in results for d in r.diagnostics]
        json.dump(items, self.stream, ensure_ascii=False, indent=1)
        self.stream.write("\n")
