//! One lifting step along a line, for every VC-2 wavelet that has a step in this position:
//! ST 2042-1 15.4.4.1 `lift1`…`lift4` on a stream of sample pairs, `P` pairs per clock.
//!
//! **Function.** The stream carries a line's de-interleaved pairs `(e_n, o_n)`, a beat
//! holding pairs `n = bP … bP + P − 1` in lanes `0 … P − 1`. The unit updates one parity
//! (fixed at build time: the *target*) from a window of the other (the *source*):
//! `t_n ±= (Σ_j c_j · s_{clamp(n + base + j)} + r) >> S`, the source index clamped to the
//! line (`0..N−1`), exactly the model's `lift_line`. Which step it is — taps, offset, shift,
//! add or subtract — is chosen at run time by `cfg_wavelet` from the *variants* the unit was
//! built with ([`LiftUnit::new`]); a wavelet with no step here passes the pairs through
//! unchanged (with the same latency). Each lane ([`super::lift_unit_lane`]) holds one
//! [`super::lift_mac`] per variant: shift and add, no multiplier.
//!
//! **Window.** `B` beats (`F = B·P` pairs): the centre beat and `K = ⌈4/P⌉` beats on each
//! side ([`window_beats`]), so every lane sees its sources at offsets −4..=+4. A shift
//! register that advances a beat when one arrives, or with no input while a line's last beat
//! has not yet left the centre and no beat of the next line has entered (the flush: a line's
//! tail needs no further input, so lines may come with gaps and the last line of a picture
//! is not held back; once the next line has begun, the window waits for its beats, so that
//! no gap ever lands inside a line). Offsets past a line's last pair take the last pair's
//! source, offsets before its first pair the first's (the clamp), so lines follow each other
//! with no gap. Lines are whole beats, so the clamp is decided per beat and the same for
//! every lane.
//!
//! **Framing** (built with `framing`: the first unit of a row). Lines are `cfg_pairs` beats
//! long; the unit counts beats and checks the markers exactly as [`super::legall_h`] does:
//! any mismatch pulses `err_line`, and the unit resynchronises so that the next well-formed
//! line comes out exactly right (a beat where a line should start without `in_first` is
//! dropped with every beat up to the next `in_first`; `in_first` inside a line starts a new
//! line; an early `in_last` ends the line; a line reaching `cfg_pairs` without `in_last` is
//! ended and its surplus dropped). Units built without it trust `in_first`/`in_last`.
//!
//! **Throughput:** one beat per clock in and out, lines back to back. **Latency:** `9 + K`
//! clocks at full rate: a beat enters the window, leaves it `K` beats later (or at the
//! flush), then eight clocks: tap register, the MAC's four, the selected variant's register,
//! the result register, the output queue.
//!
//! **Handshake.** Video streams (crate docs). `in_ready` is the output queue's "second entry
//! empty" register, the enable of every stage. **Reset:** none; registers start empty.
//!
//! **Post-shift** (built with `post_shift`, the last step of synthesis): when `cfg_shift` is
//! high both samples leave as `(x + 1) >> 1` (`filter_bit_shift` 1 undone, 15.4.4.2); the
//! `+1` is added in the delay line, so the result register keeps one adder.
//!
//! **Build-time parameters:** `V` sample bits (two's complement, the parent sizes it from the
//! worst case); `A` MAC accumulator bits (`V` plus the coefficient growth); `P` pairs per
//! beat (1, 2, 4, 8: 2 to 16 samples per clock); `B` = [`window_beats`]`(P)` and `F = B·P`
//! (stable Rust cannot compute them from `P`).

use super::lift_unit_lane::LiftUnitLane;
use super::pair_queue::PairQueue;
use rust_hdl::prelude::*;

/// Variants a unit can hold (the most any position has: LeGall, Deslauriers-Dubuc, Haar,
/// Fidelity and Daubechies in the second synthesis step).
pub const VARIANTS: usize = 5;

