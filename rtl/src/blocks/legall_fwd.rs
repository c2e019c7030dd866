//! LeGall (5,3) and Haar forward 2-D wavelet transform, wavelet and depth 1–3 chosen at run
//! time, two samples per clock: the VC-2 encoder's `dwt` (ST 2042-1 15.4.1, run in reverse)
//! for `wavelet_index` 1 (LeGall), 3 (Haar without shift) or 4 (Haar with single shift),
//! `dwt_depth_ho = 0`, line-based with line buffers only. Haar is the LeGall lifting with
//! the centre sample as both neighbours (`H = o − e`, `L = e + ⌊(H + 1) / 2⌋`), so the three
//! wavelets share one datapath, schedule and latency.
//!
//! **Structure.** Level k (k = 1 is the finest) is [`super::legall_h`] → [`super::legall_v`];
//! when `cfg_depth > k` its L rows' LL lane also leaves on its separate LL stream, through an
//! [`super::ll_pack`], into level k+1. Every level's output stream leaves the block (`outK_*`): in L rows
//! (`outK_vhigh` low) `a` = LL (the DC band at level `cfg_depth`, else the next level's
//! input) and `b` = HL; in H rows `a` = LH, `b` = HH; beat `c` of output row `m` holds column
//! `c` of band row `m`. A consumer takes each level's stream (a real encoder writes them into
//! its slice buffer); a level whose consumer stalls stalls the whole transform.
//! With `cfg_depth_ho` set, the deepest 2-D level's LL rows also go (through an
//! [`super::ll_pack`]) into one more [`super::legall_h`], the horizontal-only level
//! (`dwt_depth_ho = 1`), whose (L, H) pairs leave on `outho_*`: L is then the DC band and H
//! the band after it, as `dwt` orders them. Its lanes are 26 bits (the 23-bit level-3 LL
//! plus the horizontal pass's three).
//!
//! **Throughput.** Level 1 takes one sample pair per clock; deeper levels run at a quarter
//! of the rate of the level above. A picture costs `W/2 · (H + 2)` clocks (level 1's two
//! flush rows); the deeper levels' flush rows overlap the next picture.
//! **Latency** to the first output of level k: `2^k − 1` input rows plus about 12 clocks
//! per level.
//!
//! **Widths.** Samples up to 12 bits. Datapaths are sized from the worst case, computed by
//! the lifting bound `uhdpipe_model::wavelet` uses for `analysis_fits` (each stage adds
//! `Σ|taps| · input / 2^shift + 1`): for 12-bit input the horizontal pass of level 1
//! peaks at 16 bits and its vertical pass at 17 (16-bit outputs); level 2 at 19 / 20; level
//! 3 at 22 / 23. So level k's output lanes are 17, 20 and 23 bits wide.
//!
//! **Run-time registers:** `cfg_pairs` (level-1 pairs per row: width / 2; the width must be
//! a multiple of `2^cfg_depth`), `cfg_rows` (height, a multiple of `2^cfg_depth`),
//! `cfg_depth` (1..=3; 0 is taken as 1), `cfg_wavelet` (the VC-2 wavelet index: 1, 3 or 4;
//! any other value is taken as 1) for the vertical passes and `cfg_wavelet_ho` (the same
//! choice, `wavelet_index_ho`) for every horizontal pass, as the standard assigns them.
//! Change them only between pictures.
//! Haar's lifting bound is LeGall's (`|H| ≤ 2·max`, `|L| ≤ 2·max + 1` per pass), so the
//! widths below hold for all three.
//! **Build-time parameters:** `N1`, `N2`, `N3`: line-buffer address bits of each level
//! (level k holds rows of up to `2^Nk` pairs, so the maximum width is `2^(N1+1)` with
//! `N2 = N1 − 1`, `N3 = N1 − 2`).
//!
//! **Protocol errors.** `err_line` (a level's horizontal block saw a broken line) and
//! `err_pic` (a vertical block saw a broken picture) pulse for one clock; each block drops
//! input until the next start of picture, which comes out exact.
//! **Reset:** none needed (every register starts idle).

