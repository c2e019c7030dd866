//! LL unpacker between a wide synthesis stage and a narrower join: the inverse of
//! [`super::ll_pack`]. It takes beats of `R` sample pairs (a horizontal synthesis block's
//! output) and offers each as `2^cfg_shift` beats of `R >> cfg_shift` pairs, in lanes
//! `0 … (R >> cfg_shift) − 1` — what the inverse transform's horizontal-only level needs,
//! whose lane count is fixed at build time while the 2-D level it feeds (and so the lanes
//! that level's [`super::ll_join`] takes) is chosen by the depth at run time.
//!
//! **Function.** `m = R >> cfg_shift` (`cfg_shift` 0, 1, 2 or 3, at most `log2 R`). Input
//! beat `(e_0, o_0), …, (e_{R−1}, o_{R−1})` leaves as output beats `s = 0 … 2^cfg_shift − 1`
//! whose pair `k < m` is `(e_{sm+k}, o_{sm+k})`; lanes `m … R − 1` of an output beat carry
//! what is left of the held beat and are to be ignored. `out_first` and `out_sop` come with
//! sub-beat 0, `out_last` with the last sub-beat. With `cfg_shift` 0 the block is a register
//! stage.
//!
//! **Throughput:** one output beat per clock; an input beat is taken in the clock its last
//! sub-beat leaves (or while nothing is held), so a stream of input beats at one per
//! `2^cfg_shift` clocks never waits. **Latency:** one clock. **Handshake:** video streams
//! (crate docs); the output is all registers; `in_ready` follows `out_ready` combinationally
//! in the clock of a beat's last sub-beat (the consumer's ready is a register or a queue's).
//! **Reset:** none needed (starts empty).
//!
//! **Build-time parameters:** `A` sample bits, `I = 2R` (the held values, flat), `R` pairs
//! per input beat (1, 2, 4 or 8). **Run-time register:** `cfg_shift` (change it only
//! between pictures, with the block empty).

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LlUnpack<const A: usize, const I: usize, const R: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Input stream: a beat of `R` pairs is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes it at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: pair `k`'s even sample, `A`-bit two's complement.
    pub in_even: [Signal<In, Bits<A>>; R],
    /// Input stream: pair `k`'s odd sample.
    pub in_odd: [Signal<In, Bits<A>>; R],
    /// Input stream: first beat of a row.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last beat of a row.
    pub in_last: Signal<In, Bit>,
    /// Input stream: first beat of a picture (with `in_first`).
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: each input beat leaves as `2^cfg_shift` beats, 0..=log2 `R`.
    pub cfg_shift: Signal<In, Bits<2>>,
    /// Output stream: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: pair `k`'s even sample (`k < R >> cfg_shift`; the rest to be ignored).
    pub out_even: [Signal<Out, Bits<A>>; R],
    /// Output stream: pair `k`'s odd sample.
    pub out_odd: [Signal<Out, Bits<A>>; R],
    /// Output stream: first beat of a row.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last beat of a row.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: first beat of a picture.
    pub out_sop: Signal<Out, Bit>,
    // the held beat, flat (pair k = values 2k, 2k + 1), shifted down by 2m values per sub-beat
    hold: [DFF<Bits<A>>; I],
    // the held beat after this clock's sub-beat leaves
    nx: [Signal<Local, Bits<A>>; I],
    hv: DFF<Bit>,
    // sub-beat index, and the last sub-beat's index (2^cfg_shift − 1)
    pos: DFF<Bits<3>>,
    mask: Signal<Local, Bits<3>>,
    done: Signal<Local, Bit>,
    take_out: Signal<Local, Bit>,
    take_in: Signal<Local, Bit>,
    hf: DFF<Bit>,
    hl: DFF<Bit>,
    hs: DFF<Bit>,
    zero3: Constant<Bits<3>>,
    one3: Constant<Bits<3>>,
    three3: Constant<Bits<3>>,
    seven3: Constant<Bits<3>>,
    one2: Constant<Bits<2>>,
    two2: Constant<Bits<2>>,
    three2: Constant<Bits<2>>,
}

