#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Policy Explorer with AddressSanitizer and UndefinedBehaviorSanitizer
# (-Db_sanitize=address,undefined, GCC) in a build directory of its own,
# _build-asan, and runs the whole test suite under them, leaks included.
#   tests/sanitizers/run-sanitizers.sh [MESON-TEST-ARGS…]
# Any memory error, any undefined behaviour and any leak fails the test it
# happens in; lsan.supp lists the allocations of libraries beneath us that
# are made once and kept, or lost inside them, and why.
#
# Left out, and why:
#   python    it loads the instrumented libraries into python3, which is not:
#             ASan must be the first library of a process ("ASan runtime does
#             not come first in initial library list"). For the same reason
#             introspection is off (-Dintrospection=false: g-ir-scanner's
#             dumper links the libraries), so the test is not even defined.
#   valgrind  valgrind cannot run instrumented programs; the valgrind suite
#             is not defined in a sanitizer build.
# The in-process UI test runs in a second pass with LeakSanitizer's precise
# unwinder: Debian's GLib has no frame pointers, so with the fast one every
# leak through g_malloc has the same two-frame stack, and GLib's own first
# block of quarks (16 kB, abandoned by design once GTK registers more than
# 2048) could not be told from a leak of ours. The precise unwinder is slow
# (about four minutes for the UI test), so only the suite of in-process GTK
# tests (ui) uses it; the pex they start runs with the fast one
# (PE_PEX_ASAN_OPTIONS), as in the first pass.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
build=${PE_ASAN_BUILD_DIR:-$src/_build-asan}

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" -Db_sanitize=address,undefined -Dintrospection=false >/dev/null
fi
ninja -C "$build" >/dev/null

# every object its own malloc, so that LSan sees a leaked GObject (in a
# slab of GSlice it would be hidden)
export G_SLICE=always-malloc
# no GIO modules (gvfs, dconf…): the tests need none, and their loading
# leaves allocations the fast unwinder cannot tell from ours
empty_modules=$(mktemp -d)
trap 'rm -rf "$empty_modules"' EXIT
export GIO_MODULE_DIR=$empty_modules
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1
export LSAN_OPTIONS=suppressions=$src/tests/sanitizers/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

xvfb=(xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp")
status=0
# PE_TEST_SLOWDOWN: how much longer a test waits for what the main loop does
PE_TEST_SLOWDOWN=3 "${xvfb[@]}" meson test -C "$build" --print-errorlogs --no-suite ui --timeout-multiplier 3 "$@" || status=$?
cp "$build/meson-logs/testlog.txt" "$build/meson-logs/testlog-asan.txt"

PE_TEST_SLOWDOWN=8 PE_PEX_ASAN_OPTIONS=$ASAN_OPTIONS ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0:malloc_context_size=30 \
  "${xvfb[@]}" meson test -C "$build" --print-errorlogs --suite ui --timeout-multiplier 8 "$@" || status=$?

echo "sanitizers: $( [ $status -eq 0 ] && echo "every test passed under ASan and UBSan" || echo "FAILED" )"
exit $status
