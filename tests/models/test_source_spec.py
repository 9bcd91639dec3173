"""How users name the model that judges translations against their sources."""

from __future__ import annotations

import pytest

from evalsuite.errors import UsageError
from evalsuite.models.source_spec import (
    ENCODER_DETACHED_BELOW,
    SourceModelSpec,
    parse_source_model,
    source_model_from_table,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("models/labse", SourceModelSpec("models/labse")),
        ("sentence-transformers/LaBSE;pooling=cls",
         SourceModelSpec("sentence-transformers/LaBSE", pooling="cls")),
        ("model=q;detached_below=0.3;clause_gain=0.1;cache=false;batch_size=8",
         SourceModelSpec("q", detached_below=0.3, clause_gain=0.1, cache=False, batch_size=8)),
        (" m ; kind=qe ; detached_below=-0.2 ",
         SourceModelSpec("m", kind="qe", detached_below=-0.2)),
    ],
)  # fmt: skip
def test_parse(text: str, expected: SourceModelSpec) -> None:
    spec = parse_source_model(text)
    assert spec == expected
    assert parse_source_model(spec.text()) == spec  # the text round-trips


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected a model"),
        ("m;pool=cls", "unknown setting 'pool'"),
        ("m;pooling=first", "pooling 'first'"),
        ("m;kind=nli", "kind 'nli'"),
        ("m;detached_below=high", "detached_below must be a number"),
        ("m;batch_size=0", "batch_size must be at least 1"),
        ("m;batch_size=2.5", "batch_size must be an integer"),
        ("m;cache=maybe", "cache must be true or false"),
        ("m;clause_gain=0", "clause_gain must be above 0"),
        ("m;device=tpu", "device 'tpu'"),
        ("detached_below=0.3", "'model'"),
        ("m;cls", "not key=value"),
    ],
)
def test_bad_specs_name_the_setting(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_source_model(text)


def test_table_values_keep_their_types() -> None:
    spec = source_model_from_table({"model": "m", "detached_below": 1, "cache": False}, "x")
    assert spec.detached_below == 1.0 and spec.cache is False
    with pytest.raises(UsageError, match="x: batch_size must be an integer"):
        source_model_from_table({"model": "m", "batch_size": True}, "x")
    with pytest.raises(UsageError, match="cannot contain ';'"):
        source_model_from_table({"model": "a;b"}, "x")


def test_thresholds_by_kind() -> None:
    assert SourceModelSpec("m").threshold("encoder") == ENCODER_DETACHED_BELOW
    assert SourceModelSpec("m", detached_below=0.2).threshold("qe") == 0.2
    with pytest.raises(UsageError, match="give detached_below"):
        SourceModelSpec("m").threshold("qe")  # a QE model's scale is its own
