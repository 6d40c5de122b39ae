#!/usr/bin/env bash
# Installs the Debian 12 packages LatentLens needs to build, test and run.
# Idempotent: packages already present are left alone. Runs as root or through sudo.
#   tools/setup.sh            everything (GUI, engine, tests, benchmarks)
#   tools/setup.sh --headless engine + CLI only (no Qt, no VTK)
set -euo pipefail

headless=0
for arg in "$@"; do
    case "$arg" in
        --headless) headless=1 ;;
        -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown option '$arg'" >&2; exit 2 ;;
    esac
done

build=(cmake g++ ninja-build ccache pkg-config git clang-format)
# libopenblas0-openmp: LibTorch's convolutions call the system BLAS (the libblas.so.3
# alternative); Debian's reference BLAS made the network 3-5x slower (docs/benchmarks.md).
engine=(libtorch-dev libfftw3-dev libtiff-dev libhdf5-dev libmatio-dev libpng-dev libjpeg-dev
        zlib1g-dev nlohmann-json3-dev libopenblas0-openmp)
gui=(qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
     qt6-l10n-tools libgl-dev mpi-default-dev libvtk9-dev
     fonts-wqy-microhei) # the studio in Chinese (and its screenshots) needs a CJK font
tests=(xvfb xauth libgl1-mesa-dri libtiff-tools python3-numpy python3-tifffile python3-skimage python3-h5py python3-pil)

want=("${build[@]}" "${engine[@]}" "${tests[@]}")
[ "$headless" = 1 ] || want+=("${gui[@]}")

missing=()
for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all ${#want[@]} packages already installed"
    exit 0
fi

sudo=()
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
echo "setup: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: done"
