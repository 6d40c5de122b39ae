#!/usr/bin/env bash
# Builds LatentLens (engine, CLI, network benchmark) on a GPU host that has no network and no
# FFTW/libtiff/libpng/libjpeg/HDF5/nlohmann-json development packages, then runs GPU checks.
#
#   bash tools/device_check.sh                      everything (deps, configure, build, checks, extra)
#   DEVICE_CHECK_DRY_RUN=1 bash tools/device_check.sh   print what would run, run nothing
#   DEVICE_CHECK_STEPS="deps configure" bash tools/device_check.sh   only those steps
#
# Needs on the host: bash, coreutils, cmake >= 3.25, a C/C++ compiler (g++, clang++ or c++),
# ninja (else make), python3 with a CUDA build of PyTorch (its LibTorch and CMake config are
# used), and .devdeps/ in the repository root: Debian 12 amd64 .deb files of the other
# libraries (see .devdeps/README), unpacked here into $LLDEPS_PREFIX, never into /.
#
# Results: $OUT (default /tmp/latentlens-device-out) gets at most six files:
#   device_check.log      everything printed
#   device_summary.txt    one PASS/FAIL/SKIP line per check, timings, the overall result
#   configure_fail_tail.log, build_fail_tail.log   only on failure
#   bench_network.csv     latentlens-bench-network's output
#   train_timing.txt      seconds per training epoch, scaled to 10,000 images
# Exit status: 0 all checks passed or skipped, 1 a check failed, 2 deps/configure/build failed.
#
# Extending: put more checks in tools/device_extra.sh; it is sourced after the checks and
# can use: check_budget SECONDS (prints the timeout to use, or nothing when out of time),
# record PASS|FAIL|SKIP NAME DETAIL, llrun CMD... (runs with the unpacked libraries on
# LD_LIBRARY_PATH), run CMD... (echoes, honours the dry run), $CLI, $BENCH, $T (scratch
# folder), $OUT, $TORCH_VERSION. Keep $OUT to 8 files in all.

set -uo pipefail
export LC_ALL=C

# ---------------------------------------------------------------- settings (env overrides)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-${TMPDIR:-/tmp}/latentlens-device-out}
DRY_RUN=${DEVICE_CHECK_DRY_RUN:-0}
STEPS=${DEVICE_CHECK_STEPS:-deps configure build checks extra}
TIME_BUDGET=${DEVICE_CHECK_BUDGET:-500}      # seconds for the whole script (run under 540 s)
RESERVE=10                                   # seconds kept back for the summary

DEPS_DIR=${DEPS_DIR:-$REPO/.devdeps}
LLDEPS_PREFIX=${LLDEPS_PREFIX:-/opt/lldeps}  # falls back to $TMPDIR/lldeps if not writable
LLDEPS_ISOLATE=${LLDEPS_ISOLATE:-0}          # 1: pkg-config sees the prefix only
LLDEPS_FORCE_PKGCONF=${LLDEPS_FORCE_PKGCONF:-0}  # 1: use the unpacked pkgconf even if pkg-config exists

