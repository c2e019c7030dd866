//! One pair lane of [`super::lift_unit`]'s datapath: the lifting step's arithmetic for one
//! target sample per clock — ST 2042-1 15.4.4.1 `lift1`…`lift4`,
//! `t ±= (Σ_j c_j · s_j + r) >> S` — for every variant the unit was built with, the
//! run-time choice made by `sel0`…`sel4`.
//!
//! **Function.** `x0`…`x8` are the target's nine source samples at offsets −4…+4, already
//! clamped to the line by the parent; `t` the target sample, `u` the pair's other sample
//! (carried beside it). Each variant is a [`super::lift_mac`] (shift and add, no
//! multiplier); the selected one's result updates `t`. With `post_shift` built and `shift`
//! high, both samples leave as `(x + 1) >> 1` (`filter_bit_shift` undone, 15.4.4.2).
//!
//! **Pipeline:** tap register (sign-extension to `A` bits) → the MAC's four clocks (the
//! samples in a delay line beside it; the post-shift's `+1` at its last stage) → the
//! selected variant's register → the result register: **six enabled clocks** from
//! `x*`/`t`/`u` to `out_e`/`out_o`/`err`. One clock enable (`en`, the parent's pipeline
//! advance); no handshake of its own. **Reset:** none.
//!
//! **Range check** (`err`, with the result): the selected bracket did not fit `V` bits, the
//! update `t ± y` wrapped (from the operand and result signs), or the post-shift's `+1`
//! wrapped on the largest value. The parent qualifies it with its valid.
//!
//! **Build-time parameters:** `V` sample bits, `A` MAC accumulator bits, the variants, the
//! target parity and the post-shift ([`LiftUnitLane::new`]).

use super::lift_mac::LiftMac;
use super::lift_unit::{Variant, VARIANTS};
use rust_hdl::prelude::*;

/// The lane; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftUnitLane<const V: usize, const A: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Clock enable of every register (the parent's pipeline advance).
    pub en: Signal<In, Bit>,
    /// Source sample at offset −4 from the target, clamped to the line; `V`-bit two's
    /// complement (so are `x1`…`x8`, offsets −3…+4).
    pub x0: Signal<In, Bits<V>>,
    /// Source at offset −3.
    pub x1: Signal<In, Bits<V>>,
    /// Source at offset −2.
    pub x2: Signal<In, Bits<V>>,
    /// Source at offset −1.
    pub x3: Signal<In, Bits<V>>,
    /// Source at offset 0.
    pub x4: Signal<In, Bits<V>>,
    /// Source at offset +1.
    pub x5: Signal<In, Bits<V>>,
    /// Source at offset +2.
    pub x6: Signal<In, Bits<V>>,
    /// Source at offset +3.
    pub x7: Signal<In, Bits<V>>,
    /// Source at offset +4.
    pub x8: Signal<In, Bits<V>>,
    /// The target sample, `V`-bit two's complement.
    pub t: Signal<In, Bits<V>>,
    /// The pair's other sample (passes unchanged but for the post-shift).
    pub u: Signal<In, Bits<V>>,
    /// Variant select: picks variant 0 (at most one of `sel0`…`sel4` high; none: the step is
    /// 0 and the pair passes unchanged). The parent decodes them from the wavelet into
    /// registers.
    pub sel0: Signal<In, Bit>,
    /// Picks variant 1.
    pub sel1: Signal<In, Bit>,
    /// Picks variant 2.
    pub sel2: Signal<In, Bit>,
    /// Picks variant 3.
    pub sel3: Signal<In, Bit>,
    /// Picks variant 4.
    pub sel4: Signal<In, Bit>,
    /// Run-time: undo `filter_bit_shift` 1 on the way out (only when built with `post_shift`).
    pub shift: Signal<In, Bit>,
    /// Result: the even sample (the target if it is even), six enabled clocks later.
    pub out_e: Signal<Out, Bits<V>>,
    /// Result: the odd sample.
    pub out_o: Signal<Out, Bits<V>>,
    /// With the result: it wrapped (see the module docs).
    pub err: Signal<Out, Bit>,
    mac0: LiftMac<V, A>,
    mac1: LiftMac<V, A>,
    mac2: LiftMac<V, A>,
    mac3: LiftMac<V, A>,
    mac4: LiftMac<V, A>,
    odd_t: Constant<Bit>,
    post: Constant<Bit>,
    vsub: [Constant<Bit>; VARIANTS],
    ext: Constant<Bits<A>>,
    msb: Constant<Bits<V>>,
    one: Constant<Bits<V>>,
    maxpos: Constant<Bits<V>>,
    // tap register and the pair beside it
    rx: [DFF<Bits<A>>; 9],
    r0t: DFF<Bits<V>>,
    r0u: DFF<Bits<V>>,
    // delay line beside the MACs
    dt: [DFF<Bits<V>>; 5],
    du: [DFF<Bits<V>>; 5],
    povf: DFF<Bit>,
    // the selected variant
    y: Signal<Local, Bits<V>>,
    ysub: Signal<Local, Bit>,
    yovf: Signal<Local, Bit>,
    ry: DFF<Bits<V>>,
    rsub: DFF<Bit>,
    rovf: DFF<Bit>,
    // the update and its sign test
    res: Signal<Local, Bits<V>>,
    tm: Signal<Local, Bit>,
    ym: Signal<Local, Bit>,
    rm: Signal<Local, Bit>,
    // result register
    oe: DFF<Bits<V>>,
    oo: DFF<Bits<V>>,
    oerr: DFF<Bit>,
}

