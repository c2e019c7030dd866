//! `uhdpipe_lift_v*` (rtl/src/blocks/lift_v.rs: the vertical wavelet transform of a picture
//! for every VC-2 wavelet, `2P` columns per clock): analysis with 12-bit samples in and
//! 15-bit coefficients out, and synthesis with 20-bit coefficients in a 20-bit datapath
//! (range-checked), at 2 columns per clock with rows up to 64 beats (`lift_v`, `lift_vs`) and
//! at 16 with rows up to 32 beats (`lift_v16`, `lift_vs16`; Verilated with the crate's
//! `lift-wide` feature). Each is simulated two ways behind one [`Dut`] trait: Verilated from
//! the committed Verilog (the reference) and in rust-hdl's own simulator (slower; it must
//! agree).

use crate::Dut;

#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
/// Port values (inputs set by the caller, outputs filled by `eval`), shared by every build;
/// lane arrays past the build's column pairs per beat are ignored (inputs) or left as they
/// were (outputs).
pub struct Ports {
    /// in_valid.
    pub in_valid: u8,
    /// in_first.
    pub in_first: u8,
    /// in_last.
    pub in_last: u8,
    /// in_sop.
    pub in_sop: u8,
    /// out_ready.
    pub out_ready: u8,
    /// cfg_wavelet (VC-2 wavelet index 0..=6).
    pub cfg_wavelet: u8,
    /// cfg_ll (send even rows' lane a on the LL stream).
    pub cfg_ll: u8,
    /// ll_ready.
    pub ll_ready: u8,
    /// cfg_pairs (beats per row, low 13 bits used).
    pub cfg_pairs: u16,
    /// cfg_rows (rows per picture, low 13 bits used).
    pub cfg_rows: u16,
    /// in_ready (output).
    pub in_ready: u8,
    /// out_valid (output).
    pub out_valid: u8,
    /// out_first (output).
    pub out_first: u8,
    /// out_last (output).
    pub out_last: u8,
    /// out_sop (output).
    pub out_sop: u8,
    /// out_vhigh (output: an odd row).
    pub out_vhigh: u8,
    /// err_pic (output).
    pub err_pic: u8,
    /// err_wavelet (output: `cfg_wavelet` is not in the build's wavelet set).
    pub err_wavelet: u8,
    /// err_range (output: a lifting result did not fit the datapath and wrapped; only a
    /// build whose input is as wide as its datapath, `lift_vs`, can raise it).
    pub err_range: u8,
    /// pic_idle (output).
    pub pic_idle: u8,
    /// ll_valid (output).
    pub ll_valid: u8,
    /// ll_first (output).
    pub ll_first: u8,
    /// ll_last (output).
    pub ll_last: u8,
    /// ll_sop (output).
    pub ll_sop: u8,
    /// in_a per lane (two's complement, low [`Build::IN_BITS`] bits used).
    pub in_a: [u32; MAX_LANES],
    /// in_b per lane (as `in_a`).
    pub in_b: [u32; MAX_LANES],
    /// out_a per lane (output, [`Build::OUT_BITS`]-bit two's complement).
    pub out_a: [u32; MAX_LANES],
    /// out_b per lane (output, as `out_a`).
    pub out_b: [u32; MAX_LANES],
    /// ll_c per lane (output, as `out_a`).
    pub ll_c: [u32; MAX_LANES],
}

crate::port_layout!(Ports, [in_valid, in_first, in_last, in_sop, out_ready, cfg_wavelet, cfg_ll, ll_ready, cfg_pairs, cfg_rows, in_ready, out_valid, out_first, out_last, out_sop, out_vhigh, err_pic, err_wavelet, err_range, pic_idle, ll_valid, ll_first, ll_last, ll_sop, in_a, in_b, out_a, out_b, ll_c]);

/// The most column pairs per beat of any build (the width of [`Ports`]' lane arrays).
pub const MAX_LANES: usize = 8;

/// What a build of the block is: its direction, lanes and widths.
pub trait Build: Dut<Ports = Ports> {
    /// Synthesis (else analysis).
    const SYNTHESIS: bool;
    /// Column pairs per beat.
    const LANES: usize;
    /// Input sample bits.
    const IN_BITS: u32;
    /// Output sample bits.
    const OUT_BITS: u32;
}

