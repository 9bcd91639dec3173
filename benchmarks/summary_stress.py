"""How the summary checks fare on rewrites of correct summaries that FIB's items did not pick.

Usage: .venv/bin/python benchmarks/summary_stress.py [--half tune|validation|all] [--limit N]
                                                     [--only TEXT] [--show]

FIB's tune half has a few hundred model errors, and rules fitted to them read near perfect
there and fall short on articles they never saw. This script makes many more cases from the
same articles and their correct (consistent) summaries (XSum's, which keep their capitals),
blind to the checks, each case made by one rewrite of one summary:

Rewrites that keep the meaning, and must stay silent (`entity_unsupported` /
`number_mismatch`, exactly as checks_accuracy.py counts the FIB rows):
- `as is`: the correct summary itself;
- `full name`: a surname the summary uses alone, written as the article names that person
  in full ("May" -> "Theresa May");
- `first name`: a person the article names in full, named by the first name alone;
- `title`: a title or role the article gives a person written with capitals before the name
  ("Prime Minister Theresa May"), and "Mr"/"Ms" before a surname;
- `place form`: a country or region the summary names, written as another of its names in
  the place table or its demonym before a noun ("the UK" -> "Britain", "in Wales" /
  "Welsh");
- `number words`: a number written in words for digits or in digits for words ("three" /
  "3"), "per cent" for "%", "million" for "m" after a currency sign;
- `implied year`: the year the article's date implies when it says "last year" / "next
  year" next to a stated year, or the year a stated age and birth year imply.

Faults that must fire:
- `outside name`: a name of the summary replaced by a name of the same kind from another
  article that this article does not have;
- `added first name`: a given name (US Census list) put before a surname the article uses
  alone;
- `changed first name`: a person's first name replaced by another census given name;
- `changed number`: a number of the summary replaced by one the article never writes;
- `added age` / `added amount` / `added duration` / `added count`: "N-year-old" before the
  summary's first person, "at a cost of £N million", "for N years", "N people" the article
  never states.

Names come from spaCy's NER of the article and summary (the same parse the checks read,
but no finding of theirs). Each case is one rewrite; a summary gives at most one case per
rewrite kind. Recall / false-alarm rates are printed per kind.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaldata import (  # noqa: E402
    DEFAULT_EVALDATA,
    SAMPLE_SEED,
    SUMMARY_CHECKS,
    keep_half,
    read_jsonl,
)
from benchmarks.splits import HALVES, Half  # noqa: E402
from evalsuite.checks.api import CheckInput  # noqa: E402
from evalsuite.checks.runner import run_checks  # noqa: E402
from evalsuite.text.census_names import is_given_name  # noqa: E402
from evalsuite.text.nlp import Entity, extract_entities  # noqa: E402
from evalsuite.text.normalize import fold  # noqa: E402
from evalsuite.text.place_aliases import places_of  # noqa: E402
from evalsuite.text.word_case import common_word  # noqa: E402

SOURCES = ("summary", "sentence")
SILENT = ("as is", "full name", "first name", "title", "place form", "number words",
          "implied year")  # fmt: skip
FAULTS = ("outside name", "added first name", "changed first name", "changed number",
          "added age", "added amount", "added duration", "added count")  # fmt: skip

_GIVEN_NAMES = (
    "Adrian", "Beatrice", "Colin", "Diane", "Edmund", "Fiona", "Graham", "Helen",
    "Ian", "Janet", "Keith", "Linda", "Martin", "Nora", "Oliver", "Pauline",
)  # fmt: skip
"""Given names to add (each checked against the census list and kept out of the article)."""
_DIGIT_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)  # fmt: skip
_TITLES = re.compile(
    r"\b(?:the )?((?:prime minister|first minister|chancellor|president|chief executive|"
    r"manager|head coach|coach|chairman|secretary|minister|leader|captain|director|mayor|"
    r"judge|professor|spokesman|spokeswoman)),? ([A-Z][a-z]+(?: [A-Z][a-z'-]+)+)"
)  # a role the article gives a person right before their full name
_NUMBER = re.compile(r"(?<![\w.,:])(\d{1,3}(?:,\d{3})*|\d+)(?:\.\d+)?(?![\d,:]|\.\d)")


@dataclass(frozen=True)
class Doc:
    """One article with one correct summary and their NER names."""

    source: str  # "summary" (FIB's correct summary) or "sentence" (one of the article's)
    doc_id: str
    article: str
    summary: str
    article_names: tuple[Entity, ...]
    summary_names: tuple[Entity, ...]


def _name_like(text: str) -> bool:
    """Whether every word of a name is capitalised and none a common word (WordNet), so that
    a name taken from another article is a name here too ("Sale", "High Court" are not)."""
    words = _tokens(text)
    return bool(words) and all(w[:1].isupper() and not common_word(w.lower()) for w in words)


def _persons(names: Sequence[Entity]) -> list[Entity]:
    return [e for e in names if e.label == "PERSON"]


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text)


def _word_in(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _full_names(doc: Doc) -> dict[str, str]:
    """Surname -> the article's full name of that person (two words or more, one person)."""
    full: dict[str, set[str]] = {}
    for ent in _persons(doc.article_names):
        words = _tokens(ent.text)
        if len(words) >= 2 and words[0][:1].isupper():
            full.setdefault(words[-1], set()).add(" ".join(words))
    return {surname: next(iter(names)) for surname, names in full.items() if len(names) == 1}


