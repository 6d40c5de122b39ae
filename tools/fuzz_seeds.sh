#!/usr/bin/env bash
# Writes the fuzz targets' seed corpora to FOLDER/<target>/ (docs/robustness.md, "Fuzzing"):
# TIFF, NumPy, HDF5, XRF, MAT, OME-XML and model files from latentlens-fuzz-seeds (the engine's
# and the tests' own writers, built by the default preset), PNG and JPEG from Pillow as
# tst_rasterio makes them.
# Usage: tools/fuzz_seeds.sh FOLDER [BUILD_DIR]   (BUILD_DIR: a normal build, build/default)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: tools/fuzz_seeds.sh FOLDER [BUILD_DIR]}
build=${2:-build/default}
[ -d "$build" ] || cmake --preset default
cmake --build "$build" -j2 --target latentlens-fuzz-seeds
mkdir -p "$out"
"$build/bin/latentlens-fuzz-seeds" "$out"
mkdir -p "$out/png" "$out/jpeg"
/usr/bin/python3 - "$out" <<'PY'
import sys
import numpy as np
from PIL import Image
d = sys.argv[1]
y, x = np.mgrid[0:6, 0:7]
g8 = ((x * 13 + y * 7) % 256).astype(np.uint8)
rgb = np.stack([g8, 255 - g8, (g8 * 3) % 256], axis=2).astype(np.uint8)
Image.fromarray(g8).save(d + '/png/g8.png')
Image.fromarray(g8).save(d + '/png/g8_interlaced.png', interlace=1)
Image.fromarray(((x * 3001 + y * 1789) % 65536).astype(np.int32)).convert('I;16').save(d + '/png/g16.png')
Image.fromarray(np.dstack([rgb, np.full((6, 7), 128, np.uint8)])).save(d + '/png/rgba.png')
Image.fromarray(rgb).convert('P', palette=Image.ADAPTIVE, colors=4).save(d + '/png/palette.png')
Image.fromarray(g8).save(d + '/jpeg/g8.jpg', quality=90)
Image.fromarray(rgb).save(d + '/jpeg/rgb.jpg', quality=90)
Image.fromarray(rgb).save(d + '/jpeg/progressive.jpg', quality=80, progressive=True)
PY
echo "seeds: $(find "$out" -type f | wc -l) files under $out"
