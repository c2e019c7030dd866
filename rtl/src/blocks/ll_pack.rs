//! LL packer between wavelet levels: takes one LL coefficient per beat (the `a` lane of a
//! vertical block's L rows) and offers them two by two as the (even, odd) pairs the next
//! level's horizontal block takes, with a two-entry output queue so that `in_ready` is a
//! register (it breaks the combinational ready path between levels).
//!
//! **Function.** Consecutive coefficients `c_{2n}`, `c_{2n+1}` of a row become one pair;
//! `in_first` starts a row (a pending odd coefficient is discarded: rows are even-length by
//! construction), `out_first`/`out_sop` come from the row's first coefficient and
//! `out_last` from its last. **Throughput:** one coefficient per clock in, one pair per two
//! clocks out. **Latency:** one clock from the odd coefficient to its pair.
//! **Reset:** none needed (registers start empty).
//!
//! **Build-time parameter:** `A` coefficient bits.

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock, Default)]
pub struct LlPack<const A: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Input: a coefficient is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input: the block takes it at this edge (a register: low when the queue is full).
    pub in_ready: Signal<Out, Bit>,
    /// Input: the coefficient, `A`-bit two's complement.
    pub in_c: Signal<In, Bits<A>>,
    /// Input: first coefficient of a row.
    pub in_first: Signal<In, Bit>,
    /// Input: last coefficient of a row.
    pub in_last: Signal<In, Bit>,
    /// Input: first coefficient of a picture.
    pub in_sop: Signal<In, Bit>,
    /// Output: a pair is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output: the consumer takes it at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output: even coefficient.
    pub out_even: Signal<Out, Bits<A>>,
    /// Output: odd coefficient.
    pub out_odd: Signal<Out, Bits<A>>,
    /// Output: first pair of a row.
    pub out_first: Signal<Out, Bit>,
    /// Output: last pair of a row.
    pub out_last: Signal<Out, Bit>,
    /// Output: first pair of a picture.
    pub out_sop: Signal<Out, Bit>,
    push: Signal<Local, Bit>,
    pop: Signal<Local, Bit>,
    take: Signal<Local, Bit>,
    have: DFF<Bit>,
    ev: DFF<Bits<A>>,
    ev_first: DFF<Bit>,
    ev_sop: DFF<Bit>,
    q0v: DFF<Bit>,
    q0e: DFF<Bits<A>>,
    q0o: DFF<Bits<A>>,
    q0f: DFF<Bit>,
    q0l: DFF<Bit>,
    q0s: DFF<Bit>,
    q1v: DFF<Bit>,
    q1e: DFF<Bits<A>>,
    q1o: DFF<Bits<A>>,
    q1f: DFF<Bit>,
    q1l: DFF<Bit>,
    q1s: DFF<Bit>,
}

impl<const A: usize> Logic for LlPack<A> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, have, ev, ev_first, ev_sop, q0v, q0e, q0o, q0f, q0l, q0s, q1v, q1e, q1o, q1f, q1l, q1s);
        self.in_ready.next = !self.q1v.q.val();
        self.take.next = self.in_valid.val() & !self.q1v.q.val();
        self.push.next = self.take.val() & self.have.q.val() & !self.in_first.val();
        self.pop.next = self.q0v.q.val() & self.out_ready.val();
        if self.take.val() {
            if self.in_first.val() | !self.have.q.val() {
                self.have.d.next = true;
                self.ev.d.next = self.in_c.val();
                self.ev_first.d.next = self.in_first.val();
                self.ev_sop.d.next = self.in_sop.val() & self.in_first.val();
            } else {
                self.have.d.next = false;
            }
        }
        // Two-entry queue: q0 is the head.
        if self.pop.val() {
            self.q0v.d.next = self.q1v.q.val();
            self.q0e.d.next = self.q1e.q.val();
            self.q0o.d.next = self.q1o.q.val();
            self.q0f.d.next = self.q1f.q.val();
            self.q0l.d.next = self.q1l.q.val();
            self.q0s.d.next = self.q1s.q.val();
            self.q1v.d.next = false;
        }
        if self.push.val() {
            if !self.q0v.q.val() | (self.pop.val() & !self.q1v.q.val()) {
                self.q0v.d.next = true;
                self.q0e.d.next = self.ev.q.val();
                self.q0o.d.next = self.in_c.val();
                self.q0f.d.next = self.ev_first.q.val();
                self.q0l.d.next = self.in_last.val();
                self.q0s.d.next = self.ev_sop.q.val();
            } else {
                self.q1v.d.next = true;
                self.q1e.d.next = self.ev.q.val();
                self.q1o.d.next = self.in_c.val();
                self.q1f.d.next = self.ev_first.q.val();
                self.q1l.d.next = self.in_last.val();
                self.q1s.d.next = self.ev_sop.q.val();
            }
        }
        self.out_valid.next = self.q0v.q.val();
        self.out_even.next = self.q0e.q.val();
        self.out_odd.next = self.q0o.q.val();
        self.out_first.next = self.q0f.q.val();
        self.out_last.next = self.q0l.q.val();
        self.out_sop.next = self.q0s.q.val();
    }
}
