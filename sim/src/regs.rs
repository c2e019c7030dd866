//! `uhdpipe_regs_ident` (rtl/src/blocks/regs_ident.rs: BAR0's identification registers behind
//! AXI4-Lite), Verilated, with an AXI4-Lite master ([`RegsIdent::read32`],
//! [`RegsIdent::write32`]) that runs the handshakes clock by clock, as a PCIe bridge would.

use crate::Dut;

/// Port values (inputs set by the caller, outputs filled by `eval`).
#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ports {
    /// s_awvalid.
    pub awvalid: u8,
    /// s_wvalid.
    pub wvalid: u8,
    /// s_bready.
    pub bready: u8,
    /// s_arvalid.
    pub arvalid: u8,
    /// s_rready.
    pub rready: u8,
    /// s_awready (output).
    pub awready: u8,
    /// s_wready (output).
    pub wready: u8,
    /// s_bvalid (output).
    pub bvalid: u8,
    /// s_bresp (output).
    pub bresp: u8,
    /// s_arready (output).
    pub arready: u8,
    /// s_rvalid (output).
    pub rvalid: u8,
    /// s_rresp (output).
    pub rresp: u8,
    /// s_awaddr (12 bits).
    pub awaddr: u16,
    /// s_araddr (12 bits).
    pub araddr: u16,
    /// s_wdata.
    pub wdata: u32,
    /// s_rdata (output).
    pub rdata: u32,
}

crate::verilated!(RegsIdent, "regs_ident", Ports, "One instance of the Verilated identification register block.");

/// Clocks an AXI4-Lite transaction may take before the block is declared hung.
const TIMEOUT: u32 = 1000;

impl RegsIdent {
    /// One AXI4-Lite read of the word at byte offset `addr`; `None` if the block never
    /// answers or answers with an error response.
    pub fn read32(&mut self, addr: u16) -> Option<u32> {
        let mut p = Ports { arvalid: 1, araddr: addr, rready: 1, ..Ports::default() };
        for _ in 0..TIMEOUT {
            self.eval(&mut p);
            let taken = p.arvalid == 1 && p.arready == 1;
            let done = p.rvalid == 1;
            let (data, resp) = (p.rdata, p.rresp);
            self.tick();
            if taken {
                p.arvalid = 0;
            }
            if done {
                return (resp == 0).then_some(data);
            }
        }
        None
    }

    /// One AXI4-Lite write; false if the block never answers or answers with an error.
    pub fn write32(&mut self, addr: u16, value: u32) -> bool {
        let mut p = Ports { awvalid: 1, wvalid: 1, awaddr: addr, wdata: value, bready: 1, ..Ports::default() };
        for _ in 0..TIMEOUT {
            self.eval(&mut p);
            let taken = p.awvalid == 1 && p.awready == 1 && p.wvalid == 1 && p.wready == 1;
            let done = p.bvalid == 1;
            let resp = p.bresp;
            self.tick();
            if taken {
                p.awvalid = 0;
                p.wvalid = 0;
            }
            if done {
                return resp == 0;
            }
        }
        false
    }
}
