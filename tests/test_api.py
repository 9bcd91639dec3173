"""`import evalsuite` offers the functions behind every command, loaded on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import evalsuite


@pytest.mark.parametrize("name", sorted(evalsuite._EXPORTS))
def test_every_export_resolves_to_its_module_object(name: str) -> None:
    value = getattr(evalsuite, name)
    assert getattr(value, "__name__", name) == name
    assert name in dir(evalsuite)


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_thing"):
        evalsuite.no_such_thing  # noqa: B018


def test_import_is_lazy() -> None:
    code = "import sys, evalsuite; print('torch' in sys.modules, 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_rouge_through_the_top_level() -> None:
    (scores,) = evalsuite.rouge_scores(["the cat sat"], ["the cat sat down"], ("rouge1",))
    assert scores["rouge1"].recall == 3 / 4
