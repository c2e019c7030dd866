//! One lifting step down the columns of a picture, for every VC-2 wavelet that has a step in
//! this position: ST 2042-1 15.4.4.1 `lift1`…`lift4` applied vertically (15.4.3), `2P`
//! columns per clock, with line buffers and no frame buffer.
//!
//! **Function.** The stream carries a picture's rows in order, `cfg_pairs` beats each (a beat
//! is `P` column pairs: lane `k`'s `a` and `b`), `cfg_rows` rows; even rows are `e_n`, odd rows `o_n`. The
//! unit updates the rows of one parity (the *target*, fixed at build time) from the rows of
//! the other (the *source*): `t_n ±= (Σ_j c_j · s_{clamp(n + j)} + r) >> S`, the source row
//! index clamped to the picture (`0..M−1`, `M = cfg_rows / 2`) — per column, exactly the
//! model's `lift_line`. Which step — taps, offsets, shift, add or subtract — is chosen at run
//! time by `cfg_wavelet` from the variants the unit was built with ([`LiftVUnit::new`]); a
//! wavelet with no step here passes the rows through unchanged with no delay.
//!
//! **Schedule.** A target row `n` needs the source rows up to `n + m` (`m` the step's largest
//! offset), so the unit delays its output by `D` row pairs: `D = m` for odd targets, `m + 1`
//! for even targets (their source row `n` comes after them); every input row leaves as the
//! row of the same parity `D` pairs older, the target rows lifted. Rows keep their order.
//! The first `D` pairs of a picture produce no output; after its last row the unit generates
//! `D` pairs of flush rows itself (with `in_ready` low), in which the source rows repeat the
//! last one (the bottom clamp); the picture's first source row fills every older slot (the
//! top clamp). See [`super::lift_v_lane`] for the line buffers.
//!
//! **Throughput:** one beat per clock, so a picture takes `cfg_pairs · (cfg_rows + 2D)`
//! clocks; rows of up to three beats wait three clocks after each row (a column's
//! line-buffer write must land before the next row reads it). **Latency:** `2D` rows plus 11 clocks
//! (the lane's eight, the output register and queue).
//!
//! **Handshake.** Video streams (crate docs) with `first`/`last` marking rows and `sop` a
//! picture's first beat. The unit trusts the framing (its parent checks it) but never hangs
//! on a broken one: a beat with `in_sop` and `in_first` starts a new picture at once
//! (abandoning the old one's held rows), beats outside a picture are dropped, and rows are
//! counted from `cfg_rows`. **Reset:** none; registers start idle.
//!
//! **Picture numbers.** `in_tag` is read with a picture's first beat; the picture's first
//! output beat (`out_sop`) leaves with it on `out_tag` (carried down the pipeline beside the
//! `sop` marker, then a [`super::tag_queue`] beside the output queue).
//!
//! **Run-time registers:** `cfg_wavelet`, `cfg_pairs`, `cfg_rows` (change them only while the
//! unit is empty, at least two clocks before a picture: they are decoded into registers).
//!
//! **Lanes.** Each column is its own [`super::lift_v_lane`] (its line buffers, its MACs);
//! the `2P` lanes share the control, so `P` costs area, not speed.
//!
//! **Build-time parameters:** `V` sample bits, `A` accumulator bits, `N` column address bits
//! (rows up to `2^N` beats), `SW`/`TW` the lanes' chain words (`K · V` and `D_max · V`: the
//! widest step's source rows and the largest delay over the unit's variants,
//! [`chain_slots`]), `P` column pairs per beat.

use super::lift_unit::{Variant, VARIANTS};
use super::lift_v_lane::LiftVLane;
use super::pair_queue::PairQueue;
use super::tag_queue::TagQueue;
use rust_hdl::prelude::*;

/// The delay in row pairs of a step with largest source offset `m` (`base + taps − 1`).
pub fn delay(v: &Variant, odd_target: bool) -> usize {
    let m = v.base + v.taps.len() as i32 - 1;
    (m + if odd_target { 0 } else { 1 }) as usize
}

