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
# The library and CLI build without the testbench: nothing of rust-hdl or the simulator in
# their dependency tree, and a `verilator` that fails first on the PATH while they build.
if cargo tree -q -p uhdpipe -e normal,build | grep -E "rust-hdl|uhdpipe-sim|uhdpipe-rtl"; then
  echo "ci/test.sh: the uhdpipe library depends on the testbench (above)" >&2
  exit 1
fi
no_verilator=$(mktemp -d)
printf '#!/bin/sh\necho "verilator must not run while building the uhdpipe library" >&2\nexit 1\n' > "$no_verilator/verilator"
chmod +x "$no_verilator/verilator"
PATH="$no_verilator:$PATH" CARGO_TARGET_DIR="$here/target/no-verilator" cargo build -q -p uhdpipe --lib --bins
rm -rf "$no_verilator"
echo "ci/test.sh: the uhdpipe library and CLI build with no Verilator"
cargo clippy --workspace --all-targets -q -- -D warnings
echo "ci/test.sh: all tests passed in $((SECONDS - start)) s"
