//! A two-entry stream queue: the output stage every producer here ends in (crate
//! conventions, "Timing across blocks").
//!
//! **Function.** Holds up to two payloads in order, each a `W`-bit word and an `S`-bit
//! sideband (kept apart so that neither exceeds 64 bits: Verilator handles wider values an
//! order of magnitude slower). The producer may `push` in any
//! clock in which `free` is high; `free` is a register (the second entry is empty), so the
//! consumer's `out_ready` never reaches the producer combinationally — the producer's pipeline
//! enable is `free`. **Throughput:** one payload per clock in and out. **Latency:** one clock
//! (a pushed payload is offered from the next clock). **Handshake:** `out_*` is a stream
//! (`valid`/`ready`). **Reset:** none needed; both entries start empty (`initial`).

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock, Default)]
pub struct StreamQueue<const W: usize, const S: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Producer: store `in_data` at this edge (only while `free` is high).
    pub push: Signal<In, Bit>,
    /// Producer: the payload's word.
    pub in_data: Signal<In, Bits<W>>,
    /// Producer: the payload's sideband.
    pub in_side: Signal<In, Bits<S>>,
    /// Producer: a push is accepted this clock (a register: the second entry is empty).
    pub free: Signal<Out, Bit>,
    /// Consumer: the head payload is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Consumer: takes the head at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Consumer: the head payload's word.
    pub out_data: Signal<Out, Bits<W>>,
    /// Consumer: the head payload's sideband.
    pub out_side: Signal<Out, Bits<S>>,
    pop: Signal<Local, Bit>,
    q0v: DFF<Bit>,
    q0: DFF<Bits<W>>,
    q0s: DFF<Bits<S>>,
    q1v: DFF<Bit>,
    q1: DFF<Bits<W>>,
    q1s: DFF<Bits<S>>,
}

impl<const W: usize, const S: usize> Logic for StreamQueue<W, S> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, q0v, q0, q0s, q1v, q1, q1s);
        self.free.next = !self.q1v.q.val();
        self.pop.next = self.q0v.q.val() & self.out_ready.val();
        if self.pop.val() {
            self.q0v.d.next = self.q1v.q.val();
            self.q0.d.next = self.q1.q.val();
            self.q0s.d.next = self.q1s.q.val();
            self.q1v.d.next = false;
        }
        if self.push.val() & !self.q1v.q.val() {
            if !self.q0v.q.val() | (self.pop.val() & !self.q1v.q.val()) {
                self.q0v.d.next = true;
                self.q0.d.next = self.in_data.val();
                self.q0s.d.next = self.in_side.val();
            } else {
                self.q1v.d.next = true;
                self.q1.d.next = self.in_data.val();
                self.q1s.d.next = self.in_side.val();
            }
        }
        self.out_valid.next = self.q0v.q.val();
        self.out_data.next = self.q0.q.val();
        self.out_side.next = self.q0s.q.val();
    }
}
