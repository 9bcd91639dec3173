"""negation_flip: fires on a flipped clause in each supported language, stays quiet on
negatives said another way ("never" / "not ... ever", "ne ... jamais" / "ne ... pas")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from evalsuite.checks.api import CheckInput
from evalsuite.checks.base import Finding
from evalsuite.checks.runner import run_checks
from evalsuite.text.negation_cues import polarity_known

RESOURCES = Path(__file__).resolve().parents[2] / "evalsuite" / "resources"


def _run(**fields: Any) -> list[Finding]:
    [findings] = run_checks([CheckInput(**fields)], ["negation_flip"])
    return findings


# (hypothesis, reference, language, fires)
SAME_LANGUAGE = [
    ("The council did not approve the plan on Monday.",
     "The council approved the plan on Monday.", "en", True),
    ("The council approved the plan on Monday.",
     "The council didn't approve the plan on Monday.", "en", True),
    ("Nobody was injured in the fire at the factory.",
     "Several workers were injured in the fire at the factory.", "en", True),
    ("He never visited the old factory again.",
     "He did not ever visit the old factory again.", "en", False),
    ("She no longer works for the bank in London.",
     "She does not work for the bank in London anymore.", "en", False),
    ("Not only did prices rise, wages fell sharply.",
     "Prices rose, and wages fell sharply.", "en", False),
    ("The minister refused to sign the trade deal.",
     "The minister did not agree to sign the trade deal.", "en", False),
    ("The outcome of the vote remains unclear.",
     "The outcome of the vote is not clear.", "en", False),
    # A lexical negative said with a WordNet synonym on the other side: the cue decides.
    ("The board did not reject the merger with the rival bank.",
     "The board refused the merger with the rival bank.", "en", True),
    ("The board declined the merger with the rival bank.",
     "The board refused the merger with the rival bank.", "en", False),
    # A lexical negative both sentences hold, in clauses the parser cut differently.
    ("The final was dull, with the home side not scoring twice against Leeds.",
     "The final was dull, with the home side scoring twice against Leeds.", "en", True),
    # "a few" is some, not hardly any.
    ("A few weeks later, the bridge was not reopened to traffic.",
     "Several weeks later, the bridge was reopened to traffic.", "en", True),
    # A hyphenated affix is the same word as the joined one; against "no longer" it is
    # a lexical paraphrase.
    ("Marchers said they were not acting peacefully and nonviolently in the square.",
     "Marchers said they were acting peacefully and non-violently in the square.", "en", True),
    ("The patients who had diabetes are no longer diabetic, the doctor said.",
     "The patients who had diabetes are non-diabetic now, the doctor said.", "en", False),
    # A denied comparison is a negation; "no more than" a number is a limit.
    ("The ministry must publish the report by Friday at noon.",
     "The ministry must publish the report no later than Friday at noon.", "en", False),
    ("Crossing the river there is more difficult than it looks.",
     "Crossing the river there is no more difficult than it looks.", "en", True),
    ("At most five people were hurt in the crash on the motorway.",
     "No more than five people were hurt in the crash on the motorway.", "en", False),
    # As many negative clauses on each side, two of them exchanged.
    ("The river is deep here, and the children cannot swim across it safely.",
     "The river is not deep here, and the children can swim across it safely.", "en", True),
    # The negation moved to a complement clause (negative raising), or to a clause the
    # parser cut off from the negated one: the same claim.
    ("He said he believes the talks will not fail.",
     "He said he does not believe the talks will fail.", "en", False),
    ("The minister expects prices not to rise this year.",
     "The minister does not expect prices to rise this year.", "en", False),
    ("In the snow, grip is poor, so you can't brake as well as on a dry road.",
     "In the snow, grip is poor and you cannot brake as if you were on a dry road.", "en",
     False),
    ("Le gouvernement ne relèvera pas l'âge de départ à la retraite.",
     "Le gouvernement relèvera l'âge de départ à la retraite.", "fr", True),
    ("Le gouvernement relèvera l'âge de départ à la retraite.",
     "Le gouvernement ne relèvera pas l'âge de départ à la retraite.", "fr", True),
    ("Il ne viendra jamais à Paris pour le sommet.",
     "Il ne viendra pas à Paris pour le sommet.", "fr", False),
    ("Il n'a que trois enfants et une maison.",
     "Il a seulement trois enfants et une maison.", "fr", False),
    ("Die Regierung wird die Steuern nicht erhöhen.",
     "Die Regierung wird die Steuern erhöhen.", "de", True),
    ("Er hat keine Zeit für das Treffen in Berlin.",
     "Er hat nie Zeit für das Treffen in Berlin.", "de", False),
    ("El gobierno no aceptó la propuesta de Washington.",
     "El gobierno aceptó la propuesta de Washington.", "es", True),
    ("Nunca visitó la ciudad de Madrid.", "No visitó jamás la ciudad de Madrid.", "es", False),
    ("Москва не намерена возобновлять зерновую сделку.",
     "Москва намерена возобновлять зерновую сделку.", "ru", True),
    ("Он никогда не был в Париже.", "Он ни разу не был в Париже.", "ru", False),
    ("Уряд не підтримав новий закон про мову.",
     "Уряд підтримав новий закон про мову.", "uk", True),
    ("Il governo non ha approvato la legge sul clima.",
     "Il governo ha approvato la legge sul clima.", "it", True),
    ("O governo não aprovou a lei do clima.", "O governo aprovou a lei do clima.", "pt", True),
]  # fmt: skip


@pytest.mark.parametrize(("hyp", "ref", "lang", "fires"), SAME_LANGUAGE)
def test_same_language(hyp: str, ref: str, lang: str, fires: bool) -> None:
    findings = _run(hypothesis=hyp, reference=ref, hyp_lang=lang)
    assert bool(findings) is fires, [f.evidence for f in findings]


def test_evidence_names_the_cue_and_both_clauses() -> None:
    [finding] = _run(
        hypothesis="The mayor said the bridge will not reopen, and the road stays closed.",
        reference="The mayor said the bridge will reopen, and the road stays closed.",
        hyp_lang="en",
    )
    ev = finding.evidence
    assert finding.severity == "critical"
    assert ev["against"] == "reference" and ev["cue"] == "not"
    assert "reopen" in ev["hyp_clause"] and "road" not in ev["hyp_clause"]
    assert "reopen" in ev["ref_clause"]
    assert (ev["hyp_polarity"], ev["ref_polarity"]) == ("negative", "positive")
    assert finding.hyp_span is not None and "not" in finding.hyp_span.text


# (hypothesis, source, source language, fires)
CROSS_LINGUAL = [
    ("The government will not raise taxes next year.",
     "Die Regierung wird die Steuern im nächsten Jahr erhöhen.", "de", True),
    ("The government will not raise taxes next year.",
     "Die Regierung wird die Steuern im nächsten Jahr nicht erhöhen.", "de", False),
    ("Russia's team will take part in the 2026 championship.",
     "Сборная России не примет участия в чемпионате 2026 года.", "ru", True),
    ("The prefecture did not authorise the demonstration.",
     "La préfecture n'a pas autorisé la manifestation.", "fr", False),
    ("Il n'a que trois enfants.", "He only has three children.", "en", False),
]  # fmt: skip


@pytest.mark.parametrize(("hyp", "src", "src_lang", "fires"), CROSS_LINGUAL)
def test_cross_lingual(hyp: str, src: str, src_lang: str, fires: bool) -> None:
    hyp_lang = "fr" if src_lang == "en" else "en"
    findings = _run(hypothesis=hyp, source=src, hyp_lang=hyp_lang, src_lang=src_lang)
    assert bool(findings) is fires, [f.evidence for f in findings]


def test_cross_lingual_aligns_sentences_by_length_and_numbers() -> None:
    """One source sentence translated as two: the flip is in the pair that answers to it."""
    findings = _run(
        hypothesis="The government will not raise taxes in 2025. It said so on Monday.",
        source="Die Regierung wird die Steuern 2025 erhöhen, sagte sie am Montag. "
        "Die Opposition protestierte sofort gegen den Plan.",
        hyp_lang="en",
        src_lang="de",
    )
    assert len(findings) == 1
    assert "2025" in findings[0].evidence["ref_clause"]


# (hypothesis in English, source, source language, fires): per language, a flip either way
# and translations that must stay silent (free but faithful, idioms, litotes, reordering,
# double negatives, negative concord, rhetorical questions, lexical negatives).
SOURCE_ONLY = [
    # Chinese
    ("The government did not approve the new budget.", "政府批准了新的预算。", "zh", True),
    ("The government approved the new budget.", "政府没有批准新的预算。", "zh", True),
    ("The government did not approve the new budget.", "政府没有批准新的预算。", "zh", False),
    ("He kept working hard every day.", "他每天不断努力工作。", "zh", False),  # 不断
    ("Many people came to the meeting.", "不少人来参加会议。", "zh", False),  # 不少
    ("We had to leave the city.", "我们不得不离开这座城市。", "zh", False),  # double negative
    ("Prices rose and wages also fell.", "不仅价格上涨，工资也下降了。", "zh", False),  # not only
    ("He has been unable to relieve the pain.", "他一直无法缓解疼痛。", "zh", False),
    ("The minister refused to sign the agreement.", "部长没有同意签署协议。", "zh", False),
    ("Isn't this a problem?", "难道这不是问题吗？", "zh", False),
    ("Moscow is the capital of Russia.", "莫斯科是俄罗斯的首都。", "zh", False),
    # Japanese
    ("He came to the station yesterday.", "彼は昨日駅に来なかった。", "ja", True),
    ("He did not come to the station yesterday.", "彼は昨日駅に来た。", "ja", True),
    ("He did not come to the station yesterday.", "彼は昨日駅に来ませんでした。", "ja", False),
    ("It may rain tomorrow.", "明日は雨が降るかもしれない。", "ja", False),
    ("We must submit the report today.", "今日報告書を提出しなければならない。", "ja", False),
    ("That movie was boring.", "その映画はつまらなかった。", "ja", False),
    ("Only he came to the party.", "パーティーには彼しか来なかった。", "ja", False),
    ("There is no doubt that he won.", "彼が勝ったのは間違いない。", "ja", False),
    ("Despite the rain, the match was held.", "雨にもかかわらず、試合は行われた。", "ja", False),
    # Czech (ne- verbs need the hunspell-cs dictionary; pronouns and 'není' do not)
    ("Nobody came to the meeting.", "Nikdo nepřišel na schůzi.", "cs", False),  # concord
    ("Everybody came to the meeting.", "Nikdo nepřišel na schůzi.", "cs", True),
    ("The bridge is not open today.", "Most je dnes otevřený.", "cs", True),
    ("The bridge is open today.", "Most dnes není otevřený.", "cs", True),
    ("The situation is dangerous for the residents.", "Situace je pro obyvatele nebezpečná.",
     "cs", False),  # nebezpečný: a word of its own
    ("He came home on Sunday or Monday.", "Přišel domů v neděli nebo v pondělí.", "cs", False),
    # Polish
    ("The government did not accept the proposal.", "Rząd przyjął propozycję.", "pl", True),
    ("The government accepted the proposal.", "Rząd nie przyjął propozycji.", "pl", True),
    ("Nobody said anything at the meeting.", "Nikt nic nie powiedział na spotkaniu.", "pl",
     False),  # concord
    ("Not only the prices rose.", "Nie tylko ceny wzrosły.", "pl", False),
    # Hindi
    ("He did not come to Delhi in 2020.", "वह 2020 में दिल्ली आया।", "hi", True),
    ("He came to Delhi in 2020.", "वह 2020 में दिल्ली नहीं आया।", "hi", True),
    ("He did not come to Delhi in 2020.", "वह 2020 में दिल्ली नहीं आया।", "hi", False),
    # Russian, Spanish, French, German, Italian: concord, idioms, expletive ne
    ("Nobody was injured in the fire.", "Никто не пострадал при пожаре.", "ru", False),
    ("Nobody came to the party.", "No vino nadie a la fiesta.", "es", False),
    ("Severe weather can occur anywhere in the world.",
     "Le mauvais temps peut se produire n'importe où dans le monde.", "fr", False),
    ("I had to get used to the track very little.",
     "Ich musste mich wenig an die Strecke gewöhnen.", "de", False),
    ("Swimming back is no more difficult than usual.",
     "Plavání zpět není obtížnější než obvykle.", "cs", False),
    ("The result is not impossible.", "Il risultato non è impossibile.", "it", False),
]  # fmt: skip


@pytest.mark.parametrize(("hyp", "src", "src_lang", "fires"), SOURCE_ONLY)
def test_source_only_per_language(hyp: str, src: str, src_lang: str, fires: bool) -> None:
    if src_lang == "cs" and "ne" in src.casefold() and not polarity_known("cs"):
        pytest.skip("hunspell-cs is not installed")
    findings = _run(hypothesis=hyp, source=src, hyp_lang="en", src_lang=src_lang)
    assert bool(findings) is fires, [f.evidence for f in findings]


# WMT21's direction: an English source, output in another language.
ENGLISH_SOURCE = [
    ("Die Regierung hat den Plan nicht genehmigt.", "The government approved the plan.", "de",
     True),
    ("Vláda plán neschválila.", "The government approved the plan.", "cs", True),
    ("Vláda plán schválila.", "The government approved the plan.", "cs", False),
    ("政府没有批准这个计划。", "The government approved the plan.", "zh", True),
    ("政府 批准 了 这个 计划 。", "The government did not approve the plan.", "zh", True),
    ("政府は計画を承認しなかった。", "The government approved the plan.", "ja", True),
    ("政府 は 計画 を 承認 し ま せ ん でし た 。", "The government did not approve the plan.",
     "ja", False),  # spaced as some MT corpora ship it
    ("何か 役立 つ か も しれ ま せ ん 。", "Maybe you can help.", "ja", False),
    ("あなた は それ が 好き です ね 。", "You like it, don't you?", "ja", False),  # tag question
]  # fmt: skip


@pytest.mark.parametrize(("hyp", "src", "hyp_lang", "fires"), ENGLISH_SOURCE)
def test_english_source(hyp: str, src: str, hyp_lang: str, fires: bool) -> None:
    if hyp_lang == "cs" and not polarity_known("cs"):
        pytest.skip("hunspell-cs is not installed")
    findings = _run(hypothesis=hyp, source=src, hyp_lang=hyp_lang, src_lang="en")
    assert bool(findings) is fires, [f.evidence for f in findings]


def test_source_only_evidence_has_both_sides() -> None:
    [finding] = _run(
        hypothesis="The government did not approve the new budget.",
        source="政府批准了新的预算。",
        hyp_lang="en",
        src_lang="zh",
    )
    ev = finding.evidence
    assert ev["against"] == "source" and ev["cue"] == "not"
    assert (ev["hyp_polarity"], ev["ref_polarity"]) == ("negative", "positive")
    assert ev["hyp_cues"] == ["not"] and ev["src_cues"] == []
    assert finding.ref_span is not None and finding.ref_span.text == "政府批准了新的预算。"
    assert finding.hyp_span is not None and "not" in finding.hyp_span.text


def test_both_negative_but_one_more_clause() -> None:
    """A negation added to a sentence that already had one: counted by clause."""
    [finding] = _run(
        hypothesis="The mayor did not say that the bridge would not reopen in May.",
        source="Der Bürgermeister sagte, dass die Brücke im Mai nicht wieder öffnet.",
        hyp_lang="en",
        src_lang="de",
    )
    assert finding.severity == "major"
    assert finding.evidence["hyp_negated_clauses"] == "2"


def test_summary_against_its_article() -> None:
    article = (
        "The city council voted on Monday to approve the new stadium. The mayor said the "
        "project would not raise local taxes. Construction starts in spring."
    )
    flipped = "The council approved a new stadium; the mayor said it would raise local taxes."
    kept = "The council approved a new stadium; the mayor said it would not raise local taxes."
    assert _run(hypothesis=flipped, source=article, hyp_lang="en", task="summary")
    assert not _run(hypothesis=kept, source=article, hyp_lang="en", task="summary")


def test_seed_article_against_itself_is_clean() -> None:
    article = (RESOURCES / "seed_article.txt").read_text(encoding="utf-8")
    assert _run(hypothesis=article, reference=article, hyp_lang="en") == []


def test_needs_a_reference_or_source() -> None:
    assert _run(hypothesis="The council did not approve the plan.") == []


def test_mt_faults_resource() -> None:
    rows = [
        json.loads(line)
        for line in (RESOURCES / "mt_faults.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    chosen = [r for r in rows if r["meta"]["fault"] in ("negation_flipped", "none")]
    inputs = [
        CheckInput(r["hypothesis"], r["reference"], r["source"], r["tgt_lang"], r["src_lang"])
        for r in chosen
    ]
    results = run_checks(inputs, ["negation_flip"])
    for row, findings in zip(chosen, results, strict=True):
        assert bool(findings) is (row["meta"]["fault"] == "negation_flipped"), row["id"]
