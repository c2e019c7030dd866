//! Forward 2-D wavelet transform for **every VC-2 wavelet** (indices 0–6, chosen at run time
//! for the vertical and the horizontal passes separately), depth 1–4 plus 0–1
//! horizontal-only level, two samples per clock: the VC-2 encoder's `dwt` (ST 2042-1 15.4.1,
//! run in reverse), line-based with line buffers only.
//!
//! **Structure.** [`super::legall_fwd`]'s, with the every-wavelet blocks: level k (k = 1 is
//! the finest) is [`super::lift_h`] → [`super::lift_v`]; when `cfg_depth > k` its even rows'
//! lane a (LL) also leaves on its LL stream, through an [`super::ll_pack`], into level k+1.
//! Every level's output stream leaves the block (`outK_*`): in L rows (`outK_vhigh` low) `a`
//! = LL (the DC band at level `cfg_depth`, else the next level's input) and `b` = HL; in H
//! rows `a` = LH, `b` = HH; beat `c` of output row `m` holds column `c` of band row `m`.
//! With `cfg_depth_ho` set, the deepest 2-D level's LL rows also go (through an
//! [`super::ll_pack`]) into one more [`super::lift_h`], the horizontal-only level, whose
//! (L, H) pairs leave on `outho_*`.
//!
//! **Throughput.** Level 1 takes one sample pair per clock; deeper levels run at a quarter
//! of the rate of the level above. A picture costs `W/2 · (H + F)` clocks, `F` the vertical
//! pass's flush rows ([`super::lift_v::flush_rows`]: 4 for LeGall, 16 for Fidelity); the
//! deeper levels' flushes overlap the next picture. **Latency** to the first output of level
//! 1: `F` input rows plus the horizontal pass's 52 clocks and about 13 clocks per vertical
//! unit; level k adds the levels above it.
//!
//! **Widths.** 12-bit samples. Every datapath is sized from the worst case over all seven
//! wavelets (the model's lifting bound, [`super::lift_h::analysis_bits`],
//! [`super::lift_v::analysis_bits`]): level 1's horizontal pass needs 16 bits, its vertical
//! 19; level 2 23 / 26; level 3 30 / 33; level 4 37 / 40; the horizontal-only level 44
//! ([`STAGES`], checked by a test). So level k's output lanes are 19, 26, 33 and 40 bits
//! wide.
//!
//! **Run-time registers:** `cfg_pairs` (level-1 pairs per row: width / 2; the width must be
//! a multiple of `2^cfg_depth`), `cfg_rows` (height, a multiple of `2^cfg_depth`),
//! `cfg_depth` (1..=4; 0 is taken as 1, 5..=7 as 4), `cfg_depth_ho`, `cfg_wavelet` (`wavelet_index`, the
//! vertical passes) and `cfg_wavelet_ho` (`wavelet_index_ho`, every horizontal pass and
//! `filter_bit_shift`), 0..=6. Change them only between pictures.
//! **Build-time parameters:** `N1`, `N2`, `N3`, `N4`: line-buffer address bits of each level
//! (level k holds rows of up to `2^Nk` pairs).
//!
//! **Protocol errors.** `err_line` (a horizontal block saw a broken line) and `err_pic` (a
//! vertical block saw a broken picture) pulse for one clock; each block drops input until
//! the next start of picture, which comes out exact.
//! **Reset:** none needed (every register starts idle).

use super::lift_h::LiftH;
use super::lift_v::LiftV;
use super::ll_pack::LlPack;
use super::sext::Sext;
use super::stream_queue::StreamQueue;
use rust_hdl::prelude::*;

/// Every lifting stage as built, in data-flow order: (name, input bits `W`, lane bits `V`,
/// accumulator bits `A`). The stages' types below take their widths from here.
pub const STAGES: [(&str, usize, usize, usize); 9] =
    [("h1", 12, 16, 31), ("v1", 16, 19, 31), ("h2", 19, 23, 38), ("v2", 23, 26, 38), ("h3", 26, 30, 45), ("v3", 30, 33, 45), ("h4", 33, 37, 52), ("v4", 37, 40, 52), ("hho", 40, 44, 59)];

