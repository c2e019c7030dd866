//! One pair lane of [`super::legall_h`]'s datapath: the LeGall (5,3) / Haar horizontal
//! lifting arithmetic for one sample pair per beat, analysis or synthesis, as a six-register
//! pipeline (stages I, A, S, B, C, O) with one clock enable. The parent owns the framing and
//! the markers and wires the neighbours: a beat of `P` pairs is `P` lanes side by side, and
//! each lifting step's neighbour is the next lane's sample or, at a beat's edge, the
//! neighbouring beat's (the parent's look-ahead and carry registers).
//!
//! **Analysis** (`S = 0`; pair `n` = `(e_n, o_n)` after `filter_bit_shift`):
//! stage S forms `e_n + e_{n+1} + 1` (`e_{n+1}` = `nb_e`, or `e_n` itself with `own_r`),
//! stage B `H_n = o_n − ⌊…/2⌋`, stage C `H_{n−1} + H_n + 2` (`H_{n−1}` = `nb_h`, or `H_n`
//! itself with `own_l`), stage O `L_n = e_n + ⌊…/4⌋`.
//!
//! **Synthesis** (`S = 1`; pair `n` = `(L_n, H_n)`): stage S forms `H_{n−1} + H_n + 2`
//! (`H_{n−1}` = `nb_o`, or `H_n` with `own_l`) and `H_n + H_{n+1} + 2` (`H_{n+1}` = `nb_on`),
//! stage B `e_n = L_n − ⌊…/4⌋` and the right neighbour's `e_{n+1}` from `nb_e` (`L_{n+1}`),
//! stage C `e_n + e_{n+1} + 1` (`e_{n+1} = e_n` with `own_r`) with `filter_bit_shift`'s
//! rounding, stage O `o_n = H_n + ⌊…/2⌋`, both shifted back by `filter_bit_shift`.
//!
//! Which neighbour is the lane's own (a line's edge, Haar) is the parent's decision, given
//! per stage: `own_r` (stage A, analysis; stage B, synthesis), `own_l` (stage B, analysis;
//! stage A, synthesis).
//!
//! **Latency:** six enabled clocks from `in_e`/`in_o` to `out_l`/`out_h` (stage A holds
//! a pair while `a_load` is low: the parent's look-ahead). **Reset:** none.
//!
//! **Build-time parameters:** `W` input bits, `V` datapath bits (`V ≥ W + 3` for analysis,
//! `V ≥ W + 1` for synthesis), `S` the direction (0 analysis, 1 synthesis).

use rust_hdl::prelude::*;

/// The lane; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallHLane<const W: usize, const V: usize, const S: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Clock enable of every register (the parent's pipeline advance).
    pub en: Signal<In, Bit>,
    /// Stage I input: even sample `x_{2n}` (synthesis: `L_n`), `W`-bit two's complement.
    pub in_e: Signal<In, Bits<W>>,
    /// Stage I input: odd sample `x_{2n+1}` (synthesis: `H_n`), `W`-bit two's complement.
    pub in_o: Signal<In, Bits<W>>,
    /// Analysis: scale the input by `filter_bit_shift` (`x << 1`); synthesis: undo it at the
    /// output with rounding (`(x + 1) >> 1`). Low for Haar without shift.
    pub shift: Signal<In, Bit>,
    /// Stage A loads stage I's pair (with `en`): the parent's "a pair is in stage I".
    pub a_load: Signal<In, Bit>,
    /// Stage A: the right neighbour's even sample (`e_{n+1}`; synthesis `L_{n+1}`).
    pub nb_e: Signal<In, Bits<V>>,
    /// Stage A, synthesis: the right neighbour's odd sample (`H_{n+1}`).
    pub nb_on: Signal<In, Bits<V>>,
    /// Stage A, synthesis: the left neighbour's odd sample (`H_{n−1}`).
    pub nb_o: Signal<In, Bits<V>>,
    /// Stage B, analysis: the left neighbour's `H_{n−1}`.
    pub nb_h: Signal<In, Bits<V>>,
    /// The right neighbour is this pair itself (a line's last pair, or Haar): stage A in
    /// analysis, stage B in synthesis.
    pub own_r: Signal<In, Bit>,
    /// The left neighbour is this pair itself (a line's first pair, or Haar): stage B in
    /// analysis, stage A in synthesis.
    pub own_l: Signal<In, Bit>,
    /// Stage I's even sample after sign extension and scaling (the left lane's look-ahead).
    pub e_i: Signal<Out, Bits<V>>,
    /// Stage I's odd sample (the left lane's look-ahead, synthesis).
    pub o_i: Signal<Out, Bits<V>>,
    /// Stage A's even sample (`e_n`; synthesis `L_n`).
    pub e_a: Signal<Out, Bits<V>>,
    /// Stage A's odd sample (`o_n`; synthesis `H_n`).
    pub o_a: Signal<Out, Bits<V>>,
    /// Stage B's `H_n` (analysis).
    pub h_b: Signal<Out, Bits<V>>,
    /// Stage O: `L_n` (synthesis `x_{2n}`), `V`-bit two's complement.
    pub out_l: Signal<Out, Bits<V>>,
    /// Stage O: `H_n` (synthesis `x_{2n+1}`), `V`-bit two's complement.
    pub out_h: Signal<Out, Bits<V>>,
    syn: Constant<Bit>,
    one: Constant<Bits<V>>,
    two: Constant<Bits<V>>,
    ext: Constant<Bits<V>>,
    msb: Constant<Bits<V>>,
    sign_in: Constant<Bits<W>>,
    e_new: Signal<Local, Bits<V>>,
    o_new: Signal<Local, Bits<V>>,
    e_next: Signal<Local, Bits<V>>,
    h: Signal<Local, Bits<V>>,
    hm: Signal<Local, Bits<V>>,
    l_shift: Signal<Local, Bits<V>>,
    hp: Signal<Local, Bits<V>>,
    t1: Signal<Local, Bits<V>>,
    t2: Signal<Local, Bits<V>>,
    e_j: Signal<Local, Bits<V>>,
    e_j2: Signal<Local, Bits<V>>,
    e_nx: Signal<Local, Bits<V>>,
    osum: Signal<Local, Bits<V>>,
    i_e: DFF<Bits<V>>,
    i_o: DFF<Bits<V>>,
    a_e: DFF<Bits<V>>,
    a_o: DFF<Bits<V>>,
    s_e: DFF<Bits<V>>,
    s_o: DFF<Bits<V>>,
    s_sum: DFF<Bits<V>>,
    s_t2: DFF<Bits<V>>,
    s_l2: DFF<Bits<V>>,
    b_e: DFF<Bits<V>>,
    b_h: DFF<Bits<V>>,
    b_e2: DFF<Bits<V>>,
    c_e: DFF<Bits<V>>,
    c_h: DFF<Bits<V>>,
    c_lsum: DFF<Bits<V>>,
    ol: DFF<Bits<V>>,
    oh: DFF<Bits<V>>,
}

