//! One column lane of [`super::legall_v`]'s datapath: the LeGall (5,3) vertical lifting
//! arithmetic for one column per clock, analysis or synthesis, as a six-register pipeline
//! with one clock enable. The parent block owns the control (which row a beat belongs to,
//! what to read and write) and the line buffers; this block only computes.
//!
//! **Analysis** (`S = 0`; per beat, the parent supplying the line-buffer words read for its
//! column: `ram_e` = `e_m`, `ram_o` = `o_m`, `ram_h` = `H_{m−1}`):
//! `H = o − ⌊(e + e_next + 1) / 2⌋`, with `e_next` the incoming sample (or, with `edge1` —
//! the first flush row — `e` itself: the bottom edge `e_M = e_{M−1}`);
//! `L = e + ⌊(H_prev + H + 2) / 4⌋` with `H_prev` the buffered H of the row pair above (or,
//! with `edge3` — the first row pair — `H` itself). `out` is `L` in compute beats and the
//! buffered `H` in the other beats.
//!
//! **Synthesis** (`S = 1`; `ram_e` = `L_m`, `ram_o` = `H_{m−1}`, `ram_h` = `e_{m−1}`, the
//! incoming sample `H_m`): `e_m = L_m − ⌊(H_{m−1} + H_m + 2) / 4⌋` (with `edge1` — the first
//! row pair — `H_{m−1} = H_m`), then `o_{m−1} = H_{m−1} + ⌊(e_{m−1} + e_m + 1) / 2⌋` (with
//! `edge3` — the last flush row — `e_m = e_{m−1}`, the bottom edge). `out` is `o_{m−1}` in
//! compute beats and the buffered `e_{m−1}` in the other beats; `h4` is `e_m` (the parent
//! writes it back). The two directions are the same four adders in mirror order (stage 3
//! adds `+1` or `+2`, stage 4 shifts by 1 or 2, and back), so one lane serves both.
//!
//! Haar (`haar`): both neighbours of each step are the centre sample.
//!
//! **Latency:** six enabled clocks from `x_in` (S0) to `out` (S6). The line-buffer words
//! arrive in S1 (from the block RAM's output register) and are registered again in S2
//! before the first adder: on the ECP5 the route from a block RAM to the lane can be
//! half a clock at 150 MHz by itself (`rtl/datasheets/legall_fwd.md`, timing notes). **Reset:** none.
//!
//! **Build-time parameters:** `W` input bits, `V` datapath bits (`V ≥ W`; sized by the
//! parent from the worst case), `S` the direction (0 analysis, 1 synthesis).

use rust_hdl::prelude::*;

