//! 10-bit packing: 16-bit samples in, MSB-first 10-bit packed bytes out (four samples make
//! five bytes) — exactly `uhdpipe_model::pack::pack10`, the device's [`Op::Pack10`] stage.
//!
//! [`Op::Pack10`]: uhdpipe_driver::job::Op::Pack10
//!
//! **Function.** Each input beat carries four 16-bit little-endian samples (a 64-bit AXI4
//! data word); the last beat of a job carries `cfg_tail` (1..=4) valid samples, the rest
//! ignored. The samples' low ten bits are packed most significant bit first into a byte
//! string whose byte `k` is bus byte `k mod 8` of output beat `k / 8`; the last beat's
//! `out_strb` marks its valid bytes and the final partial byte is padded with zero bits. A
//! valid sample above 1023 pulses `err_range` (the job's status becomes `SampleRange`; its
//! output is still produced, from the low ten bits).
//!
//! **Throughput.** One input beat (four samples) per clock; 5/8 of an output beat per clock.
//! **Latency:** one clock into the output queue, plus one clock after a last beat whose bytes
//! overflow a word. **Handshake:** `in_*` and `out_*` are streams; `in_ready` is low while
//! the output queue's second entry is full (a register) and during the flush clock.
//! **Reset:** none needed; it starts empty and returns to empty after each last beat.

use crate::blocks::stream_queue::StreamQueue;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct Pack10 {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Run-time: valid samples in a job's last beat, 1..=4 (constant during a job).
    pub cfg_tail: Signal<In, Bits<3>>,
    /// Input stream: a beat is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: taken at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: four samples, sample `i` in bits `16i+15:16i`.
    pub in_data: Signal<In, Bits<64>>,
    /// Input stream: the job's last beat.
    pub in_last: Signal<In, Bit>,
    /// Output stream: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: taken at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: eight bytes of the packed string (byte `k` in bits `8k+7:8k`).
    pub out_data: Signal<Out, Bits<64>>,
    /// Output stream: valid bytes (all but in the job's last beat).
    pub out_strb: Signal<Out, Bits<8>>,
    /// Output stream: the job's last beat.
    pub out_last: Signal<Out, Bit>,
    /// A valid input sample is above 1023 (one clock per offending beat).
    pub err_range: Signal<Out, Bit>,
    q: StreamQueue<64, 9>,
    take: Signal<Local, Bit>,
    m1: Signal<Local, Bit>,
    m2: Signal<Local, Bit>,
    m3: Signal<Local, Bit>,
    z0: Signal<Local, Bits<16>>,
    z1: Signal<Local, Bits<16>>,
    z2: Signal<Local, Bits<16>>,
    z3: Signal<Local, Bits<16>>,
    x: Signal<Local, Bits<40>>,
    chunk: Signal<Local, Bits<64>>,
    nb: Signal<Local, Bits<4>>,
    total: Signal<Local, Bits<4>>,
    sh: Signal<Local, Bits<7>>,
    rsh: Signal<Local, Bits<7>>,
    lo: Signal<Local, Bits<64>>,
    hi: Signal<Local, Bits<64>>,
    c64: Constant<Bits<7>>,
    strb_part: Signal<Local, Bits<8>>,
    fill_strb: Signal<Local, Bits<8>>,
    k_full: Constant<Bits<9>>,
    k_last: Constant<Bits<9>>,
    ff8: Constant<Bits<8>>,
    c1: Constant<Bits<3>>,
    c2: Constant<Bits<3>>,
    c3: Constant<Bits<3>>,
    c8: Constant<Bits<4>>,
    acc: DFF<Bits<64>>,
    fill: DFF<Bits<4>>,
    flush: DFF<Bit>,
    err: DFF<Bit>,
}

impl Default for Pack10 {
    fn default() -> Self {
        Self {
            clock: Default::default(),
            cfg_tail: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_data: Default::default(),
            in_last: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_data: Default::default(),
            out_strb: Default::default(),
            out_last: Default::default(),
            err_range: Default::default(),
            q: Default::default(),
            take: Default::default(),
            m1: Default::default(),
            m2: Default::default(),
            m3: Default::default(),
            z0: Default::default(),
            z1: Default::default(),
            z2: Default::default(),
            z3: Default::default(),
            x: Default::default(),
            chunk: Default::default(),
            nb: Default::default(),
            total: Default::default(),
            sh: Default::default(),
            rsh: Default::default(),
            lo: Default::default(),
            hi: Default::default(),
            c64: Constant::new(64u64.to_bits()),
            strb_part: Default::default(),
            fill_strb: Default::default(),
            k_full: Constant::new(0xffu64.to_bits()),
            k_last: Constant::new(0x100u64.to_bits()),
            ff8: Constant::new(0xffu64.to_bits()),
            c1: Constant::new(1u64.to_bits()),
            c2: Constant::new(2u64.to_bits()),
            c3: Constant::new(3u64.to_bits()),
            c8: Constant::new(8u64.to_bits()),
            acc: Default::default(),
            fill: Default::default(),
            flush: Default::default(),
            err: Default::default(),
        }
    }
}

