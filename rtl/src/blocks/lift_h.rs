//! Horizontal wavelet transform of a line for **every VC-2 wavelet** (indices 0–6:
//! Deslauriers-Dubuc (9,7), LeGall (5,3), Deslauriers-Dubuc (13,7), Haar without and with
//! shift, Fidelity, Daubechies (9,7)), chosen at run time, `2P` samples (`P` pairs) per clock.
//!
//! **Function.** Analysis (`S = 0`): each line of `2N` samples `x` becomes its low and high
//! halves `(L_n, H_n)` — exactly `uhdpipe_model::wavelet::analysis_1d(line, w)`: the
//! samples are scaled by `filter_bit_shift` (`e_n = x_{2n} << b`, `o_n = x_{2n+1} << b`), then
//! the wavelet's lifting stages run in reverse order, each inverted (ST 2042-1 15.4.4.1 in
//! reverse, as the encoder does). Synthesis (`S = 1`): a line's `(L_n, H_n)` pairs become the
//! samples `(x_{2n}, x_{2n+1})` — 15.4.4.2 `oned_synthesis` then `(x + 1) >> 1` when
//! `filter_bit_shift` is 1.
//!
//! **Structure.** Four [`super::lift_unit`]s in a row, one per lifting position (the
//! Daubechies (9,7) filter has four steps; every other wavelet has two and passes through the
//! other two units unchanged). Unit `k` of synthesis holds the `k`-th step of every
//! four-step wavelet and the steps of the two-step ones in the positions of their target
//! parity (even-target steps in units 0 and 2, odd in 1 and 3); analysis runs the same units
//! in reverse order with each step's add and subtract swapped. The steps' taps, offsets and
//! shifts come from the model's table (`uhdpipe_model::tables::LIFTING_FILTERS`), so the
//! hardware and the model cannot disagree on a coefficient. The constant multiplications are
//! shift-and-add ([`super::lift_mac`]).
//!
//! **Lanes.** A beat carries pairs `n = bP … bP + P − 1` of a line in lanes `0 … P − 1`
//! (`in_even[k]`, `in_odd[k]`; `out_low[k]`, `out_high[k]`); lines are whole beats. Each
//! unit's window spans the beats around its centre beat, so every lane sees its neighbours
//! four pairs either way across the beats' edges ([`super::lift_unit`]). `P = 1` is the
//! two-samples-per-clock build; `P = 2, 4, 8` serve 4, 8 and 16 samples per clock.
//!
//! **Throughput:** one beat in and one beat out per clock, lines back to back. **Latency:**
//! the same for every wavelet: each unit holds a beat until `⌈4/P⌉` more have entered (or
//! its line ends), plus 9 clocks of pipeline; at full rate `4 · (9 + ⌈4/P⌉)` clocks in all:
//! 52, 44, 40, 40 at `P` = 1, 2, 4, 8 (a line's last beat, flushed, takes as long).
//!
//! **Handshake.** Video streams (crate docs); `in_ready` is a register.
//!
//! **Protocol errors.** Lines are `cfg_pairs` beats long. The first unit counts pairs and
//! checks the markers exactly as [`super::legall_h`] does: any mismatch pulses `err_line`,
//! and the block resynchronises so that the next well-formed line comes out exactly right (a
//! pair where a line should start without `in_first` is dropped with every pair up to the
//! next `in_first`; `in_first` inside a line starts a new line and ends the broken one there;
//! an early `in_last` ends the line; a line reaching `cfg_pairs` without `in_last` is ended
//! and its surplus dropped). The lifting units see only well-formed lines.
//!
//! **Wavelet set** (build time, [`LiftH::with_wavelets`]): a build may hold any subset of
//! the seven; the steps only the others use are not built (a LeGall-and-Haar build keeps two
//! of the twelve variants' MACs), and `err_wavelet` is high while `cfg_wavelet` names a
//! wavelet outside the set.
//!
//! **Reset:** none needed. **Run-time registers:** `cfg_pairs`, `cfg_single`,
//! `cfg_wavelet` — set them at least three clocks before a picture's first pair and change
//! them only while the block is empty.
//!
//! **Build-time parameters:** `W` input bits; `V` datapath and output bits (analysis needs
//! [`analysis_bits`]`(W)`, synthesis [`synthesis_bits`]`(W)`); `A` the MACs' accumulator
//! bits ([`accumulator_bits`]`(W, S)`; `V + 15` always suffices: the largest coefficient sum
//! is Daubechies' `2 · 6497`); `S` the direction (0 analysis, 1 synthesis); `P` pairs per
//! beat (1, 2, 4, 8); `B` = [`window_beats`]`(P)` and `F = B·P`, the units' window (stable
//! Rust cannot compute them from `P`).

