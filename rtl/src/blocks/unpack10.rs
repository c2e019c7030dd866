//! 10-bit unpacking: MSB-first 10-bit packed bytes in, 16-bit samples out — exactly
//! `uhdpipe_model::pack::unpack10`, the device's [`Op::Unpack10`] stage.
//!
//! [`Op::Unpack10`]: uhdpipe_driver::job::Op::Unpack10
//!
//! **Function.** `start` begins a job of `cfg_beats` output beats (`ceil(n / 4)` for `n`
//! samples) whose last beat holds `cfg_tail` (1..=4) samples. The input is the packed byte
//! string, eight bytes per beat (byte `k` in bits `8k+7:8k`), the job's last beat marked
//! `in_last` (bytes after the `n`th sample's are ignored). Each output beat carries four
//! samples, sample `i` zero-extended in bits `16i+15:16i`; `out_strb` marks the valid bytes of
//! the last beat (two per sample) and unused samples are zero.
//!
//! **Throughput.** One output beat (four samples) per clock, taking an input beat in any
//! clock in which fewer than five bytes would remain. **Latency:** two clocks from the beat
//! completing a group to its output. **Handshake:** streams; `in_ready` depends on registers
//! only (the output queue's second entry and the byte count). **Reset:** none needed; `start`
//! clears the state (issue it only while `busy` is low).

use crate::blocks::stream_queue::StreamQueue;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct Unpack10 {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Begins a job (one clock; `cfg_*` are read then).
    pub start: Signal<In, Bit>,
    /// Run-time: output beats of the job, 1..2^31.
    pub cfg_beats: Signal<In, Bits<32>>,
    /// Run-time: samples in the last output beat, 1..=4.
    pub cfg_tail: Signal<In, Bits<3>>,
    /// A job is in progress (output beats remain).
    pub busy: Signal<Out, Bit>,
    /// Input stream: a beat is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: taken at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: eight bytes of the packed string.
    pub in_data: Signal<In, Bits<64>>,
    /// Input stream: the job's last input beat.
    pub in_last: Signal<In, Bit>,
    /// Output stream: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: taken at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: four samples.
    pub out_data: Signal<Out, Bits<64>>,
    /// Output stream: valid bytes.
    pub out_strb: Signal<Out, Bits<8>>,
    /// Output stream: the job's last beat.
    pub out_last: Signal<Out, Bit>,
    q: StreamQueue<64, 9>,
    emit: Signal<Local, Bit>,
    enough: Signal<Local, Bit>,
    take: Signal<Local, Bit>,
    last_out: Signal<Local, Bit>,
    fill_a: Signal<Local, Bits<4>>,
    acc_a: Signal<Local, Bits<64>>,
    acc_ah: Signal<Local, Bits<32>>,
    rsh: Signal<Local, Bits<7>>,
    spill: Signal<Local, Bits<32>>,
    c32: Constant<Bits<7>>,
    sh: Signal<Local, Bits<7>>,
    x: Signal<Local, Bits<40>>,
    s1: Signal<Local, Bits<16>>,
    s2: Signal<Local, Bits<16>>,
    s3: Signal<Local, Bits<16>>,
    data: Signal<Local, Bits<64>>,
    strb: Signal<Local, Bits<8>>,
    tail_bytes: Signal<Local, Bits<4>>,
    c1: Constant<Bits<3>>,
    c2: Constant<Bits<3>>,
    c3: Constant<Bits<3>>,
    c5: Constant<Bits<4>>,
    ff8: Constant<Bits<8>>,
    one32: Constant<Bits<32>>,
    k_last: Constant<Bits<9>>,
    acc: DFF<Bits<64>>,
    acc_h: DFF<Bits<32>>,
    fill: DFF<Bits<4>>,
    in_done: DFF<Bit>,
    out_left: DFF<Bits<32>>,
    tail: DFF<Bits<3>>,
}

impl Default for Unpack10 {
    fn default() -> Self {
        Self {
            clock: Default::default(),
            start: Default::default(),
            cfg_beats: Default::default(),
            cfg_tail: Default::default(),
            busy: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_data: Default::default(),
            in_last: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_data: Default::default(),
            out_strb: Default::default(),
            out_last: Default::default(),
            q: Default::default(),
            emit: Default::default(),
            enough: Default::default(),
            take: Default::default(),
            last_out: Default::default(),
            fill_a: Default::default(),
            acc_a: Default::default(),
            acc_ah: Default::default(),
            rsh: Default::default(),
            spill: Default::default(),
            c32: Constant::new(32u64.to_bits()),
            sh: Default::default(),
            x: Default::default(),
            s1: Default::default(),
            s2: Default::default(),
            s3: Default::default(),
            data: Default::default(),
            strb: Default::default(),
            tail_bytes: Default::default(),
            c1: Constant::new(1u64.to_bits()),
            c2: Constant::new(2u64.to_bits()),
            c3: Constant::new(3u64.to_bits()),
            c5: Constant::new(5u64.to_bits()),
            ff8: Constant::new(0xffu64.to_bits()),
            one32: Constant::new(1u64.to_bits()),
            k_last: Constant::new(0x100u64.to_bits()),
            acc: Default::default(),
            acc_h: Default::default(),
            fill: Default::default(),
            in_done: Default::default(),
            out_left: Default::default(),
            tail: Default::default(),
        }
    }
}

