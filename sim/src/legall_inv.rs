//! `uhdpipe_legall_inv*` (rtl/src/blocks/legall_inv.rs: LeGall 5/3 and Haar inverse 2-D
//! transform, depth 1–4; the 8K simulation builds at 2, 4, 8 and 16 samples per clock, and
//! `legall_inv1` at 1), Verilated ([`LegallInv`], [`LegallInv1`], [`LegallInv4`],
//! [`LegallInv8`], [`LegallInv16`]) and in
//! rust-hdl's simulator ([`HdlLegallInv`], …), plus the testbench driver
//! ([`drive`]), the band streams of a picture's subbands ([`level_beats`]) and the assembly
//! of the output stream into pictures ([`assemble`]).

use crate::{Chance, Dut};

pub use uhdpipe_rtl::blocks::legall_inv::{BAND_BITS, OUT_BITS};

/// Band streams a build may have: levels 1–4 and the horizontal-only level.
pub const STREAMS: usize = 5;
/// The index of the horizontal-only level's stream.
pub const HO: usize = 4;
/// One picture's (or a run's) band streams, index `k < 4` level `k + 1`, [`HO`] the
/// horizontal-only level's.
pub type Streams = [Vec<BandBeat>; STREAMS];

/// Port values (inputs set by the caller, outputs filled by `eval`), shared by the inverse
/// transforms (`legall_inv*`, `lift_inv`; C: `csrc/inv_ports.h`). Index `k` of the
/// per-stream arrays is level `k + 1` (level 1 is the finest) for `k < 4`, and the
/// horizontal-only level's stream (`inho_*`: `a` = L, `b` = H) for `k = ` [`HO`]; a build
/// without a level ignores its stream and never takes from it. Lane arrays hold up to 8 pairs; lanes
/// past a build's [`InvBuild::LANES`] are ignored and read back as zero.
#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ports {
    /// inK_a[j] (low [`InvBuild::BAND_BITS`] bits, two's complement).
    pub in_a: [[u64; 8]; STREAMS],
    /// inK_b[j].
    pub in_b: [[u64; 8]; STREAMS],
    /// out_even[j] (output; [`InvBuild::OUT_BITS`] bits two's complement).
    pub out_even: [u64; 8],
    /// out_odd[j] (output).
    pub out_odd: [u64; 8],
    /// cfg_pairs (level-1 beats per row).
    pub cfg_pairs: u16,
    /// cfg_rows (rows per picture).
    pub cfg_rows: u16,
    /// inK_valid.
    pub in_valid: [u8; STREAMS],
    /// inK_first.
    pub in_first: [u8; STREAMS],
    /// inK_last.
    pub in_last: [u8; STREAMS],
    /// inK_sop.
    pub in_sop: [u8; STREAMS],
    /// inK_tag: the picture's number, 4 bits.
    pub in_tag: [u8; STREAMS],
    /// out_ready.
    pub out_ready: u8,
    /// cfg_depth (1..=4).
    pub cfg_depth: u8,
    /// cfg_wavelet (the vertical passes' VC-2 wavelet index).
    pub cfg_wavelet: u8,
    /// cfg_wavelet_ho (the horizontal passes' VC-2 wavelet index).
    pub cfg_wavelet_ho: u8,
    /// cfg_depth_ho (0 or 1; builds with a horizontal-only level).
    pub cfg_depth_ho: u8,
    /// inK_ready (output).
    pub in_ready: [u8; STREAMS],
    /// out_valid (output).
    pub out_valid: u8,
    /// out_first (output).
    pub out_first: u8,
    /// out_last (output).
    pub out_last: u8,
    /// out_sop (output).
    pub out_sop: u8,
    /// out_tag (output).
    pub out_tag: u8,
    /// err_line (output).
    pub err_line: u8,
    /// err_pic (output).
    pub err_pic: u8,
    /// err_wavelet (output; 0 on builds without it).
    pub err_wavelet: u8,
    /// err_range (output: a lifting result wrapped; `lift_inv*` only, 0 on the others).
    pub err_range: u8,
}