BUILD_DIR=${BUILD_DIR:-build/device}
case $BUILD_DIR in /*) ;; *) BUILD_DIR=$REPO/$BUILD_DIR ;; esac
BUILD_TARGETS=${BUILD_TARGETS:-latentlens-cli latentlens-bench-network}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 4)}
TORCH_MODE=${TORCH_MODE:-auto}   # auto: pip torch's own CMake config, a shim if that fails;
                                 # real | shim | system (no Torch_DIR: CMake's own search)
CONFIGURE_TIMEOUT=${CONFIGURE_TIMEOUT:-150}
BUILD_TIMEOUT=${BUILD_TIMEOUT:-330}
EXTRA_CMAKE_ARGS=${EXTRA_CMAKE_ARGS:-}

CHECK_CUDA=${CHECK_CUDA:-1}                  # 0: skip the CUDA-only checks (CPU smoke test)
CHECK_SPEC_SIZE=${CHECK_SPEC_SIZE:-512}
CHECK_DEFOCUS=${CHECK_DEFOCUS:-5}
CHECK_NOISE_VAR=${CHECK_NOISE_VAR:-0.001}
CHECK_DEBLUR_ARGS=${CHECK_DEBLUR_ARGS:---method latent --defocus $CHECK_DEFOCUS}
CHECK_MIN_CPU_CUDA_PSNR=${CHECK_MIN_CPU_CUDA_PSNR:-40}  # dB between the CPU and CUDA outputs
CHECK_BENCH_ARGS=${CHECK_BENCH_ARGS:---sizes 256,512,2048 --reps 3 --widths small,paper}
CHECK_TRAIN_DEVICE=${CHECK_TRAIN_DEVICE:-cuda}
CHECK_TRAIN_IMAGES=${CHECK_TRAIN_IMAGES:-64}
CHECK_TRAIN_SIZE=${CHECK_TRAIN_SIZE:-256}
CHECK_TRAIN_CROP=${CHECK_TRAIN_CROP:-256}
CHECK_TRAIN_BATCH_SIZE=${CHECK_TRAIN_BATCH_SIZE:-8}
CHECK_TRAIN_BATCHES=${CHECK_TRAIN_BATCHES:-16}
CHECK_TRAIN_EPOCHS1=${CHECK_TRAIN_EPOCHS1:-3}
CHECK_TRAIN_EPOCHS2=${CHECK_TRAIN_EPOCHS2:-3}
CHECK_TRAIN_ARGS=${CHECK_TRAIN_ARGS:---model-size paper --no-simpledeform}
# Timeouts of the checks, in seconds (each also cut to what is left of TIME_BUDGET).
T_ENV=${T_ENV:-60} T_SPECIMEN=${T_SPECIMEN:-60} T_DEBLUR=${T_DEBLUR:-90} T_COMPARE=${T_COMPARE:-60}
T_BENCH=${T_BENCH:-100} T_TRAIN_DATA=${T_TRAIN_DATA:-90} T_TRAIN=${T_TRAIN:-150}
# The paper's per-epoch times (RTX 2080 Ti, 10,000 images of 256^2 per epoch).
PAPER_STAGE1_S=27 PAPER_STAGE2_S=471

# ---------------------------------------------------------------- logging and helpers
mkdir -p "$OUT"
LOG=$OUT/device_check.log
SUMMARY=$OUT/device_summary.txt
: >"$LOG"
exec > >(tee -a "$LOG") 2>&1
TEE_PID=$!
cd "$REPO" || exit 2

RESULTS=()        # "STATUS|name|detail"
PHASES=()         # "name|seconds"
INFO=()           # "key: value" lines for the summary
FATAL=""
SUMMARY_DONE=0
PHASE_NAME="" PHASE_START=0

stamp() { date -u +%H:%M:%S; }
phase() {
    phase_end
    PHASE_NAME=$1 PHASE_START=$SECONDS
    echo
    echo "=== [$(stamp) +${SECONDS}s] $*"
}
phase_end() {
    [ -n "$PHASE_NAME" ] && PHASES+=("$PHASE_NAME|$((SECONDS - PHASE_START))")
    PHASE_NAME=""
}
note() { echo "--- $*"; }
info() { INFO+=("$1: $2"); echo "--- $1: $2"; }
record() {
    local status=$1
    [ "$DRY_RUN" = 1 ] && [ "$status" = PASS ] && status=DRY
    RESULTS+=("$status|$2|$3")
    printf '[%s] %-22s %s\n' "$status" "$2" "$3"
}
want_step() { case " $STEPS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
quote() { local s="" a; for a in "$@"; do s+="$(printf '%q' "$a") "; done; printf '%s' "${s% }"; }
run() {
    echo "+ $(quote "$@")"
    [ "$DRY_RUN" = 1 ] && return 0
    "$@"
}
# run_log FILE CMD...: the command's stdout and stderr go to FILE.
run_log() {
    local file=$1; shift
    echo "+ $(quote "$@") >$file 2>&1"
    [ "$DRY_RUN" = 1 ] && return 0
    "$@" >"$file" 2>&1
}
# check_budget WANT: the timeout to give a step (WANT, cut to what is left), or nothing.
check_budget() {
    local left=$((TIME_BUDGET - SECONDS - RESERVE)) want=$1
    [ "$left" -lt "$want" ] && want=$left
    [ "$want" -ge 15 ] && echo "$want"
}
# why RC: a short reason for a non-zero exit status.
why() { case $1 in 124 | 137) echo "timeout" ;; *) echo "rc $1" ;; esac; }
llrun() { LD_LIBRARY_PATH="$LL_RUN_LD_PATH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$@"; }

write_summary() {
    phase_end
    local pass=0 fail=0 skip=0 r status
    for r in "${RESULTS[@]}"; do
        case ${r%%|*} in PASS) pass=$((pass + 1)) ;; FAIL) fail=$((fail + 1)) ;; *) skip=$((skip + 1)) ;; esac
    done
    if [ -n "$FATAL" ]; then status="FAIL ($FATAL)"
    elif [ "$fail" -gt 0 ]; then status="FAIL"
    else status="PASS"; fi
    [ "$DRY_RUN" = 1 ] && status="DRY RUN ($status)"
    {
        local src="no .git"
        if command -v git >/dev/null && git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
            src="commit $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- 2>/dev/null || echo ' + local changes')"
        fi
        echo "LatentLens device check, $(date -u +%Y-%m-%dT%H:%M:%SZ), host $(uname -n), $src"
        echo "RESULT: $status: $pass passed, $fail failed, $skip skipped, ${SECONDS}s in all"
        echo
        for r in "${INFO[@]}"; do echo "$r"; done
        echo
        echo "phases (seconds):"
        for r in "${PHASES[@]}"; do printf '  %-12s %s\n' "${r%%|*}" "${r#*|}"; done
        echo
        echo "checks:"
        for r in "${RESULTS[@]}"; do
            IFS='|' read -r a b c <<<"$r"
            printf '  %-4s %-22s %s\n' "$a" "$b" "$c"
        done
    } >"$SUMMARY"
    echo
    echo "=== [$(stamp) +${SECONDS}s] summary ($SUMMARY)"
    cat "$SUMMARY"
}
close_log() {
    exec >/dev/null 2>&1
    wait "$TEE_PID" 2>/dev/null
}
finish() {
    local code=0 r
    write_summary
    SUMMARY_DONE=1
    if [ -n "$FATAL" ]; then code=2
    else for r in "${RESULTS[@]}"; do [ "${r%%|*}" = FAIL ] && code=1; done; fi
    close_log
    exit "$code"
}
trap 'FATAL=${FATAL:-interrupted}; finish' INT TERM
trap '[ "$SUMMARY_DONE" = 1 ] || { FATAL=${FATAL:-"unexpected exit"}; write_summary; close_log; }' EXIT

echo "LatentLens device check: repo $REPO, out $OUT, steps '$STEPS', budget ${TIME_BUDGET}s$([ "$DRY_RUN" = 1 ] && echo ', DRY RUN')"

# ---------------------------------------------------------------- tools
phase tools
uname -srm
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | sed 's/^/GPU: /'
CC=${CC:-} CXX=${CXX:-}
if [ -z "$CXX" ]; then
    for c in g++ clang++ c++; do command -v "$c" >/dev/null && { CXX=$(command -v "$c"); break; }; done
fi
if [ -z "$CC" ]; then
    case $(basename "${CXX:-none}") in
        g++*) cand="gcc${CXX##*g++} gcc cc clang" ;;
        clang++*) cand="clang${CXX##*clang++} clang cc gcc" ;;
        *) cand="cc gcc clang" ;;
    esac
    for c in $cand; do command -v "$c" >/dev/null && { CC=$(command -v "$c"); break; }; done
fi
if [ -z "$CXX" ] || [ -z "$CC" ]; then
    echo "ERROR: no C++ compiler (g++, clang++, c++) or no C compiler (gcc, clang, cc) on PATH"
    FATAL="no compiler"
    finish
fi
info compiler "$("$CXX" --version | head -1) ($CXX; C: $CC)"
CMAKE=$(command -v cmake || true)
[ -z "$CMAKE" ] && { echo "ERROR: cmake not found"; FATAL="no cmake"; finish; }
info cmake "$("$CMAKE" --version | head -1)"
if command -v ninja >/dev/null; then GENERATOR=Ninja
elif command -v make >/dev/null; then GENERATOR="Unix Makefiles"
else echo "ERROR: neither ninja nor make found"; FATAL="no build tool"; finish; fi
info generator "$GENERATOR"
PYTHON=$(command -v python3 || true)

# ---------------------------------------------------------------- the unpacked libraries
if [ -z "${LLDEPS_PREFIX##*[[:space:]]*}" ] || [ "$LLDEPS_PREFIX" = / ]; then
    echo "ERROR: LLDEPS_PREFIX '$LLDEPS_PREFIX' is not usable"; FATAL="bad prefix"; finish
fi
if ! { mkdir -p "$(dirname "$LLDEPS_PREFIX")" 2>/dev/null && [ -w "$(dirname "$LLDEPS_PREFIX")" ]; }; then
    LLDEPS_PREFIX=${TMPDIR:-/tmp}/lldeps
fi
P=$LLDEPS_PREFIX
ARCH=x86_64-linux-gnu
LIBDIR=$P/usr/lib/$ARCH
HDF5DIR=$LIBDIR/hdf5/serial
LL_RUN_LD_PATH=$LIBDIR:$HDF5DIR

# extract_deb DEB DEST: dpkg-deb, else ar + tar, else python3.
extract_deb() {
    if command -v dpkg-deb >/dev/null; then
        dpkg-deb -x "$1" "$2"
    elif command -v ar >/dev/null && command -v tar >/dev/null; then
        local tmp
        tmp=$(mktemp -d) || return 1
        (cd "$tmp" && ar x "$1" && tar -xf data.tar.* -C "$2")
        local rc=$?
        rm -rf "$tmp"
        return $rc
    elif [ -n "$PYTHON" ]; then
        "$PYTHON" - "$1" "$2" <<'PY'
import io, sys, tarfile
deb, dest = sys.argv[1], sys.argv[2]
data = open(deb, "rb").read()
assert data[:8] == b"!<arch>\n", "not an ar archive"
pos = 8
while pos < len(data):
    name = data[pos:pos + 16].decode().strip().rstrip("/")
    size = int(data[pos + 48:pos + 58].decode().strip())
    body = data[pos + 60:pos + 60 + size]
    pos += 60 + size + (size & 1)
    if name.startswith("data.tar"):
        # Debian's data holds absolute symlinks: Python 3.14's default filter refuses them.
        kw = {"filter": "fully_trusted"} if hasattr(tarfile, "fully_trusted_filter") else {}
        tarfile.open(fileobj=io.BytesIO(body)).extractall(dest, **kw)
        break
else:
    sys.exit("no data.tar in " + deb)
PY
    else
        echo "ERROR: no dpkg-deb, ar+tar or python3 to unpack .deb files"
        return 1
    fi
}

unpack_deps() {
    local debs=("$DEPS_DIR"/*.deb)
    if [ ! -e "${debs[0]}" ]; then
        echo "ERROR: no .deb files in $DEPS_DIR (was .devdeps carried?)"
        return 1
    fi
    note "unpacking ${#debs[@]} packages from $DEPS_DIR into $P"
    if [ -e "$P" ] && [ ! -e "$P/.lldeps" ] && [ -n "$(ls -A "$P" 2>/dev/null)" ]; then
        echo "ERROR: $P exists and was not made by this script (no $P/.lldeps); set LLDEPS_PREFIX"
        return 1
    fi
    local stage=$P.new.$$ deb
    run rm -rf "$stage" || return 1
    run mkdir -p "$stage" || return 1
    for deb in "${debs[@]}"; do
        if [ "$DRY_RUN" = 1 ]; then echo "+ extract_deb $(quote "$deb" "$stage")"
        else extract_deb "$deb" "$stage" || { echo "ERROR: could not unpack $deb"; return 1; }; fi
    done
    [ "$DRY_RUN" = 1 ] && {
        echo "+ (merge $stage/lib into usr/lib; drop docs and static libraries; mv $stage $P)"
        echo "+ (re-point absolute symlinks into $P; rewrite /usr in .pc and CMake files; write $P/bin/pkg-config and $P/lldeps-env.sh)"
        return 0
    }
    # Debian 12 is merged-/usr on disk but some packages still ship /lib/...: merge them.
    if [ -d "$stage/lib" ] && [ ! -L "$stage/lib" ]; then
        mkdir -p "$stage/usr/lib" && cp -a "$stage/lib/." "$stage/usr/lib/" && rm -rf "${stage:?}/lib" \
            && ln -s usr/lib "$stage/lib" || return 1
    fi
    rm -rf "$stage/usr/share/doc" "$stage/usr/share/man" "$stage/usr/share/lintian" "$stage/usr/share/info"
    find "$stage" \( -name '*.a' -o -name '*.la' \) -delete
    rm -rf "$P" && mv "$stage" "$P" || return 1
    touch "$P/.lldeps"
    # Absolute symlinks (e.g. libz.so -> /lib/x86_64-linux-gnu/libz.so.1.2.13) point into
    # the host's /usr: re-point them, relatively, into the prefix.
    local link target fixed=0
    while IFS= read -r -d '' link; do
        target=$(readlink "$link")
        case $target in /*) ;; *) continue ;; esac
        case $target in /lib/* | /lib64/* | /bin/* | /sbin/*) target=/usr$target ;; esac
        ln -sfn "$(realpath -m -s --relative-to="$(dirname "$link")" "$P$target")" "$link" || return 1
        fixed=$((fixed + 1))
    done < <(find "$P" -type l -print0)
    note "re-pointed $fixed absolute symlinks"
    # pkg-config files: prefix=/usr, -I/usr/..., -L/usr/... -> the prefix.
    local f n=0
    while IFS= read -r -d '' f; do
        sed -i -E "s#(^|[=[:space:]'\"]|-I|-L)/usr(/|[[:space:]]|\$)#\\1$P/usr\\2#g" "$f" && n=$((n + 1))
    done < <(find "$P/usr" -name '*.pc' -print0)
    note "rewrote $n .pc files"
    # CMake package files that name /usr/... absolutely (Debian's nlohmann-json computes its
    # prefix from its own location; this is for any other).
    n=0
    while IFS= read -r -d '' f; do
        if grep -qE '(^|["; (])/usr/' "$f"; then
            sed -i -E "s#(^|[\"; (])/usr/#\\1$P/usr/#g" "$f" && n=$((n + 1))
        fi
    done < <(find "$P/usr" -path '*/cmake/*' -name '*.cmake' -print0)
    note "rewrote $n CMake package files"
    # A pkg-config that runs from the prefix (pkgconf needs its libpkgconf).
    mkdir -p "$P/bin"
    cat >"$P/bin/pkg-config" <<EOF
#!/bin/sh
LD_LIBRARY_PATH="$LIBDIR\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$P/usr/bin/pkgconf" "\$@"
EOF
    chmod +x "$P/bin/pkg-config"
    cat >"$P/lldeps-env.sh" <<EOF
# Made by tools/device_check.sh: the unpacked Debian 12 libraries for builds (source it).
export PKG_CONFIG_PATH="$LIBDIR/pkgconfig:$P/usr/share/pkgconfig\${PKG_CONFIG_PATH:+:\$PKG_CONFIG_PATH}"
export CMAKE_PREFIX_PATH="$P/usr\${CMAKE_PREFIX_PATH:+:\$CMAKE_PREFIX_PATH}"
export HDF5_ROOT="$HDF5DIR"
export LIBRARY_PATH="$LIBDIR:$HDF5DIR\${LIBRARY_PATH:+:\$LIBRARY_PATH}"
export CPATH="$P/usr/include/$ARCH\${CPATH:+:\$CPATH}"
# For running what was built (not for cmake/ninja themselves):
LLDEPS_LD_LIBRARY_PATH="$LIBDIR:$HDF5DIR"
EOF
    return 0
}

# Every library's DT_NEEDED must be in the prefix or on the host: report the rest.
check_deps_closure() {
    local tool=""
    command -v readelf >/dev/null && tool=readelf
    [ -z "$tool" ] && command -v objdump >/dev/null && tool=objdump
    [ -z "$tool" ] && { note "no readelf/objdump: closure not checked"; return 0; }
    local host missing="" fromhost="" f need n
    host=$(ldconfig -p 2>/dev/null | awk '{print $1}' | sort -u)
    for f in "$LIBDIR"/*.so.* "$HDF5DIR"/*.so; do
        [ -f "$f" ] || continue
        if [ "$tool" = readelf ]; then
            need=$(readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
        else
            need=$(objdump -p "$f" 2>/dev/null | awk '/NEEDED/ {print $2}')
        fi
        for n in $need; do
            [ -e "$LIBDIR/$n" ] && continue
            if grep -qxF "$n" <<<"$host"; then
                case " $fromhost " in *" $n "*) ;; *) fromhost+=" $n" ;; esac
                continue
            fi
            missing+=" $n(by $(basename "$f"))"
        done
    done
    note "taken from the host:${fromhost:- nothing}"
    if [ -n "$missing" ]; then
        note "WARNING: needed but neither unpacked nor on this host:$missing"
        return 1
    fi
    note "every unpacked library's dependencies are unpacked or on this host"
}

if want_step deps; then
    phase deps
    if unpack_deps; then
        if [ "$DRY_RUN" = 1 ]; then record SKIP deps "dry run"
        elif check_deps_closure; then record PASS deps "$(find "$DEPS_DIR" -name '*.deb' | wc -l) packages in $P"
        else record PASS deps "unpacked into $P; some dependencies missing (see log)"; fi
    else
        record FAIL deps "could not unpack .devdeps"
        FATAL="deps"; finish
    fi
fi

# pkg-config: the host's, else the unpacked pkgconf behind a wrapper.
PKG_CONFIG_EXE=$(command -v pkg-config || command -v pkgconf || true)
if [ "$LLDEPS_FORCE_PKGCONF" = 1 ] || [ -z "$PKG_CONFIG_EXE" ]; then PKG_CONFIG_EXE=$P/bin/pkg-config; fi
if [ "$LLDEPS_ISOLATE" = 1 ]; then
    export PKG_CONFIG_LIBDIR="$LIBDIR/pkgconfig:$P/usr/share/pkgconfig"
    unset PKG_CONFIG_PATH
else
    export PKG_CONFIG_PATH="$LIBDIR/pkgconfig:$P/usr/share/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
fi
export HDF5_ROOT=$HDF5DIR
# No LIBRARY_PATH/CPATH here: CMake would take their folders for the compiler's implicit
# ones and leave them out of the build RPATH; -L, -rpath-link and
# CMAKE_<LANG>_STANDARD_INCLUDE_DIRECTORIES below do their work.
if [ "$DRY_RUN" != 1 ] && [ -d "$P/usr" ]; then
    note "pkg-config: $PKG_CONFIG_EXE; fftw3: $("$PKG_CONFIG_EXE" --modversion fftw3 2>&1) $("$PKG_CONFIG_EXE" --libs fftw3 fftw3f 2>&1)"
fi

# ---------------------------------------------------------------- LibTorch (pip PyTorch)
# TORCH_ROOT (the torch package folder, with lib/ and include/) may be given instead of
# asking python3; TORCH_ABI then defaults to 1.
TORCH_AUTO=0 TORCH_VERSION=${TORCH_VERSION:-} TORCH_ROOT=${TORCH_ROOT:-} TORCH_CMAKE="" TORCH_CUDA=""
TORCH_ABI=${TORCH_ABI:-1} TORCH_NV_LIBDIRS="" TORCH_PY_CUDA=""
torch_info() {
    if [ -n "$TORCH_ROOT" ]; then
        TORCH_CMAKE=$TORCH_ROOT/share/cmake
        note "TORCH_ROOT given: $TORCH_ROOT (python3 not asked)"
        return 0
    fi
    [ -z "$PYTHON" ] && { note "no python3: no pip PyTorch"; return 1; }
    local k v out
    out=$(timeout 120 "$PYTHON" - 2>&1 <<'PY'
import glob, os
import torch
root = os.path.dirname(torch.__file__)
site = os.path.dirname(root)
print("TORCH_VERSION=" + torch.__version__)
print("TORCH_ROOT=" + root)
print("TORCH_CMAKE=" + torch.utils.cmake_prefix_path)
print("TORCH_CUDA=" + str(torch.version.cuda))
print("TORCH_ABI=" + str(int(getattr(torch._C, "_GLIBCXX_USE_CXX11_ABI", True))))
dirs = sorted({os.path.dirname(p) for p in glob.glob(os.path.join(site, "nvidia", "**", "lib*.so*"), recursive=True)})
print("TORCH_NV_LIBDIRS=" + ":".join(dirs))
print("TORCH_PY_CUDA=" + str(torch.cuda.is_available()) + (" " + torch.cuda.get_device_name(0) if torch.cuda.is_available() else ""))
PY
    ) || { echo "$out" | tail -5; note "python3 cannot import torch"; return 1; }
    while IFS='=' read -r k v; do
        case $k in
            TORCH_VERSION | TORCH_ROOT | TORCH_CMAKE | TORCH_CUDA | TORCH_ABI | TORCH_NV_LIBDIRS | TORCH_PY_CUDA)
                printf -v "$k" '%s' "$v" ;;
        esac
    done <<<"$out"
    [ -n "$TORCH_ROOT" ]
}

# A stand-in TorchConfig.cmake for when pip torch's own config wants a CUDA toolkit that
# is not installed: our code includes only <torch/torch.h> and <torch/cuda.h>, so the
# headers and the libraries (libtorch_cuda linked with --no-as-needed) are enough.
write_torch_shim() {
    local dir=$1 cuda_libs=""
    if [ -e "$TORCH_ROOT/lib/libtorch_cuda.so" ]; then
        cuda_libs=";-Wl,--no-as-needed,$TORCH_ROOT/lib/libtorch_cuda.so;-Wl,--as-needed"
        [ -e "$TORCH_ROOT/lib/libc10_cuda.so" ] && cuda_libs+=";$TORCH_ROOT/lib/libc10_cuda.so"
    fi
    mkdir -p "$dir"
    cat >"$dir/TorchConfig.cmake" <<EOF
# Written by tools/device_check.sh: pip PyTorch $TORCH_VERSION without its CUDA toolkit checks.
if(NOT TARGET torch)
    add_library(torch SHARED IMPORTED)
    set_target_properties(torch PROPERTIES
        IMPORTED_LOCATION "$TORCH_ROOT/lib/libtorch.so"
        INTERFACE_INCLUDE_DIRECTORIES "$TORCH_ROOT/include;$TORCH_ROOT/include/torch/csrc/api/include"
        INTERFACE_COMPILE_DEFINITIONS "_GLIBCXX_USE_CXX11_ABI=$TORCH_ABI"
        INTERFACE_LINK_LIBRARIES "$TORCH_ROOT/lib/libtorch_cpu.so;$TORCH_ROOT/lib/libc10.so$cuda_libs")
endif()
set(TORCH_LIBRARIES torch)
set(TORCH_INCLUDE_DIRS "$TORCH_ROOT/include;$TORCH_ROOT/include/torch/csrc/api/include")
set(TORCH_CXX_FLAGS "-D_GLIBCXX_USE_CXX11_ABI=$TORCH_ABI")
set(TORCH_FOUND TRUE)
set(Torch_FOUND TRUE)
set(Torch_VERSION "${TORCH_VERSION%%+*}")
EOF
}

configure() { # configure MODE
    local mode=$1 args rpl torch_args=()
    rpl="$LIBDIR:$HDF5DIR"
    [ -n "$TORCH_ROOT" ] && rpl+=":$TORCH_ROOT/lib"
    [ -n "$TORCH_NV_LIBDIRS" ] && rpl+=":$TORCH_NV_LIBDIRS"
    case $mode in
        real)
            torch_args=("-DTorch_DIR=$TORCH_CMAKE/Torch" -DCMAKE_CUDA_ARCHITECTURES=90 -DTORCH_CUDA_ARCH_LIST=9.0)
            if ! command -v nvcc >/dev/null && [ -x /usr/local/cuda/bin/nvcc ]; then
                export PATH=$PATH:/usr/local/cuda/bin
            fi
            ;;
        shim)
            [ "$DRY_RUN" = 1 ] || write_torch_shim "$BUILD_DIR/torch-shim"
            echo "+ (write $BUILD_DIR/torch-shim/TorchConfig.cmake for $TORCH_ROOT)"
            torch_args=("-DTorch_DIR=$BUILD_DIR/torch-shim")
            ;;
        system) torch_args=() ;;
    esac
    args=(-S "$REPO" -B "$BUILD_DIR" -G "$GENERATOR"
        -DCMAKE_BUILD_TYPE=Release -DLATENTLENS_GUI=OFF -DLATENTLENS_TESTS=OFF
        "-DCMAKE_C_COMPILER=$CC" "-DCMAKE_CXX_COMPILER=$CXX"
        "-DCMAKE_PREFIX_PATH=$P/usr"
        "-DCMAKE_LIBRARY_PATH=$LIBDIR;$HDF5DIR"
        "-DCMAKE_INCLUDE_PATH=$P/usr/include;$P/usr/include/$ARCH"
        "-DCMAKE_C_STANDARD_INCLUDE_DIRECTORIES=$P/usr/include/$ARCH"
        "-DCMAKE_CXX_STANDARD_INCLUDE_DIRECTORIES=$P/usr/include/$ARCH"
        "-DHDF5_ROOT=$HDF5DIR" -DHDF5_NO_FIND_PACKAGE_CONFIG_FILE=ON
        "-DPKG_CONFIG_EXECUTABLE=$PKG_CONFIG_EXE"
        "-DCMAKE_EXE_LINKER_FLAGS=-L$LIBDIR -Wl,-rpath-link,$rpl -Wl,--disable-new-dtags"
        "-DCMAKE_BUILD_RPATH=$LIBDIR;$HDF5DIR"
        "-DCMAKE_SHARED_LINKER_FLAGS=-L$LIBDIR -Wl,-rpath-link,$rpl"
        "${torch_args[@]}")
    # shellcheck disable=SC2206 # EXTRA_CMAKE_ARGS is split on purpose
    [ -n "$EXTRA_CMAKE_ARGS" ] && args+=($EXTRA_CMAKE_ARGS)
    local t
    t=$(check_budget "$CONFIGURE_TIMEOUT") || { note "no time left to configure"; return 1; }
    [ "$DRY_RUN" = 1 ] || mkdir -p "$BUILD_DIR"
    run_log "$BUILD_DIR/device_configure.log" timeout -k 5 "$t" "$CMAKE" "${args[@]}"
    local rc=$?
    [ "$DRY_RUN" = 1 ] && return 0
    grep -E 'Found|Torch|Caffe2|CUDA|HDF5|nlohmann|FFTW|TIFF|Error|error:' "$BUILD_DIR/device_configure.log" | head -40
    if [ $rc -ne 0 ]; then
        echo "configure ($mode) failed (rc $rc); last lines:"
        tail -n 40 "$BUILD_DIR/device_configure.log"
        { echo "### configure ($mode), rc $rc"; tail -n 150 "$BUILD_DIR/device_configure.log"; } >>"$OUT/configure_fail_tail.log"
        return 1
    fi
    # Where the libraries resolved (all but LibTorch should be in the prefix).
    grep -E '^(FFTW3_LINK_LIBRARIES|pkgcfg_lib_FFTW3_fftw3f?|TIFF_LIBRARY_RELEASE|TIFF_INCLUDE_DIR|PNG_LIBRARY_RELEASE|PNG_PNG_INCLUDE_DIR|JPEG_LIBRARY_RELEASE|JPEG_INCLUDE_DIR|ZLIB_LIBRARY_RELEASE|ZLIB_INCLUDE_DIR|HDF5_C_LIBRARY_hdf5|HDF5_hdf5_LIBRARY_RELEASE|HDF5_C_INCLUDE_DIR|nlohmann_json_DIR|Torch_DIR)[:=]' \
        "$BUILD_DIR/CMakeCache.txt" | sed 's/^/    cache: /'
    return 0
}

if want_step configure; then
    phase configure
    if [ "$TORCH_MODE" != system ]; then
        if torch_info; then
            info torch "$TORCH_VERSION (CUDA $TORCH_CUDA, CXX11 ABI $TORCH_ABI, python sees GPU: $TORCH_PY_CUDA) at $TORCH_ROOT"
        elif [ "$DRY_RUN" = 1 ]; then
            TORCH_ROOT="<torch>" TORCH_CMAKE="<torch>/share/cmake"
            note "dry run: torch not importable here, placeholders used"
        else
            record FAIL configure "python3 cannot import torch"
            FATAL="no torch"; finish
        fi
        info nvcc "$(command -v nvcc || { [ -x /usr/local/cuda/bin/nvcc ] && echo /usr/local/cuda/bin/nvcc; } || echo 'none (pip torch CMake config may need a CUDA toolkit; shim fallback)')"
    fi
    ok=0
    [ "$TORCH_MODE" = auto ] && TORCH_AUTO=1
    case $TORCH_MODE in
        auto)
            if configure real; then ok=1; TORCH_MODE=real
            else
                note "pip torch's own CMake config failed: retrying with the stand-in TorchConfig.cmake"
                [ "$DRY_RUN" = 1 ] || rm -rf "$BUILD_DIR/CMakeCache.txt" "$BUILD_DIR/CMakeFiles"
                configure shim && { ok=1; TORCH_MODE=shim; }
            fi
            ;;
        real | shim | system) configure "$TORCH_MODE" && ok=1 ;;
        *) echo "ERROR: TORCH_MODE is auto, real, shim or system" ;;
    esac
    if [ $ok = 1 ]; then record PASS configure "Torch via $TORCH_MODE config"
    else record FAIL configure "see configure_fail_tail.log"; FATAL="configure"; finish; fi
fi

build_targets() {
    local t rc
    t=$(check_budget "$BUILD_TIMEOUT") || { note "no time left to build"; return 1; }
    # shellcheck disable=SC2086 # BUILD_TARGETS is a list
    run_log "$BUILD_DIR/device_build.log" timeout -k 10 "$t" "$CMAKE" --build "$BUILD_DIR" \
        --target $BUILD_TARGETS -j"$JOBS"
    rc=$?
    [ "$DRY_RUN" = 1 ] && return 0
    if [ $rc -ne 0 ]; then
        echo "build failed ($(why $rc)); errors:"
        grep -E 'error|Error|undefined reference|cannot find' "$BUILD_DIR/device_build.log" | head -40
        { echo "### build ($TORCH_MODE torch config), $(why $rc)"; tail -n 300 "$BUILD_DIR/device_build.log"; } \
            >>"$OUT/build_fail_tail.log"
        return 1
    fi
    tail -n 3 "$BUILD_DIR/device_build.log"
    echo "compiler warnings: $(grep -c 'warning:' "$BUILD_DIR/device_build.log")"
}

if want_step build; then
    phase build
    if build_targets; then
        record PASS build "$BUILD_TARGETS in $((SECONDS - PHASE_START))s with -j$JOBS"
    elif [ "$TORCH_AUTO" = 1 ] && [ "$TORCH_MODE" = real ] \
        && grep -qE 'ld returned|No rule to make target|cannot find -l' "$BUILD_DIR/device_build.log"; then
        note "link failed with pip torch's own CMake config: reconfiguring with the stand-in"
        rm -rf "$BUILD_DIR/CMakeCache.txt" "$BUILD_DIR/CMakeFiles"
        if configure shim && { TORCH_MODE=shim; build_targets; }; then
            record PASS build "$BUILD_TARGETS (stand-in torch config after a link failure) in $((SECONDS - PHASE_START))s"
        else
            record FAIL build "see build_fail_tail.log"; FATAL="build"; finish
        fi
    else
        record FAIL build "see build_fail_tail.log"; FATAL="build"; finish
    fi
fi

# ---------------------------------------------------------------- checks
CLI=$BUILD_DIR/bin/latentlens-cli
BENCH=$BUILD_DIR/bin/latentlens-bench-network
T=$BUILD_DIR/device-checks
LL_RUN_LD_PATH+="${TORCH_ROOT:+:$TORCH_ROOT/lib}"
export LL_RUN_LD_PATH

# timed RESULT_VAR CMD...: runs CMD, stores the wall seconds (2 decimals) in RESULT_VAR.
timed() {
    local __var=$1 t0 t1 rc; shift
    t0=$(date +%s.%N)
    "$@"; rc=$?
    t1=$(date +%s.%N)
    printf -v "$__var" '%.2f' "$(echo "$t1 - $t0" | awk '{print $1 - $3}')"
    return $rc
}

checks_env() {
    local t out
    if command -v nvidia-smi >/dev/null; then
        run timeout 20 nvidia-smi -L
        [ "$DRY_RUN" = 1 ] || info gpu "$(nvidia-smi -L 2>/dev/null | head -1)"
    elif [ "$CHECK_CUDA" = 1 ]; then
        record FAIL nvidia-smi "not on PATH"
    fi
    t=$(check_budget "$T_ENV") || { record SKIP version "out of time"; return; }
    run timeout "$t" env LD_LIBRARY_PATH="$LL_RUN_LD_PATH" "$CLI" --version || {
        record FAIL version "latentlens-cli --version failed"
        command -v ldd >/dev/null && LD_LIBRARY_PATH="$LL_RUN_LD_PATH" ldd "$CLI" | grep -E 'not found|torch|c10'
        return 1
    }
    [ "$DRY_RUN" = 1 ] && return 0
    command -v ldd >/dev/null && llrun ldd "$CLI" | grep -E 'not found|torch_cuda|libc10|libhdf5|libtiff|libfftw3f?\.' | sed 's/^/    ldd: /'
    out=$(llrun timeout "$t" "$CLI" --version 2>/dev/null)
    if grep -q 'CUDA available' <<<"$out"; then record PASS version "$(head -1 <<<"$out"), CUDA available"
    elif [ "$CHECK_CUDA" = 1 ]; then record FAIL version "LibTorch sees no CUDA device (libtorch_cuda linked?)"
    else record PASS version "$(head -1 <<<"$out"), CUDA not available (CHECK_CUDA=0)"; fi
}

checks_deblur() {
    local t rc secs dev inner
    t=$(check_budget "$T_SPECIMEN") || { record SKIP specimen "out of time"; return 1; }
    run llrun timeout "$t" "$CLI" specimen --size "$CHECK_SPEC_SIZE" --seed 3 -o "$T/spec.tif" \
        && run llrun timeout "$t" "$CLI" blur --defocus "$CHECK_DEFOCUS" --noise-var "$CHECK_NOISE_VAR" \
            --seed 4 "$T/spec.tif" "$T/blurred.tif"
    rc=$?
    [ $rc -ne 0 ] && { record FAIL specimen "specimen/blur $(why $rc)"; return 1; }
    record PASS specimen "${CHECK_SPEC_SIZE}^2 specimen, blurred at ${CHECK_DEFOCUS} um"
    for dev in cpu cuda; do
        if [ $dev = cuda ] && [ "$CHECK_CUDA" != 1 ]; then record SKIP deblur-cuda "CHECK_CUDA=0"; continue; fi
        t=$(check_budget "$T_DEBLUR") || { record SKIP "deblur-$dev" "out of time"; continue; }
        # shellcheck disable=SC2086 # CHECK_DEBLUR_ARGS is a list of options
        echo "+ latentlens-cli deblur $CHECK_DEBLUR_ARGS --device $dev --json blurred.tif $dev.tif"
        if [ "$DRY_RUN" = 1 ]; then continue; fi
        # shellcheck disable=SC2086
        timed secs llrun timeout "$t" "$CLI" deblur $CHECK_DEBLUR_ARGS --device $dev --json \
            "$T/blurred.tif" "$T/$dev.tif" >"$T/deblur-$dev.json"
        rc=$?
        cat "$T/deblur-$dev.json"
        inner=$(sed -n 's/.*"seconds": *\([0-9.e+-]*\).*/\1/p' "$T/deblur-$dev.json" | head -1)
        if [ $rc -eq 0 ]; then record PASS "deblur-$dev" "${CHECK_SPEC_SIZE}^2: deblur ${inner:-?} s, ${secs} s wall with process start and model load"
        else record FAIL "deblur-$dev" "$(why $rc) after ${secs}s"; fi
    done
}

