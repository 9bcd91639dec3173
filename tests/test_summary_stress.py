"""benchmarks/summary_stress.py: its rewrites keep or break a correct summary as they say."""

from __future__ import annotations

import random

from benchmarks import summary_stress as stress
from evalsuite.text.nlp import Entity

ARTICLE = (
    "Daniel Sturridge scored twice as Liverpool beat Leeds. Their manager, Klopp, said three "
    "players were injured. The club paid £5m for Sturridge in 2013."
)


def _doc(summary: str, names: list[tuple[str, str]]) -> stress.Doc:
    def entities(text: str, pairs: list[tuple[str, str]]) -> tuple[Entity, ...]:
        found = []
        for name, label in pairs:
            start = text.index(name)
            found.append(Entity(name, label, start, start + len(name)))
        return tuple(found)

    article_names = [("Daniel Sturridge", "PERSON"), ("Liverpool", "ORG"), ("Leeds", "ORG"),
                     ("Klopp", "PERSON"), ("Sturridge", "PERSON")]  # fmt: skip
    return stress.Doc("summary", "d1", ARTICLE, summary, entities(ARTICLE, article_names),
                      entities(summary, names))  # fmt: skip


def test_silent_rewrites_keep_the_facts() -> None:
    doc = _doc("Sturridge scored twice and Klopp saw three players hurt.",
               [("Sturridge", "PERSON"), ("Klopp", "PERSON")])  # fmt: skip
    assert stress.full_name(doc) == ("Daniel Sturridge scored twice and Klopp saw three "
                                     "players hurt.")  # fmt: skip
    assert stress.number_words(doc) == "Sturridge scored twice and Klopp saw 3 players hurt."
    full = _doc("Daniel Sturridge scored twice.", [("Daniel Sturridge", "PERSON")])
    assert stress.first_name(full) == "Daniel scored twice."


def test_faults_add_what_the_article_never_says() -> None:
    rng = random.Random(0)
    doc = _doc("Klopp saw Liverpool win.", [("Klopp", "PERSON"), ("Liverpool", "ORG")])
    added = stress.added_first_name(doc, rng)
    assert added is not None and added.endswith(" Klopp saw Liverpool win.")
    assert added.split()[0] not in ARTICLE
    money = _doc("The club paid £5m for him.", [])
    changed = stress.changed_number(money, rng)
    assert changed is not None and changed != money.summary and "£5m" not in changed
    amount = stress.added_amount(doc, rng)
    assert amount.startswith("Klopp saw Liverpool win, at a cost of £") and amount.endswith(".")
