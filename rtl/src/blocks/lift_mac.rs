//! Constant-coefficient multiply-accumulate of one lifting step: the weighted sum of a
//! nine-sample window, rounded and shifted, as shift-and-add with no multiplier.
//!
//! **Function.** `y = (Σ_{i=0}^{8} c_i · x_i + r) >> s` (arithmetic shift; `r = 2^{s−1}`,
//! or 0 when `s = 0`) — the bracket of ST 2042-1 15.4.4.1 `lift1`…`lift4` for one target
//! sample, with `x_i` the source sample at offset `i − 4` from the target (already clamped to
//! the line by the parent). The coefficients `c_i` and `s` are fixed when the block is built
//! ([`LiftMac::new`]); each `c_i` is written in canonical signed digits (`Σ ±2^k`, at most
//! [`DIGITS`] digits: 6497 is the widest), and every digit is one shifted copy of `x_i`
//! entering a positive or a negative adder tree. Absent digits are constant-false branches
//! that synthesis removes, so a build pays only for the digits its coefficients have.
//!
//! **Latency:** four enabled clocks from `x` to `y` (two adder levels per clock, then
//! `P − N + r`). **Throughput:** one sum per enabled clock. **Reset:** none.
//!
//! **Build-time parameters:** `V` result bits; `A` accumulator bits: the parent sign-extends `x` to `A` bits
//! with room for `Σ |c_i| · max |x|` (two's complement, wrapping otherwise).

use rust_hdl::prelude::*;

/// Signed digits per coefficient (6497 = 2^13 − 2^11 + 2^9 − 2^7 − 2^5 + 1 needs six).
pub const DIGITS: usize = 6;
/// Window taps (offsets −4..=4).
pub const TAPS: usize = 9;
const LEAVES: usize = 64;

/// Canonical signed-digit form of `c`: `(shift, sign)` pairs with `c = Σ sign · 2^shift`.
pub fn csd(c: i64) -> Vec<(u32, i64)> {
    let sign = c.signum();
    let mut n = c.unsigned_abs();
    let mut out = Vec::new();
    let mut k = 0;
    while n != 0 {
        if n & 1 == 1 {
            // 2 − (n mod 4): +1 for ...01, −1 for ...11 (so that no two digits are adjacent)
            let r: i64 = 2 - (n & 3) as i64;
            out.push((k, r * sign));
            n = (n as i64 - r) as u64;
        }
        n >>= 1;
        k += 1;
    }
    out
}

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftMac<const V: usize, const A: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Clock enable of every register.
    pub en: Signal<In, Bit>,
    /// The window: `x[i]` is the source sample at offset `i − 4`, `A`-bit two's complement.
    pub x: [Signal<In, Bits<A>>; TAPS],
    /// The result, four enabled clocks after its window: its low `V` bits (two's complement;
    /// the parent's datapath width).
    pub y: Signal<Out, Bits<V>>,
    /// With `y`: the result does not fit `V` bits (`y` has wrapped). A parent sized for every
    /// input never sees it; one sized from `vc2-bit-widths` reports it as a range error.
    pub ovf: Signal<Out, Bit>,
    // leaf k = i·DIGITS + d: the shift of x[i] and whether it enters the P or N tree
    sh: [Constant<Bits<8>>; TAPS * DIGITS],
    pos: [Constant<Bit>; LEAVES],
    neg: [Constant<Bit>; LEAVES],
    // presence of each node of the two trees, level by level (build-time)
    p1: [Constant<Bit>; 32],
    n1: [Constant<Bit>; 32],
    p2: [Constant<Bit>; 16],
    n2: [Constant<Bit>; 16],
    p3: [Constant<Bit>; 8],
    n3: [Constant<Bit>; 8],
    p4: [Constant<Bit>; 4],
    n4: [Constant<Bit>; 4],
    p5: [Constant<Bit>; 2],
    n5: [Constant<Bit>; 2],
    round: Constant<Bits<A>>,
    shift: Constant<Bits<8>>,
    fill: Constant<Bits<A>>,
    msb: Constant<Bits<A>>,
    lp: [Signal<Local, Bits<A>>; LEAVES],
    ln: [Signal<Local, Bits<A>>; LEAVES],
    tp1: [Signal<Local, Bits<A>>; 32],
    tn1: [Signal<Local, Bits<A>>; 32],
    tp3: [Signal<Local, Bits<A>>; 8],
    tn3: [Signal<Local, Bits<A>>; 8],
    tp5: [Signal<Local, Bits<A>>; 2],
    tn5: [Signal<Local, Bits<A>>; 2],
    // pipeline: level 2 (16 nodes), level 4 (4 nodes), level 6 (the roots), P − N + r
    rp2: [DFF<Bits<A>>; 16],
    rn2: [DFF<Bits<A>>; 16],
    rp4: [DFF<Bits<A>>; 4],
    rn4: [DFF<Bits<A>>; 4],
    rp6: DFF<Bits<A>>,
    rn6: DFF<Bits<A>>,
    acc: DFF<Bits<A>>,
    yfull: Signal<Local, Bits<A>>,
    // bits V − 1 .. A − 1: all equal when the result fits V bits
    hi: Constant<Bits<A>>,
    yhi: Signal<Local, Bits<A>>,
}

