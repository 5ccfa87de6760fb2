#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# pex under valgrind's memcheck, for a representative set of commands:
# every read and write checked, and every block lost (definitely or
# indirectly) reported. Any error fails the test.
#   tests/valgrind/run-valgrind.sh PEX SUPPRESSIONS
# POLICY_EXPLORER_PLUGIN_PATH must name the plugins of the same build.
# Charts are exported as SVG and PNG: cairo 1.16 (Debian 12) itself loses
# 768 bytes when a PDF surface is finished (pe-chart-export.c frees all it
# creates), and that is not ours to suppress here.
set -euo pipefail
pex=$1
supp=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# every object its own malloc, so that a lost GObject is seen
export G_SLICE=always-malloc G_DEBUG=gc-friendly
export LC_ALL=C.UTF-8 GSETTINGS_BACKEND=memory

n=0
failed=0
check () {
  local expect=$1; shift
  n=$((n + 1))
  local log="$tmp/$n.log"
  local status=0
  valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --track-origins=yes --num-callers=40 --suppressions="$supp" \
    --log-file="$log" "$pex" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
  if [ "$status" -eq "$expect" ]; then
    echo "ok $n - pex $* (exit $status, $(grep -o 'ERROR SUMMARY: [0-9]* errors' "$log"))"
  else
    failed=1
    echo "not ok $n - pex $*: exit $status, expected $expect"
    sed -n '/ERROR SUMMARY/p' "$log"
    grep -v '^==[0-9]*== *$' "$log" | head -n 200 | sed 's/^/# /'
    sed 's/^/# stderr: /' "$tmp/err" | head -n 20
  fi
}

check 0 list
check 0 show manufacturing
check 0 show manufacturing 7 --json
check 0 calculators manufacturing
check 0 calc manufacturing technical-upgrade investment=3000万 enterprise=star --as-of 2022-06-01
check 0 calc manufacturing technical-upgrade investment=3000万 enterprise=star --json
check 0 calc land lease-term lease_start=2022-01-01 lease_years=50 --lang zh
check 0 chart manufacturing milestones --out "$tmp/milestones.svg"
check 0 chart manufacturing technical-upgrade --out "$tmp/upgrade.png"
check 0 search 上云 --json
check 0 search 补助 企业
check 2 calc manufacturing cloud fee=12a
check 2 calc manufacturing cloud fee=1 fee=2 --json
check 2 calc land lease-term lease_start=2022-01-01 lease_years=70000
check 2 show nowhere
echo "1..$n"
exit $failed
