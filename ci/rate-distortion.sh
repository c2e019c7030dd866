#!/usr/bin/env bash
# Rate-distortion of uhdpipe's encoder against FFmpeg's `-c:v vc2` on the same 4:2:2
# 10-bit content: the three natural photos of vc2-conformance-data scaled to 1080p, a
# synthetic 1080p picture, and one photo upscaled to 8K. For each, FFmpeg codes at four
# bit rates; uhdpipe then codes the same picture into the same number of bytes (default
# options, and with --trailing-zeros omit), and the script prints PSNR of Y, Cb and Cr
# against bits per pixel, writes target/rd/rd.md, rd.csv and rd.png.
#
#   ci/rate-distortion.sh            (~3 minutes on 2 cores; sources cached in ~/.cache/uhdpipe/rd)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/ci/setup.sh"
venv="$here/.venv"
stamp="$venv/.uhdpipe-plot-$(sha256sum "$here/ci/requirements-plot.txt" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/ci/requirements-plot.txt"
  touch "$stamp"
fi
cargo build -q --release -p uhdpipe --manifest-path "$here/Cargo.toml"
exec "$venv/bin/python" "$here/ci/rate-distortion.py" "$here/target/release/uhdpipe" "$here/target/rd"