def full_name(doc: Doc) -> str | None:
    full = _full_names(doc)
    for ent in _persons(doc.summary_names):
        words = _tokens(ent.text)
        if len(words) == 1 and words[0] in full:
            return _replace(doc.summary, ent.start, ent.end, full[words[0]])
    return None


def first_name(doc: Doc) -> str | None:
    full = _full_names(doc)
    firsts = [n.split()[0] for n in full.values()]
    for ent in _persons(doc.summary_names):
        words = _tokens(ent.text)
        if (len(words) == 2 and " ".join(words) in full.values() and firsts.count(words[0]) == 1
                and is_given_name(words[0].lower())):  # fmt: skip
            return _replace(doc.summary, ent.start, ent.end, words[0])
    return None


def title(doc: Doc) -> str | None:
    for match in _TITLES.finditer(doc.article):
        role, name = match.group(1), match.group(2)
        at = doc.summary.find(name)
        if at >= 0:
            return _replace(doc.summary, at, at, role.title() + " ")
    full = _full_names(doc)
    for ent in _persons(doc.summary_names):
        words = _tokens(ent.text)
        if len(words) == 1 and words[0] in full and not _word_in("Mr " + words[0], doc.summary):
            return _replace(doc.summary, ent.start, ent.start, "Mr ")
    return None


def _place_rows(name: str) -> list[Any]:
    return [p for p in places_of(fold(name)) if p.kind in ("country", "region")]


def place_form(doc: Doc) -> str | None:
    """Another English form of a place the summary names (its English name, a short form in
    the alias supplement, its demonym before a noun)."""
    for ent in doc.summary_names:
        if ent.label not in ("GPE", "NORP", "LOC"):
            continue
        rows = _place_rows(ent.text)
        if not rows:
            continue
        name = rows[0].name
        if ent.label == "NORP":
            # "British troops" -> "UK troops": the country before a noun
            short = _short_form(rows[0].keys) or name
            return _replace(doc.summary, ent.start, ent.end, short)
        if fold(name) != fold(ent.text):
            return _replace(doc.summary, ent.start, ent.end, name)
        short = _short_form(rows[0].keys)
        if short is not None and fold(short) != fold(ent.text):
            return _replace(doc.summary, ent.start, ent.end, short)
    return None


def _short_form(keys: Sequence[str]) -> str | None:
    """A capitals-only short form of two or three letters ("uk" -> "UK")."""
    short = [k for k in keys if len(k) in (2, 3) and k.isalpha()]
    return short[0].upper() if short else None


