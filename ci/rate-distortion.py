"""Rate-distortion table and plot: uhdpipe's VC-2 encoder vs FFmpeg's (see rate-distortion.sh)."""
import csv
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import vc2_conformance_data

uhdpipe, out_dir = sys.argv[1], Path(sys.argv[2])
out_dir.mkdir(parents=True, exist_ok=True)
cache = Path(os.environ.get("UHDPIPE_CACHE", Path.home() / ".cache/uhdpipe")) / "rd"
cache.mkdir(parents=True, exist_ok=True)
work = out_dir / "work"
work.mkdir(exist_ok=True)
photos = Path(vc2_conformance_data.__file__).parent
BPP = [1.5, 2.5, 3.33, 5.0]  # bits per (luma) pixel: 4:2:2 10-bit is 20 uncompressed
LOW_BPP = [0.5, 1.0]  # below what FFmpeg's encoder can reach: uhdpipe alone
FPS = 50


def run(*args, **kw):
    subprocess.run([str(a) for a in args], check=True, **kw)


def source(name, w, h):
    """A cached 4:2:2 10-bit Y4M of a photo (cropped to 16:9, scaled) or FFmpeg's testsrc2."""
    y4m = cache / f"{name}_{w}x{h}.y4m"
    if not y4m.exists():
        if name == "testsrc2":
            inp = ["-f", "lavfi", "-i", f"testsrc2=size={w}x{h}:rate={FPS}", "-frames:v", "1"]
            vf = "format=yuv422p10le"
        else:
            inp = ["-f", "rawvideo", "-pix_fmt", "gbrp16le", "-s", "4256x2832", "-i", photos / f"{name}.raw"]
            vf = f"crop=4256:2394,scale={w}:{h}:flags=lanczos:out_color_matrix=bt709:out_range=tv,format=yuv422p10le"
        run("ffmpeg", "-nostdin", "-v", "error", "-y", *inp, "-vf", vf, "-r", str(FPS), "-strict", "-1", "-f", "yuv4mpegpipe", y4m.with_suffix(".tmp"))
        y4m.with_suffix(".tmp").rename(y4m)
    return y4m