checks_compare() {
    local t out m
    [ "$DRY_RUN" = 1 ] && { echo "+ latentlens-cli metrics --reference cpu.tif cuda.tif; python3 max|cpu-cuda|, PSNR"; return; }
    if [ ! -s "$T/cpu.tif" ] || [ ! -s "$T/cuda.tif" ]; then record SKIP cpu-vs-cuda "no CPU or CUDA output"; return; fi
    t=$(check_budget "$T_COMPARE") || { record SKIP cpu-vs-cuda "out of time"; return; }
    for m in cpu cuda; do
        echo "quality of the $m deblur against the clean specimen:"
        llrun timeout "$t" "$CLI" metrics --reference "$T/spec.tif" "$T/$m.tif"
    done
    echo "latentlens-cli metrics --reference cpu.tif cuda.tif:"
    out=$(llrun timeout "$t" "$CLI" metrics --reference "$T/cpu.tif" "$T/cuda.tif" 2>&1)
    echo "$out"
    if [ -z "$PYTHON" ]; then record SKIP cpu-vs-cuda "no python3 (metrics above)"; return; fi
    out=$(timeout "$t" "$PYTHON" - "$T/cpu.tif" "$T/cuda.tif" "$CHECK_MIN_CPU_CUDA_PSNR" 2>&1 <<'PY'
import sys
try:
    import numpy as np
    import tifffile
except ImportError as e:
    print("SKIP numpy/tifffile missing:", e)
    sys.exit(0)
a = tifffile.imread(sys.argv[1]).astype(np.float64)
b = tifffile.imread(sys.argv[2]).astype(np.float64)
if a.shape != b.shape:
    print("FAIL shapes differ:", a.shape, b.shape)
    sys.exit(0)
d = np.abs(a - b)
mse = float(np.mean(d ** 2))
psnr = float("inf") if mse == 0 else 10 * np.log10(1.0 / mse)
verdict = "PASS" if psnr >= float(sys.argv[3]) else "FAIL"
print(f"{verdict} max|cpu-cuda| {d.max():.3g}, mean {d.mean():.3g}, PSNR {psnr:.2f} dB"
      f" (data range 1; cpu range {a.min():.3f}..{a.max():.3f})")
PY
    )
    echo "$out"
    case $out in
        PASS*) record PASS cpu-vs-cuda "${out#PASS }" ;;
        SKIP*) record SKIP cpu-vs-cuda "${out#SKIP }" ;;
        FAIL*) record FAIL cpu-vs-cuda "${out#FAIL } < ${CHECK_MIN_CPU_CUDA_PSNR} dB" ;;
        *) record FAIL cpu-vs-cuda "python compare failed: $(tail -1 <<<"$out")" ;;
    esac
}

