//! A 2 → 1 gearbox: a stream of sample pairs in, a stream of single samples out — the even
//! sample, then the odd one. What an inverse transform built for two samples per clock
//! puts in front of a one-sample-per-clock consumer ([`super::legall_inv1`]).
//!
//! **Function.** Each input beat `(even, odd)` with its `first`, `last`, `sop` and `tag`
//! leaves as two output beats: `even` with the pair's `first`, `sop` and `tag`, then `odd`
//! with the pair's `last` (and `tag`). The markers are never split any other way, so a
//! well-formed pair stream gives a well-formed sample stream and a broken one is broken
//! at the same places.
//! **Throughput:** one sample per clock (one pair every two clocks): the next pair is taken
//! in the clock the odd sample leaves. **Latency:** one clock (a pair taken at an edge is
//! offered from the next clock). **Handshake:** valid/ready on both sides; `in_ready` is
//! combinational from `out_ready` only in the clock the odd sample leaves (the producer's
//! output is a queue head, so that path ends in its pop). The output is all registers.
//! **Reset:** none needed (the pair register starts empty).
//!
//! **Build-time parameter:** `A`, the sample bits.

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock, Default)]
pub struct PairSplit<const A: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Pair stream: a pair is offered.
    pub in_valid: Signal<In, Bit>,
    /// Pair stream: the block takes it at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Pair stream: the even sample, `A` bits.
    pub in_even: Signal<In, Bits<A>>,
    /// Pair stream: the odd sample, `A` bits.
    pub in_odd: Signal<In, Bits<A>>,
    /// Pair stream: first pair of a row.
    pub in_first: Signal<In, Bit>,
    /// Pair stream: last pair of a row.
    pub in_last: Signal<In, Bit>,
    /// Pair stream: first pair of a picture.
    pub in_sop: Signal<In, Bit>,
    /// Pair stream: the picture's number (with `in_sop`), 4 bits.
    pub in_tag: Signal<In, Bits<4>>,
    /// Sample stream: a sample is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Sample stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Sample stream: the sample, `A` bits.
    pub out_sample: Signal<Out, Bits<A>>,
    /// Sample stream: first sample of a row.
    pub out_first: Signal<Out, Bit>,
    /// Sample stream: last sample of a row.
    pub out_last: Signal<Out, Bit>,
    /// Sample stream: first sample of a picture.
    pub out_sop: Signal<Out, Bit>,
    /// Sample stream: the picture's number (with `out_sop`).
    pub out_tag: Signal<Out, Bits<4>>,
    // the pair held, and which half is offered (0: even)
    held: DFF<Bit>,
    half: DFF<Bit>,
    even: DFF<Bits<A>>,
    odd: DFF<Bits<A>>,
    first: DFF<Bit>,
    last: DFF<Bit>,
    sop: DFF<Bit>,
    tag: DFF<Bits<4>>,
    take: Signal<Local, Bit>,
}

impl<const A: usize> Logic for PairSplit<A> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, held, half, even, odd, first, last, sop, tag);
        self.in_ready.next = !self.held.q.val() | (self.half.q.val() & self.out_ready.val());
        self.take.next = self.in_valid.val() & (!self.held.q.val() | (self.half.q.val() & self.out_ready.val()));
        if self.held.q.val() & self.out_ready.val() {
            self.half.d.next = !self.half.q.val();
            if self.half.q.val() {
                self.held.d.next = false;
            }
        }
        if self.take.val() {
            self.held.d.next = true;
            self.half.d.next = false;
            self.even.d.next = self.in_even.val();
            self.odd.d.next = self.in_odd.val();
            self.first.d.next = self.in_first.val();
            self.last.d.next = self.in_last.val();
            self.sop.d.next = self.in_sop.val();
            self.tag.d.next = self.in_tag.val();
        }
        self.out_valid.next = self.held.q.val();
        self.out_sample.next = self.even.q.val();
        if self.half.q.val() {
            self.out_sample.next = self.odd.q.val();
        }
        self.out_first.next = self.first.q.val() & !self.half.q.val();
        self.out_sop.next = self.sop.q.val() & !self.half.q.val();
        self.out_last.next = self.last.q.val() & self.half.q.val();
        self.out_tag.next = self.tag.q.val();
    }
}