/// The lane; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallVLane<const W: usize, const V: usize, const S: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Clock enable of every register (the parent's pipeline advance).
    pub en: Signal<In, Bit>,
    /// S0 input: the incoming sample, `W`-bit two's complement.
    pub x_in: Signal<In, Bits<W>>,
    /// S1: the even-row line buffer word for the beat in S1 (`e_m`; the line buffer's output
    /// register is this stage's register). The lane registers it again (S2) before any
    /// arithmetic, so that the route from the block RAM is a path of its own.
    pub ram_e: Signal<In, Bits<V>>,
    /// S1: the odd-row line buffer word (`o_m`).
    pub ram_o: Signal<In, Bits<V>>,
    /// S1: the H line buffer word (`H_{m−1}`, or `H_m` in emit rows).
    pub ram_h: Signal<In, Bits<V>>,
    /// Control for the beat in S2: analysis, the first flush row (`e_next = e`); synthesis,
    /// the first row pair (`H_{m−1} = H_m`).
    pub edge2: Signal<In, Bit>,
    /// Haar (VC-2 wavelets 3 and 4) instead of LeGall: both neighbours are the centre row
    /// (`H = o − e`, `L = e + ⌊(H + 1) / 2⌋`), the same lifting with other taps.
    pub haar: Signal<In, Bit>,
    /// Control for the beat in S4: analysis, the first row pair (`H_prev = H`); synthesis,
    /// the last flush row (`e_m = e_{m−1}`).
    pub edge4: Signal<In, Bit>,
    /// Control for the beat in S5: a compute beat (`out = L`, else the buffered H).
    pub comp5: Signal<In, Bit>,
    /// The beat in S1's sample, sign-extended (written to the even/odd line buffer).
    pub x1: Signal<Out, Bits<V>>,
    /// The beat in S5's `H` (analysis) or `e_m` (synthesis), written back to the line buffer
    /// `ram_h` reads.
    pub h5: Signal<Out, Bits<V>>,
    /// S6: the result.
    pub out: Signal<Out, Bits<V>>,
    ext: Constant<Bits<V>>,
    msb: Constant<Bits<V>>,
    sign_in: Constant<Bits<W>>,
    syn: Constant<Bit>,
    one: Constant<Bits<V>>,
    two: Constant<Bits<V>>,
    s3_a: Signal<Local, Bits<V>>,
    s3_b: Signal<Local, Bits<V>>,
    s5_a: Signal<Local, Bits<V>>,
    t_shift: Signal<Local, Bits<V>>,
    x_ext: Signal<Local, Bits<V>>,
    h_new: Signal<Local, Bits<V>>,
    s5_b: Signal<Local, Bits<V>>,
    l_shift: Signal<Local, Bits<V>>,
    s0_x: DFF<Bits<V>>,
    s1_x: DFF<Bits<V>>,
    s2_x: DFF<Bits<V>>,
    s2_re: DFF<Bits<V>>,
    s2_ro: DFF<Bits<V>>,
    s2_rh: DFF<Bits<V>>,
    s3_sum: DFF<Bits<V>>,
    s3_e: DFF<Bits<V>>,
    s3_o: DFF<Bits<V>>,
    s3_h: DFF<Bits<V>>,
    s4_h: DFF<Bits<V>>,
    s4_e: DFF<Bits<V>>,
    s4_hb: DFF<Bits<V>>,
    s5_t: DFF<Bits<V>>,
    s5_e: DFF<Bits<V>>,
    s5_h: DFF<Bits<V>>,
    s5_hb: DFF<Bits<V>>,
    s6: DFF<Bits<V>>,
}

impl<const W: usize, const V: usize, const S: usize> Default for LegallVLane<W, V, S> {
    fn default() -> Self {
        assert!(V >= W && V < 64 && S < 2);
        let ext = ((1u64 << V) - 1) & !((1u64 << W) - 1);
        Self {
            clock: Default::default(),
            en: Default::default(),
            x_in: Default::default(),
            ram_e: Default::default(),
            ram_o: Default::default(),
            ram_h: Default::default(),
            edge2: Default::default(),
            haar: Default::default(),
            edge4: Default::default(),
            comp5: Default::default(),
            x1: Default::default(),
            h5: Default::default(),
            out: Default::default(),
            ext: Constant::new(ext.to_bits()),
            msb: Constant::new((1u64 << (V - 1)).to_bits()),
            sign_in: Constant::new((1u64 << (W - 1)).to_bits()),
            syn: Constant::new(S == 1),
            one: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            s3_a: Default::default(),
            s3_b: Default::default(),
            s5_a: Default::default(),
            t_shift: Default::default(),
            x_ext: Default::default(),
            h_new: Default::default(),
            s5_b: Default::default(),
            l_shift: Default::default(),
            s0_x: Default::default(),
            s1_x: Default::default(),
            s2_x: Default::default(),
            s2_re: Default::default(),
            s2_ro: Default::default(),
            s2_rh: Default::default(),
            s3_sum: Default::default(),
            s3_e: Default::default(),
            s3_o: Default::default(),
            s3_h: Default::default(),
            s4_h: Default::default(),
            s4_e: Default::default(),
            s4_hb: Default::default(),
            s5_t: Default::default(),
            s5_e: Default::default(),
            s5_h: Default::default(),
            s5_hb: Default::default(),
            s6: Default::default(),
        }
    }
}

