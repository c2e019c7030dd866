//! One column lane of a [`super::lift_v_unit`]: the line buffers and arithmetic of one
//! vertical lifting position for one column per clock. The unit owns the schedule (which row
//! a beat belongs to, what to write, which variant and delay the wavelet selects); this block
//! stores and computes.
//!
//! **Line buffers.** Two chains of rows, each one RAM whose word is the chain at one column:
//! the *source chain* (`SW = K · V` bits: slot 0 the newest source-parity row, slot `K − 1`
//! the oldest) and the *target chain* (`TW = D_max · V` bits, target-parity rows). A source
//! row shifts its chain by one slot (`word << V | x`), with two exceptions from the unit: the
//! picture's first source row fills every slot with its sample (`fill`: the top edge clamp,
//! rows before the first are the first), and a flush row repeats slot 0 (`rep`: the bottom
//! edge clamp, rows after the last are the last). A target row shifts the target chain.
//!
//! **Arithmetic** (per beat, with the wavelet's delay `D` one-hot in `dsel`): a source row
//! leaves as the source row `D` pairs older (slot `D − 1`; the incoming sample when `D = 0`);
//! a target row leaves as the target row `D` pairs older, plus or minus its lifting step
//! (`sel`: the variant), whose taps are the source slots: offset `j` of variant `v` is slot
//! `m_v − j`, `m_v` its largest offset, so the MAC of variant `v` is built with its taps
//! placed at `x[8 − slot]` ([`LiftVLane::new`]). Slots are sign-extended into the tap
//! register, then [`super::lift_mac`] (four clocks), the selected step's register, the
//! result register.
//!
//! **Timing** (enabled clocks, all registers share `en`): the beat's read address and sample
//! are presented at issue (S0); the words arrive two clocks later (S2), when `src`, `we`,
//! `fill`, `rep` and `waddr` for the same beat must be presented; the new words are
//! registered and written a clock later (S3: no path runs from a RAM's read port to a write
//! port); `out` holds the result eight clocks after S0. A column is read again one row
//! later: the unit keeps four enabled clocks between a column's reads (rows of up to three
//! beats wait).
//!
//! **Reset:** none; the buffers are written before they are read (the fill).
//!
//! **Build-time parameters:** `V` sample bits, `A` accumulator bits, `N` address bits,
//! `SW`/`TW` the chain words (`K · V`, `D_max · V`, at least `V`); the variants and their
//! taps ([`LiftVLane::new`]).

use super::lift_mac::LiftMac;
use super::lift_unit::{Variant, VARIANTS};
use super::line_ram::LineRam;
use rust_hdl::prelude::*;

/// Source slots a lane can hold (the widest step, Fidelity's eight taps).
pub const SLOTS: usize = 8;
/// Target slots (the largest delay, Fidelity's even step: four pairs).
pub const TSLOTS: usize = 4;

