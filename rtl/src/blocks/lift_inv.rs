//! Inverse 2-D wavelet transform for **every VC-2 wavelet** (indices 0–6, chosen at run time
//! for the vertical and the horizontal passes separately), depth 1–3 plus 0–1
//! horizontal-only level, two samples per clock: the VC-2 decoder's `idwt` (ST 2042-1
//! 15.4.1), line-based with line buffers only. It undoes [`super::lift_fwd`] and takes that
//! block's output streams as they come.
//!
//! **Structure.** [`super::legall_inv`]'s, with the every-wavelet blocks: level k (k = 1 is
//! the finest) is [`super::ll_join`] → [`super::lift_v`] (synthesis) →
//! [`super::lift_h`] (synthesis). With `cfg_depth_ho` the horizontal-only level comes first
//! (15.4.1: `h_synthesis` before the 2-D levels): its (L, H) pairs (`inho_*`) go through one
//! more [`super::lift_h`] whose rows are the deepest 2-D level's LL. Every other level's
//! join replaces lane a of its L rows with the LL rows the level below has just
//! synthesised. Level 1's horizontal block writes the picture: `out_*` carries sample pairs
//! `(x_{2n}, x_{2n+1})`, rows top to bottom.
//!
//! **Band streams** (`inK_*`, one per level, each with its own valid/ready): as
//! [`super::legall_inv`]'s — rows alternating L (`a` = LL or ignored, `b` = HL) and H
//! (`a` = LH, `b` = HH), `cfg_pairs / 2^(k−1)` beats per row — the order
//! [`super::lift_fwd`]'s `outK_*` produce; `inho_*` as its `outho_*`.
//!
//! **Throughput.** Level 1 emits one sample pair per clock; deeper levels run at a quarter
//! of the rate of the level above. A picture costs about `W/2 · (H + F)` clocks, `F` level
//! 1's vertical flush rows ([`super::lift_v::flush_rows`]: 4 for LeGall, 16 for Fidelity).
//!
//! **Widths.** The band lanes are 20 bits: they hold every coefficient a 12-bit picture
//! gives at depth 3, quantised with any quantisation index, for all seven wavelets — the
//! worst case `vc2-bit-widths` computes (`vc2-bundle extract-static-filter-analysis -w W
//! -d 3` on `vc2-conformance-data`'s bundle, then `vc2-bit-widths-table -b 12`; the largest
//! synthesis input is Fidelity's deepest LL, ±467 615, 20 bits; Daubechies' deepest HH
//! ±233 808, 19 bits; LeGall's ±165 327). Inside, every datapath is sized for **any**
//! coefficients in those lanes, not only for those of a real picture (the model's lifting
//! bound through each stage, as [`super::lift_fwd`]): so the block equals the model's `idwt`
//! on every input it can be given, and a corrupt stream can give a wrong picture but never
//! a wrapped intermediate. [`STAGES`] lists the widths (checked by a test): the
//! horizontal-only level 24 bits, level 3 28 / 32 (vertical / horizontal), level 2 36 / 40,
//! level 1 44 / 48; the picture leaves in 48-bit lanes, unclipped. (Sizing the inside from
//! `vc2-bit-widths` as well, ~23 bits for 12-bit pictures, would halve the area but wrap on
//! coefficients no picture gives.)
//!
//! **Run-time registers:** `cfg_pairs` (level-1 pairs per row: width / 2; the width must be
//! a multiple of `2^(cfg_depth + cfg_depth_ho)`), `cfg_rows` (height, a multiple of
//! `2^cfg_depth`), `cfg_depth` (1..=3; 0 is taken as 1), `cfg_depth_ho` (0 or 1),
//! `cfg_wavelet` (`wavelet_index`, the vertical passes) and `cfg_wavelet_ho`
//! (`wavelet_index_ho`, every horizontal pass and `filter_bit_shift`), 0..=6. Set them at
//! least four clocks before a picture's first beat and change them only between pictures.
//! **Build-time parameters:** `N1`, `N2`, `N3`: line-buffer address bits of each level
//! (level k holds rows of up to `2^Nk` pairs).
//!
//! **Protocol errors.** `err_line` (a horizontal block saw a broken line) and `err_pic` (a
//! vertical block saw a broken picture, or a join found a level's bands and the LL rows from
//! below out of step) pulse for one clock; each block drops input until the next start of
//! picture, which comes out exact. **Reset:** none needed (every register starts idle).