pub use super::lift_unit::window_beats;
use super::lift_unit::{LiftUnit, Variant};
use super::sext::Sext;
use rust_hdl::prelude::*;
use uhdpipe_model::tables::LIFTING_FILTERS;
use uhdpipe_model::wavelet::{analysis_stages, stages_bound};

/// Lifting positions (the most steps any VC-2 wavelet has: Daubechies (9,7)).
pub const POSITIONS: usize = 4;

/// The synthesis position (0..4) of each stage of `filter`: four-step filters fill all
/// four; two-step ones start at 0 if their first step targets the even samples, else at 1.
pub fn positions(filter: usize) -> Vec<usize> {
    let st = LIFTING_FILTERS[filter].stages;
    let first = if st.len() == POSITIONS || st[0].lift.targets_even() { 0 } else { 1 };
    (0..st.len()).map(|i| first + i).collect()
}

/// The variants of synthesis position `pos`: every wavelet's step in that position, equal
/// steps merged (LeGall and DD (9,7) share their first step, the two DD filters their second,
/// the two Haars both). For analysis (`synthesis` false) each step subtracts what synthesis
/// adds and vice versa.
pub fn variants(pos: usize, synthesis: bool) -> Vec<Variant> {
    let mut out: Vec<Variant> = Vec::new();
    for (w, f) in LIFTING_FILTERS.iter().enumerate() {
        for (st, p) in f.stages.iter().zip(positions(w)) {
            if p != pos {
                continue;
            }
            assert_eq!(st.lift.targets_even(), pos.is_multiple_of(2), "wavelet {w}: step in the wrong parity");
            let v = Variant {
                taps: st.taps.iter().map(|&t| t as i64).collect(),
                base: st.source_base() as i32,
                shift: st.shift,
                sub: st.lift.adds() != synthesis,
                wavelets: 0,
            };
            match out.iter_mut().find(|o| Variant { wavelets: 0, ..(*o).clone() } == v) {
                Some(o) => o.wavelets |= 1 << w,
                None => out.push(Variant { wavelets: 1 << w, ..v }),
            }
        }
    }
    out
}

/// Bit mask of the wavelets whose `filter_bit_shift` is 0.
pub fn noshift_mask() -> u8 {
    LIFTING_FILTERS.iter().enumerate().filter(|(_, f)| f.bit_shift == 0).fold(0, |m, (w, _)| m | 1 << w)
}

/// Bounds of one pass over inputs of magnitude up to `m_in`, over every wavelet, from the
/// model's lifting bound (`stages_bound`): (the largest sample — with `scaled`, analysis
/// includes the input scaling by `filter_bit_shift` and synthesis the output shift's `+1` —
/// and the largest value of any kind, the weighted sums before their shift included: what
/// the MACs' accumulators hold). Horizontal passes are `scaled`, vertical ones not.
pub(crate) fn pass_bounds(m_in: u128, synthesis: bool, scaled: bool) -> (u128, u128) {
    (0..LIFTING_FILTERS.len()).fold((m_in, 0), |(out, acc), f| {
        let (o, peak) = if synthesis {
            let (o, p) = stages_bound(m_in, LIFTING_FILTERS[f].stages);
            (o + scaled as u128, p)
        } else {
            let shift = if scaled { LIFTING_FILTERS[f].bit_shift } else { 0 };
            stages_bound(m_in << shift, &analysis_stages(f))
        };
        (out.max(o), acc.max(peak).max(o))
    })
}

/// Two's complement bits for magnitudes up to `m`.
pub(crate) fn bits_for(m: u128) -> usize {
    (128 - m.leading_zeros()) as usize + 1
}

/// Accumulator bits `A` the MACs of a range-checked build with `V`-bit lanes need (every
/// wavelet, both directions): every step's weighted sum of `V`-bit samples plus its rounding
/// term. (A range-checked stage never takes a wider input: a result that does not fit `V`
/// bits is flagged, not passed on wider.)
pub fn checked_accumulator_bits(v: usize) -> usize {
    let m = 1u128 << (v - 1);
    let sum = LIFTING_FILTERS.iter().flat_map(|f| f.stages).map(|s| s.taps.iter().map(|&c| c.unsigned_abs() as u128).sum::<u128>() * m + (1u128 << s.shift >> 1)).max().unwrap_or(0);
    bits_for(sum)
}

/// Datapath bits `V` an analysis build with `W`-bit input needs (every wavelet).
pub fn analysis_bits(w: usize) -> usize {
    bits_for(pass_bounds(1 << (w - 1), false, true).0)
}

