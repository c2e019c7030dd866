//! LL packer between wavelet levels: takes a vertical block's LL stream (`n` coefficients
//! per beat, lanes `in_c[0..n]`) and offers them as the beats of `R` (even, odd) pairs the
//! next horizontal block takes, gathering `2R / n` input beats into each output beat. Its
//! output is a two-entry queue, so `in_ready` is a register (it breaks the combinational
//! ready path between levels).
//!
//! **Function.** `n = I >> cfg_shift` (`I = 2R` input lanes; `cfg_shift` 0, 1, 2 or 3, at
//! most `log2 I`). Within a row, consecutive coefficients `c_0, c_1, …` (input beat `t`'s lane
//! `j` is `c_{t·n + j}`) leave as output beat `u`'s pair `k` = (`c_{2Ru + 2k}`,
//! `c_{2Ru + 2k + 1}`). `in_first` starts a row (a pending partial beat is discarded: rows
//! are a multiple of `2R` coefficients by construction). `out_first`/`out_sop` come from the
//! beat's first input beat and `out_last` from its last. Lanes `in_c[n..I]` are ignored.
//! Uses: between levels where the upper level has one pair per beat (`I = 2`, `R = 1`,
//! `cfg_shift = 1`: two coefficients make a pair); where it has `P ≥ 2` pairs per beat
//! (`I = P`, `cfg_shift = 0`: its `P` LL values are the next level's `P / 2` pairs, and
//! the packer is a register slice); in front of the horizontal-only level, whose source
//! level — and so `n` — is chosen at run time.
//!
//! **Throughput:** one input beat per clock; one output beat per `2^cfg_shift` clocks.
//! **Latency:** two clocks from a beat's last input to its output: a completed beat is
//! registered first and enters the queue from there, so that the queue's push decision and
//! its data multiplexers depend on registers only, never on the upstream `in_valid`.
//! **Handshake:** video streams (`valid`/`ready`, crate docs). **Reset:** none needed
//! (registers start empty).
//!
//! **Build-time parameters:** `A` coefficient bits, `I` input lanes, `R` output pairs per
//! beat (`I = 2R`; two parameters because stable Rust has no `[_; 2 * R]`).
//! **Run-time register:** `cfg_shift` (change it only between pictures).

use super::pair_queue::PairQueue;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LlPack<const A: usize, const I: usize, const R: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Input: a beat is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input: the block takes it at this edge (a register: low when the queue is full).
    pub in_ready: Signal<Out, Bit>,
    /// Input: coefficient lanes, `A`-bit two's complement; lanes `n..I` are ignored.
    pub in_c: [Signal<In, Bits<A>>; I],
    /// Input: first beat of a row.
    pub in_first: Signal<In, Bit>,
    /// Input: last beat of a row.
    pub in_last: Signal<In, Bit>,
    /// Input: first beat of a picture.
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: `log2(I / n)`, 0..=min(3, log2 I): coefficients per input beat.
    pub cfg_shift: Signal<In, Bits<2>>,
    /// Output: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output: the consumer takes it at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output: pair `k`'s even coefficient.
    pub out_even: [Signal<Out, Bits<A>>; R],
    /// Output: pair `k`'s odd coefficient.
    pub out_odd: [Signal<Out, Bits<A>>; R],
    /// Output: first beat of a row.
    pub out_first: Signal<Out, Bit>,
    /// Output: last beat of a row.
    pub out_last: Signal<Out, Bit>,
    /// Output: first beat of a picture.
    pub out_sop: Signal<Out, Bit>,
    take: Signal<Local, Bit>,
    // the input beat's place in its output beat (0 at a row's first beat), and whether it
    // completes the output beat
    pos: Signal<Local, Bits<3>>,
    mask: Signal<Local, Bits<3>>,
    done: Signal<Local, Bit>,
    // the gathered coefficients after this beat's shift-in (lane I - 1 is the newest)
    nx: [Signal<Local, Bits<A>>; I],
    cnt: DFF<Bits<3>>,
    acc: [DFF<Bits<A>>; I],
    acc_first: DFF<Bit>,
    acc_sop: DFF<Bit>,
    // the completed beat, waiting to enter the queue
    pv: DFF<Bit>,
    pe: [DFF<Bits<A>>; R],
    po: [DFF<Bits<A>>; R],
    pf: DFF<Bit>,
    pl: DFF<Bit>,
    ps: DFF<Bit>,
    q: PairQueue<A, R>,
    zero3: Constant<Bits<3>>,
    one3: Constant<Bits<3>>,
    three3: Constant<Bits<3>>,
    seven3: Constant<Bits<3>>,
    one2: Constant<Bits<2>>,
    two2: Constant<Bits<2>>,
    three2: Constant<Bits<2>>,
}

