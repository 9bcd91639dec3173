"""Long inputs: the indexed steps of the entity and role checks (a text's words read once,
names and clauses compared only within a shared key) find exactly what the straightforward
steps (`straightforward.py`: every name against every mention, every word and window, every
clause against every clause) find, on summaries and articles full of respellings, places in
other forms, repeated names and swapped roles."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from evalsuite.checks import entities, negation, roles
from evalsuite.checks.api import CheckInput
from evalsuite.checks.runner import parse_segments
from evalsuite.text import sentence_alignment, word_index
from evalsuite.text.nlp import Entity, load_pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "text"))
import straightforward  # noqa: E402
from test_variant_keys import _names  # noqa: E402

pytestmark = pytest.mark.skipif(load_pipeline("en") is None, reason="no English spaCy model")

PLACES = ["Mexico", "Mexican", "Europe", "European", "Bavaria", "Bavarian", "Kolínsko",
          "the Kolín region", "France", "French", "U.S.", "the United States", "US"]  # fmt: skip
BODIES = ["Royal Bafokeng Stadium", "Royal Bafalcon Stadium", "Ministry of Finance",
          "Finance Ministry", "Culture Festival", "Cultural Festival", "Jiangkou River",
          "Jiangkouhe", "Arun Banner Police", "Arun Banner Public Security Bureau"]  # fmt: skip
VERBS = ["arrested", "criticised", "sacked", "attacked", "thanked", "hired", "accused",
         "defeated", "replaced", "warned"]  # fmt: skip


Clause = tuple[int, str, str, str, str, str, str, str, str]


def _clause(rng: random.Random, names: list[str]) -> Clause:
    a, b, c, d = (rng.choice(names) for _ in range(4))
    return (rng.randrange(4), a, rng.choice(VERBS), b, c, rng.choice(VERBS), d,
            rng.choice(PLACES), rng.choice(BODIES))  # fmt: skip


def _told(clause: Clause) -> str:
    shape, a, v1, b, c, v2, d, place, body = clause
    if shape == 0:
        return f"{a} {v1} {b} after {c} {v2} {d}."
    if shape == 1:
        return f"{a} was {v1} by {b} in {place}."
    if shape == 2:
        return f"Officials from {body} said {a} {v1} {b}."
    return f"{a} {v1} {b}, the {place} government said."


def _changed(rng: random.Random, clause: Clause, names: list[str]) -> Clause:
    """The clause with its roles swapped, its arguments exchanged across its two clauses,
    told with another verb, or about other (respelled, invented) names."""
    shape, a, v1, b, c, v2, d, place, body = clause
    pick = rng.randrange(4)
    if pick == 0:
        return (shape, b, v1, a, c, v2, d, place, body)
    if pick == 1:
        return (shape, c, v1, b, a, v2, d, place, body)
    if pick == 2:
        return (shape, b, rng.choice(VERBS), a, c, v2, d, place, body)
    return _clause(rng, names)


def _pair(seed: int) -> tuple[str, str]:
    """An article and a summary of it that repeats, respells, swaps and invents."""
    rng = random.Random(seed)
    names = rng.sample(_names(), 16) + ["Russia", "the Ukrainians"]  # a country, by demonym
    article = [_clause(rng, names) for _ in range(30)]
    others = rng.sample(_names(), 6) + names[:4] + ["the Russians", "Ukraine"]
    summary = [
        clause if rng.random() < 0.4 else _changed(rng, clause, others)
        for clause in (rng.choice(article) for _ in range(24))
    ]
    told = [_negated(rng, _told(c)) for c in article]
    body = "\n\n".join(" ".join(told[k : k + 5]) for k in range(0, 30, 5))
    return body, " ".join(_negated(rng, _told(c)) for c in summary)


def _negated(rng: random.Random, text: str) -> str:
    """Now and then a negated clause, for `negation_flip`."""
    if rng.random() < 0.25:
        return text.replace(" was ", " was not ", 1).replace(" said", " did not say", 1)
    return text


CHECKS = [entities.entity_missing, entities.entity_variant, entities.entity_unsupported,
          roles.role_reversal, negation.negation_flip]  # fmt: skip


def _findings(article: str, summary: str) -> list[dict[str, object]]:
    for cache in (entities.located, entities._distinct, word_index.word_index):
        cache.cache_clear()
    [seg] = parse_segments([CheckInput(summary, source=article, task="summary", hyp_lang="en")])
    return [f.to_dict() for check in CHECKS for f in check(seg)]


def _straightforward(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("clusters", "entity_matches", "find_related_word", "find_most_words",
                 "find_respelled", "shared_token"):  # fmt: skip
        monkeypatch.setattr(entities, f"_{name}", getattr(straightforward, name))
    monkeypatch.setattr(roles, "_exchanges", straightforward.exchanges)
    monkeypatch.setattr(roles, "aligned_swaps", straightforward.aligned_swaps)
    monkeypatch.setattr(roles.EventIndex, "near", roles.EventIndex.candidates)
    monkeypatch.setattr(negation, "_ByKey", straightforward.EveryItem)
    monkeypatch.setattr(sentence_alignment.SentenceAlignment, "_match",
                        straightforward.sentence_match)  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_indexed_findings_equal_straightforward(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    article, summary = _pair(seed)
    indexed = _findings(article, summary)
    with monkeypatch.context() as patch:
        _straightforward(patch)
        plain = _findings(article, summary)
    assert indexed == plain
    assert len(indexed) >= 3  # the pairs do exercise the checks


FORMS = ["Mexico", "Mexican", "Mexicans", "Europe", "European", "Bavaria", "Bavarian",
         "Kolínsko", "Kolín", "region", "area", "France", "French", "U.S.", "US", "UK",
         "Royal", "Bafokeng", "Bafalcon", "Stadium", "Culture", "Cultural", "Festival",
         "Jiangkou", "Jiangkouhe", "River", "Scholz", "Scholtz", "Olaf", "Zelensky",
         "Zelenskiy", "Selenskyj", "Volodymyr", "the", "of", "city", "Kofu", "said",
         "police"]  # fmt: skip
NAMES = [("Mexico", "GPE"), ("Mexican", "NORP"), ("Kolín", "GPE"), ("Bavarians", "NORP"),
         ("Royal Bafokeng Stadium", "FAC"), ("Culture Festival", "EVENT"), ("Kofu City", "GPE"),
         ("Jiangkou River", "LOC"), ("Olaf Scholz", "PERSON"), ("Volodymyr Zelenskyy", "PERSON"),
         ("Zelensky", "PERSON"), ("French Embassy", "ORG"), ("U.S. Army", "ORG"),
         ("Europe", "LOC"), ("Selensky", "MISC"), ("Francia", "GPE")]  # fmt: skip


def _text(rng: random.Random) -> str:
    words = [rng.choice(FORMS) for _ in range(rng.randint(5, 60))]
    return " ".join(w if rng.random() < 0.7 else w.lower() for w in words) + "."


@pytest.mark.parametrize("name", ["find_related_word", "find_most_words", "find_respelled",
                                  "shared_token"])  # fmt: skip
def test_each_indexed_search_equals_the_scan(name: str) -> None:
    """Each search, on texts of names, their other forms and respellings repeated in any
    order and case: the same match as reading every word (or window) of the text."""
    rng = random.Random(name)
    indexed, plain = getattr(entities, f"_{name}"), getattr(straightforward, name)
    results = []
    for _ in range(150):
        word_index.word_index.cache_clear()
        index = word_index.word_index(_text(rng))
        for text, label in NAMES:
            ent = Entity(text, label, 0, len(text))
            extra = {"capitals": rng.random() < 0.5} if name == "find_respelled" else {}
            found = indexed(ent, index, **extra)
            assert found == plain(ent, index, **extra), (name, text, index.folded.original)
            results.append(found is not None)
    assert True in results and False in results


def test_the_pairs_hold_every_kind_of_role_finding() -> None:
    """Swaps under one event, one moved argument, swaps under two verbs in aligned sentences
    and exchanges across clauses all occur (else the equality says nothing of them)."""
    kinds = {
        (f["evidence"]["swap"], f["evidence"].get("predicates"))
        for seed in (1, 2, 3, 4) for f in _findings(*_pair(seed)) if f["check"] == "role_reversal"
    }  # fmt: skip
    assert {("both", "same"), ("one_side", "same"), ("both", "unrelated"),
            ("across_clauses", None)} <= kinds  # fmt: skip
    assert any(f["check"] == "negation_flip" for seed in (1, 2) for f in _findings(*_pair(seed)))


def test_blocked_name_matching_equals_all_pairs() -> None:
    """Entities compared only within a shared key (`name_blocks`) and mentions grouped by
    the clusters that share one: the same matches and clusters as comparing all pairs, on
    respellings, acronyms, places and their people, and bodies worded apart."""
    rng = random.Random(5)
    extra = ["NATO", "North Atlantic Treaty Organization", "U.S.", "United States", "FA",
             "Football Association", "MoD", "Ministry of Defence", "Mexico", "Mexican",
             "Mexicans", *BODIES, *PLACES, "Mr Blinken", "Blinken", "Jiang"]  # fmt: skip
    texts = _names() + extra
    labels = ["PERSON", "GPE", "ORG", "NORP", "MISC", "LOC"]
    mentions = [Entity(rng.choice(texts), rng.choice(labels), i, i + 1) for i in range(600)]
    for ent in mentions[:250]:
        assert entities._entity_matches(ent, mentions) == straightforward.entity_matches(
            ent, mentions
        ), ent
    assert entities._clusters(mentions) == straightforward.clusters(mentions)
    assert any(len(c) > 1 and len({e.text for e in c}) > 1 for c in entities._clusters(mentions))


COUNTRY_PAIRS = [
    ("Russian troops attacked Ukraine on Monday. Officials in Kyiv said so.",
     "Ukraine attacked the Russians on Monday."),
    ("The Russian attack on Ukraine continued. Markets fell.",
     "The Ukrainian attack on Russia continued."),
    ("French police arrested two Germans. Germany protested.",
     "The Germans arrested France's police."),
]  # fmt: skip


@pytest.mark.parametrize(("article", "summary"), COUNTRY_PAIRS)
def test_a_country_named_by_its_people_is_paired_too(
    article: str, summary: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`Arg.same` also holds for one country named two ways (Russia / the Russians) whose
    heads differ: the indexed pairing keys arguments by their countries as well."""
    indexed = _findings(article, summary)
    with monkeypatch.context() as patch:
        _straightforward(patch)
        plain = _findings(article, summary)
    assert indexed == plain


def test_arguments_that_are_the_same_share_a_key() -> None:
    """`arg_keys` is the pairing's promise about `Arg.same`: every two arguments that are the
    same share a key (a rule added to `same` needs its key here)."""
    from evalsuite.checks.role_compare import arg_keys
    from evalsuite.text.roles import extract_triples

    texts = [text for pair in [*COUNTRY_PAIRS, _pair(1), _pair(2)] for text in pair]
    texts += ["The Lakers beat the Bulls.", "Bulls beat the Lakers.", "Joe Biden met Xi.",
              "Biden called Xi Jinping.", "The Russian attack on Ukraine.",
              "Russia shelled Kyiv."]  # fmt: skip
    segments = parse_segments([CheckInput(t, hyp_lang="en") for t in texts])
    args = {
        a for seg in segments if seg.hyp.doc is not None
        for t in extract_triples(seg.hyp.doc) for a in (t.agent, t.patient) if a
    }  # fmt: skip
    pairs = [(a, b) for a in args for b in args if a is not b and a.same(b)]
    assert pairs and all(arg_keys(a) & arg_keys(b) for a, b in pairs)
    assert any(a.head != b.head for a, b in pairs)  # not only equal heads