/// The horizontal analysis of stage `$i`.
macro_rules! h_stage {
    ($i:literal) => {
        LiftH<{ STAGES[$i].1 }, { STAGES[$i].2 }, { STAGES[$i].3 }, 0, 1, 9, 9>
    };
}

/// The vertical analysis of stage `$i`, rows up to `2^$n` beats, with the line-buffer words
/// of every wavelet ([`super::lift_v::words`]: `(2V, V), (8V, 4V), (8V, 4V), (4V, 2V)`).
macro_rules! v_stage {
    ($i:literal, $n:ident) => {
        LiftV<
            { STAGES[$i].1 },
            { STAGES[$i].2 },
            { STAGES[$i].3 },
            $n,
            0,
            { 2 * STAGES[$i].2 },
            { STAGES[$i].2 },
            { 8 * STAGES[$i].2 },
            { 4 * STAGES[$i].2 },
            { 8 * STAGES[$i].2 },
            { 4 * STAGES[$i].2 },
            { 4 * STAGES[$i].2 },
            { 2 * STAGES[$i].2 },
            1,
        >
    };
}

type H1 = h_stage!(0);
type V1<const N: usize> = v_stage!(1, N);
type H2 = h_stage!(2);
type V2<const N: usize> = v_stage!(3, N);
type H3 = h_stage!(4);
type V3<const N: usize> = v_stage!(5, N);
type H4 = h_stage!(6);
type V4<const N: usize> = v_stage!(7, N);
type Hho = h_stage!(8);

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftFwd<const N1: usize, const N2: usize, const N3: usize, const N4: usize> {
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
    h1: H1,
    v1: V1<N1>,
    p1: LlPack<19, 2, 1>,
    h2: H2,
    v2: V2<N2>,
    p2: LlPack<26, 2, 1>,
    h3: H3,
    v3: V3<N3>,
    p3: LlPack<33, 2, 1>,
    h4: H4,
    v4: V4<N4>,
    // run-time registers of the deeper levels, registered
    pairs2: DFF<Bits<13>>,
    pairs3: DFF<Bits<13>>,
    rows2: DFF<Bits<13>>,
    rows3: DFF<Bits<13>>,
    rows4: DFF<Bits<13>>,
    deep2: DFF<Bit>,
    deep3: DFF<Bit>,
    deep4: DFF<Bit>,
    err_w: DFF<Bit>,
    err_l: DFF<Bit>,
    err_p: DFF<Bit>,
    hq: StreamQueue<40, 3>,
    pho: LlPack<40, 2, 1>,
    // every packer takes one coefficient per beat (cfg_shift 1)
    shift1: Constant<Bits<2>>,
    hho: Hho,
    ll_c: Signal<Local, Bits<40>>,
    // The vertical blocks' framing state and picture numbers have no consumer in the forward transform (the
    // inverse's joins use it); Verilator's lint ignores signals whose name contains "unused".
    idle_unused: Signal<Local, Bit>,
    // Every stage is sized for any input (module docs): no range error can occur.
    range_unused: Signal<Local, Bit>,
    hs_first: Signal<Local, Bit>,
    hs_last: Signal<Local, Bit>,
    hs_sop: Signal<Local, Bit>,
    hs_side: Signal<Local, Bits<3>>,
    side0: Constant<Bits<3>>,
    side_first: Constant<Bits<3>>,
    side_last: Constant<Bits<3>>,
    side_sop: Constant<Bits<3>>,
    // the shallower levels' LL streams, sign-extended to the horizontal-only level's input
    sx1: Sext<19, 40>,
    sx2: Sext<26, 40>,
    sx3: Sext<33, 40>,
    ho1: DFF<Bit>,
    ho2: DFF<Bit>,
    ho3: DFF<Bit>,
    ho4: DFF<Bit>,
    pairs4: DFF<Bits<13>>,
    pairs5: DFF<Bits<13>>,
    pairs_ho: DFF<Bits<13>>,
    single2: DFF<Bit>,
    single3: DFF<Bit>,
    single4: DFF<Bit>,
    single_ho: DFF<Bit>,
    one13: Constant<Bits<13>>,
    two: Constant<Bits<3>>,
    three: Constant<Bits<3>>,
    four: Constant<Bits<3>>,
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize> Default for LiftFwd<N1, N2, N3, N4> {
    fn default() -> Self {
        assert!(N2 + 1 == N1 && N3 + 2 == N1 && N4 + 3 == N1);
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
            out4_valid: Default::default(),
            out4_ready: Default::default(),
            out4_a: Default::default(),
            out4_b: Default::default(),
            out4_first: Default::default(),
            out4_last: Default::default(),
            out4_sop: Default::default(),
            out4_vhigh: Default::default(),
            h1: Default::default(),
            v1: Default::default(),
            p1: Default::default(),
            h2: Default::default(),
            v2: Default::default(),
            p2: Default::default(),
            h3: Default::default(),
            v3: Default::default(),
            p3: Default::default(),
            h4: Default::default(),
            v4: Default::default(),
            pairs2: Default::default(),
            pairs3: Default::default(),
            rows2: Default::default(),
            rows3: Default::default(),
            rows4: Default::default(),
            deep2: Default::default(),
            deep3: Default::default(),
            deep4: Default::default(),
            err_w: Default::default(),
            err_wavelet: Default::default(),
            err_l: Default::default(),
            err_p: Default::default(),
            hq: Default::default(),
            pho: Default::default(),
            hho: Default::default(),
            ll_c: Default::default(),
            idle_unused: Default::default(),
            range_unused: Default::default(),
            hs_first: Default::default(),
            hs_last: Default::default(),
            hs_sop: Default::default(),
            hs_side: Default::default(),
            side0: Constant::new(0u64.to_bits()),
            side_first: Constant::new(1u64.to_bits()),
            side_last: Constant::new(2u64.to_bits()),
            side_sop: Constant::new(4u64.to_bits()),
            sx1: Default::default(),
            sx2: Default::default(),
            sx3: Default::default(),
            ho1: Default::default(),
            ho2: Default::default(),
            ho3: Default::default(),
            ho4: Default::default(),
            pairs4: Default::default(),
            pairs5: Default::default(),
            pairs_ho: Default::default(),
            single2: Default::default(),
            single3: Default::default(),
            single4: Default::default(),
            single_ho: Default::default(),
            one13: Constant::new(1u64.to_bits()),
            shift1: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            three: Constant::new(3u64.to_bits()),
            four: Constant::new(4u64.to_bits()),
        }
    }
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize> Logic for LiftFwd<N1, N2, N3, N4> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, pairs2, pairs3, rows2, rows3, rows4, deep2, deep3, deep4, err_w, err_l, err_p, ho1, ho2, ho3, ho4, pairs4, pairs5, pairs_ho, single2, single3, single4, single_ho);
        clock!(self, clock, h1, v1, p1, h2, v2, p2, h3, v3, p3, h4, v4, hq, pho, hho);
        // The horizontal-only level follows the deepest 2-D level (depth 0 is taken as 1).
        self.ho1.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() < self.two.val());
        self.ho2.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.two.val());
        self.ho3.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.three.val());
        self.ho4.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() >= self.four.val());
        self.pairs4.d.next = self.cfg_pairs.val() >> 3;
        self.pairs5.d.next = self.cfg_pairs.val() >> 4;
        // "One pair per line" of each level, registered (level 1 decodes its input port
        // directly: a picture may start on the clock its size is set).
        self.single2.d.next = self.pairs2.q.val() == self.one13.val();
        self.single3.d.next = self.pairs3.q.val() == self.one13.val();
        self.single4.d.next = self.pairs4.q.val() == self.one13.val();
        self.single_ho.d.next = self.pairs_ho.q.val() == self.one13.val();
        self.h1.cfg_single.next = self.cfg_pairs.val() == self.one13.val();
        self.h2.cfg_single.next = self.single2.q.val();
        self.h3.cfg_single.next = self.single3.q.val();
        self.h4.cfg_single.next = self.single4.q.val();
        self.hho.cfg_single.next = self.single_ho.q.val();
        self.pairs_ho.d.next = self.pairs5.q.val();
        if self.ho3.q.val() {
            self.pairs_ho.d.next = self.pairs4.q.val();
        }
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
        self.rows4.d.next = self.cfg_rows.val() >> 3;
        self.deep2.d.next = self.cfg_depth.val() >= self.two.val();
        self.deep3.d.next = self.cfg_depth.val() >= self.three.val();
        self.deep4.d.next = self.cfg_depth.val() >= self.four.val();
        // Every lifting block decodes the wavelet itself: vertical passes `wavelet_index`,
        // horizontal passes `wavelet_index_ho`.
        self.h1.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h2.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h3.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h4.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.hho.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.v1.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v2.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v3.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v4.cfg_wavelet.next = self.cfg_wavelet.val();
        // Level 1.
        self.h1.in_valid.next = self.in_valid.val();
        self.in_ready.next = self.h1.in_ready.val();
        self.h1.in_even[0].next = self.in_even.val();
        self.h1.in_odd[0].next = self.in_odd.val();
        self.h1.in_first.next = self.in_first.val();
        self.h1.in_last.next = self.in_last.val();
        self.h1.in_sop.next = self.in_sop.val();
        self.h1.cfg_pairs.next = self.cfg_pairs.val();
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
        self.p1.cfg_shift.next = self.shift1.val();
        self.p1.in_c[1].next = 0.into();
        self.p1.in_c[0].next = self.v1.ll_c[0].val();
        self.p1.in_first.next = self.v1.ll_first.val();
        self.p1.in_last.next = self.v1.ll_last.val();
        self.p1.in_sop.next = self.v1.ll_sop.val();
        // Level 2.
        self.h2.in_valid.next = self.p1.out_valid.val();
        self.p1.out_ready.next = self.h2.in_ready.val();
        self.h2.in_even[0].next = self.p1.out_even[0].val();
        self.h2.in_odd[0].next = self.p1.out_odd[0].val();
        self.h2.in_first.next = self.p1.out_first.val();
        self.h2.in_last.next = self.p1.out_last.val();
        self.h2.in_sop.next = self.p1.out_sop.val();
        self.h2.cfg_pairs.next = self.pairs2.q.val();
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
        self.p2.cfg_shift.next = self.shift1.val();
        self.p2.in_c[1].next = 0.into();
        self.p2.in_c[0].next = self.v2.ll_c[0].val();
        self.p2.in_first.next = self.v2.ll_first.val();
        self.p2.in_last.next = self.v2.ll_last.val();
        self.p2.in_sop.next = self.v2.ll_sop.val();
        // Level 3.
        self.h3.in_valid.next = self.p2.out_valid.val();
        self.p2.out_ready.next = self.h3.in_ready.val();
        self.h3.in_even[0].next = self.p2.out_even[0].val();
        self.h3.in_odd[0].next = self.p2.out_odd[0].val();
        self.h3.in_first.next = self.p2.out_first.val();
        self.h3.in_last.next = self.p2.out_last.val();
        self.h3.in_sop.next = self.p2.out_sop.val();
        self.h3.cfg_pairs.next = self.pairs3.q.val();
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
        self.v3.cfg_ll.next = self.deep4.q.val() | self.ho3.q.val();
        self.out3_valid.next = self.v3.out_valid.val();
        self.v3.out_ready.next = self.out3_ready.val();
        self.out3_a.next = self.v3.out_a[0].val();
        self.out3_b.next = self.v3.out_b[0].val();
        self.out3_first.next = self.v3.out_first.val();
        self.out3_last.next = self.v3.out_last.val();
        self.out3_sop.next = self.v3.out_sop.val();
        self.out3_vhigh.next = self.v3.out_vhigh.val();
        self.p3.in_valid.next = self.v3.ll_valid.val() & !self.ho3.q.val();
        self.v3.ll_ready.next = self.p3.in_ready.val();
        if self.ho3.q.val() {
            self.v3.ll_ready.next = self.hq.free.val();
        }
        self.p3.cfg_shift.next = self.shift1.val();
        self.p3.in_c[1].next = 0.into();
        self.p3.in_c[0].next = self.v3.ll_c[0].val();
        self.p3.in_first.next = self.v3.ll_first.val();
        self.p3.in_last.next = self.v3.ll_last.val();
        self.p3.in_sop.next = self.v3.ll_sop.val();
        // Level 4.
        self.h4.in_valid.next = self.p3.out_valid.val();
        self.p3.out_ready.next = self.h4.in_ready.val();
        self.h4.in_even[0].next = self.p3.out_even[0].val();
        self.h4.in_odd[0].next = self.p3.out_odd[0].val();
        self.h4.in_first.next = self.p3.out_first.val();
        self.h4.in_last.next = self.p3.out_last.val();
        self.h4.in_sop.next = self.p3.out_sop.val();
        self.h4.cfg_pairs.next = self.pairs4.q.val();
        self.v4.in_valid.next = self.h4.out_valid.val();
        self.h4.out_ready.next = self.v4.in_ready.val();
        self.v4.in_a[0].next = self.h4.out_low[0].val();
        self.v4.in_b[0].next = self.h4.out_high[0].val();
        self.v4.in_first.next = self.h4.out_first.val();
        self.v4.in_last.next = self.h4.out_last.val();
        self.v4.in_sop.next = self.h4.out_sop.val();
        self.v4.in_tag.next = 0.into();
        self.v4.cfg_pairs.next = self.pairs4.q.val();
        self.v4.cfg_rows.next = self.rows4.q.val();
        self.v4.cfg_ll.next = self.ho4.q.val();
        self.v4.ll_ready.next = self.hq.free.val();
        self.out4_valid.next = self.v4.out_valid.val();
        self.v4.out_ready.next = self.out4_ready.val();
        self.out4_a.next = self.v4.out_a[0].val();
        self.out4_b.next = self.v4.out_b[0].val();
        self.out4_first.next = self.v4.out_first.val();
        self.out4_last.next = self.v4.out_last.val();
        self.out4_sop.next = self.v4.out_sop.val();
        self.out4_vhigh.next = self.v4.out_vhigh.val();
        // Horizontal-only level: the deepest 2-D level's LL stream (sign-extended to 40 bits)
        // into a two-entry queue (a register slice: the four-way source select stays out of
        // the pair packer's take logic), packed into pairs, through one more horizontal
        // analysis.
        self.sx1.a.next = self.v1.ll_c[0].val();
        self.sx2.a.next = self.v2.ll_c[0].val();
        self.sx3.a.next = self.v3.ll_c[0].val();
        self.ll_c.next = self.v4.ll_c[0].val();
        self.hq.push.next = self.v4.ll_valid.val() & self.ho4.q.val();
        self.hs_first.next = self.v4.ll_first.val();
        self.hs_last.next = self.v4.ll_last.val();
        self.hs_sop.next = self.v4.ll_sop.val();
        if self.ho3.q.val() {
            self.ll_c.next = self.sx3.y.val();
            self.hq.push.next = self.v3.ll_valid.val();
            self.hs_first.next = self.v3.ll_first.val();
            self.hs_last.next = self.v3.ll_last.val();
            self.hs_sop.next = self.v3.ll_sop.val();
        }
        if self.ho2.q.val() {
            self.ll_c.next = self.sx2.y.val();
            self.hq.push.next = self.v2.ll_valid.val();
            self.hs_first.next = self.v2.ll_first.val();
            self.hs_last.next = self.v2.ll_last.val();
            self.hs_sop.next = self.v2.ll_sop.val();
        }
        if self.ho1.q.val() {
            self.ll_c.next = self.sx1.y.val();
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
        self.pho.cfg_shift.next = self.shift1.val();
        self.pho.in_c[1].next = 0.into();
        self.pho.in_c[0].next = self.hq.out_data.val();
        self.pho.in_first.next = self.hq.out_side.val().get_bit(0);
        self.pho.in_last.next = self.hq.out_side.val().get_bit(1);
        self.pho.in_sop.next = self.hq.out_side.val().get_bit(2);
        self.hho.in_valid.next = self.pho.out_valid.val();
        self.pho.out_ready.next = self.hho.in_ready.val();
        self.hho.in_even[0].next = self.pho.out_even[0].val();
        self.hho.in_odd[0].next = self.pho.out_odd[0].val();
        self.hho.in_first.next = self.pho.out_first.val();
        self.hho.in_last.next = self.pho.out_last.val();
        self.hho.in_sop.next = self.pho.out_sop.val();
        self.hho.cfg_pairs.next = self.pairs_ho.q.val();
        self.outho_valid.next = self.hho.out_valid.val();
        self.hho.out_ready.next = self.outho_ready.val();
        self.outho_low.next = self.hho.out_low[0].val();
        self.outho_high.next = self.hho.out_high[0].val();
        self.outho_first.next = self.hho.out_first.val();
        self.outho_last.next = self.hho.out_last.val();
        self.outho_sop.next = self.hho.out_sop.val();
        self.idle_unused.next = self.v1.pic_idle.val()
            | self.v2.pic_idle.val()
            | self.v3.pic_idle.val()
            | self.v4.pic_idle.val()
            | self.v1.out_tag.val().any()
            | self.v2.out_tag.val().any()
            | self.v3.out_tag.val().any()
            | self.v4.out_tag.val().any();
        self.range_unused.next = self.h1.err_range.val()
            | self.h2.err_range.val()
            | self.h3.err_range.val()
            | self.h4.err_range.val()
            | self.hho.err_range.val()
            | self.v1.err_range.val()
            | self.v2.err_range.val()
            | self.v3.err_range.val()
            | self.v4.err_range.val();
        // Errors.
        self.err_l.d.next = self.h1.err_line.val() | self.h2.err_line.val() | self.h3.err_line.val() | self.h4.err_line.val() | self.hho.err_line.val();
        self.err_p.d.next = self.v1.err_pic.val() | self.v2.err_pic.val() | self.v3.err_pic.val() | self.v4.err_pic.val();
        self.err_w.d.next = self.h1.err_wavelet.val()
            | self.h2.err_wavelet.val()
            | self.h3.err_wavelet.val()
            | self.h4.err_wavelet.val()
            | self.hho.err_wavelet.val()
            | self.v1.err_wavelet.val()
            | self.v2.err_wavelet.val()
            | self.v3.err_wavelet.val()
            | self.v4.err_wavelet.val();
        self.err_wavelet.next = self.err_w.q.val();
        self.err_line.next = self.err_l.q.val();
        self.err_pic.next = self.err_p.q.val();
    }
}

