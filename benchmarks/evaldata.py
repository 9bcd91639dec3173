"""Loaders for the labelled dev sets in ../shared/evaldata, as faulty/control check inputs.

Each loader yields `Case`s: one check input, whether it carries the fault, and the phenomenon
it belongs to. The benchmarks only count; which checks are relevant to a phenomenon is said
here, next to the data it describes.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.splits import Half, in_half
from evalsuite.checks.api import CheckInput

REPO_ROOT = Path(__file__).resolve().parent.parent
_EVALDATA_PLACES = (REPO_ROOT.parent / "shared" / "evaldata",  # beside the checkout
                   REPO_ROOT.parent.parent / "shared" / "evaldata")  # beside a worktree folder
DEFAULT_EVALDATA = next((p for p in _EVALDATA_PLACES if p.is_dir()), _EVALDATA_PLACES[0])
SAMPLE_SEED = 20240611
"""Seed of the deterministic sample drawn from sets too large to check in a few minutes."""

# DEMETR names its source languages in words.
DEMETR_LANGS = {
    "chinese_simple": "zh", "czech": "cs", "french": "fr", "german": "de", "hindi": "hi",
    "italian": "it", "japanese": "ja", "polish": "pl", "russian": "ru", "spanish": "es",
}  # fmt: skip
ENTITY_CHECKS = frozenset({"entity_missing", "entity_unsupported"})
NUMBER_CHECKS = frozenset({"number_mismatch"})
NEGATION_CHECKS = frozenset({"negation_flip"})
ANY_CRITICAL = frozenset({"*critical"})
ANY_SERIOUS = frozenset({"*critical", "*major"})


@dataclass(frozen=True)
class Case:
    """One input to check: `faulty` ones should fire a relevant check, controls should not."""

    phenomenon: str
    inp: CheckInput
    faulty: bool
    relevant: frozenset[str]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


DOCUMENT_KEYS = {
    "demetr": lambda row: str(row["item_id"]),
    "fib": lambda row: str(row["doc_id"]),
    "wmt21": lambda row: str(row["source"]),
    "wmt23": lambda row: str(row["doc"]),
    "pawsx_de": lambda row: str(row["id"]),
    "hans": lambda row: str(row["id"]),
}
"""What one document is in each set (see benchmarks/splits.py)."""


def keep_half(dataset: str, rows: list[dict[str, Any]], half: Half | None) -> list[dict[str, Any]]:
    """The rows of `dataset` whose document is in `half` (all rows for `None`)."""
    key = DOCUMENT_KEYS[dataset]
    return [row for row in rows if in_half(dataset, key(row), half)]


def _sample(rows: list[dict[str, Any]], limit: int | None) -> list[dict[str, Any]]:
    """At most `limit` rows, drawn with SAMPLE_SEED (all rows, in order, without a limit)."""
    if limit is None or len(rows) <= limit:
        return rows
    picked = sorted(random.Random(SAMPLE_SEED).sample(range(len(rows)), limit))
    return [rows[i] for i in picked]


_DEMETR_PHENOMENA = {
    "critical_id9_ne_replaced": ("DEMETR entity replaced", ENTITY_CHECKS),
    "critical_id25_ne_removed": ("DEMETR entity removed", ENTITY_CHECKS),
    "critical_id10_numbers_replaced": ("DEMETR number changed", NUMBER_CHECKS),
    "critical_id8_negation": ("DEMETR negation flipped", NEGATION_CHECKS),
}
# Sets reported together as well as apart (the translation entity target).
_DEMETR_POOLED = {
    "DEMETR entity replaced or removed": ("critical_id9_ne_replaced", "critical_id25_ne_removed"),
}


def demetr_cases(
    root: Path, limit: int | None = None, half: Half | None = None
) -> Iterator[Case]:
    """Perturbed MT (reference and source given) against one control set for every
    phenomenon: the checked good MT of every dev item, so that a check's false-alarm rate
    does not depend on which items a perturbation happened to apply to."""
    base = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_base_dev.jsonl"), half)
    by_id = {row["item_id"]: row for row in base}
    pairs = keep_half("demetr", read_jsonl(root / "demetr" / "demetr_pairs_dev.jsonl"), half)
    chosen = {
        perturbation: _sample([p for p in pairs if p["perturbation"] == perturbation], limit)
        for perturbation in _DEMETR_PHENOMENA
    }
    controls = [demetr_input(item, item["mt"]) for item in _sample(base, limit)]
    sets = [(name, relevant, [perturbation])
            for perturbation, (name, relevant) in _DEMETR_PHENOMENA.items()]
    sets += [(name, _DEMETR_PHENOMENA[parts[0]][1], list(parts))
             for name, parts in _DEMETR_POOLED.items()]  # fmt: skip
    for name, relevant, perturbations in sets:
        for perturbation in perturbations:
            for row in chosen[perturbation]:
                inp = demetr_input(by_id[row["item_id"]], row["mt_perturbed"])
                yield Case(name, inp, True, relevant)
        for inp in controls:
            yield Case(name, inp, False, relevant)


def demetr_input(item: dict[str, Any], hypothesis: str) -> CheckInput:
    """A DEMETR item checked as an MT into English, against its reference and source."""
    src_lang = DEMETR_LANGS.get(item["src_lang"], item["src_lang"])
    return CheckInput(hypothesis, item["reference"], item["source"], "en", src_lang)


_FIB_PHENOMENA = {
    "entity_swap": ("FIB entity swap", frozenset({"entity_unsupported"})),
    "number_swap": ("FIB number swap", NUMBER_CHECKS),
    "date_swap": ("FIB date swap", NUMBER_CHECKS),
    "negation": ("FIB negation", NEGATION_CHECKS),
}
SUMMARY_CHECKS = frozenset({"entity_unsupported", "number_mismatch"})
FIB_INVENTED_ALL = "FIB summaries: invented name or number (all real-error pairs)"
FIB_INVENTED_NEW = "FIB summaries: invented name or number (error has a new name/number)"


def fib_cases(root: Path, limit: int | None = None, half: Half | None = None) -> Iterator[Case]:
    """Inconsistent vs consistent summary of one article, checked against the article.

    FactCC swaps count for the check of their kind. Real model errors (group fib: an
    abstractive or extractive system's summary that annotators judged inconsistent, against
    the checked reference) make the summary rows: FIB marks no spans, so they are counted
    twice, for `entity_unsupported` / `number_mismatch`: on all pairs (recall is then a lower
    bound: some errors are neither a name nor a number), and on the pairs whose inconsistent
    summary has a name or number that neither the article nor the consistent summary has in
    any form (`new_name_or_number`: a surface rule blind to the checks; a name the article
    has under another form counts as new, so this recall errs low too). The controls are the
    consistent summaries of the same pairs. Real errors and annotated reference errors (group
    fir) also count for any critical or major finding."""
    docs = {row["doc_id"]: row["doc"] for row in read_jsonl(root / "fib" / "fib_docs_dev.jsonl")}
    pairs = keep_half("fib", read_jsonl(root / "fib" / "fib_pairs_dev.jsonl"), half)
    groups: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = {}
    for row in pairs:
        if row["group"] == "factcc":
            if row["perturbation"] not in _FIB_PHENOMENA:
                continue  # pronoun swaps: no check looks at pronouns
            groups.setdefault(_FIB_PHENOMENA[row["perturbation"]], []).append(row)
            continue
        if row["group"] == "fib":
            groups.setdefault((FIB_INVENTED_ALL, SUMMARY_CHECKS), []).append(row)
            error, good = row["inconsistent_summary"], row["consistent_summary"]
            if new_name_or_number(error, (docs[row["doc_id"]], good)):
                groups.setdefault((FIB_INVENTED_NEW, SUMMARY_CHECKS), []).append(row)
        groups.setdefault((f"FIB real errors ({row['group']})", ANY_SERIOUS), []).append(row)
    for (name, relevant), rows in groups.items():
        for row in _sample(rows, limit):
            doc = docs[row["doc_id"]]
            for hyp, faulty in (
                (row["inconsistent_summary"], True),
                (row["consistent_summary"], False),
            ):
                inp = CheckInput(hyp, None, doc, "en", "en", task="summary")
                yield Case(name, inp, faulty, relevant)


_TOKEN = re.compile(r"[^\W_]+(?:[.,'’-][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_PREFIX = 5
"""Letters two words must share to count as forms of one word (Libya/Libyan, Scot-tish)."""


def new_name_or_number(summary: str, others: tuple[str, ...]) -> bool:
    """Whether `summary` has a number, or a capitalised word (opening a sentence only if a
    capitalised word follows it), that none of `others` has in any form: a number must occur
    as written, a word must share its first five letters with one of theirs, a possessive
    's aside ("Neil Warnock" where the others say "Warnock" has "Neil"; "Libyan" where they
    say "Libya" has nothing new). A surface rule, blind to the checks and to aliases."""
    known = {_form(t) for other in others for t in _TOKEN.findall(other)}
    tokens = list(_TOKEN.finditer(summary))
    for i, match in enumerate(tokens):
        token = _POSSESSIVE.sub("", match.group())
        numeric = any(ch.isdigit() for ch in token)
        following = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        before = summary[: match.start()].rstrip()
        opening = not before or not (before[-1].isalnum() or before[-1] == ",")
        named = token[0].isupper() and (not opening or following[:1].isupper())
        if (numeric or named) and _form(token) not in known:
            return True
    return False


def _form(token: str) -> str:
    token = _POSSESSIVE.sub("", token).casefold()
    return token if any(ch.isdigit() for ch in token) else token[:_PREFIX]


_ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def wmt21_number_error(row: dict[str, Any]) -> bool:
    """Whether a WMT21 critical error (ERR) is one that involves a number, as far as the data
    shows: the digit strings of the source and of the MT differ (full-width digits taken as
    ASCII, tokenizer spaces ignored). WMT21 labels no error category, so this rule, blind
    to number_mismatch's readings, picks the ERR rows where a number can be at stake."""
    def digits(text: str) -> list[str]:
        joined = re.sub(r"(?<=\d) (?=[\d.,:/])|(?<=[\d.,:/]) (?=\d)", "", text)
        return sorted(re.findall(r"\d+", joined.translate(_ASCII_DIGITS)))

    return row["label"] == "ERR" and digits(row["source"]) != digits(row["mt"])


