//! `uhdpipe_legall_h*` (rtl/src/blocks/legall_h.rs: the LeGall 5/3 / Haar horizontal
//! lifting, `P` sample pairs per beat), simulated two ways behind one [`Dut`] trait:
//! Verilated from the committed Verilog (the reference, ~millions of clocks/s) and in
//! rust-hdl's own simulator (slower; it must agree).
//!
//! Builds: analysis, 12-bit samples in, 16-bit coefficients out, at 1, 2, 4 and 8 pairs per
//! beat ([`LegallH`], [`LegallH4`], [`LegallH8`], [`LegallH16`]: 2, 4, 8, 16 samples per
//! clock); synthesis, 14-bit coefficients in, 17-bit samples out, at 1, 2 and 8 pairs per
//! beat ([`LegallHs`], [`LegallHs4`], [`LegallHs16`]). [`Build`] names each with its
//! direction and lane count, and [`Build::verilated`] / [`Build::hdl`] make one.

use crate::Dut;

/// The most pairs per beat of any build (the width of [`Ports`]' lane arrays).
pub const MAX_LANES: usize = 8;

#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
/// Port values (inputs set by the caller, outputs filled by `eval`); lane arrays past the
/// build's pairs per beat are ignored (inputs) or left as they were (outputs).
pub struct Ports {
    /// in_valid.
    pub in_valid: u8,
    /// in_first.
    pub in_first: u8,
    /// in_last.
    pub in_last: u8,
    /// in_sop.
    pub in_sop: u8,
    /// out_ready.
    pub out_ready: u8,
    /// cfg_haar: Haar (wavelets 3 and 4) instead of LeGall.
    pub cfg_haar: u8,
    /// cfg_noshift: `filter_bit_shift` 0 (wavelet 3).
    pub cfg_noshift: u8,
    /// in_ready (output).
    pub in_ready: u8,
    /// out_valid (output).
    pub out_valid: u8,
    /// out_first (output).
    pub out_first: u8,
    /// out_last (output).
    pub out_last: u8,
    /// out_sop (output).
    pub out_sop: u8,
    /// err_line (output).
    pub err_line: u8,
    /// cfg_beats (beats per line, low 13 bits used; `cfg_single` follows from it).
    pub cfg_beats: u16,
    /// in_even per lane (two's complement, the build's input width used).
    pub in_even: [u32; MAX_LANES],
    /// in_odd per lane.
    pub in_odd: [u32; MAX_LANES],
    /// out_low per lane (output, the build's output width, two's complement).
    pub out_low: [u32; MAX_LANES],
    /// out_high per lane (output).
    pub out_high: [u32; MAX_LANES],
}

crate::port_layout!(Ports, [in_valid, in_first, in_last, in_sop, out_ready, cfg_haar, cfg_noshift, in_ready, out_valid, out_first, out_last, out_sop, err_line, cfg_beats, in_even, in_odd, out_low, out_high]);