use super::lift_h::LiftH;
use super::lift_v::LiftV;
use super::ll_join::LlJoin;
use super::tag_queue::TagQueue;
use rust_hdl::prelude::*;

/// Level 1's vertical pass: 40-bit input, 44-bit lanes, line-buffer words for every wavelet.
type V1<const N: usize> = LiftV<40, 44, 55, N, 1, 176, 88, 352, 176, 352, 176, 88, 44>;
/// Level 2's vertical pass.
type V2<const N: usize> = LiftV<32, 36, 47, N, 1, 144, 72, 288, 144, 288, 144, 72, 36>;
/// Level 3's vertical pass.
type V3<const N: usize> = LiftV<24, 28, 39, N, 1, 112, 56, 224, 112, 224, 112, 56, 28>;

/// Bits of every band lane (`inK_a`, `inK_b`, `inho_low`, `inho_high`).
pub const BAND_BITS: usize = 20;

/// Bits of the picture lanes (`out_even`, `out_odd`).
pub const OUT_BITS: usize = 48;

/// Every lifting stage as built, in data-flow order: (name, input bits `W`, lane bits `V`,
/// accumulator bits `A`).
pub const STAGES: [(&str, usize, usize, usize); 7] = [("hho", 20, 24, 39), ("v3", 24, 28, 39), ("h3", 28, 32, 47), ("v2", 32, 36, 47), ("h2", 36, 40, 55), ("v1", 40, 44, 55), ("h1", 44, 48, 63)];

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftInv<const N1: usize, const N2: usize, const N3: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Level 1 band stream: a beat is offered.
    pub in1_valid: Signal<In, Bit>,
    /// Level 1: the block takes it at this edge.
    pub in1_ready: Signal<Out, Bit>,
    /// Level 1: lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 20-bit two's complement.
    pub in1_a: Signal<In, Bits<20>>,
    /// Level 1: lane b (HL in L rows, HH in H rows).
    pub in1_b: Signal<In, Bits<20>>,
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
    /// Level 2: lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 20-bit two's complement.
    pub in2_a: Signal<In, Bits<20>>,
    /// Level 2: lane b (HL in L rows, HH in H rows).
    pub in2_b: Signal<In, Bits<20>>,
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
    /// Level 3: lane a (LL at the deepest level without a horizontal-only level, ignored otherwise, in L rows; LH in H rows), 20-bit two's complement.
    pub in3_a: Signal<In, Bits<20>>,
    /// Level 3: lane b (HL in L rows, HH in H rows).
    pub in3_b: Signal<In, Bits<20>>,
    /// Level 3: first beat of a row.
    pub in3_first: Signal<In, Bit>,
    /// Level 3: last beat of a row.
    pub in3_last: Signal<In, Bit>,
    /// Level 3: first beat of a picture (with `in3_first`).
    pub in3_sop: Signal<In, Bit>,
    /// Level 3: the picture's number (read with `in3_sop`; module docs), 4 bits.
    pub in3_tag: Signal<In, Bits<4>>,
    /// Horizontal-only level's stream (`cfg_depth_ho`): a pair is offered.
    pub inho_valid: Signal<In, Bit>,
    /// Horizontal-only level: the block takes it at this edge.
    pub inho_ready: Signal<Out, Bit>,
    /// Horizontal-only level: L (the DC band), 20-bit two's complement.
    pub inho_low: Signal<In, Bits<20>>,
    /// Horizontal-only level: H.
    pub inho_high: Signal<In, Bits<20>>,
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
    /// Run-time register: 2-D transform depth, 1..=3 (0 is taken as 1).
    pub cfg_depth: Signal<In, Bits<2>>,
    /// Run-time register: one horizontal-only level (`dwt_depth_ho = 1`) below the deepest 2-D level; its stream is `inho_*`.
    pub cfg_depth_ho: Signal<In, Bit>,
    /// Run-time register: the VC-2 `wavelet_index` — the **vertical** passes' filter — 0..=6.
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Run-time register: the VC-2 `wavelet_index_ho` — every **horizontal** pass's filter (ST 2042-1 15.4.3 `vh_synthesis`, 15.4.2 `h_synthesis`) and the source of `filter_bit_shift`; 0..=6.
    pub cfg_wavelet_ho: Signal<In, Bits<3>>,
    /// Picture stream: a sample pair is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Picture stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Picture stream: even sample `x_{2n}`, 48-bit two's complement (not clipped).
    pub out_even: Signal<Out, Bits<48>>,
    /// Picture stream: odd sample `x_{2n+1}`.
    pub out_odd: Signal<Out, Bits<48>>,
    /// Picture stream: first pair of a row.
    pub out_first: Signal<Out, Bit>,
    /// Picture stream: last pair of a row.
    pub out_last: Signal<Out, Bit>,
    /// Picture stream: first pair of a picture.
    pub out_sop: Signal<Out, Bit>,
    /// Picture stream: the picture's number (with `out_sop`): level 1's `in1_tag`.
    pub out_tag: Signal<Out, Bits<4>>,
    /// Protocol error: a broken line (any horizontal block).
    pub err_line: Signal<Out, Bit>,
    /// Protocol error: a broken picture (any vertical block or join).
    pub err_pic: Signal<Out, Bit>,
    /// Configuration error: `cfg_wavelet` or `cfg_wavelet_ho` names a wavelet outside the build's set (a register; every wavelet is built here).
    pub err_wavelet: Signal<Out, Bit>,
    hho: LiftH<20, 24, 39, 1>,
    j3: LlJoin<20, 24, 24, 1, 1>,
    v3: V3<N3>,
    h3: LiftH<28, 32, 47, 1>,
    j2: LlJoin<20, 32, 32, 1, 1>,
    v2: V2<N2>,
    h2: LiftH<36, 40, 55, 1>,
    j1: LlJoin<20, 40, 40, 1, 1>,
    v1: V1<N1>,
    h1: LiftH<44, 48, 63, 1>,
    // picture numbers across each horizontal block (which carries only the sop marker)
    qho: TagQueue<4>,
    q3: TagQueue<4>,
    q2: TagQueue<4>,
    q1: TagQueue<4>,
    pairs2: DFF<Bits<13>>,
    pairs3: DFF<Bits<13>>,
    pairs4: DFF<Bits<13>>,
    pairs_ho: DFF<Bits<13>>,
    rows2: DFF<Bits<13>>,
    rows3: DFF<Bits<13>>,
    join1: DFF<Bit>,
    join2: DFF<Bit>,
    join3: DFF<Bit>,
    ho1: DFF<Bit>,
    ho2: DFF<Bit>,
    single1: DFF<Bit>,
    single2: DFF<Bit>,
    single3: DFF<Bit>,
    single_ho: DFF<Bit>,
    err_l: DFF<Bit>,
    err_p: DFF<Bit>,
    err_w: DFF<Bit>,
    // The vertical blocks' LL streams, `out_vhigh` and the deeper horizontal blocks' `last`
    // markers have no consumer here (Verilator's lint ignores names containing "unused").
    ll_unused: Signal<Local, Bit>,
    ho_even32: Signal<Local, Bits<32>>,
    ho_odd32: Signal<Local, Bits<32>>,
    ho_even40: Signal<Local, Bits<40>>,
    ho_odd40: Signal<Local, Bits<40>>,
    one13: Constant<Bits<13>>,
    two: Constant<Bits<2>>,
    three: Constant<Bits<2>>,
    sign24: Constant<Bits<24>>,
    ext24_32: Constant<Bits<32>>,
    ext24_40: Constant<Bits<40>>,
}

