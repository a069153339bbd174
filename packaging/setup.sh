#!/usr/bin/env bash
# Installs every Debian 12 package that mbq's build, tests and studio need, LibTorch 2.11 (the
# PyPI torch==2.11.0 wheel, CUDA 13.0) into the checkout's .venv, then configures and builds.
# Idempotent: packages already present are not reinstalled, a .venv holding torch 2.11.0 is
# reused, and a configured build directory is reused. Run as root or as a user with sudo.
#
#   packaging/setup.sh [--build-dir DIR] [--headless] [--no-build]
#
#   --headless   configure with MBQ_BUILD_GUI=OFF: kernels, inference and mbq-bench only
#   --no-build   install packages and LibTorch only
#
# MBQ_VENV=DIR puts the virtual environment elsewhere (default: <checkout>/.venv).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$here/build"
gui=ON
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir=$2; shift 2 ;;
        --headless) gui=OFF; [ "$build_dir" = "$here/build" ] && build_dir="$here/build-headless"; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git
    # inference: JSON for checkpoint headers, zlib for open_clip's vocabulary; LibTorch itself
    # comes from PyPI below, with the CUDA 13 toolkit its CMake and our kernels compile against
    nlohmann-json3-dev zlib1g-dev
    # umT5 prompts are tokenized by SentencePiece (loaded as a private module, see inference/)
    libsentencepiece-dev
    # Qt 6 for core, ui, the studio and the tests
    qt6-base-dev libgl-dev fonts-dejavu-core
    # the trade-off and per-frame plots
    libqcustomplot-dev
    # translations: lupdate/lrelease, and Qt's own German and Japanese strings
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    # media (FFmpeg 5.1 libraries) and metrics (only the OpenCV modules used: the umbrella
    # libopencv-dev pulls in some 400 packages); the ffmpeg tool makes test fixtures only
    libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
    libopencv-core-dev libopencv-imgproc-dev libopencv-video-dev ffmpeg
    # the virtual environment that holds LibTorch (torch's wheel) and the test fixtures' PyTorch
    python3 python3-venv
    # running the studio without a display (screenshots, CI)
    xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup.sh: installing ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "setup.sh: run as root or install sudo" >&2; exit 1; }
        sudo=sudo
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# LibTorch: the torch==2.11.0 wheel from PyPI (CUDA 13.0, C++17; about 2.7 GB with its NVIDIA
# libraries), the same build as a GPU machine's 2.11.0+cu130. Its headers, CMake files and
# libraries are what mbq compiles and links against; its Python runs the test fixtures.
torch_version=2.11.0
venv=${MBQ_VENV:-$here/.venv}
python="$venv/bin/python"
have_torch() {
    [ -x "$python" ] && [ "$("$python" -c 'import torch; print(torch.__version__.split("+")[0])' \
        2>/dev/null)" = "$torch_version" ]
}
if ! have_torch; then
    echo "setup.sh: installing torch==$torch_version into $venv"
    [ -x "$python" ] || /usr/bin/python3 -m venv "$venv"
    "$python" -m pip install --quiet --disable-pip-version-check "torch==$torch_version" numpy
    have_torch || { echo "setup.sh: torch $torch_version did not install into $venv" >&2; exit 1; }
fi
if [ ! -x /usr/local/cuda/bin/nvcc ] && ! command -v nvcc >/dev/null; then
    echo "setup.sh: torch's CMake needs the CUDA 13 toolkit (nvcc, headers, cuBLAS...), which" \
         "this machine lacks; install it from NVIDIA (or pip's nvidia-cuda-nvcc) and re-run" >&2
    exit 1
fi

[ "$build" = 1 ] || exit 0

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMBQ_BUILD_GUI="$gui" \
    -DMBQ_PYTHON="$python"
cmake --build "$build_dir" -j "$jobs"
# The demo project the README's first command opens: a random-weight model and a drawn clip.
if [ "$gui" = ON ] && [ ! -f "$build_dir/demo/demo.mbqproj" ]; then
    "$build_dir/bin/mbq" make-demo --out "$build_dir/demo"
fi
