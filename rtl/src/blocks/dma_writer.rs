//! DMA writer: an AXI4 write master that stores a stream of 64-bit words into host memory.
//!
//! **Function.** `start` (while `busy` is low) writes the next `cmd_beats` words of `in_*`
//! to I/O virtual address `cmd_addr` (8-byte aligned, below 2^48) onwards, each with its byte
//! strobes `in_strb` (so a transfer may end mid-word). Writes are INCR bursts of at most 16
//! beats that never cross a 4 KiB boundary; addresses are issued up to eight bursts ahead of
//! the data (AXI4 allows either order). `busy` stays high until every burst's write
//! response has arrived, so when it falls the data is in host memory (as far as the bus
//! knows). An error response sets `err` (cleared by `start`).
//!
//! **Throughput.** One word per clock. **Latency:** none on `W` (`in_*` is `W`,
//! `in_ready = m_wready`); completion waits for the last write response. **Handshake:** AXI4
//! (one ID, `awsize` 8 bytes, `bready` always high) and a stream. **Reset:** none needed.

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct DmaWriter {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Begins a transfer (one clock, while `busy` is low).
    pub cmd_start: Signal<In, Bit>,
    /// First word's address (bits 2:0 zero).
    pub cmd_addr: Signal<In, Bits<48>>,
    /// Words to write, 1..2^32.
    pub cmd_beats: Signal<In, Bits<32>>,
    /// Words remain to be written or responses to arrive.
    pub busy: Signal<Out, Bit>,
    /// A write of this transfer had an error response.
    pub err: Signal<Out, Bit>,
    /// Input stream: a word is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: taken at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: the word.
    pub in_data: Signal<In, Bits<64>>,
    /// Input stream: its byte strobes.
    pub in_strb: Signal<In, Bits<8>>,
    /// AXI4 write address: valid.
    pub m_awvalid: Signal<Out, Bit>,
    /// AXI4 write address: ready.
    pub m_awready: Signal<In, Bit>,
    /// AXI4 write address (bits 63:48 zero).
    pub m_awaddr: Signal<Out, Bits<64>>,
    /// AXI4 burst length minus one (0..=15).
    pub m_awlen: Signal<Out, Bits<8>>,
    /// AXI4 write data: valid.
    pub m_wvalid: Signal<Out, Bit>,
    /// AXI4 write data: ready.
    pub m_wready: Signal<In, Bit>,
    /// AXI4 write data.
    pub m_wdata: Signal<Out, Bits<64>>,
    /// AXI4 write strobes.
    pub m_wstrb: Signal<Out, Bits<8>>,
    /// AXI4 write data: last beat of a burst.
    pub m_wlast: Signal<Out, Bit>,
    /// AXI4 write response: valid.
    pub m_bvalid: Signal<In, Bit>,
    /// AXI4 write response: ready (always high).
    pub m_bready: Signal<Out, Bit>,
    /// AXI4 write response (0 OKAY).
    pub m_bresp: Signal<In, Bits<2>>,
    bnd: Signal<Local, Bits<10>>,
    len: Signal<Local, Bits<10>>,
    wbnd: Signal<Local, Bits<10>>,
    wlen: Signal<Local, Bits<10>>,
    issue: Signal<Local, Bit>,
    beat: Signal<Local, Bit>,
    resp: Signal<Local, Bit>,
    c16: Constant<Bits<10>>,
    c512: Constant<Bits<10>>,
    c16w: Constant<Bits<32>>,
    c8: Constant<Bits<4>>,
    one8: Constant<Bits<8>>,
    one10: Constant<Bits<10>>,
    aw_addr: DFF<Bits<48>>,
    aw_left: DFF<Bits<32>>,
    awvalid: DFF<Bit>,
    awaddr: DFF<Bits<48>>,
    awlen: DFF<Bits<8>>,
    bursts: DFF<Bits<4>>,
    w_addr: DFF<Bits<48>>,
    w_left: DFF<Bits<32>>,
    w_rem: DFF<Bits<8>>,
    error: DFF<Bit>,
    len_r: DFF<Bits<10>>,
    len_ok: DFF<Bit>,
    busy_r: DFF<Bit>,
}

impl Default for DmaWriter {
    fn default() -> Self {
        Self {
            clock: Default::default(),
            cmd_start: Default::default(),
            cmd_addr: Default::default(),
            cmd_beats: Default::default(),
            busy: Default::default(),
            err: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_data: Default::default(),
            in_strb: Default::default(),
            m_awvalid: Default::default(),
            m_awready: Default::default(),
            m_awaddr: Default::default(),
            m_awlen: Default::default(),
            m_wvalid: Default::default(),
            m_wready: Default::default(),
            m_wdata: Default::default(),
            m_wstrb: Default::default(),
            m_wlast: Default::default(),
            m_bvalid: Default::default(),
            m_bready: Default::default(),
            m_bresp: Default::default(),
            bnd: Default::default(),
            len: Default::default(),
            wbnd: Default::default(),
            wlen: Default::default(),
            issue: Default::default(),
            beat: Default::default(),
            resp: Default::default(),
            c16: Constant::new(16u64.to_bits()),
            c512: Constant::new(512u64.to_bits()),
            c16w: Constant::new(16u64.to_bits()),
            c8: Constant::new(8u64.to_bits()),
            one8: Constant::new(1u64.to_bits()),
            one10: Constant::new(1u64.to_bits()),
            aw_addr: Default::default(),
            aw_left: Default::default(),
            awvalid: Default::default(),
            awaddr: Default::default(),
            awlen: Default::default(),
            bursts: Default::default(),
            w_addr: Default::default(),
            w_left: Default::default(),
            w_rem: Default::default(),
            error: Default::default(),
            len_r: Default::default(),
            len_ok: Default::default(),
            busy_r: Default::default(),
        }
    }
}

