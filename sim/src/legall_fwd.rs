//! `uhdpipe_legall_fwd*` (rtl/src/blocks/legall_fwd.rs: LeGall 5/3 and Haar forward 2-D
//! transform, depth 1–4; the 8K simulation builds at 2, 4, 8 and 16 samples per clock, rows
//! up to 8192 samples), Verilated ([`LegallFwd`], [`LegallFwd4`], [`LegallFwd8`],
//! [`LegallFwd16`]) and in rust-hdl's simulator ([`HdlLegallFwd`], …), plus the testbench
//! driver ([`drive`]) and the assembly of its output streams into subbands ([`assemble`])
//! shared by the tests and the cycle benchmark.

use crate::{Chance, Dut};

/// Port values (inputs set by the caller, outputs filled by `eval`): `csrc/fwd_ports.h`'s
/// `FwdPorts`. Index `k` of the per-level arrays is level `k + 1` (level 1 is the finest);
/// lane arrays hold up to 8 pairs (level 1 of the 16-samples-per-clock build), lanes past a
/// build's [`FwdBuild::LANES`] are ignored and read back as zero.
#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ports {
    /// outK_a[j] (output; [`FwdBuild::OUT_BITS`] bits two's complement).
    pub out_a: [[u64; 8]; 4],
    /// outK_b[j] (output).
    pub out_b: [[u64; 8]; 4],
    /// outho_low[j] (output; [`FwdBuild::HO_BITS`] bits two's complement).
    pub outho_low: [u64; 4],
    /// outho_high[j] (output).
    pub outho_high: [u64; 4],
    /// in_even[j] (low 12 bits, two's complement).
    pub in_even: [u16; 8],
    /// in_odd[j] (low 12 bits, two's complement).
    pub in_odd: [u16; 8],
    /// cfg_pairs (level-1 beats per row).
    pub cfg_pairs: u16,
    /// cfg_rows (rows per picture).
    pub cfg_rows: u16,
    /// in_valid.
    pub in_valid: u8,
    /// in_first.
    pub in_first: u8,
    /// in_last.
    pub in_last: u8,
    /// in_sop.
    pub in_sop: u8,
    /// outK_ready.
    pub out_ready: [u8; 4],
    /// outho_ready.
    pub outho_ready: u8,
    /// cfg_depth (1..=4).
    pub cfg_depth: u8,
    /// cfg_wavelet (the VC-2 wavelet index 1, 3 or 4; `lift_fwd`: 0..=6).
    pub cfg_wavelet: u8,
    /// cfg_depth_ho (0 or 1).
    pub cfg_depth_ho: u8,
    /// cfg_wavelet_ho (the horizontal passes' VC-2 wavelet index).
    pub cfg_wavelet_ho: u8,
    /// in_ready (output).
    pub in_ready: u8,
    /// err_line (output).
    pub err_line: u8,
    /// err_pic (output).
    pub err_pic: u8,
    /// outK_valid (output).
    pub out_valid: [u8; 4],
    /// outK_first (output).
    pub out_first: [u8; 4],
    /// outK_last (output).
    pub out_last: [u8; 4],
    /// outK_sop (output).
    pub out_sop: [u8; 4],
    /// outK_vhigh (output).
    pub out_vhigh: [u8; 4],
    /// outho_valid (output).
    pub outho_valid: u8,
    /// outho_first (output).
    pub outho_first: u8,
    /// outho_last (output).
    pub outho_last: u8,
    /// outho_sop (output).
    pub outho_sop: u8,
}

crate::port_layout!(Ports, [out_a, out_b, outho_low, outho_high, in_even, in_odd, cfg_pairs, cfg_rows, in_valid, in_first, in_last, in_sop, out_ready, outho_ready, cfg_depth, cfg_wavelet, cfg_depth_ho, cfg_wavelet_ho, in_ready, err_line, err_pic, out_valid, out_first, out_last, out_sop, out_vhigh, outho_valid, outho_first, outho_last, outho_sop]);

