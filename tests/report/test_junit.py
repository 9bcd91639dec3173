"""JUnit XML writer: schema-valid, escaped, counted, and usable by any report."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from evalsuite.report.junit import JUnitCase, junit_xml, write_junit
from tests.report.junit_schema import assert_valid_junit, junit_schema

CASES = [
    JUnitCase("news/lead-3", "chrf drop <= 1.00 (p < 0.05)"),
    JUnitCase(
        "news/lead-3", "bleu drop <= 1.00 (p < 0.05)",
        failure="FAIL news/lead-3 bleu: 42.30 -> 40.50 (-1.80, p=0.019 < 0.05) drop beyond 1.00",
        output="rule: default policy",
    ),
    JUnitCase("mt/none", "ter <= 50.00", skipped="no baseline run"),
]


def test_document_validates_and_counts_per_suite() -> None:
    root = assert_valid_junit(junit_xml(CASES, "evalsuite gate"))
    assert root.get("name") == "evalsuite gate"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("3", "1", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["news/lead-3", "mt/none"]
    assert [s.get("tests") for s in suites] == ["2", "1"]
    failure = suites[0].findall("testcase")[1].find("failure")
    assert failure is not None
    assert failure.get("message") == CASES[1].failure
    assert suites[0].findall("testcase")[1].findtext("system-out") == "rule: default policy"
    assert suites[1].find("testcase/skipped").get("message") == "no baseline run"


def test_markup_and_control_characters_survive_as_valid_xml() -> None:
    nasty = 'a <b> & "c" \x00\x07 end'
    text = junit_xml([JUnitCase("s&<>", nasty, failure=f"{nasty}\nsecond line")], "x")
    root = assert_valid_junit(text)
    case = root.find("testsuite/testcase")
    assert case.get("name") == 'a <b> & "c" \ufffd\ufffd end'
    failure = case.find("failure")
    assert failure.get("message") == 'a <b> & "c" \ufffd\ufffd end'  # the first line only
    assert failure.text.endswith("second line")


def test_schema_rejects_what_ci_servers_cannot_read() -> None:
    schema = junit_schema()
    no_name = etree.fromstring(
        b'<testsuites><testsuite name="s" tests="1" failures="0" errors="0">'
        b'<testcase classname="s"/></testsuite></testsuites>'
    )
    two_verdicts = etree.fromstring(
        b'<testsuites><testsuite name="s" tests="1" failures="1" errors="0">'
        b'<testcase name="t" classname="s"><failure/><skipped/></testcase>'
        b"</testsuite></testsuites>"
    )
    negative = etree.fromstring(
        b'<testsuites><testsuite name="s" tests="-1" failures="0" errors="0"/></testsuites>'
    )
    for document in (no_name, two_verdicts, negative):
        assert not schema.validate(document)


def test_empty_case_list_is_a_valid_document() -> None:
    root = assert_valid_junit(junit_xml([], "nothing"))
    assert root.get("tests") == "0" and root.findall("testsuite") == []


def test_write_junit_writes_the_document(tmp_path: Path) -> None:
    target = tmp_path / "out" / "junit.xml"
    write_junit(target, CASES, "evalsuite gate")
    assert target.read_text(encoding="utf-8") == junit_xml(CASES, "evalsuite gate")
    assert [p.name for p in target.parent.iterdir()] == ["junit.xml"]  # no temporary left