crate::verilated!(LiftV, lift_v, Ports, "The analysis build, Verilated.");
crate::verilated!(LiftVs, lift_vs, Ports, "The synthesis build, Verilated.");
#[cfg(feature = "lift-wide")]
crate::verilated!(LiftV16, lift_v16, Ports, "The analysis build at 8 column pairs per beat, Verilated.");
#[cfg(feature = "lift-wide")]
crate::verilated!(LiftVs16, lift_vs16, Ports, "The synthesis build at 8 column pairs per beat, Verilated.");
crate::hdl_sim!(HdlLiftV16, uhdpipe_rtl::designs::types::lift_v16, "The analysis build at 8 column pairs per beat in rust-hdl's own simulator.");
crate::hdl_sim!(HdlLiftV, uhdpipe_rtl::designs::types::lift_v, "The analysis build in rust-hdl's own simulator.");
crate::hdl_sim!(HdlLiftVs, uhdpipe_rtl::designs::types::lift_vs, "The synthesis build in rust-hdl's own simulator.");
crate::hdl_sim!(
    HdlLiftVLegallHaar,
    uhdpipe_rtl::blocks::lift_v::LiftV<12, 15, 27, 6, 0, 15, 15, 15, 15, 30, 15, 30, 15, 1>,
    uhdpipe_rtl::blocks::lift_v::LiftV::<12, 15, 27, 6, 0, 15, 15, 15, 15, 30, 15, 30, 15, 1>::with_wavelets(0b11010),
    "An analysis build holding only LeGall (5,3) and the two Haars (the build-time wavelet set: smaller line buffers), in rust-hdl's own simulator."
);

macro_rules! build {
    ($syn:literal, $lanes:literal, $in_bits:literal, $out_bits:literal: $($ty:ident),+) => {
        $(impl Build for $ty {
            const SYNTHESIS: bool = $syn;
            const LANES: usize = $lanes;
            const IN_BITS: u32 = $in_bits;
            const OUT_BITS: u32 = $out_bits;
        })+
    };
}
build!(false, 1, 12, 15: LiftV, HdlLiftV, HdlLiftVLegallHaar);
build!(true, 1, 20, 20: LiftVs, HdlLiftVs);
build!(false, 8, 12, 15: HdlLiftV16);
#[cfg(feature = "lift-wide")]
build!(false, 8, 12, 15: LiftV16);
#[cfg(feature = "lift-wide")]
build!(true, 8, 20, 20: LiftVs16);

macro_rules! hdl_dut {
    ($ty:ident) => {
        impl Dut for $ty {
            type Ports = Ports;

            fn eval(&mut self, p: &mut Ports) {
                use rust_hdl::prelude::*;
                let mask = (1u64 << <$ty as Build>::IN_BITS) - 1;
                let u = &mut self.uut;
                u.in_valid.next = p.in_valid != 0;
                u.in_first.next = p.in_first != 0;
                u.in_last.next = p.in_last != 0;
                u.in_sop.next = p.in_sop != 0;
                u.out_ready.next = p.out_ready != 0;
                for k in 0..<$ty as Build>::LANES {
                    u.in_a[k].next = (p.in_a[k] as u64 & mask).to_bits();
                    u.in_b[k].next = (p.in_b[k] as u64 & mask).to_bits();
                }
                u.cfg_pairs.next = ((p.cfg_pairs & 0x1fff) as u64).to_bits();
                u.cfg_rows.next = ((p.cfg_rows & 0x1fff) as u64).to_bits();
                u.cfg_wavelet.next = ((p.cfg_wavelet & 7) as u64).to_bits();
                u.cfg_ll.next = p.cfg_ll & 1 == 1;
                u.ll_ready.next = p.ll_ready & 1 == 1;
                self.settle();
                let u = &self.uut;
                p.in_ready = u.in_ready.val() as u8;
                p.out_valid = u.out_valid.val() as u8;
                p.out_first = u.out_first.val() as u8;
                p.out_last = u.out_last.val() as u8;
                p.out_sop = u.out_sop.val() as u8;
                p.out_vhigh = u.out_vhigh.val() as u8;
                p.err_pic = u.err_pic.val() as u8;
                p.err_wavelet = u.err_wavelet.val() as u8;
                p.err_range = u.err_range.val() as u8;
                p.pic_idle = u.pic_idle.val() as u8;
                for k in 0..<$ty as Build>::LANES {
                    p.out_a[k] = u.out_a[k].val().to_u64() as u32;
                    p.out_b[k] = u.out_b[k].val().to_u64() as u32;
                    p.ll_c[k] = u.ll_c[k].val().to_u64() as u32;
                }
                p.ll_valid = u.ll_valid.val() as u8;
                p.ll_first = u.ll_first.val() as u8;
                p.ll_last = u.ll_last.val() as u8;
                p.ll_sop = u.ll_sop.val() as u8;
            }

            fn tick(&mut self) {
                self.edge();
            }
        }
    };
}
hdl_dut!(HdlLiftV);
hdl_dut!(HdlLiftVs);
hdl_dut!(HdlLiftVLegallHaar);
hdl_dut!(HdlLiftV16);