/// What a forward-transform build is: its lanes and output lane widths. Both forward
/// transforms (`legall_fwd*`, `lift_fwd`) share [`Ports`], the driver and the assembly.
pub trait FwdBuild: Dut<Ports = Ports> {
    /// Input samples per clock: 1 (one sample per beat, in `in_even[0]`) or `2 · LANES[0]`.
    const PPC: usize;
    /// Pair lanes per beat of levels 1, 2, 3, 4 (the horizontal-only level has level 2's).
    const LANES: [usize; 4];
    /// Output lane bits of levels 1, 2, 3, 4 (0: the build has no such level).
    const OUT_BITS: [u32; 4];
    /// Lane bits of the horizontal-only level.
    const HO_BITS: u32;
}

/// `cfg_pairs` for a `width`-sample row at `ppc` samples per clock: level-1 beats (the
/// one-sample build's transform takes pairs: width / 2).
pub fn cfg_pairs(width: usize, ppc: usize) -> u16 {
    (width / ppc.max(2)) as u16
}

/// The width (samples) every picture a 2-D transform build with pair lanes `lanes` (levels
/// 1, 2, …) takes at `depth` with `ho` horizontal-only levels is a multiple of: `2^depth`, a
/// whole level-1 beat (`2·lanes[0]` samples), and with `ho` whole beats of the
/// horizontal-only level (`lanes[1]` pairs of the level-`depth` LL band: `2^(depth + 1) ·
/// lanes[1]` samples). Forward and inverse builds alike.
pub fn width_unit(lanes: &[usize], depth: usize, ho: usize) -> usize {
    (1 << depth).max(2 * lanes[0]).max(if ho == 1 { (2 << depth) * lanes[1] } else { 1 })
}

/// The widest row the simulation builds take (samples).
pub const MAX_WIDTH: usize = 8192;

/// Clocks to hold the run-time registers before the first beat ([`Drive::setup`]) that
/// serve every forward build: `lift_fwd`'s lifting blocks decode the wavelet into registers.
pub const SETUP_CLOCKS: u32 = 4;