def wmt21_cases(
    root: Path, limit: int | None = None, half: Half | None = None
) -> Iterator[Case]:
    """Critical errors (ERR) vs none (NOT), reference-free against the English source."""
    rows = read_jsonl(root / "wmt21_critical_errors" / "ced_dev.jsonl")
    rows = _sample(keep_half("wmt21", rows, half), limit)
    for row in rows:
        tgt = row["lp"].split("-")[1]
        inp = CheckInput(row["mt"], None, row["source"], tgt, "en")
        yield Case("WMT21 critical errors", inp, row["label"] == "ERR", ANY_CRITICAL)


def mt_fault_cases(path: Path) -> Iterator[Case]:
    """The project's own faults: each fault label's expected checks, against every clean row."""
    rows = read_jsonl(path)
    clean = [r for r in rows if r["meta"]["fault"] == "none"]
    by_fault: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row["meta"]["fault"] != "none" and row["meta"]["expected_checks"]:
            by_fault.setdefault(row["meta"]["fault"], []).append(row)
    for fault, faulty_rows in sorted(by_fault.items()):
        relevant = frozenset(c for r in faulty_rows for c in r["meta"]["expected_checks"])
        for row, faulty in [(r, True) for r in faulty_rows] + [(r, False) for r in clean]:
            inp = CheckInput(
                row["hypothesis"], row.get("reference"), row.get("source"),
                row.get("tgt_lang"), row.get("src_lang"),
            )  # fmt: skip
            yield Case(f"mt_faults {fault}", inp, faulty, relevant)


