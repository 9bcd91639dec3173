"""Inverse document frequencies of token ids over a set of references (BERTScore's `idf`).

A token's idf is log((N + 1) / (df + 1)) with N references and df the number of them that
contain it; a token no reference contains gets log(N + 1). Special tokens occur in every
reference and so weigh 0. The table depends on the whole corpus, so it is built once from
every reference before any segment is scored.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class IdfTable:
    documents: int
    frequencies: dict[int, int]

    @classmethod
    def from_token_ids(cls, references: Iterable[Sequence[int]]) -> IdfTable:
        counts: Counter[int] = Counter()
        documents = 0
        for ids in references:
            counts.update(set(ids))
            documents += 1
        return cls(documents, dict(counts))

    def weight(self, token: int) -> float:
        return math.log((self.documents + 1) / (self.frequencies.get(token, 0) + 1))

    def digest(self) -> str:
        """Identifies the table in the outputs cache (scores depend on it)."""
        body = ",".join(f"{k}:{v}" for k, v in sorted(self.frequencies.items()))
        return hashlib.sha256(f"{self.documents}|{body}".encode()).hexdigest()[:16]
