"""The indexed attribute ruler finds exactly the matches of spaCy's matcher."""

from __future__ import annotations

import pytest

from evalsuite.text.attribute_rules import index_attribute_ruler
from evalsuite.text.nlp import load_pipeline

TEXTS = [
    "I can't  do it, y' know, nothin' doing.\n\nNo.",
    "He 's here n't, and the U.S. Supreme Court's ruling wasn't gonna change it.",
    "Angela Merkel visited Paris on Monday; 300 cars were sold in 2020 - or so they say!",
    "   ",
    "'s",
]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_matches_equal_spacys_matcher(lang: str) -> None:
    nlp = load_pipeline(lang)
    if nlp is None or "attribute_ruler" not in nlp.pipe_names:
        pytest.skip(f"no {lang} pipeline with an attribute ruler installed")
    from spacy.pipeline import AttributeRuler

    ruler = nlp.get_pipe("attribute_ruler")
    assert index_attribute_ruler(nlp)
    assert "match" in vars(ruler), "the pipeline's ruler matches through the index"
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    docs = nlp.pipe(TEXTS, disable=[name for name in nlp.pipe_names if name not in before])
    for doc in docs:
        expected = sorted(set(AttributeRuler.match(ruler, doc)))
        assert ruler.match(doc) == expected
        if lang == "en" and len(doc) > 3:
            assert expected, "the test must exercise some rules"