crate::port_layout!(Ports, [in_a, in_b, out_even, out_odd, cfg_pairs, cfg_rows, in_valid, in_first, in_last, in_sop, in_tag, out_ready, cfg_depth, cfg_wavelet, cfg_wavelet_ho, cfg_depth_ho, in_ready, out_valid, out_first, out_last, out_sop, out_tag, err_line, err_pic, err_wavelet, err_range]);

/// What an inverse-transform build is: its lanes and widths. Both inverse transforms share
/// [`Ports`], the driver and the assembly.
pub trait InvBuild: Dut<Ports = Ports> {
    /// Picture samples per clock: 1 (one sample per beat, in `out_even[0]`) or `2 · LANES[0]`.
    const PPC: usize;
    /// Pair lanes per beat of levels 1–4 and the horizontal-only level.
    const LANES: [usize; STREAMS];
    /// Band lane bits of levels 1–4 and the horizontal-only level (0: the build has no such
    /// stream).
    const BAND_BITS: [u32; STREAMS];
    /// Bits of the picture lanes.
    const OUT_BITS: u32;

    /// `cfg_pairs` for a `width`-sample picture: level-1 band beats per row, as the forward
    /// builds count them ([`crate::legall_fwd::cfg_pairs`]).
    fn cfg_pairs(width: usize) -> u16 {
        crate::legall_fwd::cfg_pairs(width, Self::PPC)
    }
}

/// The widest row the simulation builds take (samples).
pub const MAX_WIDTH: usize = 8192;

