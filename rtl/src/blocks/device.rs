//! The device core: everything behind the PCIe bridge, without board pins. BAR0 (AXI4-Lite
//! slave, 4 KiB) holds the register chain — [`RegsIdent`] at 0x000, [`RegsQueue`] at 0x100
//! (offsets from `uhdpipe_driver::regmap`) — and the [`JobEngine`] masters host memory over
//! AXI4 and raises the completion interrupt. A board top (or the simulated PCIe device)
//! connects these to its PCIe bridge (XDMA's AXI bridge, LitePCIe, or `uhdpipe-sim`'s
//! vfio-user server).
//!
//! **BAR0 decode.** Bits 11:8 of the address select the block: 1 the queue block, anything
//! else the identification block (whose unused offsets read 0). A new request is accepted
//! only when no response is pending, so responses never cross; a write's data goes to the
//! block its address selects, so the bridge presents `AW` and `W` together (XDMA's AXI-Lite
//! master and the simulated bridge do). **Latency:** one clock per
//! register access. **Reset:** none needed beyond `initial` (a device reset reloads the
//! model, as a PCIe function-level reset reconfigures a card).

use crate::blocks::job_engine::JobEngine;
use crate::blocks::regs_ident::{IdentValues, RegsIdent};
use crate::blocks::regs_queue::RegsQueue;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct Device {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// BAR0 AXI4-Lite: write address valid.
    pub s_awvalid: Signal<In, Bit>,
    /// BAR0 AXI4-Lite: write address ready.
    pub s_awready: Signal<Out, Bit>,
    /// BAR0 AXI4-Lite: write address (byte offset in BAR0).
    pub s_awaddr: Signal<In, Bits<12>>,
    /// BAR0 AXI4-Lite: write data valid.
    pub s_wvalid: Signal<In, Bit>,
    /// BAR0 AXI4-Lite: write data ready.
    pub s_wready: Signal<Out, Bit>,
    /// BAR0 AXI4-Lite: write data.
    pub s_wdata: Signal<In, Bits<32>>,
    /// BAR0 AXI4-Lite: write response valid.
    pub s_bvalid: Signal<Out, Bit>,
    /// BAR0 AXI4-Lite: write response ready.
    pub s_bready: Signal<In, Bit>,
    /// BAR0 AXI4-Lite: write response (always OKAY).
    pub s_bresp: Signal<Out, Bits<2>>,
    /// BAR0 AXI4-Lite: read address valid.
    pub s_arvalid: Signal<In, Bit>,
    /// BAR0 AXI4-Lite: read address ready.
    pub s_arready: Signal<Out, Bit>,
    /// BAR0 AXI4-Lite: read address (byte offset in BAR0).
    pub s_araddr: Signal<In, Bits<12>>,
    /// BAR0 AXI4-Lite: read data valid.
    pub s_rvalid: Signal<Out, Bit>,
    /// BAR0 AXI4-Lite: read data ready.
    pub s_rready: Signal<In, Bit>,
    /// BAR0 AXI4-Lite: read data.
    pub s_rdata: Signal<Out, Bits<32>>,
    /// BAR0 AXI4-Lite: read response (always OKAY).
    pub s_rresp: Signal<Out, Bits<2>>,
    /// Host memory AXI4: read address valid.
    pub m_arvalid: Signal<Out, Bit>,
    /// Host memory AXI4: read address ready.
    pub m_arready: Signal<In, Bit>,
    /// Host memory AXI4: read address (an I/O virtual address below 2^48).
    pub m_araddr: Signal<Out, Bits<64>>,
    /// Host memory AXI4: read burst length minus one (0..=15).
    pub m_arlen: Signal<Out, Bits<8>>,
    /// Host memory AXI4: read beat size (always 3: eight bytes).
    pub m_arsize: Signal<Out, Bits<3>>,
    /// Host memory AXI4: read burst type (always 1: INCR).
    pub m_arburst: Signal<Out, Bits<2>>,
    /// Host memory AXI4: read data valid.
    pub m_rvalid: Signal<In, Bit>,
    /// Host memory AXI4: read data ready.
    pub m_rready: Signal<Out, Bit>,
    /// Host memory AXI4: read data.
    pub m_rdata: Signal<In, Bits<64>>,
    /// Host memory AXI4: read response (0 OKAY, else an error).
    pub m_rresp: Signal<In, Bits<2>>,
    /// Host memory AXI4: last beat of a read burst (not needed: the reader counts beats).
    pub m_rlast_unused: Signal<In, Bit>,
    /// Host memory AXI4: write address valid.
    pub m_awvalid: Signal<Out, Bit>,
    /// Host memory AXI4: write address ready.
    pub m_awready: Signal<In, Bit>,
    /// Host memory AXI4: write address.
    pub m_awaddr: Signal<Out, Bits<64>>,
    /// Host memory AXI4: write burst length minus one (0..=15).
    pub m_awlen: Signal<Out, Bits<8>>,
    /// Host memory AXI4: write beat size (always 3).
    pub m_awsize: Signal<Out, Bits<3>>,
    /// Host memory AXI4: write burst type (always 1: INCR).
    pub m_awburst: Signal<Out, Bits<2>>,
    /// Host memory AXI4: write data valid.
    pub m_wvalid: Signal<Out, Bit>,
    /// Host memory AXI4: write data ready.
    pub m_wready: Signal<In, Bit>,
    /// Host memory AXI4: write data.
    pub m_wdata: Signal<Out, Bits<64>>,
    /// Host memory AXI4: write strobes.
    pub m_wstrb: Signal<Out, Bits<8>>,
    /// Host memory AXI4: last beat of a write burst.
    pub m_wlast: Signal<Out, Bit>,
    /// Host memory AXI4: write response valid.
    pub m_bvalid: Signal<In, Bit>,
    /// Host memory AXI4: write response ready.
    pub m_bready: Signal<Out, Bit>,
    /// Host memory AXI4: write response (0 OKAY, else an error).
    pub m_bresp: Signal<In, Bits<2>>,
    /// Completion interrupt: a one-clock pulse per MSI-X vector 0 message.
    pub irq: Signal<Out, Bit>,
    /// The core has work in progress or waiting (the simulation runs the clock only then).
    pub active: Signal<Out, Bit>,
    ident: RegsIdent,
    queue: RegsQueue,
    engine: JobEngine,
    wsel: Signal<Local, Bit>,
    rsel: Signal<Local, Bit>,
    wbusy: Signal<Local, Bit>,
    rbusy: Signal<Local, Bit>,
    one4: Constant<Bits<4>>,
}

