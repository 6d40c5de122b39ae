#!/bin/sh
# Peak memory and time of every method on one large image, each in its own run of the CLI
# (docs/benchmarks.md, "Big images"). Usage:
#   bench/run_memory.sh [SIZE] [BUILD_DIR]      (defaults: 8192, build/default)
# Makes a SIZE x SIZE float32 specimen blurred at 7 um with Gaussian noise of variance 1e-4,
# then deblurs it with Wiener, Richardson-Lucy, the hyper-Laplacian and the network (in
# tiles), and prints one CSV line per method: peak resident memory (KiB, /usr/bin/time),
# wall time, and both as ratios: memory to the image's own float32 bytes, time to Wiener's
# (measured in the same run).
set -eu
size=${1:-8192}
build=${2:-build/default}
cli="$build/bin/latentlens-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" specimen --size "$size" --seed 3 -o "$work/clean.tif" >/dev/null
"$cli" blur --defocus 7 --noise-var 1e-4 --seed 3 "$work/clean.tif" "$work/blurred.tif" >/dev/null
image_kib=$((size * size * 4 / 1024))
measure() { # NAME COMMAND...: prints NAME,peak KiB,seconds
    name=$1
    shift
    /usr/bin/time -f "%M %e" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
        echo "$name failed:" >&2
        cat "$work/err" >&2
        exit 1
    }
    echo "$name,$(cut -d' ' -f1 "$work/time"),$(cut -d' ' -f2 "$work/time")"
}
{
    for method in wiener rl hl latent; do
        measure "$method" "$cli" deblur --method "$method" --defocus 7 "$work/blurred.tif" \
            "$work/$method.tif"
    done
} >"$work/runs.csv"
wiener_s=$(grep '^wiener,' "$work/runs.csv" | cut -d, -f3)
echo "method,size,peak_kib,seconds,peak_x_image,time_x_wiener"
while IFS=, read -r name kib seconds; do
    awk -v n="$name" -v s="$size" -v k="$kib" -v t="$seconds" -v i="$image_kib" -v w="$wiener_s" \
        'BEGIN { printf "%s,%d,%d,%.1f,%.2f,%.1f\n", n, s, k, t, k / i, t / w }'
done <"$work/runs.csv"
