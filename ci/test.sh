#!/usr/bin/env bash
# Runs every test of the project (the README's test command; .ci/run calls it).
# Installs what the tests need first (ci/setup.sh: FFmpeg, the pinned VC-2 reference tools),
# then builds and runs all Rust tests. Generated conformance cases are cached under
# ~/.cache/uhdpipe/, so a warm run is mostly compile and test time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
start=$SECONDS
bash ci/setup.sh
# Generate (or find cached) conformance cases up front, so the slow part shows its own progress.
bash ci/conformance-cases.sh >/dev/null
cargo test --workspace --all-targets --no-fail-fast
cargo test --workspace --doc
cargo clippy --workspace --all-targets -q -- -D warnings
echo "ci/test.sh: all tests passed in $((SECONDS - start)) s"
