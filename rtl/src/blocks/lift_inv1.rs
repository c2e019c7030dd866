//! The every-wavelet inverse 2-D wavelet transform at **one sample per clock**: the
//! two-samples-per-clock [`super::lift_inv`] with a [`super::pair_split`] gearbox after it
//! (each sample pair leaves as two samples), which then runs at half its rate. The
//! function, band streams, run-time registers, widths, picture numbers and protocol errors
//! are `lift_inv`'s; only the picture stream differs (as [`super::legall_inv1`] is to
//! [`super::legall_inv`]).
//!
//! **Picture stream.** One sample per beat, row-major, `out_first` on a row's first sample,
//! `out_last` on its last, `out_sop` (with `out_tag`, the picture's number) on a picture's
//! first.
//! **Throughput.** One sample per clock: a picture costs about `W · H` clocks in a
//! back-to-back stream (measured: `rtl/datasheets/lift_inv.md`). **Latency.**
//! `lift_inv`'s in lines; plus one clock in the gearbox.
//! **Reset:** none needed.
//!
//! **Build-time parameters:** `N1` … `N4` as `lift_inv`'s (line-buffer address bits:
//! rows up to `2^Nk` pairs at level k).

use super::lift_inv::{LiftInv2, BAND_BITS, OUT_BITS};
use super::pair_split::PairSplit;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftInv1<const N1: usize, const N2: usize, const N3: usize, const N4: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Level 1 band stream: a beat is offered.
    pub in1_valid: Signal<In, Bit>,
    /// Level 1: the block takes it at this edge.
    pub in1_ready: Signal<Out, Bit>,
    /// Level 1: lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 23-bit two's complement.
    pub in1_a: Signal<In, Bits<BAND_BITS>>,
    /// Level 1: lane b (HL in L rows, HH in H rows).
    pub in1_b: Signal<In, Bits<BAND_BITS>>,
    /// Level 1: first beat of a row.
    pub in1_first: Signal<In, Bit>,
    /// Level 1: last beat of a row.
    pub in1_last: Signal<In, Bit>,
    /// Level 1: first beat of a picture (with `in1_first`).
    pub in1_sop: Signal<In, Bit>,
    /// Level 1: the picture's number (read with `in1_sop`; module docs), 4 bits.
    pub in1_tag: Signal<In, Bits<4>>,
    /// Level 2 band stream: a beat is offered.
    pub in2_valid: Signal<In, Bit>,
    /// Level 2: the block takes it at this edge.
    pub in2_ready: Signal<Out, Bit>,
    /// Level 2: lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 23-bit two's complement.
    pub in2_a: Signal<In, Bits<BAND_BITS>>,
    /// Level 2: lane b (HL in L rows, HH in H rows).
    pub in2_b: Signal<In, Bits<BAND_BITS>>,
    /// Level 2: first beat of a row.
    pub in2_first: Signal<In, Bit>,
    /// Level 2: last beat of a row.
    pub in2_last: Signal<In, Bit>,
    /// Level 2: first beat of a picture (with `in2_first`).
    pub in2_sop: Signal<In, Bit>,
    /// Level 2: the picture's number (read with `in2_sop`; module docs), 4 bits.
    pub in2_tag: Signal<In, Bits<4>>,
    /// Level 3 band stream: a beat is offered.
    pub in3_valid: Signal<In, Bit>,
    /// Level 3: the block takes it at this edge.
    pub in3_ready: Signal<Out, Bit>,
    /// Level 3: lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 23-bit two's complement.
    pub in3_a: Signal<In, Bits<BAND_BITS>>,
    /// Level 3: lane b (HL in L rows, HH in H rows).
    pub in3_b: Signal<In, Bits<BAND_BITS>>,
    /// Level 3: first beat of a row.
    pub in3_first: Signal<In, Bit>,
    /// Level 3: last beat of a row.
    pub in3_last: Signal<In, Bit>,
    /// Level 3: first beat of a picture (with `in3_first`).
    pub in3_sop: Signal<In, Bit>,
    /// Level 3: the picture's number (read with `in3_sop`; module docs), 4 bits.
    pub in3_tag: Signal<In, Bits<4>>,
    /// Level 4 band stream: a beat is offered.
    pub in4_valid: Signal<In, Bit>,
    /// Level 4: the block takes it at this edge.
    pub in4_ready: Signal<Out, Bit>,
    /// Level 4: lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 23-bit two's complement.
    pub in4_a: Signal<In, Bits<BAND_BITS>>,
    /// Level 4: lane b (HL in L rows, HH in H rows).
    pub in4_b: Signal<In, Bits<BAND_BITS>>,
    /// Level 4: first beat of a row.
    pub in4_first: Signal<In, Bit>,
    /// Level 4: last beat of a row.
    pub in4_last: Signal<In, Bit>,
    /// Level 4: first beat of a picture (with `in4_first`).
    pub in4_sop: Signal<In, Bit>,
    /// Level 4: the picture's number (read with `in4_sop`; module docs), 4 bits.
    pub in4_tag: Signal<In, Bits<4>>,
    /// Horizontal-only level's stream (`cfg_depth_ho`): a pair is offered.
    pub inho_valid: Signal<In, Bit>,
    /// Horizontal-only level: the block takes it at this edge.
    pub inho_ready: Signal<Out, Bit>,
    /// Horizontal-only level: L (the DC band), 23-bit two's complement.
    pub inho_low: Signal<In, Bits<BAND_BITS>>,
    /// Horizontal-only level: H.
    pub inho_high: Signal<In, Bits<BAND_BITS>>,
    /// Horizontal-only level: first pair of a row.
    pub inho_first: Signal<In, Bit>,
    /// Horizontal-only level: last pair of a row.
    pub inho_last: Signal<In, Bit>,
    /// Horizontal-only level: first pair of a picture (with `inho_first`).
    pub inho_sop: Signal<In, Bit>,
    /// Horizontal-only level: the picture's number (read with `inho_sop`).
    pub inho_tag: Signal<In, Bits<4>>,
    /// Run-time register: pairs per picture row at level 1 (width / 2), 1..=`2^N1`.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: rows per picture (height), ≤ 8190.
    pub cfg_rows: Signal<In, Bits<13>>,
    /// Run-time register: 2-D transform depth, 1..=4 (0 is taken as 1, 5–7 as 4).
    pub cfg_depth: Signal<In, Bits<3>>,
    /// Run-time register: one horizontal-only level (`dwt_depth_ho = 1`) below the deepest 2-D level; its stream is `inho_*`.
    pub cfg_depth_ho: Signal<In, Bit>,
    /// Run-time register: the VC-2 `wavelet_index` — the **vertical** passes' filter — 0..=6.
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Run-time register: the VC-2 `wavelet_index_ho` — every **horizontal** pass's filter (ST 2042-1 15.4.3 `vh_synthesis`, 15.4.2 `h_synthesis`) and the source of `filter_bit_shift`; 0..=6.
    pub cfg_wavelet_ho: Signal<In, Bits<3>>,
    /// Protocol error: a broken line (any horizontal block).
    pub err_line: Signal<Out, Bit>,
    /// Protocol error: a broken picture (any vertical block or join).
    pub err_pic: Signal<Out, Bit>,
    /// Configuration error: `cfg_wavelet` or `cfg_wavelet_ho` names a wavelet outside the build's set (a register; every wavelet is built here).
    pub err_wavelet: Signal<Out, Bit>,
    /// Range error: a lifting result did not fit its 25 bits (a corrupt stream; `lift_inv`'s docs).
    pub err_range: Signal<Out, Bit>,
    /// Picture stream: a sample is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Picture stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Picture stream: the sample, 25-bit two's complement (not clipped).
    pub out_sample: Signal<Out, Bits<OUT_BITS>>,
    /// Picture stream: first sample of a row.
    pub out_first: Signal<Out, Bit>,
    /// Picture stream: last sample of a row.
    pub out_last: Signal<Out, Bit>,
    /// Picture stream: first sample of a picture.
    pub out_sop: Signal<Out, Bit>,
    /// Picture stream: the picture's number (with `out_sop`): level 1's `in1_tag`.
    pub out_tag: Signal<Out, Bits<4>>,
    core: LiftInv2<N1, N2, N3, N4>,
    split: PairSplit<OUT_BITS>,
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize> Default for LiftInv1<N1, N2, N3, N4> {
    fn default() -> Self {
        Self {
            clock: Default::default(),
            in1_valid: Default::default(),
            in1_ready: Default::default(),
            in1_a: Default::default(),
            in1_b: Default::default(),
            in1_first: Default::default(),
            in1_last: Default::default(),
            in1_sop: Default::default(),
            in1_tag: Default::default(),
            in2_valid: Default::default(),
            in2_ready: Default::default(),
            in2_a: Default::default(),
            in2_b: Default::default(),
            in2_first: Default::default(),
            in2_last: Default::default(),
            in2_sop: Default::default(),
            in2_tag: Default::default(),
            in3_valid: Default::default(),
            in3_ready: Default::default(),
            in3_a: Default::default(),
            in3_b: Default::default(),
            in3_first: Default::default(),
            in3_last: Default::default(),
            in3_sop: Default::default(),
            in3_tag: Default::default(),
            in4_valid: Default::default(),
            in4_ready: Default::default(),
            in4_a: Default::default(),
            in4_b: Default::default(),
            in4_first: Default::default(),
            in4_last: Default::default(),
            in4_sop: Default::default(),
            in4_tag: Default::default(),
            inho_valid: Default::default(),
            inho_ready: Default::default(),
            inho_low: Default::default(),
            inho_high: Default::default(),
            inho_first: Default::default(),
            inho_last: Default::default(),
            inho_sop: Default::default(),
            inho_tag: Default::default(),
            cfg_pairs: Default::default(),
            cfg_rows: Default::default(),
            cfg_depth: Default::default(),
            cfg_depth_ho: Default::default(),
            cfg_wavelet: Default::default(),
            cfg_wavelet_ho: Default::default(),
            err_line: Default::default(),
            err_pic: Default::default(),
            err_wavelet: Default::default(),
            err_range: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_sample: Default::default(),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            out_tag: Default::default(),
            core: Default::default(),
            split: Default::default(),
        }
    }
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize> Logic for LiftInv1<N1, N2, N3, N4> {
    #[hdl_gen]
    fn update(&mut self) {
        clock!(self, clock, core, split);
        // The band streams and registers are the transform's.
        self.core.in1_valid.next = self.in1_valid.val();
        self.in1_ready.next = self.core.in1_ready.val();
        self.core.in1_a[0].next = self.in1_a.val();
        self.core.in1_b[0].next = self.in1_b.val();
        self.core.in1_first.next = self.in1_first.val();
        self.core.in1_last.next = self.in1_last.val();
        self.core.in1_sop.next = self.in1_sop.val();
        self.core.in1_tag.next = self.in1_tag.val();
        self.core.in2_valid.next = self.in2_valid.val();
        self.in2_ready.next = self.core.in2_ready.val();
        self.core.in2_a[0].next = self.in2_a.val();
        self.core.in2_b[0].next = self.in2_b.val();
        self.core.in2_first.next = self.in2_first.val();
        self.core.in2_last.next = self.in2_last.val();
        self.core.in2_sop.next = self.in2_sop.val();
        self.core.in2_tag.next = self.in2_tag.val();
        self.core.in3_valid.next = self.in3_valid.val();
        self.in3_ready.next = self.core.in3_ready.val();
        self.core.in3_a[0].next = self.in3_a.val();
        self.core.in3_b[0].next = self.in3_b.val();
        self.core.in3_first.next = self.in3_first.val();
        self.core.in3_last.next = self.in3_last.val();
        self.core.in3_sop.next = self.in3_sop.val();
        self.core.in3_tag.next = self.in3_tag.val();
        self.core.in4_valid.next = self.in4_valid.val();
        self.in4_ready.next = self.core.in4_ready.val();
        self.core.in4_a[0].next = self.in4_a.val();
        self.core.in4_b[0].next = self.in4_b.val();
        self.core.in4_first.next = self.in4_first.val();
        self.core.in4_last.next = self.in4_last.val();
        self.core.in4_sop.next = self.in4_sop.val();
        self.core.in4_tag.next = self.in4_tag.val();
        self.core.inho_valid.next = self.inho_valid.val();
        self.inho_ready.next = self.core.inho_ready.val();
        self.core.inho_low[0].next = self.inho_low.val();
        self.core.inho_high[0].next = self.inho_high.val();
        self.core.inho_first.next = self.inho_first.val();
        self.core.inho_last.next = self.inho_last.val();
        self.core.inho_sop.next = self.inho_sop.val();
        self.core.inho_tag.next = self.inho_tag.val();
        self.core.cfg_pairs.next = self.cfg_pairs.val();
        self.core.cfg_rows.next = self.cfg_rows.val();
        self.core.cfg_depth.next = self.cfg_depth.val();
        self.core.cfg_depth_ho.next = self.cfg_depth_ho.val();
        self.core.cfg_wavelet.next = self.cfg_wavelet.val();
        self.core.cfg_wavelet_ho.next = self.cfg_wavelet_ho.val();
        self.err_line.next = self.core.err_line.val();
        self.err_pic.next = self.core.err_pic.val();
        self.err_wavelet.next = self.core.err_wavelet.val();
        self.err_range.next = self.core.err_range.val();
        // The gearbox: one pair per beat in, one sample per beat out.
        self.split.in_valid.next = self.core.out_valid.val();
        self.core.out_ready.next = self.split.in_ready.val();
        self.split.in_even.next = self.core.out_even[0].val();
        self.split.in_odd.next = self.core.out_odd[0].val();
        self.split.in_first.next = self.core.out_first.val();
        self.split.in_last.next = self.core.out_last.val();
        self.split.in_sop.next = self.core.out_sop.val();
        self.split.in_tag.next = self.core.out_tag.val();
        self.out_valid.next = self.split.out_valid.val();
        self.split.out_ready.next = self.out_ready.val();
        self.out_sample.next = self.split.out_sample.val();
        self.out_first.next = self.split.out_first.val();
        self.out_last.next = self.split.out_last.val();
        self.out_sop.next = self.split.out_sop.val();
        self.out_tag.next = self.split.out_tag.val();
    }
}