impl Device {
    /// The core with these identification values (`CAPS`, `BUILD`, `CLOCK_KHZ`; `NEXT` is
    /// set to the queue block's offset here).
    pub fn new(v: IdentValues) -> Self {
        let v = IdentValues { next: uhdpipe_driver::regmap::QUEUE.base, ..v };
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
            m_arvalid: Default::default(),
            m_arready: Default::default(),
            m_araddr: Default::default(),
            m_arlen: Default::default(),
            m_arsize: Default::default(),
            m_arburst: Default::default(),
            m_rvalid: Default::default(),
            m_rready: Default::default(),
            m_rdata: Default::default(),
            m_rresp: Default::default(),
            m_rlast_unused: Default::default(),
            m_awvalid: Default::default(),
            m_awready: Default::default(),
            m_awaddr: Default::default(),
            m_awlen: Default::default(),
            m_awsize: Default::default(),
            m_awburst: Default::default(),
            m_wvalid: Default::default(),
            m_wready: Default::default(),
            m_wdata: Default::default(),
            m_wstrb: Default::default(),
            m_wlast: Default::default(),
            m_bvalid: Default::default(),
            m_bready: Default::default(),
            m_bresp: Default::default(),
            irq: Default::default(),
            active: Default::default(),
            ident: RegsIdent::new(v),
            queue: Default::default(),
            engine: Default::default(),
            wsel: Default::default(),
            rsel: Default::default(),
            wbusy: Default::default(),
            rbusy: Default::default(),
            one4: Constant::new(1u64.to_bits()),
        }
    }
}