/// Declares a Verilated `legall_inv` build and its rust-hdl twin: name, design, samples per
/// clock, lanes, and how the picture stream is read (`pairs`: `out_even[j]`/`out_odd[j]`;
/// `serial`: `out_sample` into `out_even[0]`).
macro_rules! legall_inv_build {
    (@build $t:ident, $ppc:literal, $lanes:expr) => {
        impl InvBuild for $t {
            const PPC: usize = $ppc;
            const LANES: [usize; STREAMS] = $lanes;
            const BAND_BITS: [u32; STREAMS] = [BAND_BITS[0], BAND_BITS[1], BAND_BITS[2], BAND_BITS[3], 0];
            const OUT_BITS: u32 = OUT_BITS;
        }
    };
    (@out pairs, $u:ident, $p:ident) => {
        for j in 0..$u.out_even.len() {
            $p.out_even[j] = $u.out_even[j].val().to_u64();
            $p.out_odd[j] = $u.out_odd[j].val().to_u64();
        }
    };
    (@out serial, $u:ident, $p:ident) => {
        $p.out_even[0] = $u.out_sample.val().to_u64();
    };
    ($v:ident, $hdl:ident, $name:ident, $block:ty, $ppc:literal, $lanes:expr, $output:tt, $doc:literal) => {
        crate::verilated!($v, $name, Ports, $doc);
        crate::hdl_sim!($hdl, $block, "The same block in rust-hdl's own simulator (much slower; small pictures only).");

        legall_inv_build!(@build $v, $ppc, $lanes);
        legall_inv_build!(@build $hdl, $ppc, $lanes);

        impl Dut for $hdl {
            type Ports = Ports;

            fn eval(&mut self, p: &mut Ports) {
                use rust_hdl::prelude::*;
                let u = &mut self.uut;
                let mask = |k: usize| (1u64 << BAND_BITS[k]) - 1;
                u.in1_valid.next = p.in_valid[0] != 0;
                u.in1_first.next = p.in_first[0] != 0;
                u.in1_last.next = p.in_last[0] != 0;
                u.in1_sop.next = p.in_sop[0] != 0;
                u.in1_tag.next = ((p.in_tag[0] & 15) as u64).to_bits();
                for j in 0..u.in1_a.len() {
                    u.in1_a[j].next = (p.in_a[0][j] & mask(0)).to_bits();
                    u.in1_b[j].next = (p.in_b[0][j] & mask(0)).to_bits();
                }
                u.in2_valid.next = p.in_valid[1] != 0;
                u.in2_first.next = p.in_first[1] != 0;
                u.in2_last.next = p.in_last[1] != 0;
                u.in2_sop.next = p.in_sop[1] != 0;
                u.in2_tag.next = ((p.in_tag[1] & 15) as u64).to_bits();
                for j in 0..u.in2_a.len() {
                    u.in2_a[j].next = (p.in_a[1][j] & mask(1)).to_bits();
                    u.in2_b[j].next = (p.in_b[1][j] & mask(1)).to_bits();
                }
                u.in3_valid.next = p.in_valid[2] != 0;
                u.in3_first.next = p.in_first[2] != 0;
                u.in3_last.next = p.in_last[2] != 0;
                u.in3_sop.next = p.in_sop[2] != 0;
                u.in3_tag.next = ((p.in_tag[2] & 15) as u64).to_bits();
                for j in 0..u.in3_a.len() {
                    u.in3_a[j].next = (p.in_a[2][j] & mask(2)).to_bits();
                    u.in3_b[j].next = (p.in_b[2][j] & mask(2)).to_bits();
                }
                u.in4_valid.next = p.in_valid[3] != 0;
                u.in4_first.next = p.in_first[3] != 0;
                u.in4_last.next = p.in_last[3] != 0;
                u.in4_sop.next = p.in_sop[3] != 0;
                u.in4_tag.next = ((p.in_tag[3] & 15) as u64).to_bits();
                for j in 0..u.in4_a.len() {
                    u.in4_a[j].next = (p.in_a[3][j] & mask(3)).to_bits();
                    u.in4_b[j].next = (p.in_b[3][j] & mask(3)).to_bits();
                }
                u.out_ready.next = p.out_ready != 0;
                u.cfg_depth.next = ((p.cfg_depth & 7) as u64).to_bits();
                u.cfg_wavelet.next = ((p.cfg_wavelet & 7) as u64).to_bits();
                u.cfg_wavelet_ho.next = ((p.cfg_wavelet_ho & 7) as u64).to_bits();
                u.cfg_pairs.next = ((p.cfg_pairs & 0x1fff) as u64).to_bits();
                u.cfg_rows.next = ((p.cfg_rows & 0x1fff) as u64).to_bits();
                self.settle();
                let u = &self.uut;
                p.in_ready = [u.in1_ready.val() as u8, u.in2_ready.val() as u8, u.in3_ready.val() as u8, u.in4_ready.val() as u8, 0];
                p.out_valid = u.out_valid.val() as u8;
                p.out_first = u.out_first.val() as u8;
                p.out_last = u.out_last.val() as u8;
                p.out_sop = u.out_sop.val() as u8;
                p.err_line = u.err_line.val() as u8;
                p.err_pic = u.err_pic.val() as u8;
                legall_inv_build!(@out $output, u, p);
                p.out_tag = u.out_tag.val().to_u64() as u8;
            }

            fn tick(&mut self) {
                self.edge();
            }
        }
    };
}

legall_inv_build!(LegallInv, HdlLegallInv, legall_inv, uhdpipe_rtl::designs::types::legall_inv, 2, [1, 1, 1, 1, 1], pairs, "The 2-samples-per-clock build (rows up to 4096 beats), Verilated.");
legall_inv_build!(LegallInv1, HdlLegallInv1, legall_inv1, uhdpipe_rtl::designs::types::legall_inv1, 1, [1, 1, 1, 1, 1], serial, "The 1-sample-per-clock build (a gearbox after the 2-sample one), Verilated.");
#[cfg(feature = "legall-wide")]
legall_inv_build!(LegallInv4, HdlLegallInv4, legall_inv4, uhdpipe_rtl::designs::types::legall_inv4, 4, [2, 1, 1, 1, 1], pairs, "The 4-samples-per-clock build (rows up to 2048 beats), Verilated.");
#[cfg(feature = "legall-wide")]
legall_inv_build!(LegallInv8, HdlLegallInv8, legall_inv8, uhdpipe_rtl::designs::types::legall_inv8, 8, [4, 2, 1, 1, 1], pairs, "The 8-samples-per-clock build (rows up to 1024 beats), Verilated.");
legall_inv_build!(LegallInv16, HdlLegallInv16, legall_inv16, uhdpipe_rtl::designs::types::legall_inv16, 16, [8, 4, 2, 1, 1], pairs, "The 16-samples-per-clock build (rows up to 512 beats), Verilated.");