def planes(raw, w, h):
    a = np.fromfile(raw, dtype="<u2").astype(np.float64)
    n, c = w * h, (w // 2) * h
    return a[:n], a[n : n + c], a[n + c : n + 2 * c]


def psnr(a, b):
    mse = np.mean((a - b) ** 2)
    return 99.0 if mse == 0 else 10 * np.log10(1023.0**2 / mse)


def decode_ours(stream, raw):
    run(uhdpipe, "decode", stream, "-o", raw, "-q")


rows = []
low_rows = []
contents = [("berries", 1920, 1080), ("kingswood", 1920, 1080), ("trees", 1920, 1080), ("testsrc2", 1920, 1080), ("trees", 7680, 4320)]
for name, w, h in contents:
    src = source(name, w, h)
    ref_raw = work / "ref.yuv"
    run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", src, "-f", "rawvideo", "-pix_fmt", "yuv422p10le", ref_raw)
    ref = planes(ref_raw, w, h)
    label = f"{name} {w}x{h}"
    for bpp in BPP:
        rate = int(bpp * w * h * FPS)
        ff = work / "ff.vc2"
        # LeGall 5/3, depth 3 for both encoders; FFmpeg needs 8-line slices at 1080 lines.
        run("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", src, "-c:v", "vc2", "-b:v", str(rate), "-wavelet_type", "5_3", "-wavelet_depth", "3", "-slice_height", "8", "-f", "rawvideo", ff)
        ff_bytes = ff.stat().st_size
        decode_ours(ff, work / "ff.yuv")
        results = [("ffmpeg", ff_bytes, [psnr(a, b) for a, b in zip(ref, planes(work / "ff.yuv", w, h))])]
        # Ours: the same total bytes (sequence header and end of sequence, ~35 bytes, included).
        budget = ff_bytes - 40
        for variant, extra in [("uhdpipe", []), ("uhdpipe --trailing-zeros omit", ["--trailing-zeros", "omit"])]:
            s = work / "ours.vc2"
            run(uhdpipe, "encode", src, "-o", s, "-q", "--picture-bytes", budget, *extra)
            decode_ours(s, work / "ours.yuv")
            results.append((variant, s.stat().st_size, [psnr(a, b) for a, b in zip(ref, planes(work / "ours.yuv", w, h))]))
        for enc, size, p in results:
            rows.append({"content": label, "target_bpp": bpp, "encoder": enc, "bytes": size, "bpp": round(size * 8 / (w * h), 3), "psnr_y": round(p[0], 2), "psnr_cb": round(p[1], 2), "psnr_cr": round(p[2], 2)})
            r = rows[-1]
            print(f"{label:22} {enc:30} {r['bpp']:6.3f} bpp  Y {r['psnr_y']:6.2f}  Cb {r['psnr_cb']:6.2f}  Cr {r['psnr_cr']:6.2f} dB", flush=True)
    for bpp in LOW_BPP:
        for variant, extra in [("uhdpipe", []), ("uhdpipe --trailing-zeros omit", ["--trailing-zeros", "omit"])]:
            s = work / "ours.vc2"
            run(uhdpipe, "encode", src, "-o", s, "-q", "--picture-bytes", int(bpp * w * h / 8), *extra)
            decode_ours(s, work / "ours.yuv")
            p = [psnr(a, b) for a, b in zip(ref, planes(work / "ours.yuv", w, h))]
            low_rows.append({"content": label, "target_bpp": bpp, "encoder": variant, "bytes": s.stat().st_size, "bpp": round(s.stat().st_size * 8 / (w * h), 3), "psnr_y": round(p[0], 2), "psnr_cb": round(p[1], 2), "psnr_cr": round(p[2], 2)})
            r = low_rows[-1]
            print(f"{label:22} {variant:30} {r['bpp']:6.3f} bpp  Y {r['psnr_y']:6.2f}  Cb {r['psnr_cb']:6.2f}  Cr {r['psnr_cr']:6.2f} dB (FFmpeg cannot go this low)", flush=True)

with open(out_dir / "rd.csv", "w", newline="") as f:
    wr = csv.DictWriter(f, fieldnames=list(rows[0]))
    wr.writeheader()
    wr.writerows(rows + low_rows)
with open(out_dir / "rd.md", "w") as f:
    f.write("| content | bpp | FFmpeg Y / Cb / Cr dB | uhdpipe Y / Cb / Cr dB | uhdpipe −FFmpeg Y dB | --trailing-zeros omit Y dB |\n|---|---|---|---|---|---|\n")
    for i in range(0, len(rows), 3):
        a, b, c = rows[i : i + 3]
        f.write(f"| {a['content']} | {a['bpp']:.2f} / {b['bpp']:.2f} | {a['psnr_y']:.2f} / {a['psnr_cb']:.2f} / {a['psnr_cr']:.2f} | {b['psnr_y']:.2f} / {b['psnr_cb']:.2f} / {b['psnr_cr']:.2f} | {b['psnr_y'] - a['psnr_y']:+.2f} | {c['psnr_y']:.2f} |\n")
with open(out_dir / "rd.md", "a") as f:
    f.write("\nBelow FFmpeg's floor (it codes every zero coefficient, so it cannot go under ~2.2 bpp):\n\n| content | bpp | uhdpipe Y / Cb / Cr dB | --trailing-zeros omit Y / Cb / Cr dB |\n|---|---|---|---|\n")
    for a, b in zip(low_rows[0::2], low_rows[1::2]):
        f.write(f"| {a['content']} | {a['bpp']:.2f} | {a['psnr_y']:.2f} / {a['psnr_cb']:.2f} / {a['psnr_cr']:.2f} | {b['psnr_y']:.2f} / {b['psnr_cb']:.2f} / {b['psnr_cr']:.2f} |\n")
worst = min(r2["psnr_y"] - r1["psnr_y"] for r1, r2 in zip(rows[0::3], rows[1::3]))
worst_c = min(min(r2["psnr_cb"] - r1["psnr_cb"], r2["psnr_cr"] - r1["psnr_cr"]) for r1, r2 in zip(rows[0::3], rows[1::3]))
print(f"\nworst uhdpipe - FFmpeg at equal size: Y {worst:+.2f} dB, chroma {worst_c:+.2f} dB")
print((out_dir / "rd.md").read_text())

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

labels = list(dict.fromkeys(r["content"] for r in rows))
fig, axes = plt.subplots(1, len(labels), figsize=(4 * len(labels), 3.8), sharey=True)
for ax, label in zip(axes, labels):
    for enc, style in [("ffmpeg", "o--"), ("uhdpipe", "s-"), ("uhdpipe --trailing-zeros omit", "^:")]:
        pts = sorted((r["bpp"], r["psnr_y"]) for r in rows + low_rows if r["content"] == label and r["encoder"] == enc)
        ax.plot([p[0] for p in pts], [p[1] for p in pts], style, label=enc)
    ax.set_title(label)
    ax.set_xlabel("bits per pixel")
    ax.grid(True, alpha=0.3)
axes[0].set_ylabel("PSNR Y (dB)")
axes[0].legend(fontsize=8)
fig.suptitle("VC-2 4:2:2 10-bit, LeGall 5/3 depth 3: uhdpipe vs FFmpeg at equal size")
fig.tight_layout()
fig.savefig(out_dir / "rd.png", dpi=90)
print(f"wrote {out_dir / 'rd.png'}, rd.md, rd.csv")
