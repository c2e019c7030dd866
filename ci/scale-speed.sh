#!/usr/bin/env bash
# Scaler speed: uhdpipe's polyphase scaler beside FFmpeg's swscale
# (lanczos+accurate_rnd+full_chroma_int) on the same 8K → 4K (and 1080p → 4K) conversions,
# 4:2:2 10-bit, one thread. Prints frames per second. Not part of the test run.
#
#   ci/scale-speed.sh [FRAMES]        (default 4)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
frames="${1:-4}"
bash ci/setup.sh
cargo build --release -q -p uhdpipe
work="${UHDPIPE_CACHE:-$HOME/.cache/uhdpipe}/scale-speed"
mkdir -p "$work"
printf '%-14s %14s %14s\n' conversion "uhdpipe 1T" "swscale 1T"
for conv in "7680x4320 3840x2160" "1920x1080 3840x2160"; do
  set -- $conv
  src="$work/src_$1_$frames.y4m"
  [ -f "$src" ] || ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=$1:rate=50" -frames:v "$frames" \
    -pix_fmt yuv422p10le -strict -1 "$src"
  w=${2%x*}; h=${2#*x}
  t0=$(date +%s.%N)
  RAYON_NUM_THREADS=1 ./target/release/uhdpipe scale -q "$src" -o /dev/null --size "$2"
  t1=$(date +%s.%N)
  ours=$(python3 -c "print(f'{$frames / ($t1 - $t0):.2f}')")
  r=$(ffmpeg -nostdin -benchmark -threads 1 -filter_threads 1 -i "$src" \
      -vf "scale=$w:$h:flags=lanczos+accurate_rnd+full_chroma_int" -pix_fmt yuv422p10le -f null - 2>&1 | sed -nE 's/.*rtime=([0-9.]+)s.*/\1/p')
  theirs=$(python3 -c "print(f'{$frames / $r:.2f}')")
  printf '%-14s %14s %14s\n' "$1->$2" "$ours" "$theirs"
done
echo "(frames per second, one thread, including Y4M reading and writing for both)"
