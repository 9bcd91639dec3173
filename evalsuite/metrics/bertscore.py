"""BERTScore (Zhang et al., 2020): greedy matching of contextual token embeddings.

Every token of the hypothesis is matched to its most similar (cosine) token of the reference
and vice versa; precision and recall are the (optionally idf-weighted) means of those best
similarities, F their harmonic mean. Special tokens take part in matching but weigh nothing.
With several references each of P, R and F is the best over them, as in the `bert-score`
package; rescaling maps a score x to (x - b) / (1 - b) with the baseline b of the model's
layer (the package ships baseline files per language and model; any file in that format
can be named). `tests/metrics/test_bertscore.py` checks parity with `bert-score` 0.3.13.

Segment statistics are each segment's (P, R, F); corpus scores are their means.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.metrics.base import CorpusScore, MetricOutput
from evalsuite.metrics.signature import Signature
from evalsuite.models.idf import IdfTable
from evalsuite.models.locate import LocatedModel, locate_model
from evalsuite.models.options import ModelOptions
from evalsuite.models.outputs_cache import Item, ModelOutputs
from evalsuite.models.runtime import dtype_label, pick_device, pick_dtype
from evalsuite.progress import progress_bar

SCORE_NAMES = ("bertscore_f", "bertscore_p", "bertscore_r")  # F first: the headline number
WHO = "bertscore"


@dataclass(frozen=True)
class BertScoreSettings:
    """Everything that changes the numbers (and so goes into the signature)."""

    model: str
    layer: int | None = None  # None: the model's last layer
    idf: bool = False
    rescale: bool = False  # with the baseline file `baseline`, or bert-score's for `lang`
    baseline: str | None = None
    lang: str | None = None
    revision: str | None = None


def read_baseline(path: Path, layer: int) -> tuple[float, float, float]:
    """Row `layer` (0 = embeddings) of a bert-score baseline file: `LAYER,P,R,F` lines."""
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError as error:
        raise UsageError(f"{WHO}: cannot read baseline file '{path}': {error}") from None
    rows = lines[1:]
    if not 0 <= layer < len(rows):
        raise UsageError(f"{path}: no baseline row for layer {layer} ({len(rows)} rows)")
    cells = rows[layer].split(",")
    try:
        p, r, f = (float(x) for x in cells[1:4])
    except ValueError:
        raise UsageError(
            f"{path}:{layer + 2}: expected 'layer,P,R,F' numbers, got {rows[layer]!r}"
        ) from None
    return p, r, f


def packaged_baseline(model: str, lang: str | None) -> Path:
    """bert-score's own baseline for a hub model and language, if that package is installed."""
    if not lang:
        raise UsageError(f"{WHO}: rescale needs the language (lang) or a baseline file")
    try:
        import bert_score
    except ImportError:
        raise UsageError(
            f"{WHO}: rescale without a baseline file reads bert-score's baselines; install "
            "'bert-score==0.3.13' or name a baseline file"
        ) from None
    path = Path(bert_score.__file__).parent / "rescale_baseline" / lang.lower() / f"{model}.tsv"
    if not path.is_file():
        raise UsageError(f"{WHO}: bert-score has no baseline for '{model}' in '{lang}'")
    return path


def greedy_match(
    hyp: Any, hyp_weights: Any, ref: Any, ref_weights: Any
) -> tuple[float, float, float]:
    """(P, R, F) of one pair of embedding matrices (tokens x dims) with token weights."""
    if hyp.shape[0] <= 2 or ref.shape[0] <= 2:  # an empty text: only its special tokens
        return 0.0, 0.0, 0.0
    hyp = hyp / hyp.norm(dim=-1, keepdim=True)
    ref = ref / ref.norm(dim=-1, keepdim=True)
    similarity = hyp @ ref.T
    p = float((similarity.max(dim=1).values * hyp_weights / hyp_weights.sum()).sum())
    r = float((similarity.max(dim=0).values * ref_weights / ref_weights.sum()).sum())
    f = 2 * p * r / (p + r) if p + r else 0.0
    p, r, f = (0.0 if math.isnan(v) else v for v in (p, r, f))  # weights summing to 0
    return p, r, f


