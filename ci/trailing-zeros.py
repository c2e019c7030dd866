"""Trailing-zero forms against FFmpeg (see trailing-zeros.sh): for 1920x1080 centre crops of
the vc2-conformance-data photos (4:2:2 10-bit), each --trailing-zeros form at each picture
size, luma PSNR (uhdpipe's decode against the source) and the samples FFmpeg's decoder gets
differently from uhdpipe's."""
import subprocess
import sys
from pathlib import Path

import numpy as np

uhdpipe, out_dir = sys.argv[1], Path(sys.argv[2])
sizes = [int(s) for s in sys.argv[3:]] or [388_852, 831_652, 1_522_852]
out_dir.mkdir(parents=True, exist_ok=True)
W, H = 1920, 1080


def run(*args):
    subprocess.run([str(a) for a in args], check=True)


def crop(name):
    """The cached 1920x1080 centre crop of a photo (ci/photo-crop.sh)."""
    out = subprocess.run(["bash", Path(__file__).parent / "photo-crop.sh", name], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def samples(raw):
    return np.fromfile(raw, dtype="<u2").astype(np.int64)


print("| picture | bytes/picture | bpp | form | Y PSNR dB | samples FFmpeg decodes differently |")
print("|---|---|---|---|---|---|")
for name in ["kingswood", "trees", "berries"]:
    src = crop(name)
    ref = out_dir / "ref.yuv"
    run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", src, "-f", "rawvideo", "-pix_fmt", "yuv422p10le", ref)
    y = samples(ref)[: W * H].astype(np.float64)
    for size in sizes:
        for form in ["code", "omit", "compatible"]:
            s, ours, ff = out_dir / "s.vc2", out_dir / "ours.yuv", out_dir / "ff.yuv"
            run(uhdpipe, "encode", src, "-o", s, "-q", "--picture-bytes", size, "--wavelet", "legall", "--depth", "3", "--slices", "60x135", "--trailing-zeros", form)
            run(uhdpipe, "decode", s, "-o", ours, "-q")
            run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "dirac", "-i", s, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "yuv422p10le", ff)
            a, b = samples(ours), samples(ff)
            wrong = int(np.count_nonzero(a != b)) if a.size == b.size else f"size {b.size} vs {a.size}"
            mse = np.mean((a[: W * H] - y) ** 2)
            print(f"| {name} | {size:,} | {size * 8 / (W * H):.2f} | {form} | {10 * np.log10(1023.0**2 / mse):.2f} | {wrong} |", flush=True)
