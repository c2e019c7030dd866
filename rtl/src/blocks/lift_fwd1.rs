//! The every-wavelet forward 2-D wavelet transform at **one sample per clock**: a gearbox
//! ([`super::ll_pack`] with `cfg_shift = 1`: two samples make a pair) in front of the
//! two-samples-per-clock [`super::lift_fwd`], which then runs at half its rate. The
//! function, output streams, run-time registers, widths and protocol errors are
//! `lift_fwd`'s; only the input differs (as [`super::legall_fwd1`] is to
//! [`super::legall_fwd`]).
//!
//! **Input.** One sample per beat, row-major, `in_first` on a line's first sample, `in_last`
//! on its last, `in_sop` on a picture's first. A line of odd length loses its last sample in
//! the gearbox and reaches the transform one pair short: `err_line`.
//! **Throughput.** One sample per clock. The transform's vertical flush rows (`F` per
//! picture: [`super::lift_v::flush_rows`]) hold `in_ready` low once the gearbox's pair
//! register and two-entry queue are full, so a picture in a back-to-back stream costs about
//! `W · (H + F / 2)` clocks.
//! **Latency.** `lift_fwd`'s, in lines; plus two clocks in the gearbox.
//! **Reset:** none needed.
//!
//! **Build-time parameters:** `N1`, `N2`, `N3`, `N4` as `lift_fwd`'s (line-buffer address
//! bits: rows up to `2^Nk` pairs at level k).