/// Declares every build from one list: its Verilated model, its rust-hdl twin (with the
/// [`Dut`] impl), and [`Build::ALL`] / [`Build::verilated`] / [`Build::hdl`].
macro_rules! legall_h_builds {
    ($(($v:ident, $hdl:ident, $name:ident, $w:literal, $bits:literal, $s:literal, $p:literal, $doc:literal)),* $(,)?) => {
        $(
            crate::verilated!($v, $name, Ports, concat!($doc, ", Verilated."));
            // the registry's type, and a compile-time check that it is the build this list describes
            const _: fn(uhdpipe_rtl::designs::types::$name) -> uhdpipe_rtl::blocks::legall_h::LegallH<$w, $bits, $s, $p> = |x| x;
            crate::hdl_sim!($hdl, uhdpipe_rtl::designs::types::$name, concat!($doc, " in rust-hdl's own simulator."));

            impl Dut for $hdl {
                type Ports = Ports;

                fn eval(&mut self, p: &mut Ports) {
                    use rust_hdl::prelude::*;
                    let u = &mut self.uut;
                    u.in_valid.next = p.in_valid != 0;
                    u.in_first.next = p.in_first != 0;
                    u.in_last.next = p.in_last != 0;
                    u.in_sop.next = p.in_sop != 0;
                    u.out_ready.next = p.out_ready != 0;
                    u.cfg_haar.next = p.cfg_haar != 0;
                    u.cfg_noshift.next = p.cfg_noshift != 0;
                    u.cfg_beats.next = ((p.cfg_beats & 0x1fff) as u64).to_bits();
                    u.cfg_single.next = p.cfg_beats & 0x1fff == 1;
                    let mask = (1u64 << $w) - 1;
                    for k in 0..$p {
                        u.in_even[k].next = (p.in_even[k] as u64 & mask).to_bits();
                        u.in_odd[k].next = (p.in_odd[k] as u64 & mask).to_bits();
                    }
                    self.settle();
                    let u = &self.uut;
                    p.in_ready = u.in_ready.val() as u8;
                    p.out_valid = u.out_valid.val() as u8;
                    p.out_first = u.out_first.val() as u8;
                    p.out_last = u.out_last.val() as u8;
                    p.out_sop = u.out_sop.val() as u8;
                    p.err_line = u.err_line.val() as u8;
                    for k in 0..$p {
                        p.out_low[k] = u.out_low[k].val().to_u64() as u32;
                        p.out_high[k] = u.out_high[k].val().to_u64() as u32;
                    }
                }

                fn tick(&mut self) {
                    self.edge();
                }
            }
        )*

        impl Build {
            /// Every build, analysis first.
            pub const ALL: [Build; [$($p),*].len()] = [$(Build { synthesis: $s == 1, lanes: $p, in_bits: $w, out_bits: $bits }),*];

            /// A fresh Verilated instance of this build.
            pub fn verilated(self) -> Box<dyn Dut<Ports = Ports>> {
                $(if self == (Build { synthesis: $s == 1, lanes: $p, in_bits: $w, out_bits: $bits }) {
                    return Box::new($v::new());
                })*
                panic!("no legall_h build {self:?}")
            }

            /// A fresh instance of this build in rust-hdl's simulator.
            pub fn hdl(self) -> Box<dyn Dut<Ports = Ports>> {
                $(if self == (Build { synthesis: $s == 1, lanes: $p, in_bits: $w, out_bits: $bits }) {
                    return Box::new($hdl::new());
                })*
                panic!("no legall_h build {self:?}")
            }
        }
    };
}

legall_h_builds!(
    (LegallH, HdlLegallH, legall_h, 12, 16, 0, 1, "The analysis build at 1 pair per beat"),
    (LegallH4, HdlLegallH4, legall_h4, 12, 16, 0, 2, "The analysis build at 2 pairs per beat"),
    (LegallH8, HdlLegallH8, legall_h8, 12, 16, 0, 4, "The analysis build at 4 pairs per beat"),
    (LegallH16, HdlLegallH16, legall_h16, 12, 16, 0, 8, "The analysis build at 8 pairs per beat"),
    (LegallHs, HdlLegallHs, legall_hs, 14, 17, 1, 1, "The synthesis build at 1 pair per beat"),
    (LegallHs4, HdlLegallHs4, legall_hs4, 14, 17, 1, 2, "The synthesis build at 2 pairs per beat"),
    (LegallHs16, HdlLegallHs16, legall_hs16, 14, 17, 1, 8, "The synthesis build at 8 pairs per beat"),
);

/// One of the builds: its direction, pairs per beat and lane widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Build {
    /// Synthesis (`true`) or analysis.
    pub synthesis: bool,
    /// Sample pairs per beat (`ppc / 2`).
    pub lanes: usize,
    /// Input bits per sample.
    pub in_bits: u32,
    /// Output bits per sample.
    pub out_bits: u32,
}

impl Build {
    /// The analysis build with `lanes` pairs per beat (1, 2, 4, 8).
    pub const fn analysis(lanes: usize) -> Build {
        Build { synthesis: false, lanes, in_bits: 12, out_bits: 16 }
    }

    /// The synthesis build with `lanes` pairs per beat (1, 2, 8).
    pub const fn synthesis(lanes: usize) -> Build {
        Build { synthesis: true, lanes, in_bits: 14, out_bits: 17 }
    }

    /// An output lane's value as a signed number.
    pub fn sext(self, v: u32) -> i64 {
        crate::sext(v, self.out_bits)
    }
}