/// One variant: the lifting step it computes and the wavelets that select it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// Tap weights.
    pub taps: Vec<i64>,
    /// Source offset of the first tap relative to the target index.
    pub base: i32,
    /// Right shift `S`.
    pub shift: u32,
    /// Subtract (else add).
    pub sub: bool,
    /// Bit `w` set: VC-2 wavelet index `w` uses this variant.
    pub wavelets: u8,
}

/// Window beats `B` a unit with `P` pairs per beat needs: the centre beat and `⌈4/P⌉` on
/// each side (sources reach four pairs either way).
pub const fn window_beats(p: usize) -> usize {
    2 * 4usize.div_ceil(p) + 1
}

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftUnit<const V: usize, const A: usize, const P: usize, const B: usize, const F: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Input stream: a beat is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the unit takes it at this edge (a register).
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: lane `k`'s even sample `e_n` (`n = bP + k`), `V`-bit two's complement.
    pub in_e: [Signal<In, Bits<V>>; P],
    /// Input stream: lane `k`'s odd sample `o_n`, `V`-bit two's complement.
    pub in_o: [Signal<In, Bits<V>>; P],
    /// Input stream: first beat of a line.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last beat of a line.
    pub in_last: Signal<In, Bit>,
    /// Input stream: start of picture (carried).
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: VC-2 wavelet index 0..=6 (change between pictures, with the unit
    /// empty, at least two clocks before the next beat: it is decoded into registers).
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Run-time register (framing unit only): beats per line, 1..=4096.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register (framing unit only): `cfg_pairs == 1`.
    pub cfg_single: Signal<In, Bit>,
    /// Protocol error (framing unit only; else low): high for one clock when a line breaks
    /// the framing.
    pub err_line: Signal<Out, Bit>,
    /// Run-time register: undo `filter_bit_shift` 1 on the way out (used only when built with
    /// `post_shift`).
    pub cfg_shift: Signal<In, Bit>,
    /// Output stream: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: lane `k`'s even sample.
    pub out_e: [Signal<Out, Bits<V>>; P],
    /// Output stream: lane `k`'s odd sample.
    pub out_o: [Signal<Out, Bits<V>>; P],
    /// Output stream: first beat of a line.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last beat of a line.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: start of picture.
    pub out_sop: Signal<Out, Bit>,
    /// Range error: high for one clock when a beat in which some lane's target (or, with the
    /// post-shift, either sample) does not fit `V` bits enters the output queue — the lifting
    /// step's bracket, the update `t ± y` or the post-shift's `+1` wrapped. The beat leaves
    /// wrapped. Only a parent sized from the worst *real* stream (`vc2-bit-widths`) can see it.
    pub err_range: Signal<Out, Bit>,
    lanes: [LiftUnitLane<V, A>; P],
    odd_t: Constant<Bit>,
    framing: Constant<Bit>,
    // framing (built with `framing`; see the module docs)
    cfg_m2: Signal<Local, Bits<13>>,
    r_m1: Signal<Local, Bits<13>>,
    at_end: Signal<Local, Bit>,
    eff_first: Signal<Local, Bit>,
    eff_last: Signal<Local, Bit>,
    accept: Signal<Local, Bit>,
    err_now: Signal<Local, Bit>,
    r: DFF<Bits<13>>,
    in_line: DFF<Bit>,
    dropping: DFF<Bit>,
    err: DFF<Bit>,
    iv: Signal<Local, Bit>,
    ifirst: Signal<Local, Bit>,
    ilast: Signal<Local, Bit>,
    vmask: [Constant<Bits<8>>; VARIANTS],
    one8: Constant<Bits<8>>,
    // window, oldest first: beat markers (beat K the centre) and the pairs (pair f of beat
    // f / P in lane f % P)
    wv: [DFF<Bit>; B],
    wf: [DFF<Bit>; B],
    wl: [DFF<Bit>; B],
    ws: [DFF<Bit>; B],
    we: [DFF<Bits<V>>; F],
    wo: [DFF<Bits<V>>; F],
    src: [Signal<Local, Bits<V>>; F],
    cx: [Signal<Local, Bits<V>>; F],
    // the clamp: a beat right of the centre lies past the line's end, left before its start
    sr: [Signal<Local, Bit>; B],
    sl: [Signal<Local, Bit>; B],
    flush: Signal<Local, Bit>,
    // the newest beat that entered the window ended its line
    tail: DFF<Bit>,
    adv: Signal<Local, Bit>,
    free: Signal<Local, Bit>,
    wbit: Signal<Local, Bits<8>>,
    sel: [DFF<Bit>; VARIANTS],
    // the centre beat's markers beside the lanes: tap register, the MAC's four and the
    // variant select, the result register
    r0v: DFF<Bit>,
    r0f: DFF<Bit>,
    r0l: DFF<Bit>,
    r0s: DFF<Bit>,
    dv: [DFF<Bit>; 5],
    df: [DFF<Bit>; 5],
    dl: [DFF<Bit>; 5],
    ds: [DFF<Bit>; 5],
    ov: DFF<Bit>,
    of: DFF<Bit>,
    ol: DFF<Bit>,
    os: DFF<Bit>,
    lerr: Signal<Local, Bit>,
    // window pairs no lane reads (the outer lanes of the outer beats when P > 4) and the
    // clamp flags past the window's ends
    cx_unused: Signal<Local, Bit>,
    // output queue
    q: PairQueue<V, P>,
}