/// The lane; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftVLane<const V: usize, const A: usize, const N: usize, const SW: usize, const TW: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Clock enable of every register and of the line buffers' read registers.
    pub en: Signal<In, Bit>,
    /// S0: the beat's column (both chains' read address).
    pub raddr: Signal<In, Bits<N>>,
    /// S0: the beat's sample, `V`-bit two's complement.
    pub x: Signal<In, Bits<V>>,
    /// S2: the beat's column again (write address).
    pub waddr: Signal<In, Bits<N>>,
    /// S2: a beat is in S2 (its chain is written at the next enabled edge).
    pub we: Signal<In, Bit>,
    /// S2: the beat is in a source-parity row (else a target row).
    pub src: Signal<In, Bit>,
    /// S2: the picture's first source row (fill every slot).
    pub fill: Signal<In, Bit>,
    /// S2: a flush row (a source row repeats slot 0).
    pub rep: Signal<In, Bit>,
    /// The wavelet's delay in pairs, one-hot (bit `d` for `D = d`, 0..=4); a register.
    pub dsel: Signal<In, Bits<5>>,
    /// The wavelet's variant, one-hot (none: no step, the target passes); a register.
    pub sel: Signal<In, Bits<5>>,
    /// The result, eight enabled clocks after S0, `V`-bit two's complement.
    pub out: Signal<Out, Bits<V>>,
    /// With `out`: a target row's result does not fit `V` bits (the step's bracket or the
    /// update `t ± y` wrapped; `out` holds the wrapped value).
    pub ovf: Signal<Out, Bit>,
    ram_s: LineRam<SW, N>,
    ram_t: LineRam<TW, N>,
    mac0: LiftMac<V, A>,
    mac1: LiftMac<V, A>,
    mac2: LiftMac<V, A>,
    mac3: LiftMac<V, A>,
    mac4: LiftMac<V, A>,
    vsub: [Constant<Bit>; VARIANTS],
    // slot k's shift in its word (0 for absent slots, whose value is then never used)
    sk: [Constant<Bits<16>>; SLOTS],
    tsh: [Constant<Bits<16>>; TSLOTS],
    // the fill's doubling shifts (V, 2V, 4V; 0 once past the word)
    fs: [Constant<Bits<16>>; 3],
    vsh: Constant<Bits<16>>,
    multi_s: Constant<Bit>,
    multi_t: Constant<Bit>,
    zero: Constant<Bits<A>>,
    ext: Constant<Bits<A>>,
    msb: Constant<Bits<V>>,
    x1: DFF<Bits<V>>,
    x2: DFF<Bits<V>>,
    xs: Signal<Local, Bits<V>>,
    xw: Signal<Local, Bits<SW>>,
    f1: Signal<Local, Bits<SW>>,
    f2: Signal<Local, Bits<SW>>,
    f3: Signal<Local, Bits<SW>>,
    s_unused: [Signal<Local, Bits<SW>>; SLOTS],
    t_unused: [Signal<Local, Bits<TW>>; TSLOTS],
    s: [Signal<Local, Bits<V>>; SLOTS],
    t: [Signal<Local, Bits<V>>; TSLOTS],
    value: Signal<Local, Bits<V>>,
    // the chains' write, registered (S3): a RAM's read port never feeds a write port directly
    wds: DFF<Bits<SW>>,
    wdt: DFF<Bits<TW>>,
    wa: DFF<Bits<N>>,
    wes: DFF<Bit>,
    wet: DFF<Bit>,
    nds: Signal<Local, Bits<SW>>,
    ndt: Signal<Local, Bits<TW>>,
    // tap register (slot k, sign-extended) and the beat beside it
    rs: [DFF<Bits<A>>; SLOTS],
    val3: DFF<Bits<V>>,
    tgt3: DFF<Bit>,
    // delay line beside the MACs (4 clocks), then the selected step and the result
    dval: [DFF<Bits<V>>; 5],
    dtgt: [DFF<Bit>; 4],
    y: Signal<Local, Bits<V>>,
    ysub: Signal<Local, Bit>,
    ry: DFF<Bits<V>>,
    rsub: DFF<Bit>,
    res: DFF<Bits<V>>,
    // range check (module docs of lift_unit): bracket wrapped, the update's signs, the flag
    yovf: Signal<Local, Bit>,
    rovf: DFF<Bit>,
    sum: Signal<Local, Bits<V>>,
    tm: Signal<Local, Bit>,
    ym: Signal<Local, Bit>,
    sm: Signal<Local, Bit>,
    rerr: DFF<Bit>,
}

