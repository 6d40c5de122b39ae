#!/usr/bin/env bash
# The sanitizer builds that CI runs after the README's test command (docs/building.md):
#   1. the engine, the CLI and their tests with AddressSanitizer + UBSan (preset `sanitize`),
#      every test of that build;
#   2. the studio's job worker and its tests with ThreadSanitizer (preset `tsan`).
# Suppressions (tools/sanitizers/) cover third-party code only; each says why.
#
#   tools/sanitize_check.sh [asan|tsan|all]    (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
supp="$PWD/tools/sanitizers"

if [ "$which" = asan ] || [ "$which" = all ]; then
    start=$(date +%s)
    cmake --preset sanitize
    cmake --build --preset sanitize
    # detect_container_overflow=0: LibTorch (not instrumented) grows std::vectors that our
    # instrumented code annotated, which ASan then reports as overflows that are not there.
    # LSan: FFTW's allocations are matched by library (tools/sanitizers/lsan.supp).
    asan=detect_container_overflow=0:strict_string_checks=1:detect_stack_use_after_return=1
    export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    ASAN_OPTIONS=$asan ctest --preset sanitize -E '^tst_cli$'
    # tst_cli runs the CLI as child processes, some of which load LibTorch on demand; in
    # those, LSan's stop-the-world tracer crashes (SIGSEGV in the tracer, not in our code) at
    # exit, so leak checking is off there. ASan and UBSan still check every child.
    ASAN_OPTIONS=$asan:detect_leaks=0 ctest --preset sanitize -R '^tst_cli$'
    echo "sanitize_check: ASan + UBSan build and tests took $(($(date +%s) - start)) s"
fi

if [ "$which" = tsan ] || [ "$which" = all ]; then
    start=$(date +%s)
    cmake --preset tsan
    cmake --build --preset tsan
    TSAN_OPTIONS="suppressions=$supp/tsan.supp:halt_on_error=1:second_deadlock_stack=1" \
        ctest --preset tsan
    echo "sanitize_check: ThreadSanitizer build and tests took $(($(date +%s) - start)) s"
fi
