//! `uhdpipe_lift_h*` (rtl/src/blocks/lift_h.rs: the horizontal wavelet transform of a line
//! for every VC-2 wavelet, `P` sample pairs per beat): analysis with 12-bit samples in and
//! 16-bit coefficients out at 1, 2, 4 and 8 pairs per beat (`lift_h`, `lift_h4`, `lift_h8`,
//! `lift_h16`: 2 to 16 samples per clock), and synthesis with 20-bit coefficients in a 20-bit
//! datapath at 1, 2 and 8 (`lift_hs`, `lift_hs4`, `lift_hs16`). Each is simulated two ways
//! behind one [`Dut`] trait: Verilated from the committed Verilog (the reference) and in
//! rust-hdl's own simulator (slower; it must agree). The wider builds are Verilated with the
//! crate's `lift-wide` feature.

use crate::Dut;

/// The most pairs per beat of any build (the width of [`Ports`]' lane arrays).
pub const MAX_LANES: usize = 8;

#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
/// Port values (inputs set by the caller, outputs filled by `eval`), shared by every build;
/// lane arrays past the build's pairs per beat are ignored (inputs) or left as they were
/// (outputs).
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
    /// cfg_pairs (beats per line, low 13 bits used; `cfg_single` is derived from it).
    pub cfg_pairs: u16,
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
    /// err_line (output).
    pub err_line: u8,
    /// err_wavelet (output: `cfg_wavelet` is not in the build's wavelet set).
    pub err_wavelet: u8,
    /// err_range (output: a lifting result did not fit the datapath and wrapped; only a
    /// build whose input is as wide as its datapath, the synthesis builds, can raise it).
    pub err_range: u8,
    /// in_even per lane (two's complement, low [`Build::IN_BITS`] bits used).
    pub in_even: [u32; MAX_LANES],
    /// in_odd per lane (as `in_even`).
    pub in_odd: [u32; MAX_LANES],
    /// out_low per lane (output, [`Build::OUT_BITS`]-bit two's complement).
    pub out_low: [u32; MAX_LANES],
    /// out_high per lane (output, as `out_low`).
    pub out_high: [u32; MAX_LANES],
}

crate::port_layout!(Ports, [in_valid, in_first, in_last, in_sop, out_ready, cfg_wavelet, cfg_pairs, in_ready, out_valid, out_first, out_last, out_sop, err_line, err_wavelet, err_range, in_even, in_odd, out_low, out_high]);

/// What a build of the block is: its direction, lanes and widths.
pub trait Build: Dut<Ports = Ports> {
    /// Synthesis (else analysis).
    const SYNTHESIS: bool;
    /// Sample pairs per beat (`ppc / 2`).
    const LANES: usize;
    /// Input sample bits.
    const IN_BITS: u32;
    /// Output sample bits.
    const OUT_BITS: u32;
}

crate::verilated!(LiftH, lift_h, Ports, "The analysis build at 1 pair per beat, Verilated.");
crate::verilated!(LiftHs, lift_hs, Ports, "The synthesis build at 1 pair per beat, Verilated.");
#[cfg(feature = "lift-wide")]
crate::verilated!(LiftH4, lift_h4, Ports, "The analysis build at 2 pairs per beat, Verilated.");
#[cfg(feature = "lift-wide")]
crate::verilated!(LiftH8, lift_h8, Ports, "The analysis build at 4 pairs per beat, Verilated.");
#[cfg(feature = "lift-wide")]
crate::verilated!(LiftH16, lift_h16, Ports, "The analysis build at 8 pairs per beat, Verilated.");
#[cfg(feature = "lift-wide")]
crate::verilated!(LiftHs4, lift_hs4, Ports, "The synthesis build at 2 pairs per beat, Verilated.");
#[cfg(feature = "lift-wide")]
crate::verilated!(LiftHs16, lift_hs16, Ports, "The synthesis build at 8 pairs per beat, Verilated.");
crate::hdl_sim!(HdlLiftH, uhdpipe_rtl::designs::types::lift_h, "The analysis build in rust-hdl's own simulator.");
crate::hdl_sim!(HdlLiftHs, uhdpipe_rtl::designs::types::lift_hs, "The synthesis build in rust-hdl's own simulator.");
crate::hdl_sim!(HdlLiftH4, uhdpipe_rtl::designs::types::lift_h4, "The analysis build at 2 pairs per beat in rust-hdl's own simulator.");
crate::hdl_sim!(HdlLiftH16, uhdpipe_rtl::designs::types::lift_h16, "The analysis build at 8 pairs per beat in rust-hdl's own simulator.");
crate::hdl_sim!(HdlLiftHs16, uhdpipe_rtl::designs::types::lift_hs16, "The synthesis build at 8 pairs per beat in rust-hdl's own simulator.");
crate::hdl_sim!(
    HdlLiftHLegallHaar,
    uhdpipe_rtl::designs::types::lift_h,
    uhdpipe_rtl::blocks::lift_h::LiftH::<12, 16, 31, 0, 1, 9, 9>::with_wavelets(0b11010),
    "An analysis build holding only LeGall (5,3) and the two Haars (the build-time wavelet set), in rust-hdl's own simulator."
);

