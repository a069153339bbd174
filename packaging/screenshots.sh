#!/usr/bin/env bash
# Renders the README's screenshots of the studio under Xvfb from the demo project (the toy
# model), at 1440x900: empty (no takes yet), after a render, and while a sweep runs, in English,
# and after a render in German. Needs a build (packaging/setup.sh).
#
#   packaging/screenshots.sh [--build-dir DIR] [--out DIR]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$here/build"
out="$here/docs/screenshots"
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        *) echo "screenshots.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
studio() {
    # A fresh data folder each time, so no autosave, window layout or recent list leaks in.
    XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
        xvfb-run -a -s "-screen 0 1440x900x24" "$build_dir/bin/mbq-studio" "$@"
}
for shot in empty render sweep render-de; do
    rm -rf "$work/demo" "$work/data" "$work/config"
    "$build_dir/bin/mbq" make-demo --out "$work/demo" >/dev/null 2>&1
    case $shot in
        empty) studio "$work/demo/demo.mbqproj" --screenshot "$out/studio-$shot.png" ;;
        render-de) studio "$work/demo/demo.mbqproj" --language de --run render \
                       --screenshot "$out/studio-$shot.png" ;;
        *) studio "$work/demo/demo.mbqproj" --run "$shot" --screenshot "$out/studio-$shot.png" ;;
    esac
    echo "wrote $out/studio-$shot.png"
done