/// The source slots `K` and target slots `D_max` (at least one each) a unit holding
/// `variants` needs.
pub fn chain_slots(variants: &[Variant], odd_target: bool) -> (usize, usize) {
    let k = variants.iter().map(|v| v.taps.len()).max().unwrap_or(1).max(1);
    let d = variants.iter().map(|v| delay(v, odd_target)).max().unwrap_or(1).max(1);
    // a source row leaves from slot D − 1: the chain must reach it
    (k.max(d), d)
}

/// The unit; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftVUnit<const V: usize, const A: usize, const N: usize, const SW: usize, const TW: usize, const P: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Input stream: a beat is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the unit takes it at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: pair lane `k`'s column a, `V`-bit two's complement.
    pub in_a: [Signal<In, Bits<V>>; P],
    /// Input stream: pair lane `k`'s column b, `V`-bit two's complement.
    pub in_b: [Signal<In, Bits<V>>; P],
    /// Input stream: first beat of a row.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last beat of a row.
    pub in_last: Signal<In, Bit>,
    /// Input stream: first beat of a picture (with `in_first`).
    pub in_sop: Signal<In, Bit>,
    /// Input stream: the picture's number (read with `in_sop`), 4 bits.
    pub in_tag: Signal<In, Bits<4>>,
    /// Run-time register: VC-2 wavelet index, 0..=6.
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Run-time register: beats per row, 1..=`2^N`.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: rows per picture, even, 2..=8190.
    pub cfg_rows: Signal<In, Bits<13>>,
    /// Output stream: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: pair lane `k`'s column a.
    pub out_a: [Signal<Out, Bits<V>>; P],
    /// Output stream: pair lane `k`'s column b.
    pub out_b: [Signal<Out, Bits<V>>; P],
    /// Output stream: first beat of a row.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last beat of a row.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: first beat of a picture.
    pub out_sop: Signal<Out, Bit>,
    /// Output stream: the picture's number (with `out_sop`).
    pub out_tag: Signal<Out, Bits<4>>,
    /// Range error: high for one clock when a beat whose lifted sample does not fit `V` bits
    /// enters the output queue (it leaves wrapped; see [`super::lift_unit`]).
    pub err_range: Signal<Out, Bit>,
    tq: TagQueue<4>,
    tg: DFF<Bits<4>>,
    cur_tg: Signal<Local, Bits<4>>,
    t1: DFF<Bits<4>>,
    t2: DFF<Bits<4>>,
    ot: [DFF<Bits<4>>; 7],
    tag_unused: Signal<Local, Bit>,
    lane_a: [LiftVLane<V, A, N, SW, TW>; P],
    lane_b: [LiftVLane<V, A, N, SW, TW>; P],
    ovf: Signal<Local, Bit>,
    q: PairQueue<V, P>,
    odd_t: Constant<Bit>,
    // per wavelet index: its variant (one-hot), delay (one-hot and number)
    wk: [Constant<Bits<3>>; 8],
    selt: [Constant<Bits<5>>; 8],
    dselt: [Constant<Bits<5>>; 8],
    dnt: [Constant<Bits<3>>; 8],
    one: Constant<Bits<13>>,
    three: Constant<Bits<13>>,
    one3: Constant<Bits<3>>,
    three2: Constant<Bits<2>>,
    // run-time decodes
    sel: DFF<Bits<5>>,
    dsel: DFF<Bits<5>>,
    dnum: DFF<Bits<3>>,
    pm1: DFF<Bits<13>>,
    rows_m1: DFF<Bits<13>>,
    narrow: DFF<Bit>,
    // schedule state
    in_pic: DFF<Bit>,
    flushing: DFF<Bit>,
    row_odd: DFF<Bit>,
    pair0: DFF<Bit>,
    sop_pend: DFF<Bit>,
    skip: DFF<Bits<3>>,
    fl: DFF<Bits<3>>,
    rl: DFF<Bits<13>>,
    col: DFF<Bits<N>>,
    cool: DFF<Bits<2>>,
    // the beat issued this clock
    free: Signal<Local, Bit>,
    cooling: Signal<Local, Bit>,
    take: Signal<Local, Bit>,
    start: Signal<Local, Bit>,
    fissue: Signal<Local, Bit>,
    issue: Signal<Local, Bit>,
    b_col: Signal<Local, Bits<N>>,
    b_col13: Signal<Local, Bits<13>>,
    b_first: Signal<Local, Bit>,
    b_last: Signal<Local, Bit>,
    cur_odd: Signal<Local, Bit>,
    cur_pair0: Signal<Local, Bit>,
    cur_sopp: Signal<Local, Bit>,
    cur_skip: Signal<Local, Bits<3>>,
    cur_rl: Signal<Local, Bits<13>>,
    emit: Signal<Local, Bit>,
    b_src: Signal<Local, Bit>,
    // pipeline: S1, S2 (the lanes' line-buffer stages), then S3..S9 (valid-and-emitted, markers)
    v1: DFF<Bit>,
    c1: DFF<Bits<N>>,
    src1: DFF<Bit>,
    fill1: DFF<Bit>,
    rep1: DFF<Bit>,
    e1: DFF<Bit>,
    f1: DFF<Bit>,
    l1: DFF<Bit>,
    s1: DFF<Bit>,
    v2: DFF<Bit>,
    c2: DFF<Bits<N>>,
    src2: DFF<Bit>,
    fill2: DFF<Bit>,
    rep2: DFF<Bit>,
    e2: DFF<Bit>,
    f2: DFF<Bit>,
    l2: DFF<Bit>,
    s2: DFF<Bit>,
    ov: [DFF<Bit>; 7],
    of: [DFF<Bit>; 7],
    ol: [DFF<Bit>; 7],
    os: [DFF<Bit>; 7],
}

