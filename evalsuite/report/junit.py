"""JUnit XML, the one test-report format every CI server reads (Jenkins, GitLab, GitHub apps).

The layout is the common Surefire/Jenkins one: `<testsuites>` holding one `<testsuite>` per
suite name, each holding `<testcase>`s with an optional `<failure>` or `<skipped>` and
`<system-out>`. Anything evalsuite wants to show as pass/fail (gate rules, report rows) turns
into `JUnitCase`s and goes through `junit_xml`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evalsuite.io import atomic_write_text

# XML 1.0 forbids most control characters even when escaped; findings quote arbitrary text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class JUnitCase:
    """One test case: `failure` (a one-line reason) makes it fail, `skipped` skips it."""

    suite: str
    name: str
    failure: str | None = None
    output: str = ""
    skipped: str | None = None


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def _counts(cases: Sequence[JUnitCase]) -> dict[str, str]:
    failures = sum(1 for c in cases if c.failure is not None)
    skipped = sum(1 for c in cases if c.failure is None and c.skipped is not None)
    return {
        "tests": str(len(cases)),
        "failures": str(failures),
        "errors": "0",
        "skipped": str(skipped),
        "time": "0",
    }


def junit_element(cases: Sequence[JUnitCase], name: str) -> ET.Element:
    """The `<testsuites>` element: suites in order of first appearance, cases in given order."""
    root = ET.Element("testsuites", {"name": _clean(name), **_counts(cases)})
    suites: dict[str, list[JUnitCase]] = {}
    for case in cases:
        suites.setdefault(case.suite, []).append(case)
    for suite_name, suite_cases in suites.items():
        suite = ET.SubElement(
            root, "testsuite", {"name": _clean(suite_name), **_counts(suite_cases)}
        )
        for case in suite_cases:
            element = ET.SubElement(
                suite, "testcase",
                {"name": _clean(case.name), "classname": _clean(case.suite), "time": "0"},
            )
            if case.failure is not None:
                failure = ET.SubElement(
                    element, "failure",
                    {"message": _clean(_first_line(case.failure)), "type": "failure"},
                )
                failure.text = _clean(case.failure)
            elif case.skipped is not None:
                ET.SubElement(element, "skipped", {"message": _clean(case.skipped)})
            if case.output:
                ET.SubElement(element, "system-out").text = _clean(case.output)
    return root


def junit_xml(cases: Sequence[JUnitCase], name: str) -> str:
    """A complete JUnit XML document (UTF-8 declaration, indented)."""
    root = junit_element(cases, name)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def write_junit(path: str | Path, cases: Sequence[JUnitCase], name: str) -> None:
    """Write the document atomically: a CI server never reads half a report."""
    atomic_write_text(path, junit_xml(cases, name))
