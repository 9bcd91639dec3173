"""COMET (Rei et al., 2020/2022) from Unbabel checkpoints: reference-based COMET, QE
(COMET-QE, CometKiwi) and xCOMET with error spans, scored by evalsuite's own code
(evalsuite/models/comet, parity-tested against unbabel-comet 2.2.7).

`comet` uses the reference when the checkpoint reads one; `comet-qe` never passes it (for a
checkpoint that cannot score without a reference that is an error). Word-level checkpoints
(xCOMET, word-level CometKiwi) also tag error spans in the translation: each becomes a
`comet_error_span` finding with COMET's severity (minor, major, critical), its span and
confidence. Segment statistics are the segment scores; the corpus score is their mean, as
COMET's system score is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from evalsuite.checks.base import Finding, Span
from evalsuite.errors import UsageError
from evalsuite.models.options import ModelOptions
from evalsuite.models.outputs_cache import Item, ModelOutputs
from evalsuite.models.runtime import dtype_label, pick_device, pick_dtype
from evalsuite.progress import progress_bar

CHECK = "comet_error_span"
SEVERITIES = {"minor": "minor", "major": "major", "critical": "critical"}


@dataclass(frozen=True)
class CometSettings:
    model: str
    qe: bool = False  # score without the reference


@dataclass
class SegmentComet:
    score: float
    findings: list[Finding]


@dataclass
class Comet:
    settings: CometSettings
    options: ModelOptions = field(default_factory=ModelOptions)
    _checkpoint: Any = field(default=None, init=False, repr=False)
    _scorer: Any = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.options.validate("comet")

    @property
    def name(self) -> str:
        return "comet_qe" if self.settings.qe else "comet"

    higher_is_better = True

    @property
    def checkpoint(self) -> Any:
        if self._checkpoint is None:
            from evalsuite.cache import default_cache_dir
            from evalsuite.models.comet.checkpoint import find_checkpoint

            memo = (self.options.cache_dir or default_cache_dir()) / "model-hashes.json"
            self._checkpoint = find_checkpoint(self.settings.model, memo)
        return self._checkpoint

    def uses_reference(self) -> bool:
        """Whether references are passed to the model (never for comet-qe)."""
        return not self.settings.qe and "ref" in self.checkpoint.segments

    @property
    def needs_reference(self) -> bool:
        """A model that cannot score a segment without its reference."""
        checkpoint = self.checkpoint
        needed = checkpoint.family == "regression_metric" or "src" not in checkpoint.segments
        if self.settings.qe and needed:
            raise UsageError(
                f"comet-qe: '{self.settings.model}' ({checkpoint.family}) cannot score without "
                "references; use comet"
            )
        return self.uses_reference() and needed

    @property
    def needs_source(self) -> bool:
        return "src" in self.checkpoint.segments

    def signature_fields(self) -> dict[str, str]:
        fields = {"model": self.checkpoint.located.identity,
                  "encoder": self.checkpoint.encoder.identity,
                  "family": self.checkpoint.family.replace("_metric", ""),
                  "ref": "yes" if self.uses_reference() else "no"}  # fmt: skip
        label = dtype_label(self.options.dtype)
        if label:
            fields["dtype"] = label
        return fields

    def signature(self) -> str:
        from evalsuite import __version__

        fields = {**self.signature_fields(), "version": __version__}
        return "|".join(f"{k}:{v}" for k, v in fields.items())

    def _network_scorer(self) -> Any:
        if self._scorer is None:
            self._scorer = _load_scorer(self.checkpoint, self.options.device, self.options.dtype)
        return self._scorer

    def segments(
        self, hypotheses: Sequence[str], sources: Sequence[str | None],
        references: Sequence[Sequence[str]],
    ) -> list[SegmentComet]:
        use_ref, needs_src = self.uses_reference(), self.needs_source
        items: list[Item] = []
        for i, (hyp, src, refs) in enumerate(zip(hypotheses, sources, references, strict=True)):
            if needs_src and src is None:
                raise UsageError(f"{self.name}: segment {i + 1} has no source (COMET reads it)")
            ref = refs[0] if refs and use_ref else None
            if use_ref and ref is None and self.needs_reference:
                raise UsageError(f"{self.name}: segment {i + 1} has no reference")
            items.append((hyp, src, ref))
        fields = "|".join(f"{k}:{v}" for k, v in self.signature_fields().items())
        cache = ModelOutputs(f"comet|{fields}", self.options.cache_dir, self.options.use_cache)
        raw = cache.compute(items, self._run)
        return [
            SegmentComet(float(r["score"]), self._findings(hyp, r["spans"]))
            for hyp, r in zip(hypotheses, raw, strict=True)
        ]

    def _run(self, items: list[Item]) -> list[dict[str, Any]]:
        from evalsuite.models.comet.scorer import CometInput

        scorer = self._network_scorer()
        inputs = [CometInput(str(mt), src, ref) for mt, src, ref in items]
        with progress_bar(f"{self.name} {self.checkpoint.located.name}", len(inputs),
                          enabled=self.options.progress) as bar:  # fmt: skip
            predictions = scorer.predict(inputs, self.options.batch_size, bar.advance)
        return [{"score": p.score, "spans": [s.to_dict() for s in p.spans], "parts": p.parts}
                for p in predictions]  # fmt: skip

    def _findings(self, hypothesis: str, spans: list[dict[str, Any]]) -> list[Finding]:
        found = []
        for span in spans:
            start, end = int(span["start"]), int(span["end"])
            while start < end and hypothesis[start : start + 1].isspace():
                start += 1  # offsets of a word piece include the space before it
            text = hypothesis[start:end]
            severity = SEVERITIES.get(str(span["severity"]), "major")
            found.append(Finding(
                check=CHECK, severity=severity,  # type: ignore[arg-type]
                message=f"COMET tags '{text}' as a {span['severity']} error "
                        f"(confidence {float(span['confidence']):.2f})",
                hyp_span=Span(start, end, text),
                evidence={"severity": span["severity"], "confidence": round(span["confidence"], 4),
                          "model": self.checkpoint.located.identity,
                          "comet_offsets": [int(span["start"]), int(span["end"])]},
            ))  # fmt: skip
        return found


_SCORERS: dict[tuple[str, str, str], Any] = {}


def _load_scorer(checkpoint: Any, device_name: str, dtype_name: str) -> Any:
    """One loaded network per (checkpoint, device, dtype) per process."""
    key = (checkpoint.located.identity, device_name, dtype_name)
    if key not in _SCORERS:
        from evalsuite.models.comet.network import CometNetwork
        from evalsuite.models.comet.scorer import CometScorer

        _SCORERS[key] = CometScorer(CometNetwork(checkpoint), pick_device(device_name),
                                    pick_dtype(dtype_name))  # fmt: skip
    return _SCORERS[key]
