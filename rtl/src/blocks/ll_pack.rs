//! LL packer between wavelet levels: takes one LL coefficient per beat (the `a` lane of a
//! vertical block's L rows) and offers them two by two as the (even, odd) pairs the next
//! level's horizontal block takes, with a two-entry output queue so that `in_ready` is a
//! register (it breaks the combinational ready path between levels).
//!
//! **Function.** Consecutive coefficients `c_{2n}`, `c_{2n+1}` of a row become one pair;
//! `in_first` starts a row (a pending odd coefficient is discarded: rows are even-length by
//! construction), `out_first`/`out_sop` come from the row's first coefficient and
//! `out_last` from its last. **Throughput:** one coefficient per clock in, one pair per two
//! clocks out. **Latency:** two clocks from the odd coefficient to its pair: a completed pair
//! is registered first and enters the queue from there, so that the queue's push decision
//! and its data multiplexers depend on registers only, never on the upstream `in_valid`.
//! **Reset:** none needed (registers start empty).
//!
//! **Build-time parameter:** `A` coefficient bits.

use super::pair_queue::PairQueue;
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
    take: Signal<Local, Bit>,
    have: DFF<Bit>,
    ev: DFF<Bits<A>>,
    ev_first: DFF<Bit>,
    ev_sop: DFF<Bit>,
    // the completed pair, waiting to enter the queue
    pv: DFF<Bit>,
    pe: DFF<Bits<A>>,
    po: DFF<Bits<A>>,
    pf: DFF<Bit>,
    pl: DFF<Bit>,
    ps: DFF<Bit>,
    q: PairQueue<A, 1>,
}

impl<const A: usize> Logic for LlPack<A> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, have, ev, ev_first, ev_sop, pv, pe, po, pf, pl, ps);
        self.in_ready.next = self.q.free.val();
        self.take.next = self.in_valid.val() & self.q.free.val();
        // (the pair register empties into the queue whenever the queue has room — the same
        // condition as in_ready — so it is always free when a new pair completes)
        self.push.next = self.pv.q.val() & self.q.free.val();
        if self.push.val() {
            self.pv.d.next = false;
        }
        if self.take.val() {
            if self.in_first.val() | !self.have.q.val() {
                self.have.d.next = true;
                self.ev.d.next = self.in_c.val();
                self.ev_first.d.next = self.in_first.val();
                self.ev_sop.d.next = self.in_sop.val() & self.in_first.val();
            } else {
                self.have.d.next = false;
                self.pv.d.next = true;
                self.pe.d.next = self.ev.q.val();
                self.po.d.next = self.in_c.val();
                self.pf.d.next = self.ev_first.q.val();
                self.pl.d.next = self.in_last.val();
                self.ps.d.next = self.ev_sop.q.val();
            }
        }
        // Output queue.
        self.q.clock.next = self.clock.val();
        self.q.push.next = self.pv.q.val();
        self.q.in_a[0].next = self.pe.q.val();
        self.q.in_b[0].next = self.po.q.val();
        self.q.in_first.next = self.pf.q.val();
        self.q.in_last.next = self.pl.q.val();
        self.q.in_sop.next = self.ps.q.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_even.next = self.q.out_a[0].val();
        self.out_odd.next = self.q.out_b[0].val();
        self.out_first.next = self.q.out_first.val();
        self.out_last.next = self.q.out_last.val();
        self.out_sop.next = self.q.out_sop.val();
    }
}
