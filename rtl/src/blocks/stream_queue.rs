//! A two-entry stream queue: the output stage every producer here ends in (crate
//! conventions, "Timing across blocks").
//!
//! **Function.** Holds up to two `W`-bit payloads in order. The producer may `push` in any
//! clock in which `free` is high; `free` is a register (the second entry is empty), so the
//! consumer's `out_ready` never reaches the producer combinationally — the producer's pipeline
//! enable is `free`. **Throughput:** one payload per clock in and out. **Latency:** one clock
//! (a pushed payload is offered from the next clock). **Handshake:** `out_*` is a stream
//! (`valid`/`ready`). **Reset:** none needed; both entries start empty (`initial`).

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock, Default)]
pub struct StreamQueue<const W: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Producer: store `in_data` at this edge (only while `free` is high).
    pub push: Signal<In, Bit>,
    /// Producer: the payload.
    pub in_data: Signal<In, Bits<W>>,
    /// Producer: a push is accepted this clock (a register: the second entry is empty).
    pub free: Signal<Out, Bit>,
    /// Consumer: the head payload is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Consumer: takes the head at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Consumer: the head payload.
    pub out_data: Signal<Out, Bits<W>>,
    pop: Signal<Local, Bit>,
    q0v: DFF<Bit>,
    q0: DFF<Bits<W>>,
    q1v: DFF<Bit>,
    q1: DFF<Bits<W>>,
}

impl<const W: usize> Logic for StreamQueue<W> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, q0v, q0, q1v, q1);
        self.free.next = !self.q1v.q.val();
        self.pop.next = self.q0v.q.val() & self.out_ready.val();
        if self.pop.val() {
            self.q0v.d.next = self.q1v.q.val();
            self.q0.d.next = self.q1.q.val();
            self.q1v.d.next = false;
        }
        if self.push.val() & !self.q1v.q.val() {
            if !self.q0v.q.val() | (self.pop.val() & !self.q1v.q.val()) {
                self.q0v.d.next = true;
                self.q0.d.next = self.in_data.val();
            } else {
                self.q1v.d.next = true;
                self.q1.d.next = self.in_data.val();
            }
        }
        self.out_valid.next = self.q0v.q.val();
        self.out_data.next = self.q0.q.val();
    }
}
