#!/usr/bin/env bash
# Builds the fuzz preset (clang-14, libFuzzer, ASan, UBSan) and runs fuzz targets, one after the
# other, each for SECONDS (docs/robustness.md, "Fuzzing").
# Usage: tools/fuzz.sh [-t SECONDS] [--no-build] [TARGET...]
#   TARGET: tiff png jpeg npy npz hdf5 xrf mat omexml modelrecord model (default: all).
# Each target's corpus grows in build/fuzz/corpus/<target>, seeded from tools/fuzz_seeds.sh and
# the committed tests/fuzz/{seeds,regressions}/<target>; crashes are written to
# build/fuzz/artifacts/<target>/ and each run's log to build/fuzz/logs/<target>/<time>.log
# (its last lines: executions #N, coverage cov/ft, and libFuzzer's final stats).
# A finding, once fixed, goes minimised into tests/fuzz/regressions/<target>/, which CTest
# replays in every normal build (fuzzreplay_<target>).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=600
build=1
while [ $# -gt 0 ]; do
    case $1 in
    -t) seconds=${2:?-t needs a number of seconds}; shift 2 ;;
    --no-build) build=0; shift ;;
    *) break ;;
    esac
done
all=(tiff png jpeg npy npz hdf5 xrf mat omexml modelrecord model)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

helped=0 # a target whose files the programs read in latentlens-cli's helper first
for target in "${targets[@]}"; do
    case $target in hdf5 | xrf | mat | model) helped=1 ;; esac
done
if [ $build = 1 ]; then
    # fuzz_model links the engine of a GCC build (tests/fuzz/CMakeLists.txt says why), and the
    # HDF5, MAT and model targets run that build's latentlens-cli as their helper.
    if [[ " ${targets[*]} " == *" model "* ]] || [ $helped = 1 ]; then
        [ -d build/default ] || cmake --preset default
        cmake --build build/default -j2 --target latentlens_engine latentlens-cli
    fi
    [ -f build/fuzz/CMakeCache.txt ] || cmake --preset fuzz
    cmake --build build/fuzz -j2 --target "${targets[@]/#/fuzz_}"
fi
[ -d build/fuzz/seeds ] || tools/fuzz_seeds.sh build/fuzz/seeds

for target in "${targets[@]}"; do
    corpus=build/fuzz/corpus/$target
    mkdir -p "$corpus" "build/fuzz/artifacts/$target" "build/fuzz/logs/$target"
    extra=()
    for dir in "build/fuzz/seeds/$target" "tests/fuzz/seeds/$target" \
        "tests/fuzz/regressions/$target"; do
        [ -d "$dir" ] && extra+=("$root/$dir")
    done
    # HDF5 1.10 (hdf5, xrf, mat through MATLAB 7.3) and LibTorch (model) leak memory of their
    # own on some corrupt files (e.g. HDF5's object headers in H5O_get_info); LeakSanitizer
    # would stop those targets at once on a third-party leak, so it is off for them.
    leaks=()
    case $target in hdf5 | xrf | mat | model) leaks=(-detect_leaks=0) ;; esac
    # HDF5 1.10, libmatio and LibTorch crash on some corrupt files inside their own parsers
    # (e.g. a NULL read in H5O_get_info), which no check of ours can prevent: as in the
    # programs, latentlens-cli reads such a file in a helper process first
    # (engine/core/isolatedread.h), and a crash there is a refused file, not a finding.
    mode=(-jobs=1 -workers=1)
    export LATENTLENS_CHECK_FILE_HELPER=$root/build/default/bin/latentlens-cli
    # HDF5 and libmatio ask malloc for sizes read from corrupt files and handle the NULL that
    # glibc returns (as the helper, not instrumented, shows); ASan's default reports those
    # requests as crashes instead. Our own code's allocations go through operator new, which
    # ASan still reports, and libFuzzer's -malloc_limit_mb still catches large ones.
    # The helper may take 10 s of CPU time on a small file before it is stopped (check-file's
    # limit; the regression input of finding 22 does), which is 30-40 s of wall time on a
    # loaded machine, so those targets get 60 s per input.
    timeout=10
    asan=${ASAN_OPTIONS:-}
    case $target in hdf5 | xrf | mat | model)
        timeout=60
        asan=allocator_may_return_null=1:detect_leaks=0${asan:+:$asan} ;;
    esac
    log=build/fuzz/logs/$target/$(date +%Y%m%d-%H%M%S).log
    echo "== fuzz_$target for $seconds s (log: $log)"
    # One job in a child process (its log goes to fuzz-0.log, which the parent also repeats);
    # memory and time per input bounded so that a huge allocation or a hang is a finding, not
    # a stalled machine.
    (cd "build/fuzz/logs/$target" && ASAN_OPTIONS=$asan nice -n 10 "$root/build/fuzz/bin/fuzz_$target" \
        "${mode[@]}" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
        -malloc_limit_mb=1024 -print_final_stats=1 "${leaks[@]}" \
        -artifact_prefix="$root/build/fuzz/artifacts/$target/" \
        "$root/$corpus" "${extra[@]}" >"$root/$log.parent" 2>&1) || true
    # A job's log is fuzz-0.log (the parent repeats it); fork mode logs to the parent's output.
    if [ -f "build/fuzz/logs/$target/fuzz-0.log" ]; then
        mv "build/fuzz/logs/$target/fuzz-0.log" "$log"
        rm "$log.parent"
    else
        mv "$log.parent" "$log"
    fi
    grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1 || true
    grep -E 'ERROR: |SUMMARY: |^stat::' "$log" | head -n 8 || true
    ls "build/fuzz/artifacts/$target"
done
