//! LeGall (5,3) horizontal analysis (VC-2 wavelet index 1, ST 2042-1 15.4.4.2 run in
//! reverse as the encoder does): one line at a time, `P` sample pairs (`2P` samples) per
//! clock.
//!
//! **Function.** For each line of `2N` samples `x`, with `filter_bit_shift` 1:
//! `e_n = 2·x_{2n}`, `o_n = 2·x_{2n+1}`;
//! `H_n = o_n − ⌊(e_n + e_{n+1} + 1) / 2⌋` (with `e_N = e_{N−1}`);
//! `L_n = e_n + ⌊(H_{n−1} + H_n + 2) / 4⌋` (with `H_{−1} = H_0`) —
//! exactly `uhdpipe_model::wavelet::analysis_1d(line, 1)`.
//!
//! **Lanes.** A beat carries pairs `n = bP … bP + P − 1` of a line in lanes `0 … P − 1`
//! (`in_even[k]`, `in_odd[k]`; `out_low[k]`, `out_high[k]`): one
//! [`super::legall_h_lane`] per lane, each lifting step's neighbour the next lane's sample.
//! At a beat's edges the neighbours come from the beats around it: the right neighbour of
//! lane `P − 1` is lane 0 of the next beat (the pair buffer, stage A, waits for it: the
//! filter looks one beat ahead), the left neighbour of lane 0 the previous beat's lane
//! `P − 1` (one register). `P = 1` is the two-samples-per-clock build; `P = 2, 4, 8` serve
//! 4, 8 and 16 pixels per clock.
//!
//! **Throughput.** One beat in and one beat out per clock, lines back to back with no gap.
//! **Latency:** seven clocks from a beat's input to its result for the last beat of a line;
//! other beats also wait for the next beat. Pipeline: input register (I) → pair buffer (A) →
//! `e_n + e_{n+1} + 1` (S) → H (B) → `H_{n−1} + H_n + 2` (C) → L and output register (O),
//! one adder per stage → a two-entry output queue; every stage advances together while the
//! queue's second entry is empty, so `in_ready` is a register (the consumer's `out_ready`
//! only pops the queue).
//!
//! **Handshake.** `in_*` and `out_*` are video streams (crate docs): a beat transfers when
//! `valid` and `ready` are both high at a rising edge. `in_first`/`in_last` mark a line's
//! first and last beat and come out on the corresponding output beat.
//!
//! **Protocol errors.** Lines are `cfg_beats` beats long (a run-time register). The block
//! counts beats itself and checks the markers against the count; any mismatch pulses
//! `err_line` for one clock, and the block resynchronises so that the next well-formed
//! line comes out exactly right: a beat where a line should start but without `in_first` is
//! dropped, as is every beat up to the next `in_first`; an `in_first` inside a line starts a
//! new line there (the broken line's last result is not meaningful and carries no
//! `out_last`); an early `in_last` ends the line; a line that reaches `cfg_beats` without
//! `in_last` is ended there and its surplus beats dropped.
//!
//! **Synthesis** (`S = 1`, the inverse transform's horizontal pass, 15.4.4.2): `in_even` /
//! `in_odd` carry a line's `(L_n, H_n)`; `e_n = L_n − ⌊(H_{n−1} + H_n + 2) / 4⌋`
//! (`H_{−1} = H_0`), `o_n = H_n + ⌊(e_n + e_{n+1} + 1) / 2⌋` (`e_N = e_{N−1}`), then
//! `filter_bit_shift` 1 undone with rounding (`(x + 1) >> 1`; not for `cfg_noshift`):
//! `out_low` / `out_high` are the samples `x_{2n}`, `x_{2n+1}`. Haar takes the centre pair as
//! both neighbours. The pair buffer sits in the same place, so stage S forms the first step's
//! sum for each pair and the one for its right neighbour (from lane `k + 1`, or the next
//! beat's lane 0); same throughput, latency and framing.
//!
//! **Reset:** none needed; registers start at zero (`initial`), i.e. idle, expecting a line.
//!
//! **Build-time parameters:** `W` input bits (two's complement), `V` output bits
//! (`V ≥ W + 3` holds every analysis result; synthesis needs `V ≥ W + 1`, sized by the parent
//! from the worst case), `S` the direction (0 analysis, 1 synthesis), `P` pairs per beat.

