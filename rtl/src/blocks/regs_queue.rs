//! The job-queue register block of BAR0 behind an AXI4-Lite slave (`uhdpipe_driver::regmap::QUEUE`,
//! whose offsets this block takes from the map itself): the queue configuration, doorbells
//! and interrupt coalescing for [`crate::blocks::job_engine`], and its status and counters.
//!
//! **Function.** RW registers store (widths as the map says; unused bits read 0); RO
//! registers read the engine's `st_*` inputs; other offsets read 0 and ignore writes. Writing
//! `CONTROL` with `ENABLE` rising clears `SQ_TAIL` and `CQ_HEAD` (the engine clears its own
//! indices at the same time). Every response is OKAY.
//!
//! **Handshake.** AXI4-Lite, as [`crate::blocks::regs_ident`]: one transaction at a time per
//! direction, address and data taken independently into holding registers. **Latency:**
//! reads one clock, writes two; a doorbell reaches the engine the clock after its write. **Reset:** every register starts at 0 (`initial`).

use rust_hdl::prelude::*;
use uhdpipe_driver::regmap::QUEUE;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct RegsQueue {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Write address valid.
    pub s_awvalid: Signal<In, Bit>,
    /// Write address ready.
    pub s_awready: Signal<Out, Bit>,
    /// Write address (byte offset in the block, 0..=255; bits 1:0 ignored).
    pub s_awaddr: Signal<In, Bits<8>>,
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
    /// Read address valid.
    pub s_arvalid: Signal<In, Bit>,
    /// Read address ready.
    pub s_arready: Signal<Out, Bit>,
    /// Read address (byte offset in the block, 0..=255).
    pub s_araddr: Signal<In, Bits<8>>,
    /// Read data valid.
    pub s_rvalid: Signal<Out, Bit>,
    /// Read data ready.
    pub s_rready: Signal<In, Bit>,
    /// Read data.
    pub s_rdata: Signal<Out, Bits<32>>,
    /// `CONTROL.ENABLE`.
    pub cfg_enable: Signal<Out, Bit>,
    /// `SIZE_LOG2`.
    pub cfg_size_log2: Signal<Out, Bits<5>>,
    /// `SQ_BASE_HI:SQ_BASE_LO`.
    pub cfg_sq_base: Signal<Out, Bits<64>>,
    /// `CQ_BASE_HI:CQ_BASE_LO`.
    pub cfg_cq_base: Signal<Out, Bits<64>>,
    /// `SQ_TAIL`.
    pub cfg_sq_tail: Signal<Out, Bits<16>>,
    /// `CQ_HEAD`.
    pub cfg_cq_head: Signal<Out, Bits<16>>,
    /// `IRQ_COALESCE.COUNT`.
    pub cfg_irq_count: Signal<Out, Bits<8>>,
    /// `IRQ_COALESCE.TIME`.
    pub cfg_irq_time: Signal<Out, Bits<24>>,
    /// `STATUS.READY`.
    pub st_ready: Signal<In, Bit>,
    /// `STATUS.FATAL`.
    pub st_fatal: Signal<In, Bit>,
    /// `STATUS.BUSY`.
    pub st_busy: Signal<In, Bit>,
    /// `STATUS.FATAL_CODE`.
    pub st_fatal_code: Signal<In, Bits<8>>,
    /// `SQ_HEAD`.
    pub st_sq_head: Signal<In, Bits<16>>,
    /// `JOBS`.
    pub st_jobs: Signal<In, Bits<32>>,
    /// `JOB_ERRORS`.
    pub st_errors: Signal<In, Bits<32>>,
    /// `BUSY_CYCLES`.
    pub st_cycles: Signal<In, Bits<32>>,
    a_type: Constant<Bits<8>>,
    a_version: Constant<Bits<8>>,
    a_control: Constant<Bits<8>>,
    a_status: Constant<Bits<8>>,
    a_size: Constant<Bits<8>>,
    a_sq_lo: Constant<Bits<8>>,
    a_sq_hi: Constant<Bits<8>>,
    a_cq_lo: Constant<Bits<8>>,
    a_cq_hi: Constant<Bits<8>>,
    a_sq_tail: Constant<Bits<8>>,
    a_cq_head: Constant<Bits<8>>,
    a_sq_head: Constant<Bits<8>>,
    a_irq: Constant<Bits<8>>,
    a_jobs: Constant<Bits<8>>,
    a_errors: Constant<Bits<8>>,
    a_cycles: Constant<Bits<8>>,
    word_mask: Constant<Bits<8>>,
    v_type: Constant<Bits<32>>,
    v_version: Constant<Bits<32>>,
    raddr: Signal<Local, Bits<8>>,
    waddr: Signal<Local, Bits<8>>,
    rword: Signal<Local, Bits<32>>,
    status: Signal<Local, Bits<32>>,
    take_w: Signal<Local, Bit>,
    aw_full: DFF<Bit>,
    aw_addr: DFF<Bits<8>>,
    w_full: DFF<Bit>,
    w_data: DFF<Bits<32>>,
    take_r: Signal<Local, Bit>,
    enable: DFF<Bit>,
    size: DFF<Bits<5>>,
    sq_lo: DFF<Bits<32>>,
    sq_hi: DFF<Bits<32>>,
    cq_lo: DFF<Bits<32>>,
    cq_hi: DFF<Bits<32>>,
    sq_tail: DFF<Bits<16>>,
    cq_head: DFF<Bits<16>>,
    irq: DFF<Bits<32>>,
    bvalid: DFF<Bit>,
    rvalid: DFF<Bit>,
    rdata: DFF<Bits<32>>,
}

