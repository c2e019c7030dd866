//! One column lane of [`super::legall_v`]'s datapath: the LeGall (5,3) vertical lifting
//! arithmetic for one column per clock, as a five-register pipeline with one clock enable.
//! The parent block owns the control (which row a beat belongs to, what to read and write)
//! and the line buffers; this block only computes.
//!
//! **Function** (per beat, the parent supplying the line-buffer words read for its column):
//! `H = o − ⌊(e + e_next + 1) / 2⌋`, with `e_next` the incoming sample (or, in the first
//! flush row, `e` itself: the bottom edge `e_M = e_{M−1}`); `L = e + ⌊(H_prev + H + 2) / 4⌋`
//! with `H_prev` the buffered H of the row pair above (or `H` itself in the first row pair).
//! `out` is `L` in compute beats and the buffered `H` in the other beats.
//!
//! **Latency:** five enabled clocks from `x_in` (S0) to `out` (S5). **Reset:** none.
//!
//! **Build-time parameters:** `W` input bits, `V` datapath bits (`V ≥ W`; sized by the
//! parent from the worst case).

use rust_hdl::prelude::*;

/// The lane; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallVLane<const W: usize, const V: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Clock enable of every register (the parent's pipeline advance).
    pub en: Signal<In, Bit>,
    /// S0 input: the incoming sample, `W`-bit two's complement.
    pub x_in: Signal<In, Bits<W>>,
    /// S1: the even-row line buffer word for the beat in S1 (`e_m`; the line buffer's output
    /// register is this stage's register).
    pub ram_e: Signal<In, Bits<V>>,
    /// S1: the odd-row line buffer word (`o_m`).
    pub ram_o: Signal<In, Bits<V>>,
    /// S1: the H line buffer word (`H_{m−1}`, or `H_m` in emit rows).
    pub ram_h: Signal<In, Bits<V>>,
    /// Control for the beat in S1: first flush row (`e_next = e`).
    pub flush1: Signal<In, Bit>,
    /// Haar (VC-2 wavelets 3 and 4) instead of LeGall: both neighbours are the centre row
    /// (`H = o − e`, `L = e + ⌊(H + 1) / 2⌋`), the same lifting with other taps.
    pub haar: Signal<In, Bit>,
    /// Control for the beat in S3: first row pair (`H_prev = H`).
    pub m0_3: Signal<In, Bit>,
    /// Control for the beat in S4: a compute beat (`out = L`, else the buffered H).
    pub comp4: Signal<In, Bit>,
    /// The beat in S1's sample, sign-extended (written to the even/odd line buffer).
    pub x1: Signal<Out, Bits<V>>,
    /// The beat in S4's `H` (written to the H line buffer).
    pub h4: Signal<Out, Bits<V>>,
    /// S5: the result.
    pub out: Signal<Out, Bits<V>>,
    ext: Constant<Bits<V>>,
    msb: Constant<Bits<V>>,
    sign_in: Constant<Bits<W>>,
    x_ext: Signal<Local, Bits<V>>,
    e_next: Signal<Local, Bits<V>>,
    h_new: Signal<Local, Bits<V>>,
    h_prev: Signal<Local, Bits<V>>,
    l_shift: Signal<Local, Bits<V>>,
    s0_x: DFF<Bits<V>>,
    s1_x: DFF<Bits<V>>,
    s2_sum: DFF<Bits<V>>,
    s2_e: DFF<Bits<V>>,
    s2_o: DFF<Bits<V>>,
    s2_h: DFF<Bits<V>>,
    s3_h: DFF<Bits<V>>,
    s3_e: DFF<Bits<V>>,
    s3_hb: DFF<Bits<V>>,
    s4_t: DFF<Bits<V>>,
    s4_e: DFF<Bits<V>>,
    s4_h: DFF<Bits<V>>,
    s4_hb: DFF<Bits<V>>,
    s5: DFF<Bits<V>>,
}

