//! Inverse 2-D wavelet transform for **every VC-2 wavelet** (indices 0–6, chosen at run time
//! for the vertical and the horizontal passes separately), depth 1–4 plus 0–1
//! horizontal-only level, `2·P1` samples per clock (`P1` = 1, 2, 4 or 8): the VC-2
//! decoder's `idwt` (ST 2042-1 15.4.1), line-based with line buffers only. It undoes [`super::lift_fwd`] and takes that
//! block's output streams as they come.
//!
//! **Structure.** [`super::legall_inv`]'s, with the every-wavelet blocks: level k (k = 1 is
//! the finest) is [`super::ll_join`] → [`super::lift_v`] (synthesis) →
//! [`super::lift_h`] (synthesis), with `Pk` pair lanes (`P(k+1) = max(Pk / 2, 1)`): level
//! k+1's horizontal block gives `P(k+1)` sample pairs per beat, which are the `Pk` LL
//! columns one L-row beat of level k's join takes (or, where `Pk = 1`, one pair for two
//! beats). With `cfg_depth_ho` the horizontal-only level comes first (15.4.1:
//! `h_synthesis` before the 2-D levels): its (L, H) pairs (`inho_*`, `P2` per beat) go
//! through one more [`super::lift_h`] with `P2` lanes whose rows are the deepest 2-D level's
//! LL; an [`super::ll_unpack`] cuts its beats into the `max(Pd / 2, 1)` pairs the join of
//! that level `d` takes (1, 2 or 4 beats each, set by the depth at run time). Every other
//! level's join replaces lane a of its L rows with the LL rows the level below has just
//! synthesised. Level 1's horizontal block writes the picture: `out_*` carries `P1` sample
//! pairs `(x_{2n}, x_{2n+1})` per beat, rows top to bottom.
//!
//! **Band streams** (`inK_*`, one per level, each with its own valid/ready): as
//! [`super::legall_inv`]'s — rows alternating L (`a` = LL or ignored, `b` = HL) and H
//! (`a` = LH, `b` = HH), lane `j` of beat `c` holding column `c·Pk + j` — the order
//! [`super::lift_fwd`]'s `outK_*` produce at the same lane counts; `inho_*` as its
//! `outho_*`.
//!
//! **Throughput.** Level 1 emits one beat of `P1` sample pairs per clock; deeper levels run
//! at a quarter of the rate of the level above. A picture costs about `W/(2·P1) · (H + F)`
//! clocks, `F` level 1's vertical flush rows ([`super::lift_v::flush_rows`]: 4 for LeGall, 16 for Fidelity).
//!
//! **Widths, and the range check.** The band lanes are [`BAND_BITS`] = 23 bits and every
//! lifting stage works in [`DATA_BITS`] = 25-bit lanes: the worst case `vc2-bit-widths`
//! computes for a 12-bit picture at depth 4, with and without the horizontal-only level,
//! quantised with any quantisation index, over all seven wavelets (`vc2-bundle
//! extract-static-filter-analysis -w W -d 4 -D 0|1` on `vc2-conformance-data`'s bundle, then
//! the theoretical bounds `vc2-bit-widths-table -b 12` prints, not its test patterns). The
//! largest band value is Fidelity's DC band with the horizontal-only level (23 bits), the
//! largest intermediate Fidelity's with that level (±10 560 830: 25 bits; 24 without it),
//! then Daubechies' (24 bits); the Deslauriers-Dubucs and LeGall need 22, Haar with shift 19
//! ([`DEPTH4_BOUNDS`], [`DEPTH4_HO_BOUNDS`], checked against the lanes by a test).
//! So every stream a real encoder (this project's or any other) makes from a picture of up
//! to 12 bits is transformed exactly. A corrupt stream can carry coefficients no picture
//! gives; should a lifting result then not fit its 25 bits (the bracket, the update or the
//! post-shift's `+1` wraps), `err_range` pulses and the picture comes out wrong but
//! framed: the block never stops, and the next picture is exact. (Until this sizing the
//! block sized every stage for *any* coefficients: 28 to 48 bits from level 3 to level 1,
//! which cannot reach depth 4 inside 64-bit accumulators.) The picture leaves in 25-bit
//! lanes, unclipped.
//!
//! **Run-time registers:** `cfg_pairs` (level-1 beats per row: width / `2·P1`; the width
//! must be a multiple of `2^(cfg_depth + cfg_depth_ho)` and of `2·P1`, with `cfg_depth_ho`
//! of `2^(cfg_depth + 1) · P2`), `cfg_rows` (height, a multiple of
//! `2^cfg_depth`), `cfg_depth` (1..=4; 0 is taken as 1, 5–7 as 4), `cfg_depth_ho` (0 or 1),
//! `cfg_wavelet` (`wavelet_index`, the vertical passes) and `cfg_wavelet_ho`
//! (`wavelet_index_ho`, every horizontal pass and `filter_bit_shift`), 0..=6. Set them at
//! least four clocks before a picture's first beat and change them only between pictures.
//! **Build-time parameters:** `N1` … `N4`: line-buffer address bits of each level (level k
//! holds rows of up to `2^Nk` beats; `N(k+1) = Nk − 1` where `Pk = 1`, else `Nk`); `P1` …
//! `P4` pair lanes (`P1` ∈ {1, 2, 4, 8}, `P(k+1) = max(Pk / 2, 1)`, so `P4 = 1`); `I2 =
//! 2·P2` (the unpacker's flat lanes); `Bk` = [`super::lift_h::window_beats`]`(Pk)` and `Fk
//! = Bk·Pk` (the horizontal units' windows; the horizontal-only level uses level 2's).
//! [`LiftInv::check_params`] checks them; [`LiftInv2`] … [`LiftInv16`] name the four lane
//! counts.
//!
//! **Protocol errors.** `err_line` (a horizontal block saw a broken line) and `err_pic` (a
//! vertical block saw a broken picture, or a join found a level's bands and the LL rows from
//! below out of step) pulse for one clock; each block drops input until the next start of
//! picture, which comes out exact. `err_range` (above) pulses for one clock per wrapped
//! result. **Reset:** none needed (every register starts idle).

use super::lift_h::LiftH;
use super::lift_v::LiftV;
use super::ll_join::LlJoin;
use super::ll_unpack::LlUnpack;
use super::tag_queue::TagQueue;
use rust_hdl::prelude::*;

