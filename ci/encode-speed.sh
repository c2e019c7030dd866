#!/usr/bin/env bash
# Encode speed: uhdpipe's reference-model encoder beside FFmpeg's `-c:v vc2` on the same
# 4:2:2 10-bit pictures (FFmpeg's testsrc2 at 1080p and 8K, cached in ~/.cache/uhdpipe/speed),
# LeGall 5/3 depth 3 at 6:1 (3.3 bits per pixel), one thread and all cores. Prints
# pictures/s. Not part of the test run: speed is measured here and in
# `cargo bench -p uhdpipe-model --bench encode`, never asserted in tests.
#
#   ci/encode-speed.sh [SECONDS_PER_MEASUREMENT]      (default 6)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
secs="${1:-6}"
bash ci/setup.sh
cargo build --release -q -p uhdpipe-model --example encode_speed
cache="${UHDPIPE_CACHE:-$HOME/.cache/uhdpipe}/speed"
mkdir -p "$cache"
cores=$(nproc)
printf '%-10s %14s %14s %14s %14s\n' picture "uhdpipe 1T" "ffmpeg 1T" "uhdpipe ${cores}T" "ffmpeg ${cores}T"
for size in 1920x1080 7680x4320; do
  src="$cache/testsrc2_$size.y4m"
  [ -f "$src" ] || ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=$size:rate=50" -frames:v 1 -pix_fmt yuv422p10le -strict -1 -f yuv4mpegpipe "$src"
  w=${size%x*}; h=${size#*x}
  rate=$(( w * h * 10 / 3 * 50 ))   # 3.33 bits per pixel at 50 pictures/s
  ours() { ./target/release/examples/encode_speed "$src" 6 "$secs" "$1" | sed -E 's/.*: ([0-9.]+) pictures\/s.*/\1/'; }
  theirs() {
    local loops=$(( w >= 7680 ? 3 : 30 ))
    local r
    r=$(ffmpeg -nostdin -benchmark -threads "$1" -stream_loop $((loops - 1)) -i "$src" -c:v vc2 -b:v "$rate" -wavelet_type 5_3 -wavelet_depth 3 -slice_height 8 -f null - 2>&1 | sed -nE 's/.*rtime=([0-9.]+)s.*/\1/p')
    python3 -c "print(f'{$loops / $r:.2f}')"
  }
  printf '%-10s %14s %14s %14s %14s\n' "$size" "$(ours 1)" "$(theirs 1)" "$(ours 0)" "$(theirs 0)"
done
echo "(pictures per second; 1T = one thread, ${cores}T = all cores)"