/// Clocks to hold the run-time registers before a picture's first beat.
pub const SETUP_CLOCKS: usize = 4;

/// A column pair as the stream carries it: (a, b, first, last, sop). [`drive`] sends a build
/// with `P` column pairs per beat `P` of them at a time: the beat's `first` and `sop` are its
/// first pair's, its `last` its last pair's.
pub type Beat = (i64, i64, bool, bool, bool);

/// A picture as rows of column pairs `(a, b)`.
pub type Picture = Vec<Vec<(i64, i64)>>;

/// The beats of well-formed pictures (`sop` on each one's first beat).
pub fn picture_beats(pictures: &[Picture]) -> Vec<Beat> {
    let mut out = Vec::new();
    for pic in pictures {
        for (y, row) in pic.iter().enumerate() {
            for (i, &(a, b)) in row.iter().enumerate() {
                out.push((a, b, i == 0, i + 1 == row.len(), y == 0 && i == 0));
            }
        }
    }
    out
}

/// One output row: its beats, `out_sop` on its first beat, `out_vhigh`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's column pairs `(a, b)`, `P` per beat.
    pub beats: Vec<(i64, i64)>,
    /// `out_sop` on the first beat.
    pub sop: bool,
    /// `out_vhigh` (an odd row).
    pub vhigh: bool,
}

/// What [`drive`] saw.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Run {
    /// Output rows, split at `out_last` (and at an `out_first` that cuts one short).
    pub rows: Vec<Row>,
    /// Clocks from the first beat offered to the last result taken.
    pub clocks: u64,
    /// `err_pic` pulses.
    pub errors: usize,
    /// `err_wavelet` was high at some clock.
    pub bad_wavelet: bool,
    /// `err_range` pulses.
    pub range_errors: usize,
    /// Clocks from the first beat offered to the first output beat taken.
    pub first_out: Option<u64>,
    /// The LL stream (with [`Drive::ll`]): rows of coefficients, split at `ll_last`, each
    /// with its `ll_first` and `ll_sop` flags checked into [`Run::ll_marks`].
    pub ll: Vec<Vec<i64>>,
    /// Per LL row: (`ll_first` on its first coefficient only, `ll_sop` on it).
    pub ll_marks: Vec<(bool, bool)>,
}

/// How [`drive`] runs a stream.
#[derive(Debug, Clone, Copy, Default)]
pub struct Drive {
    /// Column pairs per row (`cfg_pairs` is this over the build's pairs per beat).
    pub pairs: usize,
    /// `cfg_rows`: rows per picture.
    pub rows: usize,
    /// `cfg_wavelet`.
    pub wavelet: u8,
    /// Per-mille chance of withholding input on a clock.
    pub idle: u32,
    /// Per-mille chance of withholding `out_ready` on a clock.
    pub stall: u32,
    /// Seed of the idle/stall draws.
    pub seed: u64,
    /// Stop after this many output column pairs; 0: when the block has been quiet after the last
    /// beat for longer than its flush rows can take (`400 + 40 · pairs` clocks).
    pub want: usize,
    /// `cfg_ll`: take the LL stream too (`ll_ready` stalls as `out_ready` does).
    pub ll: bool,
}