impl<const V: usize, const A: usize> LiftUnitLane<V, A> {
    /// A lane updating the odd samples (`odd_target`) or the even ones, holding `variants`
    /// (at most [`VARIANTS`]); `post_shift` builds the synthesis output shift.
    pub fn new(odd_target: bool, variants: &[Variant], post_shift: bool) -> Self {
        assert!(variants.len() <= VARIANTS && V < 64 && A < 64 && A > V);
        let mac = |k: usize| match variants.get(k) {
            Some(v) => LiftMac::new(&v.taps, v.base, v.shift),
            None => LiftMac::new(&[], 0, 0),
        };
        let ext = ((1u64 << A) - 1) & !((1u64 << V) - 1);
        Self {
            clock: Default::default(),
            en: Default::default(),
            x0: Default::default(),
            x1: Default::default(),
            x2: Default::default(),
            x3: Default::default(),
            x4: Default::default(),
            x5: Default::default(),
            x6: Default::default(),
            x7: Default::default(),
            x8: Default::default(),
            t: Default::default(),
            u: Default::default(),
            sel0: Default::default(),
            sel1: Default::default(),
            sel2: Default::default(),
            sel3: Default::default(),
            sel4: Default::default(),
            shift: Default::default(),
            out_e: Default::default(),
            out_o: Default::default(),
            err: Default::default(),
            mac0: mac(0),
            mac1: mac(1),
            mac2: mac(2),
            mac3: mac(3),
            mac4: mac(4),
            odd_t: Constant::new(odd_target),
            post: Constant::new(post_shift),
            vsub: std::array::from_fn(|k| Constant::new(variants.get(k).is_some_and(|v| v.sub))),
            ext: Constant::new(ext.to_bits()),
            msb: Constant::new((1u64 << (V - 1)).to_bits()),
            one: Constant::new(1u64.to_bits()),
            maxpos: Constant::new(((1u64 << (V - 1)) - 1).to_bits()),
            rx: Default::default(),
            r0t: Default::default(),
            r0u: Default::default(),
            dt: Default::default(),
            du: Default::default(),
            povf: Default::default(),
            y: Default::default(),
            ysub: Default::default(),
            yovf: Default::default(),
            ry: Default::default(),
            rsub: Default::default(),
            rovf: Default::default(),
            res: Default::default(),
            tm: Default::default(),
            ym: Default::default(),
            rm: Default::default(),
            oe: Default::default(),
            oo: Default::default(),
            oerr: Default::default(),
        }
    }
}

