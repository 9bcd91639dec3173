"""The CI gate: does a candidate's results document regress against a stored baseline?

```python
from evalsuite.gate import evaluate_gate, load_policy
report = evaluate_gate("results.json", "baselines/results.json", load_policy("gate.toml"))
report.exit_code, [o.line for o in report.failures]
```
"""

from evalsuite.gate.ci_outputs import junit_cases, write_ci_outputs
from evalsuite.gate.command import run_gate
from evalsuite.gate.evaluate import evaluate_gate, evaluate_inputs
from evalsuite.gate.inputs import GateInputs, load_gate_inputs
from evalsuite.gate.markdown import gate_markdown
from evalsuite.gate.outcome import FindingDelta, GateReport, RuleOutcome
from evalsuite.gate.policy import load_policy, parse_policy
from evalsuite.gate.rules import (
    DEFAULT_POLICY,
    DropRule,
    FindingsRule,
    FloorRule,
    Policy,
    Selector,
    TestSettings,
)

__all__ = [
    "DEFAULT_POLICY",
    "DropRule",
    "FindingDelta",
    "FindingsRule",
    "FloorRule",
    "GateInputs",
    "GateReport",
    "Policy",
    "RuleOutcome",
    "Selector",
    "TestSettings",
    "evaluate_gate",
    "evaluate_inputs",
    "gate_markdown",
    "junit_cases",
    "load_gate_inputs",
    "load_policy",
    "parse_policy",
    "run_gate",
    "write_ci_outputs",
]
