//! The job engine: fetches descriptors from the submission queue in host memory, checks
//! them, moves the job's data through its pipeline stage, writes a completion entry and
//! raises coalesced interrupts (formats: `uhdpipe_driver::job`; registers:
//! `uhdpipe_driver::regmap::QUEUE`).
//!
//! **Function.** While enabled and `cfg_sq_tail` differs from its SQ head, the engine runs
//! one job at a time:
//! 1. *Fetch* the 64-byte descriptor at `sq_base + 64·head` (one 8-beat read).
//! 2. *Check* it exactly as `uhdpipe_driver::job::check` does: reserved fields, operation,
//!    alignment, and that the job's input (whole 8-byte words) and output fit the lengths of
//!    the buffers it names. A refused job reads and writes nothing but its completion — so a
//!    descriptor can never make the device touch memory outside its buffers.
//! 3. *Run*: the [`DmaReader`] streams the source through [`Pack10`] or [`Unpack10`] into the
//!    [`DmaWriter`]; the job ends when the last write response arrives.
//! 4. *Complete*: wait for a free CQ entry (`cfg_cq_head`), write the 16-byte completion
//!    (tag, status, new SQ head, the job's clocks, phase bit), advance both queues.
//!
//! A failed descriptor read or completion write stops the engine (`st_fatal`, code 1 or 2),
//! as does a bad queue configuration when enabled (code 3): the queues themselves are then
//! unusable and software must re-enable. **Interrupts:** `irq` pulses (one clock; MSI-X
//! vector 0) after `cfg_irq_count` completions, or `cfg_irq_time` clocks after the first
//! completion not yet signalled. **Throughput:** the stage's (4 samples per clock) when the
//! host keeps up; per job, a descriptor read and a completion write round trip.
//! **Handshake:** AXI4 master (one ID, 64-bit data) for all host memory access. **Reset:**
//! registers start idle and disabled (`initial`); the device resets by reloading.

