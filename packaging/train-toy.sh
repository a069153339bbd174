#!/usr/bin/env bash
# Trains the toy model (resources/toy/toy-wan2.1, described in resources/toy/MODEL_CARD.md) from
# nothing but this repository: the clips come from `mbq toy-world`, the frozen text encoder from
# `mbq make-tiny-model`, and the VAE and DiT are trained with Diffusers on PyTorch (CPU). The
# same seed gives the same data; about 45 minutes on two cores.
#   packaging/train-toy.sh [--out DIR] [--work DIR] [train_toy.py options, e.g. --dit-steps N]
# Needs a built `mbq` (packaging/setup.sh) and Diffusers in the project's venv:
#   .venv/bin/pip install -r tests/bench/diffusers-requirements.txt
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${MBQ_PYTHON:-$root/.venv/bin/python}"
mbq="${MBQ_BIN:-$root/build/bin/mbq}"
out="$root/resources/toy/toy-wan2.1"
work="$root/build/toy-training"
args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --out) out="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        *) args+=("$1"); shift ;;
    esac
done
[[ -x "$mbq" ]] || { echo "train-toy: no mbq at $mbq; build first (packaging/setup.sh)" >&2; exit 1; }
"$python" -c "import diffusers" 2>/dev/null || {
    echo "train-toy: $python has no Diffusers; run:" >&2
    echo "  $python -m pip install -r $root/tests/bench/diffusers-requirements.txt" >&2
    exit 1
}
mkdir -p "$work"
# A copy of the binary, so rebuilding while this runs cannot pull it away mid-training.
cp "$mbq" "$work/mbq"
cd "$root/packaging/toy"
exec "$python" train_toy.py --mbq "$work/mbq" --work "$work" --out "$out" "${args[@]}"
