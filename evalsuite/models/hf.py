"""Loading a `transformers` model and tokenizer for a metric, once per process.

Every failure is a UsageError that names the model and what was expected of it: a directory
without config.json, a checkpoint of an architecture the metric cannot use, unreadable files.
"""

from __future__ import annotations

from typing import Any

from evalsuite.errors import UsageError
from evalsuite.models.locate import LocatedModel


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def load_hf(
    located: LocatedModel, auto_class: str, who: str, kind: str, device: Any, dtype: Any
) -> tuple[Any, Any]:
    """(tokenizer, model in eval mode on `device`); callers keep what they load."""
    import transformers
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()  # load reports and warnings are not the user's business
    directory, name = located.directory, located.name
    if not (directory / "config.json").is_file():
        raise UsageError(
            f"{who}: model '{name}' has no config.json; expected a transformers model "
            "directory (written by save_pretrained) or a hub id"
        )
    loader = getattr(transformers, auto_class)
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(directory, local_files_only=True)
        model = loader.from_pretrained(directory, local_files_only=True, dtype=dtype)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UsageError(
            f"{who}: model '{name}' cannot be loaded as {kind}: {first_line(error)}"
        ) from None
    return tokenizer, model.to(device).eval()
