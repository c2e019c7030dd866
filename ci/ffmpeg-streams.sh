#!/usr/bin/env bash
# Makes the FFmpeg interoperability corpus and prints its directory: VC-2 streams encoded
# by FFmpeg's own `-c:v vc2` (4:2:2 10-bit; LeGall 5/3, Deslauriers-Dubuc 9/7 and Haar;
# several rates; 1080p and 8K) and, for each, the pictures FFmpeg's decoder gives
# (NAME.vc2 + NAME.ffmpeg.yuv, raw yuv422p10le). Cached under ~/.cache/uhdpipe/ffmpeg/,
# keyed by this script and the FFmpeg version.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v ffmpeg >/dev/null || { echo "ffmpeg-streams: ffmpeg missing; run ci/setup.sh" >&2; exit 1; }
key="$( (cat "${BASH_SOURCE[0]}"; ffmpeg -version | head -1) | sha256sum | cut -c1-16)"
cache="${UHDPIPE_CACHE:-$HOME/.cache/uhdpipe}/ffmpeg/$key"
if [ -f "$cache/.complete" ]; then echo "$cache"; exit 0; fi
mkdir -p "$(dirname "$cache")"
exec 9>"$cache.lock"
flock 9
if [ -f "$cache/.complete" ]; then echo "$cache"; exit 0; fi
rm -rf "$cache.tmp"; mkdir -p "$cache.tmp"
start=$SECONDS
# name size frames wavelet depth bitrate(at 50 fps)
while read -r name size frames wavelet depth rate; do
  [ -n "$name" ] || continue
  ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=size=$size:rate=50" -frames:v "$frames" -pix_fmt yuv422p10le \
    -c:v vc2 -b:v "$rate" -wavelet_type "$wavelet" -wavelet_depth "$depth" -slice_height 8 -f rawvideo "$cache.tmp/$name.vc2"
  ffmpeg -nostdin -v error -y -f dirac -i "$cache.tmp/$name.vc2" -fps_mode passthrough -f rawvideo -pix_fmt yuv422p10le "$cache.tmp/$name.ffmpeg.yuv"
done <<'LIST'
hd_legall_d3_100M   1920x1080 3 5_3 3 100M
hd_legall_d3_600M   1920x1080 3 5_3 3 600M
hd_legall_d3_2G     1920x1080 2 5_3 3 2000M
hd_dd97_d3_300M     1920x1080 3 9_7 3 300M
hd_dd97_d4_1G       1920x1080 2 9_7 4 1000M
hd_haar_d2_800M     1920x1080 2 haar 2 800M
uhd8k_legall_d3_4G  7680x4320 1 5_3 3 4000M
uhd8k_dd97_d3_8G    7680x4320 1 9_7 3 8000M
uhd8k_legall_d3_3bpp 7680x4320 2 5_3 3 5500M
LIST
echo "ffmpeg-streams: made $(ls "$cache.tmp"/*.vc2 | wc -l) streams in $((SECONDS - start)) s" >&2
touch "$cache.tmp/.complete"
rm -rf "$cache"; mv "$cache.tmp" "$cache"
echo "$cache"