impl<const V: usize, const A: usize, const N: usize, const SW: usize, const TW: usize> LiftVLane<V, A, N, SW, TW> {
    /// A lane holding `variants` (at most [`VARIANTS`]), each with its largest source offset
    /// `m_v = base + taps − 1` at slot 0.
    pub fn new(variants: &[Variant]) -> Self {
        assert!(variants.len() <= VARIANTS && V < 64 && A > V && A < 64);
        assert!(SW.is_multiple_of(V) && TW.is_multiple_of(V) && SW / V <= SLOTS && TW / V <= TSLOTS && SW >= V && TW >= V);
        let k = SW / V;
        let mac = |i: usize| match variants.get(i) {
            Some(v) => {
                let m = v.base + v.taps.len() as i32 - 1;
                assert!(((m - v.base) as usize) < k, "the variant's taps need {} slots, the build has {k}", m - v.base + 1);
                LiftMac::new(&v.taps, 4 - m + v.base, v.shift)
            }
            None => LiftMac::new(&[], 0, 0),
        };
        let fshift = |j: u32| if (V << j) < SW { (V as u64) << j } else { 0 };
        Self {
            clock: Default::default(),
            en: Default::default(),
            raddr: Default::default(),
            x: Default::default(),
            waddr: Default::default(),
            we: Default::default(),
            src: Default::default(),
            fill: Default::default(),
            rep: Default::default(),
            dsel: Default::default(),
            sel: Default::default(),
            out: Default::default(),
            ovf: Default::default(),
            ram_s: Default::default(),
            ram_t: Default::default(),
            mac0: mac(0),
            mac1: mac(1),
            mac2: mac(2),
            mac3: mac(3),
            mac4: mac(4),
            vsub: std::array::from_fn(|i| Constant::new(variants.get(i).is_some_and(|v| v.sub))),
            sk: std::array::from_fn(|i| Constant::new((if i < k { (i * V) as u64 } else { 0 }).to_bits())),
            tsh: std::array::from_fn(|i| Constant::new((if i < TW / V { (i * V) as u64 } else { 0 }).to_bits())),
            fs: std::array::from_fn(|j| Constant::new(fshift(j as u32).to_bits())),
            vsh: Constant::new((V as u64).to_bits()),
            multi_s: Constant::new(SW > V),
            multi_t: Constant::new(TW > V),
            zero: Constant::new(0u64.to_bits()),
            ext: Constant::new((((1u64 << A) - 1) & !((1u64 << V) - 1)).to_bits()),
            msb: Constant::new((1u64 << (V - 1)).to_bits()),
            x1: Default::default(),
            x2: Default::default(),
            xs: Default::default(),
            xw: Default::default(),
            f1: Default::default(),
            f2: Default::default(),
            f3: Default::default(),
            s_unused: Default::default(),
            t_unused: Default::default(),
            s: Default::default(),
            t: Default::default(),
            value: Default::default(),
            wds: Default::default(),
            wdt: Default::default(),
            wa: Default::default(),
            wes: Default::default(),
            wet: Default::default(),
            nds: Default::default(),
            ndt: Default::default(),
            rs: Default::default(),
            val3: Default::default(),
            tgt3: Default::default(),
            dval: Default::default(),
            dtgt: Default::default(),
            y: Default::default(),
            ysub: Default::default(),
            ry: Default::default(),
            rsub: Default::default(),
            res: Default::default(),
            yovf: Default::default(),
            rovf: Default::default(),
            sum: Default::default(),
            tm: Default::default(),
            ym: Default::default(),
            sm: Default::default(),
            rerr: Default::default(),
        }
    }
}