impl<const A: usize, const I: usize, const R: usize> Default for LlUnpack<A, I, R> {
    fn default() -> Self {
        assert!(matches!(R, 1 | 2 | 4 | 8) && I == 2 * R, "R is 1, 2, 4 or 8 pairs, I = 2R");
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_even: std::array::from_fn(|_| Default::default()),
            in_odd: std::array::from_fn(|_| Default::default()),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            cfg_shift: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_even: std::array::from_fn(|_| Default::default()),
            out_odd: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            hold: std::array::from_fn(|_| Default::default()),
            nx: std::array::from_fn(|_| Default::default()),
            hv: Default::default(),
            pos: Default::default(),
            mask: Default::default(),
            done: Default::default(),
            take_out: Default::default(),
            take_in: Default::default(),
            hf: Default::default(),
            hl: Default::default(),
            hs: Default::default(),
            zero3: Constant::new(0u64.to_bits()),
            one3: Constant::new(1u64.to_bits()),
            three3: Constant::new(3u64.to_bits()),
            seven3: Constant::new(7u64.to_bits()),
            one2: Constant::new(1u64.to_bits()),
            two2: Constant::new(2u64.to_bits()),
            three2: Constant::new(3u64.to_bits()),
        }
    }
}

impl<const A: usize, const I: usize, const R: usize> Logic for LlUnpack<A, I, R> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, hv, pos, hf, hl, hs);
        for j in 0..I {
            self.hold[j].clock.next = self.clock.val();
            self.hold[j].d.next = self.hold[j].q.val();
        }
        // Sub-beats per input beat, less one: 2^cfg_shift − 1.
        self.mask.next = self.zero3.val();
        if self.cfg_shift.val() == self.one2.val() {
            self.mask.next = self.one3.val();
        }
        if self.cfg_shift.val() == self.two2.val() {
            self.mask.next = self.three3.val();
        }
        if self.cfg_shift.val() == self.three2.val() {
            self.mask.next = self.seven3.val();
        }
        self.done.next = self.pos.q.val() == self.mask.val();
        self.take_out.next = self.hv.q.val() & self.out_ready.val();
        self.in_ready.next = !self.hv.q.val() | (self.out_ready.val() & self.done.val());
        self.take_in.next = self.in_valid.val() & (!self.hv.q.val() | (self.out_ready.val() & self.done.val()));
        // The held values shifted down by one sub-beat's 2m = I >> cfg_shift values.
        // (rust-hdl evaluates an index from loop variables and literals only, so each offset
        // is a one-value loop variable: h = I/2, I/4, I/8)
        for j in 0..I {
            self.nx[j].next = self.hold[j].q.val();
        }
        if self.cfg_shift.val() == self.one2.val() {
            for h in (I / 2)..(I / 2 + 1) {
                for j in 0..(I - I / 2) {
                    self.nx[j].next = self.hold[j + h].q.val();
                }
            }
        }
        if self.cfg_shift.val() == self.two2.val() {
            for h in (I / 4)..(I / 4 + 1) {
                for j in 0..(I - I / 4) {
                    self.nx[j].next = self.hold[j + h].q.val();
                }
            }
        }
        if self.cfg_shift.val() == self.three2.val() {
            for h in (I / 8)..(I / 8 + 1) {
                for j in 0..(I - I / 8) {
                    self.nx[j].next = self.hold[j + h].q.val();
                }
            }
        }
        if self.take_out.val() {
            self.pos.d.next = self.pos.q.val() + self.one3.val();
            for j in 0..I {
                self.hold[j].d.next = self.nx[j].val();
            }
            if self.done.val() {
                self.hv.d.next = false;
            }
        }
        if self.take_in.val() {
            self.hv.d.next = true;
            self.pos.d.next = self.zero3.val();
            for k in 0..R {
                self.hold[2 * k].d.next = self.in_even[k].val();
                self.hold[2 * k + 1].d.next = self.in_odd[k].val();
            }
            self.hf.d.next = self.in_first.val();
            self.hl.d.next = self.in_last.val();
            self.hs.d.next = self.in_sop.val() & self.in_first.val();
        }
        self.out_valid.next = self.hv.q.val();
        for k in 0..R {
            self.out_even[k].next = self.hold[2 * k].q.val();
            self.out_odd[k].next = self.hold[2 * k + 1].q.val();
        }
        self.out_first.next = self.hf.q.val() & (self.pos.q.val() == self.zero3.val());
        self.out_sop.next = self.hs.q.val() & (self.pos.q.val() == self.zero3.val());
        self.out_last.next = self.hl.q.val() & self.done.val();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// One beat as the test sees it: the pairs' values (flat, even then odd per pair) and the
    /// markers first, last, sop.
    type Beat = (Vec<u64>, bool, bool, bool);

    /// rust-hdl's simulator at 4 pairs per beat, `cfg_shift` 0, 1 and 2, random input
    /// valid and output ready: every input beat leaves as its `2^cfg_shift` sub-beats in
    /// order (lanes `0..m` compared), with `first`/`sop` on the first and `last` on the
    /// last, nothing lost or repeated; and at full rate (input always offered, output always
    /// ready) one output beat per clock.
    #[test]
    fn cuts_every_beat_in_order() {
        for shift in 0..3u64 {
            let mut u: LlUnpack<12, 8, 4> = LlUnpack::default();
            u.connect_all();
            let settle = |u: &mut LlUnpack<12, 8, 4>| assert!(simulate(u, 100), "did not settle");
            u.clock.next = Clock::from(false);
            u.cfg_shift.next = shift.to_bits();
            settle(&mut u);
            let m = 4 >> shift;
            let mut want: VecDeque<Beat> = VecDeque::new();
            let mut got = 0usize;
            let mut x = 0x2545_f491_4f6c_dd1du64 ^ shift;
            let next = |x: &mut u64| {
                *x ^= *x << 13;
                *x ^= *x >> 7;
                *x ^= *x << 17;
                *x
            };
            let mut pending: Option<Beat> = None;
            let mut beats_out_full_rate = 0;
            for step in 0..3000 {
                let full_rate = step >= 2000;
                let r = next(&mut x);
                if pending.is_none() && (full_rate || r & 3 != 0) {
                    let vals: Vec<u64> = (0..8).map(|_| next(&mut x) & 0xfff).collect();
                    let flags = next(&mut x);
                    pending = Some((vals, flags & 1 == 1, flags & 2 == 2, flags & 5 == 5));
                }
                let ready = full_rate || r >> 2 & 3 != 0;
                u.in_valid.next = pending.is_some();
                if let Some((vals, f, l, s)) = &pending {
                    for k in 0..4 {
                        u.in_even[k].next = vals[2 * k].to_bits();
                        u.in_odd[k].next = vals[2 * k + 1].to_bits();
                    }
                    u.in_first.next = *f;
                    u.in_last.next = *l;
                    u.in_sop.next = *s;
                }
                u.out_ready.next = ready;
                settle(&mut u);
                if u.out_valid.val() && ready {
                    let (vals, f, l, s) = want.pop_front().expect("a beat out that was never put in");
                    for k in 0..m {
                        assert_eq!(u.out_even[k].val().to_u64(), vals[2 * k], "shift {shift} step {step}: pair {k} even");
                        assert_eq!(u.out_odd[k].val().to_u64(), vals[2 * k + 1], "shift {shift} step {step}: pair {k} odd");
                    }
                    assert_eq!((u.out_first.val(), u.out_last.val(), u.out_sop.val()), (f, l, s), "shift {shift} step {step}: markers");
                    got += 1;
                    if full_rate {
                        beats_out_full_rate += 1;
                    }
                }
                if u.in_valid.val() && u.in_ready.val() {
                    let (vals, f, l, s) = pending.take().unwrap();
                    let subs = 1 << shift;
                    for t in 0..subs {
                        let part = vals[2 * m * t..2 * m * (t + 1)].to_vec();
                        want.push_back((part, f && t == 0, l && t == subs - 1, s && f && t == 0));
                    }
                }
                u.clock.next = Clock::from(true);
                settle(&mut u);
                u.clock.next = Clock::from(false);
                settle(&mut u);
            }
            assert!(got > 1000, "shift {shift}: only {got} beats out");
            assert!(beats_out_full_rate >= 998, "shift {shift}: {beats_out_full_rate} beats out in 1000 clocks at full rate");
        }
    }
}