impl<const W: usize, const V: usize, const S: usize> Default for LegallHLane<W, V, S> {
    fn default() -> Self {
        assert!(S < 2 && V >= W + 1 + 2 * (1 - S) && V < 64);
        let ext = ((1u64 << V) - 1) & !((1u64 << W) - 1);
        Self {
            clock: Default::default(),
            en: Default::default(),
            in_e: Default::default(),
            in_o: Default::default(),
            shift: Default::default(),
            a_load: Default::default(),
            nb_e: Default::default(),
            nb_on: Default::default(),
            nb_o: Default::default(),
            nb_h: Default::default(),
            own_r: Default::default(),
            own_l: Default::default(),
            e_i: Default::default(),
            o_i: Default::default(),
            e_a: Default::default(),
            o_a: Default::default(),
            h_b: Default::default(),
            out_l: Default::default(),
            out_h: Default::default(),
            syn: Constant::new(S == 1),
            one: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            ext: Constant::new(ext.to_bits()),
            msb: Constant::new((1u64 << (V - 1)).to_bits()),
            sign_in: Constant::new((1u64 << (W - 1)).to_bits()),
            e_new: Default::default(),
            o_new: Default::default(),
            e_next: Default::default(),
            h: Default::default(),
            hm: Default::default(),
            l_shift: Default::default(),
            hp: Default::default(),
            t1: Default::default(),
            t2: Default::default(),
            e_j: Default::default(),
            e_j2: Default::default(),
            e_nx: Default::default(),
            osum: Default::default(),
            i_e: Default::default(),
            i_o: Default::default(),
            a_e: Default::default(),
            a_o: Default::default(),
            s_e: Default::default(),
            s_o: Default::default(),
            s_sum: Default::default(),
            s_t2: Default::default(),
            s_l2: Default::default(),
            b_e: Default::default(),
            b_h: Default::default(),
            b_e2: Default::default(),
            c_e: Default::default(),
            c_h: Default::default(),
            c_lsum: Default::default(),
            ol: Default::default(),
            oh: Default::default(),
        }
    }
}