impl<const N1: usize, const N2: usize, const N3: usize> Default for LiftInv<N1, N2, N3> {
    fn default() -> Self {
        assert!(N2 + 1 == N1 && N3 + 2 == N1);
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
            inho_valid: Default::default(),
            inho_ready: Default::default(),
            inho_low: Default::default(),
            inho_high: Default::default(),
            inho_first: Default::default(),
            inho_last: Default::default(),
            inho_sop: Default::default(),
            inho_tag: Default::default(),
            out_tag: Default::default(),
            qho: Default::default(),
            q3: Default::default(),
            q2: Default::default(),
            q1: Default::default(),
            cfg_pairs: Default::default(),
            cfg_rows: Default::default(),
            cfg_depth: Default::default(),
            cfg_depth_ho: Default::default(),
            cfg_wavelet: Default::default(),
            cfg_wavelet_ho: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_even: Default::default(),
            out_odd: Default::default(),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            err_line: Default::default(),
            err_pic: Default::default(),
            err_wavelet: Default::default(),
            hho: Default::default(),
            j3: Default::default(),
            v3: Default::default(),
            h3: Default::default(),
            j2: Default::default(),
            v2: Default::default(),
            h2: Default::default(),
            j1: Default::default(),
            v1: Default::default(),
            h1: Default::default(),
            pairs2: Default::default(),
            pairs3: Default::default(),
            pairs4: Default::default(),
            pairs_ho: Default::default(),
            rows2: Default::default(),
            rows3: Default::default(),
            join1: Default::default(),
            join2: Default::default(),
            join3: Default::default(),
            ho1: Default::default(),
            ho2: Default::default(),
            single1: Default::default(),
            single2: Default::default(),
            single3: Default::default(),
            single_ho: Default::default(),
            err_l: Default::default(),
            err_p: Default::default(),
            err_w: Default::default(),
            ll_unused: Default::default(),
            ho_even32: Default::default(),
            ho_odd32: Default::default(),
            ho_even40: Default::default(),
            ho_odd40: Default::default(),
            one13: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            three: Constant::new(3u64.to_bits()),
            sign24: Constant::new((1u64 << 23).to_bits()),
            ext24_32: Constant::new((((1u64 << 32) - 1) & !((1u64 << 24) - 1)).to_bits()),
            ext24_40: Constant::new((((1u64 << 40) - 1) & !((1u64 << 24) - 1)).to_bits()),
        }
    }
}

