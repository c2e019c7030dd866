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

# The real_pictures case (a natural photo coded through the reference encoder) takes 40-70 s
# per feature set, more than all other cases together: by default it is generated only for
# the feature sets this regex names. UHDPIPE_CONFORMANCE_REAL_PICTURES='.*' generates all.
real_re="${UHDPIPE_CONFORMANCE_REAL_PICTURES:-^(legall_hq_422_10b_d3|asym_legall_haar1_hq_444_10b)\$}"
key="$( (cat "$here/ci/requirements-vc2.txt" "$features"; echo "$real_re") | sha256sum | cut -c1-16)"
cache="${UHDPIPE_CACHE:-$HOME/.cache/uhdpipe}/conformance/$(basename "$features" .csv)-$key"
if [ -f "$cache/.complete" ]; then
  echo "$cache"
  exit 0
fi
# One generator at a time per cache entry: a second caller waits for the first and then
# finds the finished cache.
mkdir -p "$(dirname "$cache")"
exec 9>"$cache.lock"
flock 9
if [ -f "$cache/.complete" ]; then
  echo "$cache"
  exit 0
fi

rm -rf "$cache.tmp"
mkdir -p "$cache.tmp"
jobs="${UHDPIPE_JOBS:-$(nproc)}"
echo "conformance-cases: generating decoder test cases for $features with $jobs workers (cold cache; several minutes)..." >&2
start=$SECONDS
"$venv/bin/vc2-test-case-generator" "$features" -o "$cache.tmp" --decoder-only --parallel > "$cache.tmp/all-commands.txt"
"$venv/bin/python" - "$real_re" "$cache.tmp/all-commands.txt" > "$cache.tmp/commands.txt" <<'PY'
import re, sys
from vc2_conformance.scripts.vc2_test_case_generator import worker
keep = re.compile(sys.argv[1])
for line in open(sys.argv[2]):
    r = repr(worker.decode(line.split()[-1]))
    sets = re.findall(r"'name': '([^']+)'", r)
    if "<function real_pictures" in r and sets and not keep.search(sets[0]):
        continue
    sys.stdout.write(line)
PY
rm "$cache.tmp/all-commands.txt"
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
