"""role_reversal against a source in another language (no reference), per language pair, with
the renderings that must not fire: passives, reordering, free wording, idioms, symmetric verbs."""

from __future__ import annotations

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import run_checks
from evalsuite.text.russian_syntax import natasha_available, russian_doc

FIRES = [
    # (source language, source, output language, output)
    ("fr", "La police de Toulouse a arrêté trois hommes dans la nuit.", "en",
     "Three men arrested the Toulouse police during the night."),
    ("fr", "L'Olympique lyonnais a battu l'AS Monaco samedi.", "en",
     "AS Monaco beat Olympique Lyonnais on Saturday."),
    ("fr", "La Banque mondiale a prêté un milliard de dollars à la Banque du Kenya.", "en",
     "The Bank of Kenya lent a billion dollars to the World Bank."),
    ("ru", "Полиция Новосибирска задержала трёх грабителей.", "en",
     "Three robbers detained the Novosibirsk police."),
    ("ru", "Мэр был арестован следователями во вторник.", "en",
     "The mayor arrested investigators on Tuesday."),
    ("en", "Police in Lille arrested two smugglers on Monday.", "fr",
     "Deux passeurs ont arrêté lundi la police de Lille."),
    ("en", "Police in Lille arrested two smugglers on Monday.", "ru",
     "Два контрабандиста задержали полицию Лилля в понедельник."),
]  # fmt: skip

SILENT = [
    ("fr", "La police de Toulouse a interpellé trois cambrioleurs dans la nuit.", "en",
     "Three burglars were arrested by Toulouse police during the night."),  # passive
    ("fr", "Dans la nuit, à Toulouse, la police a interpellé trois cambrioleurs.", "en",
     "Police in Toulouse arrested three burglars overnight."),  # reordered
    ("fr", "Le Stade toulousain a battu le Racing 92 samedi.", "en",
     "Racing 92 lost to Stade Toulousain on Saturday."),  # free: another verb
    ("fr", "Le Stade toulousain a pris le dessus sur le Racing 92 en seconde période.", "en",
     "Stade Toulousain got the upper hand over Racing 92 in the second half."),  # idiom
    ("fr", "Emmanuel Macron a rencontré Olaf Scholz à Berlin.", "en",
     "Olaf Scholz met Emmanuel Macron in Berlin."),  # symmetric
    ("ru", "Грабителей задержала полиция Новосибирска.", "en",
     "Novosibirsk police detained the robbers."),  # object first in the source
    ("ru", "Полиция Новосибирска задержала трёх грабителей.", "en",
     "Three robbers were detained by police in Novosibirsk."),  # passive
    ("ru", "Мэр был арестован следователями во вторник.", "en",
     "Investigators arrested the mayor on Tuesday."),  # instrumental agent
    ("en", "Police in Lille arrested two smugglers on Monday.", "fr",
     "Deux passeurs ont été arrêtés lundi par la police de Lille."),  # passive
    ("en", "Police in Lille arrested two smugglers on Monday.", "ru",
     "Полиция Лилля задержала двух контрабандистов в понедельник."),
    ("en", "Police in Lille arrested two smugglers on Monday.", "ru",
     "Двух контрабандистов задержала в понедельник полиция Лилля."),  # object first
]  # fmt: skip

needs_natasha = pytest.mark.skipif(not natasha_available(), reason="natasha is not installed")


def findings(src_lang: str, source: str, hyp_lang: str, hypothesis: str) -> list[object]:
    inp = CheckInput(hypothesis, None, source, hyp_lang, src_lang)
    return run_checks([inp], ["role_reversal"])[0]