/// One beat of a band stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandBeat {
    /// Pair `j`'s lane a (LL or ignored in L rows, LH in H rows); zero past the stream's lanes.
    pub a: [i64; 8],
    /// Pair `j`'s lane b (HL in L rows, HH in H rows).
    pub b: [i64; 8],
    /// First beat of a row.
    pub first: bool,
    /// Last beat of a row.
    pub last: bool,
    /// First beat of a picture.
    pub sop: bool,
    /// The picture's number (its low four bits go with the beat on `inK_tag`).
    pub pic: u8,
}

/// The band stream of one level of one picture from its four bands `[LL, HL, LH, HH]`
/// (row-major, `w` × `h` each) in beats of `lanes` columns: rows alternating L (`a` = LL,
/// `b` = HL) and H (`a` = LH, `b` = HH) — what the forward transform's `outK_*` carries.
pub fn level_beats(bands: [&[i64]; 4], w: usize, h: usize, lanes: usize) -> Vec<BandBeat> {
    assert!(w.is_multiple_of(lanes), "rows of {w} columns are not beats of {lanes}");
    let n = w / lanes;
    let mut v = Vec::with_capacity(2 * n * h);
    for m in 0..h {
        for (ia, ib) in [(0, 1), (2, 3)] {
            for c in 0..n {
                let mut beat = BandBeat { a: [0; 8], b: [0; 8], first: c == 0, last: c == n - 1, sop: m == 0 && ia == 0 && c == 0, pic: 0 };
                for j in 0..lanes {
                    let i = m * w + c * lanes + j;
                    beat.a[j] = bands[ia][i];
                    beat.b[j] = bands[ib][i];
                }
                v.push(beat);
            }
        }
    }
    v
}

/// The band streams of one picture's coefficients `c` in the model's (bitstream) order —
/// the DC band, the horizontal-only level's H band when `ho` is 1, then HL, LH, HH from the
/// deepest 2-D level to level 1 — as [`Streams`] (absent levels empty): each 2-D level by
/// [`level_beats`], the horizontal-only level as (L, H) pairs; stream `k` in beats of
/// `lanes[k]` pairs. Lane a of the L rows of a level
/// whose LL comes from below carries `filler(k, i)` (0-based level `k`, coefficient `i`),
/// which the block must ignore.
pub fn band_streams(c: &[Vec<i64>], width: usize, height: usize, depth: usize, ho: usize, lanes: [usize; STREAMS], filler: impl Fn(usize, usize) -> i64) -> Streams {
    let mut out: Streams = Default::default();
    for (k, o) in out.iter_mut().enumerate().take(depth) {
        let (w, h) = (width >> (k + 1), height >> (k + 1));
        let base = 1 + ho + 3 * (depth - 1 - k);
        let ll: Vec<i64> = if k == depth - 1 && ho == 0 { c[0].clone() } else { (0..w * h).map(|i| filler(k, i)).collect() };
        *o = level_beats([&ll, &c[base], &c[base + 1], &c[base + 2]], w, h, lanes[k]);
    }
    if ho == 1 {
        let (w, h) = (width >> (depth + 1), height >> depth);
        let l = lanes[HO];
        assert!(w.is_multiple_of(l), "horizontal-only rows of {w} pairs are not beats of {l}");
        let n = w / l;
        let lane = |band: &[i64], i: usize| {
            let mut v = [0; 8];
            v[..l].copy_from_slice(&band[i..i + l]);
            v
        };
        out[HO] = (0..h * n).map(|t| BandBeat { a: lane(&c[0], t * l), b: lane(&c[1], t * l), first: t % n == 0, last: t % n == n - 1, sop: t == 0, pic: 0 }).collect();
    }
    out
}