/// Datapath bits `V` a synthesis build with `W`-bit input needs (every wavelet).
pub fn synthesis_bits(w: usize) -> usize {
    bits_for(pass_bounds(1 << (w - 1), true, true).0)
}

/// Accumulator bits `A` the MACs of a build with `W`-bit input need (every wavelet).
pub fn accumulator_bits(w: usize, synthesis: bool) -> usize {
    bits_for(pass_bounds(1 << (w - 1), synthesis, true).1)
}

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftH<const W: usize, const V: usize, const A: usize, const S: usize, const P: usize, const B: usize, const F: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Input stream: a beat of `P` pairs is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes it at this edge (a register).
    pub in_ready: Signal<Out, Bit>,
    /// Input stream, lane `k` (`n = bP + k`): analysis `x_{2n}`, synthesis `L_n`; `W`-bit
    /// two's complement.
    pub in_even: [Signal<In, Bits<W>>; P],
    /// Input stream, lane `k`: analysis `x_{2n+1}`, synthesis `H_n`; `W`-bit two's complement.
    pub in_odd: [Signal<In, Bits<W>>; P],
    /// Input stream: first beat of a line.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last beat of a line.
    pub in_last: Signal<In, Bit>,
    /// Input stream: start of picture (with `in_first`), carried to the line's first output.
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: beats per line (pairs / `P`), 1..=4096.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: `cfg_pairs == 1`.
    pub cfg_single: Signal<In, Bit>,
    /// Run-time register: VC-2 wavelet index, 0..=6.
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Protocol error: high for one clock when a line breaks the framing.
    pub err_line: Signal<Out, Bit>,
    /// Configuration error: high (a level, from a register) while `cfg_wavelet` names a
    /// wavelet this build does not hold ([`LiftH::with_wavelets`]); the output is then
    /// meaningless (the missing steps pass the samples through).
    pub err_wavelet: Signal<Out, Bit>,
    /// Range error: high for one clock, a few clocks after a sample that does not fit `V`
    /// bits left a lifting step (it travels on wrapped). A build sized by [`synthesis_bits`]
    /// (or [`analysis_bits`]) never raises it; one sized from `vc2-bit-widths` for real
    /// streams raises it on a corrupt one.
    pub err_range: Signal<Out, Bit>,
    /// Output stream: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Output stream, lane `k`: analysis `L_n`, synthesis `x_{2n}`; `V`-bit two's complement.
    pub out_low: [Signal<Out, Bits<V>>; P],
    /// Output stream, lane `k`: analysis `H_n`, synthesis `x_{2n+1}`; `V`-bit two's complement.
    pub out_high: [Signal<Out, Bits<V>>; P],
    /// Output stream: first beat of a line.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last beat of a line.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: start of picture.
    pub out_sop: Signal<Out, Bit>,
    u0: LiftUnit<V, A, P, B, F>,
    u1: LiftUnit<V, A, P, B, F>,
    u2: LiftUnit<V, A, P, B, F>,
    u3: LiftUnit<V, A, P, B, F>,
    syn: Constant<Bit>,
    nsmask: Constant<Bits<8>>,
    wset: Constant<Bits<8>>,
    bad: DFF<Bit>,
    rng: DFF<Bit>,
    one8: Constant<Bits<8>>,
    noshift: DFF<Bit>,
    // the input lanes, sign-extended
    se: [Sext<W, V>; P],
    so: [Sext<W, V>; P],
}

/// Every VC-2 wavelet (bit `w` for wavelet index `w`).
pub const ALL_WAVELETS: u8 = 0x7f;

/// [`variants`] restricted to the wavelets in `set` (bit `w` for index `w`): variants no
/// wavelet of the set uses are left out of the build.
pub fn variants_in(pos: usize, synthesis: bool, set: u8) -> Vec<Variant> {
    variants(pos, synthesis).into_iter().filter_map(|v| (v.wavelets & set != 0).then_some(Variant { wavelets: v.wavelets & set, ..v })).collect()
}

impl<const W: usize, const V: usize, const A: usize, const S: usize, const P: usize, const B: usize, const F: usize> Default for LiftH<W, V, A, S, P, B, F> {
    /// Every wavelet.
    fn default() -> Self {
        Self::with_wavelets(ALL_WAVELETS)
    }
}