use crate::blocks::dma_reader::DmaReader;
use crate::blocks::dma_writer::DmaWriter;
use crate::blocks::hq_slices::HqSlices;
use crate::blocks::pack10::Pack10;
use crate::blocks::unpack10::Unpack10;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct JobEngine {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// `CONTROL.ENABLE`.
    pub cfg_enable: Signal<In, Bit>,
    /// `SIZE_LOG2` (1..=12).
    pub cfg_size_log2: Signal<In, Bits<5>>,
    /// SQ base address (64-byte aligned, below 2^48).
    pub cfg_sq_base: Signal<In, Bits<64>>,
    /// CQ base address (64-byte aligned, below 2^48).
    pub cfg_cq_base: Signal<In, Bits<64>>,
    /// SQ doorbell (tail index).
    pub cfg_sq_tail: Signal<In, Bits<16>>,
    /// CQ doorbell (head index).
    pub cfg_cq_head: Signal<In, Bits<16>>,
    /// Completions per interrupt (0: no interrupts).
    pub cfg_irq_count: Signal<In, Bits<8>>,
    /// Clocks a completion may wait for its interrupt (0: no limit).
    pub cfg_irq_time: Signal<In, Bits<24>>,
    /// Enabled and not stopped.
    pub st_ready: Signal<Out, Bit>,
    /// Stopped by a fatal error.
    pub st_fatal: Signal<Out, Bit>,
    /// Why (1 descriptor read, 2 completion write, 3 configuration).
    pub st_fatal_code: Signal<Out, Bits<8>>,
    /// A job is in progress.
    pub st_busy: Signal<Out, Bit>,
    /// SQ head index.
    pub st_sq_head: Signal<Out, Bits<16>>,
    /// Completions written (wraps).
    pub st_jobs: Signal<Out, Bits<32>>,
    /// Completions with non-zero status (wraps).
    pub st_errors: Signal<Out, Bits<32>>,
    /// Clocks spent on jobs (wraps).
    pub st_cycles: Signal<Out, Bits<32>>,
    /// Completion interrupt (one-clock pulse).
    pub irq: Signal<Out, Bit>,
    /// The engine has work: a job in progress, descriptors waiting, or an interrupt pending
    /// (while low, the engine changes state only on a register write: a clock may stop).
    pub st_active: Signal<Out, Bit>,
    /// AXI4 read address: valid.
    pub m_arvalid: Signal<Out, Bit>,
    /// AXI4 read address: ready.
    pub m_arready: Signal<In, Bit>,
    /// AXI4 read address.
    pub m_araddr: Signal<Out, Bits<64>>,
    /// AXI4 read burst length minus one.
    pub m_arlen: Signal<Out, Bits<8>>,
    /// AXI4 read data: valid.
    pub m_rvalid: Signal<In, Bit>,
    /// AXI4 read data: ready.
    pub m_rready: Signal<Out, Bit>,
    /// AXI4 read data.
    pub m_rdata: Signal<In, Bits<64>>,
    /// AXI4 read response.
    pub m_rresp: Signal<In, Bits<2>>,
    /// AXI4 write address: valid.
    pub m_awvalid: Signal<Out, Bit>,
    /// AXI4 write address: ready.
    pub m_awready: Signal<In, Bit>,
    /// AXI4 write address.
    pub m_awaddr: Signal<Out, Bits<64>>,
    /// AXI4 write burst length minus one.
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
    /// AXI4 write response: ready.
    pub m_bready: Signal<Out, Bit>,
    /// AXI4 write response.
    pub m_bresp: Signal<In, Bits<2>>,
    rd: DmaReader,
    wr: DmaWriter,
    pk: Pack10,
    up: Unpack10,
    hq: HqSlices,
    m: Signal<Local, Bits<40>>,
    src_valid: Signal<Local, Bit>,
    src_value: Signal<Local, Bits<32>>,
    src_ready: Signal<Local, Bit>,
    src_take: Signal<Local, Bit>,
    word_push: Signal<Local, Bit>,
    m_some: Signal<Local, Bit>,
    hq_idle: Signal<Local, Bit>,
    s_params: Constant<Bits<3>>,
    op_hq: Constant<Bits<8>>,
    k_ovf: Constant<Bits<32>>,
    k_eor: Constant<Bits<32>>,
    src_tag: Signal<Local, Bits<32>>,
    p0: DFF<Bits<64>>,
    p1: DFF<Bits<64>>,
    p2: DFF<Bits<64>>,
    p3: DFF<Bits<64>>,
    p4: DFF<Bits<64>>,
    p5: DFF<Bits<64>>,
    p6: DFF<Bits<64>>,
    p7: DFF<Bits<64>>,
    lo: DFF<Bits<32>>,
    have_lo: DFF<Bit>,
    m_left: DFF<Bits<32>>,
    hq_done: DFF<Bit>,
    rising: Signal<Local, Bit>,
    bad_cfg: Signal<Local, Bit>,
    n: Signal<Local, Bits<40>>,
    n2: Signal<Local, Bits<40>>,
    n10: Signal<Local, Bits<40>>,
    np: Signal<Local, Bits<40>>,
    np7: Signal<Local, Bits<40>>,
    in7: Signal<Local, Bits<40>>,
    out7: Signal<Local, Bits<40>>,
    in_words: Signal<Local, Bits<40>>,
    out_words: Signal<Local, Bits<40>>,
    in_span: Signal<Local, Bits<40>>,
    oob: Signal<Local, Bit>,
    verdict: Signal<Local, Bits<8>>,
    next_sq: Signal<Local, Bits<16>>,
    next_cq: Signal<Local, Bits<16>>,
    mask_w: Signal<Local, Bits<16>>,
    cq_full: Signal<Local, Bit>,
    w0: Signal<Local, Bits<64>>,
    w1: Signal<Local, Bits<64>>,
    done: Signal<Local, Bit>,
    pend1: Signal<Local, Bits<9>>,
    fire: Signal<Local, Bit>,
    s_idle: Constant<Bits<3>>,
    s_fetch: Constant<Bits<3>>,
    s_check1: Constant<Bits<3>>,
    s_check2: Constant<Bits<3>>,
    s_run: Constant<Bits<3>>,
    s_cq: Constant<Bits<3>>,
    s_cqw: Constant<Bits<3>>,
    op_nop: Constant<Bits<8>>,
    op_pack: Constant<Bits<8>>,
    op_unpack: Constant<Bits<8>>,
    c12: Constant<Bits<5>>,
    one16: Constant<Bits<16>>,
    max32: Constant<Bits<32>>,
    max8: Constant<Bits<8>>,
    k_phase: Constant<Bits<64>>,
    state: DFF<Bits<3>>,
    en_q: DFF<Bit>,
    fatal: DFF<Bit>,
    fatal_code: DFF<Bits<8>>,
    mask: DFF<Bits<16>>,
    sq_base: DFF<Bits<48>>,
    cq_base: DFF<Bits<48>>,
    sq_head: DFF<Bits<16>>,
    cq_tail: DFF<Bits<16>>,
    phase: DFF<Bit>,
    d0: DFF<Bits<64>>,
    d1: DFF<Bits<64>>,
    d2: DFF<Bits<64>>,
    d3: DFF<Bits<64>>,
    d4: DFF<Bits<64>>,
    d5: DFF<Bits<64>>,
    d6: DFF<Bits<64>>,
    d7: DFF<Bits<64>>,
    op: DFF<Bits<8>>,
    reserved: DFF<Bit>,
    align: DFF<Bit>,
    in_bytes: DFF<Bits<40>>,
    out_bytes: DFF<Bits<40>>,
    tail: DFF<Bits<3>>,
    status: DFF<Bits<8>>,
    range_err: DFF<Bit>,
    seen_last: DFF<Bit>,
    cq_beat: DFF<Bit>,
    job_cycles: DFF<Bits<32>>,
    jobs: DFF<Bits<32>>,
    errors: DFF<Bits<32>>,
    cycles: DFF<Bits<32>>,
    pend: DFF<Bits<8>>,
    timer: DFF<Bits<24>>,
    irq_r: DFF<Bit>,
    done_r: DFF<Bit>,
    active_r: DFF<Bit>,
}

