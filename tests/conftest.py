"""Session-wide test setup: no network, and tiny models built once per session."""

from __future__ import annotations

import os

# Set before anything imports huggingface_hub, which reads these at import time.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
# Tiny test models gain nothing from intra-op threads, and on a shared 2-core machine spinning
# OpenMP threads make them many times slower. Subprocesses inherit this too.
os.environ.setdefault("OMP_NUM_THREADS", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def tiny_seq2seq_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory of a tiny random-weight BART and its tokenizer (en/fr/ru), built offline."""
    from tests.fixtures.tiny_models import build_tiny_seq2seq

    return build_tiny_seq2seq(tmp_path_factory.mktemp("tiny-seq2seq"))


@pytest.fixture(scope="session")
def tiny_causal_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory of a tiny random-weight GPT-2 and its BOS-only tokenizer, built offline."""
    from tests.fixtures.tiny_models import build_tiny_causal

    return build_tiny_causal(tmp_path_factory.mktemp("tiny-causal"))


@pytest.fixture(scope="session")
def tiny_multilingual_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny BART with M2M-style language tokens (`__en__`, `__fr__`, `__ru__`)."""
    from tests.fixtures.tiny_models import build_tiny_multilingual

    return build_tiny_multilingual(tmp_path_factory.mktemp("tiny-multilingual"))


@pytest.fixture(scope="session")
def tiny_bert_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random BERT encoder (3 layers) with a WordPiece tokenizer, for BERTScore."""
    from tests.fixtures.tiny_encoders import build_tiny_bert

    return build_tiny_bert(tmp_path_factory.mktemp("tiny-bert"))


@pytest.fixture(scope="session")
def tiny_xlmr_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random XLM-R encoder (2 layers), the COMET encoder family."""
    from tests.fixtures.tiny_encoders import build_tiny_xlmr

    return build_tiny_xlmr(tmp_path_factory.mktemp("tiny-xlmr"))


@pytest.fixture(scope="session")
def tiny_nli_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny random BERT sequence classifier labelled entailment/neutral/contradiction."""
    from tests.fixtures.tiny_encoders import build_tiny_nli

    return build_tiny_nli(tmp_path_factory.mktemp("tiny-nli"))
