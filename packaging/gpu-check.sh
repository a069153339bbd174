#!/usr/bin/env bash
# The one-call GPU check: on a machine with an NVIDIA GPU, checks the CUDA kernels and networks
# against their CPU references and measures what the product promises (the targets are judged
# in the report, packaging/gpu_check_report.py), within 8 minutes on an H100. Writes report.md
# and report.json into --out and prints a short summary last.
#
#   packaging/gpu-check.sh [--cpu] [--bin DIR | --build] [--python PY] --out DIR
#   packaging/gpu-check.sh --prepare
#
#   --cpu      the same sequence on this machine's CPU at reduced sizes (a rehearsal; CI runs it)
#   --bin DIR  take mbq-bench from DIR (default: .gpu-check/prebuilt/bin, then build/bin, then
#              build-headless/bin)
#   --build    build the Qt-free configuration here first, with every core, against PY's torch
#              (needs nlohmann-json, zlib and sentencepiece headers; GPU boxes often lack them)
#   --python   the Python whose torch the binaries load (default: .venv/bin/python, else python3)
#   --prepare  run on a build machine before a GPU session: builds the Qt-free configuration,
#              copies its stripped binaries into .gpu-check/prebuilt and downloads the wheels the
#              Diffusers side-by-side needs into .gpu-check/wheels (both ignored by git; carry
#              .gpu-check to the GPU box). Recommended: a GPU box then builds nothing.
#
# Each step runs under its own time limit, so one hang or failure cannot eat the rest; a
# failed step is reported and the next one runs. Exit status: 0 when every check passed.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cpu=0
bin=""
build=0
prepare=0
out=""
python=""
while [ $# -gt 0 ]; do
    case "$1" in
        --cpu) cpu=1; shift ;;
        --bin) bin=$2; shift 2 ;;
        --build) build=1; shift ;;
        --python) python=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        --prepare) prepare=1; shift ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "gpu-check.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -z "$python" ]; then
    if [ -x "$here/.venv/bin/python" ]; then python="$here/.venv/bin/python"; else python=python3; fi
fi

