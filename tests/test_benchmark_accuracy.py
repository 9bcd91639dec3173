"""The accuracy benchmark's own pieces: it must import, and its counting rules are tested."""

from __future__ import annotations

import json
from pathlib import Path

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


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def test_source_only_rows_join_the_accuracy_tables(tmp_path: Path) -> None:
    """checks_accuracy prints issue 12's rows through the source-only evaluator."""
    item = {"item_id": 7, "src_lang": "german", "source": "Die Regierung hat am Montag neue "
            "Maßnahmen gegen die Inflation angekündigt.", "reference": "unused",
            "mt": "The government announced new measures against inflation on Monday."}
    unrelated = {"item_id": 7, "src_lang": "german", "perturbation": "base_id33_shuffle_trans",
                 "mt_perturbed": "Heavy rain caused floods in the north of the country."}
    _write_jsonl(tmp_path / "demetr" / "demetr_base_dev.jsonl", [item])
    _write_jsonl(tmp_path / "demetr" / "demetr_pairs_dev.jsonl", [unrelated])
    _write_jsonl(tmp_path / "wmt21_critical_errors" / "ced_dev.jsonl", [
        {"lp": "en-de", "source": "The vote was held on Monday.", "label": "NOT",
         "mt": "Die Abstimmung fand am Montag statt."},
    ])  # fmt: skip
    rows = checks_accuracy.source_only_rows(tmp_path, None, None)
    by_key = {(row["set"], row["lang"], row["phenomenon"]): row for row in rows}
    detached = by_key[("DEMETR", "de->en", "unrelated translation")]
    assert (detached["n"], detached["recall"], detached["false_alarm"]) == (1, 1.0, 0.0)
    assert by_key[("WMT21", "en->de", "critical error")]["false_alarm"] is not None
    table = checks_accuracy.render(rows, False, checks_accuracy.SOURCE_ONLY_COLUMNS, left=4)
    assert "unrelated translation" in table and "en->de" in table


def test_only_keeps_the_sets_whose_name_holds_the_text() -> None:
    inp = checks_accuracy.CheckInput("A.", "B.", None, "en", "en")
    cases = [evaldata.Case(name, inp, True, frozenset({"entity_missing"}))
             for name in ("FIB entity swap", "DEMETR entity removed")]  # fmt: skip
    assert [c.phenomenon for c in checks_accuracy._only(cases, "fib")] == ["FIB entity swap"]
    assert checks_accuracy._only(cases, "HANS") == []