use super::legall_h_lane::LegallHLane;
use super::pair_queue::PairQueue;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallH<const W: usize, const V: usize, const S: usize, const P: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Input stream: a beat of `P` sample pairs is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes the beat at this edge (low one clock after `in_last`).
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: lane `k`'s even sample `x_{2n}` (`n = bP + k`), `W`-bit two's complement.
    pub in_even: [Signal<In, Bits<W>>; P],
    /// Input stream: lane `k`'s odd sample `x_{2n+1}`, `W`-bit two's complement.
    pub in_odd: [Signal<In, Bits<W>>; P],
    /// Input stream: this beat starts a line.
    pub in_first: Signal<In, Bit>,
    /// Input stream: this beat ends a line.
    pub in_last: Signal<In, Bit>,
    /// Input stream: start-of-picture sideband, meaningful with `in_first`; carried to the
    /// line's first output beat (`out_sop`) for the blocks downstream.
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: beats per line, 1..=4096 (the line width is `2P·cfg_beats`); read
    /// at each line's first beat.
    pub cfg_beats: Signal<In, Bits<13>>,
    /// Run-time register: `cfg_beats == 1` (one beat per line), decoded by the parent — from
    /// a register where it can, so that the framing decision does not wait for the compare.
    pub cfg_single: Signal<In, Bit>,
    /// Run-time register: Haar (VC-2 wavelets 3 and 4) instead of LeGall (5,3): both lifting
    /// steps take the centre pair as their neighbour (`H = o − e`, `L = e + ⌊(H + 1) / 2⌋`).
    pub cfg_haar: Signal<In, Bit>,
    /// Run-time register: `filter_bit_shift` 0 (Haar without shift, wavelet 3) instead of 1.
    pub cfg_noshift: Signal<In, Bit>,
    /// Protocol error: high for one clock when a line breaks the framing (a line shorter or
    /// longer than `cfg_beats`, a new line before `in_last`, a beat where a line should start
    /// without `in_first`). The block then resynchronises (see the module docs).
    pub err_line: Signal<Out, Bit>,
    /// Output stream: a result beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes the beat at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: lane `k`'s low-pass `L_n`, `V`-bit two's complement.
    pub out_low: [Signal<Out, Bits<V>>; P],
    /// Output stream: lane `k`'s high-pass `H_n`, `V`-bit two's complement.
    pub out_high: [Signal<Out, Bits<V>>; P],
    /// Output stream: first beat of a line.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last beat of a line.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: start of picture (`in_sop` of the line's first beat).
    pub out_sop: Signal<Out, Bit>,
    syn: Constant<Bit>,
    // framing: beats left in the line after the next one, whether a line is open, and
    // whether beats are being dropped
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
    a_emit: Signal<Local, Bit>,
    free: Signal<Local, Bit>,
    // the markers beside the lanes' stages I, A, S, B, C, O
    iv: DFF<Bit>,
    i_first: DFF<Bit>,
    i_sop: DFF<Bit>,
    i_last: DFF<Bit>,
    have_prev: DFF<Bit>,
    prev_first: DFF<Bit>,
    prev_sop: DFF<Bit>,
    prev_last: DFF<Bit>,
    sv: DFF<Bit>,
    s_first: DFF<Bit>,
    s_sop: DFF<Bit>,
    s_last: DFF<Bit>,
    bv: DFF<Bit>,
    b_first: DFF<Bit>,
    b_sop: DFF<Bit>,
    b_last: DFF<Bit>,
    cv: DFF<Bit>,
    c_first: DFF<Bit>,
    c_sop: DFF<Bit>,
    c_last: DFF<Bit>,
    ov: DFF<Bit>,
    of: DFF<Bit>,
    os: DFF<Bit>,
    oe: DFF<Bit>,
    // the previous beat's lane P − 1: H_{n−1} (analysis, stage B) or H_{n−1} (synthesis,
    // stage A) of lane 0
    h_prev: DFF<Bits<V>>,
    lanes: [LegallHLane<W, V, S>; P],
    // the lane outputs no neighbour reads (lane 0's stage A even sample, the look-ahead of
    // lanes 1..P)
    lanes_unused: [Signal<Local, Bit>; P],
    q: PairQueue<V, P>,
}

