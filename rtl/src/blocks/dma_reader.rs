//! DMA reader: an AXI4 read master that streams a run of 64-bit words from host memory.
//!
//! **Function.** `start` (while `busy` is low) reads `cmd_beats` words from I/O virtual
//! address `cmd_addr` (8-byte aligned, below 2^48) and offers them in order on `out_*`,
//! the last marked `out_last`. Reads are INCR bursts of at most 16 beats that never cross a
//! 4 KiB boundary (AXI4's rule); up to 64 beats are requested ahead of the data taken, so a
//! host's read latency overlaps the transfer. A read answered with an error response sets
//! `err` (cleared by `start`); its data is still delivered (the job's status reports it).
//!
//! **Throughput.** One word per clock when the host answers at that rate. **Latency:** the
//! host's read latency plus nothing: `out_*` is `R` itself (`m_rready = out_ready`).
//! **Handshake:** AXI4 (one ID, `arsize` 8 bytes) and a stream. **Reset:** none needed; idle
//! at start (`initial`).

use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct DmaReader {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Begins a transfer (one clock, while `busy` is low).
    pub cmd_start: Signal<In, Bit>,
    /// First word's address (bits 2:0 zero).
    pub cmd_addr: Signal<In, Bits<48>>,
    /// Words to read, 1..2^32.
    pub cmd_beats: Signal<In, Bits<32>>,
    /// Words remain to be delivered.
    pub busy: Signal<Out, Bit>,
    /// A read of this transfer had an error response.
    pub err: Signal<Out, Bit>,
    /// AXI4 read address: valid.
    pub m_arvalid: Signal<Out, Bit>,
    /// AXI4 read address: ready.
    pub m_arready: Signal<In, Bit>,
    /// AXI4 read address (bits 63:48 zero).
    pub m_araddr: Signal<Out, Bits<64>>,
    /// AXI4 burst length minus one (0..=15).
    pub m_arlen: Signal<Out, Bits<8>>,
    /// AXI4 read data: valid.
    pub m_rvalid: Signal<In, Bit>,
    /// AXI4 read data: ready.
    pub m_rready: Signal<Out, Bit>,
    /// AXI4 read data.
    pub m_rdata: Signal<In, Bits<64>>,
    /// AXI4 read response (0 OKAY; anything else is an error).
    pub m_rresp: Signal<In, Bits<2>>,
    /// Output stream: a word is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: taken at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: the word.
    pub out_data: Signal<Out, Bits<64>>,
    /// Output stream: the transfer's last word.
    pub out_last: Signal<Out, Bit>,
    bnd: Signal<Local, Bits<10>>,
    len: Signal<Local, Bits<10>>,
    issue: Signal<Local, Bit>,
    beat: Signal<Local, Bit>,
    c16: Constant<Bits<10>>,
    c512: Constant<Bits<10>>,
    c16w: Constant<Bits<32>>,
    c48: Constant<Bits<8>>,
    one32: Constant<Bits<32>>,
    ar_addr: DFF<Bits<48>>,
    ar_left: DFF<Bits<32>>,
    arvalid: DFF<Bit>,
    araddr: DFF<Bits<48>>,
    arlen: DFF<Bits<8>>,
    pend: DFF<Bits<8>>,
    r_left: DFF<Bits<32>>,
    error: DFF<Bit>,
    len_r: DFF<Bits<10>>,
    len_ok: DFF<Bit>,
    busy_r: DFF<Bit>,
}

impl Default for DmaReader {
    fn default() -> Self {
        Self {
            clock: Default::default(),
            cmd_start: Default::default(),
            cmd_addr: Default::default(),
            cmd_beats: Default::default(),
            busy: Default::default(),
            err: Default::default(),
            m_arvalid: Default::default(),
            m_arready: Default::default(),
            m_araddr: Default::default(),
            m_arlen: Default::default(),
            m_rvalid: Default::default(),
            m_rready: Default::default(),
            m_rdata: Default::default(),
            m_rresp: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_data: Default::default(),
            out_last: Default::default(),
            bnd: Default::default(),
            len: Default::default(),
            issue: Default::default(),
            beat: Default::default(),
            c16: Constant::new(16u64.to_bits()),
            c512: Constant::new(512u64.to_bits()),
            c16w: Constant::new(16u64.to_bits()),
            c48: Constant::new(48u64.to_bits()),
            one32: Constant::new(1u64.to_bits()),
            ar_addr: Default::default(),
            ar_left: Default::default(),
            arvalid: Default::default(),
            araddr: Default::default(),
            arlen: Default::default(),
            pend: Default::default(),
            r_left: Default::default(),
            error: Default::default(),
            len_r: Default::default(),
            len_ok: Default::default(),
            busy_r: Default::default(),
        }
    }
}