/// Bits of every band lane (`inK_a`, `inK_b`, `inho_low`, `inho_high`).
pub const BAND_BITS: usize = 23;

/// Bits of every lifting stage's lanes, of the joins' output and of the picture lanes.
pub const DATA_BITS: usize = 25;

/// Bits of the picture lanes (`out_even`, `out_odd`).
pub const OUT_BITS: usize = DATA_BITS;

/// Accumulator bits of the horizontal stages (`lift_h` asks `V + 15`).
const HACC: usize = 40;
/// Accumulator bits of the vertical stages.
const VACC: usize = 40;

/// `vc2-bit-widths`' bounds for a 12-bit picture at depth 4 without a horizontal-only level
/// (the theoretical bounds of `vc2-bit-widths-table -b 12`: the largest dequantised band
/// value at the largest useful quantisation index, and the largest magnitude of any
/// synthesis intermediate, either sign): per wavelet index 0..=6, (band, intermediate).
pub const DEPTH4_BOUNDS: [(i64, i64); 7] = [(393_216, 1_067_403), (330_654, 937_296), (393_216, 1_160_403), (12_288, 39_950), (196_608, 196_612), (1_870_461, 8_228_798), (661_308, 4_625_647)];

/// The same at depth 4 with one horizontal-only level (`-D 1`). Fidelity's intermediates
/// reach ±10 560 830 here: past 24 bits, the reason the lanes are 25.
pub const DEPTH4_HO_BOUNDS: [(i64, i64); 7] = [(393_216, 1_215_296), (467_615, 1_054_201), (467_615, 1_337_358), (12_288, 43_023), (196_608, 245_765), (3_740_922, 10_560_830), (1_322_616, 5_427_028)];

/// The level-k vertical pass: 25-bit lanes, line-buffer words for every wavelet, `P` lanes.
type Vk<const N: usize, const P: usize> = LiftV<DATA_BITS, DATA_BITS, VACC, N, 1, { 4 * DATA_BITS }, { 2 * DATA_BITS }, { 8 * DATA_BITS }, { 4 * DATA_BITS }, { 8 * DATA_BITS }, { 4 * DATA_BITS }, { 2 * DATA_BITS }, DATA_BITS, P>;
/// Every horizontal pass of a 2-D level.
type Hk<const P: usize, const B: usize, const F: usize> = LiftH<DATA_BITS, DATA_BITS, HACC, 1, P, B, F>;
/// The horizontal-only level's pass: 23-bit bands in (sign-extended), 25-bit lanes.
type Hho<const P: usize, const B: usize, const F: usize> = LiftH<BAND_BITS, DATA_BITS, HACC, 1, P, B, F>;
/// Every join: 23-bit bands, 25-bit LL rows and output; `P` band pairs, `R` LL pairs per beat.
type Jk<const P: usize, const R: usize> = LlJoin<BAND_BITS, DATA_BITS, DATA_BITS, P, R>;

/// Every lifting stage as built, in data-flow order: (name, input bits `W`, lane bits `V`,
/// accumulator bits `A`).
pub const STAGES: [(&str, usize, usize, usize); 9] = [
    ("hho", BAND_BITS, DATA_BITS, HACC),
    ("v4", DATA_BITS, DATA_BITS, VACC),
    ("h4", DATA_BITS, DATA_BITS, HACC),
    ("v3", DATA_BITS, DATA_BITS, VACC),
    ("h3", DATA_BITS, DATA_BITS, HACC),
    ("v2", DATA_BITS, DATA_BITS, VACC),
    ("h2", DATA_BITS, DATA_BITS, HACC),
    ("v1", DATA_BITS, DATA_BITS, VACC),
    ("h1", DATA_BITS, DATA_BITS, HACC),
];

