#!/usr/bin/env bash
# Creates .venv and installs evalsuite with its dev tools, the Ray extra and spaCy models.
# Idempotent: re-runs only when pyproject.toml or requirements/ changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=.venv
STAMP=$VENV/.evalsuite-installed
want=$(cat pyproject.toml requirements/*.txt | sha256sum | cut -d' ' -f1)
if [[ -f $STAMP && "$(cat "$STAMP")" == "$want" ]]; then
  exit 0
fi
echo "evalsuite: setting up $VENV (first run takes a few minutes)" >&2
[[ -x $VENV/bin/python ]] || "$PY" -m venv "$VENV"
pip() { "$VENV/bin/python" -m pip --disable-pip-version-check -q "$@"; }
# The CPU build of torch must come first: any other spec pulls GBs of CUDA packages.
pip install "torch==2.13.0"
pip install -e ".[dev,ray]"  # Ray: the optional backend, which the tests exercise
pip install --no-deps -r requirements/models.txt
echo "$want" > "$STAMP"
echo "evalsuite: setup done" >&2
