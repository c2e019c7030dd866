#!/usr/bin/env bash
# Decode speed: uhdpipe's reference model beside FFmpeg's VC-2 decoder on the same streams
# (FFmpeg-encoded 1080p and 8K 4:2:2 10-bit, from ci/ffmpeg-streams.sh), one thread and all
# threads. Prints pictures/s and Mpixel/s (luma). Not part of the test run: speed is
# measured here and in `cargo bench -p uhdpipe-model`, never asserted in tests.
#
#   ci/decode-speed.sh [SECONDS_PER_MEASUREMENT]      (default 6)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
secs="${1:-6}"
bash ci/setup.sh
cargo build --release -q -p uhdpipe-model --example decode_speed
dir="$(bash ci/ffmpeg-streams.sh)"
cores=$(nproc)
printf '%-24s %8s %14s %14s %14s %14s\n' stream pixels "uhdpipe 1T" "ffmpeg 1T" "uhdpipe ${cores}T" "ffmpeg ${cores}T"
for name in hd_legall_d3_600M hd_dd97_d3_300M uhd8k_legall_d3_3bpp uhd8k_dd97_d3_8G; do
  s="$dir/$name.vc2"
  pics=$(ffprobe -v error -f dirac -count_frames -show_entries stream=nb_read_frames -of csv=p=0 "$s")
  px=$(ffprobe -v error -f dirac -show_entries stream=width,height -of csv=p=0:s=x "$s")
  ours() { ./target/release/examples/decode_speed "$s" "$secs" "$1" | sed -E 's/.*: ([0-9.]+) pictures\/s.*/\1/'; }
  theirs() {
    # Repeat the input so each measurement lasts about as long as ours.
    local loops=$(( $(python3 -c "print(max(1, int($secs * 2 / $pics)))") ))
    local r
    r=$(ffmpeg -nostdin -benchmark -threads "$1" -stream_loop $((loops - 1)) -f dirac -i "$s" -fps_mode passthrough -f null - 2>&1 | sed -nE 's/.*rtime=([0-9.]+)s.*/\1/p')
    python3 -c "print(f'{$pics * $loops / $r:.2f}')"
  }
  printf '%-24s %8s %14s %14s %14s %14s\n' "$name" "$px" "$(ours 1)" "$(theirs 1)" "$(ours 0)" "$(theirs 0)"
done
echo "(pictures per second; 1T = one thread, ${cores}T = all cores)"
