//! A two-entry queue for a pair stream (two samples per beat with `first`/`last`/`sop`
//! markers): the output stage of every block here that emits sample pairs (crate
//! conventions, "Timing across blocks").
//!
//! **Function.** Holds up to two beats in order. The producer may `push` in any clock in
//! which `free` is high; `free` is a register (the second entry is empty), so the consumer's
//! `out_ready` never reaches the producer combinationally — the producer's pipeline enable is
//! `free`. **Throughput:** one beat per clock in and out. **Latency:** one clock (a pushed
//! beat is offered from the next clock). **Handshake:** `out_*` is a video stream
//! (`valid`/`ready`). **Reset:** none needed; both entries start empty (`initial`).
//!
//! **Build-time parameter:** `V` sample bits.

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock, Default)]
pub struct PairQueue<const V: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Producer: store the beat at this edge (only while `free` is high).
    pub push: Signal<In, Bit>,
    /// Producer: first sample.
    pub in_a: Signal<In, Bits<V>>,
    /// Producer: second sample.
    pub in_b: Signal<In, Bits<V>>,
    /// Producer: first beat of a line.
    pub in_first: Signal<In, Bit>,
    /// Producer: last beat of a line.
    pub in_last: Signal<In, Bit>,
    /// Producer: first beat of a picture.
    pub in_sop: Signal<In, Bit>,
    /// Producer: a push is accepted this clock (a register: the second entry is empty).
    pub free: Signal<Out, Bit>,
    /// Consumer: the head beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Consumer: takes the head at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Consumer: first sample.
    pub out_a: Signal<Out, Bits<V>>,
    /// Consumer: second sample.
    pub out_b: Signal<Out, Bits<V>>,
    /// Consumer: first beat of a line.
    pub out_first: Signal<Out, Bit>,
    /// Consumer: last beat of a line.
    pub out_last: Signal<Out, Bit>,
    /// Consumer: first beat of a picture.
    pub out_sop: Signal<Out, Bit>,
    pop: Signal<Local, Bit>,
    q0v: DFF<Bit>,
    q0a: DFF<Bits<V>>,
    q0b: DFF<Bits<V>>,
    q0f: DFF<Bit>,
    q0l: DFF<Bit>,
    q0s: DFF<Bit>,
    q1v: DFF<Bit>,
    q1a: DFF<Bits<V>>,
    q1b: DFF<Bits<V>>,
    q1f: DFF<Bit>,
    q1l: DFF<Bit>,
    q1s: DFF<Bit>,
}

impl<const V: usize> Logic for PairQueue<V> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, q0v, q0a, q0b, q0f, q0l, q0s, q1v, q1a, q1b, q1f, q1l, q1s);
        self.free.next = !self.q1v.q.val();
        self.pop.next = self.q0v.q.val() & self.out_ready.val();
        if self.pop.val() {
            self.q0v.d.next = self.q1v.q.val();
            self.q0a.d.next = self.q1a.q.val();
            self.q0b.d.next = self.q1b.q.val();
            self.q0f.d.next = self.q1f.q.val();
            self.q0l.d.next = self.q1l.q.val();
            self.q0s.d.next = self.q1s.q.val();
            self.q1v.d.next = false;
        }
        if self.push.val() & !self.q1v.q.val() {
            if !self.q0v.q.val() | (self.pop.val() & !self.q1v.q.val()) {
                self.q0v.d.next = true;
                self.q0a.d.next = self.in_a.val();
                self.q0b.d.next = self.in_b.val();
                self.q0f.d.next = self.in_first.val();
                self.q0l.d.next = self.in_last.val();
                self.q0s.d.next = self.in_sop.val();
            } else {
                self.q1v.d.next = true;
                self.q1a.d.next = self.in_a.val();
                self.q1b.d.next = self.in_b.val();
                self.q1f.d.next = self.in_first.val();
                self.q1l.d.next = self.in_last.val();
                self.q1s.d.next = self.in_sop.val();
            }
        }
        self.out_valid.next = self.q0v.q.val();
        self.out_a.next = self.q0a.q.val();
        self.out_b.next = self.q0b.q.val();
        self.out_first.next = self.q0f.q.val();
        self.out_last.next = self.q0l.q.val();
        self.out_sop.next = self.q0s.q.val();
    }
}