impl<const V: usize, const A: usize, const P: usize, const B: usize, const F: usize> LiftUnit<V, A, P, B, F> {
    /// A unit updating the odd samples (`odd_target`) or the even ones, holding `variants`
    /// (at most [`VARIANTS`]); `post_shift` builds the synthesis output shift.
    pub fn new(odd_target: bool, variants: &[Variant], post_shift: bool, framing: bool) -> Self {
        assert!(variants.len() <= VARIANTS && V < 64 && A < 64 && A > V);
        assert!(matches!(P, 1 | 2 | 4 | 8) && B == window_beats(P) && F == B * P, "P {P}, B {B}, F {F}");
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_e: std::array::from_fn(|_| Default::default()),
            in_o: std::array::from_fn(|_| Default::default()),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            cfg_wavelet: Default::default(),
            cfg_shift: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_e: std::array::from_fn(|_| Default::default()),
            out_o: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            err_range: Default::default(),
            lanes: std::array::from_fn(|_| LiftUnitLane::new(odd_target, variants, post_shift)),
            odd_t: Constant::new(odd_target),
            framing: Constant::new(framing),
            cfg_pairs: Default::default(),
            cfg_single: Default::default(),
            err_line: Default::default(),
            cfg_m2: Default::default(),
            r_m1: Default::default(),
            at_end: Default::default(),
            eff_first: Default::default(),
            eff_last: Default::default(),
            accept: Default::default(),
            err_now: Default::default(),
            r: Default::default(),
            in_line: Default::default(),
            dropping: Default::default(),
            err: Default::default(),
            iv: Default::default(),
            ifirst: Default::default(),
            ilast: Default::default(),
            vmask: std::array::from_fn(|k| Constant::new((variants.get(k).map_or(0, |v| v.wavelets) as u64).to_bits())),
            one8: Constant::new(1u64.to_bits()),
            wv: std::array::from_fn(|_| Default::default()),
            wf: std::array::from_fn(|_| Default::default()),
            wl: std::array::from_fn(|_| Default::default()),
            ws: std::array::from_fn(|_| Default::default()),
            we: std::array::from_fn(|_| Default::default()),
            wo: std::array::from_fn(|_| Default::default()),
            src: std::array::from_fn(|_| Default::default()),
            cx: std::array::from_fn(|_| Default::default()),
            sr: std::array::from_fn(|_| Default::default()),
            sl: std::array::from_fn(|_| Default::default()),
            flush: Default::default(),
            tail: Default::default(),
            adv: Default::default(),
            free: Default::default(),
            wbit: Default::default(),
            sel: Default::default(),
            r0v: Default::default(),
            r0f: Default::default(),
            r0l: Default::default(),
            r0s: Default::default(),
            dv: Default::default(),
            df: Default::default(),
            dl: Default::default(),
            ds: Default::default(),
            ov: Default::default(),
            of: Default::default(),
            ol: Default::default(),
            os: Default::default(),
            lerr: Default::default(),
            cx_unused: Default::default(),
            q: Default::default(),
        }
    }
}

