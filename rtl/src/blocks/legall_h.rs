//! LeGall (5,3) horizontal analysis (VC-2 wavelet index 1, ST 2042-1 15.4.4.2 run in
//! reverse as the encoder does): one line at a time, two samples per clock.
//!
//! **Function.** For each line of `2N` samples `x`, with `filter_bit_shift` 1:
//! `e_n = 2·x_{2n}`, `o_n = 2·x_{2n+1}`;
//! `H_n = o_n − ⌊(e_n + e_{n+1} + 1) / 2⌋` (with `e_N = e_{N−1}`);
//! `L_n = e_n + ⌊(H_{n−1} + H_n + 2) / 4⌋` (with `H_{−1} = H_0`) —
//! exactly `uhdpipe_model::wavelet::analysis_1d(line, 1)`.
//!
//! **Throughput.** One sample pair in and one (L, H) pair out per clock; a line of `N` pairs
//! takes `N + 1` clocks (`in_ready` is low for one clock after each line's last pair while
//! that pair is finished). **Latency:** the result for pair `n` leaves on the clock after
//! pair `n + 1` (or, for a line's last pair, the flush clock) is taken.
//!
//! **Handshake.** `in_*` and `out_*` are video streams (crate docs): a beat transfers when
//! `valid` and `ready` are both high at a rising edge. `in_first`/`in_last` mark a line's
//! first and last pair and come out on the corresponding output pair. A line has at least
//! one pair. **Reset:** none needed; registers start at zero (`initial`), i.e. idle.
//!
//! **Build-time parameters:** `W` input bits (two's complement), `V` output bits
//! (`V ≥ W + 3` holds every result).

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallH<const W: usize, const V: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Input stream: a sample pair is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes the pair at this edge (low one clock after `in_last`).
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: even sample `x_{2n}`, `W`-bit two's complement.
    pub in_even: Signal<In, Bits<W>>,
    /// Input stream: odd sample `x_{2n+1}`, `W`-bit two's complement.
    pub in_odd: Signal<In, Bits<W>>,
    /// Input stream: this pair starts a line.
    pub in_first: Signal<In, Bit>,
    /// Input stream: this pair ends a line.
    pub in_last: Signal<In, Bit>,
    /// Output stream: a result pair is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes the pair at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: low-pass `L_n`, `V`-bit two's complement.
    pub out_low: Signal<Out, Bits<V>>,
    /// Output stream: high-pass `H_n`, `V`-bit two's complement.
    pub out_high: Signal<Out, Bits<V>>,
    /// Output stream: first pair of a line.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last pair of a line.
    pub out_last: Signal<Out, Bit>,
    // constants
    ext: Constant<Bits<V>>,
    msb: Constant<Bits<V>>,
    sign_in: Constant<Bits<W>>,
    // locals
    e_new: Signal<Local, Bits<V>>,
    o_new: Signal<Local, Bits<V>>,
    e_next: Signal<Local, Bits<V>>,
    h_sum: Signal<Local, Bits<V>>,
    h: Signal<Local, Bits<V>>,
    hm: Signal<Local, Bits<V>>,
    l_sum: Signal<Local, Bits<V>>,
    l_shift: Signal<Local, Bits<V>>,
    take: Signal<Local, Bit>,
    emit: Signal<Local, Bit>,
    free: Signal<Local, Bit>,
    // state
    e_prev: DFF<Bits<V>>,
    o_prev: DFF<Bits<V>>,
    h_prev: DFF<Bits<V>>,
    have_prev: DFF<Bit>,
    prev_first: DFF<Bit>,
    prev_last: DFF<Bit>,
    ov: DFF<Bit>,
    ol: DFF<Bits<V>>,
    oh: DFF<Bits<V>>,
    of: DFF<Bit>,
    oe: DFF<Bit>,
}

