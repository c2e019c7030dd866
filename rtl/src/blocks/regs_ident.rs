//! The identification register block of BAR0 behind an AXI4-Lite slave: the first block of
//! the register map (`uhdpipe_driver::regmap::IDENT`, whose offsets and values this block
//! takes from the map itself, so the RTL cannot drift from the driver's view).
//!
//! **Function.** Reads return `TYPE` (the magic "UHDP"), `VERSION`, `NEXT` (the next block's
//! offset, a build-time value), `CAPS`, `BUILD`, `CLOCK_KHZ` (build-time constants) and
//! `SCRATCH` (read/write); any other offset reads 0. Writes to `SCRATCH` store; writes
//! elsewhere are ignored. Every response is OKAY.
//!
//! **Handshake.** AXI4-Lite, one transaction at a time per direction. A write's address and
//! data are each taken into a holding register whenever it is empty (`awready`, `wready` are
//! registers, in either order); the write happens the clock after both are held and is
//! answered on `b*` then. A read is taken when no read data is pending and answered on `r*`
//! the next clock. **Latency:** reads one clock, writes two. **Reset:** `SCRATCH` starts at
//! 0 (`initial`).

use rust_hdl::prelude::*;
use uhdpipe_driver::regmap::{self, IDENT};

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct RegsIdent {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Write address valid.
    pub s_awvalid: Signal<In, Bit>,
    /// Write address ready.
    pub s_awready: Signal<Out, Bit>,
    /// Write address (byte offset in the block; bits 1:0 ignored).
    pub s_awaddr: Signal<In, Bits<12>>,
    /// Write data valid.
    pub s_wvalid: Signal<In, Bit>,
    /// Write data ready.
    pub s_wready: Signal<Out, Bit>,
    /// Write data.
    pub s_wdata: Signal<In, Bits<32>>,
    /// Write response valid.
    pub s_bvalid: Signal<Out, Bit>,
    /// Write response ready.
    pub s_bready: Signal<In, Bit>,
    /// Write response (0: OKAY).
    pub s_bresp: Signal<Out, Bits<2>>,
    /// Read address valid.
    pub s_arvalid: Signal<In, Bit>,
    /// Read address ready.
    pub s_arready: Signal<Out, Bit>,
    /// Read address (byte offset in the block; bits 1:0 ignored).
    pub s_araddr: Signal<In, Bits<12>>,
    /// Read data valid.
    pub s_rvalid: Signal<Out, Bit>,
    /// Read data ready.
    pub s_rready: Signal<In, Bit>,
    /// Read data.
    pub s_rdata: Signal<Out, Bits<32>>,
    /// Read response (0: OKAY).
    pub s_rresp: Signal<Out, Bits<2>>,
    // register offsets (word-aligned, as 12-bit addresses with bits 1:0 cleared)
    a_type: Constant<Bits<12>>,
    a_version: Constant<Bits<12>>,
    a_next: Constant<Bits<12>>,
    a_caps: Constant<Bits<12>>,
    a_build: Constant<Bits<12>>,
    a_clock: Constant<Bits<12>>,
    a_scratch: Constant<Bits<12>>,
    word_mask: Constant<Bits<12>>,
    // build-time values
    v_type: Constant<Bits<32>>,
    v_version: Constant<Bits<32>>,
    v_next: Constant<Bits<32>>,
    v_caps: Constant<Bits<32>>,
    v_build: Constant<Bits<32>>,
    v_clock: Constant<Bits<32>>,
    raddr: Signal<Local, Bits<12>>,
    waddr: Signal<Local, Bits<12>>,
    rword: Signal<Local, Bits<32>>,
    take_w: Signal<Local, Bit>,
    aw_full: DFF<Bit>,
    aw_addr: DFF<Bits<12>>,
    w_full: DFF<Bit>,
    w_data: DFF<Bits<32>>,
    take_r: Signal<Local, Bit>,
    scratch: DFF<Bits<32>>,
    bvalid: DFF<Bit>,
    rvalid: DFF<Bit>,
    rdata: DFF<Bits<32>>,
}

/// Build-time values of the identification block.
#[derive(Debug, Clone, Copy)]
pub struct IdentValues {
    /// `NEXT`: the offset of the next register block (0: none).
    pub next: u32,
    /// `CAPS` ([`regmap::caps`]).
    pub caps: u32,
    /// `BUILD` (PPC, MAX_WIDTH_LOG2, MAX_DEPTH).
    pub build: u32,
    /// `CLOCK_KHZ`.
    pub clock_khz: u32,
}