impl<const W: usize, const V: usize, const S: usize, const P: usize> Default for LegallH<W, V, S, P> {
    fn default() -> Self {
        assert!(S < 2 && V >= W + 1 + 2 * (1 - S) && V < 64 && P >= 1);
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_even: std::array::from_fn(|_| Default::default()),
            in_odd: std::array::from_fn(|_| Default::default()),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            cfg_beats: Default::default(),
            cfg_single: Default::default(),
            cfg_haar: Default::default(),
            cfg_noshift: Default::default(),
            err_line: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_low: std::array::from_fn(|_| Default::default()),
            out_high: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            syn: Constant::new(S == 1),
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
            a_emit: Default::default(),
            free: Default::default(),
            iv: Default::default(),
            i_first: Default::default(),
            i_sop: Default::default(),
            i_last: Default::default(),
            have_prev: Default::default(),
            prev_first: Default::default(),
            prev_sop: Default::default(),
            prev_last: Default::default(),
            sv: Default::default(),
            s_first: Default::default(),
            s_sop: Default::default(),
            s_last: Default::default(),
            bv: Default::default(),
            b_first: Default::default(),
            b_sop: Default::default(),
            b_last: Default::default(),
            cv: Default::default(),
            c_first: Default::default(),
            c_sop: Default::default(),
            c_last: Default::default(),
            ov: Default::default(),
            of: Default::default(),
            os: Default::default(),
            oe: Default::default(),
            h_prev: Default::default(),
            lanes: std::array::from_fn(|_| Default::default()),
            lanes_unused: std::array::from_fn(|_| Default::default()),
            q: Default::default(),
        }
    }
}

