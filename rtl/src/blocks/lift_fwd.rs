//! Forward 2-D wavelet transform for **every VC-2 wavelet** (indices 0–6, chosen at run time
//! for the vertical and the horizontal passes separately), depth 1–4 plus 0–1
//! horizontal-only level, `2·P1` samples per clock (`P1` = 1, 2, 4 or 8): the VC-2 encoder's
//! `dwt` (ST 2042-1 15.4.1, run in reverse), line-based with line buffers only.
//!
//! **Structure.** [`super::legall_fwd`]'s, with the every-wavelet blocks: level k (k = 1 is
//! the finest) is [`super::lift_h`] → [`super::lift_v`] with `Pk` pair lanes; when
//! `cfg_depth > k` its L rows' LL lanes also leave on its LL stream, through an
//! [`super::ll_pack`], into level k+1. An L-row beat of level k carries `Pk` LL values,
//! which are `Pk / 2` pairs of level k+1: so `P(k+1) = Pk / 2` and the packer is a register
//! slice while `Pk ≥ 2`; where `Pk = 1` it packs two beats into one pair (`P(k+1) = 1`).
//! Every level's output stream leaves the block (`outK_*`): in L rows (`outK_vhigh` low)
//! `a` = LL (the DC band at level `cfg_depth`, else the next level's input) and `b` = HL;
//! in H rows `a` = LH, `b` = HH; lane `j` of beat `c` of output row `m` holds column
//! `c·Pk + j` of band row `m`.
//! With `cfg_depth_ho` set, the deepest 2-D level's LL rows also go (through a two-entry
//! [`super::pair_queue`] and an [`super::ll_pack`] that gathers `2·P2` values per beat: 1,
//! 2, 4 or 8 source beats, set by the depth at run time) into one more [`super::lift_h`]
//! with `P2` lanes, the horizontal-only level, whose (L, H) pairs leave on `outho_*`.
//!
//! **Throughput.** Level 1 takes one beat of `P1` pairs per clock; deeper levels run at a
//! quarter of the rate of the level above. A picture costs `W/(2·P1) · (H + F)` clocks,
//! `F` the vertical pass's flush rows ([`super::lift_v::flush_rows`]: 4 for LeGall, 16 for
//! Fidelity); the deeper levels' flushes overlap the next picture. **Latency** to the first
//! output of level 1: `F` input rows plus the horizontal pass's `4 · (9 + ⌈4/P1⌉)` clocks
//! and about 13 clocks per vertical unit; level k adds the levels above it.
//!
//! **Widths.** 12-bit samples. Every datapath is sized from the worst case over all seven
//! wavelets (the model's lifting bound, [`super::lift_h::analysis_bits`],
//! [`super::lift_v::analysis_bits`]): level 1's horizontal pass needs 16 bits, its vertical
//! 19; level 2 23 / 26; level 3 30 / 33; level 4 37 / 40; the horizontal-only level 44
//! ([`STAGES`], checked by a test). So level k's output lanes are 19, 26, 33 and 40 bits
//! wide, whatever the lane count.
//!
//! **Run-time registers:** `cfg_pairs` (level-1 beats per row: width / `2·P1`),
//! `cfg_rows` (height, a multiple of `2^cfg_depth`), `cfg_depth` (1..=4; 0 is taken as 1,
//! 5..=7 as 4), `cfg_depth_ho`, `cfg_wavelet` (`wavelet_index`, the vertical passes) and
//! `cfg_wavelet_ho` (`wavelet_index_ho`, every horizontal pass and `filter_bit_shift`),
//! 0..=6. The width must be a multiple of `2^cfg_depth` and of `2·P1`; with `cfg_depth_ho`,
//! of `2^(cfg_depth + 1) · P2`. Change them only between pictures.
//! **Build-time parameters:** `N1` … `N4`: line-buffer address bits of each level (level k
//! holds rows of up to `2^Nk` beats; `N(k+1) = Nk − 1` where `Pk = 1`, else `Nk`); `P1` …
//! `P4`: pair lanes of each level (`P1` ∈ {1, 2, 4, 8}, `P(k+1) = max(Pk / 2, 1)`);
//! `I2 = 2·P2`, `I3 = 2·P3`, `I4 = 2·P4` (the packers' input lanes); `Bk` =
//! [`super::lift_h::window_beats`]`(Pk)` and `Fk = Bk·Pk` (the horizontal units' windows;
//! the horizontal-only level uses level 2's). Stable Rust cannot compute these from `P1`, so
//! [`LiftFwd::check_params`] checks them.
//!
//! **Protocol errors.** `err_line` (a horizontal block saw a broken line) and `err_pic` (a
//! vertical block saw a broken picture) pulse for one clock; each block drops input until
//! the next start of picture, which comes out exact.
//! **Reset:** none needed (every register starts idle).