impl<const N1: usize, const N2: usize, const N3: usize> Logic for LiftInv<N1, N2, N3> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, pairs2, pairs3, pairs4, pairs_ho, rows2, rows3, join1, join2, join3, ho1, ho2, single1, single2, single3, single_ho, err_l, err_p, err_w);
        clock!(self, clock, hho, j3, v3, h3, j2, v2, h2, j1, v1, h1, qho, q3, q2, q1);
        // Run-time registers, decoded into registers (stable between pictures).
        self.pairs2.d.next = self.cfg_pairs.val() >> 1;
        self.pairs3.d.next = self.cfg_pairs.val() >> 2;
        self.pairs4.d.next = self.cfg_pairs.val() >> 3;
        self.rows2.d.next = self.cfg_rows.val() >> 1;
        self.rows3.d.next = self.cfg_rows.val() >> 2;
        // The horizontal-only level sits below the deepest 2-D level (depth 0 is taken as 1);
        // a level joins LL rows from below when a deeper level of either kind is there.
        self.ho1.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() < self.two.val());
        self.ho2.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.two.val());
        self.join1.d.next = (self.cfg_depth.val() >= self.two.val()) | self.cfg_depth_ho.val();
        self.join2.d.next = (self.cfg_depth.val() == self.three.val()) | (self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.two.val()));
        self.join3.d.next = self.cfg_depth_ho.val() & (self.cfg_depth.val() == self.three.val());
        self.pairs_ho.d.next = self.pairs4.q.val();
        if self.ho1.q.val() {
            self.pairs_ho.d.next = self.pairs2.q.val();
        }
        if self.ho2.q.val() {
            self.pairs_ho.d.next = self.pairs3.q.val();
        }
        self.single1.d.next = self.cfg_pairs.val() == self.one13.val();
        self.single2.d.next = self.pairs2.q.val() == self.one13.val();
        self.single3.d.next = self.pairs3.q.val() == self.one13.val();
        self.single_ho.d.next = self.pairs_ho.q.val() == self.one13.val();
        // Every lifting block decodes the wavelet itself: vertical passes `wavelet_index`,
        // horizontal passes `wavelet_index_ho`.
        self.hho.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h3.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h2.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.h1.cfg_wavelet.next = self.cfg_wavelet_ho.val();
        self.v3.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v2.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v1.cfg_wavelet.next = self.cfg_wavelet.val();
        self.v1.cfg_ll.next = false;
        self.v2.cfg_ll.next = false;
        self.v3.cfg_ll.next = false;
        self.v1.ll_ready.next = false;
        self.v2.ll_ready.next = false;
        self.v3.ll_ready.next = false;
        self.ll_unused.next = self.v1.ll_valid.val()
            | self.v1.ll_c.val().any()
            | self.v1.ll_first.val()
            | self.v1.ll_last.val()
            | self.v1.ll_sop.val()
            | self.v1.out_vhigh.val()
            | self.v2.ll_valid.val()
            | self.v2.ll_c.val().any()
            | self.v2.ll_first.val()
            | self.v2.ll_last.val()
            | self.v2.ll_sop.val()
            | self.v2.out_vhigh.val()
            | self.v3.ll_valid.val()
            | self.v3.ll_c.val().any()
            | self.v3.ll_first.val()
            | self.v3.ll_last.val()
            | self.v3.ll_sop.val()
            | self.v3.out_vhigh.val()
            | self.hho.out_last.val()
            | self.h2.out_last.val()
            | self.h3.out_last.val();
        // Horizontal-only level: its stream into one more horizontal synthesis, whose rows
        // are the deepest 2-D level's LL (sign-extended for the joins of levels 2 and 1).
        // (a picture's first pair waits while the number queue is full; written out in each
        // assignment: a shared local would make Verilator see a combinational loop through
        // the horizontal block's ready)
        self.hho.in_valid.next = self.inho_valid.val() & !(self.inho_sop.val() & self.inho_first.val() & self.qho.full.val());
        self.inho_ready.next = self.hho.in_ready.val() & !(self.inho_sop.val() & self.inho_first.val() & self.qho.full.val());
        self.qho.push.next = self.inho_valid.val() & self.hho.in_ready.val() & !self.qho.full.val() & self.inho_sop.val() & self.inho_first.val();
        self.qho.in_tag.next = self.inho_tag.val();
        self.hho.in_even.next = self.inho_low.val();
        self.hho.in_odd.next = self.inho_high.val();
        self.hho.in_first.next = self.inho_first.val();
        self.hho.in_last.next = self.inho_last.val();
        self.hho.in_sop.next = self.inho_sop.val();
        self.hho.cfg_pairs.next = self.pairs_ho.q.val();
        self.hho.cfg_single.next = self.single_ho.q.val();
        self.hho.out_ready.next = false;
        if self.join3.q.val() {
            self.hho.out_ready.next = self.j3.ll_ready.val();
        }
        if self.ho2.q.val() {
            self.hho.out_ready.next = self.j2.ll_ready.val();
        }
        if self.ho1.q.val() {
            self.hho.out_ready.next = self.j1.ll_ready.val();
        }
        self.ho_even32.next = bit_cast::<32, 24>(self.hho.out_low.val());
        if (self.hho.out_low.val() & self.sign24.val()).any() {
            self.ho_even32.next = bit_cast::<32, 24>(self.hho.out_low.val()) | self.ext24_32.val();
        }
        self.ho_odd32.next = bit_cast::<32, 24>(self.hho.out_high.val());
        if (self.hho.out_high.val() & self.sign24.val()).any() {
            self.ho_odd32.next = bit_cast::<32, 24>(self.hho.out_high.val()) | self.ext24_32.val();
        }
        self.ho_even40.next = bit_cast::<40, 24>(self.hho.out_low.val());
        if (self.hho.out_low.val() & self.sign24.val()).any() {
            self.ho_even40.next = bit_cast::<40, 24>(self.hho.out_low.val()) | self.ext24_40.val();
        }
        self.ho_odd40.next = bit_cast::<40, 24>(self.hho.out_high.val());
        if (self.hho.out_high.val() & self.sign24.val()).any() {
            self.ho_odd40.next = bit_cast::<40, 24>(self.hho.out_high.val()) | self.ext24_40.val();
        }
        // Level 3: its bands, joined with the horizontal-only level's rows.
        self.j3.cfg_join.next = self.join3.q.val();
        self.j3.pic_idle.next = self.v3.pic_idle.val();
        self.j3.ext_valid.next = self.in3_valid.val();
        self.in3_ready.next = self.j3.ext_ready.val();
        self.j3.ext_a[0].next = self.in3_a.val();
        self.j3.ext_b[0].next = self.in3_b.val();
        self.j3.ext_first.next = self.in3_first.val();
        self.j3.ext_last.next = self.in3_last.val();
        self.j3.ext_sop.next = self.in3_sop.val();
        self.j3.ext_tag.next = self.in3_tag.val();
        self.j3.cfg_tags.next = true;
        self.j3.ll_tag.next = self.qho.out_tag.val();
        self.j3.ll_valid.next = self.hho.out_valid.val() & self.join3.q.val();
        self.j3.ll_even[0].next = self.hho.out_low.val();
        self.j3.ll_odd[0].next = self.hho.out_high.val();
        self.j3.ll_first.next = self.hho.out_first.val();
        self.j3.ll_sop.next = self.hho.out_sop.val();
        self.v3.in_valid.next = self.j3.out_valid.val();
        self.j3.out_ready.next = self.v3.in_ready.val();
        self.v3.in_a.next = self.j3.out_a[0].val();
        self.v3.in_b.next = self.j3.out_b[0].val();
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
        self.h3.in_even.next = self.v3.out_a.val();
        self.h3.in_odd.next = self.v3.out_b.val();
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
        self.j2.ext_a[0].next = self.in2_a.val();
        self.j2.ext_b[0].next = self.in2_b.val();
        self.j2.ext_first.next = self.in2_first.val();
        self.j2.ext_last.next = self.in2_last.val();
        self.j2.ext_sop.next = self.in2_sop.val();
        self.j2.ext_tag.next = self.in2_tag.val();
        self.j2.cfg_tags.next = true;
        self.j2.ll_tag.next = self.q3.out_tag.val();
        self.j2.ll_valid.next = self.h3.out_valid.val();
        self.h3.out_ready.next = self.j2.ll_ready.val();
        self.j2.ll_even[0].next = self.h3.out_low.val();
        self.j2.ll_odd[0].next = self.h3.out_high.val();
        self.j2.ll_first.next = self.h3.out_first.val();
        self.j2.ll_sop.next = self.h3.out_sop.val();
        if self.ho2.q.val() {
            self.j2.ll_valid.next = self.hho.out_valid.val();
            self.h3.out_ready.next = false;
            self.j2.ll_even[0].next = self.ho_even32.val();
            self.j2.ll_odd[0].next = self.ho_odd32.val();
            self.j2.ll_first.next = self.hho.out_first.val();
            self.j2.ll_sop.next = self.hho.out_sop.val();
            self.j2.ll_tag.next = self.qho.out_tag.val();
        }
        self.v2.in_valid.next = self.j2.out_valid.val();
        self.j2.out_ready.next = self.v2.in_ready.val();
        self.v2.in_a.next = self.j2.out_a[0].val();
        self.v2.in_b.next = self.j2.out_b[0].val();
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
        self.h2.in_even.next = self.v2.out_a.val();
        self.h2.in_odd.next = self.v2.out_b.val();
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
        self.j1.ext_a[0].next = self.in1_a.val();
        self.j1.ext_b[0].next = self.in1_b.val();
        self.j1.ext_first.next = self.in1_first.val();
        self.j1.ext_last.next = self.in1_last.val();
        self.j1.ext_sop.next = self.in1_sop.val();
        self.j1.ext_tag.next = self.in1_tag.val();
        self.j1.cfg_tags.next = true;
        self.j1.ll_tag.next = self.q2.out_tag.val();
        self.j1.ll_valid.next = self.h2.out_valid.val();
        self.h2.out_ready.next = self.j1.ll_ready.val();
        self.j1.ll_even[0].next = self.h2.out_low.val();
        self.j1.ll_odd[0].next = self.h2.out_high.val();
        self.j1.ll_first.next = self.h2.out_first.val();
        self.j1.ll_sop.next = self.h2.out_sop.val();
        if self.ho1.q.val() {
            self.j1.ll_valid.next = self.hho.out_valid.val();
            self.h2.out_ready.next = false;
            self.j1.ll_even[0].next = self.ho_even40.val();
            self.j1.ll_odd[0].next = self.ho_odd40.val();
            self.j1.ll_first.next = self.hho.out_first.val();
            self.j1.ll_sop.next = self.hho.out_sop.val();
            self.j1.ll_tag.next = self.qho.out_tag.val();
        }
        self.v1.in_valid.next = self.j1.out_valid.val();
        self.j1.out_ready.next = self.v1.in_ready.val();
        self.v1.in_a.next = self.j1.out_a[0].val();
        self.v1.in_b.next = self.j1.out_b[0].val();
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
        self.h1.in_even.next = self.v1.out_a.val();
        self.h1.in_odd.next = self.v1.out_b.val();
        self.h1.in_first.next = self.v1.out_first.val();
        self.h1.in_last.next = self.v1.out_last.val();
        self.h1.in_sop.next = self.v1.out_sop.val();
        self.h1.cfg_pairs.next = self.cfg_pairs.val();
        self.h1.cfg_single.next = self.single1.q.val();
        self.out_valid.next = self.h1.out_valid.val();
        self.h1.out_ready.next = self.out_ready.val();
        self.out_even.next = self.h1.out_low.val();
        self.out_odd.next = self.h1.out_high.val();
        self.out_first.next = self.h1.out_first.val();
        self.out_last.next = self.h1.out_last.val();
        self.out_sop.next = self.h1.out_sop.val();
        self.out_tag.next = self.q1.out_tag.val();
        // Picture numbers leave each horizontal block's queue with its sop beat (after every
        // `out_ready` above is final).
        self.q3.pop.next = self.h3.out_valid.val() & self.h3.out_ready.val() & self.h3.out_sop.val() & self.h3.out_first.val();
        self.q2.pop.next = self.h2.out_valid.val() & self.h2.out_ready.val() & self.h2.out_sop.val() & self.h2.out_first.val();
        self.q1.pop.next = self.h1.out_valid.val() & self.h1.out_ready.val() & self.h1.out_sop.val() & self.h1.out_first.val();
        self.qho.pop.next = self.hho.out_valid.val() & self.hho.out_ready.val() & self.hho.out_sop.val() & self.hho.out_first.val();
        // Errors.
        self.err_l.d.next = self.h1.err_line.val() | self.h2.err_line.val() | self.h3.err_line.val() | self.hho.err_line.val();
        self.err_p.d.next = self.v1.err_pic.val() | self.v2.err_pic.val() | self.v3.err_pic.val() | self.j1.err.val() | self.j2.err.val() | self.j3.err.val();
        self.err_w.d.next = self.h1.err_wavelet.val()
            | self.h2.err_wavelet.val()
            | self.h3.err_wavelet.val()
            | self.hho.err_wavelet.val()
            | self.v1.err_wavelet.val()
            | self.v2.err_wavelet.val()
            | self.v3.err_wavelet.val();
        self.err_line.next = self.err_l.q.val();
        self.err_pic.next = self.err_p.q.val();
        self.err_wavelet.next = self.err_w.q.val();
    }
}

