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
    # LSan: LibTorch's and OpenMP's one-time allocations live until exit (lsan.supp).
    ASAN_OPTIONS=detect_container_overflow=0:strict_string_checks=1:detect_stack_use_after_return=1 \
        LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0" \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --preset sanitize
    echo "sanitize_check: ASan + UBSan build and tests took $(($(date +%s) - start)) s"
fi

if [ "$which" = tsan ] || [ "$which" = all ]; then
    start=$(date +%s)
    cmake --preset tsan
    cmake --build --preset tsan
    TSAN_OPTIONS="suppressions=$supp/tsan.supp:halt_on_error=1:second_deadlock_stack=1" \
        QT_QPA_PLATFORM=offscreen ctest --preset tsan
    echo "sanitize_check: ThreadSanitizer build and tests took $(($(date +%s) - start)) s"
fi