impl<const W: usize, const V: usize> Default for LegallH<W, V> {
    fn default() -> Self {
        assert!(V >= W + 3 && V <= 64);
        let ext = if V == 64 { u64::MAX } else { (1u64 << V) - 1 } & !((1u64 << W) - 1);
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_even: Default::default(),
            in_odd: Default::default(),
            in_first: Default::default(),
            in_last: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_low: Default::default(),
            out_high: Default::default(),
            out_first: Default::default(),
            out_last: Default::default(),
            ext: Constant::new(ext.to_bits()),
            msb: Constant::new((1u64 << (V - 1)).to_bits()),
            sign_in: Constant::new((1u64 << (W - 1)).to_bits()),
            e_new: Default::default(),
            o_new: Default::default(),
            e_next: Default::default(),
            h_sum: Default::default(),
            h: Default::default(),
            hm: Default::default(),
            l_sum: Default::default(),
            l_shift: Default::default(),
            take: Default::default(),
            emit: Default::default(),
            free: Default::default(),
            e_prev: Default::default(),
            o_prev: Default::default(),
            h_prev: Default::default(),
            have_prev: Default::default(),
            prev_first: Default::default(),
            prev_last: Default::default(),
            ov: Default::default(),
            ol: Default::default(),
            oh: Default::default(),
            of: Default::default(),
            oe: Default::default(),
        }
    }
}

impl<const W: usize, const V: usize> Logic for LegallH<W, V> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, e_prev, o_prev, h_prev, have_prev, prev_first, prev_last, ov, ol, oh, of, oe);
        // Sign-extend and apply filter_bit_shift (x << 1).
        self.e_new.next = bit_cast::<V, W>(self.in_even.val());
        if (self.in_even.val() & self.sign_in.val()).any() {
            self.e_new.next = bit_cast::<V, W>(self.in_even.val()) | self.ext.val();
        }
        self.e_new.next = self.e_new.val() << 1;
        self.o_new.next = bit_cast::<V, W>(self.in_odd.val());
        if (self.in_odd.val() & self.sign_in.val()).any() {
            self.o_new.next = bit_cast::<V, W>(self.in_odd.val()) | self.ext.val();
        }
        self.o_new.next = self.o_new.val() << 1;
        self.free.next = !self.ov.q.val() | self.out_ready.val();
        // Flushing the last pair of a line: no new input this cycle.
        self.in_ready.next = self.free.val() & !(self.have_prev.q.val() & self.prev_last.q.val());
        self.take.next = self.in_valid.val() & self.in_ready.val();
        self.emit.next = (self.take.val() & self.have_prev.q.val()) | (self.free.val() & self.have_prev.q.val() & self.prev_last.q.val());
        // The even sample after the buffered pair: the new one, or (end of line) itself.
        self.e_next.next = self.e_new.val();
        if self.prev_last.q.val() {
            self.e_next.next = self.e_prev.q.val();
        }
        // H = odd - ((e + e_next + 1) >> 1), arithmetic shift.
        self.h_sum.next = self.e_prev.q.val() + self.e_next.val() + 1;
        self.h.next = self.o_prev.q.val() - ((self.h_sum.val() >> 1) | (self.h_sum.val() & self.msb.val()));
        self.hm.next = self.h_prev.q.val();
        if self.prev_first.q.val() {
            self.hm.next = self.h.val();
        }
        // L = e + ((H_prev + H + 2) >> 2), arithmetic shift.
        self.l_sum.next = self.hm.val() + self.h.val() + 2;
        self.l_shift.next = self.l_sum.val() >> 2;
        if (self.l_sum.val() & self.msb.val()).any() {
            self.l_shift.next = (self.l_sum.val() >> 2) | self.msb.val() | (self.msb.val() >> 1);
        }
        // Output register.
        if self.free.val() {
            self.ov.d.next = false;
        }
        if self.emit.val() {
            self.ov.d.next = true;
            self.ol.d.next = self.e_prev.q.val() + self.l_shift.val();
            self.oh.d.next = self.h.val();
            self.of.d.next = self.prev_first.q.val();
            self.oe.d.next = self.prev_last.q.val();
            self.h_prev.d.next = self.h.val();
            self.have_prev.d.next = false;
        }
        if self.take.val() {
            self.e_prev.d.next = self.e_new.val();
            self.o_prev.d.next = self.o_new.val();
            self.prev_first.d.next = self.in_first.val();
            self.prev_last.d.next = self.in_last.val();
            self.have_prev.d.next = true;
        }
        self.out_valid.next = self.ov.q.val();
        self.out_low.next = self.ol.q.val();
        self.out_high.next = self.oh.q.val();
        self.out_first.next = self.of.q.val();
        self.out_last.next = self.oe.q.val();
    }
}
