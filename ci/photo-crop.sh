#!/usr/bin/env bash
# Prints the path of a 1920x1080 centre crop of one of vc2-conformance-data's photos
# (berries, kingswood, trees) as a 4:2:2 10-bit Y4M (BT.709, video range, 50 fps), made
# with FFmpeg from the 16-bit RGB original and cached under ~/.cache/uhdpipe/crops/.
#   ci/photo-crop.sh kingswood
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="${1:?usage: ci/photo-crop.sh berries|kingswood|trees}"
case "$name" in berries | kingswood | trees) ;; *) echo "photo-crop: no photo $name" >&2; exit 1 ;; esac
command -v ffmpeg >/dev/null || { echo "photo-crop: ffmpeg missing; run ci/setup.sh" >&2; exit 1; }
cache="${UHDPIPE_CACHE:-$HOME/.cache/uhdpipe}/crops"
out="$cache/${name}_crop_1920x1080.y4m"
if [ -f "$out" ]; then echo "$out"; exit 0; fi
[ -x "$here/.venv/bin/python" ] || bash "$here/ci/setup.sh" >&2
photos="$("$here/.venv/bin/python" -c 'import vc2_conformance_data, os; print(os.path.dirname(vc2_conformance_data.__file__))')"
mkdir -p "$cache"
ffmpeg -nostdin -v error -y -f rawvideo -pix_fmt gbrp16le -s 4256x2832 -i "$photos/$name.raw" \
  -vf "crop=1920:1080,scale=out_color_matrix=bt709:out_range=tv,format=yuv422p10le" -r 50 -strict -1 -f yuv4mpegpipe "$out.tmp.$$"
mv "$out.tmp.$$" "$out"
echo "$out"