/// The builds' directions, lanes and widths (`rtl-generate`: analysis 12 → 16 bits, sized
/// for any input; synthesis 20 → 20, range-checked: exact for any 16-bit input), for each of
/// their models.
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
build!(false, 1, 12, 16: LiftH, HdlLiftH, HdlLiftHLegallHaar);
build!(true, 1, 20, 20: LiftHs, HdlLiftHs);
build!(false, 2, 12, 16: HdlLiftH4);
build!(false, 8, 12, 16: HdlLiftH16);
build!(true, 8, 20, 20: HdlLiftHs16);
#[cfg(feature = "lift-wide")]
build!(false, 2, 12, 16: LiftH4);
#[cfg(feature = "lift-wide")]
build!(false, 4, 12, 16: LiftH8);
#[cfg(feature = "lift-wide")]
build!(false, 8, 12, 16: LiftH16);
#[cfg(feature = "lift-wide")]
build!(true, 2, 20, 20: LiftHs4);
#[cfg(feature = "lift-wide")]
build!(true, 8, 20, 20: LiftHs16);

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
                    u.in_even[k].next = (p.in_even[k] as u64 & mask).to_bits();
                    u.in_odd[k].next = (p.in_odd[k] as u64 & mask).to_bits();
                }
                u.cfg_pairs.next = ((p.cfg_pairs & 0x1fff) as u64).to_bits();
                u.cfg_single.next = p.cfg_pairs & 0x1fff == 1;
                u.cfg_wavelet.next = ((p.cfg_wavelet & 7) as u64).to_bits();
                self.settle();
                let u = &self.uut;
                p.in_ready = u.in_ready.val() as u8;
                p.out_valid = u.out_valid.val() as u8;
                p.out_first = u.out_first.val() as u8;
                p.out_last = u.out_last.val() as u8;
                p.out_sop = u.out_sop.val() as u8;
                p.err_line = u.err_line.val() as u8;
                p.err_wavelet = u.err_wavelet.val() as u8;
                p.err_range = u.err_range.val() as u8;
                for k in 0..<$ty as Build>::LANES {
                    p.out_low[k] = u.out_low[k].val().to_u64() as u32;
                    p.out_high[k] = u.out_high[k].val().to_u64() as u32;
                }
            }

            fn tick(&mut self) {
                self.edge();
            }
        }
    };
}
hdl_dut!(HdlLiftH);
hdl_dut!(HdlLiftHLegallHaar);
hdl_dut!(HdlLiftHs);
hdl_dut!(HdlLiftH4);
hdl_dut!(HdlLiftH16);
hdl_dut!(HdlLiftHs16);

/// Clocks to hold `cfg_wavelet` before a picture's first pair (it is decoded into registers).
pub const SETUP_CLOCKS: usize = 4;

/// What [`drive`] saw: the output lines as (even-lane, odd-lane) halves, the clocks taken and
/// the `err_line` pulses.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Run {
    /// Output lines: `(out_low…, out_high…)`, split at `out_last`.
    pub lines: Vec<(Vec<i64>, Vec<i64>)>,
    /// Clocks from the first pair offered to the last result taken.
    pub clocks: u64,
    /// `err_line` pulses.
    pub errors: usize,
    /// `out_sop` flags per output line.
    pub sops: Vec<bool>,
    /// `err_wavelet` was high at some clock.
    pub bad_wavelet: bool,
    /// `err_range` pulses.
    pub range_errors: usize,
}

/// A pair as the stream carries it: (even, odd, first, last, sop). [`drive`] sends a build
/// with `P` pairs per beat `P` of them at a time: the beat's `first` and `sop` are its first
/// pair's, its `last` its last pair's.
pub type Beat = (i64, i64, bool, bool, bool);

