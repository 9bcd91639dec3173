"""Scoring with a loaded COMET network, batched and length-sorted.

- regression_metric: embeddings of source, translation and reference (each pooled from the
  layer mix), then the estimator on [mt, ref, mt*ref, |mt-ref|, mt*src, |mt-src|];
- referenceless_regression_metric: the same with [mt, src, mt*src, |mt-src|];
- unified_metric / xcomet_metric: the translation joined with the source, the reference, or
  both; the estimator reads the first token of the layer mix. With source and reference, the
  three joined inputs are scored and combined (a mean; for xCOMET, weights 0.12/0.33/0.33 of
  the scores capped at 1, plus 0.22 of the MQM-style score of its error spans), and the tag
  probabilities of the three are averaged with weights 1/6, 1/3, 1/2 before decoding spans.

Each distinct text is embedded once (a source shared by many systems costs one pass).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from evalsuite.models.batches import length_sorted_batches
from evalsuite.models.comet.inputs import Tokenized, join_segments, pad_batch
from evalsuite.models.comet.layers import average_pool, max_pool
from evalsuite.models.comet.network import CometNetwork
from evalsuite.models.comet.spans import ErrorSpan, decode_spans, mqm_from_spans

SPAN_WEIGHTS = (0.1667, 0.3333, 0.5)  # tag probabilities of (mt+src, mt+ref, mt+src+ref)
XCOMET_WEIGHTS = (0.12, 0.33, 0.33, 0.22)  # scores of the same three, then the MQM score


@dataclass(frozen=True)
class CometInput:
    mt: str
    src: str | None
    ref: str | None


@dataclass
class CometPrediction:
    score: float
    spans: list[ErrorSpan] = field(default_factory=list)
    parts: dict[str, float] = field(default_factory=dict)  # per-input scores, MQM score


Advance = Callable[[int], None]


class CometScorer:
    def __init__(self, network: CometNetwork, device: Any, dtype: Any) -> None:
        self.net = network.to(device=device, dtype=dtype)
        self.device = device
        self.tokenize = network.pieces

    def needs(self) -> tuple[bool, bool]:
        """(needs a source, needs a reference)."""
        family = self.net.family
        if family == "regression_metric":
            return True, True
        if family == "referenceless_regression_metric":
            return True, False
        segments = self.net.hp["input_segments"]
        return "src" in segments, segments == ["mt", "ref"]

    def predict(
        self, inputs: Sequence[CometInput], batch_size: int, advance: Advance | None = None
    ) -> list[CometPrediction]:
        with torch.inference_mode():
            if self.net.family in ("regression_metric", "referenceless_regression_metric"):
                return self._regression(inputs, batch_size, advance)
            return self._unified(inputs, batch_size, advance)

    # -- regression families -------------------------------------------------------------

    def _regression(
        self, inputs: Sequence[CometInput], batch_size: int, advance: Advance | None
    ) -> list[CometPrediction]:
        with_ref = self.net.family == "regression_metric"
        texts = list(dict.fromkeys(
            t for x in inputs for t in (x.mt, x.src, x.ref if with_ref else None) if t is not None
        ))  # fmt: skip
        embedded = self._sentence_embeddings(texts, batch_size)
        out = []
        for batch in [list(range(i, min(i + batch_size, len(inputs))))
                      for i in range(0, len(inputs), batch_size)]:  # fmt: skip
            mt = torch.stack([embedded[inputs[i].mt] for i in batch])
            src = torch.stack([embedded[_text(inputs[i].src)] for i in batch])
            if with_ref:
                ref = torch.stack([embedded[_text(inputs[i].ref)] for i in batch])
                features = [mt, ref, mt * ref, (mt - ref).abs(), mt * src, (mt - src).abs()]
            else:
                features = [mt, src, mt * src, (mt - src).abs()]
            scores = self.net.estimator(torch.cat(features, dim=1)).view(-1).float().cpu()
            out += [CometPrediction(float(s)) for s in scores]
            if advance is not None:
                advance(len(batch))
        return out

    def _sentence_embeddings(self, texts: list[str], batch_size: int) -> dict[str, Any]:
        net = self.net
        pad = self.tokenize.pad
        tokens = [self.tokenize(t).ids for t in texts]
        embedded: dict[str, Any] = {}
        for batch in length_sorted_batches([len(t) for t in tokens], batch_size):
            ids, mask, _ = pad_batch([tokens[i] for i in batch], pad)
            ids, mask = ids.to(self.device), mask.to(self.device)
            layers = net.layers(ids, mask)
            mixed = net.sentence_layer(layers, mask)
            pool = net.hp["pool"]
            if pool == "avg":
                pooled = average_pool(ids, mixed, mask, pad)
            elif pool == "max":
                pooled = max_pool(ids, mixed, pad)
            elif pool == "cls":
                pooled = mixed[:, 0, :]
            else:
                from evalsuite.errors import UsageError

                raise UsageError(f"comet: pooling '{pool}' is not supported (avg, max, cls)")
            for row, i in enumerate(batch):
                embedded[texts[i]] = pooled[row]
        return embedded

    # -- unified families ----------------------------------------------------------------

    def _unified(
        self, inputs: Sequence[CometInput], batch_size: int, advance: Advance | None
    ) -> list[CometPrediction]:
        net = self.net
        segments = net.hp["input_segments"]
        mts = [self.tokenize(x.mt) for x in inputs]

        def ids_of(text: str | None) -> list[int] | None:
            return None if text is None else self.tokenize(text).ids

        srcs = [ids_of(x.src) if "src" in segments else None for x in inputs]
        refs = [ids_of(x.ref) if "ref" in segments else None for x in inputs]
        combos: list[list[list[list[int]]]] = []  # per input: joined inputs, each segments
        for mt, src, ref in zip(mts, srcs, refs, strict=True):
            if src is not None and ref is not None:
                combos.append([[mt.ids, src], [mt.ids, ref], [mt.ids, src, ref]])
            else:
                combos.append([[mt.ids, src if src is not None else ref or []]])
        lengths = [sum(len(s) for s in combo[-1]) for combo in combos]
        out: list[CometPrediction | None] = [None] * len(inputs)
        for batch in length_sorted_batches(lengths, batch_size):
            kinds = {len(combos[i]) for i in batch}
            for count in sorted(kinds):  # rows with and without a reference run apart
                rows = [i for i in batch if len(combos[i]) == count]
                for i, prediction in zip(rows, self._unified_rows(
                    [combos[i] for i in rows], [mts[i] for i in rows]), strict=True):  # fmt: skip
                    out[i] = prediction
            if advance is not None:
                advance(len(batch))
        return [p for p in out if p is not None]

    def _unified_rows(
        self, combos: list[list[list[list[int]]]], mts: list[Tokenized]
    ) -> list[CometPrediction]:
        net = self.net
        kind = net.kind
        tok = self.tokenize
        scores, probabilities = [], []
        for position in range(len(combos[0])):
            joined = [
                join_segments(combo[position], tok.cls, tok.sep, kind.separator,
                              net.max_positions)  # fmt: skip
                for combo in combos
            ]
            ids, mask, types = pad_batch(
                [j[0] for j in joined], tok.pad,
                [j[1] for j in joined] if kind.token_types else None,
            )
            ids, mask = ids.to(self.device), mask.to(self.device)
            layers = net.layers(ids, mask, types.to(self.device) if types is not None else None)
            sentence = net.sentence_layer(layers, mask)[:, 0, :]
            scores.append(net.estimator(sentence).view(-1).float().cpu())
            if net.word_level:
                logits = net.hidden2tag(layers[net.hp["word_layer"]])
                probabilities.append(logits.float().softmax(dim=2).cpu())
        return [self._combine(row, scores, probabilities, mts[row]) for row in range(len(mts))]

    def _combine(
        self, row: int, scores: list[Any], probabilities: list[Any], mt: Tokenized
    ) -> CometPrediction:
        net = self.net
        per_input = [float(s[row]) for s in scores]
        names = ("src", "ref", "unified") if len(per_input) == 3 else ("single",)
        parts = dict(zip(names, per_input, strict=True))
        spans: list[ErrorSpan] = []
        if net.word_level:
            length = len(mt.ids)
            if len(probabilities) == 3:
                mixed = sum(w * p[row, :length] for w, p in zip(
                    torch.tensor(SPAN_WEIGHTS), probabilities, strict=True))  # fmt: skip
            else:
                mixed = probabilities[0][row, :length]
            spans = decode_spans(mixed, mt.ids, mt.offsets, net.labels)
        if net.family == "xcomet_metric":
            mqm = mqm_from_spans(spans)
            parts["mqm"] = mqm
            capped = [min(s, 1.0) for s in per_input]
            if len(capped) == 3:
                regression = sum(w * s for w, s in zip(XCOMET_WEIGHTS[:3], capped, strict=True))
            else:
                regression = capped[0] * sum(XCOMET_WEIGHTS[:3])
            return CometPrediction(regression + mqm * XCOMET_WEIGHTS[3], spans, parts)
        return CometPrediction(sum(per_input) / len(per_input), spans, parts)


def _text(text: str | None) -> str:
    if text is None:
        raise ValueError("a COMET input lacks a text its model needs")
    return text