if [ "$prepare" = 1 ]; then
    set -e
    bash "$here/packaging/setup.sh" --headless
    dest="$here/.gpu-check/prebuilt"
    rm -rf "$dest" && mkdir -p "$dest/bin" "$dest/lib"
    cp "$here/build-headless/bin/mbq-bench" "$dest/bin/"
    cp "$here/build-headless/lib/libmbq_sentencepiece.so" "$dest/lib/"
    # The SentencePiece module's own libraries (Debian's; the trainer makes the tiny models'
    # vocabularies); torch and CUDA come from the GPU box.
    for lib in libsentencepiece.so.0 libsentencepiece_train.so.0; do
        cp -L "$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')" "$dest/lib/"
    done
    strip --strip-unneeded "$dest"/bin/* "$dest"/lib/*
    # The Diffusers side-by-side's wheels for the box's Python 3.12, named one by one (--no-deps)
    # so that pip fetches no torch: the box has its own.
    rm -rf "$here/.gpu-check/wheels" && mkdir -p "$here/.gpu-check/wheels"
    "$python" -m pip download --quiet --dest "$here/.gpu-check/wheels" --only-binary=:all: \
        --no-deps --python-version 3.12 --platform manylinux_2_28_x86_64 \
        --platform manylinux2014_x86_64 -r "$here/tests/bench/diffusers-requirements.txt"
    du -sh "$dest" "$here/.gpu-check/wheels"
    exit 0
fi

[ -n "$out" ] || { echo "gpu-check.sh: --out DIR is required" >&2; exit 2; }
mkdir -p "$out/steps"
out=$(cd "$out" && pwd)
start=$(date +%s)

torch_lib=$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__) + "/lib")' \
    2>/dev/null) || { echo "gpu-check.sh: $python has no torch" >&2; exit 2; }
if [ "$build" = 1 ]; then
    cmake -S "$here" -B "$here/build-gpu" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DMBQ_BUILD_GUI=OFF -DMBQ_BUILD_TESTS=OFF -DMBQ_PYTHON="$(command -v "$python")" \
        >"$out/steps/00-build.log" 2>&1 &&
        cmake --build "$here/build-gpu" -j "$(nproc)" --target mbq-bench \
            >>"$out/steps/00-build.log" 2>&1 ||
        { tail -30 "$out/steps/00-build.log"; echo "gpu-check.sh: build failed" >&2; exit 1; }
    bin="$here/build-gpu/bin"
fi
if [ -z "$bin" ]; then
    for candidate in "$here/.gpu-check/prebuilt/bin" "$here/build/bin" "$here/build-headless/bin"; do
        [ -x "$candidate/mbq-bench" ] && { bin=$candidate; break; }
    done
fi
[ -n "$bin" ] && [ -x "$bin/mbq-bench" ] ||
    { echo "gpu-check.sh: no mbq-bench: run packaging/setup.sh or --prepare, or pass --build" >&2
      exit 2; }

# Libraries: this Python's torch (and the CUDA 13 libraries its wheel brought) first, so a
# prebuilt binary runs against the box's own LibTorch 2.11.
site=$(dirname "$(dirname "$torch_lib")")
export LD_LIBRARY_PATH="$torch_lib:$site/nvidia/cu13/lib:$(dirname "$bin")/lib:/usr/local/cuda/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# Diffusers for the side-by-side: the environment's own, else the wheels --prepare fetched
# (--no-deps: the resolver would look for torch among them). Without either, that step fails
# and says why; the other steps run.
if ! "$python" -c 'import diffusers, accelerate' 2>/dev/null && [ -d "$here/.gpu-check/wheels" ]; then
    "$python" -m pip install --quiet --no-index --no-deps --target "$here/.gpu-check/site" \
        "$here"/.gpu-check/wheels/*.whl >"$out/steps/00-wheels.log" 2>&1 ||
        echo "gpu-check.sh: the side-by-side's wheels did not install (steps/00-wheels.log)" >&2
    export PYTHONPATH="$here/.gpu-check/site${PYTHONPATH:+:$PYTHONPATH}"
fi

if [ "$cpu" = 1 ]; then
    device=cpu; quick=(--quick); size=quick
    # One OpenMP thread: two spinning workers on two cores make side-by-side ratios noise.
    export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
else
    device=cuda; quick=(); size=real
fi
bench="$bin/mbq-bench"

# The whole sequence must leave time to rerun it in a 15-minute GPU window that includes the
# machine's start: no step may run past this many seconds after the start.
if [ "$cpu" = 1 ]; then deadline=1500; else deadline=450; fi

# step NAME SECONDS COMMAND...: runs COMMAND under a time limit (cut to what is left before the
# deadline), its output in steps/NN-NAME.log, its status in steps.tsv.
step_count=0
step() {
    local name=$1 limit=$2; shift 2
    local left=$(( deadline - ($(date +%s) - start) ))
    [ "$left" -lt "$limit" ] && limit=$left
    [ "$limit" -lt 5 ] && limit=5
    step_count=$((step_count + 1))
    local log; log=$(printf '%s/steps/%02d-%s.log' "$out" "$step_count" "$name")
    local t0; t0=$(date +%s)
    echo "gpu-check: $name (limit ${limit} s)"
    timeout --kill-after=10 "$limit" "$@" >"$log" 2>&1
    local rc=$?
    printf '%s\t%s\t%s\t%s\n' "$name" "$rc" "$(( $(date +%s) - t0 ))" "$log" >>"$out/steps.tsv"
}
: >"$out/steps.tsv"
step build-info 30 "$bench" --info
step kernels 60 "$bench" --device "$device" "${quick[@]}" --repeats 20 qswap
step agree 60 "$bench" --device "$device" agree
step wan-dit 60 "$bench" --device "$device" "${quick[@]}" --repeats 3 wan-dit
step wan-vae 90 "$bench" --device "$device" "${quick[@]}" --repeats 2 wan-vae
step vc2-unet 45 "$bench" --device "$device" "${quick[@]}" --repeats 3 vc2-unet
step wan-generation 75 "$bench" --device "$device" "${quick[@]}" wan-generation
step transfer 60 "$bench" --device "$device" "${quick[@]}" --repeats 3 transfer
step diffusers 150 "$python" "$here/tests/bench/diffusers_side_by_side.py" --device "$device" \
    --size "$size" --mbq-bench "$bench" --out "$out/diffusers.json"

"$python" "$here/packaging/gpu_check_report.py" --steps "$out/steps.tsv" --device "$device" \
    --seconds "$(( $(date +%s) - start ))" --out "$out"