/// The beats of well-formed lines of `pairs` pairs (`(even, odd)` slices), `sop` on the first.
pub fn line_beats(lines: &[Vec<(i64, i64)>]) -> Vec<Beat> {
    let mut out = Vec::new();
    for (k, l) in lines.iter().enumerate() {
        for (i, &(e, o)) in l.iter().enumerate() {
            out.push((e, o, i == 0, i + 1 == l.len(), k == 0 && i == 0));
        }
    }
    out
}

/// How [`drive`] runs a stream.
#[derive(Debug, Clone, Copy, Default)]
pub struct Drive {
    /// Pairs per line (`cfg_pairs` is this over the build's pairs per beat).
    pub pairs: usize,
    /// `cfg_wavelet`.
    pub wavelet: u8,
    /// Per-mille chance of withholding input on a clock.
    pub idle: u32,
    /// Per-mille chance of withholding `out_ready` on a clock.
    pub stall: u32,
    /// Seed of the idle/stall draws.
    pub seed: u64,
    /// Stop after this many output pairs; 0: when the block has been quiet for 100 clocks
    /// after the last beat.
    pub want: usize,
}

/// Drives `pairs` (grouped into beats of the build's lanes: their number must be a multiple
/// of it) through `dut` as `d` says. Panics if the block stops making progress.
pub fn drive<B: Build>(dut: &mut B, pairs_in: &[Beat], d: &Drive) -> Run {
    let out_bits = B::OUT_BITS;
    let lanes = B::LANES;
    assert!(pairs_in.len().is_multiple_of(lanes) && d.pairs.is_multiple_of(lanes), "{} pairs, lines of {}: not whole beats of {lanes}", pairs_in.len(), d.pairs);
    let beats: Vec<&[Beat]> = pairs_in.chunks(lanes).collect();
    let Drive { pairs, wavelet, idle, stall, seed, want } = *d;
    let mut chance = crate::Chance::new(seed);
    let mut run = Run::default();
    let base = Ports { cfg_pairs: (pairs / lanes) as u16, cfg_wavelet: wavelet, ..Ports::default() };
    for _ in 0..SETUP_CLOCKS {
        let mut p = base;
        dut.eval(&mut p);
        dut.tick();
    }
    let (mut next, mut got, mut quiet) = (0usize, 0usize, 0u64);
    let mut line: (Vec<i64>, Vec<i64>) = Default::default();
    let limit = 200 * beats.len() as u64 + 2000;
    loop {
        if want > 0 && got >= want {
            break;
        }
        if want == 0 && next >= beats.len() && quiet > 100 {
            break;
        }
        let mut p = base;
        if next < beats.len() && !chance.hit(idle) {
            let bt = beats[next];
            p = Ports { in_valid: 1, in_first: bt[0].2 as u8, in_last: bt[lanes - 1].3 as u8, in_sop: bt[0].4 as u8, ..p };
            for (k, &(e, o, ..)) in bt.iter().enumerate() {
                p.in_even[k] = e as u32;
                p.in_odd[k] = o as u32;
            }
        }
        p.out_ready = !chance.hit(stall) as u8;
        dut.eval(&mut p);
        if p.in_valid == 1 && p.in_ready == 1 {
            next += 1;
        }
        run.errors += p.err_line as usize;
        run.bad_wavelet |= p.err_wavelet == 1;
        run.range_errors += p.err_range as usize;
        quiet += 1;
        if p.out_valid == 1 && p.out_ready == 1 {
            quiet = 0;
            got += lanes;
            if line.0.is_empty() {
                run.sops.push(p.out_sop == 1);
            }
            if p.out_first == 1 && !line.0.is_empty() {
                // a line cut short upstream: its tail never had out_last
                run.lines.push(std::mem::take(&mut line));
                run.sops.push(p.out_sop == 1);
            }
            for k in 0..lanes {
                line.0.push(crate::sext(p.out_low[k], out_bits));
                line.1.push(crate::sext(p.out_high[k], out_bits));
            }
            if p.out_last == 1 {
                run.lines.push(std::mem::take(&mut line));
            }
        }
        dut.tick();
        run.clocks += 1;
        assert!(run.clocks < limit, "the block stopped making progress ({got} of {want} pairs out)");
    }
    if !line.0.is_empty() {
        run.lines.push(line);
    }
    run
}