impl RegsIdent {
    /// The block with these build-time values.
    pub fn new(v: IdentValues) -> Self {
        let c12 = |n: &str| Constant::new((IDENT.register(n).offset as u64).to_bits());
        let c32 = |x: u32| Constant::new((x as u64).to_bits());
        Self {
            clock: Default::default(),
            s_awvalid: Default::default(),
            s_awready: Default::default(),
            s_awaddr: Default::default(),
            s_wvalid: Default::default(),
            s_wready: Default::default(),
            s_wdata: Default::default(),
            s_bvalid: Default::default(),
            s_bready: Default::default(),
            s_bresp: Default::default(),
            s_arvalid: Default::default(),
            s_arready: Default::default(),
            s_araddr: Default::default(),
            s_rvalid: Default::default(),
            s_rready: Default::default(),
            s_rdata: Default::default(),
            s_rresp: Default::default(),
            a_type: c12("TYPE"),
            a_version: c12("VERSION"),
            a_next: c12("NEXT"),
            a_caps: c12("CAPS"),
            a_build: c12("BUILD"),
            a_clock: c12("CLOCK_KHZ"),
            a_scratch: c12("SCRATCH"),
            word_mask: Constant::new(0xffcu64.to_bits()),
            v_type: c32(regmap::MAGIC),
            v_version: c32(IDENT.version),
            v_next: c32(v.next),
            v_caps: c32(v.caps),
            v_build: c32(v.build),
            v_clock: c32(v.clock_khz),
            raddr: Default::default(),
            waddr: Default::default(),
            rword: Default::default(),
            take_w: Default::default(),
            aw_full: Default::default(),
            aw_addr: Default::default(),
            w_full: Default::default(),
            w_data: Default::default(),
            take_r: Default::default(),
            scratch: Default::default(),
            bvalid: Default::default(),
            rvalid: Default::default(),
            rdata: Default::default(),
        }
    }
}

impl Logic for RegsIdent {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, aw_full, aw_addr, w_full, w_data, scratch, bvalid, rvalid, rdata);
        // Writes.
        // The address and the data are taken independently into holding registers (so both
        // readies are registers); the write happens once both are held and no response is
        // pending.
        self.s_awready.next = !self.aw_full.q.val();
        self.s_wready.next = !self.w_full.q.val();
        if self.s_awvalid.val() & !self.aw_full.q.val() {
            self.aw_full.d.next = true;
            self.aw_addr.d.next = self.s_awaddr.val();
        }
        if self.s_wvalid.val() & !self.w_full.q.val() {
            self.w_full.d.next = true;
            self.w_data.d.next = self.s_wdata.val();
        }
        self.take_w.next = self.aw_full.q.val() & self.w_full.q.val() & !self.bvalid.q.val();
        self.waddr.next = self.aw_addr.q.val() & self.word_mask.val();
        if self.take_w.val() {
            self.bvalid.d.next = true;
            self.aw_full.d.next = false;
            self.w_full.d.next = false;
            if self.waddr.val() == self.a_scratch.val() {
                self.scratch.d.next = self.w_data.q.val();
            }
        }
        if self.bvalid.q.val() & self.s_bready.val() {
            self.bvalid.d.next = false;
        }
        self.s_bvalid.next = self.bvalid.q.val();
        self.s_bresp.next = 0.into();
        // Reads.
        self.s_arready.next = !self.rvalid.q.val();
        self.take_r.next = self.s_arvalid.val() & !self.rvalid.q.val();
        self.raddr.next = self.s_araddr.val() & self.word_mask.val();
        self.rword.next = 0.into();
        if self.raddr.val() == self.a_type.val() {
            self.rword.next = self.v_type.val();
        }
        if self.raddr.val() == self.a_version.val() {
            self.rword.next = self.v_version.val();
        }
        if self.raddr.val() == self.a_next.val() {
            self.rword.next = self.v_next.val();
        }
        if self.raddr.val() == self.a_caps.val() {
            self.rword.next = self.v_caps.val();
        }
        if self.raddr.val() == self.a_build.val() {
            self.rword.next = self.v_build.val();
        }
        if self.raddr.val() == self.a_clock.val() {
            self.rword.next = self.v_clock.val();
        }
        if self.raddr.val() == self.a_scratch.val() {
            self.rword.next = self.scratch.q.val();
        }
        if self.take_r.val() {
            self.rvalid.d.next = true;
            self.rdata.d.next = self.rword.val();
        }
        if self.rvalid.q.val() & self.s_rready.val() {
            self.rvalid.d.next = false;
        }
        self.s_rvalid.next = self.rvalid.q.val();
        self.s_rdata.next = self.rdata.q.val();
        self.s_rresp.next = 0.into();
    }
}