#[cfg(test)]
mod tests {
    use super::super::{lift_h, lift_v};
    use super::STAGES;

    /// Each stage's input is what the stage before gives (12-bit samples first); its lanes
    /// hold every value the model's lifting bound allows for any input of that width, and
    /// its accumulators every weighted sum (a horizontal build also keeps the 15 bits
    /// `lift_h` asks above its lanes); the vertical passes' line-buffer words follow.
    #[test]
    fn widths_hold_the_worst_case() {
        let mut prev = 12;
        for (name, w, v, a) in STAGES {
            assert_eq!(w, prev, "{name}: input bits");
            let (need_v, need_a) = if name.starts_with('h') {
                (lift_h::analysis_bits(w), lift_h::accumulator_bits(w, false).max(v + 15))
            } else {
                (lift_v::analysis_bits(w), lift_v::accumulator_bits(w, false))
            };
            assert_eq!(v, need_v, "{name}: lane bits");
            assert!(a >= need_a && a < 64, "{name}: accumulator bits {a}, need {need_a}");
            if name.starts_with('v') {
                let words = lift_v::words(lift_h::ALL_WAVELETS, false, v);
                assert_eq!(words, [(2 * v, v), (8 * v, 4 * v), (8 * v, 4 * v), (4 * v, 2 * v)], "{name}: line-buffer words");
            }
            prev = v;
        }
    }
}
