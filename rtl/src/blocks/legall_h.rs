//! LeGall (5,3) horizontal analysis (VC-2 wavelet index 1, ST 2042-1 15.4.4.2 run in
//! reverse as the encoder does): one line at a time, two samples per clock.
//!
//! **Function.** For each line of `2N` samples `x`, with `filter_bit_shift` 1:
//! `e_n = 2·x_{2n}`, `o_n = 2·x_{2n+1}`;
//! `H_n = o_n − ⌊(e_n + e_{n+1} + 1) / 2⌋` (with `e_N = e_{N−1}`);
//! `L_n = e_n + ⌊(H_{n−1} + H_n + 2) / 4⌋` (with `H_{−1} = H_0`) —
//! exactly `uhdpipe_model::wavelet::analysis_1d(line, 1)`.
//!
//! **Throughput.** One sample pair in and one (L, H) pair out per clock, lines back to back
//! with no gap. **Latency:** seven clocks from a pair's input to its result for the last pair
//! of a line; other pairs also wait for the next pair (the filter looks one pair ahead).
//! Pipeline: input register → pair buffer → `e_n + e_{n+1} + 1` → H → `H_{n−1} + H_n + 2` →
//! L and output register (one adder per stage) → a two-entry output queue; every stage
//! advances together while the queue's second entry is empty, so `in_ready` is a register
//! (the consumer's `out_ready` only pops the queue).
//!
//! **Handshake.** `in_*` and `out_*` are video streams (crate docs): a beat transfers when
//! `valid` and `ready` are both high at a rising edge. `in_first`/`in_last` mark a line's
//! first and last pair and come out on the corresponding output pair.
//!
//! **Protocol errors.** Lines are `cfg_pairs` pairs long (a run-time register). The block
//! counts pairs itself and checks the markers against the count; any mismatch pulses
//! `err_line` for one clock, and the block resynchronises so that the next well-formed
//! line comes out exactly right: a pair where a line should start but without `in_first` is
//! dropped, as is every pair up to the next `in_first`; an `in_first` inside a line starts a
//! new line there (the broken line's last result is not meaningful and carries no
//! `out_last`); an early `in_last` ends the line; a line that reaches `cfg_pairs` without
//! `in_last` is ended there and its surplus pairs dropped.
//!
//! **Synthesis** (`S = 1`, the inverse transform's horizontal pass, 15.4.4.2): `in_even` /
//! `in_odd` carry a line's `(L_n, H_n)`; `e_n = L_n − ⌊(H_{n−1} + H_n + 2) / 4⌋`
//! (`H_{−1} = H_0`), `o_n = H_n + ⌊(e_n + e_{n+1} + 1) / 2⌋` (`e_N = e_{N−1}`), then
//! `filter_bit_shift` 1 undone with rounding (`(x + 1) >> 1`; not for `cfg_noshift`):
//! `out_low` / `out_high` are the samples `x_{2n}`, `x_{2n+1}`. Haar takes the centre pair as
//! both neighbours. The pair buffer sits in the same place, so stage S forms the first step's
//! sum for the pair leaving it and for the pair behind it; same throughput, latency and
//! framing.
//!
//! **Reset:** none needed; registers start at zero (`initial`), i.e. idle, expecting a line.
//!
//! **Build-time parameters:** `W` input bits (two's complement), `V` output bits
//! (`V ≥ W + 3` holds every analysis result; synthesis needs `V ≥ W + 1`, sized by the parent
//! from the worst case), `S` the direction (0 analysis, 1 synthesis).

