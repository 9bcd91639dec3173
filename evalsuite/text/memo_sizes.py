"""How many entries the per-word and per-lemma memos of the checks keep.

A memo that keeps 65,536 entries fills only after tens of thousands of pairs, so a run's memory
grew with its size that long (about 7 KB a pair from 10,000 to 20,000 pairs) and the bound
came to 10-37 MB a memo. These bounds keep each memo to a few MB, full within a few thousand
pairs, after which memory no longer grows with the corpus; the words a partition repeats still
hit. A memo never changes a result, only how often it is computed
(`benchmarks/bench_pair_memory.py --bytes` prints what each holds). ROUGE's stemmer memos
(`tokenize.porter_stem`, `stemming.snowball_stem`) keep 2**18 words for ROUGE's speed on long
corpora: bounded too, about 40 MB each when full.
"""

WORD_MEMO = 16384
"""Per word, stem or name pair: about 200 bytes an entry, 3 MB full."""

LEMMA_MEMO = 8192
"""Per predicate lemma or synset (WordNet senses and keys): up to 600 bytes an entry, 5 MB."""

TEXT_MEMO = 8192
"""Per text (a sentence's folded tokens): a partition's texts, and their repeats, fit."""