@dataclass
class BertScore:
    """BERTScore with one encoder; `compute` scores a corpus, `score_segments` any part of
    one given the corpus's idf table."""

    settings: BertScoreSettings
    options: ModelOptions = field(default_factory=ModelOptions)
    name: str = "bertscore"
    higher_is_better: bool = True
    _located: LocatedModel | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.options.validate(WHO)
        if self.settings.layer is not None and self.settings.layer < 0:
            raise UsageError(f"{WHO}: layer must be 0 or more, got {self.settings.layer}")

    @property
    def located(self) -> LocatedModel:
        if self._located is None:
            memo = (self.options.cache_dir or _default_cache()) / "model-hashes.json"
            self._located = locate_model(
                self.settings.model, WHO, revision=self.settings.revision, memo_path=memo
            )
        return self._located

    def _encoder(self) -> Any:
        from evalsuite.models.token_embeddings import load_encoder

        device, dtype = pick_device(self.options.device), pick_dtype(self.options.dtype)
        return load_encoder(self.located, self.settings.layer, device, dtype)

    def baseline(self) -> tuple[float, float, float] | None:
        s = self.settings
        if not (s.rescale or s.baseline):
            return None
        path = Path(s.baseline) if s.baseline else packaged_baseline(s.model, s.lang)
        return read_baseline(path, self._layer_used())

    def _layer_used(self) -> int:
        encoder = self._encoder()
        from evalsuite.models.token_embeddings import cut_layers

        return cut_layers(encoder.model, None, self.located.name)

    def signature_fields(self) -> dict[str, str]:
        s = self.settings
        fields = {
            "model": self.located.identity,
            "layer": str(self._layer_used()),
            "idf": "yes" if s.idf else "no",
            "rescale": "no",
        }
        if s.rescale or s.baseline:
            b = self.baseline()
            assert b is not None
            fields["rescale"] = f"{Path(s.baseline).name if s.baseline else 'bert-score'}:" + (
                ",".join(f"{x:.6g}" for x in b)
            )
        label = dtype_label(self.options.dtype)
        if label:
            fields["dtype"] = label
        return fields

    def idf_table(self, references: Sequence[Sequence[str]]) -> IdfTable | None:
        """The corpus's idf table (every reference of every segment), or None without idf."""
        if not self.settings.idf:
            return None
        encoder = self._encoder()
        return IdfTable.from_token_ids(encoder.encode(r) for refs in references for r in refs)

    def score_segments(
        self, hypotheses: Sequence[str], references: Sequence[Sequence[str]],
        idf: IdfTable | None,
    ) -> list[tuple[float, float, float]]:
        """(P, R, F) per segment, rescaled when asked; cached per (hypothesis, references)."""
        for i, refs in enumerate(references):
            if not refs:
                raise UsageError(f"{WHO}: segment {i + 1} has no reference")
        fields = self.signature_fields()
        cache_signature = "|".join(f"{k}:{v}" for k, v in fields.items())
        if idf is not None:
            cache_signature += f"|idf-table:{idf.digest()}"
        cache = ModelOutputs(
            f"bertscore|{cache_signature}", self.options.cache_dir, self.options.use_cache
        )
        items: list[Item] = [(h, *refs) for h, refs in zip(hypotheses, references, strict=True)]
        raw = cache.compute(items, lambda todo: self._run(todo, idf))
        baseline = self.baseline()
        out = []
        for p, r, f in raw:
            if baseline is not None:
                p, r, f = ((x - b) / (1 - b) for x, b in zip((p, r, f), baseline, strict=True))
            out.append((float(p), float(r), float(f)))
        return out

    def _run(self, items: list[Item], idf: IdfTable | None) -> list[list[float]]:
        import torch

        encoder = self._encoder()
        texts = list(dict.fromkeys(t for item in items for t in item if t is not None))
        ids = [encoder.encode(t) for t in texts]
        with progress_bar(f"bertscore {self.located.name}", len(texts),
                          enabled=self.options.progress) as bar:  # fmt: skip
            embeddings = encoder.embed(ids, self.options.batch_size, bar.advance)
        special = {encoder.tokenizer.cls_token_id, encoder.tokenizer.sep_token_id}

        def weights(token_ids: list[int]) -> Any:
            if idf is None:
                values = [0.0 if t in special else 1.0 for t in token_ids]
            else:
                values = [idf.weight(t) for t in token_ids]
            return torch.tensor(values, dtype=torch.float32)

        index = {t: i for i, t in enumerate(texts)}
        out = []
        for hyp, *refs in items:
            assert hyp is not None
            h = index[hyp]
            best = [-math.inf] * 3
            for ref in refs:
                assert ref is not None
                k = index[ref]
                triple = greedy_match(
                    embeddings[h], weights(ids[h]), embeddings[k], weights(ids[k])
                )
                best = [max(a, b) for a, b in zip(best, triple, strict=True)]
            out.append(best)
        return out

    def compute(
        self, hypotheses: Sequence[str], references: Sequence[Sequence[str]],
        langs: Sequence[str | None],
    ) -> MetricOutput:
        """Corpus scores (means of the segments' P, R, F) with the signature."""
        del langs
        triples = self.score_segments(hypotheses, references, self.idf_table(references))
        counts = {len(refs) for refs in references}
        signature = self.signature(counts.pop() if len(counts) == 1 else -1)
        n = len(triples) or 1
        columns = {name: [t[(2, 0, 1)[i]] for t in triples] for i, name in enumerate(SCORE_NAMES)}
        scores = [
            CorpusScore(name, math.fsum(values) / n, Signature.parse(signature), True)
            for name, values in columns.items()
        ]
        segments = [{name: columns[name][i] for name in SCORE_NAMES} for i in range(len(triples))]
        stats = [{name: [columns[name][i]] for name in SCORE_NAMES} for i in range(len(triples))]
        return MetricOutput(scores, segments, stats)

    def signature(self, nrefs: int) -> str:
        fields = {"nrefs": str(nrefs) if nrefs > 0 else "var", **self.signature_fields()}
        from evalsuite import __version__

        fields["version"] = __version__
        return "|".join(f"{k}:{v}" for k, v in fields.items())


def _default_cache() -> Path:
    from evalsuite.cache import default_cache_dir

    return default_cache_dir()
