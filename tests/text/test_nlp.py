"""Pipelines, entities from spaCy (en, fr) and from the rules (de, es, ru, others)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from evalsuite.text import nlp
from evalsuite.text.language_codes import LanguageCodeError
from evalsuite.text.nlp import (
    Entity,
    dominant_script,
    extract_entities,
    fallback_entities,
    load_pipeline,
    model_versions,
    normalize_lang,
    parse_texts,
)
from tests.fixtures.fresh_process import in_fresh_process


def _texts(entities: list[Entity]) -> list[str]:
    return [e.text for e in entities]


def _check_offsets(text: str, entities: list[Entity]) -> None:
    for ent in entities:
        assert text[ent.start : ent.end] == ent.text


def test_pipelines_are_cached_and_versioned() -> None:
    en = load_pipeline("en")
    assert en is not None and load_pipeline("en-GB") is en
    assert load_pipeline("fr") is not None
    assert load_pipeline("de") is None  # no German model installable here
    versions = model_versions()
    assert any(name.startswith("en_core_web") for name in versions)
    assert "fr_core_news_sm" in versions
    assert all(version.count(".") == 2 for version in versions.values())


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [("en-US", "", "en"), ("FR_ca", "", "fr"), ("deu", "", "de"), ("german", "", "de"),
     (None, "Привет мир", "ru"), (None, "Hello world", "en"), (None, "你好世界", "xx")],
)  # fmt: skip
def test_normalize_lang(lang: str | None, text: str, expected: str) -> None:
    assert normalize_lang(lang, text) == expected


def test_dominant_script() -> None:
    assert dominant_script("Путин said") == "cyrillic"
    assert dominant_script("123 !!") == "none"


def test_english_entities_drop_numbers_and_articles() -> None:
    text = "Apple paid $5 million to 300 people in the United States' capital on Monday."
    [ents] = extract_entities([text], ["en"])
    _check_offsets(text, ents)
    assert "Apple" in _texts(ents)
    assert "United States" in _texts(ents)  # no "the", no possessive
    assert not any(e.label in {"MONEY", "CARDINAL", "DATE"} for e in ents)
    assert next(e for e in ents if e.text == "Apple").kind == "org"


def test_french_entities_have_coarse_kinds() -> None:
    text = "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin le 3 mai 2024."
    [ents] = extract_entities([text], ["fr"])
    _check_offsets(text, ents)
    kinds = {e.text: e.kind for e in ents}
    assert kinds["Emmanuel Macron"] == "person"
    assert kinds["Berlin"] == "place"


def test_batches_mixed_languages_in_input_order() -> None:
    texts = [
        "Angela Merkel visited Paris.",
        "Angela Merkel a visité Paris.",
        "Angela Merkel besuchte Paris.",
    ]
    result = extract_entities(texts, ["en", "fr", "de"])
    assert len(result) == 3
    for text, ents in zip(texts, result, strict=True):
        _check_offsets(text, ents)
        assert any("Merkel" in e.text for e in ents)


def test_parse_texts_parses_each_distinct_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    en = load_pipeline("en")
    assert en is not None
    calls: list[int] = []
    original = en.pipe

    def counting_pipe(texts: list[str], **settings: object) -> object:
        calls.append(len(list(texts)))
        assert settings == {"batch_size": nlp.PIPE_BATCH_SIZE}
        return original(texts, **settings)

    monkeypatch.setattr(en, "pipe", counting_pipe)
    parsed = parse_texts(["Kyiv.", "Kyiv.", "Paris."], ["en", "en", "en"])
    assert calls == [2]
    assert parsed[0] is parsed[1]
    assert parsed[0].doc is not None


def test_parse_without_nlp_uses_rules_only() -> None:
    [parsed] = parse_texts(["NATO met in Vilnius."], ["en"], with_nlp=False)
    assert parsed.doc is None
    assert "NATO" in _texts(list(parsed.entities))


@pytest.mark.parametrize(
    ("text", "lang", "present", "absent"),
    [
        (
            "Der Bundeskanzler Olaf Scholz traf am Montag den NATO-Generalsekretär in Berlin. "
            "Die Regierung sagte, Ursula von der Leyen sei in Kiew.",
            "de",
            ["Bundeskanzler Olaf Scholz", "NATO", "Ursula von der Leyen"],
            ["Der Bundeskanzler Olaf Scholz", "Die Regierung", "Regierung", "Montag den NATO"],
        ),
        (
            "El presidente Joe Biden viajó a Madrid con Antony Blinken. La OTAN y el Reino Unido.",
            "es",
            ["Joe Biden", "Madrid", "Antony Blinken", "OTAN", "Reino Unido"],
            ["El", "La OTAN", "La"],
        ),
        (
            "В Москве Владимир Путин встретился с Антони Блинкеном. Компания Google и ATACMS.",
            "ru",
            ["Антони Блинкеном", "ATACMS", "Компания Google"],
            ["В", "Компания"],
        ),
        ("北京时间 Apple 发布 iPhone 和 NATO", "zh", ["Apple", "NATO"], []),
        # an acronym's plural or apostrophe-less genitive holds the acronym
        ("Then the UEFAs ruling and two NGOs came.", "en", ["UEFA", "NGO"], ["Then"]),
    ],
)
def test_fallback_entities(text: str, lang: str, present: list[str], absent: list[str]) -> None:
    ents = list(fallback_entities(text, lang))
    _check_offsets(text, ents)
    found = _texts(ents)
    for name in present:
        assert name in found
    for name in absent:
        assert name not in found
    assert {e.label for e in ents} <= {"MISC", "ACRONYM"}


def test_fallback_skips_sentence_initial_words_and_shouting() -> None:
    assert _texts(list(fallback_entities("Hoy llueve en Madrid.", "es"))) == ["Madrid"]
    assert fallback_entities("BREAKING NEWS FROM THE CAPITAL TONIGHT AGAIN", "es") == ()


def test_unknown_language_gets_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(nlp._PIPELINES, "sv", None)
    [ents] = extract_entities(["Statsminister Ulf Kristersson besökte Bryssel och EU."], ["sv"])
    assert "Ulf Kristersson" in " ".join(_texts(ents))
    assert "EU" in _texts(ents)


def test_coordinated_names_tagged_as_one_entity_are_split() -> None:
    text = "Besides Windows and Mac OS, the suite runs on Linux. Procter & Gamble agreed."
    [entities] = extract_entities([text], ["en"])
    names = _texts(entities)
    assert "Windows" in names and "Mac OS" in names
    assert not any(" and " in name for name in names)
    assert not {"Procter", "Gamble"} <= set(names)  # "&" joins one company's name
    _check_offsets(text, entities)


def test_an_entity_across_a_bracket_is_two_names() -> None:
    from spacy.tokens import Span

    text = "South Africa beat the All Blacks (New Zealand) in Rustenburg."
    pipeline = load_pipeline("en")
    assert pipeline is not None
    doc = pipeline(text)
    start = next(t.i for t in doc if t.text == "All")
    end = next(t.i for t in doc if t.text == "Zealand") + 1
    doc.ents = [Span(doc, start, end, label="ORG")]  # as the small model tags it in context
    entities = list(nlp.doc_entities(doc))
    assert _texts(entities) == ["All Blacks", "New Zealand"]
    _check_offsets(text, entities)


def test_an_entity_across_a_comma_is_two_names() -> None:
    from spacy.tokens import Span

    text = "At Temple, Adjunct Professor Barry Vacker teaches the course."
    pipeline = load_pipeline("en")
    assert pipeline is not None
    doc = pipeline(text)
    start = next(t.i for t in doc if t.text == "Temple")
    doc.ents = [Span(doc, start, start + 3, label="ORG")]  # as the small model tags it
    entities = list(nlp.doc_entities(doc))
    assert _texts(entities) == ["Temple", "Adjunct"]
    _check_offsets(text, entities)


def test_an_entity_across_a_spaced_dash_is_two_names_but_a_hyphen_joins() -> None:
    from spacy.tokens import Span

    text = "Tatra Valley - Slovakia's pride - and Guinea-Bissau were named."
    pipeline = load_pipeline("en")
    assert pipeline is not None
    doc = pipeline(text)
    start = next(t.i for t in doc if t.text == "Tatra")
    guinea = next(t.i for t in doc if t.text == "Guinea")
    doc.ents = [Span(doc, start, start + 4, label="GPE"),  # "Tatra Valley - Slovakia"
                Span(doc, guinea, guinea + 3, label="GPE")]  # fmt: skip
    entities = list(nlp.doc_entities(doc))
    assert _texts(entities) == ["Tatra Valley", "Slovakia", "Guinea-Bissau"]
    _check_offsets(text, entities)
    doc.ents = [Span(doc, start, start + 4, label="WORK_OF_ART")]  # a title keeps its dash
    assert _texts(list(nlp.doc_entities(doc))) == ["Tatra Valley - Slovakia"]


def test_a_missing_model_is_skipped_without_trying_to_load_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(name: str) -> None:
        raise AssertionError(f"tried to load {name}")

    import spacy

    monkeypatch.setattr(spacy, "load", refuse)
    assert nlp._load_first(["xx_no_such_model_here"]) is None


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_blank_line_starts_a_sentence(lang: str) -> None:
    """A headline without a full stop must not run into the body's first sentence."""
    text = {
        "en": "Biden to allow Russia to attack Ukraine\n\nThe US president agreed on Monday.",
        "fr": "Macron rencontre Scholz à Paris\n\nLe président a reçu le chancelier lundi.",
    }[lang]
    (parsed,) = nlp.parse_texts([text], [lang])
    assert parsed.doc is not None
    starts = [sent[0].text for sent in parsed.doc.sents]
    assert starts[:2] == [text.split()[0], text.split("\n\n")[1].split()[0]]