impl<const W: usize, const V: usize> Default for LegallVLane<W, V> {
    fn default() -> Self {
        assert!(V >= W && V < 64);
        let ext = ((1u64 << V) - 1) & !((1u64 << W) - 1);
        Self {
            clock: Default::default(),
            en: Default::default(),
            x_in: Default::default(),
            ram_e: Default::default(),
            ram_o: Default::default(),
            ram_h: Default::default(),
            flush1: Default::default(),
            haar: Default::default(),
            m0_3: Default::default(),
            comp4: Default::default(),
            x1: Default::default(),
            h4: Default::default(),
            out: Default::default(),
            ext: Constant::new(ext.to_bits()),
            msb: Constant::new((1u64 << (V - 1)).to_bits()),
            sign_in: Constant::new((1u64 << (W - 1)).to_bits()),
            x_ext: Default::default(),
            e_next: Default::default(),
            h_new: Default::default(),
            h_prev: Default::default(),
            l_shift: Default::default(),
            s0_x: Default::default(),
            s1_x: Default::default(),
            s2_sum: Default::default(),
            s2_e: Default::default(),
            s2_o: Default::default(),
            s2_h: Default::default(),
            s3_h: Default::default(),
            s3_e: Default::default(),
            s3_hb: Default::default(),
            s4_t: Default::default(),
            s4_e: Default::default(),
            s4_h: Default::default(),
            s4_hb: Default::default(),
            s5: Default::default(),
        }
    }
}

impl<const W: usize, const V: usize> Logic for LegallVLane<W, V> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, s0_x, s1_x, s2_sum, s2_e, s2_o, s2_h, s3_h, s3_e, s3_hb, s4_t, s4_e, s4_h, s4_hb, s5);
        // Sign extension of the input.
        self.x_ext.next = bit_cast::<V, W>(self.x_in.val());
        if (self.x_in.val() & self.sign_in.val()).any() {
            self.x_ext.next = bit_cast::<V, W>(self.x_in.val()) | self.ext.val();
        }
        // e_next: the incoming even sample, or (bottom edge) e itself.
        self.e_next.next = self.s1_x.q.val();
        if self.flush1.val() | self.haar.val() {
            self.e_next.next = self.ram_e.val();
        }
        // H = o - ((e + e_next + 1) >> 1), arithmetic shift.
        self.h_new.next = self.s2_o.q.val() - ((self.s2_sum.q.val() >> 1) | (self.s2_sum.q.val() & self.msb.val()));
        // H_prev: the buffered H of the row pair above, or H itself in the first pair.
        self.h_prev.next = self.s3_hb.q.val();
        if self.m0_3.val() | self.haar.val() {
            self.h_prev.next = self.s3_h.q.val();
        }
        // L = e + ((H_prev + H + 2) >> 2), arithmetic shift.
        self.l_shift.next = self.s4_t.q.val() >> 2;
        if (self.s4_t.q.val() & self.msb.val()).any() {
            self.l_shift.next = (self.s4_t.q.val() >> 2) | self.msb.val() | (self.msb.val() >> 1);
        }
        if self.en.val() {
            self.s0_x.d.next = self.x_ext.val();
            self.s1_x.d.next = self.s0_x.q.val();
            self.s2_sum.d.next = self.ram_e.val() + self.e_next.val() + 1;
            self.s2_e.d.next = self.ram_e.val();
            self.s2_o.d.next = self.ram_o.val();
            self.s2_h.d.next = self.ram_h.val();
            self.s3_h.d.next = self.h_new.val();
            self.s3_e.d.next = self.s2_e.q.val();
            self.s3_hb.d.next = self.s2_h.q.val();
            self.s4_t.d.next = self.h_prev.val() + self.s3_h.q.val() + 2;
            self.s4_e.d.next = self.s3_e.q.val();
            self.s4_h.d.next = self.s3_h.q.val();
            self.s4_hb.d.next = self.s3_hb.q.val();
            self.s5.d.next = self.s4_hb.q.val();
            if self.comp4.val() {
                self.s5.d.next = self.s4_e.q.val() + self.l_shift.val();
            }
        }
        self.x1.next = self.s1_x.q.val();
        self.h4.next = self.s4_h.q.val();
        self.out.next = self.s5.q.val();
    }
}
