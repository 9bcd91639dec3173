"""NLI faithfulness (SummaC-ZS style, Laban et al., 2022): is each sentence of the output
entailed by the source?

The source is cut into chunks of whole sentences (at most `chunk_words` words each); every
sentence of the hypothesis is scored against every chunk by an NLI model and keeps its best
chunk. A sentence's score is P(entailment), or P(entailment) - P(contradiction) with
`score = "e-c"` (SummaC-ZS); the segment's score is the mean over its sentences and the
corpus score the mean over segments. A sentence whose best score is below `threshold` is an
`nli_unsupported` finding, with the sentence, the best chunk of the source and both
probabilities as evidence. Off unless a model is named; without a source the reference is
the premise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from evalsuite.checks.base import Finding, Span
from evalsuite.errors import UsageError
from evalsuite.models.locate import LocatedModel, locate_model
from evalsuite.models.options import ModelOptions
from evalsuite.models.outputs_cache import Item, ModelOutputs
from evalsuite.models.runtime import dtype_label, pick_device, pick_dtype
from evalsuite.progress import progress_bar
from evalsuite.text.sentences import sentence_spans

WHO = "nli"
CHECK = "nli_unsupported"
SCORES = ("e", "e-c")


@dataclass(frozen=True)
class NliSettings:
    model: str
    chunk_words: int = 200
    score: str = "e"
    threshold: float = 0.5
    revision: str | None = None


@dataclass(frozen=True)
class Chunk:
    start: int
    end: int
    text: str


def chunk_source(text: str, lang: str | None, max_words: int) -> list[Chunk]:
    """Consecutive sentences packed into chunks of at most `max_words` words (a longer
    sentence is a chunk of its own)."""
    chunks: list[Chunk] = []
    current: list[tuple[int, int, str]] = []
    words = 0
    for start, end, sentence in sentence_spans(text, lang):
        n = len(sentence.split())
        if current and words + n > max_words:
            chunks.append(_chunk(text, current))
            current, words = [], 0
        current.append((start, end, sentence))
        words += n
    if current:
        chunks.append(_chunk(text, current))
    return chunks or ([Chunk(0, len(text), text)] if text.strip() else [])


def _chunk(text: str, sentences: list[tuple[int, int, str]]) -> Chunk:
    start, end = sentences[0][0], sentences[-1][1]
    return Chunk(start, end, text[start:end])


@dataclass
class SegmentVerdict:
    score: float
    findings: list[Finding]


@dataclass
class NliFaithfulness:
    settings: NliSettings
    options: ModelOptions = field(default_factory=ModelOptions)
    name: str = "nli"
    higher_is_better: bool = True
    _located: LocatedModel | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.options.validate(WHO)
        s = self.settings
        if s.score not in SCORES:
            raise UsageError(f"{WHO}: score must be one of {', '.join(SCORES)}, got '{s.score}'")
        if s.chunk_words < 1:
            raise UsageError(f"{WHO}: chunk_words must be at least 1, got {s.chunk_words}")

    @property
    def located(self) -> LocatedModel:
        if self._located is None:
            from evalsuite.cache import default_cache_dir

            memo = (self.options.cache_dir or default_cache_dir()) / "model-hashes.json"
            self._located = locate_model(
                self.settings.model, WHO, revision=self.settings.revision, memo_path=memo
            )
        return self._located

    def signature_fields(self) -> dict[str, str]:
        s = self.settings
        fields = {"model": self.located.identity, "chunk": f"{s.chunk_words}w",
                  "score": s.score, "threshold": f"{s.threshold:g}"}  # fmt: skip
        label = dtype_label(self.options.dtype)
        if label:
            fields["dtype"] = label
        return fields

    def signature(self) -> str:
        from evalsuite import __version__

        fields = {**self.signature_fields(), "version": __version__}
        return "|".join(f"{k}:{v}" for k, v in fields.items())

    def verdicts(
        self, hypotheses: Sequence[str], premises: Sequence[str | None],
        langs: Sequence[str | None], premise_langs: Sequence[str | None],
        against: Sequence[str],
    ) -> list[SegmentVerdict]:
        """Score and findings per segment; `against[i]` names the premise ("source"...)."""
        s = self.settings
        per_segment = []
        pairs: list[tuple[str, str]] = []
        for hyp, premise, lang, plang in zip(hypotheses, premises, langs, premise_langs,
                                             strict=True):  # fmt: skip
            if premise is None:
                raise UsageError(f"{WHO}: a segment has neither a source nor a reference")
            sentences = sentence_spans(hyp, lang)
            chunks = chunk_source(premise, plang, s.chunk_words)
            per_segment.append((sentences, chunks))
            pairs += [(c.text, sent) for _, _, sent in sentences for c in chunks]
        fields = "|".join(f"{k}:{v}" for k, v in self.signature_fields().items())
        cache = ModelOutputs(f"nli|{fields}", self.options.cache_dir, self.options.use_cache)
        items: list[Item] = list(pairs)
        probs = iter(cache.compute(items, self._run))
        out = []
        for (sentences, chunks), name in zip(per_segment, against, strict=True):
            scores, findings = [], []
            for start, end, sentence in sentences:
                rows = [next(probs) for _ in chunks]
                values = [e - c if s.score == "e-c" else e for e, c in rows]
                if not values:
                    continue
                best = max(range(len(values)), key=values.__getitem__)
                scores.append(values[best])
                if values[best] < s.threshold:
                    findings.append(self._finding(start, end, sentence, chunks[best], rows[best],
                                                  values[best], name))  # fmt: skip
            score = math.fsum(scores) / len(scores) if scores else 1.0
            out.append(SegmentVerdict(score, findings))
        return out

    def _finding(
        self, start: int, end: int, sentence: str, chunk: Chunk, row: Any, value: float,
        against: str,
    ) -> Finding:
        entail, contradict = row
        return Finding(
            check=CHECK, severity="major",
            message=f"sentence not entailed by the {against} (best {self.settings.score} "
                    f"{value:.2f} < {self.settings.threshold:g})",
            hyp_span=Span(start, end, sentence), ref_span=Span(chunk.start, chunk.end, chunk.text),
            evidence={"against": against, "entailment": round(entail, 4),
                      "contradiction": round(contradict, 4), "score": round(value, 4),
                      "model": self.located.identity},
        )  # fmt: skip

    def _run(self, items: list[Item]) -> list[list[float]]:
        from evalsuite.models.nli import load_nli

        model = load_nli(self.located, pick_device(self.options.device),
                         pick_dtype(self.options.dtype))  # fmt: skip
        pairs = [(str(p), str(h)) for p, h in items]
        with progress_bar(f"nli {self.located.name}", len(pairs),
                          enabled=self.options.progress) as bar:  # fmt: skip
            found = model.probabilities(pairs, self.options.batch_size, bar.advance)
        return [list(x) for x in found]


