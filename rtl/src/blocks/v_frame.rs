//! Picture framing check for a stream of rows: passes well-formed pictures of `cfg_rows`
//! rows of `cfg_pairs` beats and drops the rest, so that the blocks after it may count rows
//! and trust the markers (the front of [`super::lift_v`]).
//!
//! **Function.** A picture starts at a beat with `in_sop` and `in_first`. The block counts
//! beats and rows; any beat that disagrees with the count (a missing or extra
//! `in_first`/`in_last`, i.e. a short or long row; an `in_sop` inside a picture; a beat
//! outside a picture) pulses `err_pic` for one clock. The broken picture is abandoned — what
//! already passed stays passed, the offending beat and every beat after it are dropped until
//! the next `in_sop` — and that picture passes exactly. An `in_sop` with `in_first` inside a
//! picture is an error that also starts the new picture at once. (The rules of
//! [`super::legall_v`]'s own framing.)
//!
//! **Throughput:** one beat per clock. **Latency:** one clock (the output queue).
//! **Handshake.** Video streams (crate docs); `in_ready` is the output queue's register.
//! **Reset:** none; registers start idle, waiting for `in_sop`.
//!
//! **Run-time registers:** `cfg_pairs` (1..=4096), `cfg_rows` (even, 2..=8190), changed only
//! between pictures, at least two clocks before the next one (they are decoded into
//! registers). **Build-time parameters:** `V` sample bits, `P` column pairs per beat.
//!
//! **Picture numbers.** `in_tag` is read with each picture's first beat and leaves as
//! `out_tag` with that beat (a [`super::tag_queue`] beside the output queue); between `sop`
//! beats it is meaningless.

use super::pair_queue::PairQueue;
use super::tag_queue::TagQueue;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct VFrame<const V: usize, const P: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Input stream: a beat is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes it at this edge (a register).
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: pair lane `k`'s column a.
    pub in_a: [Signal<In, Bits<V>>; P],
    /// Input stream: pair lane `k`'s column b.
    pub in_b: [Signal<In, Bits<V>>; P],
    /// Input stream: first beat of a row.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last beat of a row.
    pub in_last: Signal<In, Bit>,
    /// Input stream: first beat of a picture (with `in_first`).
    pub in_sop: Signal<In, Bit>,
    /// Input stream: the picture's number (read with `in_sop`), 4 bits.
    pub in_tag: Signal<In, Bits<4>>,
    /// Run-time register: beats per row.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: rows per picture.
    pub cfg_rows: Signal<In, Bits<13>>,
    /// Protocol error: high for one clock after a beat broke the framing.
    pub err_pic: Signal<Out, Bit>,
    /// Framing state: no picture is open and none is being dropped (a register).
    pub pic_idle: Signal<Out, Bit>,
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
    q: PairQueue<V, P>,
    tq: TagQueue<4>,
    one: Constant<Bits<13>>,
    // run-time decodes
    p1: DFF<Bit>,
    pm1: DFF<Bits<13>>,
    rows_m1: DFF<Bits<13>>,
    // framing state: in a picture, dropping a broken one, the next beat starts a row, beats
    // of the row left after the next one, rows left after the current one
    in_pic: DFF<Bit>,
    dropping: DFF<Bit>,
    pos_first: DFF<Bit>,
    cl: DFF<Bits<13>>,
    rl: DFF<Bits<13>>,
    // the next beat ends its row (`cl == 0`, a register so that the checks stay shallow),
    // and `cfg_pairs == 2` (a row's first beat leaves one more)
    nlast: DFF<Bit>,
    p2: DFF<Bit>,
    two: Constant<Bits<13>>,
    err: DFF<Bit>,
    take: Signal<Local, Bit>,
    start: Signal<Local, Bit>,
    ok: Signal<Local, Bit>,
    accept: Signal<Local, Bit>,
    cur_cl: Signal<Local, Bits<13>>,
    cur_rl: Signal<Local, Bits<13>>,
    tag_unused: Signal<Local, Bit>,
}

