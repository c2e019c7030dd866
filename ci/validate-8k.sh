#!/usr/bin/env bash
# Slow check, not in the test run: one 8K 4:2:2 10-bit picture (a natural photo from
# vc2-conformance-data, upscaled) encoded by uhdpipe with the default options (LeGall 5/3,
# depth 3, default slices) at 6:1, run through the BBC reference decoder
# `vc2-bitstream-validator` (~8 minutes and 3.5 GB on these machines), and compared with
# uhdpipe's own decode of the stream. Exit status 0 only if the stream conforms and both
# decodes are identical.
#
#   ci/validate-8k.sh [EXTRA ENCODE OPTIONS...]     e.g. --wavelet dd97 --ratio 4
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash ci/setup.sh
cargo build --release -q -p uhdpipe
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
photo="$(.venv/bin/python -c 'import vc2_conformance_data, os; print(os.path.dirname(vc2_conformance_data.__file__))')/trees.raw"
ffmpeg -nostdin -v error -f rawvideo -pix_fmt gbrp16le -s 4256x2832 -i "$photo" \
  -vf "crop=4256:2394,scale=7680:4320:flags=lanczos:out_color_matrix=bt709:out_range=tv,format=yuv422p10le" \
  -strict -1 -f yuv4mpegpipe "$work/in.y4m"
./target/release/uhdpipe encode "$work/in.y4m" -o "$work/s.vc2" --ratio 6 "$@"
mkdir "$work/ref"
start=$SECONDS
.venv/bin/vc2-bitstream-validator "$work/s.vc2" -o "$work/ref/picture_%d.raw" | tail -1
echo "validate-8k: the validator took $((SECONDS - start)) s"
./target/release/uhdpipe decode "$work/s.vc2" -o "$work/ours.yuv" -q
cmp "$work/ref/picture_0.raw" "$work/ours.yuv"
echo "validate-8k: the 8K stream conforms and uhdpipe decodes it exactly as the reference decoder"
