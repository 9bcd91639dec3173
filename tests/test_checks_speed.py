"""benchmarks/checks_speed.py: each timed run starts from empty text memos, loaded tables kept."""

from __future__ import annotations

from benchmarks import checks_speed
from evalsuite.align import aligner, words
from evalsuite.text import normalize, place_aliases


def test_clear_caches_empties_every_text_memo() -> None:
    normalize.fold_text("Müller visited Zürich")
    words.content_words("Müller visited Zürich", "en")
    assert normalize.fold_text.cache_info().currsize > 0
    assert words.content_words.cache_info().currsize > 0
    memos = checks_speed.text_memos()
    assert normalize.fold_text in memos and aligner.align in memos
    checks_speed.clear_caches()
    assert normalize.fold_text.cache_info().currsize == 0
    assert words.content_words.cache_info().currsize == 0


def test_clear_caches_keeps_loaded_tables() -> None:
    place_aliases._table()
    assert place_aliases._table not in checks_speed.text_memos()
    checks_speed.clear_caches()
    assert place_aliases._table.cache_info().currsize == 1
