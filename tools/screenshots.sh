#!/usr/bin/env bash
# Takes the studio's screenshots for docs/ and the README under Xvfb:
#   docs/images/studio-demo.png      the built-in demo, every method computed
#   docs/images/studio-real.png      a real W2S widefield image (held out from training),
#                                    blurred by the default probe at 7 µm and deblurred
#   docs/images/studio-training.png  the training panel after a short run on real images
#   docs/images/studio-demo-de.png   the demo in German (LANG=de_DE.UTF-8)
#   docs/images/studio-demo-zh.png   the demo in Simplified Chinese (LANG=zh_CN.UTF-8; needs
#                                    a CJK font: fonts-wqy-microhei, which tools/setup.sh installs)
#   docs/images/studio-3d-volume.png, studio-3d-caustic.png: the 3-D dock alone, through
#                                    latentlens-bench-volume --grab-dock (dapi_001.tif)
# Usage: tools/screenshots.sh [BUILD_DIR]   (default build/default; build it first)
# Needs ../shared/data for the last two; they are skipped with a message when it is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/default}"
studio="$build/bin/latentlens"
shared="$here/../shared/data"
out="$here/docs/images"
if [ ! -x "$studio" ]; then
    echo "screenshots.sh: $studio not found; build first (cmake --build --preset default)" >&2
    exit 1
fi
mkdir -p "$out"
# A fresh settings folder, so that the pictures show the defaults and not this user's choices.
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
shoot() {
    local target="$1"
    shift
    echo "screenshots.sh: $target"
    env XDG_CONFIG_HOME="$config" XDG_DATA_HOME="$config/data" \
        timeout 900 xvfb-run -a -s "-screen 0 1600x1000x24" "$studio" --screenshot "$target" "$@"
}
shoot "$out/studio-demo.png"
LANG=de_DE.UTF-8 LC_ALL= shoot "$out/studio-demo-de.png"
LANG=zh_CN.UTF-8 LC_ALL= shoot "$out/studio-demo-zh.png"
if [ -d "$shared/fluo_w2s_avg400" ]; then
    shoot "$out/studio-real.png" --blur --profile 120,300,420,300 \
        "$shared/fluo_w2s_avg400/target_avg400_005_1.tif"
else
    echo "screenshots.sh: $shared/fluo_w2s_avg400 absent; skipping the real-image picture" >&2
fi
if [ -d "$shared/fluo_cellprofiler_examples" ]; then
    shoot "$out/studio-training.png" --train-demo "$shared/fluo_cellprofiler_examples"
else
    echo "screenshots.sh: $shared/fluo_cellprofiler_examples absent; skipping the training picture" >&2
fi
# The 3-D dock (hidden in the window, so not a --screenshot): the studio's VolumeDock alone.
if [ -f "$shared/widefield_stack_deconwolf/dapi_001.tif" ] && [ -x "$build/bin/latentlens-bench-volume" ]; then
    echo "screenshots.sh: $out/studio-3d-volume.png, $out/studio-3d-caustic.png"
    # Its deblurred result beside it: Richardson-Lucy, plane by plane, with a Gaussian of
    # sigma 1 pixel standing in for the in-focus lateral PSF (NA 1.45 at 461 nm is about
    # 0.5 pixel of 130 nm; 2-D deconvolution cannot remove the out-of-focus haze of a
    # widefield stack, so this is an illustration, not a 3-D deconvolution).
    /usr/bin/python3 -c "
import numpy as np, tifffile
y, x = np.mgrid[-4:5, -4:5]
k = np.exp(-(x * x + y * y) / 2.0).astype(np.float32)
tifffile.imwrite('$config/gauss.tif', k / k.sum())"
    "$build/bin/latentlens-cli" deblur --method rl --kernel "$config/gauss.tif" \
        "$shared/widefield_stack_deconwolf/dapi_001.tif" "$config/dapi_rl.tif"
    env XDG_CONFIG_HOME="$config" XDG_DATA_HOME="$config/data" \
        timeout 600 xvfb-run -a -s "-screen 0 1600x1000x24" "$build/bin/latentlens-bench-volume" \
        --grab-dock "$shared/widefield_stack_deconwolf/dapi_001.tif" \
        "$out/studio-3d-volume.png" "$out/studio-3d-caustic.png" "$config/dapi_rl.tif"
else
    echo "screenshots.sh: dapi_001.tif or latentlens-bench-volume absent; skipping the 3-D dock" >&2
fi