impl Logic for DmaReader {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, ar_addr, ar_left, arvalid, araddr, arlen, pend, r_left, error, len_r, len_ok, busy_r);
        // Next burst: min(16, words left, words to the 4 KiB boundary).
        self.bnd.next = self.c512.val() - bit_cast::<10, 9>(self.ar_addr.q.val().get_bits::<9>(3));
        self.len.next = self.c16.val();
        if self.ar_left.q.val() < self.c16w.val() {
            self.len.next = self.ar_left.q.val().get_bits::<10>(0);
        }
        if self.bnd.val() < self.len.val() {
            self.len.next = self.bnd.val();
        }
        // The length is registered (timing): it is valid the clock after the address and
        // count it came from settle, so a burst is issued at most every other clock.
        self.len_r.d.next = self.len.val();
        self.issue.next = !self.arvalid.q.val() & self.ar_left.q.val().any() & (self.pend.q.val() <= self.c48.val()) & self.len_ok.q.val();
        self.len_ok.d.next = !self.issue.val() & !self.cmd_start.val();
        self.beat.next = self.m_rvalid.val() & self.out_ready.val() & self.r_left.q.val().any();
        if self.issue.val() {
            self.arvalid.d.next = true;
            self.araddr.d.next = self.ar_addr.q.val();
            self.arlen.d.next = self.len_r.q.val().get_bits::<8>(0) - 1;
            self.ar_addr.d.next = self.ar_addr.q.val() + (bit_cast::<48, 10>(self.len_r.q.val()) << 3);
            self.ar_left.d.next = self.ar_left.q.val() - bit_cast::<32, 10>(self.len_r.q.val());
        }
        if self.arvalid.q.val() & self.m_arready.val() {
            self.arvalid.d.next = false;
        }
        // Words requested and not yet delivered.
        self.pend.d.next = self.pend.q.val();
        if self.issue.val() & !self.beat.val() {
            self.pend.d.next = self.pend.q.val() + self.len_r.q.val().get_bits::<8>(0);
        }
        if self.issue.val() & self.beat.val() {
            self.pend.d.next = self.pend.q.val() + self.len_r.q.val().get_bits::<8>(0) - 1;
        }
        if !self.issue.val() & self.beat.val() {
            self.pend.d.next = self.pend.q.val() - 1;
        }
        if self.beat.val() {
            self.r_left.d.next = self.r_left.q.val() - 1;
            if self.m_rresp.val().any() {
                self.error.d.next = true;
            }
        }
        if self.cmd_start.val() {
            self.ar_addr.d.next = self.cmd_addr.val();
            self.ar_left.d.next = self.cmd_beats.val();
            self.r_left.d.next = self.cmd_beats.val();
            self.error.d.next = false;
        }
        // A register (timing), equal to "words remain" as of this clock.
        self.busy_r.d.next = self.r_left.d.val().any();
        self.busy.next = self.busy_r.q.val();
        self.err.next = self.error.q.val();
        self.m_arvalid.next = self.arvalid.q.val();
        self.m_araddr.next = bit_cast::<64, 48>(self.araddr.q.val());
        self.m_arlen.next = self.arlen.q.val();
        self.m_rready.next = self.out_ready.val() & self.r_left.q.val().any();
        self.out_valid.next = self.m_rvalid.val() & self.r_left.q.val().any();
        self.out_data.next = self.m_rdata.val();
        self.out_last.next = self.r_left.q.val() == self.one32.val();
    }
}