/// Gives every beat of one picture's band streams the picture number `pic`.
pub fn number_picture(streams: &mut Streams, pic: u8) {
    for b in streams.iter_mut().flatten() {
        b.pic = pic;
    }
}

/// One output beat: sample pairs and their markers (a one-sample-per-clock build's samples
/// are paired up by [`drive`]: see there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PixBeat {
    /// Pair `j`'s even sample, sign-extended (zero past the build's lanes).
    pub even: [i64; 8],
    /// Pair `j`'s odd sample, sign-extended.
    pub odd: [i64; 8],
    /// First pair of a row.
    pub first: bool,
    /// Last pair of a row.
    pub last: bool,
    /// First pair of a picture.
    pub sop: bool,
    /// The picture's number (`out_tag`; meaningful with `sop`).
    pub tag: u8,
}

/// What a run produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The picture stream's beats, in order.
    pub out: Vec<PixBeat>,
    /// Clocks until the last output beat was taken (inclusive).
    pub cycles: u64,
    /// Clocks with `err_line` high.
    pub err_line: u32,
    /// Clocks with `err_pic` high.
    pub err_pic: u32,
    /// Clocks with `err_wavelet` high.
    pub err_wavelet: u32,
    /// `err_range` pulses.
    pub err_range: u32,
    /// The clock at which the first beat of each stream was taken (0: none).
    pub first_in: [u64; STREAMS],
    /// The clock at which the first output beat was taken.
    pub first_out: u64,
}

/// Run-time registers and testbench behaviour for [`drive`].
#[derive(Debug, Clone, Copy)]
pub struct Drive {
    /// cfg_pairs (level-1 beats per row: width / (2 · lanes)).
    pub pairs: u16,
    /// cfg_rows.
    pub rows: u16,
    /// cfg_depth.
    pub depth: u8,
    /// cfg_depth_ho (builds with a horizontal-only level).
    pub depth_ho: u8,
    /// cfg_wavelet (the vertical passes' VC-2 wavelet index: 1 LeGall, 3 Haar without
    /// shift, 4 Haar with shift).
    pub wavelet: u8,
    /// cfg_wavelet_ho (the horizontal passes' VC-2 wavelet index, as `wavelet`).
    pub wavelet_ho: u8,
    /// Per-mille chance of withholding each stream's next beat on a clock.
    pub idle: u32,
    /// Per-mille chance of the picture consumer not being ready on a clock.
    pub stall: u32,
    /// Seed of those decisions.
    pub seed: u64,
}

/// Clocks between setting the run-time registers and the first beat (the block decodes them
/// into registers: three clocks at least).
pub const SETUP_CLOCKS: u64 = 4;

