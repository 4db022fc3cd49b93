#!/usr/bin/env bash
# The README's second command: the whole test suite. Sets up (idempotent), builds Release
# and runs every test (unit, golden, eval, fuzz-replay, e2e: the dashboard in Chromium),
# then builds with AddressSanitizer
# and UBSan and runs the unit and fuzz-replay tests again.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
jobs=$(nproc)

echo "== Release build: all tests (unit, golden, eval, fuzz-replay, e2e) =="
ctest --test-dir build --output-on-failure --timeout 600 -j"$jobs"

echo "== ASan/UBSan build: unit and fuzz-replay tests =="
# -O0 -g1: the sanitizers find the same faults and the build takes half the CPU time of -O1
# (the tests themselves take seconds); eval and golden tests are not built here.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" \
  -DVIGIE_SANITIZE=ON -DVIGIE_BUILD_BENCH=OFF -DVIGIE_UNIT_TESTS_ONLY=ON >/dev/null
if ! cmake --build build-asan -j"$jobs" >build-asan/build.log 2>&1; then
  grep -E 'error|FAILED' -A5 build-asan/build.log | head -60
  echo "test: the ASan build failed (full log: build-asan/build.log)" >&2
  exit 1
fi
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure --timeout 900 -j"$jobs" -L 'unit|fuzz-replay'