/// Drives the column pairs `pairs_in` (grouped into beats of the build's lanes: their
/// number must be a multiple of it) through `dut` as `d` says. Panics if the block stops
/// making progress.
pub fn drive<B: Build>(dut: &mut B, pairs_in: &[Beat], d: &Drive) -> Run {
    let lanes = B::LANES;
    assert!(pairs_in.len().is_multiple_of(lanes) && d.pairs.is_multiple_of(lanes), "{} column pairs, rows of {}: not whole beats of {lanes}", pairs_in.len(), d.pairs);
    let beats: Vec<&[Beat]> = pairs_in.chunks(lanes).collect();
    let Drive { pairs, rows, wavelet, idle, stall, seed, want, ll } = *d;
    let pairs = pairs / lanes;
    let mut chance = crate::Chance::new(seed);
    let mut run = Run::default();
    let base = Ports { cfg_pairs: pairs as u16, cfg_rows: rows as u16, cfg_wavelet: wavelet, cfg_ll: ll as u8, ..Ports::default() };
    for _ in 0..SETUP_CLOCKS {
        let mut p = base;
        dut.eval(&mut p);
        dut.tick();
    }
    let (mut next, mut got, mut quiet) = (0usize, 0usize, 0u64);
    let mut row = Row::default();
    let mut ll_row: Vec<i64> = Vec::new();
    let mut ll_mark = (true, false);
    let limit = 200 * beats.len() as u64 + 20 * (pairs as u64 + 4) * 40 + 4000;
    loop {
        if want > 0 && got >= want {
            break;
        }
        if want == 0 && next >= beats.len() && quiet > 400 + 40 * pairs as u64 {
            break;
        }
        let mut p = base;
        if next < beats.len() && !chance.hit(idle) {
            let bt = beats[next];
            p = Ports { in_valid: 1, in_first: bt[0].2 as u8, in_last: bt[lanes - 1].3 as u8, in_sop: bt[0].4 as u8, ..p };
            for (k, &(a, b, ..)) in bt.iter().enumerate() {
                p.in_a[k] = a as u32;
                p.in_b[k] = b as u32;
            }
        }
        p.out_ready = !chance.hit(stall) as u8;
        p.ll_ready = !chance.hit(stall) as u8;
        dut.eval(&mut p);
        if p.ll_valid == 1 && p.ll_ready == 1 {
            if ll_row.is_empty() {
                ll_mark = (p.ll_first == 1, p.ll_sop == 1);
            } else if p.ll_first == 1 || p.ll_sop == 1 {
                ll_mark = (false, false);
            }
            for k in 0..lanes {
                ll_row.push(crate::sext(p.ll_c[k], B::OUT_BITS));
            }
            if p.ll_last == 1 {
                run.ll.push(std::mem::take(&mut ll_row));
                run.ll_marks.push(ll_mark);
            }
        }
        if p.in_valid == 1 && p.in_ready == 1 {
            next += 1;
        }
        run.errors += p.err_pic as usize;
        run.bad_wavelet |= p.err_wavelet == 1;
        run.range_errors += p.err_range as usize;
        quiet += 1;
        if p.out_valid == 1 && p.out_ready == 1 {
            quiet = 0;
            got += lanes;
            run.first_out.get_or_insert(run.clocks);
            if p.out_first == 1 && !row.beats.is_empty() {
                run.rows.push(std::mem::take(&mut row));
            }
            if row.beats.is_empty() {
                row.sop = p.out_sop == 1;
                row.vhigh = p.out_vhigh == 1;
            }
            for k in 0..lanes {
                row.beats.push((crate::sext(p.out_a[k], B::OUT_BITS), crate::sext(p.out_b[k], B::OUT_BITS)));
            }
            if p.out_last == 1 {
                run.rows.push(std::mem::take(&mut row));
            }
        }
        dut.tick();
        run.clocks += 1;
        assert!(run.clocks < limit, "the block stopped making progress ({got} of {want} beats out)");
    }
    if !row.beats.is_empty() {
        run.rows.push(row);
    }
    run
}