/// Declares a Verilated `legall_fwd` build and its rust-hdl twin: name, design, samples per
/// clock, lanes, and how the input is set (`pairs`: `in_even[j]`/`in_odd[j]`; `serial`:
/// `in_sample` from `in_even[0]`); optionally the output lane bits of levels 1–4 and of the
/// horizontal-only level (`lift_fwd`'s builds: the every-wavelet widths), else LeGall's.
macro_rules! legall_fwd_build {
    (@build $t:ident, $ppc:literal, $lanes:expr, $bits:expr, $ho:expr) => {
        impl $crate::legall_fwd::FwdBuild for $t {
            const PPC: usize = $ppc;
            const LANES: [usize; 4] = $lanes;
            const OUT_BITS: [u32; 4] = $bits;
            const HO_BITS: u32 = $ho;
        }
    };
    (@in pairs, $u:ident, $p:ident) => {
        for j in 0..$u.in_even.len() {
            $u.in_even[j].next = (($p.in_even[j] & 0xfff) as u64).to_bits();
            $u.in_odd[j].next = (($p.in_odd[j] & 0xfff) as u64).to_bits();
        }
    };
    (@in serial, $u:ident, $p:ident) => {
        $u.in_sample.next = (($p.in_even[0] & 0xfff) as u64).to_bits();
    };
    ($v:ident, $hdl:ident, $name:ident, $block:ty, $ppc:literal, $lanes:expr, $input:tt, $doc:literal) => {
        legall_fwd_build!($v, $hdl, $name, $block, $ppc, $lanes, $input, [17, 20, 23, 26], 29, $doc);
    };
    ($v:ident, $hdl:ident, $name:ident, $block:ty, $ppc:literal, $lanes:expr, $input:tt, $bits:expr, $ho:expr, $doc:literal) => {
        crate::verilated!($v, $name, $crate::legall_fwd::Ports, $doc);
        crate::hdl_sim!($hdl, $block, "The same block in rust-hdl's own simulator (much slower; small pictures only).");

        legall_fwd_build!(@build $v, $ppc, $lanes, $bits, $ho);
        legall_fwd_build!(@build $hdl, $ppc, $lanes, $bits, $ho);

        impl $crate::Dut for $hdl {
            type Ports = $crate::legall_fwd::Ports;

            fn eval(&mut self, p: &mut $crate::legall_fwd::Ports) {
                use rust_hdl::prelude::*;
                let u = &mut self.uut;
                u.in_valid.next = p.in_valid != 0;
                u.in_first.next = p.in_first != 0;
                u.in_last.next = p.in_last != 0;
                u.in_sop.next = p.in_sop != 0;
                u.out1_ready.next = p.out_ready[0] != 0;
                u.out2_ready.next = p.out_ready[1] != 0;
                u.out3_ready.next = p.out_ready[2] != 0;
                u.out4_ready.next = p.out_ready[3] != 0;
                u.cfg_depth.next = ((p.cfg_depth & 7) as u64).to_bits();
                u.cfg_wavelet.next = ((p.cfg_wavelet & 7) as u64).to_bits();
                u.cfg_depth_ho.next = p.cfg_depth_ho & 1 != 0;
                u.cfg_wavelet_ho.next = ((p.cfg_wavelet_ho & 7) as u64).to_bits();
                u.outho_ready.next = p.outho_ready != 0;
                legall_fwd_build!(@in $input, u, p);
                u.cfg_pairs.next = ((p.cfg_pairs & 0x1fff) as u64).to_bits();
                u.cfg_rows.next = ((p.cfg_rows & 0x1fff) as u64).to_bits();
                self.settle();
                let u = &self.uut;
                p.in_ready = u.in_ready.val() as u8;
                p.err_line = u.err_line.val() as u8;
                p.err_pic = u.err_pic.val() as u8;
                p.out_valid = [u.out1_valid.val() as u8, u.out2_valid.val() as u8, u.out3_valid.val() as u8, u.out4_valid.val() as u8];
                p.out_first = [u.out1_first.val() as u8, u.out2_first.val() as u8, u.out3_first.val() as u8, u.out4_first.val() as u8];
                p.out_last = [u.out1_last.val() as u8, u.out2_last.val() as u8, u.out3_last.val() as u8, u.out4_last.val() as u8];
                p.out_sop = [u.out1_sop.val() as u8, u.out2_sop.val() as u8, u.out3_sop.val() as u8, u.out4_sop.val() as u8];
                p.out_vhigh = [u.out1_vhigh.val() as u8, u.out2_vhigh.val() as u8, u.out3_vhigh.val() as u8, u.out4_vhigh.val() as u8];
                for j in 0..u.out1_a.len() {
                    p.out_a[0][j] = u.out1_a[j].val().to_u64();
                    p.out_b[0][j] = u.out1_b[j].val().to_u64();
                }
                for j in 0..u.out2_a.len() {
                    p.out_a[1][j] = u.out2_a[j].val().to_u64();
                    p.out_b[1][j] = u.out2_b[j].val().to_u64();
                    p.outho_low[j] = u.outho_low[j].val().to_u64();
                    p.outho_high[j] = u.outho_high[j].val().to_u64();
                }
                for j in 0..u.out3_a.len() {
                    p.out_a[2][j] = u.out3_a[j].val().to_u64();
                    p.out_b[2][j] = u.out3_b[j].val().to_u64();
                }
                for j in 0..u.out4_a.len() {
                    p.out_a[3][j] = u.out4_a[j].val().to_u64();
                    p.out_b[3][j] = u.out4_b[j].val().to_u64();
                }
                p.outho_valid = u.outho_valid.val() as u8;
                p.outho_first = u.outho_first.val() as u8;
                p.outho_last = u.outho_last.val() as u8;
                p.outho_sop = u.outho_sop.val() as u8;
            }

            fn tick(&mut self) {
                self.edge();
            }
        }
    };
}

// (only `lift_fwd`, behind its feature, uses the macro from outside this module)
#[cfg(feature = "lift-fwd")]
pub(crate) use legall_fwd_build;