/// The build at 2 samples per clock (`P1` = 1); `N1` … `N4` as [`LiftInv`]'s.
pub type LiftInv2<const N1: usize, const N2: usize, const N3: usize, const N4: usize> = LiftInv<N1, N2, N3, N4, 1, 1, 1, 1, 2, 9, 9, 9, 9, 9, 9, 9, 9>;
/// The build at 4 samples per clock (`P1` = 2).
pub type LiftInv4<const N1: usize, const N2: usize, const N3: usize, const N4: usize> = LiftInv<N1, N2, N3, N4, 2, 1, 1, 1, 2, 5, 9, 9, 9, 10, 9, 9, 9>;
/// The build at 8 samples per clock (`P1` = 4).
pub type LiftInv8<const N1: usize, const N2: usize, const N3: usize, const N4: usize> = LiftInv<N1, N2, N3, N4, 4, 2, 1, 1, 4, 3, 5, 9, 9, 12, 10, 9, 9>;
/// The build at 16 samples per clock (`P1` = 8).
pub type LiftInv16<const N1: usize, const N2: usize, const N3: usize, const N4: usize> = LiftInv<N1, N2, N3, N4, 8, 4, 2, 1, 8, 3, 3, 5, 9, 24, 12, 10, 9>;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftInv<
    const N1: usize,
    const N2: usize,
    const N3: usize,
    const N4: usize,
    const P1: usize,
    const P2: usize,
    const P3: usize,
    const P4: usize,
    const I2: usize,
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
    /// Level 1 band stream: a beat is offered.
    pub in1_valid: Signal<In, Bit>,
    /// Level 1: the block takes it at this edge.
    pub in1_ready: Signal<Out, Bit>,
    /// Level 1: pair `j`'s lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 23-bit two's complement.
    pub in1_a: [Signal<In, Bits<BAND_BITS>>; P1],
    /// Level 1: pair `j`'s lane b (HL in L rows, HH in H rows).
    pub in1_b: [Signal<In, Bits<BAND_BITS>>; P1],
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
    /// Level 2: pair `j`'s lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 23-bit two's complement.
    pub in2_a: [Signal<In, Bits<BAND_BITS>>; P2],
    /// Level 2: pair `j`'s lane b (HL in L rows, HH in H rows).
    pub in2_b: [Signal<In, Bits<BAND_BITS>>; P2],
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
    /// Level 3: pair `j`'s lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 23-bit two's complement.
    pub in3_a: [Signal<In, Bits<BAND_BITS>>; P3],
    /// Level 3: pair `j`'s lane b (HL in L rows, HH in H rows).
    pub in3_b: [Signal<In, Bits<BAND_BITS>>; P3],
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
    /// Level 4: pair `j`'s lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 23-bit two's complement.
    pub in4_a: [Signal<In, Bits<BAND_BITS>>; P4],
    /// Level 4: pair `j`'s lane b (HL in L rows, HH in H rows).
    pub in4_b: [Signal<In, Bits<BAND_BITS>>; P4],
    /// Level 4: first beat of a row.
    pub in4_first: Signal<In, Bit>,
    /// Level 4: last beat of a row.
    pub in4_last: Signal<In, Bit>,
    /// Level 4: first beat of a picture (with `in4_first`).
    pub in4_sop: Signal<In, Bit>,
    /// Level 4: the picture's number (read with `in4_sop`; module docs), 4 bits.
    pub in4_tag: Signal<In, Bits<4>>,
    /// Horizontal-only level's stream (`cfg_depth_ho`): a beat of `P2` pairs is offered.
    pub inho_valid: Signal<In, Bit>,
    /// Horizontal-only level: the block takes it at this edge.
    pub inho_ready: Signal<Out, Bit>,
    /// Horizontal-only level: pair `j`'s L (the DC band), 23-bit two's complement.
    pub inho_low: [Signal<In, Bits<BAND_BITS>>; P2],
    /// Horizontal-only level: pair `j`'s H.
    pub inho_high: [Signal<In, Bits<BAND_BITS>>; P2],
    /// Horizontal-only level: first beat of a row.
    pub inho_first: Signal<In, Bit>,
    /// Horizontal-only level: last beat of a row.
    pub inho_last: Signal<In, Bit>,
    /// Horizontal-only level: first beat of a picture (with `inho_first`).
    pub inho_sop: Signal<In, Bit>,
    /// Horizontal-only level: the picture's number (read with `inho_sop`).
    pub inho_tag: Signal<In, Bits<4>>,
    /// Run-time register: beats per picture row at level 1 (width / `2·P1`), 1..=`2^N1`.
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
    /// Picture stream: a beat of `P1` sample pairs is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Picture stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Picture stream: pair `j`'s even sample `x_{2n}` (`n = c·P1 + j` in beat `c`), 25-bit two's complement (not clipped).
    pub out_even: [Signal<Out, Bits<OUT_BITS>>; P1],
    /// Picture stream: pair `j`'s odd sample `x_{2n+1}`.
    pub out_odd: [Signal<Out, Bits<OUT_BITS>>; P1],
    /// Picture stream: first beat of a row.
    pub out_first: Signal<Out, Bit>,
    /// Picture stream: last beat of a row.
    pub out_last: Signal<Out, Bit>,
    /// Picture stream: first beat of a picture.
    pub out_sop: Signal<Out, Bit>,
    /// Picture stream: the picture's number (with `out_sop`): level 1's `in1_tag`.
    pub out_tag: Signal<Out, Bits<4>>,
    /// Protocol error: a broken line (any horizontal block).
    pub err_line: Signal<Out, Bit>,
    /// Protocol error: a broken picture (any vertical block or join).
    pub err_pic: Signal<Out, Bit>,
    /// Configuration error: `cfg_wavelet` or `cfg_wavelet_ho` names a wavelet outside the build's set (a register; every wavelet is built here).
    pub err_wavelet: Signal<Out, Bit>,
    /// Range error: a lifting result did not fit its 25 bits (a corrupt stream; module docs), one clock per wrapped result, a few clocks after it.
    pub err_range: Signal<Out, Bit>,
    hho: Hho<P2, B2, F2>,
    // the horizontal-only level's beats cut to the deepest join's LL pairs
    un: LlUnpack<DATA_BITS, I2, P2>,
    j4: Jk<P4, 1>,
    v4: Vk<N4, P4>,
    h4: Hk<P4, B4, F4>,
    j3: Jk<P3, P4>,
    v3: Vk<N3, P3>,
    h3: Hk<P3, B3, F3>,
    j2: Jk<P2, P3>,
    v2: Vk<N2, P2>,
    h2: Hk<P2, B2, F2>,
    j1: Jk<P1, P2>,
    v1: Vk<N1, P1>,
    h1: Hk<P1, B1, F1>,
    // picture numbers across each horizontal block (which carries only the sop marker)
    qho: TagQueue<4>,
    q4: TagQueue<4>,
    q3: TagQueue<4>,
    q2: TagQueue<4>,
    q1: TagQueue<4>,
    pairs2: DFF<Bits<13>>,
    pairs3: DFF<Bits<13>>,
    pairs4: DFF<Bits<13>>,
    pairs_ho: DFF<Bits<13>>,
    sho: DFF<Bits<2>>,
    // level k+1's beats per row: level k's, halved where level k has one pair per beat
    b2: Signal<Local, Bits<13>>,
    b3: Signal<Local, Bits<13>>,
    b4: Signal<Local, Bits<13>>,
    half1: Constant<Bit>,
    half2: Constant<Bit>,
    half3: Constant<Bit>,
    // the horizontal-only level's beats per row at depth d: level d's >> log2(2·P2 / Pd)
    shd1: Constant<Bits<2>>,
    shd2: Constant<Bits<2>>,
    shd3: Constant<Bits<2>>,
    shd4: Constant<Bits<2>>,
    // its unpacker's shift at depth d: log2(P2 / max(Pd / 2, 1))
    shu1: Constant<Bits<2>>,
    shu2: Constant<Bits<2>>,
    shu3: Constant<Bits<2>>,
    shu4: Constant<Bits<2>>,
    rows2: DFF<Bits<13>>,
    rows3: DFF<Bits<13>>,
    rows4: DFF<Bits<13>>,
    join1: DFF<Bit>,
    join2: DFF<Bit>,
    join3: DFF<Bit>,
    join4: DFF<Bit>,
    ho1: DFF<Bit>,
    ho2: DFF<Bit>,
    ho3: DFF<Bit>,
    ho4: DFF<Bit>,
    single1: DFF<Bit>,
    single2: DFF<Bit>,
    single3: DFF<Bit>,
    single4: DFF<Bit>,
    single_ho: DFF<Bit>,
    err_l: DFF<Bit>,
    err_p: DFF<Bit>,
    err_w: DFF<Bit>,
    err_r: DFF<Bit>,
    // The vertical blocks' LL streams, `out_vhigh` and the deeper horizontal blocks' `last`
    // markers have no consumer here (Verilator's lint ignores names containing "unused").
    ll_unused: Signal<Local, Bit>,
    ll1_unused: [Signal<Local, Bits<DATA_BITS>>; P1],
    ll2_unused: [Signal<Local, Bits<DATA_BITS>>; P2],
    ll3_unused: [Signal<Local, Bits<DATA_BITS>>; P3],
    ll4_unused: [Signal<Local, Bits<DATA_BITS>>; P4],
    // the unpacker's lanes past the deepest join's (ignored by design)
    un_unused: [Signal<Local, Bits<DATA_BITS>>; P2],
    one13: Constant<Bits<13>>,
    two: Constant<Bits<3>>,
    three: Constant<Bits<3>>,
    four: Constant<Bits<3>>,
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize, const I2: usize, const B1: usize, const B2: usize, const B3: usize, const B4: usize, const F1: usize, const F2: usize, const F3: usize, const F4: usize> LiftInv<N1, N2, N3, N4, P1, P2, P3, P4, I2, B1, B2, B3, B4, F1, F2, F3, F4> {
    /// Checks the build-time parameters' relations (module docs): `P1` ∈ {1, 2, 4, 8},
    /// `P(k+1) = max(Pk / 2, 1)`, `I2 = 2·P2`, `Bk = window_beats(Pk)`, `Fk = Bk·Pk`, and
    /// `N(k+1) = Nk − 1` where `Pk = 1`, else `Nk`.
    pub fn check_params() {
        super::lift_fwd::check_levels([N1, N2, N3, N4], [P1, P2, P3, P4], [B1, B2, B3, B4], [F1, F2, F3, F4]);
        assert!(P4 == 1 && I2 == 2 * P2, "P4 = 1 (level 4's join takes one LL pair), I2 = 2·P2");
    }
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize, const I2: usize, const B1: usize, const B2: usize, const B3: usize, const B4: usize, const F1: usize, const F2: usize, const F3: usize, const F4: usize> Default for LiftInv<N1, N2, N3, N4, P1, P2, P3, P4, I2, B1, B2, B3, B4, F1, F2, F3, F4> {
    fn default() -> Self {
        Self::check_params();
        let log2 = |x: usize| x.trailing_zeros() as u64;
        Self {
            clock: Default::default(),
            in1_valid: Default::default(),
            in1_ready: Default::default(),
            in1_a: std::array::from_fn(|_| Default::default()),
            in1_b: std::array::from_fn(|_| Default::default()),
            in1_first: Default::default(),
            in1_last: Default::default(),
            in1_sop: Default::default(),
            in1_tag: Default::default(),
            in2_valid: Default::default(),
            in2_ready: Default::default(),
            in2_a: std::array::from_fn(|_| Default::default()),
            in2_b: std::array::from_fn(|_| Default::default()),
            in2_first: Default::default(),
            in2_last: Default::default(),
            in2_sop: Default::default(),
            in2_tag: Default::default(),
            in3_valid: Default::default(),
            in3_ready: Default::default(),
            in3_a: std::array::from_fn(|_| Default::default()),
            in3_b: std::array::from_fn(|_| Default::default()),
            in3_first: Default::default(),
            in3_last: Default::default(),
            in3_sop: Default::default(),
            in3_tag: Default::default(),
            in4_valid: Default::default(),
            in4_ready: Default::default(),
            in4_a: std::array::from_fn(|_| Default::default()),
            in4_b: std::array::from_fn(|_| Default::default()),
            in4_first: Default::default(),
            in4_last: Default::default(),
            in4_sop: Default::default(),
            in4_tag: Default::default(),
            inho_valid: Default::default(),
            inho_ready: Default::default(),
            inho_low: std::array::from_fn(|_| Default::default()),
            inho_high: std::array::from_fn(|_| Default::default()),
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
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_even: std::array::from_fn(|_| Default::default()),
            out_odd: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            out_tag: Default::default(),
            err_line: Default::default(),
            err_pic: Default::default(),
            err_wavelet: Default::default(),
            err_range: Default::default(),
            hho: Default::default(),
            un: Default::default(),
            j4: Default::default(),
            v4: Default::default(),
            h4: Default::default(),
            j3: Default::default(),
            v3: Default::default(),
            h3: Default::default(),
            j2: Default::default(),
            v2: Default::default(),
            h2: Default::default(),
            j1: Default::default(),
            v1: Default::default(),
            h1: Default::default(),
            qho: Default::default(),
            q4: Default::default(),
            q3: Default::default(),
            q2: Default::default(),
            q1: Default::default(),
            pairs2: Default::default(),
            pairs3: Default::default(),
            pairs4: Default::default(),
            pairs_ho: Default::default(),
            sho: Default::default(),
            b2: Default::default(),
            b3: Default::default(),
            b4: Default::default(),
            half1: Constant::new(P1 == 1),
            half2: Constant::new(P2 == 1),
            half3: Constant::new(P3 == 1),
            shd1: Constant::new(log2(I2 / P1).to_bits()),
            shd2: Constant::new(log2(I2 / P2).to_bits()),
            shd3: Constant::new(log2(I2 / P3).to_bits()),
            shd4: Constant::new(log2(I2 / P4).to_bits()),
            // (at depth 1 the join takes the level-2 lane count, P2 pairs: no cut)
            shu1: Constant::new(0u64.to_bits()),
            shu2: Constant::new(log2(P2 / P3).to_bits()),
            shu3: Constant::new(log2(P2 / P4).to_bits()),
            shu4: Constant::new(log2(P2).to_bits()),
            rows2: Default::default(),
            rows3: Default::default(),
            rows4: Default::default(),
            join1: Default::default(),
            join2: Default::default(),
            join3: Default::default(),
            join4: Default::default(),
            ho1: Default::default(),
            ho2: Default::default(),
            ho3: Default::default(),
            ho4: Default::default(),
            single1: Default::default(),
            single2: Default::default(),
            single3: Default::default(),
            single4: Default::default(),
            single_ho: Default::default(),
            err_l: Default::default(),
            err_p: Default::default(),
            err_w: Default::default(),
            err_r: Default::default(),
            ll_unused: Default::default(),
            ll1_unused: std::array::from_fn(|_| Default::default()),
            ll2_unused: std::array::from_fn(|_| Default::default()),
            ll3_unused: std::array::from_fn(|_| Default::default()),
            ll4_unused: std::array::from_fn(|_| Default::default()),
            un_unused: std::array::from_fn(|_| Default::default()),
            one13: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            three: Constant::new(3u64.to_bits()),
            four: Constant::new(4u64.to_bits()),
        }
    }
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize, const I2: usize, const B1: usize, const B2: usize, const B3: usize, const B4: usize, const F1: usize, const F2: usize, const F3: usize, const F4: usize> Logic for LiftInv<N1, N2, N3, N4, P1, P2, P3, P4, I2, B1, B2, B3, B4, F1, F2, F3, F4> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, pairs2, pairs3, pairs4, pairs_ho, sho, rows2, rows3, rows4, join1, join2, join3, join4, ho1, ho2, ho3, ho4, single1, single2, single3, single4, single_ho, err_l, err_p, err_w, err_r);
        clock!(self, clock, hho, un, j4, v4, h4, j3, v3, h3, j2, v2, h2, j1, v1, h1, qho, q4, q3, q2, q1);
        // Run-time registers, decoded into registers (stable between pictures).
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
        self.rows2.d.next = self.cfg_rows.val() >> 1;
        self.rows3.d.next = self.cfg_rows.val() >> 2;
        self.rows4.d.next = self.cfg_rows.val() >> 3;
        // The horizontal-only level sits below the deepest 2-D level (depth 0 is taken as 1,
        // 5–7 as 4); a level joins LL rows from below when a deeper level of either kind is
        // there.
        self.ho1.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() < self.two.val());
        self.ho2.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.two.val());
        self.ho3.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.three.val());
        self.ho4.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() >= self.four.val());
        self.join1.d.next = (self.cfg_depth.val() >= self.two.val()) | self.cfg_depth_ho.val();
        self.join2.d.next = (self.cfg_depth.val() >= self.three.val()) | self.ho2.q.val();
        self.join3.d.next = (self.cfg_depth.val() >= self.four.val()) | self.ho3.q.val();
        self.join4.d.next = self.ho4.q.val();
        // The horizontal-only level's beats per row and its unpacker's shift, by the level
        // it feeds.
        self.pairs_ho.d.next = self.pairs4.q.val() >> self.shd4.val();
        self.sho.d.next = self.shu4.val();
        if self.ho3.q.val() {
            self.pairs_ho.d.next = self.pairs3.q.val() >> self.shd3.val();
            self.sho.d.next = self.shu3.val();
        }
        if self.ho2.q.val() {
            self.pairs_ho.d.next = self.pairs2.q.val() >> self.shd2.val();
            self.sho.d.next = self.shu2.val();
        }
        if self.ho1.q.val() {
            self.pairs_ho.d.next = self.cfg_pairs.val() >> self.shd1.val();
            self.sho.d.next = self.shu1.val();
        }
        self.single1.d.next = self.cfg_pairs.val() == self.one13.val();
        self.single2.d.next = self.pairs2.q.val() == self.one13.val();
        self.single3.d.next = self.pairs3.q.val() == self.one13.val();
        self.single4.d.next = self.pairs4.q.val() == self.one13.val();
        self.single_ho.d.next = self.pairs_ho.q.val() == self.one13.val();
        // Every lifting block decodes the wavelet itself: vertical passes `wavelet_index`,
        // horizontal passes `wavelet_index_ho`.
        self.hho.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h4.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h3.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h2.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h1.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.v4.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v3.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v2.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v1.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v4.cfg_ll.next = false;
        self.v4.ll_ready.next = false;
        self.v3.cfg_ll.next = false;
        self.v3.ll_ready.next = false;
        self.v2.cfg_ll.next = false;
        self.v2.ll_ready.next = false;
        self.v1.cfg_ll.next = false;
        self.v1.ll_ready.next = false;
        self.ll_unused.next = self.v1.ll_valid.val()
            | self.v1.ll_first.val()
            | self.v1.ll_last.val()
            | self.v1.ll_sop.val()
            | self.v1.out_vhigh.val()
            | self.v2.ll_valid.val()
            | self.v2.ll_first.val()
            | self.v2.ll_last.val()
            | self.v2.ll_sop.val()
            | self.v2.out_vhigh.val()
            | self.v3.ll_valid.val()
            | self.v3.ll_first.val()
            | self.v3.ll_last.val()
            | self.v3.ll_sop.val()
            | self.v3.out_vhigh.val()
            | self.v4.ll_valid.val()
            | self.v4.ll_first.val()
            | self.v4.ll_last.val()
            | self.v4.ll_sop.val()
            | self.v4.out_vhigh.val()
            | self.un.out_last.val()
            | self.h2.out_last.val()
            | self.h3.out_last.val()
            | self.h4.out_last.val();
        for k in 0..P1 {
            self.ll1_unused[k].next = self.v1.ll_c[k].val();
        }
        for k in 0..P2 {
            self.ll2_unused[k].next = self.v2.ll_c[k].val();
        }
        for k in 0..P3 {
            self.ll3_unused[k].next = self.v3.ll_c[k].val();
        }
        for k in 0..P4 {
            self.ll4_unused[k].next = self.v4.ll_c[k].val();
        }
        // Horizontal-only level: its stream into one more horizontal synthesis, whose rows
        // are the deepest 2-D level's LL, cut into the beats that level's join takes.
        // (a picture's first pair waits while the number queue is full; written out in each
        // assignment: a shared local would make Verilator see a combinational loop through
        // the horizontal block's ready)
        self.hho.in_valid.next = self.inho_valid.val() & !(self.inho_sop.val() & self.inho_first.val() & self.qho.full.val());
        self.inho_ready.next = self.hho.in_ready.val() & !(self.inho_sop.val() & self.inho_first.val() & self.qho.full.val());
        self.qho.push.next = self.inho_valid.val() & self.hho.in_ready.val() & !self.qho.full.val() & self.inho_sop.val() & self.inho_first.val();
        self.qho.in_tag.next = self.inho_tag.val();
        for k in 0..P2 {
            self.hho.in_even[k].next = self.inho_low[k].val();
            self.hho.in_odd[k].next = self.inho_high[k].val();
            self.un.in_even[k].next = self.hho.out_low[k].val();
            self.un.in_odd[k].next = self.hho.out_high[k].val();
            self.un_unused[k].next = self.un.out_even[k].val() | self.un.out_odd[k].val();
        }
        self.hho.in_first.next = self.inho_first.val();
        self.hho.in_last.next = self.inho_last.val();
        self.hho.in_sop.next = self.inho_sop.val();
        self.hho.cfg_pairs.next = self.pairs_ho.q.val();
        self.hho.cfg_single.next = self.single_ho.q.val();
        self.un.cfg_shift.next = self.sho.q.val();
        self.un.in_valid.next = self.hho.out_valid.val();
        self.hho.out_ready.next = self.un.in_ready.val();
        self.un.in_first.next = self.hho.out_first.val();
        self.un.in_last.next = self.hho.out_last.val();
        self.un.in_sop.next = self.hho.out_sop.val();
        self.un.out_ready.next = (self.ho4.q.val() & self.j4.ll_ready.val()) | (self.ho3.q.val() & self.j3.ll_ready.val()) | (self.ho2.q.val() & self.j2.ll_ready.val()) | (self.ho1.q.val() & self.j1.ll_ready.val());
        // Level 4: its bands, joined with the horizontal-only level's rows.
        self.j4.cfg_join.next = self.join4.q.val();
        self.j4.pic_idle.next = self.v4.pic_idle.val();
        self.j4.ext_valid.next = self.in4_valid.val();
        self.in4_ready.next = self.j4.ext_ready.val();
        for k in 0..P4 {
            self.j4.ext_a[k].next = self.in4_a[k].val();
            self.j4.ext_b[k].next = self.in4_b[k].val();
            self.v4.in_a[k].next = self.j4.out_a[k].val();
            self.v4.in_b[k].next = self.j4.out_b[k].val();
            self.h4.in_even[k].next = self.v4.out_a[k].val();
            self.h4.in_odd[k].next = self.v4.out_b[k].val();
        }
        self.j4.ext_first.next = self.in4_first.val();
        self.j4.ext_last.next = self.in4_last.val();
        self.j4.ext_sop.next = self.in4_sop.val();
        self.j4.ext_tag.next = self.in4_tag.val();
        self.j4.cfg_tags.next = true;
        self.j4.ll_valid.next = self.un.out_valid.val() & self.join4.q.val();
        self.j4.ll_even[0].next = self.un.out_even[0].val();
        self.j4.ll_odd[0].next = self.un.out_odd[0].val();
        self.j4.ll_first.next = self.un.out_first.val();
        self.j4.ll_sop.next = self.un.out_sop.val();
        self.j4.ll_tag.next = self.qho.out_tag.val();
        self.v4.in_valid.next = self.j4.out_valid.val();
        self.j4.out_ready.next = self.v4.in_ready.val();
        self.v4.in_first.next = self.j4.out_first.val();
        self.v4.in_last.next = self.j4.out_last.val();
        self.v4.in_sop.next = self.j4.out_sop.val();
        self.v4.in_tag.next = self.j4.out_tag.val();
        self.v4.cfg_pairs.next = self.pairs4.q.val();
        self.v4.cfg_rows.next = self.rows4.q.val();
        self.h4.in_valid.next = self.v4.out_valid.val() & !(self.v4.out_sop.val() & self.q4.full.val());
        self.v4.out_ready.next = self.h4.in_ready.val() & !(self.v4.out_sop.val() & self.q4.full.val());
        self.q4.push.next = self.v4.out_valid.val() & self.h4.in_ready.val() & !self.q4.full.val() & self.v4.out_sop.val();
        self.q4.in_tag.next = self.v4.out_tag.val();
        self.h4.in_first.next = self.v4.out_first.val();
        self.h4.in_last.next = self.v4.out_last.val();
        self.h4.in_sop.next = self.v4.out_sop.val();
        self.h4.cfg_pairs.next = self.pairs4.q.val();
        self.h4.cfg_single.next = self.single4.q.val();
        // Level 3: its bands joined with level 4's LL rows (or the horizontal-only level's).
        self.j3.cfg_join.next = self.join3.q.val();
        self.j3.pic_idle.next = self.v3.pic_idle.val();
        self.j3.ext_valid.next = self.in3_valid.val();
        self.in3_ready.next = self.j3.ext_ready.val();
        for k in 0..P3 {
            self.j3.ext_a[k].next = self.in3_a[k].val();
            self.j3.ext_b[k].next = self.in3_b[k].val();
            self.v3.in_a[k].next = self.j3.out_a[k].val();
            self.v3.in_b[k].next = self.j3.out_b[k].val();
            self.h3.in_even[k].next = self.v3.out_a[k].val();
            self.h3.in_odd[k].next = self.v3.out_b[k].val();
        }
        self.j3.ext_first.next = self.in3_first.val();
        self.j3.ext_last.next = self.in3_last.val();
        self.j3.ext_sop.next = self.in3_sop.val();
        self.j3.ext_tag.next = self.in3_tag.val();
        self.j3.cfg_tags.next = true;
        self.j3.ll_valid.next = self.h4.out_valid.val();
        self.h4.out_ready.next = self.j3.ll_ready.val();
        for k in 0..P4 {
            self.j3.ll_even[k].next = self.h4.out_low[k].val();
            self.j3.ll_odd[k].next = self.h4.out_high[k].val();
        }
        self.j3.ll_first.next = self.h4.out_first.val();
        self.j3.ll_sop.next = self.h4.out_sop.val();
        self.j3.ll_tag.next = self.q4.out_tag.val();
        if self.ho3.q.val() {
            self.j3.ll_valid.next = self.un.out_valid.val();
            self.h4.out_ready.next = false;
            for k in 0..P4 {
                self.j3.ll_even[k].next = self.un.out_even[k].val();
                self.j3.ll_odd[k].next = self.un.out_odd[k].val();
            }
            self.j3.ll_first.next = self.un.out_first.val();
            self.j3.ll_sop.next = self.un.out_sop.val();
            self.j3.ll_tag.next = self.qho.out_tag.val();
        }
        self.v3.in_valid.next = self.j3.out_valid.val();
        self.j3.out_ready.next = self.v3.in_ready.val();
        self.v3.in_first.next = self.j3.out_first.val();
        self.v3.in_last.next = self.j3.out_last.val();
        self.v3.in_sop.next = self.j3.out_sop.val();
        self.v3.in_tag.next = self.j3.out_tag.val();
        self.v3.cfg_pairs.next = self.pairs3.q.val();
        self.v3.cfg_rows.next = self.rows3.q.val();
        self.h3.in_valid.next = self.v3.out_valid.val() & !(self.v3.out_sop.val() & self.q3.full.val());
        self.v3.out_ready.next = self.h3.in_ready.val() & !(self.v3.out_sop.val() & self.q3.full.val());
        self.q3.push.next = self.v3.out_valid.val() & self.h3.in_ready.val() & !self.q3.full.val() & self.v3.out_sop.val();
        self.q3.in_tag.next = self.v3.out_tag.val();
        self.h3.in_first.next = self.v3.out_first.val();
        self.h3.in_last.next = self.v3.out_last.val();
        self.h3.in_sop.next = self.v3.out_sop.val();
        self.h3.cfg_pairs.next = self.pairs3.q.val();
        self.h3.cfg_single.next = self.single3.q.val();
        // Level 2: its bands joined with level 3's LL rows (or the horizontal-only level's).
        self.j2.cfg_join.next = self.join2.q.val();
        self.j2.pic_idle.next = self.v2.pic_idle.val();
        self.j2.ext_valid.next = self.in2_valid.val();
        self.in2_ready.next = self.j2.ext_ready.val();
        for k in 0..P2 {
            self.j2.ext_a[k].next = self.in2_a[k].val();
            self.j2.ext_b[k].next = self.in2_b[k].val();
            self.v2.in_a[k].next = self.j2.out_a[k].val();
            self.v2.in_b[k].next = self.j2.out_b[k].val();
            self.h2.in_even[k].next = self.v2.out_a[k].val();
            self.h2.in_odd[k].next = self.v2.out_b[k].val();
        }
        self.j2.ext_first.next = self.in2_first.val();
        self.j2.ext_last.next = self.in2_last.val();
        self.j2.ext_sop.next = self.in2_sop.val();
        self.j2.ext_tag.next = self.in2_tag.val();
        self.j2.cfg_tags.next = true;
        self.j2.ll_valid.next = self.h3.out_valid.val();
        self.h3.out_ready.next = self.j2.ll_ready.val();
        for k in 0..P3 {
            self.j2.ll_even[k].next = self.h3.out_low[k].val();
            self.j2.ll_odd[k].next = self.h3.out_high[k].val();
        }
        self.j2.ll_first.next = self.h3.out_first.val();
        self.j2.ll_sop.next = self.h3.out_sop.val();
        self.j2.ll_tag.next = self.q3.out_tag.val();
        if self.ho2.q.val() {
            self.j2.ll_valid.next = self.un.out_valid.val();
            self.h3.out_ready.next = false;
            for k in 0..P3 {
                self.j2.ll_even[k].next = self.un.out_even[k].val();
                self.j2.ll_odd[k].next = self.un.out_odd[k].val();
            }
            self.j2.ll_first.next = self.un.out_first.val();
            self.j2.ll_sop.next = self.un.out_sop.val();
            self.j2.ll_tag.next = self.qho.out_tag.val();
        }
        self.v2.in_valid.next = self.j2.out_valid.val();
        self.j2.out_ready.next = self.v2.in_ready.val();
        self.v2.in_first.next = self.j2.out_first.val();
        self.v2.in_last.next = self.j2.out_last.val();
        self.v2.in_sop.next = self.j2.out_sop.val();
        self.v2.in_tag.next = self.j2.out_tag.val();
        self.v2.cfg_pairs.next = self.pairs2.q.val();
        self.v2.cfg_rows.next = self.rows2.q.val();
        self.h2.in_valid.next = self.v2.out_valid.val() & !(self.v2.out_sop.val() & self.q2.full.val());
        self.v2.out_ready.next = self.h2.in_ready.val() & !(self.v2.out_sop.val() & self.q2.full.val());
        self.q2.push.next = self.v2.out_valid.val() & self.h2.in_ready.val() & !self.q2.full.val() & self.v2.out_sop.val();
        self.q2.in_tag.next = self.v2.out_tag.val();
        self.h2.in_first.next = self.v2.out_first.val();
        self.h2.in_last.next = self.v2.out_last.val();
        self.h2.in_sop.next = self.v2.out_sop.val();
        self.h2.cfg_pairs.next = self.pairs2.q.val();
        self.h2.cfg_single.next = self.single2.q.val();
        // Level 1: its bands joined with level 2's LL rows (or the horizontal-only level's);
        // its horizontal block writes the picture.
        self.j1.cfg_join.next = self.join1.q.val();
        self.j1.pic_idle.next = self.v1.pic_idle.val();
        self.j1.ext_valid.next = self.in1_valid.val();
        self.in1_ready.next = self.j1.ext_ready.val();
        for k in 0..P1 {
            self.j1.ext_a[k].next = self.in1_a[k].val();
            self.j1.ext_b[k].next = self.in1_b[k].val();
            self.v1.in_a[k].next = self.j1.out_a[k].val();
            self.v1.in_b[k].next = self.j1.out_b[k].val();
            self.h1.in_even[k].next = self.v1.out_a[k].val();
            self.h1.in_odd[k].next = self.v1.out_b[k].val();
        }
        self.j1.ext_first.next = self.in1_first.val();
        self.j1.ext_last.next = self.in1_last.val();
        self.j1.ext_sop.next = self.in1_sop.val();
        self.j1.ext_tag.next = self.in1_tag.val();
        self.j1.cfg_tags.next = true;
        self.j1.ll_valid.next = self.h2.out_valid.val();
        self.h2.out_ready.next = self.j1.ll_ready.val();
        for k in 0..P2 {
            self.j1.ll_even[k].next = self.h2.out_low[k].val();
            self.j1.ll_odd[k].next = self.h2.out_high[k].val();
        }
        self.j1.ll_first.next = self.h2.out_first.val();
        self.j1.ll_sop.next = self.h2.out_sop.val();
        self.j1.ll_tag.next = self.q2.out_tag.val();
        if self.ho1.q.val() {
            self.j1.ll_valid.next = self.un.out_valid.val();
            self.h2.out_ready.next = false;
            for k in 0..P2 {
                self.j1.ll_even[k].next = self.un.out_even[k].val();
                self.j1.ll_odd[k].next = self.un.out_odd[k].val();
            }
            self.j1.ll_first.next = self.un.out_first.val();
            self.j1.ll_sop.next = self.un.out_sop.val();
            self.j1.ll_tag.next = self.qho.out_tag.val();
        }
        self.v1.in_valid.next = self.j1.out_valid.val();
        self.j1.out_ready.next = self.v1.in_ready.val();
        self.v1.in_first.next = self.j1.out_first.val();
        self.v1.in_last.next = self.j1.out_last.val();
        self.v1.in_sop.next = self.j1.out_sop.val();
        self.v1.in_tag.next = self.j1.out_tag.val();
        self.v1.cfg_pairs.next = self.cfg_pairs.val();
        self.v1.cfg_rows.next = self.cfg_rows.val();
        self.h1.in_valid.next = self.v1.out_valid.val() & !(self.v1.out_sop.val() & self.q1.full.val());
        self.v1.out_ready.next = self.h1.in_ready.val() & !(self.v1.out_sop.val() & self.q1.full.val());
        self.q1.push.next = self.v1.out_valid.val() & self.h1.in_ready.val() & !self.q1.full.val() & self.v1.out_sop.val();
        self.q1.in_tag.next = self.v1.out_tag.val();
        self.h1.in_first.next = self.v1.out_first.val();
        self.h1.in_last.next = self.v1.out_last.val();
        self.h1.in_sop.next = self.v1.out_sop.val();
        self.h1.cfg_pairs.next = self.cfg_pairs.val();
        self.h1.cfg_single.next = self.single1.q.val();
        self.out_valid.next = self.h1.out_valid.val();
        self.h1.out_ready.next = self.out_ready.val();
        for k in 0..P1 {
            self.out_even[k].next = self.h1.out_low[k].val();
            self.out_odd[k].next = self.h1.out_high[k].val();
        }
        self.out_first.next = self.h1.out_first.val();
        self.out_last.next = self.h1.out_last.val();
        self.out_sop.next = self.h1.out_sop.val();
        self.out_tag.next = self.q1.out_tag.val();
        // Picture numbers leave each horizontal block's queue with its sop beat (after every
        // `out_ready` above is final).
        self.q4.pop.next = self.h4.out_valid.val() & self.h4.out_ready.val() & self.h4.out_sop.val() & self.h4.out_first.val();
        self.q3.pop.next = self.h3.out_valid.val() & self.h3.out_ready.val() & self.h3.out_sop.val() & self.h3.out_first.val();
        self.q2.pop.next = self.h2.out_valid.val() & self.h2.out_ready.val() & self.h2.out_sop.val() & self.h2.out_first.val();
        self.q1.pop.next = self.h1.out_valid.val() & self.h1.out_ready.val() & self.h1.out_sop.val() & self.h1.out_first.val();
        self.qho.pop.next = self.un.out_valid.val() & self.un.out_ready.val() & self.un.out_sop.val() & self.un.out_first.val();
        // Errors.
        self.err_l.d.next = self.h1.err_line.val() | self.h2.err_line.val() | self.h3.err_line.val() | self.h4.err_line.val() | self.hho.err_line.val();
        self.err_p.d.next = self.v1.err_pic.val() | self.v2.err_pic.val() | self.v3.err_pic.val() | self.v4.err_pic.val() | self.j1.err.val() | self.j2.err.val() | self.j3.err.val() | self.j4.err.val();
        self.err_w.d.next = self.h1.err_wavelet.val()
            | self.h2.err_wavelet.val()
            | self.h3.err_wavelet.val()
            | self.h4.err_wavelet.val()
            | self.hho.err_wavelet.val()
            | self.v1.err_wavelet.val()
            | self.v2.err_wavelet.val()
            | self.v3.err_wavelet.val()
            | self.v4.err_wavelet.val();
        self.err_r.d.next = self.h1.err_range.val()
            | self.h2.err_range.val()
            | self.h3.err_range.val()
            | self.h4.err_range.val()
            | self.hho.err_range.val()
            | self.v1.err_range.val()
            | self.v2.err_range.val()
            | self.v3.err_range.val()
            | self.v4.err_range.val();
        self.err_line.next = self.err_l.q.val();
        self.err_pic.next = self.err_p.q.val();
        self.err_wavelet.next = self.err_w.q.val();
        self.err_range.next = self.err_r.q.val();
    }
}

