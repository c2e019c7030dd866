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
//! **Build-time parameters:** `V` sample bits, `P` sample pairs per beat (lanes `in_a[k]`,
//! `in_b[k]`, `k < P`, moving together under one set of markers: 1 for the 2-samples-per-clock
//! blocks, `ppc / 2` for the wider builds).

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct PairQueue<const V: usize, const P: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Producer: store the beat at this edge (only while `free` is high).
    pub push: Signal<In, Bit>,
    /// Producer: first sample of each pair.
    pub in_a: [Signal<In, Bits<V>>; P],
    /// Producer: second sample of each pair.
    pub in_b: [Signal<In, Bits<V>>; P],
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
    /// Consumer: first sample of each pair.
    pub out_a: [Signal<Out, Bits<V>>; P],
    /// Consumer: second sample of each pair.
    pub out_b: [Signal<Out, Bits<V>>; P],
    /// Consumer: first beat of a line.
    pub out_first: Signal<Out, Bit>,
    /// Consumer: last beat of a line.
    pub out_last: Signal<Out, Bit>,
    /// Consumer: first beat of a picture.
    pub out_sop: Signal<Out, Bit>,
    pop: Signal<Local, Bit>,
    q0v: DFF<Bit>,
    q0a: [DFF<Bits<V>>; P],
    q0b: [DFF<Bits<V>>; P],
    q0f: DFF<Bit>,
    q0l: DFF<Bit>,
    q0s: DFF<Bit>,
    q1v: DFF<Bit>,
    q1a: [DFF<Bits<V>>; P],
    q1b: [DFF<Bits<V>>; P],
    q1f: DFF<Bit>,
    q1l: DFF<Bit>,
    q1s: DFF<Bit>,
}

impl<const V: usize, const P: usize> Default for PairQueue<V, P> {
    fn default() -> Self {
        assert!(P >= 1);
        Self {
            clock: Default::default(),
            push: Default::default(),
            in_a: std::array::from_fn(|_| Default::default()),
            in_b: std::array::from_fn(|_| Default::default()),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            free: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_a: std::array::from_fn(|_| Default::default()),
            out_b: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            pop: Default::default(),
            q0v: Default::default(),
            q0a: std::array::from_fn(|_| Default::default()),
            q0b: std::array::from_fn(|_| Default::default()),
            q0f: Default::default(),
            q0l: Default::default(),
            q0s: Default::default(),
            q1v: Default::default(),
            q1a: std::array::from_fn(|_| Default::default()),
            q1b: std::array::from_fn(|_| Default::default()),
            q1f: Default::default(),
            q1l: Default::default(),
            q1s: Default::default(),
        }
    }
}

impl<const V: usize, const P: usize> Logic for PairQueue<V, P> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, q0v, q0f, q0l, q0s, q1v, q1f, q1l, q1s);
        for k in 0..P {
            self.q0a[k].clock.next = self.clock.val();
            self.q0b[k].clock.next = self.clock.val();
            self.q1a[k].clock.next = self.clock.val();
            self.q1b[k].clock.next = self.clock.val();
            self.q0a[k].d.next = self.q0a[k].q.val();
            self.q0b[k].d.next = self.q0b[k].q.val();
            self.q1a[k].d.next = self.q1a[k].q.val();
            self.q1b[k].d.next = self.q1b[k].q.val();
        }
        self.free.next = !self.q1v.q.val();
        self.pop.next = self.q0v.q.val() & self.out_ready.val();
        if self.pop.val() {
            self.q0v.d.next = self.q1v.q.val();
            for k in 0..P {
                self.q0a[k].d.next = self.q1a[k].q.val();
                self.q0b[k].d.next = self.q1b[k].q.val();
            }
            self.q0f.d.next = self.q1f.q.val();
            self.q0l.d.next = self.q1l.q.val();
            self.q0s.d.next = self.q1s.q.val();
            self.q1v.d.next = false;
        }
        if self.push.val() & !self.q1v.q.val() {
            if !self.q0v.q.val() | (self.pop.val() & !self.q1v.q.val()) {
                self.q0v.d.next = true;
                for k in 0..P {
                    self.q0a[k].d.next = self.in_a[k].val();
                    self.q0b[k].d.next = self.in_b[k].val();
                }
                self.q0f.d.next = self.in_first.val();
                self.q0l.d.next = self.in_last.val();
                self.q0s.d.next = self.in_sop.val();
            } else {
                self.q1v.d.next = true;
                for k in 0..P {
                    self.q1a[k].d.next = self.in_a[k].val();
                    self.q1b[k].d.next = self.in_b[k].val();
                }
                self.q1f.d.next = self.in_first.val();
                self.q1l.d.next = self.in_last.val();
                self.q1s.d.next = self.in_sop.val();
            }
        }
        self.out_valid.next = self.q0v.q.val();
        for k in 0..P {
            self.out_a[k].next = self.q0a[k].q.val();
            self.out_b[k].next = self.q0b[k].q.val();
        }
        self.out_first.next = self.q0f.q.val();
        self.out_last.next = self.q0l.q.val();
        self.out_sop.next = self.q0s.q.val();
    }
}