impl Default for JobEngine {
    fn default() -> Self {
        let c3 = |v: u64| Constant::new(v.to_bits());
        let c8 = |v: u64| Constant::new(v.to_bits());
        Self {
            clock: Default::default(),
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
            st_fatal_code: Default::default(),
            st_busy: Default::default(),
            st_sq_head: Default::default(),
            st_jobs: Default::default(),
            st_errors: Default::default(),
            st_cycles: Default::default(),
            irq: Default::default(),
            st_active: Default::default(),
            m_arvalid: Default::default(),
            m_arready: Default::default(),
            m_araddr: Default::default(),
            m_arlen: Default::default(),
            m_rvalid: Default::default(),
            m_rready: Default::default(),
            m_rdata: Default::default(),
            m_rresp: Default::default(),
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
            rd: Default::default(),
            wr: Default::default(),
            pk: Default::default(),
            up: Default::default(),
            rising: Default::default(),
            bad_cfg: Default::default(),
            n: Default::default(),
            n2: Default::default(),
            n10: Default::default(),
            np: Default::default(),
            np7: Default::default(),
            in7: Default::default(),
            out7: Default::default(),
            in_words: Default::default(),
            out_words: Default::default(),
            in_span: Default::default(),
            oob: Default::default(),
            verdict: Default::default(),
            next_sq: Default::default(),
            next_cq: Default::default(),
            mask_w: Default::default(),
            cq_full: Default::default(),
            w0: Default::default(),
            w1: Default::default(),
            done: Default::default(),
            pend1: Default::default(),
            fire: Default::default(),
            s_idle: c3(0),
            s_fetch: c3(1),
            s_check1: c3(2),
            s_check2: c3(3),
            s_run: c3(4),
            s_cq: c3(5),
            s_cqw: c3(6),
            s_params: c3(7),
            op_hq: c8(uhdpipe_driver::job::Op::DecodeHq as u64),
            k_ovf: Constant::new((1u64 << 23).to_bits()),
            k_eor: Constant::new((1u64 << 30).to_bits()),
            src_tag: Default::default(),
            hq: Default::default(),
            m: Default::default(),
            src_valid: Default::default(),
            src_value: Default::default(),
            src_ready: Default::default(),
            src_take: Default::default(),
            word_push: Default::default(),
            m_some: Default::default(),
            hq_idle: Default::default(),
            p0: Default::default(),
            p1: Default::default(),
            p2: Default::default(),
            p3: Default::default(),
            p4: Default::default(),
            p5: Default::default(),
            p6: Default::default(),
            p7: Default::default(),
            lo: Default::default(),
            have_lo: Default::default(),
            m_left: Default::default(),
            hq_done: Default::default(),
            op_nop: c8(0),
            op_pack: c8(1),
            op_unpack: c8(2),
            c12: Constant::new(12u64.to_bits()),
            one16: Constant::new(1u64.to_bits()),
            max32: Constant::new(0xffff_ffffu64.to_bits()),
            max8: Constant::new(0xffu64.to_bits()),
            k_phase: Constant::new((1u64 << 63).to_bits()),
            state: Default::default(),
            en_q: Default::default(),
            fatal: Default::default(),
            fatal_code: Default::default(),
            mask: Default::default(),
            sq_base: Default::default(),
            cq_base: Default::default(),
            sq_head: Default::default(),
            cq_tail: Default::default(),
            phase: Default::default(),
            d0: Default::default(),
            d1: Default::default(),
            d2: Default::default(),
            d3: Default::default(),
            d4: Default::default(),
            d5: Default::default(),
            d6: Default::default(),
            d7: Default::default(),
            op: Default::default(),
            reserved: Default::default(),
            align: Default::default(),
            in_bytes: Default::default(),
            out_bytes: Default::default(),
            tail: Default::default(),
            status: Default::default(),
            range_err: Default::default(),
            seen_last: Default::default(),
            cq_beat: Default::default(),
            job_cycles: Default::default(),
            jobs: Default::default(),
            errors: Default::default(),
            cycles: Default::default(),
            pend: Default::default(),
            timer: Default::default(),
            irq_r: Default::default(),
            done_r: Default::default(),
            active_r: Default::default(),
        }
    }
}

