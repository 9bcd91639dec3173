"""evalsuite: evaluate summaries and translations, and check that what matters survives.

The functions behind every command, importable from here. They load lazily, so `import
evalsuite` stays cheap (the CLI imports it first) until one is used:

```python
import evalsuite
evalsuite.rouge_scores(["the cat sat"], ["the cat sat down"])
evalsuite.compare_results("base/results.json", "cand/results.json")
```
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> the module that defines it
_EXPORTS = {
    "Example": "evalsuite.data",
    "load_jsonl": "evalsuite.data",
    "load_examples": "evalsuite.data",
    "load_suite": "evalsuite.suite",
    "run_suite": "evalsuite.harness",
    "score_run": "evalsuite.engine.run",
    "metric_from_name": "evalsuite.metrics.registry",
    "rouge_scores": "evalsuite.metrics.rouge",
    "Rouge": "evalsuite.metrics.rouge_metric",
    "bootstrap_ci": "evalsuite.stats.intervals",
    "paired_test": "evalsuite.stats.paired",
    "compare_results": "evalsuite.report.compare",
    "CheckInput": "evalsuite.checks.api",
    "run_checks": "evalsuite.checks.runner",
    "evaluate_gate": "evalsuite.gate",
    "load_policy": "evalsuite.gate",
    "render_report": "evalsuite.report.formats",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'evalsuite' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
