//! Sign extension of one lane: `A`-bit two's complement in, the same value in `B` bits out
//! (`B ≥ A`). Combinational: no clock, no latency.
//!
//! It exists because rust-hdl cannot `bit_cast` an array element inside a `for` loop: a
//! parent that widens `P` lanes instantiates `[Sext<A, B>; P]` and wires each lane to a
//! plain port (crate conventions, "Lanes").

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct Sext<const A: usize, const B: usize> {
    /// Input: `A`-bit two's complement.
    pub a: Signal<In, Bits<A>>,
    /// Output: the same value, `B`-bit two's complement.
    pub y: Signal<Out, Bits<B>>,
    sign: Constant<Bits<A>>,
    ext: Constant<Bits<B>>,
}

impl<const A: usize, const B: usize> Default for Sext<A, B> {
    fn default() -> Self {
        assert!(A >= 1 && B >= A && B <= 64);
        let ones = |n: usize| if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        Self { a: Default::default(), y: Default::default(), sign: Constant::new((1u64 << (A - 1)).to_bits()), ext: Constant::new((ones(B) & !ones(A)).to_bits()) }
    }
}

impl<const A: usize, const B: usize> Logic for Sext<A, B> {
    #[hdl_gen]
    fn update(&mut self) {
        self.y.next = bit_cast::<B, A>(self.a.val());
        if (self.a.val() & self.sign.val()).any() {
            self.y.next = bit_cast::<B, A>(self.a.val()) | self.ext.val();
        }
    }
}