impl Logic for Unpack10 {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, acc, acc_h, fill, in_done, out_left, tail);
        clock!(self, clock, q);
        self.busy.next = self.out_left.q.val().any();
        // Emit a group when five bytes are held (or the input has ended) and the queue has room.
        self.enough.next = (self.fill.q.val() >= self.c5.val()) | self.in_done.q.val();
        self.emit.next = self.q.free.val() & self.out_left.q.val().any() & self.enough.val();
        self.last_out.next = self.out_left.q.val() == self.one32.val();
        // The held bytes are a low word and up to four bytes past it (two halves: Verilator
        // is much faster below 65 bits).
        self.fill_a.next = self.fill.q.val();
        self.acc_a.next = self.acc.q.val();
        self.acc_ah.next = self.acc_h.q.val();
        if self.emit.val() {
            self.acc_a.next = (self.acc.q.val() >> 40) | (bit_cast::<64, 32>(self.acc_h.q.val()) << 24);
            self.acc_ah.next = 0.into();
            self.fill_a.next = 0.into();
            if self.fill.q.val() >= self.c5.val() {
                self.fill_a.next = self.fill.q.val() - 5;
            }
        }
        self.in_ready.next = !self.in_done.q.val() & (self.fill_a.val() < self.c5.val()) & self.out_left.q.val().any();
        self.take.next = self.in_valid.val() & !self.in_done.q.val() & (self.fill_a.val() < self.c5.val()) & self.out_left.q.val().any();
        self.sh.next = bit_cast::<7, 4>(self.fill_a.val()) << 3;
        // fill_a ≤ 4, so the spill is the input's high half shifted right by 32 − 8·fill_a.
        self.rsh.next = self.c32.val() - self.sh.val();
        self.spill.next = 0.into();
        if self.fill_a.val().any() {
            self.spill.next = self.in_data.val().get_bits::<32>(32) >> self.rsh.val();
        }
        self.acc.d.next = self.acc_a.val();
        self.acc_h.d.next = self.acc_ah.val();
        self.fill.d.next = self.fill_a.val();
        if self.take.val() {
            self.acc.d.next = self.acc_a.val() | (self.in_data.val() << self.sh.val());
            self.acc_h.d.next = self.spill.val();
            self.fill.d.next = self.fill_a.val() + 8;
            if self.in_last.val() {
                self.in_done.d.next = true;
            }
        }
        // The group: five bytes, most significant first, as four 10-bit samples.
        self.x.next = (bit_cast::<40, 8>(self.acc.q.val().get_bits::<8>(0)) << 32)
            | (bit_cast::<40, 8>(self.acc.q.val().get_bits::<8>(8)) << 24)
            | (bit_cast::<40, 8>(self.acc.q.val().get_bits::<8>(16)) << 16)
            | (bit_cast::<40, 8>(self.acc.q.val().get_bits::<8>(24)) << 8)
            | bit_cast::<40, 8>(self.acc.q.val().get_bits::<8>(32));
        self.s1.next = bit_cast::<16, 10>(self.x.val().get_bits::<10>(20));
        self.s2.next = bit_cast::<16, 10>(self.x.val().get_bits::<10>(10));
        self.s3.next = bit_cast::<16, 10>(self.x.val().get_bits::<10>(0));
        self.strb.next = self.ff8.val();
        if self.last_out.val() {
            if self.tail.q.val() <= self.c3.val() {
                self.s3.next = 0.into();
            }
            if self.tail.q.val() <= self.c2.val() {
                self.s2.next = 0.into();
            }
            if self.tail.q.val() <= self.c1.val() {
                self.s1.next = 0.into();
            }
            self.tail_bytes.next = bit_cast::<4, 3>(self.tail.q.val()) << 1;
            self.strb.next = !(self.ff8.val() << self.tail_bytes.val());
        } else {
            self.tail_bytes.next = 0.into();
        }
        self.data.next = bit_cast::<64, 10>(self.x.val().get_bits::<10>(30)) | (bit_cast::<64, 16>(self.s1.val()) << 16) | (bit_cast::<64, 16>(self.s2.val()) << 32) | (bit_cast::<64, 16>(self.s3.val()) << 48);
        self.q.push.next = self.emit.val();
        self.q.in_data.next = self.data.val();
        self.q.in_side.next = bit_cast::<9, 8>(self.strb.val());
        if self.last_out.val() {
            self.q.in_side.next = bit_cast::<9, 8>(self.strb.val()) | self.k_last.val();
        }
        if self.emit.val() {
            self.out_left.d.next = self.out_left.q.val() - 1;
            if self.last_out.val() {
                self.acc.d.next = 0.into();
                self.acc_h.d.next = 0.into();
                self.fill.d.next = 0.into();
            }
        }
        if self.start.val() {
            self.out_left.d.next = self.cfg_beats.val();
            self.tail.d.next = self.cfg_tail.val();
            self.in_done.d.next = false;
            self.acc.d.next = 0.into();
            self.acc_h.d.next = 0.into();
            self.fill.d.next = 0.into();
        }
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_data.next = self.q.out_data.val();
        self.out_strb.next = self.q.out_side.val().get_bits::<8>(0);
        self.out_last.next = self.q.out_side.val().get_bit(8);
    }
}