impl Logic for JobEngine {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, state, en_q, fatal, fatal_code, mask, sq_base, cq_base, sq_head, cq_tail, phase, d0, d1, d2, d3, d4, d5, d6, d7, op, reserved, align, in_bytes, out_bytes, tail, status,
            range_err, seen_last, cq_beat, job_cycles, jobs, errors, cycles, pend, timer, irq_r, done_r, active_r, p0, p1, p2, p3, p4, p5, p6, p7, lo, have_lo,
            m_left, hq_done
        );
        clock!(self, clock, rd, wr, pk, up, hq);
        self.m.next = bit_cast::<40, 32>(self.d7.q.val().get_bits::<32>(0));
        // Descriptor arithmetic (registered over CHECK1 and CHECK2).
        self.n.next = bit_cast::<40, 32>(self.d1.q.val().get_bits::<32>(0));
        self.n2.next = self.n.val() << 1;
        self.n10.next = (self.n.val() << 3) + self.n2.val();
        self.np7.next = self.n10.val() + 7;
        self.np.next = self.np7.val() >> 3;
        self.in7.next = self.in_bytes.q.val() + 7;
        self.out7.next = self.out_bytes.q.val() + 7;
        self.in_words.next = self.in7.val() >> 3;
        self.out_words.next = self.out7.val() >> 3;
        self.in_span.next = self.in_words.val() << 3;
        // (The word counts always fit 32 bits: n < 2^32 gives fewer than 2^31 words.)
        self.oob.next = (self.in_span.val() > self.d3.q.val().get_bits::<40>(0))
            | (self.out_bytes.q.val() > self.d5.q.val().get_bits::<40>(0))
            | self.in_words.val().get_bits::<8>(32).any()
            | self.out_words.val().get_bits::<8>(32).any();
        self.verdict.next = 0.into();
        if self.oob.val() {
            self.verdict.next = 4.into();
        }
        if self.align.q.val() {
            self.verdict.next = 3.into();
        }
        if self.op.q.val() == self.op_nop.val() {
            self.verdict.next = 0.into();
        }
        if (self.op.q.val() > self.op_unpack.val()) & (self.op.q.val() != self.op_hq.val()) {
            self.verdict.next = 1.into();
        }
        if self.reserved.q.val() {
            self.verdict.next = 2.into();
        }

        // Defaults: nothing starts, nothing flows.
        self.rd.cmd_start.next = false;
        self.rd.cmd_addr.next = self.d2.q.val().get_bits::<48>(0);
        self.rd.cmd_beats.next = self.in_words.val().get_bits::<32>(0);
        self.wr.cmd_start.next = false;
        self.wr.cmd_addr.next = self.d4.q.val().get_bits::<48>(0);
        self.wr.cmd_beats.next = self.out_words.val().get_bits::<32>(0);
        self.rd.out_ready.next = false;
        self.wr.in_valid.next = false;
        self.wr.in_data.next = self.pk.out_data.val();
        self.wr.in_strb.next = self.pk.out_strb.val();
        self.pk.cfg_tail.next = self.tail.q.val();
        self.pk.in_valid.next = false;
        self.pk.in_data.next = self.rd.out_data.val();
        self.pk.in_last.next = self.rd.out_last.val();
        self.pk.out_ready.next = false;
        self.up.start.next = false;
        self.up.cfg_beats.next = self.out_words.val().get_bits::<32>(0);
        self.up.cfg_tail.next = self.tail.q.val();
        self.up.in_valid.next = false;
        self.up.in_data.next = self.rd.out_data.val();
        self.up.in_last.next = self.rd.out_last.val();
        self.up.out_ready.next = false;
        self.done.next = false;
        // The slice decoder: its parameters from the job's parameter block (held for the job).
        self.hq.start.next = false;
        self.hq.cfg_bytes.next = self.d1.q.val().get_bits::<32>(0);
        self.hq.cfg_slices_x.next = self.p0.q.val().get_bits::<16>(0);
        self.hq.cfg_slices_y.next = self.p0.q.val().get_bits::<16>(16);
        self.hq.cfg_prefix.next = self.p0.q.val().get_bits::<16>(32);
        self.hq.cfg_scaler.next = self.p0.q.val().get_bits::<16>(48);
        self.hq.cfg_xq[0].next = self.p1.q.val().get_bits::<16>(0);
        self.hq.cfg_xr[0].next = self.p1.q.val().get_bits::<16>(16);
        self.hq.cfg_yq[0].next = self.p1.q.val().get_bits::<16>(32);
        self.hq.cfg_yr[0].next = self.p1.q.val().get_bits::<16>(48);
        self.hq.cfg_xq[1].next = self.p2.q.val().get_bits::<16>(0);
        self.hq.cfg_xr[1].next = self.p2.q.val().get_bits::<16>(16);
        self.hq.cfg_yq[1].next = self.p2.q.val().get_bits::<16>(32);
        self.hq.cfg_yr[1].next = self.p2.q.val().get_bits::<16>(48);
        self.hq.cfg_bands.next = self.p3.q.val().get_bits::<5>(0);
        self.hq.cfg_ld.next = self.p3.q.val().get_bit(7);
        self.hq.cfg_ld_q.next = self.p3.q.val().get_bits::<24>(8);
        self.hq.cfg_ld_d.next = self.p3.q.val().get_bits::<32>(32);
        self.hq.cfg_ld_r.next = self.p0.q.val().get_bits::<32>(32);
        self.hq.cfg_qm.next = bit_cast::<128, 64>(self.p4.q.val()) | (bit_cast::<128, 64>(self.p5.q.val()) << 64);
        self.hq.cfg_shift.next = bit_cast::<128, 64>(self.p6.q.val()) | (bit_cast::<128, 64>(self.p7.q.val()) << 64);
        self.hq.in_valid.next = false;
        self.hq.in_data.next = self.rd.out_data.val();
        self.hq.out_ready.next = false;
        // Its coefficients, or zeros once it has finished short of the count.
        self.m_some.next = self.m_left.q.val().any();
        self.hq_idle.next = self.hq_done.q.val() & !self.hq.busy.val();
        if self.op.q.val() != self.op_hq.val() {
            self.hq_idle.next = true;
        }
        self.src_valid.next = self.m_some.val() & (self.hq.out_valid.val() | self.hq_idle.val());
        // A coefficient word: the value (23 bits), its range flag, component, band and
        // end-of-row flag (`uhdpipe_driver::job::Op::DecodeHq`).
        self.src_value.next = 0.into();
        self.src_tag.next = 0.into();
        if self.hq.out_valid.val() {
            self.src_value.next = bit_cast::<32, 23>(self.hq.out_value.val());
            if self.hq.out_ovf.val() {
                self.src_value.next = bit_cast::<32, 23>(self.hq.out_value.val()) | self.k_ovf.val();
            }
            self.src_tag.next = (bit_cast::<32, 2>(self.hq.out_comp.val()) << 24) | (bit_cast::<32, 4>(self.hq.out_band.val()) << 26);
            if self.hq.out_eor.val() {
                self.src_tag.next = (bit_cast::<32, 2>(self.hq.out_comp.val()) << 24) | (bit_cast::<32, 4>(self.hq.out_band.val()) << 26) | self.k_eor.val();
            }
            self.src_value.next = self.src_value.val() | self.src_tag.val();
        }
        self.src_ready.next = !self.have_lo.q.val() | self.wr.in_ready.val();
        self.word_push.next = false;
        self.src_take.next = false;
        if (self.state.q.val() == self.s_run.val()) & (self.op.q.val() == self.op_hq.val()) {
            self.src_take.next = self.src_valid.val() & self.src_ready.val();
            self.word_push.next = self.have_lo.q.val() & (self.src_valid.val() | !self.m_some.val()) & self.wr.in_ready.val();
        }

        // Queue configuration, taken when ENABLE rises (seen between jobs).
        self.rising.next = (self.state.q.val() == self.s_idle.val()) & self.cfg_enable.val() & !self.en_q.q.val();
        self.bad_cfg.next = !self.cfg_size_log2.val().any()
            | (self.cfg_size_log2.val() > self.c12.val())
            | self.cfg_sq_base.val().get_bits::<6>(0).any()
            | self.cfg_cq_base.val().get_bits::<6>(0).any()
            | self.cfg_sq_base.val().get_bits::<16>(48).any()
            | self.cfg_cq_base.val().get_bits::<16>(48).any();
        self.mask_w.next = (self.one16.val() << self.cfg_size_log2.val()) - self.one16.val();
        if self.state.q.val() == self.s_idle.val() {
            self.en_q.d.next = self.cfg_enable.val();
        }
        if self.rising.val() {
            self.sq_head.d.next = 0.into();
            self.cq_tail.d.next = 0.into();
            self.phase.d.next = true;
            self.mask.d.next = self.mask_w.val();
            self.sq_base.d.next = self.cfg_sq_base.val().get_bits::<48>(0);
            self.cq_base.d.next = self.cfg_cq_base.val().get_bits::<48>(0);
            self.fatal.d.next = self.bad_cfg.val();
            self.fatal_code.d.next = 0.into();
            if self.bad_cfg.val() {
                self.fatal_code.d.next = 3.into();
            }
        }

        // Queue arithmetic.
        self.next_sq.next = (self.sq_head.q.val() + 1) & self.mask.q.val();
        self.next_cq.next = (self.cq_tail.q.val() + 1) & self.mask.q.val();
        self.cq_full.next = self.next_cq.val() == self.cfg_cq_head.val();
        self.w0.next = bit_cast::<64, 32>(self.d0.q.val().get_bits::<32>(32)) | (bit_cast::<64, 8>(self.status.q.val()) << 32) | (bit_cast::<64, 16>(self.next_sq.val()) << 48);
        self.w1.next = bit_cast::<64, 32>(self.job_cycles.q.val());
        if self.phase.q.val() {
            self.w1.next = bit_cast::<64, 32>(self.job_cycles.q.val()) | self.k_phase.val();
        }

        if (self.state.q.val() == self.s_idle.val()) & self.en_q.q.val() & self.cfg_enable.val() & !self.fatal.q.val() & (self.sq_head.q.val() != self.cfg_sq_tail.val()) {
            self.rd.cmd_start.next = true;
            self.rd.cmd_addr.next = self.sq_base.q.val() + (bit_cast::<48, 16>(self.sq_head.q.val()) << 6);
            self.rd.cmd_beats.next = 8.into();
            self.job_cycles.d.next = 0.into();
            self.state.d.next = self.s_fetch.val();
        }
        if self.state.q.val() == self.s_fetch.val() {
            self.rd.out_ready.next = true;
            if self.rd.out_valid.val() {
                self.d0.d.next = self.d1.q.val();
                self.d1.d.next = self.d2.q.val();
                self.d2.d.next = self.d3.q.val();
                self.d3.d.next = self.d4.q.val();
                self.d4.d.next = self.d5.q.val();
                self.d5.d.next = self.d6.q.val();
                self.d6.d.next = self.d7.q.val();
                self.d7.d.next = self.rd.out_data.val();
            }
            if !self.rd.busy.val() {
                if self.rd.err.val() {
                    self.fatal.d.next = true;
                    self.fatal_code.d.next = 1.into();
                    self.state.d.next = self.s_idle.val();
                } else {
                    self.state.d.next = self.s_check1.val();
                }
            }
        }
        if self.state.q.val() == self.s_check1.val() {
            self.op.d.next = self.d0.q.val().get_bits::<8>(0);
            self.reserved.d.next = self.d0.q.val().get_bits::<24>(8).any()
                | self.d1.q.val().get_bits::<32>(32).any()
                | self.d2.q.val().get_bits::<16>(48).any()
                | self.d3.q.val().get_bits::<24>(40).any()
                | self.d4.q.val().get_bits::<16>(48).any()
                | self.d5.q.val().get_bits::<24>(40).any()
                | self.d6.q.val().any()
                | self.d7.q.val().any();
            self.align.d.next = self.d2.q.val().get_bits::<3>(0).any() | self.d4.q.val().get_bits::<3>(0).any();
            self.in_bytes.d.next = self.np.val();
            self.out_bytes.d.next = self.n2.val();
            if self.d0.q.val().get_bits::<8>(0) == self.op_pack.val() {
                self.in_bytes.d.next = self.n2.val();
                self.out_bytes.d.next = self.np.val();
            }
            if self.d0.q.val().get_bits::<8>(0) == self.op_hq.val() {
                // word 6: the parameter block's address; word 7: the coefficient count
                self.reserved.d.next = self.d0.q.val().get_bits::<24>(8).any()
                    | self.d1.q.val().get_bits::<32>(32).any()
                    | self.d2.q.val().get_bits::<16>(48).any()
                    | self.d3.q.val().get_bits::<24>(40).any()
                    | self.d4.q.val().get_bits::<16>(48).any()
                    | self.d5.q.val().get_bits::<24>(40).any()
                    | self.d6.q.val().get_bits::<16>(48).any()
                    | self.d7.q.val().get_bits::<32>(32).any();
                self.align.d.next = self.d2.q.val().get_bits::<3>(0).any() | self.d4.q.val().get_bits::<3>(0).any() | self.d6.q.val().get_bits::<3>(0).any();
                self.in_bytes.d.next = self.n.val();
                self.out_bytes.d.next = self.m.val() << 2;
            }
            self.tail.d.next = bit_cast::<3, 2>(self.d1.q.val().get_bits::<2>(0));
            if !self.d1.q.val().get_bits::<2>(0).any() {
                self.tail.d.next = 4.into();
            }
            self.range_err.d.next = false;
            self.seen_last.d.next = false;
            self.state.d.next = self.s_check2.val();
        }
        if self.state.q.val() == self.s_check2.val() {
            self.status.d.next = self.verdict.val();
            if self.verdict.val().any() | (self.op.q.val() == self.op_nop.val()) | !self.d1.q.val().get_bits::<32>(0).any() | ((self.op.q.val() == self.op_hq.val()) & !self.m.val().any()) {
                self.state.d.next = self.s_cq.val();
            } else if self.op.q.val() == self.op_hq.val() {
                // the parameter block first (one 8-beat read)
                self.rd.cmd_start.next = true;
                self.rd.cmd_addr.next = self.d6.q.val().get_bits::<48>(0);
                self.rd.cmd_beats.next = 8.into();
                self.state.d.next = self.s_params.val();
            } else {
                self.rd.cmd_start.next = true;
                self.wr.cmd_start.next = true;
                self.up.start.next = self.op.q.val() == self.op_unpack.val();
                self.state.d.next = self.s_run.val();
            }
        }
        if self.state.q.val() == self.s_params.val() {
            self.rd.out_ready.next = true;
            if self.rd.out_valid.val() {
                self.p0.d.next = self.p1.q.val();
                self.p1.d.next = self.p2.q.val();
                self.p2.d.next = self.p3.q.val();
                self.p3.d.next = self.p4.q.val();
                self.p4.d.next = self.p5.q.val();
                self.p5.d.next = self.p6.q.val();
                self.p6.d.next = self.p7.q.val();
                self.p7.d.next = self.rd.out_data.val();
            }
            if !self.rd.busy.val() {
                if self.rd.err.val() {
                    self.status.d.next = 5.into();
                    self.state.d.next = self.s_cq.val();
                } else {
                    self.rd.cmd_start.next = true;
                    self.wr.cmd_start.next = true;
                    self.hq.start.next = true;
                    self.m_left.d.next = self.d7.q.val().get_bits::<32>(0);
                    self.have_lo.d.next = false;
                    self.hq_done.d.next = false;
                    self.state.d.next = self.s_run.val();
                }
            }
        }
        if self.state.q.val() == self.s_run.val() {
            if self.op.q.val() == self.op_pack.val() {
                self.pk.in_valid.next = self.rd.out_valid.val();
                self.rd.out_ready.next = self.pk.in_ready.val();
                self.wr.in_valid.next = self.pk.out_valid.val();
                self.pk.out_ready.next = self.wr.in_ready.val();
                if self.pk.out_valid.val() & self.wr.in_ready.val() & self.pk.out_last.val() {
                    self.seen_last.d.next = true;
                }
            } else if self.op.q.val() == self.op_hq.val() {
                self.hq.in_valid.next = self.rd.out_valid.val();
                self.rd.out_ready.next = self.hq.in_ready.val();
                // Coefficients two to a word (32 bits each, the first in the low half); the count is the descriptor's: extra coefficients are dropped and,
                // after an error, zeros fill the rest, so the writer always gets its words.
                self.wr.in_valid.next = self.have_lo.q.val() & (self.src_valid.val() | !self.m_some.val());
                self.wr.in_data.next = bit_cast::<64, 32>(self.lo.q.val());
                self.wr.in_strb.next = 0x0f.into();
                if self.src_valid.val() {
                    self.wr.in_data.next = bit_cast::<64, 32>(self.lo.q.val()) | (bit_cast::<64, 32>(self.src_value.val()) << 32);
                    self.wr.in_strb.next = 0xff.into();
                }
                self.hq.out_ready.next = !self.m_some.val() | self.src_ready.val();
                if self.src_take.val() {
                    self.m_left.d.next = self.m_left.q.val() - 1;
                    if !self.have_lo.q.val() {
                        self.lo.d.next = self.src_value.val();
                        self.have_lo.d.next = true;
                    }
                }
                if self.word_push.val() {
                    self.have_lo.d.next = false;
                }
                if self.hq.done.val() {
                    self.hq_done.d.next = true;
                }
                if !self.m_some.val() & !self.have_lo.q.val() {
                    self.seen_last.d.next = true;
                }
            } else {
                self.up.in_valid.next = self.rd.out_valid.val();
                self.rd.out_ready.next = self.up.in_ready.val();
                self.wr.in_valid.next = self.up.out_valid.val();
                self.wr.in_data.next = self.up.out_data.val();
                self.wr.in_strb.next = self.up.out_strb.val();
                self.up.out_ready.next = self.wr.in_ready.val();
                if self.up.out_valid.val() & self.wr.in_ready.val() & self.up.out_last.val() {
                    self.seen_last.d.next = true;
                }
            }
            if self.pk.err_range.val() {
                self.range_err.d.next = true;
            }
            // Done when every word is read, the stage has delivered its last word and every
            // write is acknowledged.
            if !self.rd.busy.val() & !self.wr.busy.val() & !self.up.busy.val() & self.seen_last.q.val() & self.hq_idle.val() {
                self.status.d.next = 0.into();
                if self.range_err.q.val() {
                    self.status.d.next = 7.into();
                }
                if self.op.q.val() == self.op_hq.val() {
                    if self.hq.st_range.val().any() {
                        self.status.d.next = 9.into();
                    }
                    if self.hq.st_error.val().any() {
                        self.status.d.next = 8.into();
                    }
                }
                if self.wr.err.val() {
                    self.status.d.next = 6.into();
                }
                if self.rd.err.val() {
                    self.status.d.next = 5.into();
                }
                self.state.d.next = self.s_cq.val();
            }
        }
        if (self.state.q.val() == self.s_cq.val()) & !self.cq_full.val() {
            self.wr.cmd_start.next = true;
            self.wr.cmd_addr.next = self.cq_base.q.val() + (bit_cast::<48, 16>(self.cq_tail.q.val()) << 4);
            self.wr.cmd_beats.next = 2.into();
            self.cq_beat.d.next = false;
            self.state.d.next = self.s_cqw.val();
        }
        if self.state.q.val() == self.s_cqw.val() {
            self.wr.in_valid.next = true;
            self.wr.in_data.next = self.w0.val();
            if self.cq_beat.q.val() {
                self.wr.in_data.next = self.w1.val();
            }
            self.wr.in_strb.next = 0xff.into();
            if self.wr.in_ready.val() {
                self.cq_beat.d.next = true;
            }
            if !self.wr.busy.val() {
                self.state.d.next = self.s_idle.val();
                if self.wr.err.val() {
                    self.fatal.d.next = true;
                    self.fatal_code.d.next = 2.into();
                } else {
                    self.done.next = true;
                    self.sq_head.d.next = self.next_sq.val();
                    self.cq_tail.d.next = self.next_cq.val();
                    if !self.next_cq.val().any() {
                        self.phase.d.next = !self.phase.q.val();
                    }
                    self.jobs.d.next = self.jobs.q.val() + 1;
                    if self.status.q.val().any() {
                        self.errors.d.next = self.errors.q.val() + 1;
                    }
                }
            }
        }
        // Clocks: per job (saturating) and in total.
        if self.state.q.val() != self.s_idle.val() {
            self.cycles.d.next = self.cycles.q.val() + 1;
            if self.job_cycles.q.val() != self.max32.val() {
                self.job_cycles.d.next = self.job_cycles.q.val() + 1;
            }
        }
        // Interrupt coalescing.
        // (The completion is counted a clock after it is written: timing.)
        self.done_r.d.next = self.done.val();
        self.pend1.next = bit_cast::<9, 8>(self.pend.q.val());
        if self.done_r.q.val() {
            self.pend1.next = bit_cast::<9, 8>(self.pend.q.val()) + 1;
        }
        self.fire.next = self.cfg_irq_count.val().any()
            & ((self.pend1.val().any() & (self.pend1.val() >= bit_cast::<9, 8>(self.cfg_irq_count.val())))
                | (self.pend.q.val().any() & self.cfg_irq_time.val().any() & (self.timer.q.val() >= self.cfg_irq_time.val())));
        self.irq_r.d.next = self.fire.val();
        if self.fire.val() | !self.cfg_irq_count.val().any() {
            self.pend.d.next = 0.into();
            self.timer.d.next = 0.into();
        } else {
            self.pend.d.next = self.pend1.val().get_bits::<8>(0);
            if self.pend1.val().get_bit(8) {
                self.pend.d.next = self.max8.val();
            }
            self.timer.d.next = 0.into();
            if self.pend.q.val().any() {
                self.timer.d.next = self.timer.q.val() + 1;
            }
        }
        self.irq.next = self.irq_r.q.val();
        // Registered (timing): a clock late, so the clock runs a clock longer than needed.
        self.active_r.d.next = (self.state.q.val() != self.s_idle.val())
            | (self.en_q.q.val() & self.cfg_enable.val() & !self.fatal.q.val() & (self.sq_head.q.val() != self.cfg_sq_tail.val()))
            | self.pend.q.val().any()
            | self.irq_r.q.val()
            | self.done_r.q.val()
            | self.rising.val();
        self.st_active.next = self.active_r.q.val() | self.rising.val();
        // Status.
        self.st_ready.next = self.en_q.q.val() & !self.fatal.q.val();
        self.st_fatal.next = self.fatal.q.val();
        self.st_fatal_code.next = self.fatal_code.q.val();
        self.st_busy.next = self.state.q.val() != self.s_idle.val();
        self.st_sq_head.next = self.sq_head.q.val();
        self.st_jobs.next = self.jobs.q.val();
        self.st_errors.next = self.errors.q.val();
        self.st_cycles.next = self.cycles.q.val();
        // AXI4.
        self.m_arvalid.next = self.rd.m_arvalid.val();
        self.rd.m_arready.next = self.m_arready.val();
        self.m_araddr.next = self.rd.m_araddr.val();
        self.m_arlen.next = self.rd.m_arlen.val();
        self.rd.m_rvalid.next = self.m_rvalid.val();
        self.m_rready.next = self.rd.m_rready.val();
        self.rd.m_rdata.next = self.m_rdata.val();
        self.rd.m_rresp.next = self.m_rresp.val();
        self.m_awvalid.next = self.wr.m_awvalid.val();
        self.wr.m_awready.next = self.m_awready.val();
        self.m_awaddr.next = self.wr.m_awaddr.val();
        self.m_awlen.next = self.wr.m_awlen.val();
        self.m_wvalid.next = self.wr.m_wvalid.val();
        self.wr.m_wready.next = self.m_wready.val();
        self.m_wdata.next = self.wr.m_wdata.val();
        self.m_wstrb.next = self.wr.m_wstrb.val();
        self.m_wlast.next = self.wr.m_wlast.val();
        self.wr.m_bvalid.next = self.m_bvalid.val();
        self.m_bready.next = self.wr.m_bready.val();
        self.wr.m_bresp.next = self.m_bresp.val();
    }
}