legall_fwd_build!(LegallFwd1, HdlLegallFwd1, legall_fwd1, uhdpipe_rtl::designs::types::legall_fwd1, 1, [1, 1, 1, 1], serial, "The 1-sample-per-clock build (a gearbox in front of the 2-sample one), Verilated.");
legall_fwd_build!(LegallFwd, HdlLegallFwd, legall_fwd, uhdpipe_rtl::designs::types::legall_fwd, 2, [1, 1, 1, 1], pairs, "The 2-samples-per-clock build (rows up to 4096 beats), Verilated.");
#[cfg(feature = "legall-wide")]
legall_fwd_build!(LegallFwd4, HdlLegallFwd4, legall_fwd4, uhdpipe_rtl::designs::types::legall_fwd4, 4, [2, 1, 1, 1], pairs, "The 4-samples-per-clock build (rows up to 2048 beats), Verilated.");
#[cfg(feature = "legall-wide")]
legall_fwd_build!(LegallFwd8, HdlLegallFwd8, legall_fwd8, uhdpipe_rtl::designs::types::legall_fwd8, 8, [4, 2, 1, 1], pairs, "The 8-samples-per-clock build (rows up to 1024 beats), Verilated.");
legall_fwd_build!(LegallFwd16, HdlLegallFwd16, legall_fwd16, uhdpipe_rtl::designs::types::legall_fwd16, 16, [8, 4, 2, 1], pairs, "The 16-samples-per-clock build (rows up to 512 beats), Verilated.");

/// One input beat: up to 8 sample pairs (the rest zero) and their markers; a
/// one-sample-per-clock stream carries its sample in `even[0]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InBeat {
    /// Pair `j`'s even sample (12-bit range).
    pub even: [i64; 8],
    /// Pair `j`'s odd sample.
    pub odd: [i64; 8],
    /// First beat of a line.
    pub first: bool,
    /// Last beat of a line.
    pub last: bool,
    /// First beat of a picture.
    pub sop: bool,
}

/// The beats of a `width` × `height` picture (row-major samples) as a stream of `ppc`
/// samples per clock carries it: one sample per beat at `ppc = 1`, else `ppc / 2` pairs
/// (`width` a multiple of `ppc`).
pub fn picture_beats(samples: &[i64], width: usize, height: usize, ppc: usize) -> Vec<InBeat> {
    assert_eq!(samples.len(), width * height);
    if ppc == 1 {
        let one = |i: usize| {
            let x = i % width;
            let mut even = [0; 8];
            even[0] = samples[i];
            InBeat { even, odd: [0; 8], first: x == 0, last: x == width - 1, sop: i == 0 }
        };
        return (0..width * height).map(one).collect();
    }
    let lanes = ppc / 2;
    assert!(lanes <= 8 && width.is_multiple_of(2 * lanes), "{width} samples are not beats of {lanes} pairs");
    let n = width / (2 * lanes);
    let mut v = Vec::with_capacity(n * height);
    for y in 0..height {
        for i in 0..n {
            let mut b = InBeat { even: [0; 8], odd: [0; 8], first: i == 0, last: i == n - 1, sop: y == 0 && i == 0 };
            for j in 0..lanes {
                let s = &samples[y * width + 2 * (i * lanes + j)..];
                b.even[j] = s[0];
                b.odd[j] = s[1];
            }
            v.push(b);
        }
    }
    v
}

/// One output beat of a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutBeat {
    /// Pair `j`'s lane a (LL in L rows, LH in H rows), sign-extended; zero past the level's lanes.
    pub a: [i64; 8],
    /// Pair `j`'s lane b (HL in L rows, HH in H rows), sign-extended.
    pub b: [i64; 8],
    /// First beat of a row.
    pub first: bool,
    /// Last beat of a row.
    pub last: bool,
    /// First beat of a picture.
    pub sop: bool,
    /// An H row.
    pub vhigh: bool,
}