impl<const V: usize, const A: usize, const N: usize, const SW: usize, const TW: usize, const P: usize> LiftVUnit<V, A, N, SW, TW, P> {
    /// A unit updating the odd rows (`odd_target`) or the even ones, holding `variants` (at
    /// most [`VARIANTS`]); the chain words must be [`chain_slots`] times `V`.
    pub fn new(odd_target: bool, variants: &[Variant]) -> Self {
        assert!(variants.len() <= VARIANTS && N <= 13);
        let (k, d) = chain_slots(variants, odd_target);
        assert_eq!((SW, TW), (k * V, d * V), "chain words for {k} source and {d} target slots");
        let of_wavelet = |w: usize| variants.iter().position(|v| v.wavelets >> w & 1 == 1);
        let sel = |w: usize| of_wavelet(w).map_or(0, |i| 1u64 << i);
        let dl = |w: usize| of_wavelet(w).map_or(0, |i| delay(&variants[i], odd_target));
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_a: std::array::from_fn(|_| Default::default()),
            in_b: std::array::from_fn(|_| Default::default()),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            in_tag: Default::default(),
            out_tag: Default::default(),
            err_range: Default::default(),
            tq: Default::default(),
            tg: Default::default(),
            cur_tg: Default::default(),
            t1: Default::default(),
            t2: Default::default(),
            ot: Default::default(),
            tag_unused: Default::default(),
            cfg_wavelet: Default::default(),
            cfg_pairs: Default::default(),
            cfg_rows: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_a: std::array::from_fn(|_| Default::default()),
            out_b: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            lane_a: std::array::from_fn(|_| LiftVLane::new(variants)),
            lane_b: std::array::from_fn(|_| LiftVLane::new(variants)),
            ovf: Default::default(),
            q: Default::default(),
            odd_t: Constant::new(odd_target),
            wk: std::array::from_fn(|w| Constant::new((w as u64).to_bits())),
            selt: std::array::from_fn(|w| Constant::new(sel(w).to_bits())),
            dselt: std::array::from_fn(|w| Constant::new((1u64 << dl(w)).to_bits())),
            dnt: std::array::from_fn(|w| Constant::new((dl(w) as u64).to_bits())),
            one: Constant::new(1u64.to_bits()),
            three: Constant::new(3u64.to_bits()),
            one3: Constant::new(1u64.to_bits()),
            three2: Constant::new(3u64.to_bits()),
            sel: Default::default(),
            dsel: Default::default(),
            dnum: Default::default(),
            pm1: Default::default(),
            rows_m1: Default::default(),
            narrow: Default::default(),
            in_pic: Default::default(),
            flushing: Default::default(),
            row_odd: Default::default(),
            pair0: Default::default(),
            sop_pend: Default::default(),
            skip: Default::default(),
            fl: Default::default(),
            rl: Default::default(),
            col: Default::default(),
            cool: Default::default(),
            free: Default::default(),
            cooling: Default::default(),
            take: Default::default(),
            start: Default::default(),
            fissue: Default::default(),
            issue: Default::default(),
            b_col: Default::default(),
            b_col13: Default::default(),
            b_first: Default::default(),
            b_last: Default::default(),
            cur_odd: Default::default(),
            cur_pair0: Default::default(),
            cur_sopp: Default::default(),
            cur_skip: Default::default(),
            cur_rl: Default::default(),
            emit: Default::default(),
            b_src: Default::default(),
            v1: Default::default(),
            c1: Default::default(),
            src1: Default::default(),
            fill1: Default::default(),
            rep1: Default::default(),
            e1: Default::default(),
            f1: Default::default(),
            l1: Default::default(),
            s1: Default::default(),
            v2: Default::default(),
            c2: Default::default(),
            src2: Default::default(),
            fill2: Default::default(),
            rep2: Default::default(),
            e2: Default::default(),
            f2: Default::default(),
            l2: Default::default(),
            s2: Default::default(),
            ov: Default::default(),
            of: Default::default(),
            ol: Default::default(),
            os: Default::default(),
        }
    }
}