impl<const W: usize, const V: usize, const S: usize> Logic for LegallVLane<W, V, S> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, s0_x, s1_x, s2_x, s2_re, s2_ro, s2_rh, s3_sum, s3_e, s3_o, s3_h, s4_h, s4_e, s4_hb, s5_t, s5_e, s5_h, s5_hb, s6);
        // Sign extension of the input.
        self.x_ext.next = bit_cast::<V, W>(self.x_in.val());
        if (self.x_in.val() & self.sign_in.val()).any() {
            self.x_ext.next = bit_cast::<V, W>(self.x_in.val()) | self.ext.val();
        }
        // Stage 3 sum, from the words and the sample registered in S2. Analysis: e + e_next + 1
        // (e_next the incoming sample, or e at the bottom edge / for Haar). Synthesis:
        // H_{m-1} + H_m + 2 (H_{m-1} = H_m at the top edge / for Haar).
        self.s3_a.next = self.s2_re.q.val();
        self.s3_b.next = self.s2_x.q.val();
        if self.edge2.val() | self.haar.val() {
            self.s3_b.next = self.s2_re.q.val();
        }
        if self.syn.val() {
            self.s3_a.next = self.s2_ro.q.val();
            if self.edge2.val() | self.haar.val() {
                self.s3_a.next = self.s2_x.q.val();
            }
            self.s3_b.next = self.s2_x.q.val();
        }
        // Stage 4. Analysis: H = o - (sum >> 1). Synthesis: e_m = L_m - (sum >> 2).
        // Arithmetic shifts.
        self.h_new.next = self.s3_o.q.val() - ((self.s3_sum.q.val() >> 1) | (self.s3_sum.q.val() & self.msb.val()));
        self.l_shift.next = self.s3_sum.q.val() >> 2;
        if self.syn.val() {
            if (self.s3_sum.q.val() & self.msb.val()).any() {
                self.l_shift.next = (self.s3_sum.q.val() >> 2) | self.msb.val() | (self.msb.val() >> 1);
            }
            self.h_new.next = self.s3_e.q.val() - self.l_shift.val();
        }
        // Stage 5 sum. Analysis: H + H_prev + 2 (H_prev = H at the top edge / for Haar).
        // Synthesis: e_{m-1} + e_m + 1 (e_m = e_{m-1} at the bottom edge / for Haar).
        self.s5_a.next = self.s4_h.q.val();
        self.s5_b.next = self.s4_hb.q.val();
        if self.edge4.val() | self.haar.val() {
            self.s5_b.next = self.s4_h.q.val();
        }
        if self.syn.val() {
            self.s5_a.next = self.s4_hb.q.val();
            self.s5_b.next = self.s4_h.q.val();
            if self.edge4.val() | self.haar.val() {
                self.s5_b.next = self.s4_hb.q.val();
            }
        }
        // Stage 6. Analysis: L = e + (t >> 2). Synthesis: o_{m-1} = H_{m-1} + (t >> 1).
        self.t_shift.next = self.s5_t.q.val() >> 2;
        if (self.s5_t.q.val() & self.msb.val()).any() {
            self.t_shift.next = (self.s5_t.q.val() >> 2) | self.msb.val() | (self.msb.val() >> 1);
        }
        if self.syn.val() {
            self.t_shift.next = (self.s5_t.q.val() >> 1) | (self.s5_t.q.val() & self.msb.val());
        }
        if self.en.val() {
            self.s0_x.d.next = self.x_ext.val();
            self.s1_x.d.next = self.s0_x.q.val();
            self.s2_x.d.next = self.s1_x.q.val();
            self.s2_re.d.next = self.ram_e.val();
            self.s2_ro.d.next = self.ram_o.val();
            self.s2_rh.d.next = self.ram_h.val();
            self.s3_sum.d.next = self.s3_a.val() + self.s3_b.val() + self.one.val();
            if self.syn.val() {
                self.s3_sum.d.next = self.s3_a.val() + self.s3_b.val() + self.two.val();
            }
            self.s3_e.d.next = self.s2_re.q.val();
            self.s3_o.d.next = self.s2_ro.q.val();
            self.s3_h.d.next = self.s2_rh.q.val();
            self.s4_h.d.next = self.h_new.val();
            self.s4_e.d.next = self.s3_e.q.val();
            if self.syn.val() {
                self.s4_e.d.next = self.s3_o.q.val();
            }
            self.s4_hb.d.next = self.s3_h.q.val();
            self.s5_t.d.next = self.s5_a.val() + self.s5_b.val() + self.two.val();
            if self.syn.val() {
                self.s5_t.d.next = self.s5_a.val() + self.s5_b.val() + self.one.val();
            }
            self.s5_e.d.next = self.s4_e.q.val();
            self.s5_h.d.next = self.s4_h.q.val();
            self.s5_hb.d.next = self.s4_hb.q.val();
            self.s6.d.next = self.s5_hb.q.val();
            if self.comp5.val() {
                self.s6.d.next = self.s5_e.q.val() + self.t_shift.val();
            }
        }
        self.x1.next = self.s1_x.q.val();
        self.h5.next = self.s5_h.q.val();
        self.out.next = self.s6.q.val();
    }
}
