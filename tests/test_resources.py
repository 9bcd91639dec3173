"""The corpus that ships inside the package: its contract, checked record by record."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from importlib.resources import as_file, files
from pathlib import Path

import pytest

from evalsuite.data import Example, load_jsonl

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_SEED = REPO_ROOT.parent / "shared" / "seed" / "article.txt"

EXPECTED_CHECKS = {
    "none": [],
    "entity_dropped": ["entity_missing"],
    "entity_misspelled": ["entity_variant"],
    "entity_replaced": ["entity_missing", "entity_unsupported"],
    "number_changed": ["number_mismatch"],
    "negation_flipped": ["negation_flip"],
    "role_swapped": ["role_reversal"],
    "sentence_appended": ["injected_content"],
}
FAULTS = sorted(set(EXPECTED_CHECKS) - {"none"})
NEWS_LANGS = ("en", "fr", "es", "de", "ru")


def resource(name: str):
    return files("evalsuite") / "resources" / name


def load(name: str, require: tuple[str, ...]) -> list[Example]:
    with as_file(resource(name)) as path:
        return load_jsonl(path, require=require)


@pytest.fixture(scope="module")
def news() -> list[Example]:
    return load("news_summaries.jsonl", ("source", "reference", "src_lang", "tgt_lang"))


@pytest.fixture(scope="module")
def mt() -> list[Example]:
    return load("mt_faults.jsonl", ("source", "reference", "hypothesis", "src_lang", "tgt_lang"))


@pytest.fixture(scope="module")
def mt_items(mt: list[Example]) -> dict[str, list[Example]]:
    items: dict[str, list[Example]] = defaultdict(list)
    for ex in mt:
        items[ex.meta["item"]].append(ex)
    return items


# --- seed article -----------------------------------------------------------------------


def test_seed_article_ships_and_keeps_its_faults():
    text = resource("seed_article.txt").read_text(encoding="utf-8")
    assert text.startswith("Pressure on Biden to allow Russia to attack Ukraine")
    for marker in ("Zelenskiy", "Kiev", "Good pictures", "See also", "Leave a Reply"):
        assert marker in text


@pytest.mark.skipif(not SHARED_SEED.is_file(), reason="shared seed article not present")
def test_seed_article_is_a_byte_copy_of_the_shared_seed():
    assert resource("seed_article.txt").read_bytes() == SHARED_SEED.read_bytes()


# --- news summaries ---------------------------------------------------------------------


def test_news_counts_and_languages(news):
    langs = Counter(ex.src_lang for ex in news)
    assert len(news) >= 10
    assert len(langs) >= 4
    for lang in NEWS_LANGS:
        assert langs[lang] >= 2, lang


def test_news_records_are_well_formed(news):
    for ex in news:
        assert ex.id == f"news-{ex.src_lang}-{ex.id[-2:]}"
        assert ex.src_lang == ex.tgt_lang
        assert len(ex.reference) == 1 and ex.reference[0].strip()
        assert ex.hypothesis is None
        title, _, body = ex.source.partition("\n\n")
        assert title == ex.meta["title"]
        paragraphs = body.split("\n\n")
        assert len(paragraphs) >= 3, ex.id
        assert all(p.strip() for p in paragraphs), ex.id
        assert ex.meta["topic"]
        assert ex.meta["salient_entities"]
        assert re.search(r"\d", body), f"{ex.id}: article has no numbers"


def test_news_reference_is_shorter_and_not_a_copied_sentence(news):
    for ex in news:
        ref = ex.reference[0]
        assert len(ref) < len(ex.source) / 2, ex.id
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", ref) if len(s.strip()) > 40]
        for sentence in sentences:
            assert sentence not in ex.source, f"{ex.id}: reference copies {sentence!r}"


def test_news_lead_sentence_is_not_the_reference(news):
    for ex in news:
        body = ex.source.partition("\n\n")[2]
        lead = re.split(r"(?<=[.!?])\s+", body, maxsplit=1)[0]
        assert lead not in ex.reference[0], ex.id


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_news_salient_entities_occur_verbatim(news, lang):
    # German and Russian entities are listed in their dictionary form, which inflects.
    for ex in news:
        if ex.src_lang != lang:
            continue
        for entity in ex.meta["salient_entities"]:
            assert entity in ex.source, f"{ex.id}: {entity!r}"


def test_news_scripts_and_diacritics(news):
    by_lang = defaultdict(str)
    for ex in news:
        by_lang[ex.src_lang] += ex.source
    assert re.search(r"[А-Яа-яЁё]{20}", by_lang["ru"].replace(" ", ""))
    assert "é" in by_lang["fr"]
    assert "ñ" in by_lang["es"] or "í" in by_lang["es"]
    assert "ß" in by_lang["de"] and "ü" in by_lang["de"]


# --- MT faults --------------------------------------------------------------------------


def test_mt_item_count_and_directions(mt_items):
    assert len(mt_items) >= 32
    assert all(re.fullmatch(r"mt\d{2,}", item) for item in mt_items)
    directions = Counter((exs[0].src_lang, exs[0].tgt_lang) for exs in mt_items.values())
    into_english = {src: n for (src, tgt), n in directions.items() if tgt == "en"}
    assert sum(into_english.values()) >= 24
    for src in ("de", "fr", "es", "ru"):
        assert into_english.get(src, 0) >= 5, src
    assert directions[("en", "fr")] >= 8


def test_mt_items_share_source_reference_and_languages(mt_items):
    for item, exs in mt_items.items():
        assert len({(ex.source, ex.reference, ex.src_lang, ex.tgt_lang) for ex in exs}) == 1, item
        assert len(exs[0].reference) == 1


def test_every_item_has_exactly_one_clean_candidate_and_some_faults(mt_items):
    for item, exs in mt_items.items():
        labels = [ex.meta["fault"] for ex in exs]
        assert labels.count("none") == 1, item
        assert 2 <= len(labels) - 1 <= 3, item
        assert len(set(labels)) == len(labels), f"{item}: repeated label"


def test_fault_labels_and_counts(mt):
    counts = Counter(ex.meta["fault"] for ex in mt)
    assert set(counts) <= set(EXPECTED_CHECKS)
    for fault in FAULTS:
        assert counts[fault] >= 8, fault


def test_expected_checks_follow_the_label(mt):
    for ex in mt:
        assert ex.meta["expected_checks"] == EXPECTED_CHECKS[ex.meta["fault"]], ex.id
        assert isinstance(ex.meta["fault_detail"], str) and ex.meta["fault_detail"], ex.id


def test_ids_follow_item_and_label(mt):
    for ex in mt:
        fault = ex.meta["fault"]
        suffix = "paraphrase" if fault == "none" else fault
        assert ex.id == f"{ex.meta['item']}-{suffix}"


def test_every_candidate_differs_from_the_reference(mt):
    for ex in mt:
        assert ex.hypothesis.strip() != ex.reference[0].strip(), ex.id


def test_faulty_candidates_stay_close_to_the_reference(mt):
    sacrebleu = pytest.importorskip("sacrebleu")
    chrf = sacrebleu.metrics.CHRF()
    for ex in mt:
        if ex.meta["fault"] == "none":
            continue
        score = chrf.sentence_score(ex.hypothesis, list(ex.reference)).score
        assert score > 60, f"{ex.id}: chrF {score:.1f}"


def test_sources_are_in_their_language(mt):
    for ex in mt:
        if ex.src_lang == "ru":
            assert re.search(r"[А-Яа-яЁё]", ex.source), ex.id
            assert not re.search(r"[А-Яа-яЁё]", ex.hypothesis), ex.id
        else:
            assert not re.search(r"[А-Яа-яЁё]", ex.source), ex.id


def test_ids_unique_across_both_files(news, mt):
    ids = [ex.id for ex in news] + [ex.id for ex in mt]
    assert len(ids) == len(set(ids))