use super::lift_h::LiftH;
use super::lift_v::LiftV;
use super::ll_pack::LlPack;
use super::sext::Sext;
use super::pair_queue::PairQueue;
use rust_hdl::prelude::*;

/// Every lifting stage as built, in data-flow order: (name, input bits `W`, lane bits `V`,
/// accumulator bits `A`). The stages' types below take their widths from here.
pub const STAGES: [(&str, usize, usize, usize); 9] =
    [("h1", 12, 16, 31), ("v1", 16, 19, 31), ("h2", 19, 23, 38), ("v2", 23, 26, 38), ("h3", 26, 30, 45), ("v3", 30, 33, 45), ("h4", 33, 37, 52), ("v4", 37, 40, 52), ("hho", 40, 44, 59)];

/// The horizontal analysis of stage `$i`.
macro_rules! h_stage {
    ($i:literal) => {
        LiftH<{ STAGES[$i].1 }, { STAGES[$i].2 }, { STAGES[$i].3 }, 0, P, B, F>
    };
}

/// The vertical analysis of stage `$i`, `P` lanes, rows up to `2^N` beats, with the line-buffer words
/// of every wavelet ([`super::lift_v::words`]: `(2V, V), (8V, 4V), (8V, 4V), (4V, 2V)`).
macro_rules! v_stage {
    ($i:literal) => {
        LiftV<
            { STAGES[$i].1 },
            { STAGES[$i].2 },
            { STAGES[$i].3 },
            N,
            0,
            { 2 * STAGES[$i].2 },
            { STAGES[$i].2 },
            { 8 * STAGES[$i].2 },
            { 4 * STAGES[$i].2 },
            { 8 * STAGES[$i].2 },
            { 4 * STAGES[$i].2 },
            { 4 * STAGES[$i].2 },
            { 2 * STAGES[$i].2 },
            P,
        >
    };
}

type H1<const P: usize, const B: usize, const F: usize> = h_stage!(0);
type V1<const N: usize, const P: usize> = v_stage!(1);
type H2<const P: usize, const B: usize, const F: usize> = h_stage!(2);
type V2<const N: usize, const P: usize> = v_stage!(3);
type H3<const P: usize, const B: usize, const F: usize> = h_stage!(4);
type V3<const N: usize, const P: usize> = v_stage!(5);
type H4<const P: usize, const B: usize, const F: usize> = h_stage!(6);
type V4<const N: usize, const P: usize> = v_stage!(7);
type Hho<const P: usize, const B: usize, const F: usize> = h_stage!(8);