def number_words(doc: Doc) -> str | None:
    for i, word in enumerate(_DIGIT_WORDS[2:], start=2):
        match = re.search(rf"(?<![\w-]){word}(?![\w-])", doc.summary)
        if match:
            return _replace(doc.summary, match.start(), match.end(), str(i))
    match = re.search(r"(?<![\w.,:-])([2-9]|1[0-2])(?![\w.,:%-])(?! ?(?:am|pm))", doc.summary)
    if match and not re.search(r"[£$€]\s?$", doc.summary[: match.start()]):
        return _replace(doc.summary, match.start(), match.end(), _DIGIT_WORDS[int(match[1])])
    match = re.search(r"(\d)%", doc.summary)
    if match:
        return _replace(doc.summary, match.start() + 1, match.end(), " per cent")
    match = re.search(r"([£$€]\d+(?:\.\d+)?)m\b", doc.summary)
    if match:
        return _replace(doc.summary, match.start(), match.end(), match[1] + " million")
    return None


def implied_year(doc: Doc) -> str | None:
    """"last year" / "next year" where the article's nearest stated year is the year before
    or after the one it dates its story in ("In 2015 ... last year" is not enough: the
    summary's "last year" is rewritten as the article's explicit year that the relative
    phrase refers to)."""
    years = [int(y) for y in re.findall(r"\b(19[5-9]\d|20[0-3]\d)\b", doc.article)]
    match = re.search(r"\b(last|next) year\b", doc.summary)
    if not match or not years:
        return None
    story = max(years)
    year = story - 1 if match[1] == "last" else story + 1
    if str(year) not in doc.article:
        return None  # the story's own year is not certain: only rewrite to a stated year
    return _replace(doc.summary, match.start(), match.end(), f"in {year}")


def outside_name(doc: Doc, pool: Sequence[tuple[str, Entity]], rng: random.Random) -> str | None:
    for ent in doc.summary_names:
        if ent.label not in ("PERSON", "ORG", "GPE"):
            continue
        others = [
            e.text for d, e in pool
            if d != doc.doc_id and e.label == ent.label and len(e.text) > 3
            and not any(_word_in(w, doc.article) or _word_in(w, doc.summary)
                        for w in _tokens(e.text))
        ]  # fmt: skip
        if others:
            return _replace(doc.summary, ent.start, ent.end, rng.choice(sorted(set(others))))
    return None


def _new_given_name(doc: Doc, rng: random.Random) -> str:
    names = [n for n in _GIVEN_NAMES if is_given_name(n.lower()) and n not in doc.article]
    return rng.choice(names)


def added_first_name(doc: Doc, rng: random.Random) -> str | None:
    """A given name before a surname that the article only ever uses alone."""
    full = _full_names(doc)
    for ent in _persons(doc.summary_names):
        words = _tokens(ent.text)
        if len(words) != 1 or words[0] in full or is_given_name(words[0].lower()):
            continue
        alone = [e for e in _persons(doc.article_names) if _tokens(e.text) == words]
        if alone and not re.search(rf"[A-Z][a-z]+ {re.escape(words[0])}\b", doc.article):
            return _replace(doc.summary, ent.start, ent.start, _new_given_name(doc, rng) + " ")
    return None


def changed_first_name(doc: Doc, rng: random.Random) -> str | None:
    for ent in _persons(doc.summary_names):
        words = _tokens(ent.text)
        if len(words) == 2 and is_given_name(words[0].lower()) and ent.text in doc.article:
            return _replace(doc.summary, ent.start, ent.start + len(words[0]),
                            _new_given_name(doc, rng))  # fmt: skip
    return None


def _unstated(doc: Doc, low: int, high: int, rng: random.Random) -> int:
    stated = set(re.findall(r"\d+", doc.article.replace(",", "")))
    choices = [n for n in range(low, high) if str(n) not in stated]
    return rng.choice(choices)