use super::pair_queue::PairQueue;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallH<const W: usize, const V: usize, const S: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Input stream: a sample pair is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes the pair at this edge (low one clock after `in_last`).
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: even sample `x_{2n}`, `W`-bit two's complement.
    pub in_even: Signal<In, Bits<W>>,
    /// Input stream: odd sample `x_{2n+1}`, `W`-bit two's complement.
    pub in_odd: Signal<In, Bits<W>>,
    /// Input stream: this pair starts a line.
    pub in_first: Signal<In, Bit>,
    /// Input stream: this pair ends a line.
    pub in_last: Signal<In, Bit>,
    /// Input stream: start-of-picture sideband, meaningful with `in_first`; carried to the
    /// line's first output pair (`out_sop`) for the blocks downstream.
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: pairs per line, 1..=4096 (the line width is `2·cfg_pairs`); read
    /// at each line's first pair.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: `cfg_pairs == 1` (one pair per line), decoded by the parent — from
    /// a register where it can, so that the framing decision does not wait for the compare.
    pub cfg_single: Signal<In, Bit>,
    /// Run-time register: Haar (VC-2 wavelets 3 and 4) instead of LeGall (5,3): both lifting
    /// steps take the centre pair as their neighbour (`H = o − e`, `L = e + ⌊(H + 1) / 2⌋`).
    pub cfg_haar: Signal<In, Bit>,
    /// Run-time register: `filter_bit_shift` 0 (Haar without shift, wavelet 3) instead of 1.
    pub cfg_noshift: Signal<In, Bit>,
    /// Protocol error: high for one clock when a line breaks the framing (a line shorter or
    /// longer than `cfg_pairs`, a new line before `in_last`, a pair where a line should start
    /// without `in_first`). The block then resynchronises (see the module docs).
    pub err_line: Signal<Out, Bit>,
    /// Output stream: a result pair is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes the pair at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: low-pass `L_n`, `V`-bit two's complement.
    pub out_low: Signal<Out, Bits<V>>,
    /// Output stream: high-pass `H_n`, `V`-bit two's complement.
    pub out_high: Signal<Out, Bits<V>>,
    /// Output stream: first pair of a line.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last pair of a line.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: start of picture (`in_sop` of the line's first pair).
    pub out_sop: Signal<Out, Bit>,
    // constants
    syn: Constant<Bit>,
    one: Constant<Bits<V>>,
    two: Constant<Bits<V>>,
    ext: Constant<Bits<V>>,
    msb: Constant<Bits<V>>,
    sign_in: Constant<Bits<W>>,
    // locals
    cfg_m2: Signal<Local, Bits<13>>,
    r_m1: Signal<Local, Bits<13>>,
    at_end: Signal<Local, Bit>,
    eff_first: Signal<Local, Bit>,
    eff_last: Signal<Local, Bit>,
    accept: Signal<Local, Bit>,
    err_now: Signal<Local, Bit>,
    // framing: pairs left in the line after the next one, whether a line is open, and
    // whether pairs are being dropped
    r: DFF<Bits<13>>,
    in_line: DFF<Bit>,
    dropping: DFF<Bit>,
    err: DFF<Bit>,
    e_new: Signal<Local, Bits<V>>,
    o_new: Signal<Local, Bits<V>>,
    e_next: Signal<Local, Bits<V>>,
    h_sum: Signal<Local, Bits<V>>,
    h: Signal<Local, Bits<V>>,
    hm: Signal<Local, Bits<V>>,
    l_shift: Signal<Local, Bits<V>>,
    a_emit: Signal<Local, Bit>,
    // synthesis: H_{n-1} (or H_n), e_n, e_{n+1}, the neighbour e of the odd step
    hp: Signal<Local, Bits<V>>,
    t1: Signal<Local, Bits<V>>,
    osum: Signal<Local, Bits<V>>,
    t2: Signal<Local, Bits<V>>,
    e_j: Signal<Local, Bits<V>>,
    e_j2: Signal<Local, Bits<V>>,
    e_nx: Signal<Local, Bits<V>>,
    s_t2: DFF<Bits<V>>,
    s_l2: DFF<Bits<V>>,
    b_e2: DFF<Bits<V>>,
    free: Signal<Local, Bit>,
    // stage I: the registered input pair (sign-extended, filter_bit_shift applied)
    iv: DFF<Bit>,
    i_e: DFF<Bits<V>>,
    i_o: DFF<Bits<V>>,
    i_first: DFF<Bit>,
    i_sop: DFF<Bit>,
    i_last: DFF<Bit>,
    // stage A: the pair waiting for the next even sample
    e_prev: DFF<Bits<V>>,
    o_prev: DFF<Bits<V>>,
    have_prev: DFF<Bit>,
    prev_first: DFF<Bit>,
    prev_sop: DFF<Bit>,
    prev_last: DFF<Bit>,
    // stage S: e + e_next + 1 computed
    sv: DFF<Bit>,
    s_e: DFF<Bits<V>>,
    s_o: DFF<Bits<V>>,
    s_sum: DFF<Bits<V>>,
    s_first: DFF<Bit>,
    s_sop: DFF<Bit>,
    s_last: DFF<Bit>,
    // stage B: H computed
    bv: DFF<Bit>,
    b_e: DFF<Bits<V>>,
    b_h: DFF<Bits<V>>,
    b_first: DFF<Bit>,
    b_sop: DFF<Bit>,
    b_last: DFF<Bit>,
    // stage C: H_{n-1} + H_n + 2 computed
    cv: DFF<Bit>,
    c_e: DFF<Bits<V>>,
    c_h: DFF<Bits<V>>,
    c_lsum: DFF<Bits<V>>,
    c_first: DFF<Bit>,
    c_sop: DFF<Bit>,
    c_last: DFF<Bit>,
    h_prev: DFF<Bits<V>>,
    // output register
    ov: DFF<Bit>,
    ol: DFF<Bits<V>>,
    oh: DFF<Bits<V>>,
    of: DFF<Bit>,
    os: DFF<Bit>,
    oe: DFF<Bit>,
    q: PairQueue<V>,
}