impl Logic for Pack10 {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, acc, fill, flush, err);
        clock!(self, clock, q);
        self.in_ready.next = self.q.free.val() & !self.flush.q.val();
        self.take.next = self.in_valid.val() & self.q.free.val() & !self.flush.q.val();
        // Valid samples: all, but only the first cfg_tail of a last beat.
        self.m1.next = !self.in_last.val() | (self.cfg_tail.val() > self.c1.val());
        self.m2.next = !self.in_last.val() | (self.cfg_tail.val() > self.c2.val());
        self.m3.next = !self.in_last.val() | (self.cfg_tail.val() > self.c3.val());
        self.z0.next = self.in_data.val().get_bits::<16>(0);
        self.z1.next = 0.into();
        if self.m1.val() {
            self.z1.next = self.in_data.val().get_bits::<16>(16);
        }
        self.z2.next = 0.into();
        if self.m2.val() {
            self.z2.next = self.in_data.val().get_bits::<16>(32);
        }
        self.z3.next = 0.into();
        if self.m3.val() {
            self.z3.next = self.in_data.val().get_bits::<16>(48);
        }
        // The 40-bit group, then its five bytes in bus order (most significant first).
        self.x.next = (bit_cast::<40, 10>(self.z0.val().get_bits::<10>(0)) << 30)
            | (bit_cast::<40, 10>(self.z1.val().get_bits::<10>(0)) << 20)
            | (bit_cast::<40, 10>(self.z2.val().get_bits::<10>(0)) << 10)
            | bit_cast::<40, 10>(self.z3.val().get_bits::<10>(0));
        self.chunk.next = bit_cast::<64, 8>(self.x.val().get_bits::<8>(32))
            | (bit_cast::<64, 8>(self.x.val().get_bits::<8>(24)) << 8)
            | (bit_cast::<64, 8>(self.x.val().get_bits::<8>(16)) << 16)
            | (bit_cast::<64, 8>(self.x.val().get_bits::<8>(8)) << 24)
            | (bit_cast::<64, 8>(self.x.val().get_bits::<8>(0)) << 32);
        // Bytes this beat adds: 5, or ceil(10 k / 8) for k = cfg_tail samples.
        self.nb.next = 5.into();
        if self.in_last.val() {
            self.nb.next = bit_cast::<4, 3>(self.cfg_tail.val()) + 1;
        }
        self.total.next = self.fill.q.val() + self.nb.val();
        // The held bytes and the new ones, as a low word and the bytes past it (the group
        // is placed at byte `fill`; at most 32 bits spill over). Two 64-bit halves rather than
        // one wide value: Verilator is much faster below 65 bits.
        self.sh.next = bit_cast::<7, 4>(self.fill.q.val()) << 3;
        self.rsh.next = self.c64.val() - self.sh.val();
        self.lo.next = self.acc.q.val() | (self.chunk.val() << self.sh.val());
        self.hi.next = 0.into();
        if self.fill.q.val().any() {
            self.hi.next = self.chunk.val() >> self.rsh.val();
        }
        // Byte masks: the low `total` (or `fill`) bits set.
        self.strb_part.next = !(self.ff8.val() << self.total.val());
        self.fill_strb.next = !(self.ff8.val() << self.fill.q.val());
        self.q.push.next = false;
        self.q.in_data.next = self.lo.val();
        self.q.in_side.next = self.k_full.val();
        if self.take.val() {
            if self.total.val() >= self.c8.val() {
                // A full word leaves; the bytes beyond it stay (or flush next clock).
                self.q.push.next = true;
                if self.in_last.val() & (self.total.val() == self.c8.val()) {
                    self.q.in_side.next = self.k_full.val() | self.k_last.val();
                }
                self.acc.d.next = self.hi.val();
                self.fill.d.next = self.total.val() - 8;
                if self.in_last.val() & (self.total.val() > self.c8.val()) {
                    self.flush.d.next = true;
                }
            } else if self.in_last.val() {
                // The job ends inside this word.
                self.q.push.next = true;
                self.q.in_side.next = bit_cast::<9, 8>(self.strb_part.val()) | self.k_last.val();
                self.acc.d.next = 0.into();
                self.fill.d.next = 0.into();
            } else {
                self.acc.d.next = self.lo.val();
                self.fill.d.next = self.total.val();
            }
        }
        if self.flush.q.val() & self.q.free.val() {
            self.q.push.next = true;
            self.q.in_data.next = self.acc.q.val();
            self.q.in_side.next = bit_cast::<9, 8>(self.fill_strb.val()) | self.k_last.val();
            self.flush.d.next = false;
            self.acc.d.next = 0.into();
            self.fill.d.next = 0.into();
        }
        // Range: a valid sample with any of bits 15:10 set.
        self.err.d.next = self.take.val()
            & (self.z0.val().get_bits::<6>(10).any() | self.z1.val().get_bits::<6>(10).any() | self.z2.val().get_bits::<6>(10).any() | self.z3.val().get_bits::<6>(10).any());
        self.err_range.next = self.err.q.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_data.next = self.q.out_data.val();
        self.out_strb.next = self.q.out_side.val().get_bits::<8>(0);
        self.out_last.next = self.q.out_side.val().get_bit(8);
    }
}