def changed_number(doc: Doc, rng: random.Random) -> str | None:
    for match in _NUMBER.finditer(doc.summary):
        value = int(match[1].replace(",", ""))
        if 1900 <= value <= 2030:
            continue  # a year: a date swap is FactCC's, not this rewrite's
        new = _unstated(doc, value + 2, value + 9 + value // 3, rng)
        return _replace(doc.summary, match.start(1), match.end(1), f"{new:,}")
    return None


def added_age(doc: Doc, rng: random.Random) -> str | None:
    persons = _persons(doc.summary_names)
    if not persons or re.search(r"\d+-year-old|\baged \d", doc.summary):
        return None
    return _replace(doc.summary, persons[0].start, persons[0].start,
                    f"{_unstated(doc, 23, 79, rng)}-year-old ")  # fmt: skip


def _before_stop(summary: str, clause: str) -> str:
    body = summary.rstrip()
    end = len(body) - 1 if body.endswith(".") else len(body)
    return body[:end] + clause + body[end:]


def added_amount(doc: Doc, rng: random.Random) -> str:
    return _before_stop(doc.summary, f", at a cost of £{_unstated(doc, 3, 90, rng)} million")


def added_duration(doc: Doc, rng: random.Random) -> str:
    return _before_stop(doc.summary, f", after {_unstated(doc, 3, 40, rng)} years")


def added_count(doc: Doc, rng: random.Random) -> str:
    return _before_stop(doc.summary, f", with {_unstated(doc, 13, 400, rng)} people present")


_SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z])")
_SENTENCES_PER_ARTICLE = 10


def _sentences(article: str) -> list[str]:
    """Up to ten sentences of 8 to 45 words of an article, in order."""
    found = [s.strip() for s in _SENTENCE.split(article)]
    return [s for s in found if 8 <= len(s.split()) <= 45][:_SENTENCES_PER_ARTICLE]


def documents(root: Path, half: Half | None, sources: Sequence[str]) -> list[Doc]:
    """Each XSum article of the half with each of its distinct correct summaries and (as
    more correct "summaries", copied from it) up to ten of its own sentences."""
    articles = {r["doc_id"]: r["doc"] for r in read_jsonl(root / "fib" / "fib_docs_dev.jsonl")}
    pairs = keep_half("fib", read_jsonl(root / "fib" / "fib_pairs_dev.jsonl"), half)
    chosen = list(dict.fromkeys(
        (p["doc_id"], p["consistent_summary"]) for p in pairs
        if p["group"] == "fib" and p["dataset"] == "xsum"
    ))  # fmt: skip
    wanted = [("summary", d, s) for d, s in chosen] if "summary" in sources else []
    if "sentence" in sources:
        for doc_id in dict.fromkeys(d for d, _ in chosen):
            wanted += [("sentence", doc_id, s) for s in _sentences(articles[doc_id])]
    texts = list(dict.fromkeys(t for _, d, s in wanted for t in (articles[d], s)))
    names = dict(zip(texts, extract_entities(texts, ["en"] * len(texts)), strict=True))
    return [
        Doc(source, doc_id, articles[doc_id], s, tuple(names[articles[doc_id]]),
            tuple(names[s]))
        for source, doc_id, s in wanted
    ]  # fmt: skip