impl<const V: usize, const A: usize, const N: usize, const SW: usize, const TW: usize, const P: usize> Logic for LiftVUnit<V, A, N, SW, TW, P> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, sel, dsel, dnum, pm1, rows_m1, narrow, in_pic, flushing, row_odd, pair0, sop_pend, skip, fl, rl, col, cool, v1, c1, src1, fill1, rep1, e1, f1, l1, s1, v2, c2, src2, fill2,
            rep2, e2, f2, l2, s2, tg, t1, t2
        );
        for k in 0..7 {
            self.ov[k].clock.next = self.clock.val();
            self.of[k].clock.next = self.clock.val();
            self.ol[k].clock.next = self.clock.val();
            self.os[k].clock.next = self.clock.val();
            self.ov[k].d.next = self.ov[k].q.val();
            self.of[k].d.next = self.of[k].q.val();
            self.ol[k].d.next = self.ol[k].q.val();
            self.os[k].d.next = self.os[k].q.val();
            self.ot[k].clock.next = self.clock.val();
            self.ot[k].d.next = self.ot[k].q.val();
        }
        clock!(self, clock, q, tq);
        for k in 0..P {
            self.lane_a[k].clock.next = self.clock.val();
            self.lane_b[k].clock.next = self.clock.val();
        }
        // Run-time registers, decoded.
        for w in 0..8 {
            if self.cfg_wavelet.val() == self.wk[w].val() {
                self.sel.d.next = self.selt[w].val();
                self.dsel.d.next = self.dselt[w].val();
                self.dnum.d.next = self.dnt[w].val();
            }
        }
        self.pm1.d.next = self.cfg_pairs.val() - self.one.val();
        self.rows_m1.d.next = self.cfg_rows.val() - self.one.val();
        self.narrow.d.next = self.cfg_pairs.val() <= self.three.val();
        // Every stage advances while the output queue has room (a register).
        self.free.next = self.q.free.val();
        self.cooling.next = self.cool.q.val().any();
        self.in_ready.next = self.free.val() & !self.flushing.q.val() & !self.cooling.val();
        self.take.next = self.in_valid.val() & self.free.val() & !self.flushing.q.val() & !self.cooling.val();
        self.start.next = self.in_sop.val() & self.in_first.val();
        self.fissue.next = self.flushing.q.val() & self.free.val() & !self.cooling.val();
        // The beat issued this clock: an input beat of a picture, or a flush beat.
        self.issue.next = self.fissue.val() | (self.take.val() & (self.start.val() | self.in_pic.q.val()));
        self.cur_odd.next = self.row_odd.q.val();
        self.cur_pair0.next = self.pair0.q.val();
        self.cur_sopp.next = self.sop_pend.q.val();
        self.cur_tg.next = self.tg.q.val();
        self.cur_skip.next = self.skip.q.val();
        self.cur_rl.next = self.rl.q.val();
        self.b_col.next = self.col.q.val();
        self.b_col13.next = bit_cast::<13, N>(self.col.q.val());
        self.b_first.next = !self.col.q.val().any();
        self.b_last.next = self.b_col13.val() == self.pm1.q.val();
        if !self.flushing.q.val() {
            self.b_first.next = self.in_first.val();
            self.b_last.next = self.in_last.val();
            if self.in_first.val() {
                self.b_col.next = 0.into();
            }
            if self.start.val() {
                self.cur_odd.next = false;
                self.cur_pair0.next = true;
                self.cur_sopp.next = true;
                self.cur_tg.next = self.in_tag.val();
                self.cur_skip.next = self.dnum.q.val();
                self.cur_rl.next = self.rows_m1.q.val();
            }
        }
        self.emit.next = !self.cur_skip.val().any();
        self.b_src.next = self.cur_odd.val() ^ self.odd_t.val();
        // Schedule state.
        if self.free.val() & self.cooling.val() {
            self.cool.d.next = self.cool.q.val() - 1;
        }
        if self.take.val() & self.start.val() {
            self.in_pic.d.next = true;
        }
        if self.issue.val() {
            self.col.d.next = self.b_col.val() + 1;
            self.row_odd.d.next = self.cur_odd.val();
            self.pair0.d.next = self.cur_pair0.val();
            self.sop_pend.d.next = self.cur_sopp.val() & !self.emit.val();
            self.tg.d.next = self.cur_tg.val();
            self.skip.d.next = self.cur_skip.val();
            self.rl.d.next = self.cur_rl.val();
            if self.b_last.val() {
                self.col.d.next = 0.into();
                self.row_odd.d.next = !self.cur_odd.val();
                if self.narrow.q.val() {
                    self.cool.d.next = self.three2.val();
                }
                if self.cur_odd.val() {
                    self.pair0.d.next = false;
                    if !self.emit.val() {
                        self.skip.d.next = self.cur_skip.val() - 1;
                    }
                }
                if self.flushing.q.val() {
                    if self.cur_odd.val() {
                        self.fl.d.next = self.fl.q.val() - 1;
                        if self.fl.q.val() == self.one3.val() {
                            self.flushing.d.next = false;
                        }
                    }
                } else {
                    self.rl.d.next = self.cur_rl.val() - 1;
                    if !self.cur_rl.val().any() {
                        // the picture's last row: flush its held rows
                        self.in_pic.d.next = false;
                        self.fl.d.next = self.dnum.q.val();
                        self.flushing.d.next = self.dnum.q.val().any();
                    }
                }
            }
        }
        // Pipeline.
        if self.free.val() {
            self.v1.d.next = self.issue.val();
            self.c1.d.next = self.b_col.val();
            self.src1.d.next = self.b_src.val();
            self.fill1.d.next = self.b_src.val() & self.cur_pair0.val();
            self.rep1.d.next = self.flushing.q.val();
            self.e1.d.next = self.issue.val() & self.emit.val();
            self.f1.d.next = self.b_first.val();
            self.l1.d.next = self.b_last.val();
            self.s1.d.next = self.emit.val() & self.cur_sopp.val() & self.b_first.val();
            self.t1.d.next = self.cur_tg.val();
            self.v2.d.next = self.v1.q.val();
            self.c2.d.next = self.c1.q.val();
            self.src2.d.next = self.src1.q.val();
            self.fill2.d.next = self.fill1.q.val();
            self.rep2.d.next = self.rep1.q.val();
            self.e2.d.next = self.e1.q.val();
            self.f2.d.next = self.f1.q.val();
            self.l2.d.next = self.l1.q.val();
            self.s2.d.next = self.s1.q.val();
            self.t2.d.next = self.t1.q.val();
            self.ov[0].d.next = self.e2.q.val();
            self.of[0].d.next = self.f2.q.val();
            self.ol[0].d.next = self.l2.q.val();
            self.os[0].d.next = self.s2.q.val();
            self.ot[0].d.next = self.t2.q.val();
            for k in 1..7 {
                self.ov[k].d.next = self.ov[k - 1].q.val();
                self.of[k].d.next = self.of[k - 1].q.val();
                self.ol[k].d.next = self.ol[k - 1].q.val();
                self.os[k].d.next = self.os[k - 1].q.val();
                self.ot[k].d.next = self.ot[k - 1].q.val();
            }
        }
        // The lanes: one column each, the same control.
        self.ovf.next = false;
        for k in 0..P {
            self.lane_a[k].en.next = self.free.val();
            self.lane_b[k].en.next = self.free.val();
            self.lane_a[k].raddr.next = self.b_col.val();
            self.lane_b[k].raddr.next = self.b_col.val();
            self.lane_a[k].x.next = self.in_a[k].val();
            self.lane_b[k].x.next = self.in_b[k].val();
            self.lane_a[k].waddr.next = self.c2.q.val();
            self.lane_b[k].waddr.next = self.c2.q.val();
            self.lane_a[k].we.next = self.v2.q.val();
            self.lane_b[k].we.next = self.v2.q.val();
            self.lane_a[k].src.next = self.src2.q.val();
            self.lane_b[k].src.next = self.src2.q.val();
            self.lane_a[k].fill.next = self.fill2.q.val();
            self.lane_b[k].fill.next = self.fill2.q.val();
            self.lane_a[k].rep.next = self.rep2.q.val();
            self.lane_b[k].rep.next = self.rep2.q.val();
            self.lane_a[k].dsel.next = self.dsel.q.val();
            self.lane_b[k].dsel.next = self.dsel.q.val();
            self.lane_a[k].sel.next = self.sel.q.val();
            self.lane_b[k].sel.next = self.sel.q.val();
            self.q.in_a[k].next = self.lane_a[k].out.val();
            self.q.in_b[k].next = self.lane_b[k].out.val();
            self.out_a[k].next = self.q.out_a[k].val();
            self.out_b[k].next = self.q.out_b[k].val();
            if self.lane_a[k].ovf.val() | self.lane_b[k].ovf.val() {
                self.ovf.next = true;
            }
        }
        // Output queue.
        self.q.push.next = self.ov[6].q.val();
        self.q.in_first.next = self.of[6].q.val();
        self.q.in_last.next = self.ol[6].q.val();
        self.q.in_sop.next = self.os[6].q.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_first.next = self.q.out_first.val();
        self.out_last.next = self.q.out_last.val();
        self.out_sop.next = self.q.out_sop.val();
        // Picture numbers beside the output queue (two beats: never full).
        self.tq.push.next = self.ov[6].q.val() & self.os[6].q.val() & self.q.free.val();
        self.tq.in_tag.next = self.ot[6].q.val();
        self.tq.pop.next = self.q.out_valid.val() & self.out_ready.val() & self.q.out_sop.val();
        self.out_tag.next = self.tq.out_tag.val();
        self.tag_unused.next = self.tq.full.val();
        self.err_range.next = self.ov[6].q.val() & self.q.free.val() & self.ovf.val();
    }
}
