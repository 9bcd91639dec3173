"""The written source-only pairs of benchmarks/source_only_stress.py are well formed: every
language the benchmark reports has faithful pairs, and every swap changes its output."""

from __future__ import annotations

from benchmarks.source_only_stress import cases, read_pairs


def test_every_swap_makes_a_different_output() -> None:
    pairs = read_pairs()
    made = cases(pairs)
    assert {lang for lang, _, _, _ in made} >= {"de", "es", "fr", "pl", "ru", "cs", "it"}
    faithful = {p["source"]: p["output"] for p in pairs}
    for _, kind, inp, _ in made:
        assert inp.source is not None
        assert (inp.hypothesis == faithful[inp.source]) == (kind == "faithful")
        assert kind in ("faithful", "name", "number")
