"""Session-wide test setup: no network, and a tiny seq2seq model built once per session."""

from __future__ import annotations

import os

# Set before anything imports huggingface_hub, which reads these at import time.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def tiny_seq2seq_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Directory of a tiny random-weight BART and its tokenizer (en/fr/ru), built offline."""
    from tests.fixtures.tiny_models import build_tiny_seq2seq

    return build_tiny_seq2seq(tmp_path_factory.mktemp("tiny-seq2seq"))