/// What a run produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Each level's output beats, in order.
    pub levels: [Vec<OutBeat>; 4],
    /// The horizontal-only level's beats (`a` = L, `b` = H; `vhigh` false).
    pub ho: Vec<OutBeat>,
    /// Clocks until the last output beat was taken (inclusive).
    pub cycles: u64,
    /// Clocks with `err_line` high.
    pub err_line: u32,
    /// Clocks with `err_pic` high.
    pub err_pic: u32,
    /// The clock at which each input beat with `sop` was taken.
    pub sop_taken: Vec<u64>,
    /// The clock at which each level's first output beat was taken (0: none).
    pub first_out: [u64; 4],
    /// The build's pair lanes per beat of levels 1, 2, 3, 4 ([`FwdBuild::LANES`]).
    pub lanes: [usize; 4],
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
    /// cfg_wavelet (VC-2 wavelet index: 1 LeGall, 3 Haar without shift, 4 Haar with shift).
    pub wavelet: u8,
    /// cfg_depth_ho (0 or 1 horizontal-only level).
    pub depth_ho: u8,
    /// cfg_wavelet_ho (the horizontal passes' VC-2 wavelet index: 1, 3 or 4).
    pub wavelet_ho: u8,
    /// Per-mille chance of withholding the next input beat on a clock.
    pub idle: u32,
    /// Per-mille chance of each level's consumer not being ready on a clock.
    pub stall: u32,
    /// Seed of those decisions.
    pub seed: u64,
    /// Clocks the run-time registers are held before the first beat is offered (the
    /// lifting blocks decode them into registers: 4; `legall_fwd` takes 0).
    pub setup: u32,
}

/// Drives `input` through the block and collects every level's output until the block has
/// been quiet for long enough (no output offered for 4096 clocks after the last input).
/// Panics if it runs for more than `100·(beats + 10 000)` clocks (a hang).
pub fn drive<D: FwdBuild>(dut: &mut D, input: &[InBeat], d: Drive) -> Outcome {
    let mut chance = Chance::new(d.seed);
    let mut out = Outcome { lanes: D::LANES, ..Outcome::default() };
    let (mut next, mut quiet, mut cycle) = (0usize, 0u64, 0u64);
    let limit = 100 * (input.len() as u64 + 10_000);
    let cfg = Ports { cfg_pairs: d.pairs, cfg_rows: d.rows, cfg_depth: d.depth, cfg_wavelet: d.wavelet, cfg_depth_ho: d.depth_ho, cfg_wavelet_ho: d.wavelet_ho, ..Ports::default() };
    // the run-time registers settle before the first beat (not counted in the cycles)
    for _ in 0..d.setup {
        let mut p = cfg;
        dut.eval(&mut p);
        dut.tick();
    }
    while next < input.len() || quiet < 4096 {
        let mut p = cfg;
        if next < input.len() && !chance.hit(d.idle) {
            let b = input[next];
            p.in_valid = 1;
            p.in_even = b.even.map(|v| v as u16);
            p.in_odd = b.odd.map(|v| v as u16);
            p.in_first = b.first as u8;
            p.in_last = b.last as u8;
            p.in_sop = b.sop as u8;
        }
        for k in 0..4 {
            p.out_ready[k] = !chance.hit(d.stall) as u8;
        }
        p.outho_ready = !chance.hit(d.stall) as u8;
        dut.eval(&mut p);
        if p.in_valid == 1 && p.in_ready == 1 {
            if p.in_sop == 1 {
                out.sop_taken.push(cycle);
            }
            next += 1;
        }
        out.err_line += p.err_line as u32;
        out.err_pic += p.err_pic as u32;
        quiet += 1;
        for (k, bits) in D::OUT_BITS.iter().enumerate() {
            if p.out_valid[k] == 1 {
                quiet = 0;
            }
            if p.out_valid[k] == 1 && p.out_ready[k] == 1 {
                out.levels[k].push(OutBeat {
                    a: p.out_a[k].map(|v| crate::sext(v, *bits)),
                    b: p.out_b[k].map(|v| crate::sext(v, *bits)),
                    first: p.out_first[k] == 1,
                    last: p.out_last[k] == 1,
                    sop: p.out_sop[k] == 1,
                    vhigh: p.out_vhigh[k] == 1,
                });
                if out.levels[k].len() == 1 {
                    out.first_out[k] = cycle;
                }
                out.cycles = cycle + 1;
            }
        }
        if p.outho_valid == 1 {
            quiet = 0;
        }
        if p.outho_valid == 1 && p.outho_ready == 1 {
            let (mut a, mut b) = ([0; 8], [0; 8]);
            for j in 0..4 {
                a[j] = crate::sext(p.outho_low[j], D::HO_BITS);
                b[j] = crate::sext(p.outho_high[j], D::HO_BITS);
            }
            out.ho.push(OutBeat { a, b, first: p.outho_first == 1, last: p.outho_last == 1, sop: p.outho_sop == 1, vhigh: false });
            out.cycles = cycle + 1;
        }
        dut.tick();
        cycle += 1;
        assert!(cycle < limit, "the block stopped making progress ({next} of {} beats taken)", input.len());
    }
    out
}