impl<const W: usize, const V: usize, const S: usize> Logic for LegallHLane<W, V, S> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, i_e, i_o, a_e, a_o, s_e, s_o, s_sum, s_t2, s_l2, b_e, b_h, b_e2, c_e, c_h, c_lsum, ol, oh);
        // Stage I input: sign-extend (analysis scales by filter_bit_shift below).
        self.e_new.next = bit_cast::<V, W>(self.in_e.val());
        if (self.in_e.val() & self.sign_in.val()).any() {
            self.e_new.next = bit_cast::<V, W>(self.in_e.val()) | self.ext.val();
        }
        self.o_new.next = bit_cast::<V, W>(self.in_o.val());
        if (self.in_o.val() & self.sign_in.val()).any() {
            self.o_new.next = bit_cast::<V, W>(self.in_o.val()) | self.ext.val();
        }
        self.e_i.next = self.i_e.q.val();
        self.o_i.next = self.i_o.q.val();
        self.e_a.next = self.a_e.q.val();
        self.o_a.next = self.a_o.q.val();
        self.h_b.next = self.b_h.q.val();
        // Analysis: H = o - ((e + e_next + 1) >> 1), arithmetic shift (the sum in stage S).
        self.e_next.next = self.nb_e.val();
        if self.own_r.val() {
            self.e_next.next = self.a_e.q.val();
        }
        self.h.next = self.s_o.q.val() - ((self.s_sum.q.val() >> 1) | (self.s_sum.q.val() & self.msb.val()));
        // L's left neighbour H_{n-1}, or the pair's own H.
        self.hm.next = self.nb_h.val();
        if self.own_l.val() {
            self.hm.next = self.b_h.q.val();
        }
        // L = e + ((H_{n-1} + H + 2) >> 2), arithmetic shift.
        self.l_shift.next = self.c_lsum.q.val() >> 2;
        if (self.c_lsum.q.val() & self.msb.val()).any() {
            self.l_shift.next = (self.c_lsum.q.val() >> 2) | self.msb.val() | (self.msb.val() >> 1);
        }
        // Synthesis: stage S forms H_{n-1} + H_n + 2 and H_n + H_{n+1} + 2; stage B
        // subtracts both (e_n, e_{n+1}); stage C forms e_n + e_{n+1} + 1 and adds
        // filter_bit_shift's rounding; stage O adds the odd step and shifts.
        self.hp.next = self.nb_o.val();
        if self.own_l.val() {
            self.hp.next = self.a_o.q.val();
        }
        self.t2.next = (self.s_t2.q.val() >> 2) | ((self.s_t2.q.val() & self.msb.val()) | ((self.s_t2.q.val() & self.msb.val()) >> 1));
        self.t1.next = (self.s_sum.q.val() >> 2) | ((self.s_sum.q.val() & self.msb.val()) | ((self.s_sum.q.val() & self.msb.val()) >> 1));
        self.e_j.next = self.s_e.q.val() - self.t1.val();
        self.e_j2.next = self.s_l2.q.val() - self.t2.val();
        self.osum.next = self.c_h.q.val() + ((self.c_lsum.q.val() >> 1) | (self.c_lsum.q.val() & self.msb.val()));
        self.e_nx.next = self.b_e2.q.val();
        if self.own_r.val() {
            self.e_nx.next = self.b_e.q.val();
        }
        if self.en.val() {
            self.i_e.d.next = self.e_new.val();
            self.i_o.d.next = self.o_new.val();
            if self.shift.val() & !self.syn.val() {
                self.i_e.d.next = self.e_new.val() << 1;
                self.i_o.d.next = self.o_new.val() << 1;
            }
            if self.a_load.val() {
                self.a_e.d.next = self.i_e.q.val();
                self.a_o.d.next = self.i_o.q.val();
            }
            self.s_e.d.next = self.a_e.q.val();
            self.s_o.d.next = self.a_o.q.val();
            self.s_sum.d.next = self.a_e.q.val() + self.e_next.val() + 1;
            self.s_t2.d.next = self.a_o.q.val() + self.nb_on.val() + self.two.val();
            self.s_l2.d.next = self.nb_e.val();
            if self.syn.val() {
                self.s_sum.d.next = self.hp.val() + self.a_o.q.val() + self.two.val();
            }
            self.b_e.d.next = self.s_e.q.val();
            self.b_h.d.next = self.h.val();
            self.b_e2.d.next = self.e_j2.val();
            if self.syn.val() {
                self.b_e.d.next = self.e_j.val();
                self.b_h.d.next = self.s_o.q.val();
            }
            self.c_e.d.next = self.b_e.q.val();
            self.c_h.d.next = self.b_h.q.val();
            self.c_lsum.d.next = self.hm.val() + self.b_h.q.val() + 2;
            if self.syn.val() {
                self.c_lsum.d.next = self.b_e.q.val() + self.e_nx.val() + self.one.val();
                if self.shift.val() {
                    self.c_e.d.next = self.b_e.q.val() + self.one.val();
                    self.c_h.d.next = self.b_h.q.val() + self.one.val();
                }
            }
            self.ol.d.next = self.c_e.q.val() + self.l_shift.val();
            self.oh.d.next = self.c_h.q.val();
            if self.syn.val() {
                self.ol.d.next = self.c_e.q.val();
                self.oh.d.next = self.osum.val();
                if self.shift.val() {
                    self.ol.d.next = (self.c_e.q.val() >> 1) | (self.c_e.q.val() & self.msb.val());
                    self.oh.d.next = (self.osum.val() >> 1) | (self.osum.val() & self.msb.val());
                }
            }
        }
        self.out_l.next = self.ol.q.val();
        self.out_h.next = self.oh.q.val();
    }
}
