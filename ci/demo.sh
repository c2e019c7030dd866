#!/usr/bin/env bash
# The main job, until the accelerator exists: makes a short VC-2 test clip (FFmpeg's
# encoder, 1080p50 4:2:2 10-bit, LeGall 5/3), describes it and decodes it with uhdpipe,
# checks the result against FFmpeg's own decode of the same stream, scales it to 720p, and
# prints what it did.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash ci/setup.sh
cargo build --release -q -p uhdpipe
bin="$here/target/release/uhdpipe"
work="${UHDPIPE_DEMO_DIR:-$here/work/demo}"
mkdir -p "$work"

echo "== 1. making a 10-frame 1080p50 4:2:2 10-bit test clip with FFmpeg's VC-2 encoder"
ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=50:duration=0.2" -pix_fmt yuv422p10le \
  -c:v vc2 -b:v 600M -wavelet_type 5_3 -wavelet_depth 3 -slice_height 8 -f rawvideo "$work/clip.vc2"
ls -l "$work/clip.vc2" | awk '{print "   " $5 " bytes"}'

echo "== 2. uhdpipe info"
"$bin" info "$work/clip.vc2" | sed 's/^/   /'

echo "== 3. uhdpipe decode (backend: CPU reference model)"
"$bin" decode "$work/clip.vc2" -o "$work/clip.y4m"
"$bin" decode -q "$work/clip.vc2" -o "$work/clip.yuv"

echo "== 4. cross-check with FFmpeg's decoder"
ffmpeg -nostdin -v error -y -f dirac -i "$work/clip.vc2" -fps_mode passthrough -f rawvideo -pix_fmt yuv422p10le "$work/clip.ffmpeg.yuv"
if cmp -s "$work/clip.yuv" "$work/clip.ffmpeg.yuv"; then
  echo "   bit-exact: uhdpipe and FFmpeg decode the same $(stat -c %s "$work/clip.yuv") bytes"
else
  echo "   MISMATCH between uhdpipe and FFmpeg" >&2
  exit 1
fi
ffprobe -v error -show_entries stream=width,height,pix_fmt,r_frame_rate,nb_read_frames -count_frames -of compact "$work/clip.y4m" | sed 's/^/   FFmpeg reads our Y4M: /'
echo "== 5. uhdpipe scale: the decoded clip to 720p (polyphase scaler, CPU reference model)"
"$bin" scale "$work/clip.y4m" -o "$work/clip720.y4m" --size 1280x720
ffprobe -v error -show_entries stream=width,height,pix_fmt,nb_read_frames -count_frames -of compact "$work/clip720.y4m" | sed 's/^/   FFmpeg reads it: /'
echo "== done: outputs in $work"