#[cfg(test)]
mod tests {
    use super::super::lift_h::{self, bits_for, checked_accumulator_bits};
    use super::super::lift_v;
    use super::{BAND_BITS, DATA_BITS, DEPTH4_BOUNDS, DEPTH4_HO_BOUNDS, OUT_BITS, STAGES};

    /// The lanes hold `vc2-bit-widths`' bounds: every band value in the band lanes, every
    /// intermediate in the datapath; the accumulators every weighted sum of datapath-wide
    /// samples (the range check keeps every stage's input inside the datapath), with the 15
    /// bits `lift_h` asks above its lanes; the vertical line buffers' words for every wavelet.
    #[test]
    fn widths_hold_the_worst_real_stream() {
        for (ho, table) in [DEPTH4_BOUNDS, DEPTH4_HO_BOUNDS].iter().enumerate() {
            for (w, &(band, mid)) in table.iter().enumerate() {
                assert!(bits_for(band as u128) <= BAND_BITS, "wavelet {w}, {ho} horizontal-only levels: band bound {band}");
                assert!(bits_for(mid as u128) <= DATA_BITS, "wavelet {w}, {ho} horizontal-only levels: intermediate bound {mid}");
            }
        }
        for (name, w, v, a) in STAGES {
            assert!(w <= v && v == DATA_BITS, "{name}: lanes");
            let need_a = checked_accumulator_bits(v);
            if name.starts_with('h') {
                assert!(a >= need_a.max(v + 15) && a < 64, "{name}: accumulator bits {a}, need {need_a}");
            } else {
                assert!(a >= need_a && a > v && a < 64, "{name}: accumulator bits {a}, need {need_a}");
                let words = lift_v::words(lift_h::ALL_WAVELETS, true, v);
                assert_eq!(words, [(4 * v, 2 * v), (8 * v, 4 * v), (8 * v, 4 * v), (2 * v, v)], "{name}: line-buffer words");
            }
        }
        assert_eq!(OUT_BITS, DATA_BITS);
    }
}