/// Drives each level's band stream (`input[k]` for level `k + 1`, `input[HO]` the
/// horizontal-only level's; up to five independent streams, each
/// offered with its own random idle clocks) through the block and collects the picture
/// stream until the block has been quiet for 4096 clocks after the last input. Panics if it
/// runs for more than `100·(beats + 10 000)` clocks (a hang).
///
/// From a one-sample-per-clock build ([`InvBuild::PPC`] = 1) every two samples make one
/// [`PixBeat`] (the first's `first`, `sop` and `tag`, the second's `last`); panics if a
/// marker comes on the wrong sample of a pair (`first` or `sop` on a second, `last` on a
/// first): the gearbox never splits a pair's markers another way.
pub fn drive<D: InvBuild>(dut: &mut D, input: &[Vec<BandBeat>], d: Drive) -> Outcome {
    let mut chance = Chance::new(d.seed);
    let mut out = Outcome::default();
    let n = input.len();
    assert!(n <= STREAMS, "at most {STREAMS} band streams");
    let mut next = [0usize; STREAMS];
    let (mut quiet, mut cycle) = (0u64, 0u64);
    let total: usize = input.iter().map(Vec::len).sum();
    let limit = 100 * (total as u64 + 10_000);
    let done = |next: &[usize; STREAMS]| (0..n).all(|k| next[k] >= input[k].len());
    // a one-sample-per-clock build's first sample of a pair, waiting for the second
    let mut half: Option<PixBeat> = None;
    while !done(&next) || quiet < 4096 {
        let mut p = Ports { cfg_pairs: d.pairs, cfg_rows: d.rows, cfg_depth: d.depth, cfg_depth_ho: d.depth_ho, cfg_wavelet: d.wavelet, cfg_wavelet_ho: d.wavelet_ho, ..Ports::default() };
        for k in 0..n {
            // (the run-time registers are set SETUP_CLOCKS before the first beat)
            if cycle >= SETUP_CLOCKS && next[k] < input[k].len() && !chance.hit(d.idle) {
                let b = input[k][next[k]];
                let mask = (1u64 << D::BAND_BITS[k]) - 1;
                p.in_valid[k] = 1;
                p.in_a[k] = b.a.map(|v| v as u64 & mask);
                p.in_b[k] = b.b.map(|v| v as u64 & mask);
                p.in_first[k] = b.first as u8;
                p.in_last[k] = b.last as u8;
                p.in_sop[k] = b.sop as u8;
                p.in_tag[k] = b.pic & 15;
            }
        }
        p.out_ready = !chance.hit(d.stall) as u8;
        dut.eval(&mut p);
        for (k, taken) in next.iter_mut().enumerate() {
            if p.in_valid[k] == 1 && p.in_ready[k] == 1 {
                if *taken == 0 {
                    out.first_in[k] = cycle;
                }
                *taken += 1;
            }
        }
        out.err_line += p.err_line as u32;
        out.err_pic += p.err_pic as u32;
        out.err_wavelet += p.err_wavelet as u32;
        out.err_range += p.err_range as u32;
        quiet += 1;
        if p.out_valid == 1 {
            quiet = 0;
        }
        if p.out_valid == 1 && p.out_ready == 1 {
            let sext = |v: u64| crate::sext(v, D::OUT_BITS);
            if out.out.is_empty() && half.is_none() {
                out.first_out = cycle;
            }
            let beat = PixBeat { even: p.out_even.map(sext), odd: p.out_odd.map(sext), first: p.out_first == 1, last: p.out_last == 1, sop: p.out_sop == 1, tag: p.out_tag };
            if D::PPC > 1 {
                out.out.push(beat);
            } else if let Some(mut pair) = half.take() {
                assert!(!beat.first && !beat.sop, "output sample {}: first/sop on the second sample of a pair", 2 * out.out.len() + 1);
                pair.odd[0] = beat.even[0];
                pair.last = beat.last;
                out.out.push(pair);
            } else {
                assert!(!beat.last, "output sample {}: last on the first sample of a pair", 2 * out.out.len());
                half = Some(beat);
            }
            out.cycles = cycle + 1;
        }
        dut.tick();
        cycle += 1;
        assert!(cycle < limit, "the block stopped making progress ({:?} of {:?} beats taken)", &next[..n], input.iter().map(Vec::len).collect::<Vec<_>>());
    }
    out
}