/// The build at 2 samples per clock (`P1` = 1); `N1` … `N4` as [`LiftFwd`]'s.
pub type LiftFwd2<const N1: usize, const N2: usize, const N3: usize, const N4: usize> = LiftFwd<N1, N2, N3, N4, 1, 1, 1, 1, 2, 2, 2, 9, 9, 9, 9, 9, 9, 9, 9>;
/// The build at 4 samples per clock (`P1` = 2).
pub type LiftFwd4<const N1: usize, const N2: usize, const N3: usize, const N4: usize> = LiftFwd<N1, N2, N3, N4, 2, 1, 1, 1, 2, 2, 2, 5, 9, 9, 9, 10, 9, 9, 9>;
/// The build at 8 samples per clock (`P1` = 4).
pub type LiftFwd8<const N1: usize, const N2: usize, const N3: usize, const N4: usize> = LiftFwd<N1, N2, N3, N4, 4, 2, 1, 1, 4, 2, 2, 3, 5, 9, 9, 12, 10, 9, 9>;
/// The build at 16 samples per clock (`P1` = 8).
pub type LiftFwd16<const N1: usize, const N2: usize, const N3: usize, const N4: usize> = LiftFwd<N1, N2, N3, N4, 8, 4, 2, 1, 8, 4, 2, 3, 3, 5, 9, 24, 12, 10, 9>;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftFwd<
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
    const B1: usize,
    const B2: usize,
    const B3: usize,
    const B4: usize,
    const F1: usize,
    const F2: usize,
    const F3: usize,
    const F4: usize,
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
    /// Level 1: lane a of pair `k` (LL or LH), 19-bit two's complement.
    pub out1_a: [Signal<Out, Bits<19>>; P1],
    /// Level 1: lane b of pair `k` (HL or HH).
    pub out1_b: [Signal<Out, Bits<19>>; P1],
    /// Level 1: first beat of a row.
    pub out1_first: Signal<Out, Bit>,
    /// Level 1: last beat of a row.
    pub out1_last: Signal<Out, Bit>,
    /// Level 1: first beat of a picture.
    pub out1_sop: Signal<Out, Bit>,
    /// Level 1: an H row (LH, HH); low for L rows (LL, HL).
    pub out1_vhigh: Signal<Out, Bit>,
    /// Level 2 output stream (as level 1; `P2` lanes of 26 bits).
    pub out2_valid: Signal<Out, Bit>,
    /// Level 2: the consumer takes it.
    pub out2_ready: Signal<In, Bit>,
    /// Level 2: lane a of pair `k`.
    pub out2_a: [Signal<Out, Bits<26>>; P2],
    /// Level 2: lane b of pair `k`.
    pub out2_b: [Signal<Out, Bits<26>>; P2],
    /// Level 2: first beat of a row.
    pub out2_first: Signal<Out, Bit>,
    /// Level 2: last beat of a row.
    pub out2_last: Signal<Out, Bit>,
    /// Level 2: first beat of a picture.
    pub out2_sop: Signal<Out, Bit>,
    /// Level 2: an H row.
    pub out2_vhigh: Signal<Out, Bit>,
    /// Level 3 output stream (as level 1; `P3` lanes of 33 bits).
    pub out3_valid: Signal<Out, Bit>,
    /// Level 3: the consumer takes it.
    pub out3_ready: Signal<In, Bit>,
    /// Level 3: lane a of pair `k`.
    pub out3_a: [Signal<Out, Bits<33>>; P3],
    /// Level 3: lane b of pair `k`.
    pub out3_b: [Signal<Out, Bits<33>>; P3],
    /// Level 3: first beat of a row.
    pub out3_first: Signal<Out, Bit>,
    /// Level 3: last beat of a row.
    pub out3_last: Signal<Out, Bit>,
    /// Level 3: first beat of a picture.
    pub out3_sop: Signal<Out, Bit>,
    /// Level 3: an H row.
    pub out3_vhigh: Signal<Out, Bit>,
    /// Level 4 output stream (as level 1; `P4` lanes of 40 bits).
    pub out4_valid: Signal<Out, Bit>,
    /// Level 4: the consumer takes it.
    pub out4_ready: Signal<In, Bit>,
    /// Level 4: lane a of pair `k`.
    pub out4_a: [Signal<Out, Bits<40>>; P4],
    /// Level 4: lane b of pair `k`.
    pub out4_b: [Signal<Out, Bits<40>>; P4],
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
    /// Horizontal-only level: pair `k`'s L (the DC band), 44-bit two's complement.
    pub outho_low: [Signal<Out, Bits<44>>; P2],
    /// Horizontal-only level: pair `k`'s H, 44-bit two's complement.
    pub outho_high: [Signal<Out, Bits<44>>; P2],
    /// Horizontal-only level: first beat of a row.
    pub outho_first: Signal<Out, Bit>,
    /// Horizontal-only level: last beat of a row.
    pub outho_last: Signal<Out, Bit>,
    /// Horizontal-only level: first beat of a picture.
    pub outho_sop: Signal<Out, Bit>,
    h1: H1<P1, B1, F1>,
    v1: V1<N1, P1>,
    p1: LlPack<19, I2, P2>,
    h2: H2<P2, B2, F2>,
    v2: V2<N2, P2>,
    p2: LlPack<26, I3, P3>,
    h3: H3<P3, B3, F3>,
    v3: V3<N3, P3>,
    p3: LlPack<33, I4, P4>,
    h4: H4<P4, B4, F4>,
    v4: V4<N4, P4>,
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
    err_w: DFF<Bit>,
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
    // the shallower levels' LL lanes, sign-extended to the horizontal-only level's input
    sx1: [Sext<19, 40>; P1],
    sx2: [Sext<26, 40>; P2],
    sx3: [Sext<33, 40>; P3],
    hv: [Signal<Local, Bits<40>>; I2],
    hq: PairQueue<40, P2>,
    pho: LlPack<40, I2, P2>,
    hho: Hho<P2, B2, F2>,
    // The vertical blocks' framing state and picture numbers have no consumer in the forward transform (the
    // inverse's joins use it); Verilator's lint ignores signals whose name contains "unused".
    idle_unused: Signal<Local, Bit>,
    // Every stage is sized for any input (module docs): no range error can occur.
    range_unused: Signal<Local, Bit>,
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
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize, const I2: usize, const I3: usize, const I4: usize, const B1: usize, const B2: usize, const B3: usize, const B4: usize, const F1: usize, const F2: usize, const F3: usize, const F4: usize> LiftFwd<N1, N2, N3, N4, P1, P2, P3, P4, I2, I3, I4, B1, B2, B3, B4, F1, F2, F3, F4> {
    /// Checks the build-time parameters' relations (module docs): `P1` ∈ {1, 2, 4, 8},
    /// `P(k+1) = max(Pk / 2, 1)`, `Ik = 2·Pk`, `Bk = window_beats(Pk)`, `Fk = Bk·Pk`, and
    /// `N(k+1) = Nk − 1` where `Pk = 1` (level k+1's rows have half the beats), else `Nk`.
    pub fn check_params() {
        check_levels([N1, N2, N3, N4], [P1, P2, P3, P4], [B1, B2, B3, B4], [F1, F2, F3, F4]);
        assert!(I2 == 2 * P2 && I3 == 2 * P3 && I4 == 2 * P4, "Ik = 2·Pk");
    }
}