impl<const V: usize, const P: usize> Default for VFrame<V, P> {
    fn default() -> Self {
        Self {
            one: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            nlast: Default::default(),
            p2: Default::default(),
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
            tq: Default::default(),
            cfg_pairs: Default::default(),
            cfg_rows: Default::default(),
            err_pic: Default::default(),
            pic_idle: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_a: std::array::from_fn(|_| Default::default()),
            out_b: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            q: Default::default(),
            p1: Default::default(),
            pm1: Default::default(),
            rows_m1: Default::default(),
            in_pic: Default::default(),
            dropping: Default::default(),
            pos_first: Default::default(),
            cl: Default::default(),
            rl: Default::default(),
            err: Default::default(),
            take: Default::default(),
            start: Default::default(),
            ok: Default::default(),
            accept: Default::default(),
            cur_cl: Default::default(),
            cur_rl: Default::default(),
            tag_unused: Default::default(),
        }
    }
}

impl<const V: usize, const P: usize> Logic for VFrame<V, P> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, p1, pm1, rows_m1, in_pic, dropping, pos_first, cl, rl, err, nlast, p2);
        clock!(self, clock, q, tq);
        self.p1.d.next = self.cfg_pairs.val() == self.one.val();
        self.p2.d.next = self.cfg_pairs.val() == self.two.val();
        self.pm1.d.next = self.cfg_pairs.val() - self.one.val();
        self.rows_m1.d.next = self.cfg_rows.val() - self.one.val();
        self.in_ready.next = self.q.free.val();
        self.take.next = self.in_valid.val() & self.q.free.val();
        self.start.next = self.in_sop.val() & self.in_first.val();
        // A beat continuing the open picture where the counts say it should be.
        self.ok.next = self.in_pic.q.val() & !self.in_sop.val() & (self.in_first.val() == self.pos_first.q.val()) & (self.in_last.val() == self.nlast.q.val());
        self.cur_cl.next = self.cl.q.val();
        self.cur_rl.next = self.rl.q.val();
        self.accept.next = self.ok.val();
        if self.start.val() {
            self.accept.next = self.in_last.val() == self.p1.q.val();
            self.cur_cl.next = self.pm1.q.val();
            self.cur_rl.next = self.rows_m1.q.val();
        }
        self.err.d.next = false;
        if self.take.val() {
            if self.accept.val() {
                self.in_pic.d.next = true;
                self.dropping.d.next = false;
                self.pos_first.d.next = false;
                self.cl.d.next = self.cur_cl.val() - 1;
                self.nlast.d.next = self.cl.q.val() == self.one.val();
                if self.start.val() {
                    self.nlast.d.next = self.p2.q.val();
                }
                self.rl.d.next = self.cur_rl.val();
                // (the start of a picture inside another is an error, but accepted)
                self.err.d.next = self.start.val() & self.in_pic.q.val();
                if self.in_last.val() {
                    self.pos_first.d.next = true;
                    self.cl.d.next = self.pm1.q.val();
                    self.nlast.d.next = self.p1.q.val();
                    self.rl.d.next = self.cur_rl.val() - 1;
                    if !self.cur_rl.val().any() {
                        self.in_pic.d.next = false;
                    }
                }
            } else {
                self.in_pic.d.next = false;
                self.dropping.d.next = true;
                self.err.d.next = !self.dropping.q.val() | self.in_pic.q.val() | self.start.val();
            }
        }
        self.err_pic.next = self.err.q.val();
        self.pic_idle.next = !self.in_pic.q.val() & !self.dropping.q.val();
        self.q.push.next = self.take.val() & self.accept.val();
        for k in 0..P {
            self.q.in_a[k].next = self.in_a[k].val();
            self.q.in_b[k].next = self.in_b[k].val();
            self.out_a[k].next = self.q.out_a[k].val();
            self.out_b[k].next = self.q.out_b[k].val();
        }
        self.q.in_first.next = self.in_first.val();
        self.q.in_last.next = self.in_last.val();
        self.q.in_sop.next = self.start.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_first.next = self.q.out_first.val();
        self.out_last.next = self.q.out_last.val();
        self.out_sop.next = self.q.out_sop.val();
        // Picture numbers beside the queue (it holds two beats: never full).
        self.tq.push.next = self.take.val() & self.accept.val() & self.start.val();
        self.tq.in_tag.next = self.in_tag.val();
        self.tq.pop.next = self.q.out_valid.val() & self.out_ready.val() & self.q.out_sop.val();
        self.out_tag.next = self.tq.out_tag.val();
        self.tag_unused.next = self.tq.full.val();
    }
}