use super::legall_h::LegallH;
use super::legall_v::LegallV;
use super::ll_pack::LlPack;
use super::stream_queue::StreamQueue;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallFwd<const N1: usize, const N2: usize, const N3: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Input stream: a sample pair is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes it at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: even sample, 12-bit two's complement (samples offset to signed).
    pub in_even: Signal<In, Bits<12>>,
    /// Input stream: odd sample.
    pub in_odd: Signal<In, Bits<12>>,
    /// Input stream: first pair of a line.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last pair of a line.
    pub in_last: Signal<In, Bit>,
    /// Input stream: first pair of a picture (with `in_first`).
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: pairs per line at level 1 (width / 2), 1..=`2^N1`.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: rows per picture (height), even, ≤ 8190.
    pub cfg_rows: Signal<In, Bits<13>>,
    /// Run-time register: transform depth, 1..=3.
    pub cfg_depth: Signal<In, Bits<2>>,
    /// Run-time register: the VC-2 `wavelet_index` — the **vertical** passes' filter — 1
    /// (LeGall 5/3), 3 (Haar, no shift) or 4 (Haar, single shift); other values are taken as 1.
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Run-time register: the VC-2 `wavelet_index_ho` — the filter of every **horizontal**
    /// pass, the 2-D levels' and the horizontal-only level's (ST 2042-1 15.4.3: `vh_synthesis`
    /// filters rows with `wavelet_index_ho`, columns with `wavelet_index`), and the source of
    /// `filter_bit_shift`; 1, 3 or 4 as `cfg_wavelet`. Equal to `cfg_wavelet` for a symmetric
    /// transform.
    pub cfg_wavelet_ho: Signal<In, Bits<3>>,
    /// Protocol error: a broken line (any level's horizontal block).
    pub err_line: Signal<Out, Bit>,
    /// Protocol error: a broken picture (any level's vertical block).
    pub err_pic: Signal<Out, Bit>,
    /// Level 1 output stream: a beat is offered.
    pub out1_valid: Signal<Out, Bit>,
    /// Level 1 output stream: the consumer takes it.
    pub out1_ready: Signal<In, Bit>,
    /// Level 1: lane a (LL or LH), 17-bit two's complement.
    pub out1_a: Signal<Out, Bits<17>>,
    /// Level 1: lane b (HL or HH).
    pub out1_b: Signal<Out, Bits<17>>,
    /// Level 1: first beat of a row.
    pub out1_first: Signal<Out, Bit>,
    /// Level 1: last beat of a row.
    pub out1_last: Signal<Out, Bit>,
    /// Level 1: first beat of a picture.
    pub out1_sop: Signal<Out, Bit>,
    /// Level 1: an H row (LH, HH); low for L rows (LL, HL).
    pub out1_vhigh: Signal<Out, Bit>,
    /// Level 2 output stream (as level 1; 20-bit lanes).
    pub out2_valid: Signal<Out, Bit>,
    /// Level 2: the consumer takes it.
    pub out2_ready: Signal<In, Bit>,
    /// Level 2: lane a.
    pub out2_a: Signal<Out, Bits<20>>,
    /// Level 2: lane b.
    pub out2_b: Signal<Out, Bits<20>>,
    /// Level 2: first beat of a row.
    pub out2_first: Signal<Out, Bit>,
    /// Level 2: last beat of a row.
    pub out2_last: Signal<Out, Bit>,
    /// Level 2: first beat of a picture.
    pub out2_sop: Signal<Out, Bit>,
    /// Level 2: an H row.
    pub out2_vhigh: Signal<Out, Bit>,
    /// Level 3 output stream (as level 1; 23-bit lanes).
    pub out3_valid: Signal<Out, Bit>,
    /// Level 3: the consumer takes it.
    pub out3_ready: Signal<In, Bit>,
    /// Level 3: lane a.
    pub out3_a: Signal<Out, Bits<23>>,
    /// Level 3: lane b.
    pub out3_b: Signal<Out, Bits<23>>,
    /// Level 3: first beat of a row.
    pub out3_first: Signal<Out, Bit>,
    /// Level 3: last beat of a row.
    pub out3_last: Signal<Out, Bit>,
    /// Level 3: first beat of a picture.
    pub out3_sop: Signal<Out, Bit>,
    /// Level 3: an H row.
    pub out3_vhigh: Signal<Out, Bit>,
    /// Run-time register: one horizontal-only level (`dwt_depth_ho = 1`) after the
    /// `cfg_depth` 2-D levels: the DC band's rows go through a further horizontal analysis
    /// whose (L, H) pairs leave on `outho_*` (L is then the DC band). The width must be a
    /// multiple of `2^(cfg_depth + 1)`.
    pub cfg_depth_ho: Signal<In, Bit>,
    /// Horizontal-only level: a pair is offered.
    pub outho_valid: Signal<Out, Bit>,
    /// Horizontal-only level: the consumer takes it.
    pub outho_ready: Signal<In, Bit>,
    /// Horizontal-only level: L (the DC band), 26-bit two's complement.
    pub outho_low: Signal<Out, Bits<26>>,
    /// Horizontal-only level: H, 26-bit two's complement.
    pub outho_high: Signal<Out, Bits<26>>,
    /// Horizontal-only level: first pair of a row.
    pub outho_first: Signal<Out, Bit>,
    /// Horizontal-only level: last pair of a row.
    pub outho_last: Signal<Out, Bit>,
    /// Horizontal-only level: first pair of a picture.
    pub outho_sop: Signal<Out, Bit>,
    h1: LegallH<12, 16, 0, 1>,
    v1: LegallV<16, 17, N1, 0, 1>,
    p1: LlPack<17>,
    h2: LegallH<17, 20, 0, 1>,
    v2: LegallV<20, 20, N2, 0, 1>,
    p2: LlPack<20>,
    h3: LegallH<20, 23, 0, 1>,
    v3: LegallV<23, 23, N3, 0, 1>,
    // run-time registers of the deeper levels, registered
    pairs2: DFF<Bits<13>>,
    pairs3: DFF<Bits<13>>,
    rows2: DFF<Bits<13>>,
    rows3: DFF<Bits<13>>,
    deep2: DFF<Bit>,
    deep3: DFF<Bit>,
    haar: DFF<Bit>,
    haar_ho: DFF<Bit>,
    noshift: DFF<Bit>,
    err_l: DFF<Bit>,
    err_p: DFF<Bit>,
    hq: StreamQueue<23, 3>,
    pho: LlPack<23>,
    hho: LegallH<23, 26, 0, 1>,
    ll_c: Signal<Local, Bits<23>>,
    // The vertical blocks' framing state and picture numbers have no consumer in the forward transform (the
    // inverse's joins use it); Verilator's lint ignores signals whose name contains "unused".
    idle_unused: Signal<Local, Bit>,
    hs_first: Signal<Local, Bit>,
    hs_last: Signal<Local, Bit>,
    hs_sop: Signal<Local, Bit>,
    hs_side: Signal<Local, Bits<3>>,
    side0: Constant<Bits<3>>,
    side_first: Constant<Bits<3>>,
    side_last: Constant<Bits<3>>,
    side_sop: Constant<Bits<3>>,
    ext17: Constant<Bits<23>>,
    ext20: Constant<Bits<23>>,
    sign17: Constant<Bits<17>>,
    sign20: Constant<Bits<20>>,
    ho1: DFF<Bit>,
    ho2: DFF<Bit>,
    ho3: DFF<Bit>,
    pairs4: DFF<Bits<13>>,
    pairs_ho: DFF<Bits<13>>,
    single2: DFF<Bit>,
    single3: DFF<Bit>,
    single_ho: DFF<Bit>,
    one13: Constant<Bits<13>>,
    two: Constant<Bits<2>>,
    three: Constant<Bits<2>>,
    w_haar0: Constant<Bits<3>>,
    w_haar1: Constant<Bits<3>>,
}

