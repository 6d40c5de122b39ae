#!/bin/sh
# The evaluation tables of docs/model-card.md (DESIGN.md section 6), on images never used in
# training (tools/train_default_model.sh): Set12 (natural), W2S 001-012 (widefield), BBBC022
# well E18 and the last four BBBC006 fields (CC0 fluorescence); the six listed defocus values
# and the five midpoints; Gaussian noise of variance 0.02 and 0.001, Poisson-Gaussian noise,
# and a measured confocal PSF used as the kernel.
#
#   tools/evaluate_model.sh [BUILD_DIR] [MODEL] [PAPER_MODEL] [OUT_DIR]
#   (defaults: build/default, resources/models/default.llm, none, /tmp/latentlens-eval)
set -eu
build=${1:-build/default}
model=${2:-resources/models/default.llm}
paper=${3:-}
out=${4:-/tmp/latentlens-eval}
root=$(cd "$(dirname "$0")/.." && pwd)
shared="$root/../shared/data"
cli="$build/bin/latentlens-cli"
mkdir -p "$out"
data="$shared/natural_set12"
for fov in 001 002 003 004 005 006 007 008 009 010 011 012; do
    data="$data,$shared/fluo_w2s_avg400/target_avg400_${fov}_0.tif"
done
for file in "$shared"/fluo_bbbc022_cellpainting/plate1_E18_site*_Ch*.tif \
    $(ls "$shared"/fluo_bbbc006_actin/*.tif | sort | tail -n 4); do
    data="$data,$file"
done
paperArgs=""
[ -n "$paper" ] && paperArgs="--paper-model $paper"
run() {
    name=$1
    shift
    echo "eval: $name" >&2
    # shellcheck disable=SC2086 # paperArgs is a list of options
    "$cli" eval --model "$model" $paperArgs --data "$data" "$@" > "$out/$name.md" 2>/dev/null
}
run gaussian-0.02 --noise-var 0.02
run gaussian-0.001 --noise-var 0.001
run poisson-gaussian --poisson 1000 --noise-var 0.0001
# The measured PSF: the in-focus plane of the averaged bead PSF, as a 2-D float32 kernel.
psf="$out/psf_confocal_z26.tif"
/usr/bin/python3 - "$shared/psf_confocal_beads/psf_averaged_from_beads.tif" "$psf" <<'PY'
import sys
import numpy as np
import tifffile
stack = tifffile.imread(sys.argv[1]).astype(np.float64)
plane = stack[int(np.argmax(stack.max(axis=(1, 2))))]
plane = np.clip(plane - np.median(plane), 0, None)
tifffile.imwrite(sys.argv[2], (plane / plane.sum()).astype(np.float32))
PY
run measured-psf-0.001 --kernel "$psf" --noise-var 0.001
run measured-psf-0.02 --kernel "$psf" --noise-var 0.02
echo "eval: tables in $out" >&2