impl<const W: usize, const V: usize, const A: usize, const S: usize, const P: usize, const B: usize, const F: usize> LiftH<W, V, A, S, P, B, F> {
    /// A build holding only the wavelets in `set` (bit `w` for VC-2 index `w`; the
    /// build-time wavelet set): the others' lifting steps are not built, and selecting one of
    /// them raises `err_wavelet`.
    pub fn with_wavelets(set: u8) -> Self {
        assert!(S < 2 && V >= W && V < 64 && A >= V + 15 && A < 64);
        assert!(set != 0 && set & !ALL_WAVELETS == 0, "wavelet set {set:#x}");
        let syn = S == 1;
        // data-flow order: synthesis positions 0..3, analysis 3..0
        let unit = |k: usize| {
            let pos = if syn { k } else { POSITIONS - 1 - k };
            LiftUnit::new(pos % 2 == 1, &variants_in(pos, syn, set), syn && k == POSITIONS - 1, k == 0)
        };
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_even: std::array::from_fn(|_| Default::default()),
            in_odd: std::array::from_fn(|_| Default::default()),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            cfg_pairs: Default::default(),
            cfg_single: Default::default(),
            cfg_wavelet: Default::default(),
            err_line: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_low: std::array::from_fn(|_| Default::default()),
            out_high: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            u0: unit(0),
            u1: unit(1),
            u2: unit(2),
            u3: unit(3),
            syn: Constant::new(syn),
            nsmask: Constant::new((noshift_mask() as u64).to_bits()),
            wset: Constant::new((set as u64).to_bits()),
            err_wavelet: Default::default(),
            bad: Default::default(),
            err_range: Default::default(),
            rng: Default::default(),
            one8: Constant::new(1u64.to_bits()),
            noshift: Default::default(),
            se: std::array::from_fn(|_| Default::default()),
            so: std::array::from_fn(|_| Default::default()),
        }
    }
}

