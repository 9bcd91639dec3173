"""The default suite's source-only MT set: its shape, and what the checks find in it with the
installed lexicons (skipped where the dictionaries are not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evalsuite.align import load_lexicon
from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import run_checks
from evalsuite.data import load_jsonl

PATH = Path(__file__).resolve().parents[1] / "evalsuite" / "resources" / "source_only_mt.jsonl"
ALIGNMENT_CHECKS = {"detached_output", "omission", "addition"}


@pytest.fixture(scope="module")
def rows():  # type: ignore[no-untyped-def]
    return load_jsonl(PATH, require=("source", "hypothesis", "src_lang", "tgt_lang"))


def test_sources_only_in_at_least_four_languages(rows) -> None:  # type: ignore[no-untyped-def]
    assert all(not r.reference for r in rows)
    assert len({r.src_lang for r in rows}) >= 4
    items: dict[str, list[str]] = {}
    for r in rows:
        items.setdefault(r.meta["item"], []).append(r.meta["fault"])
    assert all(faults.count("none") == 1 and len(faults) >= 4 for faults in items.values())


def test_the_checks_find_what_the_labels_say(rows) -> None:  # type: ignore[no-untyped-def]
    langs = {r.src_lang for r in rows}
    missing = sorted(lang for lang in langs if load_lexicon(lang) is None)
    if missing:
        pytest.skip(f"no installed lexicon for {missing} (python -m evalsuite.align.build)")
    inputs = [CheckInput(r.hypothesis, None, r.source, r.tgt_lang, r.src_lang) for r in rows]
    found = run_checks(inputs, sorted(ALIGNMENT_CHECKS))
    caught = [r for r, f in zip(rows, found, strict=True)
              if set(r.meta["expected_checks"]) & {x.check for x in f}]
    clean_alarms = [r.id for r, f in zip(rows, found, strict=True)
                    if r.meta["fault"] == "none" and f]
    faulty = [r for r in rows if r.meta["fault"] != "none"]
    assert clean_alarms == []
    assert len(caught) >= len(faulty) - 1  # so05's added clause is a known miss (README)
