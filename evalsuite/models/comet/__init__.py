"""Unbabel COMET checkpoints scored with evalsuite's own code (the `unbabel-comet` package pins
numpy<2 and transformers<5 and cannot share this environment).

A checkpoint is a directory with `hparams.yaml` and `checkpoints/model.ckpt` (a PyTorch
Lightning checkpoint whose `state_dict` holds an XLM-R-family encoder, a layer mix, a
feed-forward estimator and, for word-level models such as xCOMET, a token tagging head).
Supported families, by `class_identifier`: `regression_metric` (reference-based COMET),
`referenceless_regression_metric` (COMET-QE), `unified_metric` (CometKiwi, UniTE) and
`xcomet_metric` (xCOMET, with error spans). Parity with the package is tested on a tiny
checkpoint (tests/models/test_comet_parity.py).
"""