impl<const W: usize, const V: usize, const S: usize, const P: usize> Logic for LegallH<W, V, S, P> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, iv, i_first, i_sop, i_last, have_prev, prev_first, prev_sop, prev_last, sv, s_first, s_sop, s_last, bv, b_first, b_sop, b_last, cv, c_first, c_sop, c_last, h_prev, ov, of,
            os, oe, r, in_line, dropping, err
        );
        // Framing: the block counts beats itself (cfg_beats per line) and checks the markers.
        // A beat where a line should start without in_first is dropped (and so is every
        // beat up to the next in_first); in_first inside a line starts a new line; a line
        // ends at its cfg_beats-th beat or at an early in_last. Any mismatch pulses err_line.
        // (Counting down keeps the per-beat logic to a zero test; the subtractions only feed
        // registers.)
        self.cfg_m2.next = self.cfg_beats.val() - 2;
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
        // Stage A emits its beat when the next beat is in stage I, or at the end of a line.
        self.a_emit.next = self.have_prev.q.val() & (self.prev_last.q.val() | self.iv.q.val());
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
        // The lanes: one pipeline enable, each step's neighbour the next lane (or the beats
        // around this one at the edges).
        for k in 0..P {
            self.lanes[k].clock.next = self.clock.val();
            self.lanes[k].en.next = self.free.val();
            self.lanes[k].in_e.next = self.in_even[k].val();
            self.lanes[k].in_o.next = self.in_odd[k].val();
            self.lanes[k].shift.next = !self.cfg_noshift.val();
            self.lanes[k].a_load.next = self.iv.q.val();
            self.lanes[k].own_r.next = self.cfg_haar.val();
            self.lanes[k].own_l.next = self.cfg_haar.val();
        }
        for k in 0..(P - 1) {
            self.lanes[k].nb_e.next = self.lanes[k + 1].e_a.val();
            self.lanes[k].nb_on.next = self.lanes[k + 1].o_a.val();
        }
        for k in 1..P {
            self.lanes[k].nb_o.next = self.lanes[k - 1].o_a.val();
            self.lanes[k].nb_h.next = self.lanes[k - 1].h_b.val();
        }
        self.lanes_unused[0].next = self.lanes[0].e_a.val().any();
        for k in 1..P {
            self.lanes_unused[k].next = self.lanes[k].e_i.val().any() | self.lanes[k].o_i.val().any();
        }
        self.lanes[0].nb_o.next = self.h_prev.q.val();
        self.lanes[0].nb_h.next = self.h_prev.q.val();
        // Lane 0's left neighbour is its own pair at a line's first beat (analysis: stage B;
        // synthesis: stage A).
        if self.syn.val() {
            if self.prev_first.q.val() {
                self.lanes[0].own_l.next = true;
            }
        } else if self.b_first.q.val() {
            self.lanes[0].own_l.next = true;
        }
        for k in (P - 1)..P {
            // Lane P − 1's right neighbour: the next beat's lane 0 in stage I, or its own
            // pair at a line's last beat (analysis: stage A; synthesis: stage B).
            self.lanes[k].nb_e.next = self.lanes[0].e_i.val();
            self.lanes[k].nb_on.next = self.lanes[0].o_i.val();
            if self.syn.val() {
                if self.b_last.q.val() {
                    self.lanes[k].own_r.next = true;
                }
            } else if self.prev_last.q.val() {
                self.lanes[k].own_r.next = true;
            }
            // The carry into the next beat's lane 0.
            if self.free.val() {
                if self.bv.q.val() & !self.syn.val() {
                    self.h_prev.d.next = self.lanes[k].h_b.val();
                }
                if self.a_emit.val() & self.syn.val() {
                    self.h_prev.d.next = self.lanes[k].o_a.val();
                }
            }
        }
        // The markers beside the lanes' stages.
        if self.free.val() {
            self.iv.d.next = self.in_valid.val() & self.accept.val();
            self.i_first.d.next = self.eff_first.val();
            self.i_sop.d.next = self.in_sop.val() & self.in_first.val();
            self.i_last.d.next = self.eff_last.val();
            if self.a_emit.val() {
                self.have_prev.d.next = false;
            }
            if self.iv.q.val() {
                self.prev_first.d.next = self.i_first.q.val();
                self.prev_sop.d.next = self.i_sop.q.val();
                self.prev_last.d.next = self.i_last.q.val();
                self.have_prev.d.next = true;
            }
            self.sv.d.next = self.a_emit.val();
            self.s_first.d.next = self.prev_first.q.val();
            self.s_sop.d.next = self.prev_sop.q.val();
            self.s_last.d.next = self.prev_last.q.val();
            self.bv.d.next = self.sv.q.val();
            self.b_first.d.next = self.s_first.q.val();
            self.b_sop.d.next = self.s_sop.q.val();
            self.b_last.d.next = self.s_last.q.val();
            self.cv.d.next = self.bv.q.val();
            self.c_first.d.next = self.b_first.q.val();
            self.c_sop.d.next = self.b_sop.q.val();
            self.c_last.d.next = self.b_last.q.val();
            self.ov.d.next = self.cv.q.val();
            self.of.d.next = self.c_first.q.val();
            self.os.d.next = self.c_sop.q.val();
            self.oe.d.next = self.c_last.q.val();
        }
        // Output queue.
        self.q.clock.next = self.clock.val();
        self.q.push.next = self.ov.q.val();
        for k in 0..P {
            self.q.in_a[k].next = self.lanes[k].out_l.val();
            self.q.in_b[k].next = self.lanes[k].out_h.val();
            self.out_low[k].next = self.q.out_a[k].val();
            self.out_high[k].next = self.q.out_b[k].val();
        }
        self.q.in_first.next = self.of.q.val();
        self.q.in_last.next = self.oe.q.val();
        self.q.in_sop.next = self.os.q.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_first.next = self.q.out_first.val();
        self.out_last.next = self.q.out_last.val();
        self.out_sop.next = self.q.out_sop.val();
    }
}