impl<const W: usize, const V: usize, const S: usize> Default for LegallH<W, V, S> {
    fn default() -> Self {
        assert!(S < 2 && V >= W + 1 + 2 * (1 - S) && V < 64);
        let ext = if V == 64 { u64::MAX } else { (1u64 << V) - 1 } & !((1u64 << W) - 1);
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_even: Default::default(),
            in_odd: Default::default(),
            in_first: Default::default(),
            cfg_pairs: Default::default(),
            cfg_single: Default::default(),
            cfg_haar: Default::default(),
            cfg_noshift: Default::default(),
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
            in_last: Default::default(),
            in_sop: Default::default(),
            out_sop: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_low: Default::default(),
            out_high: Default::default(),
            out_first: Default::default(),
            out_last: Default::default(),
            syn: Constant::new(S == 1),
            one: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            ext: Constant::new(ext.to_bits()),
            hp: Default::default(),
            t1: Default::default(),
            osum: Default::default(),
            t2: Default::default(),
            e_j: Default::default(),
            e_j2: Default::default(),
            e_nx: Default::default(),
            s_t2: Default::default(),
            s_l2: Default::default(),
            b_e2: Default::default(),
            msb: Constant::new((1u64 << (V - 1)).to_bits()),
            sign_in: Constant::new((1u64 << (W - 1)).to_bits()),
            e_new: Default::default(),
            o_new: Default::default(),
            e_next: Default::default(),
            h_sum: Default::default(),
            h: Default::default(),
            hm: Default::default(),
            l_shift: Default::default(),
            a_emit: Default::default(),
            free: Default::default(),
            iv: Default::default(),
            i_e: Default::default(),
            i_o: Default::default(),
            i_first: Default::default(),
            i_sop: Default::default(),
            i_last: Default::default(),
            e_prev: Default::default(),
            o_prev: Default::default(),
            have_prev: Default::default(),
            prev_first: Default::default(),
            prev_sop: Default::default(),
            prev_last: Default::default(),
            sv: Default::default(),
            s_e: Default::default(),
            s_o: Default::default(),
            s_sum: Default::default(),
            s_first: Default::default(),
            s_sop: Default::default(),
            s_last: Default::default(),
            bv: Default::default(),
            b_e: Default::default(),
            b_h: Default::default(),
            b_first: Default::default(),
            b_sop: Default::default(),
            b_last: Default::default(),
            cv: Default::default(),
            c_e: Default::default(),
            c_h: Default::default(),
            c_lsum: Default::default(),
            c_first: Default::default(),
            c_sop: Default::default(),
            c_last: Default::default(),
            h_prev: Default::default(),
            ov: Default::default(),
            ol: Default::default(),
            oh: Default::default(),
            of: Default::default(),
            os: Default::default(),
            oe: Default::default(),
            q: Default::default(),
        }
    }
}

