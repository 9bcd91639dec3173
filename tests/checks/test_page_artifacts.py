"""page_artifact: the seed's stray labels and fused token, found reference-free by shape; and
ordinary text (openers with commas, camel-case brands) left alone."""

from __future__ import annotations

from pathlib import Path

from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import run_checks

SEED = Path(__file__).resolve().parents[2] / "evalsuite" / "resources" / "seed_article.txt"


def _found(text: str) -> list[tuple[str, str]]:
    [findings] = run_checks([CheckInput(text, hyp_lang="en")], ["page_artifact"])
    return [(f.evidence["kind"], f.hyp_span.text if f.hyp_span else "") for f in findings]


def test_the_seed_labels_and_fused_token_are_found() -> None:
    found = _found(SEED.read_text(encoding="utf-8"))
    labels = {span for kind, span in found if kind == "stray_label"}
    assert labels == {"video title,", "author,", "stock,", "image source,", "image caption,",
                      "US administration,"}  # fmt: skip
    assert ("fused_token", "PostKiev") in found


def test_ordinary_openers_are_not_labels() -> None:
    text = ("Earlier this month, Mr Blinken met the president.\n\n"
            "But Washington, which supplies arms, resisted.\n\n"
            "In Paris, officials said little.\n\nLast week, Rome agreed.")  # fmt: skip
    assert _found(text) == []


def test_one_lowercase_label_alone_is_not_enough() -> None:
    assert _found("image caption, A bridge in Kyiv.\n\nThe bridge was rebuilt in 2020.") == []


def test_camel_case_brands_are_not_fused_words() -> None:
    assert _found("She posted it on YouTube and PlayStation. The Tube was closed.") == []
