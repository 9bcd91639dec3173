"""Validate JUnit XML against tests/report/junit.xsd (lxml, which sacrebleu requires) and check
what a schema cannot say: the counts on each suite match its test cases."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

SCHEMA_PATH = Path(__file__).with_name("junit.xsd")


def junit_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


def assert_valid_junit(text: str) -> etree._Element:
    """Parse, validate against the schema, check the counts; the root element."""
    root = etree.fromstring(text.encode("utf-8"))
    schema = junit_schema()
    assert schema.validate(root), schema.error_log.filter_from_errors()
    for suite in [root, *root.iter("testsuite")]:
        cases = list(suite.iter("testcase"))
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(suite.get("errors")) == sum(1 for c in cases if c.find("error") is not None)
        assert int(suite.get("skipped", "0")) == sum(
            1 for c in cases if c.find("skipped") is not None
        )
    return root
