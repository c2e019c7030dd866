//! A four-entry queue of picture numbers that travels beside a stream: the number of each
//! picture whose first beat (`sop`) has entered a block and not yet left it, in order. A
//! block whose datapath carries only the `sop` marker (a horizontal lifting block, a queue)
//! pushes the picture's number when the `sop` beat goes in and pops it when that beat comes
//! out, so `out_tag` is the number of the `sop` beat at the block's output. Used by
//! [`super::lift_inv`] to keep each level's LL rows and the band stream above in step
//! picture by picture ([`super::ll_join`]).
//!
//! **Function.** `push` stores `in_tag` (ignored while `full`); `pop` drops the head
//! (ignored while empty); `out_tag` is the head (meaningless while empty). **Throughput:**
//! one push and one pop per clock. **Latency:** one clock (a pushed number is the head from
//! the next clock when the queue was empty). **Structure:** a shift register (a pop moves
//! every entry towards the head), so `out_tag` is a register: the joins' number compare
//! starts at a flip-flop, not behind a read multiplexer (the first version's read pointer
//! and four-way head mux started `legall_inv_hd`'s critical path). **Handshake:** the producer must not push while
//! `full` (a register): a block holding more pictures than four stalls its `sop` beat.
//! **Reset:** none needed; the queue starts empty.
//!
//! **Build-time parameter:** `T` number bits.

use rust_hdl::prelude::*;

/// Entries.
pub const DEPTH: usize = 4;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct TagQueue<const T: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Producer: store `in_tag` at this edge.
    pub push: Signal<In, Bit>,
    /// Producer: the number.
    pub in_tag: Signal<In, Bits<T>>,
    /// Producer: four numbers are held (a register); a push is ignored.
    pub full: Signal<Out, Bit>,
    /// Consumer: drop the head at this edge.
    pub pop: Signal<In, Bit>,
    /// Consumer: the head (a register: entry 0).
    pub out_tag: Signal<Out, Bits<T>>,
    // entries, e0 the head; the count
    e0: DFF<Bits<T>>,
    e1: DFF<Bits<T>>,
    e2: DFF<Bits<T>>,
    e3: DFF<Bits<T>>,
    n: DFF<Bits<3>>,
    idx: [Constant<Bits<3>>; DEPTH],
    do_push: Signal<Local, Bit>,
    do_pop: Signal<Local, Bit>,
    wpos: Signal<Local, Bits<3>>,
}

impl<const T: usize> Default for TagQueue<T> {
    fn default() -> Self {
        Self {
            clock: Default::default(),
            push: Default::default(),
            in_tag: Default::default(),
            full: Default::default(),
            pop: Default::default(),
            out_tag: Default::default(),
            e0: Default::default(),
            e1: Default::default(),
            e2: Default::default(),
            e3: Default::default(),
            n: Default::default(),
            idx: [0u64, 1, 2, 3].map(|i| Constant::new(i.to_bits())),
            do_push: Default::default(),
            do_pop: Default::default(),
            wpos: Default::default(),
        }
    }
}

impl<const T: usize> Logic for TagQueue<T> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, e0, e1, e2, e3, n);
        // A shift register: a pop moves every entry one place towards the head, so the head
        // is a register and the consumer sees no read multiplexer.
        self.full.next = self.n.q.val().get_bit(2);
        self.do_push.next = self.push.val() & !self.n.q.val().get_bit(2);
        self.do_pop.next = self.pop.val() & self.n.q.val().any();
        self.wpos.next = self.n.q.val();
        if self.do_pop.val() {
            self.e0.d.next = self.e1.q.val();
            self.e1.d.next = self.e2.q.val();
            self.e2.d.next = self.e3.q.val();
            self.wpos.next = self.n.q.val() - 1;
        }
        if self.do_push.val() {
            if self.wpos.val() == self.idx[0].val() {
                self.e0.d.next = self.in_tag.val();
            }
            if self.wpos.val() == self.idx[1].val() {
                self.e1.d.next = self.in_tag.val();
            }
            if self.wpos.val() == self.idx[2].val() {
                self.e2.d.next = self.in_tag.val();
            }
            if self.wpos.val() == self.idx[3].val() {
                self.e3.d.next = self.in_tag.val();
            }
        }
        if self.do_push.val() & !self.do_pop.val() {
            self.n.d.next = self.n.q.val() + 1;
        }
        if self.do_pop.val() & !self.do_push.val() {
            self.n.d.next = self.n.q.val() - 1;
        }
        self.out_tag.next = self.e0.q.val();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// rust-hdl's simulator against a `VecDeque` of at most four numbers: random pushes
    /// and pops, pushes while full ignored, pops while empty ignored; the head, `full`.
    #[test]
    fn keeps_order_and_capacity() {
        let mut q: TagQueue<4> = TagQueue::default();
        q.connect_all();
        let settle = |q: &mut TagQueue<4>| assert!(simulate(q, 100), "did not settle");
        q.clock.next = Clock::from(false);
        settle(&mut q);
        let mut model: VecDeque<u64> = VecDeque::new();
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for step in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let (push, pop, tag) = (x & 3 != 0, x >> 2 & 3 == 0 || (step / 200) % 2 == 1 && x >> 4 & 1 == 1, x >> 8 & 15);
            q.push.next = push;
            q.pop.next = pop;
            q.in_tag.next = tag.to_bits();
            settle(&mut q);
            let was_full = q.full.val();
            assert_eq!(was_full, model.len() == DEPTH, "step {step}: full");
            if let Some(&h) = model.front() {
                assert_eq!(q.out_tag.val().to_u64(), h, "step {step}: head");
            }
            if pop {
                model.pop_front();
            }
            if push && !was_full {
                model.push_back(tag);
            }
            q.clock.next = Clock::from(true);
            settle(&mut q);
            q.clock.next = Clock::from(false);
            settle(&mut q);
        }
    }
}