impl<const V: usize, const A: usize> Logic for LiftUnitLane<V, A> {
    #[hdl_gen]
    fn update(&mut self) {
        for k in 0..9 {
            self.rx[k].clock.next = self.clock.val();
            self.rx[k].d.next = self.rx[k].q.val();
        }
        for k in 0..5 {
            self.dt[k].clock.next = self.clock.val();
            self.du[k].clock.next = self.clock.val();
            self.dt[k].d.next = self.dt[k].q.val();
            self.du[k].d.next = self.du[k].q.val();
        }
        dff_setup!(self, clock, r0t, r0u, povf, ry, rsub, rovf, oe, oo, oerr);
        self.mac0.clock.next = self.clock.val();
        self.mac1.clock.next = self.clock.val();
        self.mac2.clock.next = self.clock.val();
        self.mac3.clock.next = self.clock.val();
        self.mac4.clock.next = self.clock.val();
        self.mac0.en.next = self.en.val();
        self.mac1.en.next = self.en.val();
        self.mac2.en.next = self.en.val();
        self.mac3.en.next = self.en.val();
        self.mac4.en.next = self.en.val();
        for k in 0..9 {
            self.mac0.x[k].next = self.rx[k].q.val();
            self.mac1.x[k].next = self.rx[k].q.val();
            self.mac2.x[k].next = self.rx[k].q.val();
            self.mac3.x[k].next = self.rx[k].q.val();
            self.mac4.x[k].next = self.rx[k].q.val();
        }
        if self.en.val() {
            // Tap register: the sources sign-extended to the accumulator width.
            self.rx[0].d.next = bit_cast::<A, V>(self.x0.val());
            if (self.x0.val() & self.msb.val()).any() {
                self.rx[0].d.next = bit_cast::<A, V>(self.x0.val()) | self.ext.val();
            }
            self.rx[1].d.next = bit_cast::<A, V>(self.x1.val());
            if (self.x1.val() & self.msb.val()).any() {
                self.rx[1].d.next = bit_cast::<A, V>(self.x1.val()) | self.ext.val();
            }
            self.rx[2].d.next = bit_cast::<A, V>(self.x2.val());
            if (self.x2.val() & self.msb.val()).any() {
                self.rx[2].d.next = bit_cast::<A, V>(self.x2.val()) | self.ext.val();
            }
            self.rx[3].d.next = bit_cast::<A, V>(self.x3.val());
            if (self.x3.val() & self.msb.val()).any() {
                self.rx[3].d.next = bit_cast::<A, V>(self.x3.val()) | self.ext.val();
            }
            self.rx[4].d.next = bit_cast::<A, V>(self.x4.val());
            if (self.x4.val() & self.msb.val()).any() {
                self.rx[4].d.next = bit_cast::<A, V>(self.x4.val()) | self.ext.val();
            }
            self.rx[5].d.next = bit_cast::<A, V>(self.x5.val());
            if (self.x5.val() & self.msb.val()).any() {
                self.rx[5].d.next = bit_cast::<A, V>(self.x5.val()) | self.ext.val();
            }
            self.rx[6].d.next = bit_cast::<A, V>(self.x6.val());
            if (self.x6.val() & self.msb.val()).any() {
                self.rx[6].d.next = bit_cast::<A, V>(self.x6.val()) | self.ext.val();
            }
            self.rx[7].d.next = bit_cast::<A, V>(self.x7.val());
            if (self.x7.val() & self.msb.val()).any() {
                self.rx[7].d.next = bit_cast::<A, V>(self.x7.val()) | self.ext.val();
            }
            self.rx[8].d.next = bit_cast::<A, V>(self.x8.val());
            if (self.x8.val() & self.msb.val()).any() {
                self.rx[8].d.next = bit_cast::<A, V>(self.x8.val()) | self.ext.val();
            }
            self.r0t.d.next = self.t.val();
            self.r0u.d.next = self.u.val();
            // Delay line beside the MACs; the post-shift's +1 enters at its last stage.
            self.dt[0].d.next = self.r0t.q.val();
            self.du[0].d.next = self.r0u.q.val();
            for k in 1..5 {
                self.dt[k].d.next = self.dt[k - 1].q.val();
                self.du[k].d.next = self.du[k - 1].q.val();
            }
            self.povf.d.next = false;
            if self.post.val() & self.shift.val() {
                self.dt[4].d.next = self.dt[3].q.val() + self.one.val();
                self.du[4].d.next = self.du[3].q.val() + self.one.val();
                self.povf.d.next = (self.dt[3].q.val() == self.maxpos.val()) | (self.du[3].q.val() == self.maxpos.val());
            }
        }
        // The selected variant's step (none: 0).
        self.y.next = 0.into();
        self.ysub.next = false;
        self.yovf.next = false;
        if self.sel0.val() {
            self.y.next = self.mac0.y.val();
            self.ysub.next = self.vsub[0].val();
            self.yovf.next = self.mac0.ovf.val();
        }
        if self.sel1.val() {
            self.y.next = self.mac1.y.val();
            self.ysub.next = self.vsub[1].val();
            self.yovf.next = self.mac1.ovf.val();
        }
        if self.sel2.val() {
            self.y.next = self.mac2.y.val();
            self.ysub.next = self.vsub[2].val();
            self.yovf.next = self.mac2.ovf.val();
        }
        if self.sel3.val() {
            self.y.next = self.mac3.y.val();
            self.ysub.next = self.vsub[3].val();
            self.yovf.next = self.mac3.ovf.val();
        }
        if self.sel4.val() {
            self.y.next = self.mac4.y.val();
            self.ysub.next = self.vsub[4].val();
            self.yovf.next = self.mac4.ovf.val();
        }
        if self.en.val() {
            self.ry.d.next = self.y.val();
            self.rsub.d.next = self.ysub.val();
            self.rovf.d.next = self.yovf.val();
        }
        self.res.next = self.dt[4].q.val() + self.ry.q.val();
        if self.rsub.q.val() {
            self.res.next = self.dt[4].q.val() - self.ry.q.val();
        }
        // Range check: t ± y wrapped when the operands' signs allow no wrap yet the result's
        // sign differs from t's (add: same signs; subtract: different signs).
        self.tm.next = (self.dt[4].q.val() & self.msb.val()).any();
        self.ym.next = (self.ry.q.val() & self.msb.val()).any();
        self.rm.next = (self.res.val() & self.msb.val()).any();
        if self.en.val() {
            self.oerr.d.next = self.rovf.q.val() | self.povf.q.val() | ((self.tm.val() ^ self.rm.val()) & !(self.tm.val() ^ self.ym.val() ^ self.rsub.q.val()));
            self.oe.d.next = self.res.val();
            self.oo.d.next = self.du[4].q.val();
            if self.odd_t.val() {
                self.oe.d.next = self.du[4].q.val();
                self.oo.d.next = self.res.val();
            }
            if self.post.val() & self.shift.val() {
                self.oe.d.next = (self.res.val() >> 1) | (self.res.val() & self.msb.val());
                self.oo.d.next = (self.du[4].q.val() >> 1) | (self.du[4].q.val() & self.msb.val());
                if self.odd_t.val() {
                    self.oe.d.next = (self.du[4].q.val() >> 1) | (self.du[4].q.val() & self.msb.val());
                    self.oo.d.next = (self.res.val() >> 1) | (self.res.val() & self.msb.val());
                }
            }
        }
        self.out_e.next = self.oe.q.val();
        self.out_o.next = self.oo.q.val();
        self.err.next = self.oerr.q.val();
    }
}