impl<const W: usize, const V: usize, const S: usize> Logic for LegallH<W, V, S> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, s_t2, s_l2, b_e2, iv, i_e, i_o, i_first, i_sop, i_last, e_prev, o_prev, have_prev, prev_first, prev_sop, prev_last, sv, s_e, s_o, s_sum, s_first, s_sop, s_last, bv,
            b_e, b_h, b_first, b_sop, b_last, cv,
            c_e, c_h, c_lsum, c_first, c_sop, c_last, h_prev, ov, ol, oh, of, os, oe, r, in_line, dropping, err
        );
        // Framing: the block counts pairs itself (cfg_pairs per line) and checks the markers.
        // A pair where a line should start without in_first is dropped (and so is every
        // pair up to the next in_first); in_first inside a line starts a new line; a line
        // ends at its cfg_pairs-th pair or at an early in_last. Any mismatch pulses err_line.
        // (Counting down keeps the per-pair logic to a zero test; the subtractions only feed
        // registers.)
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
        // Every stage advances together while the output queue has a free entry (a register:
        // the consumer's ready only pops the queue, never reaching the pipeline's enable).
        self.free.next = self.q.free.val();
        self.in_ready.next = self.free.val();
        // Input: sign-extend, apply filter_bit_shift (x << 1), register.
        self.e_new.next = bit_cast::<V, W>(self.in_even.val());
        if (self.in_even.val() & self.sign_in.val()).any() {
            self.e_new.next = bit_cast::<V, W>(self.in_even.val()) | self.ext.val();
        }
        self.o_new.next = bit_cast::<V, W>(self.in_odd.val());
        if (self.in_odd.val() & self.sign_in.val()).any() {
            self.o_new.next = bit_cast::<V, W>(self.in_odd.val()) | self.ext.val();
        }
        // Stage A emits its pair when the next even sample is there, or at the end of a line.
        self.a_emit.next = self.have_prev.q.val() & (self.prev_last.q.val() | self.iv.q.val());
        self.e_next.next = self.i_e.q.val();
        if self.prev_last.q.val() | self.cfg_haar.val() {
            self.e_next.next = self.e_prev.q.val();
        }
        // H = odd - ((e + e_next + 1) >> 1), arithmetic shift: the sum in stage S, H in B.
        self.h_sum.next = self.e_prev.q.val() + self.e_next.val() + 1;
        self.h.next = self.s_o.q.val() - ((self.s_sum.q.val() >> 1) | (self.s_sum.q.val() & self.msb.val()));
        // L's neighbour: H of the previous pair, or (first pair of a line) its own.
        self.hm.next = self.h_prev.q.val();
        if self.b_first.q.val() | self.cfg_haar.val() {
            self.hm.next = self.b_h.q.val();
        }
        // L = e + ((H_prev + H + 2) >> 2), arithmetic shift.
        self.l_shift.next = self.c_lsum.q.val() >> 2;
        if (self.c_lsum.q.val() & self.msb.val()).any() {
            self.l_shift.next = (self.c_lsum.q.val() >> 2) | self.msb.val() | (self.msb.val() >> 1);
        }
        // Synthesis (S = 1): stage S forms H_{n-1} + H_n + 2 for the pair leaving the pair
        // buffer and H_n + H_{n+1} + 2 for the one behind it (the odd step needs e_{n+1});
        // stage B subtracts both (e_n, e_{n+1}); stage C forms e_n + e_{n+1} + 1 (e_{n+1} =
        // e_n at a line's end and for Haar) and adds filter_bit_shift's rounding; the output
        // register adds the odd step and shifts.
        self.hp.next = self.h_prev.q.val();
        if self.prev_first.q.val() | self.cfg_haar.val() {
            self.hp.next = self.o_prev.q.val();
        }
        self.t2.next = (self.s_t2.q.val() >> 2) | ((self.s_t2.q.val() & self.msb.val()) | ((self.s_t2.q.val() & self.msb.val()) >> 1));
        self.t1.next = (self.s_sum.q.val() >> 2) | ((self.s_sum.q.val() & self.msb.val()) | ((self.s_sum.q.val() & self.msb.val()) >> 1));
        self.e_j.next = self.s_e.q.val() - self.t1.val();
        self.osum.next = self.c_h.q.val() + ((self.c_lsum.q.val() >> 1) | (self.c_lsum.q.val() & self.msb.val()));
        self.e_j2.next = self.s_l2.q.val() - self.t2.val();
        self.e_nx.next = self.b_e2.q.val();
        if self.b_last.q.val() | self.cfg_haar.val() {
            self.e_nx.next = self.b_e.q.val();
        }
        self.err.d.next = false;
        if self.free.val() & self.in_valid.val() {
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
        self.err_line.next = self.err.q.val();
        if self.free.val() {
            self.iv.d.next = self.in_valid.val() & self.accept.val();
            self.i_e.d.next = self.e_new.val() << 1;
            self.i_o.d.next = self.o_new.val() << 1;
            if self.cfg_noshift.val() | self.syn.val() {
                self.i_e.d.next = self.e_new.val();
                self.i_o.d.next = self.o_new.val();
            }
            self.i_first.d.next = self.eff_first.val();
            self.i_sop.d.next = self.in_sop.val() & self.in_first.val();
            self.i_last.d.next = self.eff_last.val();
            if self.a_emit.val() {
                self.have_prev.d.next = false;
            }
            if self.iv.q.val() {
                self.e_prev.d.next = self.i_e.q.val();
                self.o_prev.d.next = self.i_o.q.val();
                self.prev_first.d.next = self.i_first.q.val();
                self.prev_sop.d.next = self.i_sop.q.val();
                self.prev_last.d.next = self.i_last.q.val();
                self.have_prev.d.next = true;
            }
            self.sv.d.next = self.a_emit.val();
            self.s_e.d.next = self.e_prev.q.val();
            self.s_o.d.next = self.o_prev.q.val();
            self.s_sum.d.next = self.h_sum.val();
            self.s_t2.d.next = self.o_prev.q.val() + self.i_o.q.val() + self.two.val();
            self.s_l2.d.next = self.i_e.q.val();
            if self.syn.val() {
                self.s_sum.d.next = self.hp.val() + self.o_prev.q.val() + self.two.val();
            }
            self.s_first.d.next = self.prev_first.q.val();
            self.s_sop.d.next = self.prev_sop.q.val();
            self.s_last.d.next = self.prev_last.q.val();
            self.bv.d.next = self.sv.q.val();
            self.b_e.d.next = self.s_e.q.val();
            self.b_h.d.next = self.h.val();
            self.b_e2.d.next = self.e_j2.val();
            if self.syn.val() {
                self.b_e.d.next = self.e_j.val();
                self.b_h.d.next = self.s_o.q.val();
            }
            self.b_first.d.next = self.s_first.q.val();
            self.b_sop.d.next = self.s_sop.q.val();
            self.b_last.d.next = self.s_last.q.val();
            self.cv.d.next = self.bv.q.val();
            self.c_e.d.next = self.b_e.q.val();
            self.c_h.d.next = self.b_h.q.val();
            self.c_lsum.d.next = self.hm.val() + self.b_h.q.val() + 2;
            if self.syn.val() {
                self.c_lsum.d.next = self.b_e.q.val() + self.e_nx.val() + self.one.val();
                if !self.cfg_noshift.val() {
                    self.c_e.d.next = self.b_e.q.val() + self.one.val();
                    self.c_h.d.next = self.b_h.q.val() + self.one.val();
                }
            }
            self.c_first.d.next = self.b_first.q.val();
            self.c_sop.d.next = self.b_sop.q.val();
            self.c_last.d.next = self.b_last.q.val();
            if self.bv.q.val() & !self.syn.val() {
                self.h_prev.d.next = self.b_h.q.val();
            }
            if self.a_emit.val() & self.syn.val() {
                self.h_prev.d.next = self.o_prev.q.val();
            }
            self.ov.d.next = self.cv.q.val();
            self.ol.d.next = self.c_e.q.val() + self.l_shift.val();
            self.oh.d.next = self.c_h.q.val();
            if self.syn.val() {
                self.ol.d.next = self.c_e.q.val();
                self.oh.d.next = self.osum.val();
                if !self.cfg_noshift.val() {
                    self.ol.d.next = (self.c_e.q.val() >> 1) | (self.c_e.q.val() & self.msb.val());
                    self.oh.d.next = (self.osum.val() >> 1) | (self.osum.val() & self.msb.val());
                }
            }
            self.of.d.next = self.c_first.q.val();
            self.os.d.next = self.c_sop.q.val();
            self.oe.d.next = self.c_last.q.val();
        }
        // Output queue.
        self.q.clock.next = self.clock.val();
        self.q.push.next = self.ov.q.val();
        self.q.in_a.next = self.ol.q.val();
        self.q.in_b.next = self.oh.q.val();
        self.q.in_first.next = self.of.q.val();
        self.q.in_last.next = self.oe.q.val();
        self.q.in_sop.next = self.os.q.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_low.next = self.q.out_a.val();
        self.out_high.next = self.q.out_b.val();
        self.out_first.next = self.q.out_first.val();
        self.out_last.next = self.q.out_last.val();
        self.out_sop.next = self.q.out_sop.val();
    }
}