checks_bench() {
    local t rc secs
    if [ "$DRY_RUN" != 1 ] && [ ! -x "$BENCH" ]; then record SKIP bench-network "not built"; return; fi
    t=$(check_budget "$T_BENCH") || { record SKIP bench-network "out of time"; return; }
    # shellcheck disable=SC2086
    echo "+ latentlens-bench-network $CHECK_BENCH_ARGS >$OUT/bench_network.csv"
    [ "$DRY_RUN" = 1 ] && return
    # shellcheck disable=SC2086
    timed secs llrun timeout -k 5 "$t" "$BENCH" $CHECK_BENCH_ARGS >"$OUT/bench_network.csv" 2>&1
    rc=$?
    cat "$OUT/bench_network.csv"
    if [ $rc -eq 0 ]; then record PASS bench-network "${secs}s, $(head -1 "$OUT/bench_network.csv" | sed 's/^# //')"
    else record FAIL bench-network "$(why $rc) after ${secs}s (partial CSV kept)"; fi
}

checks_train() {
    local t rc data=$T/train-data model=$T/train-model.llm start
    t=$(check_budget "$T_TRAIN_DATA") || { record SKIP train "out of time"; return; }
    echo "+ seq 1001 $((1000 + CHECK_TRAIN_IMAGES)) | xargs -P $JOBS -I{} latentlens-cli specimen --size $CHECK_TRAIN_SIZE --seed {} -o $data/s_{}.tif"
    if [ "$DRY_RUN" != 1 ]; then
        rm -rf "$data" && mkdir -p "$data"
        seq 1001 $((1000 + CHECK_TRAIN_IMAGES)) | llrun timeout -k 5 "$t" xargs -P "$JOBS" -I{} \
            "$CLI" specimen --size "$CHECK_TRAIN_SIZE" --seed {} -o "$data/s_{}.tif" >/dev/null
        rc=$?
        local made
        made=$(find "$data" -name '*.tif' | wc -l)
        [ $rc -ne 0 ] && { record FAIL train "making specimens: $(why $rc), $made made"; return; }
        note "$made specimens of ${CHECK_TRAIN_SIZE}^2 in $data"
    fi
    t=$(check_budget "$T_TRAIN") || { record SKIP train "out of time"; return; }
    local args=(train --data "$data" --device "$CHECK_TRAIN_DEVICE" --crop "$CHECK_TRAIN_CROP"
        --batch-size "$CHECK_TRAIN_BATCH_SIZE" --batches "$CHECK_TRAIN_BATCHES"
        --epochs1 "$CHECK_TRAIN_EPOCHS1" --epochs2 "$CHECK_TRAIN_EPOCHS2" --json -o "$model")
    # shellcheck disable=SC2206 # CHECK_TRAIN_ARGS is a list of options
    args+=($CHECK_TRAIN_ARGS)
    echo "+ latentlens-cli $(quote "${args[@]}")"
    [ "$DRY_RUN" = 1 ] && return
    rm -f "$model"
    start=$(date +%s.%N)
    # stderr (one line per epoch) is stamped with the time each line arrives.
    llrun timeout -k 5 "$t" "$CLI" "${args[@]}" 2>&1 >"$T/train.json" \
        | while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done \
        | tee "$T/train_stderr.log"
    rc=${PIPESTATUS[0]}
    local per=$((CHECK_TRAIN_BATCHES * CHECK_TRAIN_BATCH_SIZE)) report
    report=$(awk -v start="$start" -v per="$per" -v p1="$PAPER_STAGE1_S" -v p2="$PAPER_STAGE2_S" '
        function mmss(s) { return sprintf("%d:%02d", int(s / 60), int(s % 60 + 0.5)) }
        / stage [12], epoch [0-9]+\/[0-9]+:/ {
            match($0, /stage [12]/); st = substr($0, RSTART + 6, 1)
            d = $1 - prev; if (prev == 0) d = $1 - start; prev = $1
            n[st]++; if (n[st] == 1) first[st] = d; else { sum[st] += d; cnt[st]++ }
        }
        END {
            for (st = 1; st <= 2; st++) {
                if (!n[st]) { printf "stage %d: no epoch finished\n", st; continue }
                steady = cnt[st] ? sum[st] / cnt[st] : first[st]
                scaled = steady * 10000 / per
                paper = st == 1 ? p1 : p2
                printf "stage %d: %d epochs of %d images; first %.2f s (warm-up included), then %.2f s/epoch = %.1f images/s; scaled to 10,000 images: %.0f s (%s), paper on a 2080 Ti: %s (%.2fx)\n", \
                    st, n[st], per, first[st], steady, per / steady, scaled, mmss(scaled), mmss(paper), paper / scaled
            }
        }' "$T/train_stderr.log")
    {
        echo "latentlens-cli $(quote "${args[@]}")"
        echo "torch ${TORCH_VERSION:-?}; $(nvidia-smi -L 2>/dev/null | head -1 || true)"
        echo "$report"
        echo "(one image = one ${CHECK_TRAIN_CROP}^2 crop; stage 2 blurs each at every listed defocus; exit $(why "$rc"))"
    } | tee "$OUT/train_timing.txt"
    if [ "$rc" -eq 0 ] && [ -s "$model" ]; then
        record PASS train-stage1 "$(sed -n 's/^stage 1: //p' <<<"$report")"
        record PASS train-stage2 "$(sed -n 's/^stage 2: //p' <<<"$report")"
    else
        record FAIL train "$(why "$rc") (see train_timing.txt)"
    fi
}

if want_step checks; then
    phase checks
    if [ "$DRY_RUN" != 1 ] && [ ! -x "$CLI" ]; then
        record FAIL checks "$CLI not built"
    else
        [ "$DRY_RUN" = 1 ] || { rm -rf "$T"; mkdir -p "$T"; }
        phase check-env; checks_env
        phase check-deblur; checks_deblur && { phase check-compare; checks_compare; }
        # Training before the benchmark: its per-epoch times are the figure to compare.
        if [ "$CHECK_CUDA" = 1 ] || [ "$CHECK_TRAIN_DEVICE" != cuda ]; then phase check-train; checks_train
        else record SKIP train "CHECK_CUDA=0 and CHECK_TRAIN_DEVICE=cuda"; fi
        phase check-bench; checks_bench
    fi
fi

if want_step extra && [ -f "$REPO/tools/device_extra.sh" ]; then
    phase extra
    if [ "$DRY_RUN" = 1 ]; then echo "+ source tools/device_extra.sh"
    else
        # shellcheck source=/dev/null
        source "$REPO/tools/device_extra.sh" || record FAIL extra "tools/device_extra.sh returned non-zero"
    fi
fi

finish