impl Default for RegsQueue {
    fn default() -> Self {
        let a = |n: &str| Constant::new((QUEUE.register(n).offset as u64).to_bits());
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
            s_arvalid: Default::default(),
            s_arready: Default::default(),
            s_araddr: Default::default(),
            s_rvalid: Default::default(),
            s_rready: Default::default(),
            s_rdata: Default::default(),
            cfg_enable: Default::default(),
            cfg_size_log2: Default::default(),
            cfg_sq_base: Default::default(),
            cfg_cq_base: Default::default(),
            cfg_sq_tail: Default::default(),
            cfg_cq_head: Default::default(),
            cfg_irq_count: Default::default(),
            cfg_irq_time: Default::default(),
            st_ready: Default::default(),
            st_fatal: Default::default(),
            st_busy: Default::default(),
            st_fatal_code: Default::default(),
            st_sq_head: Default::default(),
            st_jobs: Default::default(),
            st_errors: Default::default(),
            st_cycles: Default::default(),
            a_type: a("TYPE"),
            a_version: a("VERSION"),
            a_control: a("CONTROL"),
            a_status: a("STATUS"),
            a_size: a("SIZE_LOG2"),
            a_sq_lo: a("SQ_BASE_LO"),
            a_sq_hi: a("SQ_BASE_HI"),
            a_cq_lo: a("CQ_BASE_LO"),
            a_cq_hi: a("CQ_BASE_HI"),
            a_sq_tail: a("SQ_TAIL"),
            a_cq_head: a("CQ_HEAD"),
            a_sq_head: a("SQ_HEAD"),
            a_irq: a("IRQ_COALESCE"),
            a_jobs: a("JOBS"),
            a_errors: a("JOB_ERRORS"),
            a_cycles: a("BUSY_CYCLES"),
            word_mask: Constant::new(0xfcu64.to_bits()),
            v_type: Constant::new((QUEUE.kind as u64).to_bits()),
            v_version: Constant::new((QUEUE.version as u64).to_bits()),
            raddr: Default::default(),
            waddr: Default::default(),
            rword: Default::default(),
            status: Default::default(),
            take_w: Default::default(),
            aw_full: Default::default(),
            aw_addr: Default::default(),
            w_full: Default::default(),
            w_data: Default::default(),
            take_r: Default::default(),
            enable: Default::default(),
            size: Default::default(),
            sq_lo: Default::default(),
            sq_hi: Default::default(),
            cq_lo: Default::default(),
            cq_hi: Default::default(),
            sq_tail: Default::default(),
            cq_head: Default::default(),
            irq: Default::default(),
            bvalid: Default::default(),
            rvalid: Default::default(),
            rdata: Default::default(),
        }
    }
}