impl Logic for Device {
    #[hdl_gen]
    fn update(&mut self) {
        clock!(self, clock, ident, queue, engine);
        // BAR0 decode: bits 11:8 == 1 select the queue block.
        self.wsel.next = self.s_awaddr.val().get_bits::<4>(8) == self.one4.val();
        self.rsel.next = self.s_araddr.val().get_bits::<4>(8) == self.one4.val();
        self.wbusy.next = self.ident.s_bvalid.val() | self.queue.s_bvalid.val();
        self.rbusy.next = self.ident.s_rvalid.val() | self.queue.s_rvalid.val();
        self.ident.s_awvalid.next = self.s_awvalid.val() & !self.wsel.val() & !self.wbusy.val();
        self.ident.s_wvalid.next = self.s_wvalid.val() & !self.wsel.val() & !self.wbusy.val();
        self.ident.s_awaddr.next = self.s_awaddr.val();
        self.ident.s_wdata.next = self.s_wdata.val();
        self.ident.s_bready.next = self.s_bready.val();
        self.queue.s_awvalid.next = self.s_awvalid.val() & self.wsel.val() & !self.wbusy.val();
        self.queue.s_wvalid.next = self.s_wvalid.val() & self.wsel.val() & !self.wbusy.val();
        self.queue.s_awaddr.next = self.s_awaddr.val().get_bits::<8>(0);
        self.queue.s_wdata.next = self.s_wdata.val();
        self.queue.s_bready.next = self.s_bready.val();
        self.s_awready.next = self.ident.s_awready.val() & !self.wbusy.val();
        self.s_wready.next = self.ident.s_wready.val() & !self.wbusy.val();
        if self.wsel.val() {
            self.s_awready.next = self.queue.s_awready.val() & !self.wbusy.val();
            self.s_wready.next = self.queue.s_wready.val() & !self.wbusy.val();
        }
        self.s_bvalid.next = self.wbusy.val();
        self.s_bresp.next = self.ident.s_bresp.val();
        self.ident.s_arvalid.next = self.s_arvalid.val() & !self.rsel.val() & !self.rbusy.val();
        self.ident.s_araddr.next = self.s_araddr.val();
        self.ident.s_rready.next = self.s_rready.val();
        self.queue.s_arvalid.next = self.s_arvalid.val() & self.rsel.val() & !self.rbusy.val();
        self.queue.s_araddr.next = self.s_araddr.val().get_bits::<8>(0);
        self.queue.s_rready.next = self.s_rready.val();
        self.s_arready.next = self.ident.s_arready.val() & !self.rbusy.val();
        if self.rsel.val() {
            self.s_arready.next = self.queue.s_arready.val() & !self.rbusy.val();
        }
        self.s_rvalid.next = self.rbusy.val();
        self.s_rdata.next = self.ident.s_rdata.val() | self.queue.s_rdata.val();
        if !self.queue.s_rvalid.val() {
            self.s_rdata.next = self.ident.s_rdata.val();
        }
        if self.queue.s_rvalid.val() {
            self.s_rdata.next = self.queue.s_rdata.val();
        }
        self.s_rresp.next = self.ident.s_rresp.val();
        // Queue registers <-> engine.
        self.engine.cfg_enable.next = self.queue.cfg_enable.val();
        self.engine.cfg_size_log2.next = self.queue.cfg_size_log2.val();
        self.engine.cfg_sq_base.next = self.queue.cfg_sq_base.val();
        self.engine.cfg_cq_base.next = self.queue.cfg_cq_base.val();
        self.engine.cfg_sq_tail.next = self.queue.cfg_sq_tail.val();
        self.engine.cfg_cq_head.next = self.queue.cfg_cq_head.val();
        self.engine.cfg_irq_count.next = self.queue.cfg_irq_count.val();
        self.engine.cfg_irq_time.next = self.queue.cfg_irq_time.val();
        self.queue.st_ready.next = self.engine.st_ready.val();
        self.queue.st_fatal.next = self.engine.st_fatal.val();
        self.queue.st_busy.next = self.engine.st_busy.val();
        self.queue.st_fatal_code.next = self.engine.st_fatal_code.val();
        self.queue.st_sq_head.next = self.engine.st_sq_head.val();
        self.queue.st_jobs.next = self.engine.st_jobs.val();
        self.queue.st_errors.next = self.engine.st_errors.val();
        self.queue.st_cycles.next = self.engine.st_cycles.val();
        self.irq.next = self.engine.irq.val();
        self.active.next = self.engine.st_active.val();
        // Host memory.
        self.m_arvalid.next = self.engine.m_arvalid.val();
        self.engine.m_arready.next = self.m_arready.val();
        self.m_araddr.next = self.engine.m_araddr.val();
        self.m_arlen.next = self.engine.m_arlen.val();
        self.m_arsize.next = 3.into();
        self.m_arburst.next = 1.into();
        self.engine.m_rvalid.next = self.m_rvalid.val();
        self.m_rready.next = self.engine.m_rready.val();
        self.engine.m_rdata.next = self.m_rdata.val();
        self.engine.m_rresp.next = self.m_rresp.val();
        self.m_awvalid.next = self.engine.m_awvalid.val();
        self.engine.m_awready.next = self.m_awready.val();
        self.m_awaddr.next = self.engine.m_awaddr.val();
        self.m_awlen.next = self.engine.m_awlen.val();
        self.m_awsize.next = 3.into();
        self.m_awburst.next = 1.into();
        self.m_wvalid.next = self.engine.m_wvalid.val();
        self.engine.m_wready.next = self.m_wready.val();
        self.m_wdata.next = self.engine.m_wdata.val();
        self.m_wstrb.next = self.engine.m_wstrb.val();
        self.m_wlast.next = self.engine.m_wlast.val();
        self.engine.m_bvalid.next = self.m_bvalid.val();
        self.m_bready.next = self.engine.m_bready.val();
        self.engine.m_bresp.next = self.m_bresp.val();
    }
}
