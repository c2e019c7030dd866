#!/usr/bin/env bash
# The trailing-zero forms (--trailing-zeros code|omit|compatible) on 1920x1080 centre crops
# of the three vc2-conformance-data photos, LeGall 5/3 depth 3, 32x8 slices: luma PSNR and
# the samples FFmpeg's decoder gets differently from uhdpipe's, as a Markdown table.
#   ci/trailing-zeros.sh [BYTES_PER_PICTURE ...]   (default 388852 831652 1522852; ~20 s)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/ci/setup.sh"
cargo build -q --release -p uhdpipe --manifest-path "$here/Cargo.toml"
exec "$here/.venv/bin/python" "$here/ci/trailing-zeros.py" "${CARGO_TARGET_DIR:-$here/target}/release/uhdpipe" "${CARGO_TARGET_DIR:-$here/target}/trailing-zeros" "$@"
