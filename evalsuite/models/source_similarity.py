"""How well an output matches its source, by a user-named model: the cosine of two sentence
embeddings (a LaBSE-style encoder), or a COMET quality-estimation score (COMET-QE, CometKiwi).

The model is found like any metric's (`evalsuite.models.locate`: a local directory or a hub
id, which fails with a UsageError when it cannot be had); a directory with `hparams.yaml` and
`checkpoints/model.ckpt` is a COMET checkpoint, anything else a `transformers` encoder. Scores
of (source, output) pairs are cached on disk by the model's identity and the settings that
change them, so a re-run on unchanged texts never runs the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from evalsuite.errors import UsageError
from evalsuite.models.locate import LocatedModel, locate_model
from evalsuite.models.outputs_cache import Item, ModelOutputs
from evalsuite.models.runtime import dtype_label, pick_device, pick_dtype
from evalsuite.models.source_spec import SourceModelSpec

WHO = "xling-model"
Pair = tuple[str, str]  # (source, output)


def is_comet_checkpoint(directory: Path) -> bool:
    return (directory / "hparams.yaml").is_file() and (
        directory / "checkpoints" / "model.ckpt"
    ).is_file()


@dataclass
class SimilarityScorer:
    """A loaded model and the settings its scores depend on."""

    spec: SourceModelSpec
    located: LocatedModel
    kind: str  # "encoder" or "qe"
    runner: Any  # SentenceEncoder or CometScorer

    @property
    def identity(self) -> str:
        return self.located.identity

    @property
    def detached_below(self) -> float:
        return self.spec.threshold(self.kind)

    def signature(self) -> str:
        fields = {"kind": self.kind, "model": self.identity}
        if self.kind == "encoder":
            fields["pooling"] = self.runner.pooling
        label = dtype_label(self.spec.dtype)
        if label:
            fields["dtype"] = label
        return "xling|" + "|".join(f"{k}:{v}" for k, v in fields.items())

    def scores(self, pairs: Sequence[Pair]) -> list[float]:
        """One score per (source, output) pair, higher meaning a closer match."""
        cache = ModelOutputs(self.signature(), None, self.spec.cache)
        return [float(s) for s in cache.compute(list(pairs), self._run)]

    def _run(self, items: list[Item]) -> list[float]:
        pairs = [(str(src), str(hyp)) for src, hyp in items]
        if self.kind == "qe":
            from evalsuite.models.comet.scorer import CometInput

            inputs = [CometInput(hyp, src, None) for src, hyp in pairs]
            return [p.score for p in self.runner.predict(inputs, self.spec.batch_size)]
        texts = list(dict.fromkeys(t for pair in pairs for t in pair))
        rows = self.runner.embed(texts, self.spec.batch_size)
        where = {text: i for i, text in enumerate(texts)}
        return [float(rows[where[src]] @ rows[where[hyp]]) for src, hyp in pairs]


_LOADED: dict[SourceModelSpec, SimilarityScorer] = {}


def load_scorer(spec: SourceModelSpec) -> SimilarityScorer:
    """The model `spec` names, loaded once per process (and shared by every threshold)."""
    key = _runtime_free(spec)
    if key not in _LOADED:
        _LOADED[key] = _load(spec)
    return replace(_LOADED[key], spec=spec)


def loaded_models() -> dict[str, str]:
    """Identities of the models loaded so far, for a results document's `models`."""
    return {f"{WHO}:{s.kind}": s.identity for s in _LOADED.values()}


def _runtime_free(spec: SourceModelSpec) -> SourceModelSpec:
    """The settings that decide which model is loaded, and how."""
    return replace(spec, detached_below=None, clause_gain=1.0, cache=True)


def _load(spec: SourceModelSpec) -> SimilarityScorer:
    from evalsuite.cache import default_cache_dir

    memo = default_cache_dir() / "model-hashes.json"
    located = locate_model(spec.model, WHO, memo_path=memo)
    kind = "qe" if is_comet_checkpoint(located.directory) else "encoder"
    if spec.kind not in ("auto", kind):
        expected = "a COMET checkpoint" if spec.kind == "qe" else "a transformers encoder"
        raise UsageError(f"{WHO}: '{spec.model}' is not {expected} (kind={spec.kind})")
    device, dtype = pick_device(spec.device), pick_dtype(spec.dtype)
    if kind == "qe":
        return SimilarityScorer(spec, located, kind, _comet_scorer(located, memo, device, dtype))
    from evalsuite.models.sentence_encoder import load_sentence_encoder

    return SimilarityScorer(
        spec, located, kind, load_sentence_encoder(located, spec.pooling, device, dtype)
    )


def _comet_scorer(located: LocatedModel, memo: Path, device: Any, dtype: Any) -> Any:
    from evalsuite.models.comet.checkpoint import find_checkpoint
    from evalsuite.models.comet.network import CometNetwork
    from evalsuite.models.comet.scorer import CometScorer

    checkpoint = find_checkpoint(str(located.directory), memo)
    if checkpoint.family == "regression_metric" or "src" not in checkpoint.segments:
        raise UsageError(
            f"{WHO}: '{located.name}' ({checkpoint.family}) cannot score without a reference; "
            "name a quality-estimation checkpoint (COMET-QE, CometKiwi, xCOMET)"
        )
    return CometScorer(CometNetwork(checkpoint), device, dtype)