/// The subbands of one picture, in the model's (bitstream) order: LL, then HL, LH, HH from
/// the deepest level to level 1 — `uhdpipe_model::wavelet::dwt`'s layout, row-major.
pub type Bands = Vec<Vec<i64>>;

/// One level's bands of one picture: `[LL, HL, LH, HH]`, row-major.
pub type LevelBands = [Vec<i64>; 4];

/// Splits level `k`'s (0-based) output beats of `lanes` pairs into pictures (at `sop`) and
/// rows, checks their shape (rows of `width / 2^(k+1)` columns, L and H rows alternating,
/// `height / 2^(k+1)` of each) and returns every complete picture's bands. A stream that is
/// not well formed is an error naming the level and beat.
pub fn assemble_level(beats: &[OutBeat], k: usize, width: usize, height: usize, lanes: usize) -> Result<Vec<LevelBands>, String> {
    let (w, h) = ((width >> (k + 1)) / lanes, height >> (k + 1));
    let mut pics: Vec<LevelBands> = Vec::new();
    let mut cur: Option<(LevelBands, usize, usize)> = None; // bands, rows done, beat in row
    for (i, b) in beats.iter().enumerate() {
        let at = || format!("level {} beat {i}", k + 1);
        if b.sop {
            if cur.is_some() {
                return Err(format!("{}: a picture starts before the last one ended", at()));
            }
            if !b.first || b.vhigh {
                return Err(format!("{}: sop without first or on an H row", at()));
            }
            cur = Some((Default::default(), 0, 0));
        }
        let Some((bands, rows, col)) = cur.as_mut() else {
            return Err(format!("{}: a beat outside a picture", at()));
        };
        if b.first != (*col == 0) || b.last != (*col == w - 1) {
            return Err(format!("{}: first/last markers at column {col} of {w}", at()));
        }
        if b.vhigh != (*rows % 2 == 1) {
            return Err(format!("{}: rows do not alternate L and H", at()));
        }
        let (ia, ib) = if b.vhigh { (2, 3) } else { (0, 1) };
        bands[ia].extend(&b.a[..lanes]);
        bands[ib].extend(&b.b[..lanes]);
        *col += 1;
        if *col == w {
            *col = 0;
            *rows += 1;
            if *rows == 2 * h {
                pics.push(cur.take().unwrap().0);
            }
        }
    }
    if cur.is_some() {
        return Err(format!("level {}: the last picture is incomplete", k + 1));
    }
    Ok(pics)
}

/// Splits the horizontal-only level's beats of `lanes` pairs into pictures of `rows` rows of
/// `pairs` pairs and returns each picture's (L, H) bands; an error names the beat that
/// breaks the shape.
pub fn assemble_ho(beats: &[OutBeat], pairs: usize, rows: usize, lanes: usize) -> Result<Vec<[Vec<i64>; 2]>, String> {
    let pairs = pairs / lanes;
    let mut pics = Vec::new();
    let mut cur: Option<([Vec<i64>; 2], usize, usize)> = None;
    for (i, b) in beats.iter().enumerate() {
        if b.sop {
            if cur.is_some() {
                return Err(format!("horizontal-only level beat {i}: a picture starts before the last one ended"));
            }
            cur = Some((Default::default(), 0, 0));
        }
        let Some((bands, row, col)) = cur.as_mut() else {
            return Err(format!("horizontal-only level beat {i}: a beat outside a picture"));
        };
        if b.first != (*col == 0) || b.last != (*col == pairs - 1) {
            return Err(format!("horizontal-only level beat {i}: first/last markers at column {col} of {pairs}"));
        }
        bands[0].extend(&b.a[..lanes]);
        bands[1].extend(&b.b[..lanes]);
        *col += 1;
        if *col == pairs {
            *col = 0;
            *row += 1;
            if *row == rows {
                pics.push(cur.take().unwrap().0);
            }
        }
    }
    if cur.is_some() {
        return Err("horizontal-only level: the last picture is incomplete".into());
    }
    Ok(pics)
}