def cases(
    root: Path, half: Half | None, sources: Sequence[str] = SOURCES
) -> Iterator[tuple[str, Doc, str]]:
    """(kind, document, rewritten summary) for every rewrite that applies."""
    docs = documents(root, half, sources)
    pool = [(d.doc_id, e) for d in docs for e in d.summary_names if _name_like(e.text)]
    for doc in docs:
        rng = random.Random(f"{SAMPLE_SEED}\x00{doc.doc_id}\x00{doc.summary}")
        made: dict[str, str | None] = {
            "as is": doc.summary,
            "full name": full_name(doc),
            "first name": first_name(doc),
            "title": title(doc),
            "place form": place_form(doc),
            "number words": number_words(doc),
            "implied year": implied_year(doc),
            "outside name": outside_name(doc, pool, rng),
            "added first name": added_first_name(doc, rng),
            "changed first name": changed_first_name(doc, rng),
            "changed number": changed_number(doc, rng),
            "added age": added_age(doc, rng),
            "added amount": added_amount(doc, rng),
            "added duration": added_duration(doc, rng),
            "added count": added_count(doc, rng),
        }
        for kind, summary in made.items():
            if summary is not None and (kind == "as is" or summary != doc.summary):
                yield kind, doc, summary


def evaluate(
    root: Path, half: Half | None, limit: int | None = None, only: str | None = None,
    show: bool = False, sources: Sequence[str] = SOURCES,
) -> list[dict[str, Any]]:  # fmt: skip
    """One row per source and rewrite kind: n and the share of cases where a summary check
    fired."""
    rows = [c for c in cases(root, half, sources)
            if only is None or only.casefold() in c[0].casefold()]  # fmt: skip
    if limit is not None:
        by_kind: dict[tuple[str, str], list[tuple[str, Doc, str]]] = {}
        for row in rows:
            by_kind.setdefault((row[1].source, row[0]), []).append(row)
        rows = [r for group in by_kind.values()
                for r in (random.Random(SAMPLE_SEED).sample(group, limit)
                          if len(group) > limit else group)]  # fmt: skip
    inputs = [CheckInput(s, None, d.article, "en", "en", task="summary") for _, d, s in rows]
    distinct = list(dict.fromkeys(inputs))
    findings = dict(zip(distinct, run_checks(distinct), strict=True))
    out: dict[tuple[str, str], list[bool]] = {}
    for (kind, doc, summary), inp in zip(rows, inputs, strict=True):
        fired = [f for f in findings[inp] if f.check in SUMMARY_CHECKS]
        out.setdefault((doc.source, kind), []).append(bool(fired))
        if show and bool(fired) != (kind in FAULTS):
            label = "MISS" if kind in FAULTS else "FALSE ALARM"
            print(f"{label} {kind} ({doc.source}) [{doc.doc_id}]\n  GOOD: {doc.summary}\n"
                  f"  HYP:  {summary}")  # fmt: skip
            for f in fired:
                print(f"    {f.check} {f.severity}: {f.message}")
    order = [(s, k) for s in sources for k in (*SILENT, *FAULTS) if (s, k) in out]
    return [{"source": s, "kind": k, "n": len(out[s, k]), "fault": k in FAULTS,
             "rate": sum(out[s, k]) / len(out[s, k])} for s, k in order]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--evaldata", type=Path, default=DEFAULT_EVALDATA)
    parser.add_argument("--half", choices=(*HALVES, "all"), default="tune")
    parser.add_argument("--limit", type=int, default=None, help="at most N cases per kind")
    parser.add_argument("--only", default=None, help="keep the kinds whose name holds TEXT")
    parser.add_argument("--show", action="store_true", help="print misses and false alarms")
    parser.add_argument("--source", choices=(*SOURCES, "both"), default="both",
                        help="rewrite FIB's correct summaries, article sentences, or both")
    args = parser.parse_args(argv)
    if not (args.evaldata / "fib").is_dir():
        print(f"error: no FIB data under {args.evaldata}; pass --evaldata DIR", file=sys.stderr)
        return 2
    half: Half | None = None if args.half == "all" else args.half
    sources = SOURCES if args.source == "both" else (args.source,)
    rows = evaluate(args.evaldata, half, args.limit, args.only, args.show, sources)
    print(f"Rewrites of FIB's correct XSum summaries and article sentences, {args.half} half:")
    for row in rows:
        kind = "recall" if row["fault"] else "false_alarm"
        print(f"  {row['source']:<8} {row['kind']:<19} n={row['n']:<4} {kind}={row['rate']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