HANS_FAULTS = ("ln_subject/object_swap", "ln_passive")
HANS_CONTROLS = ("le_passive", "le_relative_clause", "le_around_relative_clause",
                 "le_around_prepositional_phrase")  # fmt: skip
ROLE_CHECKS = frozenset({"role_reversal"})


def hans_cases(root: Path, half: Half | None = None) -> Iterator[Case]:
    """HANS role subcases: swapped arguments and role-changing passives (faults) against
    passives, relative clauses and phrases that keep the roles (controls); the premise is the
    reference."""
    path = root / "hans_role_subset_regenerated" / "hans_role_subcases_dev.jsonl"
    for row in keep_half("hans", read_jsonl(path), half):
        if row["subcase"] in HANS_FAULTS or row["subcase"] in HANS_CONTROLS:
            inp = CheckInput(row["hypothesis"], row["premise"], hyp_lang="en")
            yield Case("HANS role subcases", inp, row["subcase"] in HANS_FAULTS, ROLE_CHECKS)


def role_pair_cases(path: Path, name: str, half: Half | None = None) -> Iterator[Case]:
    """Role pairs (reference, hypothesis, label swap | preserve): swaps are faults, rewordings
    that keep the roles controls. Rows with a `half` field keep the file's own split by item;
    without one the whole file is used (the project's development pairs)."""
    if not path.is_file():
        return
    for row in read_jsonl(path):
        if half is not None and row.get("half") not in (None, half):
            continue
        inp = CheckInput(row["hypothesis"], row["reference"], hyp_lang="en")
        yield Case(name, inp, row["label"] == "swap", ROLE_CHECKS)