impl<const W: usize, const V: usize, const A: usize, const S: usize, const P: usize, const B: usize, const F: usize> Logic for LiftH<W, V, A, S, P, B, F> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, noshift, bad, rng);
        self.rng.d.next = self.u0.err_range.val() | self.u1.err_range.val() | self.u2.err_range.val() | self.u3.err_range.val();
        self.err_range.next = self.rng.q.val();
        self.u0.clock.next = self.clock.val();
        self.u1.clock.next = self.clock.val();
        self.u2.clock.next = self.clock.val();
        self.u3.clock.next = self.clock.val();
        self.noshift.d.next = (self.nsmask.val() & (self.one8.val() << self.cfg_wavelet.val())).any();
        self.bad.d.next = !(self.wset.val() & (self.one8.val() << self.cfg_wavelet.val())).any();
        self.err_wavelet.next = self.bad.q.val();
        self.u0.cfg_wavelet.next = self.cfg_wavelet.val();
        self.u1.cfg_wavelet.next = self.cfg_wavelet.val();
        self.u2.cfg_wavelet.next = self.cfg_wavelet.val();
        self.u3.cfg_wavelet.next = self.cfg_wavelet.val();
        self.u0.cfg_shift.next = !self.noshift.q.val();
        self.u1.cfg_shift.next = !self.noshift.q.val();
        self.u2.cfg_shift.next = !self.noshift.q.val();
        self.u3.cfg_shift.next = !self.noshift.q.val();
        self.in_ready.next = self.u0.in_ready.val();
        self.u0.cfg_pairs.next = self.cfg_pairs.val();
        self.u0.cfg_single.next = self.cfg_single.val();
        self.u1.cfg_pairs.next = self.cfg_pairs.val();
        self.u1.cfg_single.next = self.cfg_single.val();
        self.u2.cfg_pairs.next = self.cfg_pairs.val();
        self.u2.cfg_single.next = self.cfg_single.val();
        self.u3.cfg_pairs.next = self.cfg_pairs.val();
        self.u3.cfg_single.next = self.cfg_single.val();
        // (only the first unit frames; the others' err_line is constant low)
        self.err_line.next = self.u0.err_line.val() | self.u1.err_line.val() | self.u2.err_line.val() | self.u3.err_line.val();
        // Input: sign-extend; analysis scales by filter_bit_shift.
        self.u0.in_valid.next = self.in_valid.val();
        for k in 0..P {
            self.se[k].a.next = self.in_even[k].val();
            self.so[k].a.next = self.in_odd[k].val();
            self.u0.in_e[k].next = self.se[k].y.val();
            self.u0.in_o[k].next = self.so[k].y.val();
            if !self.syn.val() & !self.noshift.q.val() {
                self.u0.in_e[k].next = self.se[k].y.val() << 1;
                self.u0.in_o[k].next = self.so[k].y.val() << 1;
            }
        }
        self.u0.in_first.next = self.in_first.val();
        self.u0.in_last.next = self.in_last.val();
        self.u0.in_sop.next = self.in_sop.val();
        // The units in a row.
        self.u1.in_valid.next = self.u0.out_valid.val();
        for k in 0..P {
            self.u1.in_e[k].next = self.u0.out_e[k].val();
            self.u1.in_o[k].next = self.u0.out_o[k].val();
        }
        self.u1.in_first.next = self.u0.out_first.val();
        self.u1.in_last.next = self.u0.out_last.val();
        self.u1.in_sop.next = self.u0.out_sop.val();
        self.u0.out_ready.next = self.u1.in_ready.val();
        self.u2.in_valid.next = self.u1.out_valid.val();
        for k in 0..P {
            self.u2.in_e[k].next = self.u1.out_e[k].val();
            self.u2.in_o[k].next = self.u1.out_o[k].val();
        }
        self.u2.in_first.next = self.u1.out_first.val();
        self.u2.in_last.next = self.u1.out_last.val();
        self.u2.in_sop.next = self.u1.out_sop.val();
        self.u1.out_ready.next = self.u2.in_ready.val();
        self.u3.in_valid.next = self.u2.out_valid.val();
        for k in 0..P {
            self.u3.in_e[k].next = self.u2.out_e[k].val();
            self.u3.in_o[k].next = self.u2.out_o[k].val();
        }
        self.u3.in_first.next = self.u2.out_first.val();
        self.u3.in_last.next = self.u2.out_last.val();
        self.u3.in_sop.next = self.u2.out_sop.val();
        self.u2.out_ready.next = self.u3.in_ready.val();
        self.out_valid.next = self.u3.out_valid.val();
        for k in 0..P {
            self.out_low[k].next = self.u3.out_e[k].val();
            self.out_high[k].next = self.u3.out_o[k].val();
        }
        self.out_first.next = self.u3.out_first.val();
        self.out_last.next = self.u3.out_last.val();
        self.out_sop.next = self.u3.out_sop.val();
        self.u3.out_ready.next = self.out_ready.val();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_position_and_the_window_holds_it() {
        for w in 0..7 {
            let p = positions(w);
            assert!(p.iter().all(|&p| p < POSITIONS), "wavelet {w}");
        }
        for pos in 0..POSITIONS {
            let v = variants(pos, true);
            assert!(v.len() <= super::super::lift_unit::VARIANTS);
            for x in &v {
                assert!(x.base >= -4 && x.base + x.taps.len() as i32 <= 5);
            }
        }
        // LeGall and DD (9,7) share their first synthesis step; the Haars share both.
        assert!(variants(0, true).iter().any(|v| v.wavelets == 0b11));
        assert!(variants(1, true).iter().any(|v| v.wavelets == 0b11000));
    }

    #[test]
    fn built_widths_hold_the_worst_case() {
        // the generated builds (rtl-generate): analysis 12 -> 16 bits; synthesis 20 -> 20
        // range-checked, exact for any 16-bit input
        assert!(analysis_bits(12) <= 16, "{}", analysis_bits(12));
        assert!(synthesis_bits(16) <= 20, "{}", synthesis_bits(16));
        // and their accumulators (A = 31, 35)
        assert!(accumulator_bits(12, false) <= 31, "{}", accumulator_bits(12, false));
        assert!(checked_accumulator_bits(20).max(20 + 15) <= 35, "{}", checked_accumulator_bits(20));
        // the bound grows with every wavelet's gain: LeGall alone would need fewer
        assert!(analysis_bits(12) > 12 + 1);
    }

    #[test]
    fn a_wavelet_set_keeps_only_its_steps() {
        // LeGall (1) and the Haars (3, 4): positions 0 and 1 only, two variants each
        let set = 0b11010;
        for pos in 0..POSITIONS {
            let v = variants_in(pos, false, set);
            assert_eq!(v.len(), if pos < 2 { 2 } else { 0 }, "position {pos}");
            assert!(v.iter().all(|x| x.wavelets & !set == 0));
        }
        assert_eq!((0..POSITIONS).map(|p| variants_in(p, true, ALL_WAVELETS).len()).sum::<usize>(), 12);
    }

    #[test]
    fn csd_digits_sum_to_the_coefficients() {
        for f in LIFTING_FILTERS {
            for st in f.stages {
                for &t in st.taps {
                    let d = super::super::lift_mac::csd(t as i64);
                    assert!(d.len() <= super::super::lift_mac::DIGITS);
                    assert_eq!(d.iter().map(|&(k, s)| s << k).sum::<i64>(), t as i64);
                }
            }
        }
    }
}