@needs_natasha
@pytest.mark.parametrize(("src_lang", "source", "hyp_lang", "hypothesis"), FIRES)
def test_swapped_roles_are_found(
    src_lang: str, source: str, hyp_lang: str, hypothesis: str
) -> None:
    found = findings(src_lang, source, hyp_lang, hypothesis)
    assert len(found) == 1
    finding = found[0]
    assert finding.severity == "critical"  # type: ignore[attr-defined]
    evidence = finding.evidence  # type: ignore[attr-defined]
    assert evidence["against"] == "source" and evidence["method"] == "cross_lingual"
    assert any(evidence["aligned"][k] for k in ("output agent ~ source patient",
                                                "output patient ~ source agent"))  # fmt: skip
    hyp_span, ref_span = finding.hyp_span, finding.ref_span  # type: ignore[attr-defined]
    assert hypothesis[hyp_span.start : hyp_span.end] == hyp_span.text
    assert source[ref_span.start : ref_span.end] == ref_span.text


@needs_natasha
@pytest.mark.parametrize(("src_lang", "source", "hyp_lang", "hypothesis"), SILENT)
def test_faithful_renderings_stay_silent(
    src_lang: str, source: str, hyp_lang: str, hypothesis: str
) -> None:
    assert findings(src_lang, source, hyp_lang, hypothesis) == []


def test_languages_without_a_parser_are_skipped() -> None:
    found = findings("de", "Die Polizei nahm Diebe fest.", "en", "Thieves arrested police.")
    assert found == []


@needs_natasha
def test_russian_parse_keeps_the_text_and_reads_case() -> None:
    text = "  Грабителей задержала\n\nполиция Новосибирска."
    doc = russian_doc(text)
    assert doc is not None and doc.text == text
    by_text = {t.text: t for t in doc}
    assert by_text["полиция"].dep_ == "nsubj" and by_text["Грабителей"].dep_ == "obj"
    assert "Acc" in by_text["Грабителей"].morph.get("Case", [])
    assert any(t.is_space and "\n\n" in t.text for t in doc)


OBLIQUE_FIRES = [
    # A source verb with an oblique where English has a direct object.
    ("ru", "Наводнение привело к эвакуации города.", "en",
     "The evacuation of the city caused the flood."),  # привести к
    ("fr", "Le président a succédé au général.", "en",
     "The general succeeded the president."),  # succéder à (au: à + le)
]  # fmt: skip

OBLIQUE_SILENT = [
    ("ru", "Наводнение привело к эвакуации города.", "en",
     "The flood forced the evacuation of the city."),
    ("ru", "Забастовка шахтёров привела к отставке правительства.", "en",
     "The miners' strike led to the resignation of the government."),
    ("fr", "Le président a succédé au général.", "en", "The president succeeded the general."),
]  # fmt: skip


@needs_natasha
@pytest.mark.parametrize(("src_lang", "source", "hyp_lang", "hypothesis"), OBLIQUE_FIRES)
def test_an_oblique_is_compared_with_a_direct_object(
    src_lang: str, source: str, hyp_lang: str, hypothesis: str
) -> None:
    assert len(findings(src_lang, source, hyp_lang, hypothesis)) == 1


@needs_natasha
@pytest.mark.parametrize(("src_lang", "source", "hyp_lang", "hypothesis"), OBLIQUE_SILENT)
def test_an_oblique_rendered_faithfully_stays_silent(
    src_lang: str, source: str, hyp_lang: str, hypothesis: str
) -> None:
    assert findings(src_lang, source, hyp_lang, hypothesis) == []


def test_a_word_governing_subject_and_object_is_read_as_a_verb() -> None:
    """The small French tagger's "pratiquaient" tagged ADV: read as a verb, on a copy."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from evalsuite.checks.source_roles import _verbs_read

    words = ["Les", "paysans", "cultivaient", "le", "blé"]
    doc = Doc(Vocab(), words=words, heads=[1, 2, 2, 4, 2],
              deps=["det", "nsubj", "ROOT", "det", "obj"],
              pos=["DET", "NOUN", "ADV", "DET", "NOUN"])  # fmt: skip
    read = _verbs_read(doc, "fr")
    assert read[2].pos_ == "VERB" and doc[2].pos_ == "ADV"
    assert _verbs_read(doc, "en") is doc