fn bit_consts<const K: usize>(v: &[bool]) -> [Constant<Bit>; K] {
    std::array::from_fn(|i| Constant::new(v[i]))
}

fn halve(v: &[bool]) -> Vec<bool> {
    v.chunks(2).map(|c| c[0] | c[1]).collect()
}

impl<const V: usize, const A: usize> LiftMac<V, A> {
    /// A MAC for coefficients `taps` at offsets `base..base + taps.len()` (`base ≥ −4`,
    /// last offset ≤ 4) and shift `shift` (ST 2042-1 Table 15.1's `taps`, `D`-derived offset
    /// and `S`). No taps at all gives `y = 0`.
    pub fn new(taps: &[i64], base: i32, shift: u32) -> Self {
        assert!(V < A && A < 64 && shift < 32);
        assert!(base >= -4 && base + taps.len() as i32 <= 5, "lifting window exceeds ±4");
        let mut sh = [0u64; LEAVES];
        let mut pos = [false; LEAVES];
        let mut neg = [false; LEAVES];
        for (j, &c) in taps.iter().enumerate() {
            let i = (base + 4) as usize + j;
            let digits = csd(c);
            assert!(digits.len() <= DIGITS, "coefficient {c} needs more than {DIGITS} digits");
            for (d, &(k, s)) in digits.iter().enumerate() {
                sh[i * DIGITS + d] = k as u64;
                if s > 0 {
                    pos[i * DIGITS + d] = true;
                } else {
                    neg[i * DIGITS + d] = true;
                }
            }
        }
        let p1 = halve(&pos);
        let n1 = halve(&neg);
        let p2 = halve(&p1);
        let n2 = halve(&n1);
        let p3 = halve(&p2);
        let n3 = halve(&n2);
        let p4 = halve(&p3);
        let n4 = halve(&n3);
        let p5 = halve(&p4);
        let n5 = halve(&n4);
        let ones = (1u64 << A) - 1;
        let round = if shift > 0 { 1u64 << (shift - 1) } else { 0 };
        Self {
            clock: Default::default(),
            en: Default::default(),
            x: Default::default(),
            y: Default::default(),
            ovf: Default::default(),
            sh: std::array::from_fn(|k| Constant::new(sh[k].to_bits())),
            pos: bit_consts(&pos),
            neg: bit_consts(&neg),
            p1: bit_consts(&p1),
            n1: bit_consts(&n1),
            p2: bit_consts(&p2),
            n2: bit_consts(&n2),
            p3: bit_consts(&p3),
            n3: bit_consts(&n3),
            p4: bit_consts(&p4),
            n4: bit_consts(&n4),
            p5: bit_consts(&p5),
            n5: bit_consts(&n5),
            round: Constant::new(round.to_bits()),
            shift: Constant::new((shift as u64).to_bits()),
            fill: Constant::new((ones & !(ones >> shift)).to_bits()),
            msb: Constant::new((1u64 << (A - 1)).to_bits()),
            lp: std::array::from_fn(|_| Default::default()),
            ln: std::array::from_fn(|_| Default::default()),
            tp1: Default::default(),
            tn1: Default::default(),
            tp3: Default::default(),
            tn3: Default::default(),
            tp5: Default::default(),
            tn5: Default::default(),
            rp2: Default::default(),
            rn2: Default::default(),
            rp4: Default::default(),
            rn4: Default::default(),
            rp6: Default::default(),
            rn6: Default::default(),
            acc: Default::default(),
            yfull: Default::default(),
            hi: Constant::new((ones & !((1u64 << (V - 1)) - 1)).to_bits()),
            yhi: Default::default(),
        }
    }
}