use super::lift_fwd::LiftFwd2;
use super::ll_pack::LlPack;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftFwd1<const N1: usize, const N2: usize, const N3: usize, const N4: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Input stream: a sample is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes it at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: the sample, 12-bit two's complement (samples offset to signed).
    pub in_sample: Signal<In, Bits<12>>,
    /// Input stream: first sample of a line.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last sample of a line.
    pub in_last: Signal<In, Bit>,
    /// Input stream: first sample of a picture (with `in_first`).
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: sample pairs per line (width / 2), 1..=`2^N1`.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: rows per picture (height), even, ≤ 8190.
    pub cfg_rows: Signal<In, Bits<13>>,
    /// Run-time register: transform depth, 1..=4.
    pub cfg_depth: Signal<In, Bits<3>>,
    /// Run-time register: the VC-2 `wavelet_index` — the **vertical** passes' filter — 0..=6.
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Run-time register: the VC-2 `wavelet_index_ho` — the filter of every **horizontal**
    /// pass, the 2-D levels' and the horizontal-only level's (ST 2042-1 15.4.3: `vh_synthesis`
    /// filters rows with `wavelet_index_ho`, columns with `wavelet_index`), and the source of
    /// `filter_bit_shift`; 0..=6. Equal to `cfg_wavelet` for a symmetric
    /// transform.
    pub cfg_wavelet_ho: Signal<In, Bits<3>>,
    /// Protocol error: a broken line (any level's horizontal block).
    pub err_line: Signal<Out, Bit>,
    /// Protocol error: a broken picture (any level's vertical block).
    pub err_pic: Signal<Out, Bit>,
    /// Configuration error: `cfg_wavelet` or `cfg_wavelet_ho` names a wavelet outside the
    /// build's set (a register; every wavelet is built here, so it stays low for 0..=6).
    pub err_wavelet: Signal<Out, Bit>,
    /// Level 1 output stream: a beat is offered.
    pub out1_valid: Signal<Out, Bit>,
    /// Level 1 output stream: the consumer takes it.
    pub out1_ready: Signal<In, Bit>,
    /// Level 1: lane a (LL or LH), 19-bit two's complement.
    pub out1_a: Signal<Out, Bits<19>>,
    /// Level 1: lane b (HL or HH).
    pub out1_b: Signal<Out, Bits<19>>,
    /// Level 1: first beat of a row.
    pub out1_first: Signal<Out, Bit>,
    /// Level 1: last beat of a row.
    pub out1_last: Signal<Out, Bit>,
    /// Level 1: first beat of a picture.
    pub out1_sop: Signal<Out, Bit>,
    /// Level 1: an H row (LH, HH); low for L rows (LL, HL).
    pub out1_vhigh: Signal<Out, Bit>,
    /// Level 2 output stream (as level 1; 26-bit lanes).
    pub out2_valid: Signal<Out, Bit>,
    /// Level 2: the consumer takes it.
    pub out2_ready: Signal<In, Bit>,
    /// Level 2: lane a.
    pub out2_a: Signal<Out, Bits<26>>,
    /// Level 2: lane b.
    pub out2_b: Signal<Out, Bits<26>>,
    /// Level 2: first beat of a row.
    pub out2_first: Signal<Out, Bit>,
    /// Level 2: last beat of a row.
    pub out2_last: Signal<Out, Bit>,
    /// Level 2: first beat of a picture.
    pub out2_sop: Signal<Out, Bit>,
    /// Level 2: an H row.
    pub out2_vhigh: Signal<Out, Bit>,
    /// Level 3 output stream (as level 1; 33-bit lanes).
    pub out3_valid: Signal<Out, Bit>,
    /// Level 3: the consumer takes it.
    pub out3_ready: Signal<In, Bit>,
    /// Level 3: lane a.
    pub out3_a: Signal<Out, Bits<33>>,
    /// Level 3: lane b.
    pub out3_b: Signal<Out, Bits<33>>,
    /// Level 3: first beat of a row.
    pub out3_first: Signal<Out, Bit>,
    /// Level 3: last beat of a row.
    pub out3_last: Signal<Out, Bit>,
    /// Level 3: first beat of a picture.
    pub out3_sop: Signal<Out, Bit>,
    /// Level 3: an H row.
    pub out3_vhigh: Signal<Out, Bit>,
    /// Level 4 output stream (as level 1; 40-bit lanes).
    pub out4_valid: Signal<Out, Bit>,
    /// Level 4: the consumer takes it.
    pub out4_ready: Signal<In, Bit>,
    /// Level 4: lane a.
    pub out4_a: Signal<Out, Bits<40>>,
    /// Level 4: lane b.
    pub out4_b: Signal<Out, Bits<40>>,
    /// Level 4: first beat of a row.
    pub out4_first: Signal<Out, Bit>,
    /// Level 4: last beat of a row.
    pub out4_last: Signal<Out, Bit>,
    /// Level 4: first beat of a picture.
    pub out4_sop: Signal<Out, Bit>,
    /// Level 4: an H row.
    pub out4_vhigh: Signal<Out, Bit>,
    /// Run-time register: one horizontal-only level (`dwt_depth_ho = 1`) after the
    /// `cfg_depth` 2-D levels: the DC band's rows go through a further horizontal analysis
    /// whose (L, H) pairs leave on `outho_*` (L is then the DC band). The width must be a
    /// multiple of `2^(cfg_depth + 1)`.
    pub cfg_depth_ho: Signal<In, Bit>,
    /// Horizontal-only level: a pair is offered.
    pub outho_valid: Signal<Out, Bit>,
    /// Horizontal-only level: the consumer takes it.
    pub outho_ready: Signal<In, Bit>,
    /// Horizontal-only level: L (the DC band), 44-bit two's complement.
    pub outho_low: Signal<Out, Bits<44>>,
    /// Horizontal-only level: H, 44-bit two's complement.
    pub outho_high: Signal<Out, Bits<44>>,
    /// Horizontal-only level: first pair of a row.
    pub outho_first: Signal<Out, Bit>,
    /// Horizontal-only level: last pair of a row.
    pub outho_last: Signal<Out, Bit>,
    /// Horizontal-only level: first pair of a picture.
    pub outho_sop: Signal<Out, Bit>,
    gear: LlPack<12, 2, 1>,
    core: LiftFwd2<N1, N2, N3, N4>,
    shift1: Constant<Bits<2>>,
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize> Default for LiftFwd1<N1, N2, N3, N4> {
    fn default() -> Self {
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_sample: Default::default(),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            cfg_pairs: Default::default(),
            cfg_rows: Default::default(),
            cfg_depth: Default::default(),
            cfg_wavelet: Default::default(),
            cfg_wavelet_ho: Default::default(),
            err_line: Default::default(),
            err_pic: Default::default(),
            err_wavelet: Default::default(),
            out1_valid: Default::default(),
            out1_ready: Default::default(),
            out1_a: Default::default(),
            out1_b: Default::default(),
            out1_first: Default::default(),
            out1_last: Default::default(),
            out1_sop: Default::default(),
            out1_vhigh: Default::default(),
            out2_valid: Default::default(),
            out2_ready: Default::default(),
            out2_a: Default::default(),
            out2_b: Default::default(),
            out2_first: Default::default(),
            out2_last: Default::default(),
            out2_sop: Default::default(),
            out2_vhigh: Default::default(),
            out3_valid: Default::default(),
            out3_ready: Default::default(),
            out3_a: Default::default(),
            out3_b: Default::default(),
            out3_first: Default::default(),
            out3_last: Default::default(),
            out3_sop: Default::default(),
            out3_vhigh: Default::default(),
            out4_valid: Default::default(),
            out4_ready: Default::default(),
            out4_a: Default::default(),
            out4_b: Default::default(),
            out4_first: Default::default(),
            out4_last: Default::default(),
            out4_sop: Default::default(),
            out4_vhigh: Default::default(),
            cfg_depth_ho: Default::default(),
            outho_valid: Default::default(),
            outho_ready: Default::default(),
            outho_low: Default::default(),
            outho_high: Default::default(),
            outho_first: Default::default(),
            outho_last: Default::default(),
            outho_sop: Default::default(),
            gear: Default::default(),
            core: Default::default(),
            shift1: Constant::new(1u64.to_bits()),
        }
    }
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize> Logic for LiftFwd1<N1, N2, N3, N4> {
    #[hdl_gen]
    fn update(&mut self) {
        clock!(self, clock, gear, core);
        // The gearbox: one sample per beat in, one pair per beat out.
        self.gear.cfg_shift.next = self.shift1.val();
        self.gear.in_valid.next = self.in_valid.val();
        self.in_ready.next = self.gear.in_ready.val();
        self.gear.in_c[0].next = self.in_sample.val();
        self.gear.in_c[1].next = 0.into();
        self.gear.in_first.next = self.in_first.val();
        self.gear.in_last.next = self.in_last.val();
        self.gear.in_sop.next = self.in_sop.val();
        self.core.in_valid.next = self.gear.out_valid.val();
        self.gear.out_ready.next = self.core.in_ready.val();
        self.core.in_even[0].next = self.gear.out_even[0].val();
        self.core.in_odd[0].next = self.gear.out_odd[0].val();
        self.core.in_first.next = self.gear.out_first.val();
        self.core.in_last.next = self.gear.out_last.val();
        self.core.in_sop.next = self.gear.out_sop.val();
        // Everything else is the transform's.
        self.core.cfg_pairs.next = self.cfg_pairs.val();
        self.core.cfg_rows.next = self.cfg_rows.val();
        self.core.cfg_depth.next = self.cfg_depth.val();
        self.core.cfg_wavelet.next = self.cfg_wavelet.val();
        self.core.cfg_wavelet_ho.next = self.cfg_wavelet_ho.val();
        self.err_line.next = self.core.err_line.val();
        self.err_pic.next = self.core.err_pic.val();
        self.err_wavelet.next = self.core.err_wavelet.val();
        self.out1_valid.next = self.core.out1_valid.val();
        self.core.out1_ready.next = self.out1_ready.val();
        self.out1_a.next = self.core.out1_a[0].val();
        self.out1_b.next = self.core.out1_b[0].val();
        self.out1_first.next = self.core.out1_first.val();
        self.out1_last.next = self.core.out1_last.val();
        self.out1_sop.next = self.core.out1_sop.val();
        self.out1_vhigh.next = self.core.out1_vhigh.val();
        self.out2_valid.next = self.core.out2_valid.val();
        self.core.out2_ready.next = self.out2_ready.val();
        self.out2_a.next = self.core.out2_a[0].val();
        self.out2_b.next = self.core.out2_b[0].val();
        self.out2_first.next = self.core.out2_first.val();
        self.out2_last.next = self.core.out2_last.val();
        self.out2_sop.next = self.core.out2_sop.val();
        self.out2_vhigh.next = self.core.out2_vhigh.val();
        self.out3_valid.next = self.core.out3_valid.val();
        self.core.out3_ready.next = self.out3_ready.val();
        self.out3_a.next = self.core.out3_a[0].val();
        self.out3_b.next = self.core.out3_b[0].val();
        self.out3_first.next = self.core.out3_first.val();
        self.out3_last.next = self.core.out3_last.val();
        self.out3_sop.next = self.core.out3_sop.val();
        self.out3_vhigh.next = self.core.out3_vhigh.val();
        self.out4_valid.next = self.core.out4_valid.val();
        self.core.out4_ready.next = self.out4_ready.val();
        self.out4_a.next = self.core.out4_a[0].val();
        self.out4_b.next = self.core.out4_b[0].val();
        self.out4_first.next = self.core.out4_first.val();
        self.out4_last.next = self.core.out4_last.val();
        self.out4_sop.next = self.core.out4_sop.val();
        self.out4_vhigh.next = self.core.out4_vhigh.val();
        self.core.cfg_depth_ho.next = self.cfg_depth_ho.val();
        self.outho_valid.next = self.core.outho_valid.val();
        self.core.outho_ready.next = self.outho_ready.val();
        self.outho_low.next = self.core.outho_low[0].val();
        self.outho_high.next = self.core.outho_high[0].val();
        self.outho_first.next = self.core.outho_first.val();
        self.outho_last.next = self.core.outho_last.val();
        self.outho_sop.next = self.core.outho_sop.val();
    }
}
