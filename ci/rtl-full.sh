#!/usr/bin/env bash
# Slow check, not in the test run: every Verilated build of the wavelet transforms, not only
# CI's set. Those builds' Verilog is not committed: `rtl-generate --cache` generates it into
# ~/.cache/uhdpipe/rtl-verilog/<source key>/ first (minutes on 2 cores the first time for a
# source; nothing afterwards). `cargo test -p uhdpipe-sim --features all-builds` adds the 4- and 8-samples-per-
# clock 2-D transforms (legall_fwd4/8, legall_inv4/8) and the every-wavelet 2-D transforms
# at 1, 2, 4, 8 and 16 samples per clock (lift_fwd1, lift_fwd, lift_fwd4, lift_fwd8,
# lift_fwd16: ~7 minutes each to Verilate on 2 cores; lift_inv1, lift_inv, lift_inv4,
# lift_inv8, lift_inv16: ~3; cached under
# ~/.cache/uhdpipe/verilated/ afterwards) and the every-wavelet horizontal and vertical
# lifting at 4-16 samples per clock (lift_h4/8/16, lift_hs4/16, lift_v16, lift_vs16) to
# every test that sweeps the builds, lints them
# with clippy, and with --cycles then prints the clocks-per-picture tables of the forward
# and inverse transforms at 1080p and 8K for 1, 2, 4, 8 and 16 samples per clock
# (rtl/datasheets/legall_fwd.md and legall_inv.md quote them; minutes each).
#
#   ci/rtl-full.sh [--cycles]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash ci/setup.sh
start=$SECONDS
cargo run --release -q -p uhdpipe-rtl --bin rtl-generate -- --cache
cargo test -p uhdpipe-sim --features all-builds --all-targets
cargo clippy -p uhdpipe-sim --features all-builds --all-targets -q -- -D warnings
if [[ "${1:-}" == "--cycles" ]]; then
  cargo run --release -q -p uhdpipe-sim --features all-builds --example fwd_cycles -- legall 1920x1080 7680x4320
  cargo run --release -q -p uhdpipe-sim --features all-builds --example inv_cycles -- legall 1920x1080 7680x4320
fi
echo "rtl-full: every build passed in $((SECONDS - start)) s"