/// The subbands of every picture in `out`, in the model's order ([`Bands`]), from the
/// streams of levels 1..=`depth` ([`assemble_level`]) and, with `depth_ho` 1, the
/// horizontal-only level ([`assemble_ho`]), whose L is then the DC band.
pub fn assemble(out: &Outcome, width: usize, height: usize, depth: usize, depth_ho: usize) -> Result<Vec<Bands>, String> {
    let per_level = (0..depth).map(|k| assemble_level(&out.levels[k], k, width, height, out.lanes[k])).collect::<Result<Vec<_>, _>>()?;
    if per_level.iter().any(|l| l.len() != per_level[0].len()) {
        return Err(format!("levels produced different numbers of pictures: {:?}", per_level.iter().map(Vec::len).collect::<Vec<_>>()));
    }
    let ho = if depth_ho == 1 { Some(assemble_ho(&out.ho, width >> (depth + 1), height >> depth, out.lanes[1])?) } else { None };
    if ho.as_ref().is_some_and(|h| h.len() != per_level[0].len()) {
        return Err("the horizontal-only level produced another number of pictures".into());
    }
    if ho.is_none() && !out.ho.is_empty() {
        return Err("the horizontal-only level produced output while off".into());
    }
    Ok((0..per_level[0].len())
        .map(|p| {
            let mut bands = match &ho {
                Some(h) => vec![h[p][0].clone(), h[p][1].clone()],
                None => vec![per_level[depth - 1][p][0].clone()],
            };
            for k in (0..depth).rev() {
                bands.extend(per_level[k][p][1..].iter().cloned());
            }
            bands
        })
        .collect())
}

/// The model's bands of a `width` × `height` picture (samples already signed) under `d`'s
/// wavelets and horizontal-only depth at `depth`: `uhdpipe_model::wavelet::dwt`.
pub fn model_bands(samples: &[i64], width: usize, height: usize, depth: usize, d: &Drive) -> Bands {
    use uhdpipe_model::wavelet::{dwt, Band, TransformParams};
    let t = TransformParams { wavelet_index: d.wavelet as usize, wavelet_index_ho: d.wavelet_ho as usize, dwt_depth: depth, dwt_depth_ho: d.depth_ho as usize };
    dwt(&t, Band { width, height, data: samples.to_vec() }).into_iter().map(|b| b.data).collect()
}

/// Checks a run of the well-formed pictures `pics` (`width` × `height`, back to back, at
/// `depth` with `d`'s registers): no protocol error, no output from levels past `depth`,
/// and every band of every picture equal to the model's ([`model_bands`]). The error says
/// which picture and band differ.
pub fn check_run(out: &Outcome, pics: &[Vec<i64>], width: usize, height: usize, depth: usize, d: &Drive) -> Result<(), String> {
    if out.err_line != 0 || out.err_pic != 0 {
        return Err(format!("well-formed pictures raised err_line {} / err_pic {}", out.err_line, out.err_pic));
    }
    if let Some(k) = (depth..4).find(|&k| !out.levels[k].is_empty()) {
        return Err(format!("level {} produced output at depth {depth}", k + 1));
    }
    let got = assemble(out, width, height, depth, d.depth_ho as usize)?;
    if got.len() != pics.len() {
        return Err(format!("{} pictures out of {}", got.len(), pics.len()));
    }
    for (i, (g, p)) in got.iter().zip(pics).enumerate() {
        let want = model_bands(p, width, height, depth, d);
        if g.len() != want.len() {
            return Err(format!("picture {i}: {} bands, the model has {}", g.len(), want.len()));
        }
        if let Some(b) = (0..want.len()).find(|&b| g[b] != want[b]) {
            return Err(format!(
                "picture {i} band {b} differs from the model ({width}x{height} depth {depth} + {} horizontal-only, wavelet {}, horizontal-only wavelet {})",
                d.depth_ho, d.wavelet, d.wavelet_ho
            ));
        }
    }
    Ok(())
}
