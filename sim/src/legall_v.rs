//! `uhdpipe_legall_v*` (rtl/src/blocks/legall_v.rs: the LeGall 5/3 / Haar vertical lifting
//! with its line buffers, `P` column pairs per beat), simulated two ways behind one [`Dut`]
//! trait: Verilated from the committed Verilog (the reference) and in rust-hdl's own
//! simulator (slower; it must agree).
//!
//! Builds: 14-bit samples in, 17-bit lanes, rows up to 32 beats; analysis at 1 and 8 column
//! pairs per beat ([`LegallV`], [`LegallV16`]: 2 and 16 samples per clock), synthesis the
//! same ([`LegallVs`], [`LegallVs16`]). [`Build`] names each and makes one.

use crate::Dut;

/// The most column pairs per beat of any build (the width of [`Ports`]' lane arrays).
pub const MAX_LANES: usize = 8;

#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
/// Port values (inputs set by the caller, outputs filled by `eval`); lanes past the build's
/// pairs per beat are ignored (inputs) or left as they were (outputs).
pub struct Ports {
    /// in_valid.
    pub in_valid: u8,
    /// in_first.
    pub in_first: u8,
    /// in_last.
    pub in_last: u8,
    /// in_sop.
    pub in_sop: u8,
    /// in_tag (the picture's number, low 4 bits, with in_sop).
    pub in_tag: u8,
    /// out_ready.
    pub out_ready: u8,
    /// ll_ready.
    pub ll_ready: u8,
    /// cfg_ll: also send the L rows' first columns on the LL stream.
    pub cfg_ll: u8,
    /// cfg_haar: Haar instead of LeGall.
    pub cfg_haar: u8,
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
    /// out_vhigh (output).
    pub out_vhigh: u8,
    /// out_tag (output).
    pub out_tag: u8,
    /// err_pic (output).
    pub err_pic: u8,
    /// ll_valid (output).
    pub ll_valid: u8,
    /// ll_first (output).
    pub ll_first: u8,
    /// ll_last (output).
    pub ll_last: u8,
    /// ll_sop (output).
    pub ll_sop: u8,
    /// pic_idle (output).
    pub pic_idle: u8,
    /// cfg_pairs (beats per row).
    pub cfg_pairs: u16,
    /// cfg_rows (rows per picture, even).
    pub cfg_rows: u16,
    /// in_a per lane (14-bit two's complement).
    pub in_a: [u32; MAX_LANES],
    /// in_b per lane.
    pub in_b: [u32; MAX_LANES],
    /// out_a per lane (output, 17-bit two's complement).
    pub out_a: [u32; MAX_LANES],
    /// out_b per lane (output).
    pub out_b: [u32; MAX_LANES],
    /// ll_c per lane (output).
    pub ll_c: [u32; MAX_LANES],
}

crate::port_layout!(Ports, [in_valid, in_first, in_last, in_sop, in_tag, out_ready, ll_ready, cfg_ll, cfg_haar, in_ready, out_valid, out_first, out_last, out_sop, out_vhigh, out_tag, err_pic, ll_valid, ll_first, ll_last, ll_sop, pic_idle, cfg_pairs, cfg_rows, in_a, in_b, out_a, out_b, ll_c]);