impl Logic for DmaWriter {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, aw_addr, aw_left, awvalid, awaddr, awlen, bursts, w_addr, w_left, w_rem, error, len_r, len_ok, busy_r);
        // Address side: the next burst is min(16, words left, words to the 4 KiB boundary).
        self.bnd.next = self.c512.val() - bit_cast::<10, 9>(self.aw_addr.q.val().get_bits::<9>(3));
        self.len.next = self.c16.val();
        if self.aw_left.q.val() < self.c16w.val() {
            self.len.next = self.aw_left.q.val().get_bits::<10>(0);
        }
        if self.bnd.val() < self.len.val() {
            self.len.next = self.bnd.val();
        }
        self.resp.next = self.m_bvalid.val() & self.bursts.q.val().any();
        // The length is registered (timing), valid the clock after its inputs settle.
        self.len_r.d.next = self.len.val();
        self.issue.next = !self.awvalid.q.val() & self.aw_left.q.val().any() & (self.bursts.q.val() < self.c8.val()) & self.len_ok.q.val();
        self.len_ok.d.next = !self.issue.val() & !self.cmd_start.val();
        if self.issue.val() {
            self.awvalid.d.next = true;
            self.awaddr.d.next = self.aw_addr.q.val();
            self.awlen.d.next = self.len_r.q.val().get_bits::<8>(0) - 1;
            self.aw_addr.d.next = self.aw_addr.q.val() + (bit_cast::<48, 10>(self.len_r.q.val()) << 3);
            self.aw_left.d.next = self.aw_left.q.val() - bit_cast::<32, 10>(self.len_r.q.val());
        }
        if self.awvalid.q.val() & self.m_awready.val() {
            self.awvalid.d.next = false;
        }
        // Bursts whose address is issued and whose response has not arrived.
        self.bursts.d.next = self.bursts.q.val();
        if self.issue.val() & !self.resp.val() {
            self.bursts.d.next = self.bursts.q.val() + 1;
        }
        if !self.issue.val() & self.resp.val() {
            self.bursts.d.next = self.bursts.q.val() - 1;
        }
        if self.resp.val() & self.m_bresp.val().any() {
            self.error.d.next = true;
        }
        // Data side: the same burst split, recomputed, to place WLAST.
        self.wbnd.next = self.c512.val() - bit_cast::<10, 9>(self.w_addr.q.val().get_bits::<9>(3));
        self.wlen.next = self.c16.val();
        if self.w_left.q.val() < self.c16w.val() {
            self.wlen.next = self.w_left.q.val().get_bits::<10>(0);
        }
        if self.wbnd.val() < self.wlen.val() {
            self.wlen.next = self.wbnd.val();
        }
        self.beat.next = self.in_valid.val() & self.m_wready.val() & self.w_left.q.val().any();
        self.m_wlast.next = (self.w_rem.q.val() == self.one8.val()) | (!self.w_rem.q.val().any() & (self.wlen.val() == self.one10.val()));
        if self.beat.val() {
            self.w_left.d.next = self.w_left.q.val() - 1;
            if self.w_rem.q.val().any() {
                self.w_rem.d.next = self.w_rem.q.val() - 1;
            } else {
                self.w_rem.d.next = self.wlen.val().get_bits::<8>(0) - 1;
                self.w_addr.d.next = self.w_addr.q.val() + (bit_cast::<48, 10>(self.wlen.val()) << 3);
            }
        }
        if self.cmd_start.val() {
            self.aw_addr.d.next = self.cmd_addr.val();
            self.aw_left.d.next = self.cmd_beats.val();
            self.w_addr.d.next = self.cmd_addr.val();
            self.w_left.d.next = self.cmd_beats.val();
            self.w_rem.d.next = 0.into();
            self.error.d.next = false;
        }
        // A register (timing), equal to "anything left" as of this clock.
        self.busy_r.d.next = self.aw_left.d.val().any() | self.awvalid.d.val() | self.w_left.d.val().any() | self.bursts.d.val().any();
        self.busy.next = self.busy_r.q.val();
        self.err.next = self.error.q.val();
        self.m_awvalid.next = self.awvalid.q.val();
        self.m_awaddr.next = bit_cast::<64, 48>(self.awaddr.q.val());
        self.m_awlen.next = self.awlen.q.val();
        self.m_wvalid.next = self.in_valid.val() & self.w_left.q.val().any();
        self.in_ready.next = self.m_wready.val() & self.w_left.q.val().any();
        self.m_wdata.next = self.in_data.val();
        self.m_wstrb.next = self.in_strb.val();
        self.m_bready.next = true;
    }
}
