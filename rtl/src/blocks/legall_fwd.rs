//! LeGall (5,3) and Haar forward 2-D wavelet transform, wavelet and depth 1–4 chosen at run
//! time, `2·P1` samples per clock (`P1` = 1, 2, 4 or 8): the VC-2 encoder's `dwt` (ST 2042-1
//! 15.4.1, run in reverse) for `wavelet_index` 1 (LeGall), 3 (Haar without shift) or 4 (Haar
//! with single shift), `dwt_depth_ho` 0 or 1, line-based with line buffers only. Haar is the
//! LeGall lifting with the centre sample as both neighbours (`H = o − e`,
//! `L = e + ⌊(H + 1) / 2⌋`), so the three wavelets share one datapath, schedule and latency.
//!
//! **Structure.** Level k (k = 1 is the finest) is [`super::legall_h`] → [`super::legall_v`]
//! with `Pk` pair lanes; when `cfg_depth > k` its L rows' LL lanes also leave on its
//! separate LL stream, through an [`super::ll_pack`], into level k+1. An L-row beat of level
//! k carries `Pk` LL values, which are `Pk / 2` pairs of level k+1: so `P(k+1) = Pk / 2` and
//! the packer is a register slice while `Pk ≥ 2`; where `Pk = 1` it packs two beats into
//! one pair (`P(k+1) = 1`). Every level's output stream leaves the block (`outK_*`): in L
//! rows (`outK_vhigh` low) `a` = LL (the DC band at level `cfg_depth`, else the next
//! level's input) and `b` = HL; in H rows `a` = LH, `b` = HH; lane `j` of beat `c` of
//! output row `m` holds column `c·Pk + j` of band row `m`. A consumer takes each level's
//! stream (a real encoder writes them into its slice buffer); a level whose consumer
//! stalls stalls the whole transform.
//! With `cfg_depth_ho` set, the deepest 2-D level's LL rows also go (through a two-entry
//! [`super::pair_queue`] and an [`super::ll_pack`] that gathers `2·P2` values per beat:
//! 1, 2, 4 or 8 source beats, set by the depth at run time) into one more
//! [`super::legall_h`] with `P2` lanes, the horizontal-only level (`dwt_depth_ho = 1`), whose
//! (L, H) pairs leave on `outho_*`: L is then the DC band and H the band after it, as `dwt`
//! orders them. `P2` lanes keep up with the widest source (level 1's LL rows at depth 1).
//! Its lanes are 29 bits (the 26-bit level-4 LL plus the horizontal pass's three).
//!
//! **Throughput.** Level 1 takes one beat of `P1` pairs per clock; deeper levels run at a
//! quarter of the rate of the level above. A picture costs `W/(2·P1) · (H + 2)` clocks
//! (level 1's two flush rows); the deeper levels' flush rows overlap the next picture.
//! **Latency** to the first output of level k: `2^k − 1` input rows plus about 12 clocks
//! per level.
//!
//! **Widths.** Samples up to 12 bits. Datapaths are sized from the worst case, computed by
//! the lifting bound `uhdpipe_model::wavelet` uses for `analysis_fits` (each stage adds
//! `Σ|taps| · input / 2^shift + 1`): for 12-bit input the horizontal pass of level 1
//! peaks at 16 bits and its vertical pass at 17 (16-bit outputs); level 2 at 19 / 20; level
//! 3 at 22 / 23; level 4 at 25 / 26. So level k's output lanes are 17, 20, 23 and 26 bits
//! wide (checked at full scale by the simulation's extremes test at depth 4).
//!
//! **Run-time registers:** `cfg_pairs` (level-1 beats per row: width / `2·P1`),
//! `cfg_rows` (height, a multiple of `2^cfg_depth`), `cfg_depth` (1..=4; 0 is taken as 1),
//! `cfg_wavelet` (the VC-2 wavelet index: 1, 3 or 4; any other value is taken as 1) for the
//! vertical passes and `cfg_wavelet_ho` (the same choice, `wavelet_index_ho`) for every
//! horizontal pass, as the standard assigns them. The width must be a multiple of
//! `2^cfg_depth` and of `2·P1`; with `cfg_depth_ho`, of `2^(cfg_depth + 1) · P2`.
//! Change them only between pictures.
//! Haar's lifting bound is LeGall's (`|H| ≤ 2·max`, `|L| ≤ 2·max + 1` per pass), so the
//! widths below hold for all three.
//! **Build-time parameters:** `N1` … `N4`: line-buffer address bits of each level
//! (level k holds rows of up to `2^Nk` beats); `P1` … `P4`: pair lanes of each level
//! (`P1` ∈ {1, 2, 4, 8}, `P(k+1) = max(Pk / 2, 1)`); `I2 = 2·P2`, `I3 = 2·P3`, `I4 = 2·P4`
//! (the packers' input lanes; stable Rust has no `[_; 2 * P]`).
//!
//! **Protocol errors.** `err_line` (a level's horizontal block saw a broken line) and
//! `err_pic` (a vertical block saw a broken picture) pulse for one clock; each block drops
//! input until the next start of picture, which comes out exact.
//! **Reset:** none needed (every register starts idle).

