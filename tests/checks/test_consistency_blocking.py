"""inconsistent_entity compares only names that share a variant key: the findings are those of
comparing every pair of names, on documents full of respellings."""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

import pytest

from evalsuite.checks import consistency
from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import parse_segments

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "text"))
from test_variant_keys import _names  # noqa: E402

RESOURCES = Path(__file__).resolve().parents[2] / "evalsuite" / "resources"


def _all_pairs(names: list[str]) -> list[tuple[int, int]]:
    return list(itertools.combinations(range(len(names)), 2))


def _document(seed: int) -> str:
    rng = random.Random(seed)
    names = _names()
    verbs = ["met", "called", "visited", "criticised", "thanked"]
    return " ".join(
        f"{rng.choice(names)} {rng.choice(verbs)} {rng.choice(names)} on Monday." for _ in range(50)
    )


@pytest.mark.parametrize(
    "text",
    [_document(1), _document(2), (RESOURCES / "seed_article.txt").read_text(encoding="utf-8")],
    ids=["names-1", "names-2", "seed-article"],
)
def test_blocked_findings_equal_all_pairs(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    [segment] = parse_segments([CheckInput(text, hyp_lang="en")])
    blocked = consistency.inconsistent_entity(segment)
    monkeypatch.setattr(consistency, "_candidate_pairs", _all_pairs)
    every_pair = consistency.inconsistent_entity(segment)
    assert [f.to_dict() for f in blocked] == [f.to_dict() for f in every_pair]
    assert len(blocked) >= (1 if "Zelensk" in text else 3)


def test_candidates_are_far_fewer_than_all_pairs() -> None:
    rng = random.Random(3)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    names = [
        " ".join("".join(rng.choices(syllables, k=3)).title() for _ in range(2)) for _ in range(400)
    ]
    assert len(consistency._candidate_pairs(names)) < len(_all_pairs(names)) // 20