impl<const A: usize, const I: usize, const R: usize> Default for LlPack<A, I, R> {
    fn default() -> Self {
        assert!(R >= 1 && I == 2 * R);
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_c: std::array::from_fn(|_| Default::default()),
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
            take: Default::default(),
            pos: Default::default(),
            mask: Default::default(),
            done: Default::default(),
            nx: std::array::from_fn(|_| Default::default()),
            cnt: Default::default(),
            acc: std::array::from_fn(|_| Default::default()),
            acc_first: Default::default(),
            acc_sop: Default::default(),
            pv: Default::default(),
            pe: std::array::from_fn(|_| Default::default()),
            po: std::array::from_fn(|_| Default::default()),
            pf: Default::default(),
            pl: Default::default(),
            ps: Default::default(),
            q: Default::default(),
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

impl<const A: usize, const I: usize, const R: usize> Logic for LlPack<A, I, R> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, cnt, acc_first, acc_sop, pv, pf, pl, ps);
        for j in 0..I {
            self.acc[j].clock.next = self.clock.val();
            self.acc[j].d.next = self.acc[j].q.val();
        }
        for k in 0..R {
            self.pe[k].clock.next = self.clock.val();
            self.po[k].clock.next = self.clock.val();
            self.pe[k].d.next = self.pe[k].q.val();
            self.po[k].d.next = self.po[k].q.val();
        }
        self.in_ready.next = self.q.free.val();
        self.take.next = self.in_valid.val() & self.q.free.val();
        // (the completed-beat register empties into the queue whenever the queue has room —
        // the same condition as in_ready — so it is always free when a new beat completes)
        if self.pv.q.val() & self.q.free.val() {
            self.pv.d.next = false;
        }
        // Input beats per output beat, less one: 2^cfg_shift - 1.
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
        self.pos.next = self.cnt.q.val();
        if self.in_first.val() {
            self.pos.next = self.zero3.val();
        }
        self.done.next = self.pos.val() == self.mask.val();
        // Shift the beat's n coefficients in at the top.
        for j in 0..I {
            self.nx[j].next = self.in_c[j].val();
        }
        // (rust-hdl evaluates an index from loop variables and literals only, so each offset
        // is a one-value loop variable: h = I/2; h = I/4 and g = I − I/4; h = I/8 and
        // g = I − I/8)
        if self.cfg_shift.val() == self.one2.val() {
            for h in (I / 2)..(I / 2 + 1) {
                for j in 0..(I / 2) {
                    self.nx[j].next = self.acc[j + h].q.val();
                }
                for j in (I / 2)..I {
                    self.nx[j].next = self.in_c[j - h].val();
                }
            }
        }
        if self.cfg_shift.val() == self.two2.val() {
            for h in (I / 4)..(I / 4 + 1) {
                for j in 0..(I - I / 4) {
                    self.nx[j].next = self.acc[j + h].q.val();
                }
            }
            for g in (I - I / 4)..(I - I / 4 + 1) {
                for j in (I - I / 4)..I {
                    self.nx[j].next = self.in_c[j - g].val();
                }
            }
        }
        if self.cfg_shift.val() == self.three2.val() {
            for h in (I / 8)..(I / 8 + 1) {
                for j in 0..(I - I / 8) {
                    self.nx[j].next = self.acc[j + h].q.val();
                }
            }
            for g in (I - I / 8)..(I - I / 8 + 1) {
                for j in (I - I / 8)..I {
                    self.nx[j].next = self.in_c[j - g].val();
                }
            }
        }
        if self.take.val() {
            for j in 0..I {
                self.acc[j].d.next = self.nx[j].val();
            }
            // The completed-beat register's data loads with every beat taken, complete or
            // not: `pv` alone says whether it holds a beat, and a take needs a free queue,
            // which is exactly when a held beat leaves (above). So only the few marker
            // registers wait for `done`, not the `2R · A` data bits: `done` (which depends on
            // the input's `in_first`) then drives a handful of enables instead of a wide one.
            for k in 0..R {
                self.pe[k].d.next = self.nx[2 * k].val();
                self.po[k].d.next = self.nx[2 * k + 1].val();
            }
            self.cnt.d.next = self.pos.val() + self.one3.val();
            if self.pos.val() == self.zero3.val() {
                self.acc_first.d.next = self.in_first.val();
                self.acc_sop.d.next = self.in_sop.val() & self.in_first.val();
            }
            if self.done.val() {
                self.cnt.d.next = self.zero3.val();
                self.pv.d.next = true;
                self.pf.d.next = self.acc_first.q.val();
                self.ps.d.next = self.acc_sop.q.val();
                if self.pos.val() == self.zero3.val() {
                    self.pf.d.next = self.in_first.val();
                    self.ps.d.next = self.in_sop.val() & self.in_first.val();
                }
                self.pl.d.next = self.in_last.val();
            }
        }
        // Output queue.
        self.q.clock.next = self.clock.val();
        self.q.push.next = self.pv.q.val();
        for k in 0..R {
            self.q.in_a[k].next = self.pe[k].q.val();
            self.q.in_b[k].next = self.po[k].q.val();
            self.out_even[k].next = self.q.out_a[k].val();
            self.out_odd[k].next = self.q.out_b[k].val();
        }
        self.q.in_first.next = self.pf.q.val();
        self.q.in_last.next = self.pl.q.val();
        self.q.in_sop.next = self.ps.q.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_first.next = self.q.out_first.val();
        self.out_last.next = self.q.out_last.val();
        self.out_sop.next = self.q.out_sop.val();
    }
}