#[cfg(test)]
mod tests {
    use super::super::{lift_h, lift_v};
    use super::{BAND_BITS, OUT_BITS, STAGES};

    /// Each stage's input is the wider of the band lanes and what the stage before gives;
    /// its lanes hold every value the model's lifting bound allows for any input of that
    /// width, and its accumulators every weighted sum (a horizontal build also keeps the
    /// 15 bits `lift_h` asks above its lanes).
    #[test]
    fn widths_hold_every_coefficient_the_lanes_carry() {
        let mut prev = BAND_BITS;
        for (name, w, v, a) in STAGES {
            assert_eq!(w, prev.max(BAND_BITS), "{name}: input bits");
            let (need_v, need_a) = if name.starts_with('h') {
                (lift_h::synthesis_bits(w), lift_h::accumulator_bits(w, true).max(v + 15))
            } else {
                (lift_v::synthesis_bits(w), lift_v::accumulator_bits(w, true).max(v + 1))
            };
            assert_eq!(v, need_v, "{name}: lane bits");
            assert!(a >= need_a && a < 64, "{name}: accumulator bits {a}, need {need_a}");
            if name.starts_with('v') {
                let words = lift_v::words(lift_h::ALL_WAVELETS, true, v);
                assert_eq!(words, [(4 * v, 2 * v), (8 * v, 4 * v), (8 * v, 4 * v), (2 * v, v)], "{name}: line-buffer words");
            }
            prev = v;
        }
        assert_eq!(prev, OUT_BITS);
        // vc2-bit-widths' largest synthesis input for 12-bit pictures at depth 3 (Fidelity's
        // deepest LL) fits the band lanes
        const { assert!(467_615 < 1 << (BAND_BITS - 1)) };
    }
}