impl<const N1: usize, const N2: usize, const N3: usize> Default for LegallFwd<N1, N2, N3> {
    fn default() -> Self {
        assert!(N2 + 1 == N1 && N3 + 2 == N1);
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_even: Default::default(),
            in_odd: Default::default(),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            cfg_pairs: Default::default(),
            cfg_rows: Default::default(),
            cfg_depth: Default::default(),
            cfg_wavelet: Default::default(),
            cfg_wavelet_ho: Default::default(),
            cfg_depth_ho: Default::default(),
            outho_valid: Default::default(),
            outho_ready: Default::default(),
            outho_low: Default::default(),
            outho_high: Default::default(),
            outho_first: Default::default(),
            outho_last: Default::default(),
            outho_sop: Default::default(),
            err_line: Default::default(),
            err_pic: Default::default(),
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
            h1: Default::default(),
            v1: Default::default(),
            p1: Default::default(),
            h2: Default::default(),
            v2: Default::default(),
            p2: Default::default(),
            h3: Default::default(),
            v3: Default::default(),
            pairs2: Default::default(),
            pairs3: Default::default(),
            rows2: Default::default(),
            rows3: Default::default(),
            deep2: Default::default(),
            deep3: Default::default(),
            haar: Default::default(),
            haar_ho: Default::default(),
            noshift: Default::default(),
            err_l: Default::default(),
            err_p: Default::default(),
            hq: Default::default(),
            pho: Default::default(),
            hho: Default::default(),
            ll_c: Default::default(),
            idle_unused: Default::default(),
            hs_first: Default::default(),
            hs_last: Default::default(),
            hs_sop: Default::default(),
            hs_side: Default::default(),
            side0: Constant::new(0u64.to_bits()),
            side_first: Constant::new(1u64.to_bits()),
            side_last: Constant::new(2u64.to_bits()),
            side_sop: Constant::new(4u64.to_bits()),
            ext17: Constant::new((((1u64 << 23) - 1) & !((1u64 << 17) - 1)).to_bits()),
            ext20: Constant::new((((1u64 << 23) - 1) & !((1u64 << 20) - 1)).to_bits()),
            sign17: Constant::new((1u64 << 16).to_bits()),
            sign20: Constant::new((1u64 << 19).to_bits()),
            ho1: Default::default(),
            ho2: Default::default(),
            ho3: Default::default(),
            pairs4: Default::default(),
            pairs_ho: Default::default(),
            single2: Default::default(),
            single3: Default::default(),
            single_ho: Default::default(),
            one13: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            three: Constant::new(3u64.to_bits()),
            w_haar0: Constant::new(3u64.to_bits()),
            w_haar1: Constant::new(4u64.to_bits()),
        }
    }
}