impl<const V: usize, const A: usize> Logic for LiftMac<V, A> {
    #[hdl_gen]
    fn update(&mut self) {
        for k in 0..16 {
            self.rp2[k].clock.next = self.clock.val();
            self.rn2[k].clock.next = self.clock.val();
            self.rp2[k].d.next = self.rp2[k].q.val();
            self.rn2[k].d.next = self.rn2[k].q.val();
        }
        for k in 0..4 {
            self.rp4[k].clock.next = self.clock.val();
            self.rn4[k].clock.next = self.clock.val();
            self.rp4[k].d.next = self.rp4[k].q.val();
            self.rn4[k].d.next = self.rn4[k].q.val();
        }
        dff_setup!(self, clock, rp6, rn6, acc);
        // Leaves: each digit of each coefficient is a shifted copy of its sample.
        for i in 0..9 {
            for d in 0..6 {
                self.lp[i * 6 + d].next = 0.into();
                self.ln[i * 6 + d].next = 0.into();
                if self.pos[i * 6 + d].val() {
                    self.lp[i * 6 + d].next = self.x[i].val() << self.sh[i * 6 + d].val();
                }
                if self.neg[i * 6 + d].val() {
                    self.ln[i * 6 + d].next = self.x[i].val() << self.sh[i * 6 + d].val();
                }
            }
        }
        for k in 54..64 {
            self.lp[k].next = 0.into();
            self.ln[k].next = 0.into();
        }
        // Adder trees: a node adds its present children (absent ones are build-time false
        // and fold away).
        for k in 0..32 {
            self.tp1[k].next = self.lp[2 * k + 1].val();
            if self.pos[2 * k].val() {
                self.tp1[k].next = self.lp[2 * k].val();
                if self.pos[2 * k + 1].val() {
                    self.tp1[k].next = self.lp[2 * k].val() + self.lp[2 * k + 1].val();
                }
            }
            self.tn1[k].next = self.ln[2 * k + 1].val();
            if self.neg[2 * k].val() {
                self.tn1[k].next = self.ln[2 * k].val();
                if self.neg[2 * k + 1].val() {
                    self.tn1[k].next = self.ln[2 * k].val() + self.ln[2 * k + 1].val();
                }
            }
        }
        if self.en.val() {
            for k in 0..16 {
                self.rp2[k].d.next = self.tp1[2 * k + 1].val();
                if self.p1[2 * k].val() {
                    self.rp2[k].d.next = self.tp1[2 * k].val();
                    if self.p1[2 * k + 1].val() {
                        self.rp2[k].d.next = self.tp1[2 * k].val() + self.tp1[2 * k + 1].val();
                    }
                }
                self.rn2[k].d.next = self.tn1[2 * k + 1].val();
                if self.n1[2 * k].val() {
                    self.rn2[k].d.next = self.tn1[2 * k].val();
                    if self.n1[2 * k + 1].val() {
                        self.rn2[k].d.next = self.tn1[2 * k].val() + self.tn1[2 * k + 1].val();
                    }
                }
            }
        }
        for k in 0..8 {
            self.tp3[k].next = self.rp2[2 * k + 1].q.val();
            if self.p2[2 * k].val() {
                self.tp3[k].next = self.rp2[2 * k].q.val();
                if self.p2[2 * k + 1].val() {
                    self.tp3[k].next = self.rp2[2 * k].q.val() + self.rp2[2 * k + 1].q.val();
                }
            }
            self.tn3[k].next = self.rn2[2 * k + 1].q.val();
            if self.n2[2 * k].val() {
                self.tn3[k].next = self.rn2[2 * k].q.val();
                if self.n2[2 * k + 1].val() {
                    self.tn3[k].next = self.rn2[2 * k].q.val() + self.rn2[2 * k + 1].q.val();
                }
            }
        }
        if self.en.val() {
            for k in 0..4 {
                self.rp4[k].d.next = self.tp3[2 * k + 1].val();
                if self.p3[2 * k].val() {
                    self.rp4[k].d.next = self.tp3[2 * k].val();
                    if self.p3[2 * k + 1].val() {
                        self.rp4[k].d.next = self.tp3[2 * k].val() + self.tp3[2 * k + 1].val();
                    }
                }
                self.rn4[k].d.next = self.tn3[2 * k + 1].val();
                if self.n3[2 * k].val() {
                    self.rn4[k].d.next = self.tn3[2 * k].val();
                    if self.n3[2 * k + 1].val() {
                        self.rn4[k].d.next = self.tn3[2 * k].val() + self.tn3[2 * k + 1].val();
                    }
                }
            }
        }
        for k in 0..2 {
            self.tp5[k].next = self.rp4[2 * k + 1].q.val();
            if self.p4[2 * k].val() {
                self.tp5[k].next = self.rp4[2 * k].q.val();
                if self.p4[2 * k + 1].val() {
                    self.tp5[k].next = self.rp4[2 * k].q.val() + self.rp4[2 * k + 1].q.val();
                }
            }
            self.tn5[k].next = self.rn4[2 * k + 1].q.val();
            if self.n4[2 * k].val() {
                self.tn5[k].next = self.rn4[2 * k].q.val();
                if self.n4[2 * k + 1].val() {
                    self.tn5[k].next = self.rn4[2 * k].q.val() + self.rn4[2 * k + 1].q.val();
                }
            }
        }
        if self.en.val() {
            self.rp6.d.next = self.tp5[1].val();
            if self.p5[0].val() {
                self.rp6.d.next = self.tp5[0].val();
                if self.p5[1].val() {
                    self.rp6.d.next = self.tp5[0].val() + self.tp5[1].val();
                }
            }
            self.rn6.d.next = self.tn5[1].val();
            if self.n5[0].val() {
                self.rn6.d.next = self.tn5[0].val();
                if self.n5[1].val() {
                    self.rn6.d.next = self.tn5[0].val() + self.tn5[1].val();
                }
            }
            self.acc.d.next = self.rp6.q.val() - self.rn6.q.val() + self.round.val();
        }
        // Arithmetic shift right by the build-time shift.
        self.yfull.next = self.acc.q.val() >> self.shift.val();
        if (self.acc.q.val() & self.msb.val()).any() {
            self.yfull.next = (self.acc.q.val() >> self.shift.val()) | self.fill.val();
        }
        self.y.next = self.yfull.val().get_bits::<V>(0);
        self.yhi.next = self.yfull.val() & self.hi.val();
        self.ovf.next = self.yhi.val().any() & (self.yhi.val() != self.hi.val());
    }
}
