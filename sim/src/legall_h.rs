//! `uhdpipe_legall_h` (rtl/src/blocks/legall_h.rs: LeGall 5/3 horizontal analysis, two
//! samples per clock, 12-bit in, 16-bit out), simulated two ways behind one [`Dut`] trait:
//! Verilated from the committed Verilog ([`LegallH`], the reference, ~millions of clocks/s)
//! and in rust-hdl's own simulator ([`HdlLegallH`], slower; it must agree).

use crate::Dut;

#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
/// Port values (inputs set by the caller, outputs filled by [`LegallH::eval`]).
pub struct Ports {
    /// in_valid.
    pub in_valid: u8,
    /// in_first.
    pub in_first: u8,
    /// in_last.
    pub in_last: u8,
    /// out_ready.
    pub out_ready: u8,
    /// in_even (low 12 bits used, two's complement).
    pub in_even: u16,
    /// in_odd (low 12 bits used, two's complement).
    pub in_odd: u16,
    /// cfg_pairs (pairs per line, low 13 bits used).
    pub cfg_pairs: u16,
    /// in_ready (output).
    pub in_ready: u8,
    /// out_valid (output).
    pub out_valid: u8,
    /// out_first (output).
    pub out_first: u8,
    /// out_last (output).
    pub out_last: u8,
    /// err_line (output).
    pub err_line: u8,
    /// out_low (output, 16-bit two's complement).
    pub out_low: u16,
    /// out_high (output, 16-bit two's complement).
    pub out_high: u16,
    /// in_sop.
    pub in_sop: u8,
    /// out_sop (output).
    pub out_sop: u8,
}

crate::verilated!(LegallH, "legall_h", Ports, "One instance of the Verilated block.");

crate::hdl_sim!(HdlLegallH, uhdpipe_rtl::blocks::legall_h::LegallH<12, 16, 0>, "The same block in rust-hdl's own simulator (settling with `simulate` after each change).");

impl Dut for HdlLegallH {
    type Ports = Ports;

    fn eval(&mut self, p: &mut Ports) {
        use rust_hdl::prelude::*;
        let u = &mut self.uut;
        u.in_valid.next = p.in_valid != 0;
        u.in_first.next = p.in_first != 0;
        u.in_last.next = p.in_last != 0;
        u.in_sop.next = p.in_sop != 0;
        u.out_ready.next = p.out_ready != 0;
        u.in_even.next = ((p.in_even & 0xfff) as u64).to_bits();
        u.in_odd.next = ((p.in_odd & 0xfff) as u64).to_bits();
        u.cfg_pairs.next = ((p.cfg_pairs & 0x1fff) as u64).to_bits();
        u.cfg_single.next = p.cfg_pairs & 0x1fff == 1;
        self.settle();
        let u = &self.uut;
        p.in_ready = u.in_ready.val() as u8;
        p.out_valid = u.out_valid.val() as u8;
        p.out_first = u.out_first.val() as u8;
        p.out_last = u.out_last.val() as u8;
        p.out_sop = u.out_sop.val() as u8;
        p.err_line = u.err_line.val() as u8;
        p.out_low = u.out_low.val().to_u64() as u16;
        p.out_high = u.out_high.val().to_u64() as u16;
    }

    fn tick(&mut self) {
        self.edge();
    }
}