/// Declares every build from one list: its Verilated model, its rust-hdl twin (with the
/// [`Dut`] impl), and [`Build::ALL`] / [`Build::verilated`] / [`Build::hdl`].
macro_rules! legall_v_builds {
    ($(($v:ident, $hdl:ident, $name:ident, $s:literal, $p:literal, $doc:literal)),* $(,)?) => {
        $(
            crate::verilated!($v, $name, Ports, concat!($doc, ", Verilated."));
            // the registry's type, and a compile-time check that it is the build this list describes
            const _: fn(uhdpipe_rtl::designs::types::$name) -> uhdpipe_rtl::blocks::legall_v::LegallV<14, 17, 5, $s, $p> = |x| x;
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
                    u.in_tag.next = ((p.in_tag & 15) as u64).to_bits();
                    u.out_ready.next = p.out_ready != 0;
                    u.ll_ready.next = p.ll_ready != 0;
                    u.cfg_ll.next = p.cfg_ll != 0;
                    u.cfg_haar.next = p.cfg_haar != 0;
                    u.cfg_pairs.next = ((p.cfg_pairs & 0x1fff) as u64).to_bits();
                    u.cfg_rows.next = ((p.cfg_rows & 0x1fff) as u64).to_bits();
                    for k in 0..$p {
                        u.in_a[k].next = ((p.in_a[k] & 0x3fff) as u64).to_bits();
                        u.in_b[k].next = ((p.in_b[k] & 0x3fff) as u64).to_bits();
                    }
                    self.settle();
                    let u = &self.uut;
                    p.in_ready = u.in_ready.val() as u8;
                    p.out_valid = u.out_valid.val() as u8;
                    p.out_first = u.out_first.val() as u8;
                    p.out_last = u.out_last.val() as u8;
                    p.out_sop = u.out_sop.val() as u8;
                    p.out_vhigh = u.out_vhigh.val() as u8;
                    p.out_tag = u.out_tag.val().to_u64() as u8;
                    p.err_pic = u.err_pic.val() as u8;
                    p.ll_valid = u.ll_valid.val() as u8;
                    p.ll_first = u.ll_first.val() as u8;
                    p.ll_last = u.ll_last.val() as u8;
                    p.ll_sop = u.ll_sop.val() as u8;
                    p.pic_idle = u.pic_idle.val() as u8;
                    for k in 0..$p {
                        p.out_a[k] = u.out_a[k].val().to_u64() as u32;
                        p.out_b[k] = u.out_b[k].val().to_u64() as u32;
                        p.ll_c[k] = u.ll_c[k].val().to_u64() as u32;
                    }
                }

                fn tick(&mut self) {
                    self.edge();
                }
            }
        )*

        impl Build {
            /// Every build.
            pub const ALL: [Build; [$($p),*].len()] = [$(Build { synthesis: $s == 1, lanes: $p }),*];

            /// A fresh Verilated instance.
            pub fn verilated(self) -> Box<dyn Dut<Ports = Ports>> {
                $(if self == (Build { synthesis: $s == 1, lanes: $p }) {
                    return Box::new($v::new());
                })*
                panic!("no legall_v build {self:?}")
            }

            /// A fresh instance in rust-hdl's simulator.
            pub fn hdl(self) -> Box<dyn Dut<Ports = Ports>> {
                $(if self == (Build { synthesis: $s == 1, lanes: $p }) {
                    return Box::new($hdl::new());
                })*
                panic!("no legall_v build {self:?}")
            }
        }
    };
}

legall_v_builds!(
    (LegallV, HdlLegallV, legall_v, 0, 1, "The analysis build at 1 column pair per beat"),
    (LegallV16, HdlLegallV16, legall_v16, 0, 8, "The analysis build at 8 column pairs per beat"),
    (LegallVs, HdlLegallVs, legall_vs, 1, 1, "The synthesis build at 1 column pair per beat"),
    (LegallVs16, HdlLegallVs16, legall_vs16, 1, 8, "The synthesis build at 8 column pairs per beat"),
);

/// One of the builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Build {
    /// Synthesis (`true`) or analysis.
    pub synthesis: bool,
    /// Column pairs per beat (`ppc / 2`).
    pub lanes: usize,
}

impl Build {
    /// Input bits per sample.
    pub const IN_BITS: u32 = 14;
    /// Output bits per sample.
    pub const OUT_BITS: u32 = 17;
    /// Rows up to this many beats.
    pub const MAX_BEATS: usize = 32;

    /// An output lane's value as a signed number.
    pub fn sext(v: u32) -> i64 {
        crate::sext(v, Self::OUT_BITS)
    }
}
