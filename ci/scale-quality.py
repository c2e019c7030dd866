"""Scaler quality: uhdpipe's polyphase scaler beside FFmpeg's swscale
(lanczos+accurate_rnd+full_chroma_int), luma PSNR against ground truth on natural pictures
(crops of the 4256x2832 photos shipped by vc2-conformance-data, at native resolution) and on
a synthetic zone plate ("sweep").

Ground truth, computed here in float64 with an "ideal" resampler (windowed sinc, 8 lobes,
the same centre-to-centre sample mapping, edge replication):
- an upscale is judged against the original, its input being the ideal downscale of it;
- a downscale is judged by the round trip: the scaler under test shrinks the original,
  the ideal resampler enlarges the result back, PSNR against the original.

Usage: python ci/scale-quality.py UHDPIPE_BINARY WORKDIR [PHOTO ...]
"""
import json
import math
import os
import subprocess
import sys

import numpy as np
import vc2_conformance_data as data

LOBES = 8


def kernel_matrix(n_in, n_out):
    """Float64 resampling matrix (n_out x n_in): windowed sinc, rows sum to 1."""
    f = max(1.0, n_in / n_out)
    m = np.zeros((n_out, n_in))
    support = LOBES * f
    for k in range(n_out):
        u = (k + 0.5) * n_in / n_out - 0.5
        lo, hi = int(math.floor(u - support)), int(math.ceil(u + support))
        idx = np.arange(lo, hi + 1)
        x = (idx - u) / f
        w = np.sinc(x) * np.sinc(x / LOBES) * (np.abs(x) < LOBES)
        np.add.at(m[k], np.clip(idx, 0, n_in - 1), w)
        m[k] /= m[k].sum()
    return m


def ideal(img, w, h):
    return kernel_matrix(img.shape[0], h) @ img @ kernel_matrix(img.shape[1], w).T


def to10(img):
    return np.clip(np.round(img), 0, 1023).astype(np.uint16)


def psnr(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return 10 * math.log10(1023.0 ** 2 / mse)


def load_luma(name):
    path = getattr(data, name.upper() + "_PICTURE_FILENAME")
    meta = json.load(open(path.replace(".raw", ".json")))
    w, h = meta["video_parameters"]["frame_width"], meta["video_parameters"]["frame_height"]
    planes = np.fromfile(path, dtype="<u2").reshape(3, h, w).astype(np.float64) / 65535.0
    g, b, r = planes
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 64.0 + 876.0 * y  # 10-bit video range, float


def sweep(w=4256, h=2832):
    """Synthetic zone plate: a chirp whose frequency rises from 0 to 0.9 x Nyquist across
    the picture in both directions (10-bit video range, float)."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    phase = 0.45 * math.pi * (x * x / w + y * y / h)
    return 512.0 + 400.0 * np.sin(phase)


def crop(img, w, h):
    y0, x0 = (img.shape[0] - h) // 2, (img.shape[1] - w) // 2
    return img[y0:y0 + h, x0:x0 + w]


def write_y4m(path, y):
    h, w = y.shape
    with open(path, "wb") as f:
        f.write(f"YUV4MPEG2 W{w} H{h} F25:1 Ip A1:1 C444p10\nFRAME\n".encode())
        f.write(y.astype("<u2").tobytes())
        f.write(np.full((2, h, w), 512, dtype="<u2").tobytes())


def read_y4m_luma(path, w, h):
    raw = open(path, "rb").read()
    start = raw.index(b"FRAME\n") + 6
    return np.frombuffer(raw[start:start + 2 * w * h], dtype="<u2").reshape(h, w)


def run_uhdpipe(binary, src, dst, w, h):
    subprocess.run([binary, "scale", "-q", src, "-o", dst, "--size", f"{w}x{h}"], check=True)
    return read_y4m_luma(dst, w, h)


def run_swscale(src, dst, w, h):
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", src, "-vf",
                    f"scale={w}:{h}:flags=lanczos+accurate_rnd+full_chroma_int",
                    "-pix_fmt", "yuv444p10le", "-f", "rawvideo", dst], check=True)
    return np.fromfile(dst, dtype="<u2")[: w * h].reshape(h, w)


def main():
    binary, work = sys.argv[1], sys.argv[2]
    photos = sys.argv[3:] or ["trees", "berries", "kingswood", "sweep"]
    os.makedirs(work, exist_ok=True)
    # (label, original size, input size, output size, kind)
    cases = [
        ("2:1 down 4K->1080p", (3840, 2160), (3840, 2160), (1920, 1080), "down"),
        ("1:2 up 1080p->4K", (3840, 2160), (1920, 1080), (3840, 2160), "up"),
        ("1.5:1 down 1080p->720p", (1920, 1080), (1920, 1080), (1280, 720), "down"),
        ("1:4 up (1080p->8K ratio) 960x540->3840x2160", (3840, 2160), (960, 540), (3840, 2160), "up"),
    ]
    print(f"{'photo':10} {'case':46} {'uhdpipe dB':>11} {'swscale dB':>11} {'diff':>7} {'ours~sws':>10}")
    worst = math.inf
    for photo in photos:
        full = sweep() if photo == "sweep" else load_luma(photo)
        for label, (ow_, oh_), (iw, ih), (w, h), kind in cases:
            orig = crop(full, ow_, oh_)
            truth = to10(orig)
            src_img = truth if kind == "down" else to10(ideal(orig, iw, ih))
            src = os.path.join(work, f"{photo}_{iw}x{ih}.y4m")
            write_y4m(src, src_img)
            ours = run_uhdpipe(binary, src, os.path.join(work, "ours.y4m"), w, h)
            theirs = run_swscale(src, os.path.join(work, "theirs.yuv"), w, h)
            if kind == "down":
                ours, theirs = to10(ideal(ours.astype(np.float64), ow_, oh_)), to10(ideal(theirs.astype(np.float64), ow_, oh_))
            # How far apart the two scalers' own outputs are (sanity: they are different code).
            apart = psnr(ours, theirs) if not np.array_equal(ours, theirs) else math.inf
            a, b = psnr(ours, truth), psnr(theirs, truth)
            worst = min(worst, a - b)
            print(f"{photo:10} {label:46} {a:11.3f} {b:11.3f} {a - b:+7.3f} {apart:10.1f}", flush=True)
    print(f"worst difference uhdpipe - swscale: {worst:+.3f} dB (goal: >= -0.05 dB); last column: PSNR between the two outputs")


if __name__ == "__main__":
    main()
