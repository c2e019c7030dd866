#!/usr/bin/env bash
# Jobs per second and MB/s through the simulated device (Verilated RTL behind vfio-user, the
# real driver), small and large jobs, plus the device's clocks per job. ~1.5 minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash ci/setup.sh >/dev/null
cargo build -q --release -p uhdpipe-sim --bin uhdpipe-simdev
exec cargo run -q --release -p uhdpipe --example device_speed