use super::legall_h::LegallH;
use super::legall_v::LegallV;
use super::ll_pack::LlPack;
use super::pair_queue::PairQueue;
use super::sext::Sext;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallFwd<
    const N1: usize,
    const N2: usize,
    const N3: usize,
    const N4: usize,
    const P1: usize,
    const P2: usize,
    const P3: usize,
    const P4: usize,
    const I2: usize,
    const I3: usize,
    const I4: usize,
> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Input stream: a beat of `P1` sample pairs is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes it at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: pair `k`'s even sample (column `2·(c·P1 + k)` of the beat `c`), 12-bit
    /// two's complement (samples offset to signed).
    pub in_even: [Signal<In, Bits<12>>; P1],
    /// Input stream: pair `k`'s odd sample.
    pub in_odd: [Signal<In, Bits<12>>; P1],
    /// Input stream: first beat of a line.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last beat of a line.
    pub in_last: Signal<In, Bit>,
    /// Input stream: first beat of a picture (with `in_first`).
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: beats per line at level 1 (width / `2·P1`), 1..=`2^N1`.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: rows per picture (height), even, ≤ 8190.
    pub cfg_rows: Signal<In, Bits<13>>,
    /// Run-time register: transform depth, 1..=4 (0 is taken as 1).
    pub cfg_depth: Signal<In, Bits<3>>,
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
    /// Level 1: lane a of pair `k` (LL or LH), 17-bit two's complement.
    pub out1_a: [Signal<Out, Bits<17>>; P1],
    /// Level 1: lane b of pair `k` (HL or HH).
    pub out1_b: [Signal<Out, Bits<17>>; P1],
    /// Level 1: first beat of a row.
    pub out1_first: Signal<Out, Bit>,
    /// Level 1: last beat of a row.
    pub out1_last: Signal<Out, Bit>,
    /// Level 1: first beat of a picture.
    pub out1_sop: Signal<Out, Bit>,
    /// Level 1: an H row (LH, HH); low for L rows (LL, HL).
    pub out1_vhigh: Signal<Out, Bit>,
    /// Level 2 output stream (as level 1; `P2` lanes of 20 bits).
    pub out2_valid: Signal<Out, Bit>,
    /// Level 2: the consumer takes it.
    pub out2_ready: Signal<In, Bit>,
    /// Level 2: lane a of pair `k`.
    pub out2_a: [Signal<Out, Bits<20>>; P2],
    /// Level 2: lane b of pair `k`.
    pub out2_b: [Signal<Out, Bits<20>>; P2],
    /// Level 2: first beat of a row.
    pub out2_first: Signal<Out, Bit>,
    /// Level 2: last beat of a row.
    pub out2_last: Signal<Out, Bit>,
    /// Level 2: first beat of a picture.
    pub out2_sop: Signal<Out, Bit>,
    /// Level 2: an H row.
    pub out2_vhigh: Signal<Out, Bit>,
    /// Level 3 output stream (as level 1; `P3` lanes of 23 bits).
    pub out3_valid: Signal<Out, Bit>,
    /// Level 3: the consumer takes it.
    pub out3_ready: Signal<In, Bit>,
    /// Level 3: lane a of pair `k`.
    pub out3_a: [Signal<Out, Bits<23>>; P3],
    /// Level 3: lane b of pair `k`.
    pub out3_b: [Signal<Out, Bits<23>>; P3],
    /// Level 3: first beat of a row.
    pub out3_first: Signal<Out, Bit>,
    /// Level 3: last beat of a row.
    pub out3_last: Signal<Out, Bit>,
    /// Level 3: first beat of a picture.
    pub out3_sop: Signal<Out, Bit>,
    /// Level 3: an H row.
    pub out3_vhigh: Signal<Out, Bit>,
    /// Level 4 output stream (as level 1; `P4` lanes of 26 bits).
    pub out4_valid: Signal<Out, Bit>,
    /// Level 4: the consumer takes it.
    pub out4_ready: Signal<In, Bit>,
    /// Level 4: lane a of pair `k`.
    pub out4_a: [Signal<Out, Bits<26>>; P4],
    /// Level 4: lane b of pair `k`.
    pub out4_b: [Signal<Out, Bits<26>>; P4],
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
    /// multiple of `2^(cfg_depth + 1) · P2`.
    pub cfg_depth_ho: Signal<In, Bit>,
    /// Horizontal-only level: a beat of `P2` pairs is offered.
    pub outho_valid: Signal<Out, Bit>,
    /// Horizontal-only level: the consumer takes it.
    pub outho_ready: Signal<In, Bit>,
    /// Horizontal-only level: pair `k`'s L (the DC band), 29-bit two's complement.
    pub outho_low: [Signal<Out, Bits<29>>; P2],
    /// Horizontal-only level: pair `k`'s H, 29-bit two's complement.
    pub outho_high: [Signal<Out, Bits<29>>; P2],
    /// Horizontal-only level: first beat of a row.
    pub outho_first: Signal<Out, Bit>,
    /// Horizontal-only level: last beat of a row.
    pub outho_last: Signal<Out, Bit>,
    /// Horizontal-only level: first beat of a picture.
    pub outho_sop: Signal<Out, Bit>,
    h1: LegallH<12, 16, 0, P1>,
    v1: LegallV<16, 17, N1, 0, P1>,
    p1: LlPack<17, I2, P2>,
    h2: LegallH<17, 20, 0, P2>,
    v2: LegallV<20, 20, N2, 0, P2>,
    p2: LlPack<20, I3, P3>,
    h3: LegallH<20, 23, 0, P3>,
    v3: LegallV<23, 23, N3, 0, P3>,
    p3: LlPack<23, I4, P4>,
    h4: LegallH<23, 26, 0, P4>,
    v4: LegallV<26, 26, N4, 0, P4>,
    // run-time registers of the deeper levels, registered
    pairs2: DFF<Bits<13>>,
    pairs3: DFF<Bits<13>>,
    pairs4: DFF<Bits<13>>,
    rows2: DFF<Bits<13>>,
    rows3: DFF<Bits<13>>,
    rows4: DFF<Bits<13>>,
    deep2: DFF<Bit>,
    deep3: DFF<Bit>,
    deep4: DFF<Bit>,
    haar: DFF<Bit>,
    haar_ho: DFF<Bit>,
    // copies of the two Haar decodes for the deeper levels, each loaded from the one
    // before (a chain, so that synthesis cannot merge them back into one register)
    haar_v2: DFF<Bit>,
    haar_v3: DFF<Bit>,
    haar_v4: DFF<Bit>,
    haar_h2: DFF<Bit>,
    haar_h3: DFF<Bit>,
    haar_h4: DFF<Bit>,
    haar_hho: DFF<Bit>,
    noshift: DFF<Bit>,
    err_l: DFF<Bit>,
    err_p: DFF<Bit>,
    // level k+1's beats per row: level k's, halved where level k has one pair per beat
    b2: Signal<Local, Bits<13>>,
    b3: Signal<Local, Bits<13>>,
    b4: Signal<Local, Bits<13>>,
    half1: Constant<Bit>,
    half2: Constant<Bit>,
    half3: Constant<Bit>,
    // the packers' cfg_shift between levels (1 where the upper level has one pair per beat)
    sh1: Constant<Bits<2>>,
    sh2: Constant<Bits<2>>,
    sh3: Constant<Bits<2>>,
    // the horizontal-only level's packer shift when fed by level 1, 2, 3, 4: log2(I2 / Pk)
    shd1: Constant<Bits<2>>,
    shd2: Constant<Bits<2>>,
    shd3: Constant<Bits<2>>,
    shd4: Constant<Bits<2>>,
    sho: DFF<Bits<2>>,
    sx1: [Sext<17, 26>; P1],
    sx2: [Sext<20, 26>; P2],
    sx3: [Sext<23, 26>; P3],
    hv: [Signal<Local, Bits<26>>; I2],
    hq: PairQueue<26, P2>,
    pho: LlPack<26, I2, P2>,
    hho: LegallH<26, 29, 0, P2>,
    // The vertical blocks' framing state and picture numbers have no consumer in the forward transform (the
    // inverse's joins use it); Verilator's lint ignores signals whose name contains "unused".
    idle_unused: Signal<Local, Bit>,
    ho1: DFF<Bit>,
    ho2: DFF<Bit>,
    ho3: DFF<Bit>,
    ho4: DFF<Bit>,
    pairs_ho: DFF<Bits<13>>,
    single2: DFF<Bit>,
    single3: DFF<Bit>,
    single4: DFF<Bit>,
    single_ho: DFF<Bit>,
    one13: Constant<Bits<13>>,
    two: Constant<Bits<3>>,
    three: Constant<Bits<3>>,
    four: Constant<Bits<3>>,
    w_haar0: Constant<Bits<3>>,
    w_haar1: Constant<Bits<3>>,
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize, const I2: usize, const I3: usize, const I4: usize> Default
    for LegallFwd<N1, N2, N3, N4, P1, P2, P3, P4, I2, I3, I4>
{
    fn default() -> Self {
        assert!(matches!(P1, 1 | 2 | 4 | 8), "P1 is 1, 2, 4 or 8 pairs per beat");
        assert!(P2 == (P1 / 2).max(1) && P3 == (P2 / 2).max(1) && P4 == (P3 / 2).max(1) && I2 == 2 * P2 && I3 == 2 * P3 && I4 == 2 * P4, "P(k+1) = max(Pk / 2, 1), Ik = 2·Pk");
        let log2 = |x: usize| x.trailing_zeros() as u64;
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_even: std::array::from_fn(|_| Default::default()),
            in_odd: std::array::from_fn(|_| Default::default()),
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
            outho_low: std::array::from_fn(|_| Default::default()),
            outho_high: std::array::from_fn(|_| Default::default()),
            outho_first: Default::default(),
            outho_last: Default::default(),
            outho_sop: Default::default(),
            err_line: Default::default(),
            err_pic: Default::default(),
            out1_valid: Default::default(),
            out1_ready: Default::default(),
            out1_a: std::array::from_fn(|_| Default::default()),
            out1_b: std::array::from_fn(|_| Default::default()),
            out1_first: Default::default(),
            out1_last: Default::default(),
            out1_sop: Default::default(),
            out1_vhigh: Default::default(),
            out2_valid: Default::default(),
            out2_ready: Default::default(),
            out2_a: std::array::from_fn(|_| Default::default()),
            out2_b: std::array::from_fn(|_| Default::default()),
            out2_first: Default::default(),
            out2_last: Default::default(),
            out2_sop: Default::default(),
            out2_vhigh: Default::default(),
            out3_valid: Default::default(),
            out3_ready: Default::default(),
            out3_a: std::array::from_fn(|_| Default::default()),
            out3_b: std::array::from_fn(|_| Default::default()),
            out3_first: Default::default(),
            out3_last: Default::default(),
            out3_sop: Default::default(),
            out3_vhigh: Default::default(),
            out4_valid: Default::default(),
            out4_ready: Default::default(),
            out4_a: std::array::from_fn(|_| Default::default()),
            out4_b: std::array::from_fn(|_| Default::default()),
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
            pairs4: Default::default(),
            rows2: Default::default(),
            rows3: Default::default(),
            rows4: Default::default(),
            deep2: Default::default(),
            deep3: Default::default(),
            deep4: Default::default(),
            haar: Default::default(),
            haar_ho: Default::default(),
            haar_v2: Default::default(),
            haar_v3: Default::default(),
            haar_v4: Default::default(),
            haar_h2: Default::default(),
            haar_h3: Default::default(),
            haar_h4: Default::default(),
            haar_hho: Default::default(),
            noshift: Default::default(),
            err_l: Default::default(),
            err_p: Default::default(),
            b2: Default::default(),
            b3: Default::default(),
            b4: Default::default(),
            half1: Constant::new(P1 == 1),
            half2: Constant::new(P2 == 1),
            half3: Constant::new(P3 == 1),
            sh1: Constant::new(log2(I2 / P1).to_bits()),
            sh2: Constant::new(log2(I3 / P2).to_bits()),
            sh3: Constant::new(log2(I4 / P3).to_bits()),
            shd1: Constant::new(log2(I2 / P1).to_bits()),
            shd2: Constant::new(log2(I2 / P2).to_bits()),
            shd3: Constant::new(log2(I2 / P3).to_bits()),
            shd4: Constant::new(log2(I2 / P4).to_bits()),
            sho: Default::default(),
            sx1: std::array::from_fn(|_| Default::default()),
            sx2: std::array::from_fn(|_| Default::default()),
            sx3: std::array::from_fn(|_| Default::default()),
            hv: std::array::from_fn(|_| Default::default()),
            hq: Default::default(),
            pho: Default::default(),
            hho: Default::default(),
            idle_unused: Default::default(),
            ho1: Default::default(),
            ho2: Default::default(),
            ho3: Default::default(),
            ho4: Default::default(),
            pairs_ho: Default::default(),
            single2: Default::default(),
            single3: Default::default(),
            single4: Default::default(),
            single_ho: Default::default(),
            one13: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            three: Constant::new(3u64.to_bits()),
            four: Constant::new(4u64.to_bits()),
            w_haar0: Constant::new(3u64.to_bits()),
            w_haar1: Constant::new(4u64.to_bits()),
        }
    }
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize, const I2: usize, const I3: usize, const I4: usize> Logic
    for LegallFwd<N1, N2, N3, N4, P1, P2, P3, P4, I2, I3, I4>
{
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, pairs2, pairs3, pairs4, rows2, rows3, rows4, deep2, deep3, deep4, haar, haar_ho, haar_v2, haar_v3, haar_v4, haar_h2, haar_h3, haar_h4, haar_hho, noshift, err_l, err_p, sho, ho1, ho2, ho3, ho4, pairs_ho, single2, single3, single4,
            single_ho
        );
        clock!(self, clock, h1, v1, p1, h2, v2, p2, h3, v3, p3, h4, v4, hq, pho, hho);
        // The horizontal-only level follows the deepest 2-D level (depth 0 is taken as 1).
        self.ho1.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() < self.two.val());
        self.ho2.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.two.val());
        self.ho3.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.three.val());
        self.ho4.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() >= self.four.val());
        // "One beat per line" of each level, registered (level 1 decodes its input port
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
        // Beats per row: a level's LL beat is the next level's beat, except where the
        // level has one pair per beat (two LL beats make one pair).
        self.b2.next = self.cfg_pairs.val();
        if self.half1.val() {
            self.b2.next = self.cfg_pairs.val() >> 1;
        }
        self.b3.next = self.b2.val();
        if self.half2.val() {
            self.b3.next = self.b2.val() >> 1;
        }
        self.b4.next = self.b3.val();
        if self.half3.val() {
            self.b4.next = self.b3.val() >> 1;
        }
        self.pairs2.d.next = self.b2.val();
        self.pairs3.d.next = self.b3.val();
        self.pairs4.d.next = self.b4.val();
        // The horizontal-only level's beats and its packer's shift, by source level.
        self.pairs_ho.d.next = self.pairs4.q.val() >> self.shd4.val();
        self.sho.d.next = self.shd4.val();
        if self.ho3.q.val() {
            self.pairs_ho.d.next = self.pairs3.q.val() >> self.shd3.val();
            self.sho.d.next = self.shd3.val();
        }
        if self.ho2.q.val() {
            self.pairs_ho.d.next = self.pairs2.q.val() >> self.shd2.val();
            self.sho.d.next = self.shd2.val();
        }
        if self.ho1.q.val() {
            self.pairs_ho.d.next = self.cfg_pairs.val() >> self.shd1.val();
            self.sho.d.next = self.shd1.val();
        }
        self.rows2.d.next = self.cfg_rows.val() >> 1;
        self.rows3.d.next = self.cfg_rows.val() >> 2;
        self.rows4.d.next = self.cfg_rows.val() >> 3;
        self.deep2.d.next = self.cfg_depth.val() >= self.two.val();
        self.deep3.d.next = self.cfg_depth.val() >= self.three.val();
        self.deep4.d.next = self.cfg_depth.val() >= self.four.val();
        self.haar.d.next = (self.cfg_wavelet.val() == self.w_haar0.val()) | (self.cfg_wavelet.val() == self.w_haar1.val());
        self.haar_ho.d.next = (self.cfg_wavelet_ho.val() == self.w_haar0.val()) | (self.cfg_wavelet_ho.val() == self.w_haar1.val());
        self.noshift.d.next = self.cfg_wavelet_ho.val() == self.w_haar0.val();
        // Each level takes its own copy of the Haar decodes: one register driving every lane
        // of every level was the critical path on the ECP5 (3 ns of routing across the chip
        // into a level's first adder). The copies form a chain, level k's loaded from level
        // k − 1's, so a deeper level sees a new wavelet up to four clocks later: long before
        // a picture's first beat reaches it (two rows of the level above, at least).
        self.haar_h2.d.next = self.haar_ho.q.val();
        self.haar_h3.d.next = self.haar_h2.q.val();
        self.haar_h4.d.next = self.haar_h3.q.val();
        self.haar_hho.d.next = self.haar_h4.q.val();
        self.haar_v2.d.next = self.haar.q.val();
        self.haar_v3.d.next = self.haar_v2.q.val();
        self.haar_v4.d.next = self.haar_v3.q.val();
        self.h1.cfg_haar.next = self.haar_ho.q.val();
        self.h2.cfg_haar.next = self.haar_h2.q.val();
        self.h3.cfg_haar.next = self.haar_h3.q.val();
        self.h4.cfg_haar.next = self.haar_h4.q.val();
        // Level 1's input stage uses the shift on the very clock a picture's first pair
        // arrives, so it takes the decode itself (one LUT), not its register: a wavelet set
        // together with the first picture after power-on applies to that picture.
        self.h1.cfg_noshift.next = self.cfg_wavelet_ho.val() == self.w_haar0.val();
        self.h2.cfg_noshift.next = self.noshift.q.val();
        self.h3.cfg_noshift.next = self.noshift.q.val();
        self.h4.cfg_noshift.next = self.noshift.q.val();
        self.v1.cfg_haar.next = self.haar.q.val();
        self.v2.cfg_haar.next = self.haar_v2.q.val();
        self.v3.cfg_haar.next = self.haar_v3.q.val();
        self.v4.cfg_haar.next = self.haar_v4.q.val();
        // Level 1.
        self.h1.in_valid.next = self.in_valid.val();
        self.in_ready.next = self.h1.in_ready.val();
        self.h1.in_first.next = self.in_first.val();
        self.h1.in_last.next = self.in_last.val();
        self.h1.in_sop.next = self.in_sop.val();
        self.h1.cfg_beats.next = self.cfg_pairs.val();
        self.v1.in_valid.next = self.h1.out_valid.val();
        self.h1.out_ready.next = self.v1.in_ready.val();
        self.v1.in_first.next = self.h1.out_first.val();
        self.v1.in_last.next = self.h1.out_last.val();
        self.v1.in_sop.next = self.h1.out_sop.val();
        self.v1.in_tag.next = 0.into();
        self.v1.cfg_pairs.next = self.cfg_pairs.val();
        self.v1.cfg_rows.next = self.cfg_rows.val();
        self.v1.cfg_ll.next = self.deep2.q.val() | self.ho1.q.val();
        self.out1_valid.next = self.v1.out_valid.val();
        self.v1.out_ready.next = self.out1_ready.val();
        self.out1_first.next = self.v1.out_first.val();
        self.out1_last.next = self.v1.out_last.val();
        self.out1_sop.next = self.v1.out_sop.val();
        self.out1_vhigh.next = self.v1.out_vhigh.val();
        for k in 0..P1 {
            self.h1.in_even[k].next = self.in_even[k].val();
            self.h1.in_odd[k].next = self.in_odd[k].val();
            self.v1.in_a[k].next = self.h1.out_low[k].val();
            self.v1.in_b[k].next = self.h1.out_high[k].val();
            self.out1_a[k].next = self.v1.out_a[k].val();
            self.out1_b[k].next = self.v1.out_b[k].val();
            self.p1.in_c[k].next = self.v1.ll_c[k].val();
            self.sx1[k].a.next = self.v1.ll_c[k].val();
        }
        for k in P1..I2 {
            self.p1.in_c[k].next = 0.into();
        }
        self.p1.cfg_shift.next = self.sh1.val();
        self.p1.in_valid.next = self.v1.ll_valid.val() & !self.ho1.q.val();
        self.v1.ll_ready.next = self.p1.in_ready.val();
        if self.ho1.q.val() {
            self.v1.ll_ready.next = self.hq.free.val();
        }
        self.p1.in_first.next = self.v1.ll_first.val();
        self.p1.in_last.next = self.v1.ll_last.val();
        self.p1.in_sop.next = self.v1.ll_sop.val();
        // Level 2.
        self.h2.in_valid.next = self.p1.out_valid.val();
        self.p1.out_ready.next = self.h2.in_ready.val();
        self.h2.in_first.next = self.p1.out_first.val();
        self.h2.in_last.next = self.p1.out_last.val();
        self.h2.in_sop.next = self.p1.out_sop.val();
        self.h2.cfg_beats.next = self.pairs2.q.val();
        self.v2.in_valid.next = self.h2.out_valid.val();
        self.h2.out_ready.next = self.v2.in_ready.val();
        self.v2.in_first.next = self.h2.out_first.val();
        self.v2.in_last.next = self.h2.out_last.val();
        self.v2.in_sop.next = self.h2.out_sop.val();
        self.v2.in_tag.next = 0.into();
        self.v2.cfg_pairs.next = self.pairs2.q.val();
        self.v2.cfg_rows.next = self.rows2.q.val();
        self.v2.cfg_ll.next = self.deep3.q.val() | self.ho2.q.val();
        self.out2_valid.next = self.v2.out_valid.val();
        self.v2.out_ready.next = self.out2_ready.val();
        self.out2_first.next = self.v2.out_first.val();
        self.out2_last.next = self.v2.out_last.val();
        self.out2_sop.next = self.v2.out_sop.val();
        self.out2_vhigh.next = self.v2.out_vhigh.val();
        for k in 0..P2 {
            self.h2.in_even[k].next = self.p1.out_even[k].val();
            self.h2.in_odd[k].next = self.p1.out_odd[k].val();
            self.v2.in_a[k].next = self.h2.out_low[k].val();
            self.v2.in_b[k].next = self.h2.out_high[k].val();
            self.out2_a[k].next = self.v2.out_a[k].val();
            self.out2_b[k].next = self.v2.out_b[k].val();
            self.p2.in_c[k].next = self.v2.ll_c[k].val();
            self.sx2[k].a.next = self.v2.ll_c[k].val();
        }
        for k in P2..I3 {
            self.p2.in_c[k].next = 0.into();
        }
        self.p2.cfg_shift.next = self.sh2.val();
        self.p2.in_valid.next = self.v2.ll_valid.val() & !self.ho2.q.val();
        self.v2.ll_ready.next = self.p2.in_ready.val();
        if self.ho2.q.val() {
            self.v2.ll_ready.next = self.hq.free.val();
        }
        self.p2.in_first.next = self.v2.ll_first.val();
        self.p2.in_last.next = self.v2.ll_last.val();
        self.p2.in_sop.next = self.v2.ll_sop.val();
        // Level 3.
        self.h3.in_valid.next = self.p2.out_valid.val();
        self.p2.out_ready.next = self.h3.in_ready.val();
        self.h3.in_first.next = self.p2.out_first.val();
        self.h3.in_last.next = self.p2.out_last.val();
        self.h3.in_sop.next = self.p2.out_sop.val();
        self.h3.cfg_beats.next = self.pairs3.q.val();
        self.v3.in_valid.next = self.h3.out_valid.val();
        self.h3.out_ready.next = self.v3.in_ready.val();
        self.v3.in_first.next = self.h3.out_first.val();
        self.v3.in_last.next = self.h3.out_last.val();
        self.v3.in_sop.next = self.h3.out_sop.val();
        self.v3.in_tag.next = 0.into();
        self.v3.cfg_pairs.next = self.pairs3.q.val();
        self.v3.cfg_rows.next = self.rows3.q.val();
        self.v3.cfg_ll.next = self.deep4.q.val() | self.ho3.q.val();
        self.out3_valid.next = self.v3.out_valid.val();
        self.v3.out_ready.next = self.out3_ready.val();
        self.out3_first.next = self.v3.out_first.val();
        self.out3_last.next = self.v3.out_last.val();
        self.out3_sop.next = self.v3.out_sop.val();
        self.out3_vhigh.next = self.v3.out_vhigh.val();
        for k in 0..P3 {
            self.h3.in_even[k].next = self.p2.out_even[k].val();
            self.h3.in_odd[k].next = self.p2.out_odd[k].val();
            self.v3.in_a[k].next = self.h3.out_low[k].val();
            self.v3.in_b[k].next = self.h3.out_high[k].val();
            self.out3_a[k].next = self.v3.out_a[k].val();
            self.out3_b[k].next = self.v3.out_b[k].val();
            self.p3.in_c[k].next = self.v3.ll_c[k].val();
            self.sx3[k].a.next = self.v3.ll_c[k].val();
        }
        for k in P3..I4 {
            self.p3.in_c[k].next = 0.into();
        }
        self.p3.cfg_shift.next = self.sh3.val();
        self.p3.in_valid.next = self.v3.ll_valid.val() & !self.ho3.q.val();
        self.v3.ll_ready.next = self.p3.in_ready.val();
        if self.ho3.q.val() {
            self.v3.ll_ready.next = self.hq.free.val();
        }
        self.p3.in_first.next = self.v3.ll_first.val();
        self.p3.in_last.next = self.v3.ll_last.val();
        self.p3.in_sop.next = self.v3.ll_sop.val();
        // Level 4.
        self.h4.in_valid.next = self.p3.out_valid.val();
        self.p3.out_ready.next = self.h4.in_ready.val();
        self.h4.in_first.next = self.p3.out_first.val();
        self.h4.in_last.next = self.p3.out_last.val();
        self.h4.in_sop.next = self.p3.out_sop.val();
        self.h4.cfg_beats.next = self.pairs4.q.val();
        self.v4.in_valid.next = self.h4.out_valid.val();
        self.h4.out_ready.next = self.v4.in_ready.val();
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
        self.out4_first.next = self.v4.out_first.val();
        self.out4_last.next = self.v4.out_last.val();
        self.out4_sop.next = self.v4.out_sop.val();
        self.out4_vhigh.next = self.v4.out_vhigh.val();
        for k in 0..P4 {
            self.h4.in_even[k].next = self.p3.out_even[k].val();
            self.h4.in_odd[k].next = self.p3.out_odd[k].val();
            self.v4.in_a[k].next = self.h4.out_low[k].val();
            self.v4.in_b[k].next = self.h4.out_high[k].val();
            self.out4_a[k].next = self.v4.out_a[k].val();
            self.out4_b[k].next = self.v4.out_b[k].val();
        }
        // Horizontal-only level: the deepest 2-D level's LL beats (sign-extended to 23 bits;
        // lanes past the source's are ignored by the packer) into a two-entry queue (a
        // register slice: the three-way source select stays out of the packer's take
        // logic), gathered into beats of P2 pairs, through one more horizontal analysis.
        for k in 0..I2 {
            self.hv[k].next = 0.into();
        }
        for k in 0..P4 {
            self.hv[k].next = self.v4.ll_c[k].val();
        }
        // the push as a sum of products (the ho flags are exclusive registers): two LUT levels
        // from any level's LL valid to the queue's entry selects, where the priority chain of
        // the source select below took four (the 1080p build's critical path at depth 4)
        self.hq.push.next = (self.v1.ll_valid.val() & self.ho1.q.val())
            | (self.v2.ll_valid.val() & self.ho2.q.val())
            | (self.v3.ll_valid.val() & self.ho3.q.val())
            | (self.v4.ll_valid.val() & self.ho4.q.val());
        self.hq.in_first.next = self.v4.ll_first.val();
        self.hq.in_last.next = self.v4.ll_last.val();
        self.hq.in_sop.next = self.v4.ll_sop.val();
        if self.ho3.q.val() {
            for k in 0..P3 {
                self.hv[k].next = self.sx3[k].y.val();
            }
            self.hq.in_first.next = self.v3.ll_first.val();
            self.hq.in_last.next = self.v3.ll_last.val();
            self.hq.in_sop.next = self.v3.ll_sop.val();
        }
        if self.ho2.q.val() {
            for k in 0..P2 {
                self.hv[k].next = self.sx2[k].y.val();
            }
            self.hq.in_first.next = self.v2.ll_first.val();
            self.hq.in_last.next = self.v2.ll_last.val();
            self.hq.in_sop.next = self.v2.ll_sop.val();
        }
        if self.ho1.q.val() {
            for k in 0..P1 {
                self.hv[k].next = self.sx1[k].y.val();
            }
            self.hq.in_first.next = self.v1.ll_first.val();
            self.hq.in_last.next = self.v1.ll_last.val();
            self.hq.in_sop.next = self.v1.ll_sop.val();
        }
        for k in 0..P2 {
            self.hq.in_a[k].next = self.hv[2 * k].val();
            self.hq.in_b[k].next = self.hv[2 * k + 1].val();
            self.pho.in_c[2 * k].next = self.hq.out_a[k].val();
            self.pho.in_c[2 * k + 1].next = self.hq.out_b[k].val();
            self.hho.in_even[k].next = self.pho.out_even[k].val();
            self.hho.in_odd[k].next = self.pho.out_odd[k].val();
            self.outho_low[k].next = self.hho.out_low[k].val();
            self.outho_high[k].next = self.hho.out_high[k].val();
        }
        self.pho.in_valid.next = self.hq.out_valid.val();
        self.hq.out_ready.next = self.pho.in_ready.val();
        self.pho.in_first.next = self.hq.out_first.val();
        self.pho.in_last.next = self.hq.out_last.val();
        self.pho.in_sop.next = self.hq.out_sop.val();
        self.pho.cfg_shift.next = self.sho.q.val();
        self.hho.in_valid.next = self.pho.out_valid.val();
        self.pho.out_ready.next = self.hho.in_ready.val();
        self.hho.in_first.next = self.pho.out_first.val();
        self.hho.in_last.next = self.pho.out_last.val();
        self.hho.in_sop.next = self.pho.out_sop.val();
        self.hho.cfg_beats.next = self.pairs_ho.q.val();
        self.hho.cfg_haar.next = self.haar_hho.q.val();
        self.hho.cfg_noshift.next = self.noshift.q.val();
        self.outho_valid.next = self.hho.out_valid.val();
        self.hho.out_ready.next = self.outho_ready.val();
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
        // Errors.
        self.err_l.d.next = self.h1.err_line.val() | self.h2.err_line.val() | self.h3.err_line.val() | self.h4.err_line.val() | self.hho.err_line.val();
        self.err_p.d.next = self.v1.err_pic.val() | self.v2.err_pic.val() | self.v3.err_pic.val() | self.v4.err_pic.val();
        self.err_line.next = self.err_l.q.val();
        self.err_pic.next = self.err_p.q.val();
    }
}