/// Splits the picture stream (beats of `lanes` pairs) into `width` × `height` pictures
/// (row-major samples), checking the markers; an error names the beat that breaks the
/// shape. Beats before the first `sop` and an incomplete last picture are errors too.
pub fn assemble(beats: &[PixBeat], width: usize, height: usize, lanes: usize) -> Result<Vec<Vec<i64>>, String> {
    let pairs = width / (2 * lanes);
    let mut pics = Vec::new();
    let mut cur: Option<(Vec<i64>, usize)> = None; // samples, beat in row
    for (i, b) in beats.iter().enumerate() {
        if b.sop {
            if cur.is_some() {
                return Err(format!("beat {i}: a picture starts before the last one ended"));
            }
            cur = Some((Vec::with_capacity(width * height), 0));
        }
        let Some((px, col)) = cur.as_mut() else {
            return Err(format!("beat {i}: a beat outside a picture"));
        };
        if b.first != (*col == 0) || b.last != (*col == pairs - 1) {
            return Err(format!("beat {i}: first/last markers at pair {col} of {pairs}"));
        }
        for j in 0..lanes {
            px.push(b.even[j]);
            px.push(b.odd[j]);
        }
        *col = (*col + 1) % pairs;
        if px.len() == width * height {
            pics.push(cur.take().unwrap().0);
        }
    }
    if cur.is_some() {
        return Err("the last picture is incomplete".into());
    }
    Ok(pics)
}

/// The complete pictures in a picture stream that may also hold broken ones (after protocol
/// errors), each with the number it came out with (`out_tag` on its first beat): the stream
/// cut at every `sop`, each piece that [`assemble`]s kept.
pub fn numbered_pictures(beats: &[PixBeat], width: usize, height: usize, lanes: usize) -> Vec<(u8, Vec<i64>)> {
    let mut segments: Vec<Vec<PixBeat>> = Vec::new();
    for b in beats {
        if b.sop || segments.is_empty() {
            segments.push(Vec::new());
        }
        segments.last_mut().unwrap().push(*b);
    }
    segments.iter().filter_map(|s| Some((s[0].tag, assemble(s, width, height, lanes).ok()?.pop()?))).collect()
}

/// The band streams of `count` good pictures with broken copies among them, every copy
/// numbered in order: for each good picture `k`, `streams(k, n)` gives its band streams
/// numbered `n`, and `broken(k, copy)` breaks a copy of them that goes before the good one
/// (returning false: no broken copy). Returns the streams and each good picture's number
/// (modulo 16, as the block sees it).
pub fn with_broken_copies(count: usize, streams: impl Fn(usize, u8) -> Streams, broken: impl Fn(usize, &mut Streams) -> bool) -> (Streams, Vec<u8>) {
    let mut input: Streams = Default::default();
    let mut numbers = Vec::with_capacity(count);
    let mut n = 0u8;
    let mut add = |s: Streams| {
        for (i, x) in s.into_iter().enumerate() {
            input[i].extend(x);
        }
    };
    for k in 0..count {
        let mut copy = streams(k, n);
        if broken(k, &mut copy) {
            add(copy);
            n = n.wrapping_add(1);
        }
        add(streams(k, n));
        numbers.push(n & 15);
        n = n.wrapping_add(1);
    }
    (input, numbers)
}

/// Checks that each wanted picture (its number and samples) came out of `beats` complete,
/// exact and exactly once among the stream's complete pictures ([`numbered_pictures`]); the
/// error names the first that did not.
pub fn check_numbered(beats: &[PixBeat], width: usize, height: usize, lanes: usize, want: &[(u8, Vec<i64>)]) -> Result<(), String> {
    let complete = numbered_pictures(beats, width, height, lanes);
    for (i, (n, px)) in want.iter().enumerate() {
        let with_number: Vec<&Vec<i64>> = complete.iter().filter(|(t, _)| t == n).map(|(_, p)| p).collect();
        match with_number.as_slice() {
            [p] if *p == px => {}
            [_] => return Err(format!("picture {i} (number {n}) came out wrong")),
            [] => return Err(format!("picture {i} (number {n}) is missing; out: {:?}", complete.iter().map(|(t, _)| t).collect::<Vec<_>>())),
            _ => return Err(format!("picture number {n} came out {} times", with_number.len())),
        }
    }
    Ok(())
}
