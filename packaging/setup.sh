#!/usr/bin/env bash
# Installs every Debian 12 package that mbq's build, tests and studio need, then configures and
# builds. Idempotent: packages already present are not reinstalled, and a configured build
# directory is reused. Run as root or as a user with sudo.
#
#   packaging/setup.sh [--build-dir DIR] [--headless] [--no-build]
#
#   --headless   configure with MBQ_BUILD_GUI=OFF: kernels, inference and mbq-bench only
#   --no-build   install packages only
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
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git
    # inference: LibTorch 1.13 (CPU) with a threaded OpenBLAS, JSON for checkpoint headers
    libtorch-dev libopenblas0-pthread nlohmann-json3-dev
    zlib1g-dev
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
    # test fixtures: real PyTorch writes the .pth files the checkpoint tests read
    python3 python3-torch python3-numpy
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

[ "$build" = 1 ] || exit 0

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMBQ_BUILD_GUI="$gui"
cmake --build "$build_dir" -j "$jobs"
# The demo project the README's first command opens: a random-weight model and a drawn clip.
if [ "$gui" = ON ] && [ ! -f "$build_dir/demo/demo.mbqproj" ]; then
    "$build_dir/bin/mbq" make-demo --out "$build_dir/demo"
fi
