"""Sentence embeddings against the sentence-transformers package on tiny models built here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import torch

from evalsuite.errors import UsageError
from evalsuite.models.locate import locate_model
from evalsuite.models.sentence_encoder import load_sentence_encoder
from tests.fixtures.tiny_models import CORPUS
from tests.fixtures.tiny_sentence_encoders import build_sentence_transformers, to_old_layout

CPU = torch.device("cpu")
TEXTS = [*CORPUS, "", "x"]


@pytest.fixture(scope="module")
def st_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("st")
    return {p: build_sentence_transformers(root / p, pooling=p) for p in ("cls", "mean")}


def embed(directory: Path, pooling: str = "auto") -> torch.Tensor:
    encoder = load_sentence_encoder(locate_model(str(directory), "test"), pooling, CPU,
                                    torch.float32)  # fmt: skip
    return encoder.embed(TEXTS, batch_size=3)


def reference(directory: Path) -> torch.Tensor:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(directory), device="cpu")
    return model.encode(TEXTS, convert_to_tensor=True, normalize_embeddings=True, batch_size=3)


@pytest.mark.parametrize("pooling", ["cls", "mean"])
def test_same_embeddings_as_sentence_transformers(
    pooling: str, st_dirs: dict[str, Path]
) -> None:
    directory = st_dirs[pooling]
    assert torch.allclose(embed(directory), reference(directory), atol=1e-5)


def test_layout_of_releases_before_five_reads_the_same(
    st_dirs: dict[str, Path], tmp_path: Path
) -> None:
    """Hub models (LaBSE among them) carry the old modules.json and one flag per mode."""
    new = st_dirs["cls"]
    old = to_old_layout(Path(shutil.copytree(new, tmp_path / "old")))
    assert torch.allclose(embed(old), embed(new), atol=1e-6)


def test_plain_encoder_pools_as_asked(tiny_bert_path: Path) -> None:
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_bert_path)
    model = AutoModel.from_pretrained(tiny_bert_path).eval()
    features = tokenizer(TEXTS[:3], padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model(**features)
    mask = features["attention_mask"].unsqueeze(-1).float()
    expected = {
        "mean": (out.last_hidden_state * mask).sum(1) / mask.sum(1),
        "cls": out.last_hidden_state[:, 0],
        "pooler": out.pooler_output,
    }
    for pooling, vectors in expected.items():
        got = embed(tiny_bert_path, pooling)[:3]
        want = torch.nn.functional.normalize(vectors, dim=-1)
        assert torch.allclose(got, want, atol=1e-5), pooling
    assert torch.allclose(embed(tiny_bert_path, "auto"), embed(tiny_bert_path, "mean"))


def test_unit_length_and_input_order(tiny_bert_path: Path) -> None:
    vectors = embed(tiny_bert_path)
    assert torch.allclose(vectors.norm(dim=-1), torch.ones(len(TEXTS)), atol=1e-5)
    encoder = load_sentence_encoder(locate_model(str(tiny_bert_path), "t"), "mean", CPU,
                                    torch.float32)  # fmt: skip
    alone = encoder.embed([TEXTS[5]], batch_size=1)[0]
    assert torch.allclose(alone, vectors[5], atol=1e-5)  # batching and padding change nothing


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: _set(d / "2_Dense" / "config.json", "activation_function", "os.system"),
         "activation_function"),
        (lambda d: _set(d / "1_Pooling" / "config.json", "pooling_mode", "weightedmean"),
         "pooling_mode"),
        (lambda d: _module_type(d, 3, "sentence_transformers.models.CNN"), "cannot run"),
        (lambda d: _module_path(d, 1, "../../elsewhere"), "leaves the model directory"),
    ],
)  # fmt: skip
def test_unsupported_or_unsafe_layouts_are_refused(
    edit: object, message: str, st_dirs: dict[str, Path], tmp_path: Path
) -> None:
    directory = Path(shutil.copytree(st_dirs["cls"], tmp_path / "st"))
    edit(directory)  # type: ignore[operator]
    with pytest.raises(UsageError, match=message):
        embed(directory)


def _set(path: Path, key: str, value: object) -> None:
    data = json.loads(path.read_text())
    data[key] = value
    path.write_text(json.dumps(data))


def _module_type(directory: Path, index: int, kind: str) -> None:
    modules = json.loads((directory / "modules.json").read_text())
    modules[index]["type"] = kind
    (directory / "modules.json").write_text(json.dumps(modules))


def _module_path(directory: Path, index: int, path: str) -> None:
    modules = json.loads((directory / "modules.json").read_text())
    modules[index]["path"] = path
    (directory / "modules.json").write_text(json.dumps(modules))