impl<const V: usize, const A: usize, const N: usize, const SW: usize, const TW: usize> Logic for LiftVLane<V, A, N, SW, TW> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, x1, x2, val3, tgt3, ry, rsub, res, rovf, rerr, wds, wdt, wa, wes, wet);
        for k in 0..8 {
            self.rs[k].clock.next = self.clock.val();
            self.rs[k].d.next = self.rs[k].q.val();
        }
        for k in 0..5 {
            self.dval[k].clock.next = self.clock.val();
            self.dval[k].d.next = self.dval[k].q.val();
        }
        for k in 0..4 {
            self.dtgt[k].clock.next = self.clock.val();
            self.dtgt[k].d.next = self.dtgt[k].q.val();
        }
        clock!(self, clock, ram_s, ram_t, mac0, mac1, mac2, mac3, mac4);
        // Line buffers: read at S0, words at S2, written back at S2.
        self.ram_s.read_address.next = self.raddr.val();
        self.ram_t.read_address.next = self.raddr.val();
        self.ram_s.read_enable.next = self.en.val();
        self.ram_t.read_enable.next = self.en.val();
        if self.en.val() {
            self.x1.d.next = self.x.val();
            self.x2.d.next = self.x1.q.val();
        }
        // The slots of both chains (unrolled: rust-hdl cannot slice an array element in a loop).
        for k in 0..8 {
            self.s_unused[k].next = self.ram_s.read_data.val() >> self.sk[k].val();
        }
        for k in 0..4 {
            self.t_unused[k].next = self.ram_t.read_data.val() >> self.tsh[k].val();
        }
        self.s[0].next = self.s_unused[0].val().get_bits::<V>(0);
        self.s[1].next = self.s_unused[1].val().get_bits::<V>(0);
        self.s[2].next = self.s_unused[2].val().get_bits::<V>(0);
        self.s[3].next = self.s_unused[3].val().get_bits::<V>(0);
        self.s[4].next = self.s_unused[4].val().get_bits::<V>(0);
        self.s[5].next = self.s_unused[5].val().get_bits::<V>(0);
        self.s[6].next = self.s_unused[6].val().get_bits::<V>(0);
        self.s[7].next = self.s_unused[7].val().get_bits::<V>(0);
        self.t[0].next = self.t_unused[0].val().get_bits::<V>(0);
        self.t[1].next = self.t_unused[1].val().get_bits::<V>(0);
        self.t[2].next = self.t_unused[2].val().get_bits::<V>(0);
        self.t[3].next = self.t_unused[3].val().get_bits::<V>(0);
        // Chain writes: a source row shifts in its sample (slot 0 again in a flush row; every
        // slot in the picture's first source row), a target row shifts in its sample.
        self.xs.next = self.x2.q.val();
        if self.rep.val() {
            self.xs.next = self.s[0].val();
        }
        self.xw.next = bit_cast::<SW, V>(self.xs.val());
        self.f1.next = self.xw.val() | (self.xw.val() << self.fs[0].val());
        self.f2.next = self.f1.val() | (self.f1.val() << self.fs[1].val());
        self.f3.next = self.f2.val() | (self.f2.val() << self.fs[2].val());
        self.nds.next = self.xw.val();
        if self.multi_s.val() {
            self.nds.next = (self.ram_s.read_data.val() << self.vsh.val()) | self.xw.val();
        }
        if self.fill.val() {
            self.nds.next = self.f3.val();
        }
        self.ndt.next = bit_cast::<TW, V>(self.x2.q.val());
        if self.multi_t.val() {
            self.ndt.next = (self.ram_t.read_data.val() << self.vsh.val()) | bit_cast::<TW, V>(self.x2.q.val());
        }
        if self.en.val() {
            self.wds.d.next = self.nds.val();
            self.wdt.d.next = self.ndt.val();
            self.wa.d.next = self.waddr.val();
            self.wes.d.next = self.we.val() & self.src.val();
            self.wet.d.next = self.we.val() & !self.src.val();
        }
        self.ram_s.write_address.next = self.wa.q.val();
        self.ram_t.write_address.next = self.wa.q.val();
        self.ram_s.write_enable.next = self.en.val() & self.wes.q.val();
        self.ram_t.write_enable.next = self.en.val() & self.wet.q.val();
        self.ram_s.write_data.next = self.wds.q.val();
        self.ram_t.write_data.next = self.wdt.q.val();
        // The row `D` pairs older: slot D − 1 of the beat's own chain, the sample if D = 0.
        self.value.next = self.x2.q.val();
        if self.dsel.val().get_bit(0) {
            self.value.next = self.x2.q.val();
        }
        if self.src.val() {
            if self.dsel.val().get_bit(1) {
                self.value.next = self.s[0].val();
            }
            if self.dsel.val().get_bit(2) {
                self.value.next = self.s[1].val();
            }
            if self.dsel.val().get_bit(3) {
                self.value.next = self.s[2].val();
            }
            if self.dsel.val().get_bit(4) {
                self.value.next = self.s[3].val();
            }
        } else {
            if self.dsel.val().get_bit(1) {
                self.value.next = self.t[0].val();
            }
            if self.dsel.val().get_bit(2) {
                self.value.next = self.t[1].val();
            }
            if self.dsel.val().get_bit(3) {
                self.value.next = self.t[2].val();
            }
            if self.dsel.val().get_bit(4) {
                self.value.next = self.t[3].val();
            }
        }
        // Tap register (sign-extended slots; unrolled for bit_cast) and the beat beside it.
        if self.en.val() {
            self.rs[0].d.next = bit_cast::<A, V>(self.s[0].val());
            if (self.s[0].val() & self.msb.val()).any() {
                self.rs[0].d.next = bit_cast::<A, V>(self.s[0].val()) | self.ext.val();
            }
            self.rs[1].d.next = bit_cast::<A, V>(self.s[1].val());
            if (self.s[1].val() & self.msb.val()).any() {
                self.rs[1].d.next = bit_cast::<A, V>(self.s[1].val()) | self.ext.val();
            }
            self.rs[2].d.next = bit_cast::<A, V>(self.s[2].val());
            if (self.s[2].val() & self.msb.val()).any() {
                self.rs[2].d.next = bit_cast::<A, V>(self.s[2].val()) | self.ext.val();
            }
            self.rs[3].d.next = bit_cast::<A, V>(self.s[3].val());
            if (self.s[3].val() & self.msb.val()).any() {
                self.rs[3].d.next = bit_cast::<A, V>(self.s[3].val()) | self.ext.val();
            }
            self.rs[4].d.next = bit_cast::<A, V>(self.s[4].val());
            if (self.s[4].val() & self.msb.val()).any() {
                self.rs[4].d.next = bit_cast::<A, V>(self.s[4].val()) | self.ext.val();
            }
            self.rs[5].d.next = bit_cast::<A, V>(self.s[5].val());
            if (self.s[5].val() & self.msb.val()).any() {
                self.rs[5].d.next = bit_cast::<A, V>(self.s[5].val()) | self.ext.val();
            }
            self.rs[6].d.next = bit_cast::<A, V>(self.s[6].val());
            if (self.s[6].val() & self.msb.val()).any() {
                self.rs[6].d.next = bit_cast::<A, V>(self.s[6].val()) | self.ext.val();
            }
            self.rs[7].d.next = bit_cast::<A, V>(self.s[7].val());
            if (self.s[7].val() & self.msb.val()).any() {
                self.rs[7].d.next = bit_cast::<A, V>(self.s[7].val()) | self.ext.val();
            }
            self.val3.d.next = self.value.val();
            self.tgt3.d.next = !self.src.val();
            self.dval[0].d.next = self.val3.q.val();
            self.dtgt[0].d.next = self.tgt3.q.val();
            for k in 1..4 {
                self.dval[k].d.next = self.dval[k - 1].q.val();
                self.dtgt[k].d.next = self.dtgt[k - 1].q.val();
            }
            self.dval[4].d.next = self.dval[3].q.val();
        }
        self.mac0.en.next = self.en.val();
        self.mac1.en.next = self.en.val();
        self.mac2.en.next = self.en.val();
        self.mac3.en.next = self.en.val();
        self.mac4.en.next = self.en.val();
        // Window wiring: x[8 − k] is slot k (x[0] is never a tap: eight slots at most).
        self.mac0.x[0].next = self.zero.val();
        self.mac1.x[0].next = self.zero.val();
        self.mac2.x[0].next = self.zero.val();
        self.mac3.x[0].next = self.zero.val();
        self.mac4.x[0].next = self.zero.val();
        for k in 0..8 {
            self.mac0.x[8 - k].next = self.rs[k].q.val();
            self.mac1.x[8 - k].next = self.rs[k].q.val();
            self.mac2.x[8 - k].next = self.rs[k].q.val();
            self.mac3.x[8 - k].next = self.rs[k].q.val();
            self.mac4.x[8 - k].next = self.rs[k].q.val();
        }
        // The selected variant's step, in target rows only.
        self.y.next = 0.into();
        self.ysub.next = false;
        self.yovf.next = false;
        if self.dtgt[3].q.val() {
            if self.sel.val().get_bit(0) {
                self.y.next = self.mac0.y.val();
                self.ysub.next = self.vsub[0].val();
                self.yovf.next = self.mac0.ovf.val();
            }
            if self.sel.val().get_bit(1) {
                self.y.next = self.mac1.y.val();
                self.ysub.next = self.vsub[1].val();
                self.yovf.next = self.mac1.ovf.val();
            }
            if self.sel.val().get_bit(2) {
                self.y.next = self.mac2.y.val();
                self.ysub.next = self.vsub[2].val();
                self.yovf.next = self.mac2.ovf.val();
            }
            if self.sel.val().get_bit(3) {
                self.y.next = self.mac3.y.val();
                self.ysub.next = self.vsub[3].val();
                self.yovf.next = self.mac3.ovf.val();
            }
            if self.sel.val().get_bit(4) {
                self.y.next = self.mac4.y.val();
                self.ysub.next = self.vsub[4].val();
                self.yovf.next = self.mac4.ovf.val();
            }
        }
        self.sum.next = self.dval[4].q.val() + self.ry.q.val();
        if self.rsub.q.val() {
            self.sum.next = self.dval[4].q.val() - self.ry.q.val();
        }
        // t ± y wrapped: the operands' signs allow no wrap, yet the sum's sign differs from t's
        self.tm.next = (self.dval[4].q.val() & self.msb.val()).any();
        self.ym.next = (self.ry.q.val() & self.msb.val()).any();
        self.sm.next = (self.sum.val() & self.msb.val()).any();
        if self.en.val() {
            self.ry.d.next = self.y.val();
            self.rsub.d.next = self.ysub.val();
            self.rovf.d.next = self.yovf.val();
            self.res.d.next = self.sum.val();
            self.rerr.d.next = self.rovf.q.val() | ((self.tm.val() ^ self.sm.val()) & !(self.tm.val() ^ self.ym.val() ^ self.rsub.q.val()));
        }
        self.out.next = self.res.q.val();
        self.ovf.next = self.rerr.q.val();
    }
}