/// The level parameters an every-wavelet 2-D transform ([`LiftFwd`], [`super::lift_inv`])
/// is built with: line-buffer bits `n`, pair lanes `p`, window beats `b` and flat windows
/// `f` of levels 1–4. Panics unless `P1` ∈ {1, 2, 4, 8}, `P(k+1) = max(Pk / 2, 1)`,
/// `Bk = window_beats(Pk)`, `Fk = Bk·Pk` and `N(k+1) = Nk − 1` where `Pk = 1`, else `Nk`.
pub fn check_levels(n: [usize; 4], p: [usize; 4], b: [usize; 4], f: [usize; 4]) {
    use super::lift_h::window_beats;
    assert!(matches!(p[0], 1 | 2 | 4 | 8), "P1 is 1, 2, 4 or 8 pairs per beat");
    for k in 0..3 {
        assert_eq!(p[k + 1], (p[k] / 2).max(1), "P(k+1) = max(Pk / 2, 1)");
        assert_eq!(n[k + 1], if p[k] == 1 { n[k] - 1 } else { n[k] }, "N(k+1) = Nk - 1 where Pk = 1, else Nk");
    }
    for k in 0..4 {
        assert!(b[k] == window_beats(p[k]) && f[k] == b[k] * p[k], "Bk = window_beats(Pk), Fk = Bk·Pk");
    }
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize, const I2: usize, const I3: usize, const I4: usize, const B1: usize, const B2: usize, const B3: usize, const B4: usize, const F1: usize, const F2: usize, const F3: usize, const F4: usize> Default for LiftFwd<N1, N2, N3, N4, P1, P2, P3, P4, I2, I3, I4, B1, B2, B3, B4, F1, F2, F3, F4> {
    fn default() -> Self {
        Self::check_params();
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
            err_wavelet: Default::default(),
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
            err_w: Default::default(),
            err_l: Default::default(),
            err_p: Default::default(),
            b2: Default::default(),
            b3: Default::default(),
            b4: Default::default(),
            sho: Default::default(),
            hq: Default::default(),
            pho: Default::default(),
            hho: Default::default(),
            idle_unused: Default::default(),
            range_unused: Default::default(),
            ho1: Default::default(),
            ho2: Default::default(),
            ho3: Default::default(),
            ho4: Default::default(),
            pairs_ho: Default::default(),
            single2: Default::default(),
            single3: Default::default(),
            single4: Default::default(),
            single_ho: Default::default(),
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
            sx1: std::array::from_fn(|_| Default::default()),
            sx2: std::array::from_fn(|_| Default::default()),
            sx3: std::array::from_fn(|_| Default::default()),
            hv: std::array::from_fn(|_| Default::default()),
            one13: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            three: Constant::new(3u64.to_bits()),
            four: Constant::new(4u64.to_bits()),
        }
    }
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize, const I2: usize, const I3: usize, const I4: usize, const B1: usize, const B2: usize, const B3: usize, const B4: usize, const F1: usize, const F2: usize, const F3: usize, const F4: usize> Logic for LiftFwd<N1, N2, N3, N4, P1, P2, P3, P4, I2, I3, I4, B1, B2, B3, B4, F1, F2, F3, F4> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, pairs2, pairs3, pairs4, rows2, rows3, rows4, deep2, deep3, deep4, err_w, err_l, err_p, sho, ho1, ho2, ho3, ho4, pairs_ho, single2, single3, single4, single_ho);
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
        self.h1.in_first.next = self.in_first.val();
        self.h1.in_last.next = self.in_last.val();
        self.h1.in_sop.next = self.in_sop.val();
        self.h1.cfg_pairs.next = self.cfg_pairs.val();
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
        self.h2.cfg_pairs.next = self.pairs2.q.val();
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
        self.h3.cfg_pairs.next = self.pairs3.q.val();
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
        self.h4.cfg_pairs.next = self.pairs4.q.val();
        self.v4.in_valid.next = self.h4.out_valid.val();
        self.h4.out_ready.next = self.v4.in_ready.val();
        self.v4.in_first.next = self.h4.out_first.val();
        self.v4.in_last.next = self.h4.out_last.val();
        self.v4.in_sop.next = self.h4.out_sop.val();
        self.v4.in_tag.next = 0.into();
        self.v4.cfg_pairs.next = self.pairs4.q.val();
        self.v4.cfg_rows.next = self.rows4.q.val();
        self.v4.cfg_ll.next = self.ho4.q.val();
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
        self.v4.ll_ready.next = self.hq.free.val();
        // Horizontal-only level: the deepest 2-D level's LL beats (sign-extended to 40 bits;
        // lanes past the source's are ignored by the packer) into a two-entry queue (a
        // register slice: the four-way source select stays out of the packer's take logic),
        // gathered into beats of P2 pairs, through one more horizontal analysis.
        for k in 0..I2 {
            self.hv[k].next = 0.into();
        }
        for k in 0..P4 {
            self.hv[k].next = self.v4.ll_c[k].val();
        }
        // the push as a sum of products (the ho flags are exclusive registers): two LUT
        // levels from any level's LL valid to the queue's entry selects
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
        self.hho.cfg_pairs.next = self.pairs_ho.q.val();
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
    use super::super::lift_inv::{LiftInv16, LiftInv2, LiftInv4, LiftInv8};
    use super::super::{lift_h, lift_v};
    use super::{check_levels, LiftFwd16, LiftFwd2, LiftFwd4, LiftFwd8, STAGES};

    /// The named builds' parameters satisfy `check_levels` (every lane count, both
    /// directions), and a wrong window or line-buffer size is refused.
    #[test]
    fn named_builds_have_consistent_levels() {
        LiftFwd2::<12, 11, 10, 9>::check_params();
        LiftFwd4::<11, 11, 10, 9>::check_params();
        LiftFwd8::<10, 10, 10, 9>::check_params();
        LiftFwd16::<9, 9, 9, 9>::check_params();
        LiftInv2::<12, 11, 10, 9>::check_params();
        LiftInv4::<11, 11, 10, 9>::check_params();
        LiftInv8::<10, 10, 10, 9>::check_params();
        LiftInv16::<9, 9, 9, 9>::check_params();
        assert!(std::panic::catch_unwind(|| check_levels([9; 4], [8, 4, 2, 1], [3, 3, 5, 9], [24, 12, 10, 8])).is_err(), "F4 = 8 accepted");
        assert!(std::panic::catch_unwind(|| check_levels([9, 9, 9, 8], [8, 4, 2, 1], [3, 3, 5, 9], [24, 12, 10, 9])).is_err(), "N4 = 8 accepted");
    }

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
