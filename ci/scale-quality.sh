#!/usr/bin/env bash
# Scaler quality against FFmpeg's swscale on natural pictures (see ci/scale-quality.py).
#   ci/scale-quality.sh [PHOTO ...]      (trees, berries, kingswood, sweep; default all)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash ci/setup.sh
cargo build --release -q -p uhdpipe
exec "$here/.venv/bin/python" ci/scale-quality.py "$here/target/release/uhdpipe" "${UHDPIPE_CACHE:-$HOME/.cache/uhdpipe}/scale-quality" "$@"
