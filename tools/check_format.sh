#!/usr/bin/env bash
# Fails when a C++ source differs from what clang-format makes of it (STYLE.md habit 10).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format not installed"; exit 1; }
mapfile -t files < <(git ls-files 'engine/*.cpp' 'engine/*.h' 'app/*.cpp' 'app/*.h' \
    'widgets/*.cpp' 'widgets/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h')
[ ${#files[@]} -gt 0 ] || { echo "no sources found"; exit 1; }
clang-format --dry-run --Werror "${files[@]}"
echo "clang-format: ${#files[@]} files clean"