def test_a_single_newline_does_not_force_a_sentence() -> None:
    (parsed,) = nlp.parse_texts(["The minister, who spoke\nat length, left."], ["en"])
    assert parsed.doc is not None
    assert len(list(parsed.doc.sents)) == 1


@pytest.mark.parametrize("code", ["pwnpkg.x", "this.x", "os.path"])
def test_a_language_code_never_chooses_a_module_to_import(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A package in the working directory, named by the data, must not be imported (S1)."""
    package = tmp_path / "pwnpkg"
    package.mkdir()
    (package / "__init__.py").write_text("raise SystemExit('pwned')\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(LanguageCodeError):
        load_pipeline(code)
    with pytest.raises(LanguageCodeError):
        parse_texts(["Hello there."], [code])
    assert "pwnpkg" not in sys.modules and "this" not in sys.modules


def test_pipelines_come_from_a_fixed_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """A well-formed code with no known pipeline looks nothing up: no name is built from it."""
    looked_up: list[str] = []
    monkeypatch.setattr(nlp.importlib.util, "find_spec", lambda name: looked_up.append(name))
    assert load_pipeline("pwnpkg") is None
    assert looked_up == []
    assert all(
        name.startswith(f"{lang}_") or (lang == "no" and name.startswith("nb_"))
        for lang, names in nlp.SPACY_PIPELINES.items()
        for name in names
    )


def test_text_pieces_join_back_and_end_at_breaks() -> None:
    text = "First paragraph here.\n\nSecond one, longer than the others.\nA line.\n\nLast."
    pieces = nlp.text_pieces(text, limit=30)
    assert "".join(pieces) == text and all(len(p) <= 30 for p in pieces)
    assert pieces[0] == "First paragraph here.\n\n"
    assert "".join(nlp.text_pieces("x" * 95, limit=30)) == "x" * 95  # no break: cut anyway


def test_a_text_longer_than_spacy_allows_is_parsed_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """spaCy refuses texts over nlp.max_length (E088); such a document is split, not fatal."""
    en = load_pipeline("en")
    assert en is not None
    paragraph = "Angela Merkel met Emmanuel Macron in Paris on Monday.\n\n"
    text = paragraph * 40
    monkeypatch.setattr(en, "max_length", 1_000)
    monkeypatch.setattr(nlp, "PIECE_CHARS", 500)
    (parsed,) = parse_texts([text], ["en"])
    assert parsed.doc is not None and parsed.doc.text == text
    merkel = [e for e in parsed.entities if e.text == "Angela Merkel"]
    assert len(merkel) == 40
    assert all(text[e.start : e.end] == e.text for e in parsed.entities)


@pytest.mark.parametrize("workers", ["2", "3"])
def test_pieces_parsed_on_every_core_equal_the_one_process_parse(
    monkeypatch: pytest.MonkeyPatch, workers: str, request: pytest.FixtureRequest
) -> None:
    if not in_fresh_process(request):
        return
    sentences = [
        "Angela Merkel met Emmanuel Macron in Paris on Monday.",
        "The company did not sell 300 cars in 2020, officials said.",
        "Police arrested the protester near the station.",
    ]
    text = " ".join(sentences[i % 3] for i in range(30))
    monkeypatch.setattr(nlp, "PIECE_CHARS", 400)

    def parse(workers: str) -> list[tuple[object, ...]]:
        monkeypatch.setenv("EVALSUITE_CHECK_WORKERS", workers)
        nlp.clear_parse_cache()
        (parsed,) = parse_texts([text], ["en"])
        assert parsed.doc is not None and parsed.doc.text == text
        return [
            (t.idx, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_,
             str(t.morph), t.is_sent_start)
            for t in parsed.doc
        ] + [tuple(parsed.entities)]  # fmt: skip

    assert len(nlp.text_pieces(text, 400)) > int(workers)
    assert parse(workers) == parse("1")
