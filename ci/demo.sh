#!/usr/bin/env bash
# The main job: describes the simulated accelerator (Verilated RTL behind vfio-user) through
# the real driver; encodes a short 1080p50 4:2:2 10-bit clip to VC-2 with uhdpipe, describes
# and decodes it, checks that FFmpeg's decoder gives the same pictures (and that uhdpipe
# decodes FFmpeg's own stream of the clip as FFmpeg does), decodes it again on the simulated
# device (its RTL slice decoder; the inverse transform still on the host) checked against the
# model, reports the quality, scales the clip to 720p (the encoder and scaler run on the CPU
# reference model until their RTL is in the device); and packs the clip into SMPTE ST 2110-20
# bytes on the simulated device, checked against the model.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash ci/setup.sh
# the library and CLI (no simulator linked) and the simulated device, a program of its own
cargo build --release -q -p uhdpipe -p uhdpipe-sim --bin uhdpipe --bin uhdpipe-simdev
bin="$here/target/release/uhdpipe"
work="${UHDPIPE_DEMO_DIR:-$here/work/demo}"
mkdir -p "$work"

echo "== 0. the simulated accelerator: Verilated RTL behind a vfio-user server, read by the real driver"
"$bin" devinfo --backend sim | sed 's/^/   /'
echo "== 1. a 10-frame 1080p50 4:2:2 10-bit test clip (FFmpeg's testsrc2), piped into uhdpipe encode (6:1, LeGall 5/3)"
ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=50:duration=0.2" -pix_fmt yuv422p10le -strict -1 -f yuv4mpegpipe - \
  | tee "$work/source.y4m" | "$bin" encode - -o "$work/clip.vc2" --ratio 6

echo "== 2. uhdpipe info"
"$bin" info "$work/clip.vc2" | sed 's/^/   /'

echo "== 3. uhdpipe decode (backend: CPU reference model)"
"$bin" decode "$work/clip.vc2" -o "$work/clip.y4m"
"$bin" decode -q "$work/clip.vc2" -o "$work/clip.yuv"

echo "== 3b. uhdpipe decode on the simulated device: its RTL slice decoder (slices to coefficients, through the driver), the inverse transform on the host"
"$bin" decode "$work/clip.vc2" -o "$work/clip.sim.yuv" --backend sim 2>&1 | sed 's/^/   /'
if cmp -s "$work/clip.yuv" "$work/clip.sim.yuv"; then
  echo "   the device's $(stat -c %s "$work/clip.sim.yuv") bytes equal the CPU model's"
else
  echo "   MISMATCH between the simulated device's decode and the model's" >&2
  exit 1
fi

echo "== 4. cross-checks with FFmpeg"
ffmpeg -nostdin -v error -y -f dirac -i "$work/clip.vc2" -fps_mode passthrough -f rawvideo -pix_fmt yuv422p10le "$work/clip.ffmpeg.yuv"
if cmp -s "$work/clip.yuv" "$work/clip.ffmpeg.yuv"; then
  echo "   FFmpeg's decoder gives the same $(stat -c %s "$work/clip.yuv") bytes as uhdpipe's"
else
  echo "   MISMATCH between uhdpipe and FFmpeg decoding uhdpipe's stream" >&2
  exit 1
fi
ffmpeg -nostdin -v info -i "$work/clip.y4m" -i "$work/source.y4m" -lavfi psnr -f null - 2>&1 | grep -o 'PSNR y:.*' | sed 's/^/   quality against the source: /'
ffmpeg -nostdin -v error -y -i "$work/source.y4m" -c:v vc2 -b:v 600M -wavelet_type 5_3 -wavelet_depth 3 -slice_height 8 -f rawvideo "$work/ffmpeg.vc2"
"$bin" decode -q "$work/ffmpeg.vc2" -o "$work/ffmpeg-stream.yuv"
ffmpeg -nostdin -v error -y -f dirac -i "$work/ffmpeg.vc2" -fps_mode passthrough -f rawvideo -pix_fmt yuv422p10le "$work/ffmpeg-stream.ffmpeg.yuv"
if cmp -s "$work/ffmpeg-stream.yuv" "$work/ffmpeg-stream.ffmpeg.yuv"; then
  echo "   and uhdpipe decodes FFmpeg's own VC-2 stream of the clip exactly as FFmpeg does"
else
  echo "   MISMATCH between uhdpipe and FFmpeg decoding FFmpeg's stream" >&2
  exit 1
fi
"$bin" decode -q "$work/ffmpeg.vc2" -o "$work/ffmpeg-stream.sim.yuv" --backend sim
if cmp -s "$work/ffmpeg-stream.yuv" "$work/ffmpeg-stream.sim.yuv"; then
  echo "   and the simulated device decodes FFmpeg's stream to the same bytes"
else
  echo "   MISMATCH between the simulated device and the model decoding FFmpeg's stream" >&2
  exit 1
fi
ffprobe -v error -show_entries stream=width,height,pix_fmt,r_frame_rate,nb_read_frames -count_frames -of compact "$work/clip.y4m" | sed 's/^/   FFmpeg reads our Y4M: /'
echo "== 5. uhdpipe scale: the decoded clip to 720p (polyphase scaler, CPU reference model)"
"$bin" scale "$work/clip.y4m" -o "$work/clip720.y4m" --size 1280x720
ffprobe -v error -show_entries stream=width,height,pix_fmt,nb_read_frames -count_frames -of compact "$work/clip720.y4m" | sed 's/^/   FFmpeg reads it: /'
echo "== 6. uhdpipe pack on the simulated device: the source clip into SMPTE ST 2110-20 bytes (one DMA job per frame)"
"$bin" pack -q "$work/source.y4m" -o "$work/clip.st2110"
"$bin" pack "$work/source.y4m" -o "$work/clip.sim.st2110" --backend sim 2>&1 | sed 's/^/   /'
if cmp -s "$work/clip.st2110" "$work/clip.sim.st2110"; then
  echo "   the device's $(stat -c %s "$work/clip.sim.st2110") bytes equal the CPU model's"
else
  echo "   MISMATCH between the simulated device and the model" >&2
  exit 1
fi
"$bin" unpack "$work/clip.sim.st2110" --size 1920x1080 -o "$work/clip.unpacked.y4m" --backend sim 2>&1 | sed 's/^/   /'
echo "== done: outputs in $work"