impl<const N1: usize, const N2: usize, const N3: usize> Logic for LegallFwd<N1, N2, N3> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, pairs2, pairs3, rows2, rows3, deep2, deep3, haar, haar_ho, noshift, err_l, err_p, ho1, ho2, ho3, pairs4, pairs_ho, single2, single3, single_ho);
        clock!(self, clock, h1, v1, p1, h2, v2, p2, h3, v3, hq, pho, hho);
        // The horizontal-only level follows the deepest 2-D level (depth 0 is taken as 1).
        self.ho1.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() < self.two.val());
        self.ho2.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.two.val());
        self.ho3.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.three.val());
        self.pairs4.d.next = self.cfg_pairs.val() >> 3;
        // "One pair per line" of each level, registered (level 1 decodes its input port
        // directly: a picture may start on the clock its size is set).
        self.single2.d.next = self.pairs2.q.val() == self.one13.val();
        self.single3.d.next = self.pairs3.q.val() == self.one13.val();
        self.single_ho.d.next = self.pairs_ho.q.val() == self.one13.val();
        self.h1.cfg_single.next = self.cfg_pairs.val() == self.one13.val();
        self.h2.cfg_single.next = self.single2.q.val();
        self.h3.cfg_single.next = self.single3.q.val();
        self.hho.cfg_single.next = self.single_ho.q.val();
        self.pairs_ho.d.next = self.pairs4.q.val();
        if self.ho1.q.val() {
            self.pairs_ho.d.next = self.pairs2.q.val();
        }
        if self.ho2.q.val() {
            self.pairs_ho.d.next = self.pairs3.q.val();
        }
        self.pairs2.d.next = self.cfg_pairs.val() >> 1;
        self.pairs3.d.next = self.cfg_pairs.val() >> 2;
        self.rows2.d.next = self.cfg_rows.val() >> 1;
        self.rows3.d.next = self.cfg_rows.val() >> 2;
        self.deep2.d.next = self.cfg_depth.val() >= self.two.val();
        self.deep3.d.next = self.cfg_depth.val() == self.three.val();
        self.haar.d.next = (self.cfg_wavelet.val() == self.w_haar0.val()) | (self.cfg_wavelet.val() == self.w_haar1.val());
        self.haar_ho.d.next = (self.cfg_wavelet_ho.val() == self.w_haar0.val()) | (self.cfg_wavelet_ho.val() == self.w_haar1.val());
        self.noshift.d.next = self.cfg_wavelet_ho.val() == self.w_haar0.val();
        self.h1.cfg_haar.next = self.haar_ho.q.val();
        self.h2.cfg_haar.next = self.haar_ho.q.val();
        self.h3.cfg_haar.next = self.haar_ho.q.val();
        // Level 1's input stage uses the shift on the very clock a picture's first pair
        // arrives, so it takes the decode itself (one LUT), not its register: a wavelet set
        // together with the first picture after power-on applies to that picture.
        self.h1.cfg_noshift.next = self.cfg_wavelet_ho.val() == self.w_haar0.val();
        self.h2.cfg_noshift.next = self.noshift.q.val();
        self.h3.cfg_noshift.next = self.noshift.q.val();
        self.v1.cfg_haar.next = self.haar.q.val();
        self.v2.cfg_haar.next = self.haar.q.val();
        self.v3.cfg_haar.next = self.haar.q.val();
        // Level 1.
        self.h1.in_valid.next = self.in_valid.val();
        self.in_ready.next = self.h1.in_ready.val();
        self.h1.in_even[0].next = self.in_even.val();
        self.h1.in_odd[0].next = self.in_odd.val();
        self.h1.in_first.next = self.in_first.val();
        self.h1.in_last.next = self.in_last.val();
        self.h1.in_sop.next = self.in_sop.val();
        self.h1.cfg_beats.next = self.cfg_pairs.val();
        self.v1.in_valid.next = self.h1.out_valid.val();
        self.h1.out_ready.next = self.v1.in_ready.val();
        self.v1.in_a[0].next = self.h1.out_low[0].val();
        self.v1.in_b[0].next = self.h1.out_high[0].val();
        self.v1.in_first.next = self.h1.out_first.val();
        self.v1.in_last.next = self.h1.out_last.val();
        self.v1.in_sop.next = self.h1.out_sop.val();
        self.v1.in_tag.next = 0.into();
        self.v1.cfg_pairs.next = self.cfg_pairs.val();
        self.v1.cfg_rows.next = self.cfg_rows.val();
        self.v1.cfg_ll.next = self.deep2.q.val() | self.ho1.q.val();
        self.out1_valid.next = self.v1.out_valid.val();
        self.v1.out_ready.next = self.out1_ready.val();
        self.out1_a.next = self.v1.out_a[0].val();
        self.out1_b.next = self.v1.out_b[0].val();
        self.out1_first.next = self.v1.out_first.val();
        self.out1_last.next = self.v1.out_last.val();
        self.out1_sop.next = self.v1.out_sop.val();
        self.out1_vhigh.next = self.v1.out_vhigh.val();
        self.p1.in_valid.next = self.v1.ll_valid.val() & !self.ho1.q.val();
        self.v1.ll_ready.next = self.p1.in_ready.val();
        if self.ho1.q.val() {
            self.v1.ll_ready.next = self.hq.free.val();
        }
        self.p1.in_c.next = self.v1.ll_c[0].val();
        self.p1.in_first.next = self.v1.ll_first.val();
        self.p1.in_last.next = self.v1.ll_last.val();
        self.p1.in_sop.next = self.v1.ll_sop.val();
        // Level 2.
        self.h2.in_valid.next = self.p1.out_valid.val();
        self.p1.out_ready.next = self.h2.in_ready.val();
        self.h2.in_even[0].next = self.p1.out_even.val();
        self.h2.in_odd[0].next = self.p1.out_odd.val();
        self.h2.in_first.next = self.p1.out_first.val();
        self.h2.in_last.next = self.p1.out_last.val();
        self.h2.in_sop.next = self.p1.out_sop.val();
        self.h2.cfg_beats.next = self.pairs2.q.val();
        self.v2.in_valid.next = self.h2.out_valid.val();
        self.h2.out_ready.next = self.v2.in_ready.val();
        self.v2.in_a[0].next = self.h2.out_low[0].val();
        self.v2.in_b[0].next = self.h2.out_high[0].val();
        self.v2.in_first.next = self.h2.out_first.val();
        self.v2.in_last.next = self.h2.out_last.val();
        self.v2.in_sop.next = self.h2.out_sop.val();
        self.v2.in_tag.next = 0.into();
        self.v2.cfg_pairs.next = self.pairs2.q.val();
        self.v2.cfg_rows.next = self.rows2.q.val();
        self.v2.cfg_ll.next = self.deep3.q.val() | self.ho2.q.val();
        self.out2_valid.next = self.v2.out_valid.val();
        self.v2.out_ready.next = self.out2_ready.val();
        self.out2_a.next = self.v2.out_a[0].val();
        self.out2_b.next = self.v2.out_b[0].val();
        self.out2_first.next = self.v2.out_first.val();
        self.out2_last.next = self.v2.out_last.val();
        self.out2_sop.next = self.v2.out_sop.val();
        self.out2_vhigh.next = self.v2.out_vhigh.val();
        self.p2.in_valid.next = self.v2.ll_valid.val() & !self.ho2.q.val();
        self.v2.ll_ready.next = self.p2.in_ready.val();
        if self.ho2.q.val() {
            self.v2.ll_ready.next = self.hq.free.val();
        }
        self.p2.in_c.next = self.v2.ll_c[0].val();
        self.p2.in_first.next = self.v2.ll_first.val();
        self.p2.in_last.next = self.v2.ll_last.val();
        self.p2.in_sop.next = self.v2.ll_sop.val();
        // Level 3.
        self.h3.in_valid.next = self.p2.out_valid.val();
        self.p2.out_ready.next = self.h3.in_ready.val();
        self.h3.in_even[0].next = self.p2.out_even.val();
        self.h3.in_odd[0].next = self.p2.out_odd.val();
        self.h3.in_first.next = self.p2.out_first.val();
        self.h3.in_last.next = self.p2.out_last.val();
        self.h3.in_sop.next = self.p2.out_sop.val();
        self.h3.cfg_beats.next = self.pairs3.q.val();
        self.v3.in_valid.next = self.h3.out_valid.val();
        self.h3.out_ready.next = self.v3.in_ready.val();
        self.v3.in_a[0].next = self.h3.out_low[0].val();
        self.v3.in_b[0].next = self.h3.out_high[0].val();
        self.v3.in_first.next = self.h3.out_first.val();
        self.v3.in_last.next = self.h3.out_last.val();
        self.v3.in_sop.next = self.h3.out_sop.val();
        self.v3.in_tag.next = 0.into();
        self.v3.cfg_pairs.next = self.pairs3.q.val();
        self.v3.cfg_rows.next = self.rows3.q.val();
        self.v3.cfg_ll.next = self.ho3.q.val();
        self.v3.ll_ready.next = self.hq.free.val();
        // Horizontal-only level: the deepest 2-D level's LL stream (sign-extended to 23 bits)
        // into a two-entry queue (a register slice: the three-way source select stays out of
        // the pair packer's take logic), packed into pairs, through one more horizontal
        // analysis.
        self.ll_c.next = self.v3.ll_c[0].val();
        self.hq.push.next = self.v3.ll_valid.val() & self.ho3.q.val();
        self.hs_first.next = self.v3.ll_first.val();
        self.hs_last.next = self.v3.ll_last.val();
        self.hs_sop.next = self.v3.ll_sop.val();
        if self.ho2.q.val() {
            self.ll_c.next = bit_cast::<23, 20>(self.v2.ll_c[0].val());
            if (self.v2.ll_c[0].val() & self.sign20.val()).any() {
                self.ll_c.next = bit_cast::<23, 20>(self.v2.ll_c[0].val()) | self.ext20.val();
            }
            self.hq.push.next = self.v2.ll_valid.val();
            self.hs_first.next = self.v2.ll_first.val();
            self.hs_last.next = self.v2.ll_last.val();
            self.hs_sop.next = self.v2.ll_sop.val();
        }
        if self.ho1.q.val() {
            self.ll_c.next = bit_cast::<23, 17>(self.v1.ll_c[0].val());
            if (self.v1.ll_c[0].val() & self.sign17.val()).any() {
                self.ll_c.next = bit_cast::<23, 17>(self.v1.ll_c[0].val()) | self.ext17.val();
            }
            self.hq.push.next = self.v1.ll_valid.val();
            self.hs_first.next = self.v1.ll_first.val();
            self.hs_last.next = self.v1.ll_last.val();
            self.hs_sop.next = self.v1.ll_sop.val();
        }
        self.hq.in_data.next = self.ll_c.val();
        self.hs_side.next = self.side0.val();
        if self.hs_first.val() {
            self.hs_side.next = self.hs_side.val() | self.side_first.val();
        }
        if self.hs_last.val() {
            self.hs_side.next = self.hs_side.val() | self.side_last.val();
        }
        if self.hs_sop.val() {
            self.hs_side.next = self.hs_side.val() | self.side_sop.val();
        }
        self.hq.in_side.next = self.hs_side.val();
        self.pho.in_valid.next = self.hq.out_valid.val();
        self.hq.out_ready.next = self.pho.in_ready.val();
        self.pho.in_c.next = self.hq.out_data.val();
        self.pho.in_first.next = self.hq.out_side.val().get_bit(0);
        self.pho.in_last.next = self.hq.out_side.val().get_bit(1);
        self.pho.in_sop.next = self.hq.out_side.val().get_bit(2);
        self.hho.in_valid.next = self.pho.out_valid.val();
        self.pho.out_ready.next = self.hho.in_ready.val();
        self.hho.in_even[0].next = self.pho.out_even.val();
        self.hho.in_odd[0].next = self.pho.out_odd.val();
        self.hho.in_first.next = self.pho.out_first.val();
        self.hho.in_last.next = self.pho.out_last.val();
        self.hho.in_sop.next = self.pho.out_sop.val();
        self.hho.cfg_beats.next = self.pairs_ho.q.val();
        self.hho.cfg_haar.next = self.haar_ho.q.val();
        self.hho.cfg_noshift.next = self.noshift.q.val();
        self.outho_valid.next = self.hho.out_valid.val();
        self.hho.out_ready.next = self.outho_ready.val();
        self.outho_low.next = self.hho.out_low[0].val();
        self.outho_high.next = self.hho.out_high[0].val();
        self.outho_first.next = self.hho.out_first.val();
        self.outho_last.next = self.hho.out_last.val();
        self.outho_sop.next = self.hho.out_sop.val();
        self.out3_valid.next = self.v3.out_valid.val();
        self.v3.out_ready.next = self.out3_ready.val();
        self.out3_a.next = self.v3.out_a[0].val();
        self.out3_b.next = self.v3.out_b[0].val();
        self.out3_first.next = self.v3.out_first.val();
        self.out3_last.next = self.v3.out_last.val();
        self.out3_sop.next = self.v3.out_sop.val();
        self.out3_vhigh.next = self.v3.out_vhigh.val();
        self.idle_unused.next = self.v1.pic_idle.val() | self.v2.pic_idle.val() | self.v3.pic_idle.val() | self.v1.out_tag.val().any() | self.v2.out_tag.val().any() | self.v3.out_tag.val().any();
        // Errors.
        self.err_l.d.next = self.h1.err_line.val() | self.h2.err_line.val() | self.h3.err_line.val() | self.hho.err_line.val();
        self.err_p.d.next = self.v1.err_pic.val() | self.v2.err_pic.val() | self.v3.err_pic.val();
        self.err_line.next = self.err_l.q.val();
        self.err_pic.next = self.err_p.q.val();
    }
}