impl Logic for RegsQueue {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, aw_full, aw_addr, w_full, w_data, enable, size, sq_lo, sq_hi, cq_lo, cq_hi, sq_tail, cq_head, irq, bvalid, rvalid, rdata);
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
            if self.waddr.val() == self.a_control.val() {
                self.enable.d.next = self.w_data.q.val().get_bit(0);
                if self.w_data.q.val().get_bit(0) & !self.enable.q.val() {
                    self.sq_tail.d.next = 0.into();
                    self.cq_head.d.next = 0.into();
                }
            }
            if self.waddr.val() == self.a_size.val() {
                self.size.d.next = self.w_data.q.val().get_bits::<5>(0);
            }
            if self.waddr.val() == self.a_sq_lo.val() {
                self.sq_lo.d.next = self.w_data.q.val();
            }
            if self.waddr.val() == self.a_sq_hi.val() {
                self.sq_hi.d.next = self.w_data.q.val();
            }
            if self.waddr.val() == self.a_cq_lo.val() {
                self.cq_lo.d.next = self.w_data.q.val();
            }
            if self.waddr.val() == self.a_cq_hi.val() {
                self.cq_hi.d.next = self.w_data.q.val();
            }
            if self.waddr.val() == self.a_sq_tail.val() {
                self.sq_tail.d.next = self.w_data.q.val().get_bits::<16>(0);
            }
            if self.waddr.val() == self.a_cq_head.val() {
                self.cq_head.d.next = self.w_data.q.val().get_bits::<16>(0);
            }
            if self.waddr.val() == self.a_irq.val() {
                self.irq.d.next = self.w_data.q.val();
            }
        }
        if self.bvalid.q.val() & self.s_bready.val() {
            self.bvalid.d.next = false;
        }
        self.s_bvalid.next = self.bvalid.q.val();
        // Reads.
        self.status.next = bit_cast::<32, 8>(self.st_fatal_code.val()) << 8;
        if self.st_ready.val() {
            self.status.next = (bit_cast::<32, 8>(self.st_fatal_code.val()) << 8) | 1;
        }
        if self.st_fatal.val() {
            self.status.next = (bit_cast::<32, 8>(self.st_fatal_code.val()) << 8) | 2;
        }
        if self.st_busy.val() {
            self.status.next = self.status.val() | 4;
        }
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
        if self.raddr.val() == self.a_control.val() {
            self.rword.next = bit_cast::<32, 1>(self.enable.q.val().into());
        }
        if self.raddr.val() == self.a_status.val() {
            self.rword.next = self.status.val();
        }
        if self.raddr.val() == self.a_size.val() {
            self.rword.next = bit_cast::<32, 5>(self.size.q.val());
        }
        if self.raddr.val() == self.a_sq_lo.val() {
            self.rword.next = self.sq_lo.q.val();
        }
        if self.raddr.val() == self.a_sq_hi.val() {
            self.rword.next = self.sq_hi.q.val();
        }
        if self.raddr.val() == self.a_cq_lo.val() {
            self.rword.next = self.cq_lo.q.val();
        }
        if self.raddr.val() == self.a_cq_hi.val() {
            self.rword.next = self.cq_hi.q.val();
        }
        if self.raddr.val() == self.a_sq_tail.val() {
            self.rword.next = bit_cast::<32, 16>(self.sq_tail.q.val());
        }
        if self.raddr.val() == self.a_cq_head.val() {
            self.rword.next = bit_cast::<32, 16>(self.cq_head.q.val());
        }
        if self.raddr.val() == self.a_sq_head.val() {
            self.rword.next = bit_cast::<32, 16>(self.st_sq_head.val());
        }
        if self.raddr.val() == self.a_irq.val() {
            self.rword.next = self.irq.q.val();
        }
        if self.raddr.val() == self.a_jobs.val() {
            self.rword.next = self.st_jobs.val();
        }
        if self.raddr.val() == self.a_errors.val() {
            self.rword.next = self.st_errors.val();
        }
        if self.raddr.val() == self.a_cycles.val() {
            self.rword.next = self.st_cycles.val();
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
        // To the engine.
        self.cfg_enable.next = self.enable.q.val();
        self.cfg_size_log2.next = self.size.q.val();
        self.cfg_sq_base.next = bit_cast::<64, 32>(self.sq_lo.q.val()) | (bit_cast::<64, 32>(self.sq_hi.q.val()) << 32);
        self.cfg_cq_base.next = bit_cast::<64, 32>(self.cq_lo.q.val()) | (bit_cast::<64, 32>(self.cq_hi.q.val()) << 32);
        self.cfg_sq_tail.next = self.sq_tail.q.val();
        self.cfg_cq_head.next = self.cq_head.q.val();
        self.cfg_irq_count.next = self.irq.q.val().get_bits::<8>(0);
        self.cfg_irq_time.next = self.irq.q.val().get_bits::<24>(8);
    }
}
