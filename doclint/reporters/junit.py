"""``--format junit``: JUnit XML, for CI systems that show test reports.

One ``<testsuite>`` per checked file; each finding is a failed ``<testcase>``
named after its code, and a clean file is one passing test case, so a CI
dashboard counts drafts and findings the way it counts tests.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from doclint.reporters import Reporter


class JunitReporter(Reporter):
    def report(self, results: list) -> None:
        checked = [r for r in results if r.error is None]
        total = sum(max(1, len(r.diagnostics)) for r in checked)
        failures = sum(len(r.diagnostics) for r in checked)
        root = ET.Element("testsuites", name="doclint", tests=str(total), failures=str(failures), errors="0")
        for result in checked:
            suite = ET.SubElement(
                root, "testsuite", name=result.path, tests=str(max(1, len(result.diagnostics))),
                failures=str(len(result.diagnostics)), errors="0",
            )
            if not result.diagnostics:
                ET.SubElement(suite, "testcase", name="doclint", classname=result.path)
                continue
            for d in result.diagnostics:
                case = ET.SubElement(suite, "testcase", name=f"{d.code} {d.rule}", classname=result.path,
                                     file=d.path, line=str(d.line))
                failure = ET.SubElement(case, "failure", message=d.text(self.lang), type=str(d.severity))
                failure.text = f"{d.path}:{d.line}:{d.column}: {d.code} {d.text(self.lang)}"
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
