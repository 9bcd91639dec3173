"""Sentence splitter: hand-made cases per language, paragraph rules, and the seed article."""

from __future__ import annotations

import importlib.resources

import pytest

from evalsuite.text.sentences import _last_token, split_sentences

CASES = [
    # English: titles, initials, decimals, dotted acronyms, quotes.
    (
        "en",
        "Mr. Smith met Dr. Jones at 3.5 p.m. on St. Patrick's Day. J. K. Rowling was there.",
        ["Mr. Smith met Dr. Jones at 3.5 p.m. on St. Patrick's Day.", "J. K. Rowling was there."],
    ),
    (
        "en",
        "The U.S. official spoke, e.g. about taxes. Mrs. Brown left! Did she? Yes.",
        ["The U.S. official spoke, e.g. about taxes.", "Mrs. Brown left!", "Did she?", "Yes."],
    ),
    (
        "en",
        '"Stop!" he cried. "Do they want a war?" she asked. See No. 5 for details.',
        ['"Stop!" he cried.', '"Do they want a war?" she asked.', "See No. 5 for details."],
    ),
    (
        "en",
        '"I don\'t know… Maybe tomorrow," she said. He waited... Then he left.',
        ['"I don\'t know… Maybe tomorrow," she said.', "He waited...", "Then he left."],
    ),
    (
        "en",
        "It rose 4.5% in 2023. (Prices fell.) [Note] ok.",
        ["It rose 4.5% in 2023.", "(Prices fell.)", "[Note] ok."],
    ),
    # French: M., Mme., decimal comma, guillemets with spaced punctuation.
    (
        "fr",
        "M. Dupont et Mme. Durand sont arrivés. « Quelle belle journée ! » dit-il. "
        "Il fait 3,5 degrés.",
        [
            "M. Dupont et Mme. Durand sont arrivés.",
            "« Quelle belle journée ! » dit-il.",
            "Il fait 3,5 degrés.",
        ],
    ),
    (
        "fr",
        "Le président, cf. la note, a parlé. Était-ce utile ? Oui.",
        ["Le président, cf. la note, a parlé.", "Était-ce utile ?", "Oui."],
    ),
    # Spanish: inverted openers, Sr./Sra., EE. UU.
    (
        "es",
        "¿Dónde está el Sr. García? ¡No lo sé! La Sra. López vive en EE. UU. desde 2010.",
        ["¿Dónde está el Sr. García?", "¡No lo sé!", "La Sra. López vive en EE. UU. desde 2010."],
    ),
    # German: z.B., bzw., Nr., ordinals before months, street abbreviations.
    (
        "de",
        "Das ist z.B. gut bzw. besser. Am 3. Oktober 1990 war es soweit. Siehe Nr. 7. "
        "Er wohnt in der Hauptstr. 5. Danke.",
        [
            "Das ist z.B. gut bzw. besser.",
            "Am 3. Oktober 1990 war es soweit.",
            "Siehe Nr. 7.",
            "Er wohnt in der Hauptstr. 5.",
            "Danke.",
        ],
    ),
    (
        "de",
        "Er sagte: „Komm.“ Dann ging er. Dr. Müller kam um 9 Uhr.",
        ["Er sagte: „Komm.“", "Dann ging er.", "Dr. Müller kam um 9 Uhr."],
    ),
    # Russian: г., т.е., initials, «» quotes and dialogue dashes.
    (
        "ru",
        "В 2020 г. Москва изменилась. А. С. Пушкин родился в Москве, т.е. в столице. "
        "«Вы куда?» — спросил он. Я не знаю.",
        [
            "В 2020 г. Москва изменилась.",
            "А. С. Пушкин родился в Москве, т.е. в столице.",
            "«Вы куда?» — спросил он.",
            "Я не знаю.",
        ],
    ),
    (
        "ru",
        "Он сказал: «Я думал… Нет, не знаю». Курс вырос до 3,5 рубля. Конец!",
        ["Он сказал: «Я думал… Нет, не знаю».", "Курс вырос до 3,5 рубля.", "Конец!"],
    ),
    # Fallbacks: CJK full stops need no space; Hindi danda.
    (
        "zh",
        "今天天气很好。我们去公园吧！你来吗？好的。",
        ["今天天气很好。", "我们去公园吧！", "你来吗？", "好的。"],
    ),
    ("ja", "「はい。」と彼は言った。終わり。", ["「はい。」と彼は言った。", "終わり。"]),
    ("zh", "“你好。”“再见。”他走了。", ["“你好。”", "“再见。”", "他走了。"]),
    ("hi", "यह एक वाक्य है। यह दूसरा वाक्य है।", ["यह एक वाक्य है।", "यह दूसरा वाक्य है।"]),
    (
        None,
        "Mr. Smith arrived. Dann kam Dr. Müller.",
        ["Mr. Smith arrived.", "Dann kam Dr. Müller."],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_split_cases(lang: str | None, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_lowercase_after_period_does_not_split() -> None:
    assert split_sentences("It costs approx. ten dollars. fine", "en") == [
        "It costs approx. ten dollars. fine"
    ]


def test_paragraphs_headlines_and_wrapped_lines() -> None:
    text = (
        "Headline without a period\n"
        "By Jane Doe, Reporter\n\n"
        "First sentence of the story. Second sentence is\n"
        "wrapped onto a new line.\n"
        "  \n"
        "  Last paragraph.  "
    )
    assert split_sentences(text, "en") == [
        "Headline without a period",
        "By Jane Doe, Reporter",
        "First sentence of the story.",
        "Second sentence is wrapped onto a new line.",
        "Last paragraph.",
    ]


def test_windows_newlines_and_empty_input() -> None:
    assert split_sentences("One.\r\n\r\nTwo.", "en") == ["One.", "Two."]
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\n \t", None) == []


def test_language_codes_with_regions() -> None:
    assert split_sentences("Sra. López llegó. Bien.", "es-MX") == ["Sra. López llegó.", "Bien."]


def _seed_article() -> str:
    resource = importlib.resources.files("evalsuite") / "resources" / "seed_article.txt"
    if not resource.is_file():
        pytest.skip("seed article resource not present")
    return resource.read_text(encoding="utf-8")


def test_seed_article() -> None:
    sentences = split_sentences(_seed_article(), "en")
    assert sentences[0] == "Pressure on Biden to allow Russia to attack Ukraine with US weapons"
    assert "• author, Laura Gozzi and Tom Bateman" in sentences
    # "U.S." must not end a sentence; a quoted question stays whole.
    assert any(s.startswith("The report cited an unnamed U.S. official") for s in sentences)
    assert "“Do they want a global conflict?”" in sentences
    assert "Earlier this month, Mr Blinken met President Zelensky in Kiev." in sentences
    assert sentences[-1] == "Required fields are marked *"
    assert all(s == s.strip() and s for s in sentences)
    assert 40 <= len(sentences) <= 50


def test_sentence_spans_point_back_into_the_text() -> None:
    from evalsuite.text.sentences import sentence_spans

    text = "Mr. Smith left.  He came back!\n\nThe end."
    spans = sentence_spans(text, "en")
    assert [s for _, _, s in spans] == ["Mr. Smith left.", "He came back!", "The end."]
    assert all(text[start:end] == sent for start, end, sent in spans)


def test_last_token_reads_past_its_first_window() -> None:
    """The abbreviation test reads the word before a full stop from a growing window, not a
    copy of the whole text before it (which made long documents quadratic)."""
    long_word = "x" * 300
    assert _last_token(f"a {long_word}", 302) == long_word
    assert _last_token(long_word, 300) == long_word
    assert _last_token("see Dr" + " " * 200, 206) == "Dr"
    assert _last_token("   ", 3) == ""
    assert _last_token("one two", 7) == "two"


def test_abbreviations_hold_deep_in_a_long_document() -> None:
    text = "It rained all day. " * 5000 + "Mr. Smith left. He came back."
    sentences = split_sentences(text, "en")
    assert sentences[-2:] == ["Mr. Smith left.", "He came back."]
    assert len(sentences) == 5002


def test_ellipses_read_a_long_block_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether an ellipsis sits inside a quote is read from a quote state carried forward, not
    by rescanning the block before every ellipsis (which was quadratic in their number)."""
    from evalsuite.text import sentences as module

    scans: list[module.QuoteScan] = []

    class Counted(module.QuoteScan):
        def __init__(self, block: str) -> None:
            super().__init__(block)
            scans.append(self)

    monkeypatch.setattr(module, "QuoteScan", Counted)
    text = 'She said "wait… Then go." He paused... Then left. ' * 2000
    found = split_sentences(text, "en")
    assert found[:3] == ['She said "wait… Then go."', "He paused...", "Then left."]
    assert len(found) == 6000
    assert sum(scan.read for scan in scans) <= len(text)


def test_quote_scan_answers_any_order() -> None:
    from evalsuite.text.sentences import QuoteScan

    block = 'a "b" c «d» e „f“ g “h” i'
    expected = [QuoteScan(block).inside(i) for i in range(len(block) + 1)]
    scan = QuoteScan(block)
    assert [scan.inside(i) for i in range(len(block) + 1)] == expected
    assert [scan.inside(i) for i in reversed(range(len(block) + 1))] == expected[::-1]
    assert expected[4] and not expected[6] and expected[10] and expected[16] and expected[22]
