//! `uhdpipe_lift_h` and `uhdpipe_lift_hs` (rtl/src/blocks/lift_h.rs: the horizontal wavelet
//! transform of a line for every VC-2 wavelet, two samples per clock): analysis with 12-bit
//! samples in and 16-bit coefficients out, and synthesis with 16-bit coefficients in and
//! 20-bit samples out. Each is simulated two ways behind one [`Dut`] trait: Verilated from the
//! committed Verilog (the reference) and in rust-hdl's own simulator (slower; it must agree).

use crate::Dut;

#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
/// Port values (inputs set by the caller, outputs filled by `eval`), shared by both builds.
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
    /// cfg_pairs (pairs per line, low 13 bits used; `cfg_single` is derived from it).
    pub cfg_pairs: u16,
    /// in_even (two's complement, low [`Build::IN_BITS`] bits used).
    pub in_even: u32,
    /// in_odd (as `in_even`).
    pub in_odd: u32,
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
    /// build whose input is as wide as its datapath, `lift_hs`, can raise it).
    pub err_range: u8,
    /// out_low (output, [`Build::OUT_BITS`]-bit two's complement).
    pub out_low: u32,
    /// out_high (output, as `out_low`).
    pub out_high: u32,
}

/// What a build of the block is: its direction and widths.
pub trait Build: Dut<Ports = Ports> {
    /// Synthesis (else analysis).
    const SYNTHESIS: bool;
    /// Input sample bits.
    const IN_BITS: u32;
    /// Output sample bits.
    const OUT_BITS: u32;
}

crate::verilated!(LiftH, "lift_h", Ports, "The analysis build, Verilated.");
crate::verilated!(LiftHs, "lift_hs", Ports, "The synthesis build, Verilated.");
crate::hdl_sim!(HdlLiftH, uhdpipe_rtl::blocks::lift_h::LiftH<12, 16, 31, 0>, "The analysis build in rust-hdl's own simulator.");
crate::hdl_sim!(HdlLiftHs, uhdpipe_rtl::blocks::lift_h::LiftH<20, 20, 35, 1>, "The synthesis build in rust-hdl's own simulator.");
crate::hdl_sim!(
    HdlLiftHLegallHaar,
    uhdpipe_rtl::blocks::lift_h::LiftH<12, 16, 31, 0>,
    uhdpipe_rtl::blocks::lift_h::LiftH::<12, 16, 31, 0>::with_wavelets(0b11010),
    "An analysis build holding only LeGall (5,3) and the two Haars (the build-time wavelet set), in rust-hdl's own simulator."
);

/// The two generated builds' directions and widths (`rtl-generate`: analysis 12 → 16 bits,
/// sized for any input; synthesis 20 → 20, range-checked: exact for any 16-bit input), for
/// each of their models.
macro_rules! build {
    ($syn:literal, $in_bits:literal, $out_bits:literal: $($ty:ident),+) => {
        $(impl Build for $ty {
            const SYNTHESIS: bool = $syn;
            const IN_BITS: u32 = $in_bits;
            const OUT_BITS: u32 = $out_bits;
        })+
    };
}
build!(false, 12, 16: LiftH, HdlLiftH, HdlLiftHLegallHaar);
build!(true, 20, 20: LiftHs, HdlLiftHs);

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
                u.in_even.next = (p.in_even as u64 & mask).to_bits();
                u.in_odd.next = (p.in_odd as u64 & mask).to_bits();
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
                p.out_low = u.out_low.val().to_u64() as u32;
                p.out_high = u.out_high.val().to_u64() as u32;
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

/// A pair as the stream carries it: (even, odd, first, last, sop).
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
    /// `cfg_pairs`: pairs per line.
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

/// Drives `beats` through `dut` as `d` says. Panics if the block stops making progress.
pub fn drive<B: Build>(dut: &mut B, beats: &[Beat], d: &Drive) -> Run {
    let out_bits = B::OUT_BITS;
    let Drive { pairs, wavelet, idle, stall, seed, want } = *d;
    let mut chance = crate::Chance::new(seed);
    let mut run = Run::default();
    let base = Ports { cfg_pairs: pairs as u16, cfg_wavelet: wavelet, ..Ports::default() };
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
            let (e, o, f, l, s) = beats[next];
            p = Ports { in_valid: 1, in_even: e as u32, in_odd: o as u32, in_first: f as u8, in_last: l as u8, in_sop: s as u8, ..p };
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
            got += 1;
            if line.0.is_empty() {
                run.sops.push(p.out_sop == 1);
            }
            if p.out_first == 1 && !line.0.is_empty() {
                // a line cut short upstream: its tail never had out_last
                run.lines.push(std::mem::take(&mut line));
                run.sops.push(p.out_sop == 1);
            }
            line.0.push(crate::sext(p.out_low, out_bits));
            line.1.push(crate::sext(p.out_high, out_bits));
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
