"""The accuracy benchmark's own pieces: it must import, and its counting rules are tested."""

from __future__ import annotations

import pytest

from benchmarks import checks_accuracy, evaldata


@pytest.mark.parametrize(
    ("summary", "others", "new"),
    [
        ("Neil Warnock was disappointed.", ("Warnock said so.",), True),  # a first name
        ("Warnock was disappointed.", ("Warnock said so.",), False),  # sentence start only
        ("It cost £20m.", ("It cost £20m, he said.",), False),
        ("It cost £30m.", ("It cost £20m.", "A deal was done."), True),  # a number
        ("The deal, Warnock said, was done.", ("warnock said the deal was done",), False),
    ],
)
def test_new_name_or_number(summary: str, others: tuple[str, ...], new: bool) -> None:
    assert evaldata.new_name_or_number(summary, others) is new


def test_roc_auc_counts_ties_half() -> None:
    assert checks_accuracy.roc_auc([2.0, 3.0], [1.0, 0.0]) == 1.0
    assert checks_accuracy.roc_auc([1.0], [1.0]) == 0.5
    assert checks_accuracy.roc_auc([], [1.0]) is None


def test_every_target_has_a_goal() -> None:
    for target in checks_accuracy.TARGETS.values():
        assert 0.0 <= target.false_alarm <= target.recall <= 1.0
        assert "recall >=" in target.goal