impl<const V: usize, const A: usize, const P: usize, const B: usize, const F: usize> Logic for LiftUnit<V, A, P, B, F> {
    #[hdl_gen]
    fn update(&mut self) {
        for k in 0..B {
            self.wv[k].clock.next = self.clock.val();
            self.wf[k].clock.next = self.clock.val();
            self.wl[k].clock.next = self.clock.val();
            self.ws[k].clock.next = self.clock.val();
            self.wv[k].d.next = self.wv[k].q.val();
            self.wf[k].d.next = self.wf[k].q.val();
            self.wl[k].d.next = self.wl[k].q.val();
            self.ws[k].d.next = self.ws[k].q.val();
        }
        for f in 0..F {
            self.we[f].clock.next = self.clock.val();
            self.wo[f].clock.next = self.clock.val();
            self.we[f].d.next = self.we[f].q.val();
            self.wo[f].d.next = self.wo[f].q.val();
        }
        for k in 0..5 {
            self.dv[k].clock.next = self.clock.val();
            self.df[k].clock.next = self.clock.val();
            self.dl[k].clock.next = self.clock.val();
            self.ds[k].clock.next = self.clock.val();
            self.dv[k].d.next = self.dv[k].q.val();
            self.df[k].d.next = self.df[k].q.val();
            self.dl[k].d.next = self.dl[k].q.val();
            self.ds[k].d.next = self.ds[k].q.val();
        }
        for k in 0..5 {
            self.sel[k].clock.next = self.clock.val();
            self.sel[k].d.next = self.sel[k].q.val();
        }
        dff_setup!(self, clock, tail, r, in_line, dropping, err, r0v, r0f, r0l, r0s, ov, of, ol, os);
        // Run-time wavelet, decoded into one register per variant.
        self.wbit.next = self.one8.val() << self.cfg_wavelet.val();
        for k in 0..5 {
            self.sel[k].d.next = (self.vmask[k].val() & self.wbit.val()).any();
        }
        // Every stage advances while the output queue has room; the window also needs a
        // beat, or a line tail to flush.
        self.free.next = self.q.free.val();
        self.in_ready.next = self.free.val();
        // (only while the newest beat in the window ends its line: a bubble must never land
        // inside the next line)
        self.flush.next = false;
        for k in ((B - 1) / 2)..B {
            if self.wv[k].q.val() & self.wl[k].q.val() & self.tail.q.val() {
                self.flush.next = true;
            }
        }
        // Framing (the first unit only): count beats, check the markers; beats that break
        // them are dropped or end the line (see the module docs and legall_h).
        self.cfg_m2.next = self.cfg_pairs.val() - 2;
        self.r_m1.next = self.r.q.val() - 1;
        self.eff_first.next = self.in_first.val() | !self.in_line.q.val();
        self.at_end.next = !self.r.q.val().any();
        if self.in_first.val() {
            self.at_end.next = self.cfg_single.val();
        }
        self.eff_last.next = self.in_last.val() | self.at_end.val();
        self.accept.next = self.in_first.val() | self.in_line.q.val();
        self.err_now.next = false;
        if self.in_first.val() & self.in_line.q.val() {
            self.err_now.next = true;
        }
        if self.accept.val() & (self.in_last.val() != self.at_end.val()) {
            self.err_now.next = true;
        }
        if !self.accept.val() & !self.dropping.q.val() {
            self.err_now.next = true;
        }
        self.err.d.next = false;
        if self.framing.val() & self.free.val() & self.in_valid.val() {
            self.err.d.next = self.err_now.val();
            if self.accept.val() {
                self.dropping.d.next = false;
                self.r.d.next = self.r_m1.val();
                if self.in_first.val() {
                    self.r.d.next = self.cfg_m2.val();
                }
                self.in_line.d.next = !self.eff_last.val();
            } else {
                self.dropping.d.next = true;
            }
        }
        self.err_line.next = self.err.q.val() & self.framing.val();
        self.iv.next = self.in_valid.val();
        self.ifirst.next = self.in_first.val();
        self.ilast.next = self.in_last.val();
        if self.framing.val() {
            self.iv.next = self.in_valid.val() & self.accept.val();
            self.ifirst.next = self.eff_first.val();
            self.ilast.next = self.eff_last.val();
        }
        self.adv.next = self.free.val() & (self.iv.val() | self.flush.val());
        // Source samples of the window, clamped to the centre beat's line. (The loops over a
        // one-value range `P..P + 1` / `K..K + 1` name P and K for the generated Verilog's
        // index arithmetic, which knows only loop variables.)
        for f in 0..F {
            self.src[f].next = self.wo[f].q.val();
            if self.odd_t.val() {
                self.src[f].next = self.we[f].q.val();
            }
        }
        for b in 0..B {
            self.sr[b].next = false;
            self.sl[b].next = false;
        }
        for p in P..(P + 1) {
            for k in ((B - 1) / 2)..((B - 1) / 2 + 1) {
                for l in 0..P {
                    self.cx[k * p + l].next = self.src[k * p + l].val();
                }
                // newer beats, outwards: past the line's end they repeat its last pair
                for b in ((B - 1) / 2 + 1)..B {
                    self.sr[b].next = self.sr[b - 1].val() | self.wl[b - 1].q.val();
                    for l in 0..P {
                        self.cx[b * p + l].next = self.src[b * p + l].val();
                        if self.sr[b].val() {
                            self.cx[b * p + l].next = self.cx[b * p + l - 1].val();
                        }
                    }
                }
                // older beats, outwards: before the line's start they repeat its first pair
                for c in 0..((B - 1) / 2) {
                    self.sl[k - 1 - c].next = self.sl[k - c].val() | self.wf[k - c].q.val();
                    for m in 0..P {
                        self.cx[(k - 1 - c) * p + p - 1 - m].next = self.src[(k - 1 - c) * p + p - 1 - m].val();
                        if self.sl[k - 1 - c].val() {
                            self.cx[(k - 1 - c) * p + p - 1 - m].next = self.cx[(k - 1 - c) * p + p - m].val();
                        }
                    }
                }
                // The lanes: lane j's sources at offsets -4..=4 around pair k·P + j.
                for j in 0..P {
                    self.lanes[j].x0.next = self.cx[k * p + j - 4].val();
                    self.lanes[j].x1.next = self.cx[k * p + j - 3].val();
                    self.lanes[j].x2.next = self.cx[k * p + j - 2].val();
                    self.lanes[j].x3.next = self.cx[k * p + j - 1].val();
                    self.lanes[j].x4.next = self.cx[k * p + j].val();
                    self.lanes[j].x5.next = self.cx[k * p + j + 1].val();
                    self.lanes[j].x6.next = self.cx[k * p + j + 2].val();
                    self.lanes[j].x7.next = self.cx[k * p + j + 3].val();
                    self.lanes[j].x8.next = self.cx[k * p + j + 4].val();
                    self.lanes[j].t.next = self.we[k * p + j].q.val();
                    self.lanes[j].u.next = self.wo[k * p + j].q.val();
                    if self.odd_t.val() {
                        self.lanes[j].t.next = self.wo[k * p + j].q.val();
                        self.lanes[j].u.next = self.we[k * p + j].q.val();
                    }
                }
                // pairs no lane reads (P > 4: the outer beats' far lanes), tied off
                self.cx_unused.next = false;
                // (and the clamp flags of the other side, which no beat reads)
                for b in 0..((B - 1) / 2) {
                    if self.sr[b].val() {
                        self.cx_unused.next = true;
                    }
                }
                for b in ((B - 1) / 2 + 1)..B {
                    if self.sl[b].val() {
                        self.cx_unused.next = true;
                    }
                }
                for f in 0..(((B - 1) / 2) * P - 4) {
                    if self.cx[f].val().any() {
                        self.cx_unused.next = true;
                    }
                }
                for f in (((B - 1) / 2) * P + P + 4)..F {
                    if self.cx[f].val().any() {
                        self.cx_unused.next = true;
                    }
                }
                // The window: the centre beat leaves for the lanes as it advances.
                if self.adv.val() & self.iv.val() {
                    self.tail.d.next = self.ilast.val();
                }
                if self.adv.val() {
                    for n in (B - 1)..B {
                        self.wv[n].d.next = self.iv.val();
                        self.wf[n].d.next = self.ifirst.val();
                        self.wl[n].d.next = self.ilast.val();
                        self.ws[n].d.next = self.in_sop.val() & self.in_first.val();
                        for l in 0..P {
                            self.we[n * p + l].d.next = self.in_e[l].val();
                            self.wo[n * p + l].d.next = self.in_o[l].val();
                        }
                    }
                    for b in 0..(B - 1) {
                        self.wv[b].d.next = self.wv[b + 1].q.val();
                        self.wf[b].d.next = self.wf[b + 1].q.val();
                        self.wl[b].d.next = self.wl[b + 1].q.val();
                        self.ws[b].d.next = self.ws[b + 1].q.val();
                    }
                    for f in 0..(F - P) {
                        self.we[f].d.next = self.we[f + p].q.val();
                        self.wo[f].d.next = self.wo[f + p].q.val();
                    }
                }
                if self.free.val() {
                    self.r0v.d.next = self.adv.val() & self.wv[k].q.val();
                    self.r0f.d.next = self.wf[k].q.val();
                    self.r0l.d.next = self.wl[k].q.val();
                    self.r0s.d.next = self.ws[k].q.val();
                }
            }
        }
        for j in 0..P {
            self.lanes[j].clock.next = self.clock.val();
            self.lanes[j].en.next = self.free.val();
            self.lanes[j].sel0.next = self.sel[0].q.val();
            self.lanes[j].sel1.next = self.sel[1].q.val();
            self.lanes[j].sel2.next = self.sel[2].q.val();
            self.lanes[j].sel3.next = self.sel[3].q.val();
            self.lanes[j].sel4.next = self.sel[4].q.val();
            self.lanes[j].shift.next = self.cfg_shift.val();
        }
        // The markers beside the lanes' pipeline (their six clocks).
        if self.free.val() {
            self.dv[0].d.next = self.r0v.q.val();
            self.df[0].d.next = self.r0f.q.val();
            self.dl[0].d.next = self.r0l.q.val();
            self.ds[0].d.next = self.r0s.q.val();
            for k in 1..5 {
                self.dv[k].d.next = self.dv[k - 1].q.val();
                self.df[k].d.next = self.df[k - 1].q.val();
                self.dl[k].d.next = self.dl[k - 1].q.val();
                self.ds[k].d.next = self.ds[k - 1].q.val();
            }
            self.ov.d.next = self.dv[4].q.val();
            self.of.d.next = self.df[4].q.val();
            self.ol.d.next = self.dl[4].q.val();
            self.os.d.next = self.ds[4].q.val();
        }
        // Output queue.
        self.q.clock.next = self.clock.val();
        self.q.push.next = self.ov.q.val();
        self.lerr.next = false;
        for j in 0..P {
            self.q.in_a[j].next = self.lanes[j].out_e.val();
            self.q.in_b[j].next = self.lanes[j].out_o.val();
            self.out_e[j].next = self.q.out_a[j].val();
            self.out_o[j].next = self.q.out_b[j].val();
            if self.lanes[j].err.val() {
                self.lerr.next = true;
            }
        }
        self.q.in_first.next = self.of.q.val();
        self.q.in_last.next = self.ol.q.val();
        self.q.in_sop.next = self.os.q.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_first.next = self.q.out_first.val();
        self.out_last.next = self.q.out_last.val();
        self.out_sop.next = self.q.out_sop.val();
        self.err_range.next = self.ov.q.val() & self.lerr.val() & self.free.val();
    }
}
