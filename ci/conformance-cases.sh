#!/usr/bin/env bash
# Generates the VC-2 decoder conformance test cases for a codec-features file and prints
# the directory holding them. Generation is slow pure Python, so the result is cached under
# ~/.cache/uhdpipe/conformance/<key>/, keyed by the pinned tool versions and the features
# file's hash: a warm run returns at once.
#
#   ci/conformance-cases.sh [FEATURES.csv]     (default: tests/conformance/features.csv)
#
# Uses both cores (the generator's --parallel mode). Needs ci/setup.sh to have run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
features="$(realpath "${1:-$here/tests/conformance/features.csv}")"
venv="$here/.venv"
[ -x "$venv/bin/vc2-test-case-generator" ] || { echo "conformance-cases: run ci/setup.sh first" >&2; exit 1; }

key="$(cat "$here/ci/requirements-vc2.txt" "$features" | sha256sum | cut -c1-16)"
cache="${UHDPIPE_CACHE:-$HOME/.cache/uhdpipe}/conformance/$(basename "$features" .csv)-$key"
if [ -f "$cache/.complete" ]; then
  echo "$cache"
  exit 0
fi

rm -rf "$cache.tmp"
mkdir -p "$cache.tmp"
jobs="${UHDPIPE_JOBS:-$(nproc)}"
echo "conformance-cases: generating decoder test cases for $features with $jobs workers (cold cache; several minutes)..." >&2
start=$SECONDS
"$venv/bin/vc2-test-case-generator" "$features" -o "$cache.tmp" --decoder-only --parallel > "$cache.tmp/commands.txt"
total=$(wc -l < "$cache.tmp/commands.txt")
# Each line is a self-contained worker command; run them on every core. A worker that fails
# is logged (command, time, traceback tail) rather than aborting the run: the Rust test
# reads generator-failures.txt and accepts only failures it knows to be generator bugs.
: > "$cache.tmp/generator-failures.txt"
export UHDPIPE_GEN_DIR="$cache.tmp"
PATH="$venv/bin:$PATH" xargs -P "$jobs" -d '\n' -n 1 sh -c '
  t0=$(date +%s)
  if ! out=$(eval "$1" 2>&1 >/dev/null); then
    { echo "=== failed worker: $(echo "$1" | cut -c1-120)"; echo "$out" | grep -v "^WARNING" | tail -n 4; } >> "$UHDPIPE_GEN_DIR/generator-failures.txt"
  fi
  echo "$(( $(date +%s) - t0 )) s: $(echo "$1" | cut -c1-60)" >> "$UHDPIPE_GEN_DIR/worker-times.txt"
' sh < "$cache.tmp/commands.txt"
rm "$cache.tmp/commands.txt"
streams=$(find "$cache.tmp" -name '*.vc2' | wc -l)
echo "conformance-cases: $total worker jobs, $streams streams in $((SECONDS - start)) s" >&2
touch "$cache.tmp/.complete"
rm -rf "$cache"
mv "$cache.tmp" "$cache"
echo "$cache"
