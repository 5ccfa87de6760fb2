#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fuzzes each target for SECONDS (default 60) with libFuzzer, under
# AddressSanitizer and UndefinedBehaviorSanitizer, in a build directory of
# its own (clang, -Dfuzzing=true), and reports the executions made.
#   tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET…]
# Seeds: tests/fuzz/corpus/TARGET (made by make-seeds.py from the real
# documents and inputs) and the crashes kept in tests/fuzz/regressions/TARGET.
# Inputs stay under 64 KiB, so that each execution is quick. What the run discovers stays in a scratch
# directory, unless PE_FUZZ_MERGE=1, which merges it, minimised, into the
# corpus. An input that crashes, leaks, hangs or exhausts memory is copied
# to tests/fuzz/regressions/TARGET/ (and printed in base64, for a CI log)
# and the run fails: fix the bug, keep the file, and ./test replays it.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(document field calc-args profile batch-csv)
build=${PE_FUZZ_BUILD_DIR:-$src/_build-fuzz}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" \
    -Dfuzzing=true -Dintrospection=false \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args="-fsanitize=fuzzer-no-link -fno-sanitize-recover=all -fno-omit-frame-pointer" >/dev/null
fi
ninja -C "$build" $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}") >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/pe-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT

# leaks are bugs too; GLib's allocator hides nothing from ASan
export G_SLICE=always-malloc
# no GIO modules (gvfs, dconf…): the targets need none, and loading them
# leaves allocations LeakSanitizer reports at exit
mkdir -p "$work/gio-modules"
export GIO_MODULE_DIR=$work/gio-modules
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LC_ALL=C.UTF-8

status=0
for t in "${targets[@]}"; do
  seeds=("tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t")
  mkdir -p "$work/$t" "$work/$t-artifacts"
  rc=0
  "$build/tests/fuzz/fuzz-$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="tests/fuzz/$t.dict" -print_final_stats=1 \
    -artifact_prefix="$work/$t-artifacts/" \
    "$work/$t" "${seeds[@]}" >"$work/$t.log" 2>&1 || rc=$?

  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -n 1 || true)
  found=$(ls "$work/$t" | wc -l)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$work/$t.log" | tail -n 1)
  if [ $rc -eq 0 ]; then
    echo "fuzz-$t: ${execs:-?} executions in ${seconds} s, ${cov:-cov: ?} edges, $found new inputs, peak ${rss:-?} MB, no failure"
  else
    status=1
    echo "fuzz-$t: FAILED after ${execs:-?} executions (exit $rc):"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*CRITICAL|.*ERROR:|.*WARNING \*\*)' "$work/$t.log" | head -n 20 || true
    tail -n 40 "$work/$t.log"
    mkdir -p "tests/fuzz/regressions/$t"
    for a in "$work/$t-artifacts"/*; do
      [ -f "$a" ] || continue
      keep="tests/fuzz/regressions/$t/$(basename "$a")"
      cp "$a" "$keep"
      echo "fuzz-$t: the input is kept as $keep; in base64:"
      base64 -w 0 "$a"; echo
    done
  fi
  if [ "${PE_FUZZ_MERGE:-0}" = 1 ] && [ $rc -eq 0 ]; then
    "$build/tests/fuzz/fuzz-$t" -merge=1 "tests/fuzz/corpus/$t" "$work/$t" >/dev/null 2>&1
    echo "fuzz-$t: merged into tests/fuzz/corpus/$t ($(ls "tests/fuzz/corpus/$t" | wc -l) inputs)"
  fi
done
exit $status
