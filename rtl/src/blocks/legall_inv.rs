//! LeGall (5,3) and Haar inverse 2-D wavelet transform, wavelet and depth 1–4 chosen at run
//! time, two samples per clock: the VC-2 decoder's `idwt` (ST 2042-1 15.4.1) for
//! `wavelet_index` 1 (LeGall), 3 (Haar without shift) or 4 (Haar with single shift),
//! `dwt_depth_ho = 0`, line-based with line buffers only. It undoes
//! [`super::legall_fwd`] exactly and takes that block's output streams as they come.
//!
//! **Structure.** Level k (k = 1 is the finest) is [`super::ll_join`] →
//! [`super::legall_v`] (synthesis, `S = 1`) → [`super::legall_h`] (synthesis). The deepest
//! level (`cfg_depth`) takes its DC band on its own band stream (lane a of L rows); every
//! other level's join replaces lane a of its L rows with the LL rows the level below has
//! just synthesised. Level 1's horizontal block writes the picture: `out_*` carries sample
//! pairs `(x_{2n}, x_{2n+1})`, rows top to bottom.
//!
//! **Band streams** (`inK_*`, one per level, each with its own valid/ready): level k's rows
//! alternate L (`a` = LL or ignored, `b` = HL) and H (`a` = LH, `b` = HH), `cfg_pairs / 2^(k−1)`
//! beats per row, beat `c` of row `2m` / `2m+1` carrying column `c` of band row `m` — the
//! order [`super::legall_fwd`]'s `outK_*` streams produce. The streams are independent; a
//! level whose stream runs dry stalls the levels above it.
//!
//! **Throughput.** Level 1 emits one sample pair per clock (rows of `cfg_pairs` pairs); deeper
//! levels run at a quarter of the rate of the level above. A picture costs about
//! `W/2 · (H + 2)` clocks (level 1's two flush rows). **Latency:** level k's vertical block
//! outputs its first row while its third input row arrives, so the first picture row leaves
//! about `2^(k+1) − 2` level-1 row times after the deepest level's first beat (measured:
//! the datasheet, `rtl/datasheets/legall_inv.md`).
//!
//! **Widths.** The band streams are sized as [`super::legall_fwd`]'s outputs (17, 20, 23,
//! 26 bits for levels 1, 2, 3, 4): everything that block produces from 12-bit samples, and
//! any coefficient of that size. Every value the synthesis computes from such input — for
//! any coefficients, not only those of a real picture, and for all three wavelets (Haar
//! without shift does not halve the output of a level) — is bounded by propagating
//! magnitudes through each lifting step ([`SYNTHESIS_WIDTHS`], checked by a test): level 4's
//! vertical pass needs 28 bits, its horizontal pass 29; level 3's 30 / 31 (its LL lane 29);
//! level 2's 32 / 32 (LL 31); level 1's 33 / 33 (LL 32). Each horizontal synthesis pass is
//! built one bit wider than its input (`legall_h`'s rule), so the picture leaves in 35-bit
//! lanes ([`OUT_BITS`]); a decoder clips it to its sample range afterwards.
//!
//! **Run-time registers:** `cfg_pairs` (level-1 pairs per row: width / 2; the width must be
//! a multiple of `2^cfg_depth`), `cfg_rows` (height, a multiple of `2^cfg_depth`),
//! `cfg_depth` (1..=4; 0 is taken as 1), `cfg_wavelet` (1, 3 or 4; any other value is taken
//! as 1). Change them only between pictures, at least three clocks before the next picture's
//! first beat on any band stream (they are decoded into registers, and the band streams
//! reach the vertical blocks' framing directly).
//! **Build-time parameters:** `N1` … `N4`: line-buffer address bits of each level
//! (as [`super::legall_fwd`]); `P1` … `P4`: pair lanes per beat of each level (as
//! [`super::legall_fwd`]: `P1` ∈ {1, 2, 4, 8}, `P(k+1) = max(Pk / 2, 1)`). Band stream k
//! carries `Pk` pairs per beat (`inK_a[j]`, `inK_b[j]`: band column `c·Pk + j`), the picture
//! leaves in beats of `P1` pairs, and each join takes the level below's `P(k+1)` output
//! pairs — `Pk` LL columns — per L-row beat ([`super::ll_join`]); `cfg_pairs` is level 1's
//! beats per row (width / `2·P1`).
//!
//! **Protocol errors.** `err_line` (a level's horizontal block saw a broken line) and
//! `err_pic` (a vertical block saw a broken picture, or a join found a level's bands and the
//! LL rows from below out of step) pulse for one clock; each block drops input until the next
//! start of picture, which comes out exact. **Picture numbers** keep the levels in step when
//! a picture is lost on one stream (broken and dropped before any of its rows left a level,
//! or missing from the stream altogether): each band stream's first beat carries the
//! picture's number (`inK_tag`, 4 bits), the vertical blocks carry it beside their `sop`
//! marker, a [`super::tag_queue`] carries it across each horizontal block, and each join
//! compares the band picture's number with the LL picture's and drops the orphaned side
//! ([`super::ll_join`]). `out_tag` numbers the output pictures.
//! **Reset:** none needed (every register starts idle).

use super::legall_h::LegallH;
use super::legall_v::LegallV;
use super::ll_join::LlJoin;
use super::tag_queue::TagQueue;
use rust_hdl::prelude::*;

/// Bits of each stage's datapath, deepest level first: (vertical pass input, vertical pass,
/// horizontal pass) for levels 3, 2, 1 — the widths this block is built with, checked
/// against the worst case by a test.
pub const SYNTHESIS_WIDTHS: [(u32, u32, u32); 4] = [(26, 28, 29), (29, 30, 31), (31, 32, 33), (33, 34, 35)];

/// Bits of the band streams of levels 1, 2, 3, 4.
pub const BAND_BITS: [u32; 4] = [17, 20, 23, 26];

/// Bits of the picture stream's samples (level 1's horizontal pass).
pub const OUT_BITS: u32 = 35;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallInv<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Level 1 band stream: a beat is offered.
    pub in1_valid: Signal<In, Bit>,
    /// Level 1: the block takes it at this edge.
    pub in1_ready: Signal<Out, Bit>,
    /// Level 1: lane a (LL at the deepest level, ignored above it, in L rows; LH in H rows), 17-bit two's complement.
    pub in1_a: [Signal<In, Bits<17>>; P1],
    /// Level 1: lane b (HL in L rows, HH in H rows).
    pub in1_b: [Signal<In, Bits<17>>; P1],
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
    /// Level 2: lane a (as level 1), 20-bit two's complement.
    pub in2_a: [Signal<In, Bits<20>>; P2],
    /// Level 2: lane b (HL in L rows, HH in H rows).
    pub in2_b: [Signal<In, Bits<20>>; P2],
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
    /// Level 3: lane a (as level 1), 23-bit two's complement.
    pub in3_a: [Signal<In, Bits<23>>; P3],
    /// Level 3: lane b (HL in L rows, HH in H rows).
    pub in3_b: [Signal<In, Bits<23>>; P3],
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
    /// Level 4: lane a (as level 1), 26-bit two's complement.
    pub in4_a: [Signal<In, Bits<26>>; P4],
    /// Level 4: lane b (HL in L rows, HH in H rows).
    pub in4_b: [Signal<In, Bits<26>>; P4],
    /// Level 4: first beat of a row.
    pub in4_first: Signal<In, Bit>,
    /// Level 4: last beat of a row.
    pub in4_last: Signal<In, Bit>,
    /// Level 4: first beat of a picture (with `in4_first`).
    pub in4_sop: Signal<In, Bit>,
    /// Level 4: the picture's number (read with `in4_sop`; module docs), 4 bits.
    pub in4_tag: Signal<In, Bits<4>>,
    /// Run-time register: pairs per picture row at level 1 (width / 2), 1..=`2^N1`.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: rows per picture (height), ≤ 8190.
    pub cfg_rows: Signal<In, Bits<13>>,
    /// Run-time register: transform depth, 1..=4 (0 is taken as 1).
    pub cfg_depth: Signal<In, Bits<3>>,
    /// Run-time register: the VC-2 `wavelet_index` — the **vertical** passes' filter — 1
    /// (LeGall 5/3), 3 (Haar, no shift) or 4 (Haar, single shift); other values are taken as 1.
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Run-time register: the VC-2 `wavelet_index_ho` — every **horizontal** pass's filter
    /// (ST 2042-1 15.4.3 `vh_synthesis`) and the source of `filter_bit_shift`; 1, 3 or 4 as
    /// `cfg_wavelet` (equal to it for a symmetric transform).
    pub cfg_wavelet_ho: Signal<In, Bits<3>>,
    /// Picture stream: a sample pair is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Picture stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Picture stream: even sample `x_{2n}`, 35-bit two's complement (not clipped).
    pub out_even: [Signal<Out, Bits<35>>; P1],
    /// Picture stream: odd sample `x_{2n+1}`.
    pub out_odd: [Signal<Out, Bits<35>>; P1],
    /// Picture stream: first pair of a row.
    pub out_first: Signal<Out, Bit>,
    /// Picture stream: last pair of a row.
    pub out_last: Signal<Out, Bit>,
    /// Picture stream: first pair of a picture.
    pub out_sop: Signal<Out, Bit>,
    /// Picture stream: the picture's number (with `out_sop`): level 1's `in1_tag`.
    pub out_tag: Signal<Out, Bits<4>>,
    /// Protocol error: a broken line (any level's horizontal block).
    pub err_line: Signal<Out, Bit>,
    /// Protocol error: a broken picture (any level's vertical block or join).
    pub err_pic: Signal<Out, Bit>,
    j1: LlJoin<17, 33, 33, P1, P2>,
    v1: LegallV<33, 34, N1, 1, P1>,
    h1: LegallH<34, 35, 1, P1>,
    // picture numbers across each horizontal block (which carries only the sop marker)
    q1: TagQueue<4>,
    q2: TagQueue<4>,
    q3: TagQueue<4>,
    q4: TagQueue<4>,
    j2: LlJoin<20, 31, 31, P2, P3>,
    v2: LegallV<31, 32, N2, 1, P2>,
    h2: LegallH<32, 33, 1, P2>,
    j3: LlJoin<23, 29, 29, P3, P4>,
    v3: LegallV<29, 30, N3, 1, P3>,
    h3: LegallH<30, 31, 1, P3>,
    v4: LegallV<26, 28, N4, 1, P4>,
    h4: LegallH<28, 29, 1, P4>,
    pairs2: DFF<Bits<13>>,
    pairs3: DFF<Bits<13>>,
    pairs4: DFF<Bits<13>>,
    rows2: DFF<Bits<13>>,
    rows3: DFF<Bits<13>>,
    rows4: DFF<Bits<13>>,
    join1: DFF<Bit>,
    join2: DFF<Bit>,
    join3: DFF<Bit>,
    haar: DFF<Bit>,
    haar_ho: DFF<Bit>,
    noshift: DFF<Bit>,
    single1: DFF<Bit>,
    single2: DFF<Bit>,
    single3: DFF<Bit>,
    single4: DFF<Bit>,
    err_l: DFF<Bit>,
    err_p: DFF<Bit>,
    // The vertical blocks' LL streams and the horizontal blocks' `last` markers between
    // levels have no consumer here (Verilator's lint ignores names containing "unused").
    ll_unused: Signal<Local, Bit>,
    ll1_unused: [Signal<Local, Bits<34>>; P1],
    ll2_unused: [Signal<Local, Bits<32>>; P2],
    ll3_unused: [Signal<Local, Bits<30>>; P3],
    ll4_unused: [Signal<Local, Bits<28>>; P4],
    // level k+1's beats per row: level k's, halved where level k has one pair per beat
    b2: Signal<Local, Bits<13>>,
    b3: Signal<Local, Bits<13>>,
    b4: Signal<Local, Bits<13>>,
    half1: Constant<Bit>,
    half2: Constant<Bit>,
    half3: Constant<Bit>,
    one13: Constant<Bits<13>>,
    two: Constant<Bits<3>>,
    three: Constant<Bits<3>>,
    four: Constant<Bits<3>>,
    w_haar0: Constant<Bits<3>>,
    w_haar1: Constant<Bits<3>>,
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize> Default for LegallInv<N1, N2, N3, N4, P1, P2, P3, P4> {
    fn default() -> Self {
        assert!(matches!(P1, 1 | 2 | 4 | 8), "P1 is 1, 2, 4 or 8 pairs per beat");
        assert!(P2 == (P1 / 2).max(1) && P3 == (P2 / 2).max(1) && P4 == (P3 / 2).max(1), "P(k+1) = max(Pk / 2, 1)");
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
            cfg_pairs: Default::default(),
            cfg_rows: Default::default(),
            cfg_depth: Default::default(),
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
            q1: Default::default(),
            q2: Default::default(),
            q3: Default::default(),
            q4: Default::default(),
            err_line: Default::default(),
            err_pic: Default::default(),
            j1: Default::default(),
            v1: Default::default(),
            h1: Default::default(),
            j2: Default::default(),
            v2: Default::default(),
            h2: Default::default(),
            v3: Default::default(),
            h3: Default::default(),
            j3: Default::default(),
            v4: Default::default(),
            h4: Default::default(),
            pairs2: Default::default(),
            pairs3: Default::default(),
            pairs4: Default::default(),
            rows2: Default::default(),
            rows3: Default::default(),
            rows4: Default::default(),
            join1: Default::default(),
            join2: Default::default(),
            join3: Default::default(),
            haar: Default::default(),
            haar_ho: Default::default(),
            noshift: Default::default(),
            single1: Default::default(),
            single2: Default::default(),
            single3: Default::default(),
            single4: Default::default(),
            err_l: Default::default(),
            err_p: Default::default(),
            ll_unused: Default::default(),
            ll1_unused: std::array::from_fn(|_| Default::default()),
            ll2_unused: std::array::from_fn(|_| Default::default()),
            ll3_unused: std::array::from_fn(|_| Default::default()),
            ll4_unused: std::array::from_fn(|_| Default::default()),
            b2: Default::default(),
            b3: Default::default(),
            b4: Default::default(),
            half1: Constant::new(P1 == 1),
            half2: Constant::new(P2 == 1),
            half3: Constant::new(P3 == 1),
            one13: Constant::new(1u64.to_bits()),
            two: Constant::new(2u64.to_bits()),
            three: Constant::new(3u64.to_bits()),
            four: Constant::new(4u64.to_bits()),
            w_haar0: Constant::new(3u64.to_bits()),
            w_haar1: Constant::new(4u64.to_bits()),
        }
    }
}

impl<const N1: usize, const N2: usize, const N3: usize, const N4: usize, const P1: usize, const P2: usize, const P3: usize, const P4: usize> Logic for LegallInv<N1, N2, N3, N4, P1, P2, P3, P4> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, pairs2, pairs3, pairs4, rows2, rows3, rows4, join1, join2, join3, haar, haar_ho, noshift, single1, single2, single3, single4, err_l, err_p);
        clock!(self, clock, j1, v1, h1, j2, v2, h2, j3, v3, h3, v4, h4, q1, q2, q3, q4);
        // Run-time registers, decoded into registers (stable between pictures).
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
        self.join1.d.next = self.cfg_depth.val() >= self.two.val();
        self.join2.d.next = self.cfg_depth.val() >= self.three.val();
        self.join3.d.next = self.cfg_depth.val() >= self.four.val();
        self.haar.d.next = (self.cfg_wavelet.val() == self.w_haar0.val()) | (self.cfg_wavelet.val() == self.w_haar1.val());
        self.haar_ho.d.next = (self.cfg_wavelet_ho.val() == self.w_haar0.val()) | (self.cfg_wavelet_ho.val() == self.w_haar1.val());
        self.noshift.d.next = self.cfg_wavelet_ho.val() == self.w_haar0.val();
        self.single1.d.next = self.cfg_pairs.val() == self.one13.val();
        self.single2.d.next = self.pairs2.q.val() == self.one13.val();
        self.single3.d.next = self.pairs3.q.val() == self.one13.val();
        self.single4.d.next = self.pairs4.q.val() == self.one13.val();
        self.v1.cfg_haar.next = self.haar.q.val();
        self.v2.cfg_haar.next = self.haar.q.val();
        self.v3.cfg_haar.next = self.haar.q.val();
        self.v4.cfg_haar.next = self.haar.q.val();
        self.h1.cfg_haar.next = self.haar_ho.q.val();
        self.h2.cfg_haar.next = self.haar_ho.q.val();
        self.h3.cfg_haar.next = self.haar_ho.q.val();
        self.h4.cfg_haar.next = self.haar_ho.q.val();
        self.h1.cfg_noshift.next = self.noshift.q.val();
        self.h2.cfg_noshift.next = self.noshift.q.val();
        self.h3.cfg_noshift.next = self.noshift.q.val();
        self.h4.cfg_noshift.next = self.noshift.q.val();
        self.v1.cfg_ll.next = false;
        self.v2.cfg_ll.next = false;
        self.v3.cfg_ll.next = false;
        self.v4.cfg_ll.next = false;
        self.v1.ll_ready.next = false;
        self.v2.ll_ready.next = false;
        self.v3.ll_ready.next = false;
        self.v4.ll_ready.next = false;
        self.ll_unused.next = self.v4.pic_idle.val()
            | self.v1.ll_valid.val()
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
            | self.h2.out_last.val()
            | self.h3.out_last.val()
            | self.h4.out_last.val();
        // Level 4: its band stream straight into the vertical block.
        self.v4.in_valid.next = self.in4_valid.val();
        self.in4_ready.next = self.v4.in_ready.val();
        for k in 0..P4 {
            self.v4.in_a[k].next = self.in4_a[k].val();
            self.v4.in_b[k].next = self.in4_b[k].val();
        }
        self.v4.in_first.next = self.in4_first.val();
        self.v4.in_last.next = self.in4_last.val();
        self.v4.in_sop.next = self.in4_sop.val();
        self.v4.in_tag.next = self.in4_tag.val();
        self.v4.cfg_pairs.next = self.pairs4.q.val();
        self.v4.cfg_rows.next = self.rows4.q.val();
        // (a picture's first beat waits while the number queue is full; written out in each
        // assignment: a shared local makes Verilator see a loop through the block's ready)
        self.h4.in_valid.next = self.v4.out_valid.val() & !(self.v4.out_sop.val() & self.q4.full.val());
        self.v4.out_ready.next = self.h4.in_ready.val() & !(self.v4.out_sop.val() & self.q4.full.val());
        self.q4.push.next = self.v4.out_valid.val() & self.h4.in_ready.val() & !self.q4.full.val() & self.v4.out_sop.val();
        self.q4.in_tag.next = self.v4.out_tag.val();
        for k in 0..P4 {
            self.h4.in_even[k].next = self.v4.out_a[k].val();
            self.h4.in_odd[k].next = self.v4.out_b[k].val();
            self.ll4_unused[k].next = self.v4.ll_c[k].val();
        }
        self.h4.in_first.next = self.v4.out_first.val();
        self.h4.in_last.next = self.v4.out_last.val();
        self.h4.in_sop.next = self.v4.out_sop.val();
        self.h4.cfg_beats.next = self.pairs4.q.val();
        self.h4.cfg_single.next = self.single4.q.val();
        // Level 3: its bands joined with level 4's LL rows.
        self.j3.cfg_join.next = self.join3.q.val();
        self.j3.pic_idle.next = self.v3.pic_idle.val();
        self.j3.ext_valid.next = self.in3_valid.val();
        self.in3_ready.next = self.j3.ext_ready.val();
        for k in 0..P3 {
            self.j3.ext_a[k].next = self.in3_a[k].val();
            self.j3.ext_b[k].next = self.in3_b[k].val();
        }
        self.j3.ext_first.next = self.in3_first.val();
        self.j3.ext_last.next = self.in3_last.val();
        self.j3.ext_sop.next = self.in3_sop.val();
        self.j3.cfg_tags.next = true;
        self.j3.ext_tag.next = self.in3_tag.val();
        self.j3.ll_tag.next = self.q4.out_tag.val();
        self.j3.ll_valid.next = self.h4.out_valid.val();
        self.h4.out_ready.next = self.j3.ll_ready.val();
        for k in 0..P4 {
            self.j3.ll_even[k].next = self.h4.out_low[k].val();
            self.j3.ll_odd[k].next = self.h4.out_high[k].val();
        }
        self.j3.ll_first.next = self.h4.out_first.val();
        self.j3.ll_sop.next = self.h4.out_sop.val();
        self.v3.in_valid.next = self.j3.out_valid.val();
        self.j3.out_ready.next = self.v3.in_ready.val();
        for k in 0..P3 {
            self.v3.in_a[k].next = self.j3.out_a[k].val();
            self.v3.in_b[k].next = self.j3.out_b[k].val();
        }
        self.v3.in_first.next = self.j3.out_first.val();
        self.v3.in_last.next = self.j3.out_last.val();
        self.v3.in_sop.next = self.j3.out_sop.val();
        self.v3.in_tag.next = self.j3.out_tag.val();
        self.v3.cfg_pairs.next = self.pairs3.q.val();
        self.v3.cfg_rows.next = self.rows3.q.val();
        // (a picture's first beat waits while the number queue is full; written out in each
        // assignment: a shared local makes Verilator see a loop through the block's ready)
        self.h3.in_valid.next = self.v3.out_valid.val() & !(self.v3.out_sop.val() & self.q3.full.val());
        self.v3.out_ready.next = self.h3.in_ready.val() & !(self.v3.out_sop.val() & self.q3.full.val());
        self.q3.push.next = self.v3.out_valid.val() & self.h3.in_ready.val() & !self.q3.full.val() & self.v3.out_sop.val();
        self.q3.in_tag.next = self.v3.out_tag.val();
        for k in 0..P3 {
            self.h3.in_even[k].next = self.v3.out_a[k].val();
            self.h3.in_odd[k].next = self.v3.out_b[k].val();
            self.ll3_unused[k].next = self.v3.ll_c[k].val();
        }
        self.h3.in_first.next = self.v3.out_first.val();
        self.h3.in_last.next = self.v3.out_last.val();
        self.h3.in_sop.next = self.v3.out_sop.val();
        self.h3.cfg_beats.next = self.pairs3.q.val();
        self.h3.cfg_single.next = self.single3.q.val();
        // Level 2: its bands joined with level 3's LL rows.
        self.j2.cfg_join.next = self.join2.q.val();
        self.j2.pic_idle.next = self.v2.pic_idle.val();
        self.j2.ext_valid.next = self.in2_valid.val();
        self.in2_ready.next = self.j2.ext_ready.val();
        for k in 0..P2 {
            self.j2.ext_a[k].next = self.in2_a[k].val();
            self.j2.ext_b[k].next = self.in2_b[k].val();
        }
        self.j2.ext_first.next = self.in2_first.val();
        self.j2.ext_last.next = self.in2_last.val();
        self.j2.ext_sop.next = self.in2_sop.val();
        self.j2.cfg_tags.next = true;
        self.j2.ext_tag.next = self.in2_tag.val();
        self.j2.ll_tag.next = self.q3.out_tag.val();
        self.j2.ll_valid.next = self.h3.out_valid.val();
        self.h3.out_ready.next = self.j2.ll_ready.val();
        for k in 0..P3 {
            self.j2.ll_even[k].next = self.h3.out_low[k].val();
            self.j2.ll_odd[k].next = self.h3.out_high[k].val();
        }
        self.j2.ll_first.next = self.h3.out_first.val();
        self.j2.ll_sop.next = self.h3.out_sop.val();
        self.v2.in_valid.next = self.j2.out_valid.val();
        self.j2.out_ready.next = self.v2.in_ready.val();
        for k in 0..P2 {
            self.v2.in_a[k].next = self.j2.out_a[k].val();
            self.v2.in_b[k].next = self.j2.out_b[k].val();
        }
        self.v2.in_first.next = self.j2.out_first.val();
        self.v2.in_last.next = self.j2.out_last.val();
        self.v2.in_sop.next = self.j2.out_sop.val();
        self.v2.in_tag.next = self.j2.out_tag.val();
        self.v2.cfg_pairs.next = self.pairs2.q.val();
        self.v2.cfg_rows.next = self.rows2.q.val();
        // (a picture's first beat waits while the number queue is full; written out in each
        // assignment: a shared local makes Verilator see a loop through the block's ready)
        self.h2.in_valid.next = self.v2.out_valid.val() & !(self.v2.out_sop.val() & self.q2.full.val());
        self.v2.out_ready.next = self.h2.in_ready.val() & !(self.v2.out_sop.val() & self.q2.full.val());
        self.q2.push.next = self.v2.out_valid.val() & self.h2.in_ready.val() & !self.q2.full.val() & self.v2.out_sop.val();
        self.q2.in_tag.next = self.v2.out_tag.val();
        for k in 0..P2 {
            self.h2.in_even[k].next = self.v2.out_a[k].val();
            self.h2.in_odd[k].next = self.v2.out_b[k].val();
            self.ll2_unused[k].next = self.v2.ll_c[k].val();
        }
        self.h2.in_first.next = self.v2.out_first.val();
        self.h2.in_last.next = self.v2.out_last.val();
        self.h2.in_sop.next = self.v2.out_sop.val();
        self.h2.cfg_beats.next = self.pairs2.q.val();
        self.h2.cfg_single.next = self.single2.q.val();
        // Level 1: its bands joined with level 2's LL rows; its horizontal block writes the
        // picture.
        self.j1.cfg_join.next = self.join1.q.val();
        self.j1.pic_idle.next = self.v1.pic_idle.val();
        self.j1.ext_valid.next = self.in1_valid.val();
        self.in1_ready.next = self.j1.ext_ready.val();
        for k in 0..P1 {
            self.j1.ext_a[k].next = self.in1_a[k].val();
            self.j1.ext_b[k].next = self.in1_b[k].val();
        }
        self.j1.ext_first.next = self.in1_first.val();
        self.j1.ext_last.next = self.in1_last.val();
        self.j1.ext_sop.next = self.in1_sop.val();
        self.j1.cfg_tags.next = true;
        self.j1.ext_tag.next = self.in1_tag.val();
        self.j1.ll_tag.next = self.q2.out_tag.val();
        self.j1.ll_valid.next = self.h2.out_valid.val();
        self.h2.out_ready.next = self.j1.ll_ready.val();
        for k in 0..P2 {
            self.j1.ll_even[k].next = self.h2.out_low[k].val();
            self.j1.ll_odd[k].next = self.h2.out_high[k].val();
        }
        self.j1.ll_first.next = self.h2.out_first.val();
        self.j1.ll_sop.next = self.h2.out_sop.val();
        self.v1.in_valid.next = self.j1.out_valid.val();
        self.j1.out_ready.next = self.v1.in_ready.val();
        for k in 0..P1 {
            self.v1.in_a[k].next = self.j1.out_a[k].val();
            self.v1.in_b[k].next = self.j1.out_b[k].val();
        }
        self.v1.in_first.next = self.j1.out_first.val();
        self.v1.in_last.next = self.j1.out_last.val();
        self.v1.in_sop.next = self.j1.out_sop.val();
        self.v1.in_tag.next = self.j1.out_tag.val();
        self.v1.cfg_pairs.next = self.cfg_pairs.val();
        self.v1.cfg_rows.next = self.cfg_rows.val();
        // (a picture's first beat waits while the number queue is full; written out in each
        // assignment: a shared local makes Verilator see a loop through the block's ready)
        self.h1.in_valid.next = self.v1.out_valid.val() & !(self.v1.out_sop.val() & self.q1.full.val());
        self.v1.out_ready.next = self.h1.in_ready.val() & !(self.v1.out_sop.val() & self.q1.full.val());
        self.q1.push.next = self.v1.out_valid.val() & self.h1.in_ready.val() & !self.q1.full.val() & self.v1.out_sop.val();
        self.q1.in_tag.next = self.v1.out_tag.val();
        for k in 0..P1 {
            self.h1.in_even[k].next = self.v1.out_a[k].val();
            self.h1.in_odd[k].next = self.v1.out_b[k].val();
            self.ll1_unused[k].next = self.v1.ll_c[k].val();
        }
        self.h1.in_first.next = self.v1.out_first.val();
        self.h1.in_last.next = self.v1.out_last.val();
        self.h1.in_sop.next = self.v1.out_sop.val();
        self.h1.cfg_beats.next = self.cfg_pairs.val();
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
        // Errors.
        self.err_l.d.next = self.h1.err_line.val() | self.h2.err_line.val() | self.h3.err_line.val() | self.h4.err_line.val();
        self.err_p.d.next = self.v1.err_pic.val() | self.v2.err_pic.val() | self.v3.err_pic.val() | self.v4.err_pic.val() | self.j1.err.val() | self.j2.err.val() | self.j3.err.val();
        self.err_line.next = self.err_l.q.val();
        self.err_pic.next = self.err_p.q.val();
    }
}

#[cfg(test)]
mod tests {
    use super::{BAND_BITS, SYNTHESIS_WIDTHS};

    /// Two's-complement bits that hold every value of magnitude at most `m`.
    fn bits(m: u128) -> u32 {
        128 - m.leading_zeros() + 1
    }

    /// `|⌊s / 2^k⌋|` for `|s| ≤ m`.
    fn shr(m: u128, k: u32) -> u128 {
        (m + (1 << k) - 1) >> k
    }

    /// The worst case of every value the block computes, stage by stage, for band
    /// coefficients filling their lanes and any of the three wavelets (the same lifting
    /// arithmetic; without shift the levels' outputs are not halved): the widths it is built
    /// with hold them all.
    #[test]
    fn widths_hold_the_worst_case() {
        let mut dc = 1u128 << (BAND_BITS[3] - 1);
        for (i, &(vin, vw, hw)) in SYNTHESIS_WIDTHS.iter().enumerate() {
            let b = 1u128 << (BAND_BITS[3 - i] - 1);
            // Vertical pass (legall_v_lane, synthesis): even rows L (LL or HL), odd rows H.
            let (ev, od) = (dc.max(b), b);
            let s2 = 2 * od + 2;
            let e = ev + shr(s2, 2);
            let s4 = 2 * e + 1;
            let o = od + shr(s4, 1);
            let vpeak = [ev, od, s2, e, s4, o].into_iter().max().unwrap();
            // (level 4's input is its band lanes; above, the LL from below must fit)
            assert!(if i == 0 { vin == BAND_BITS[3] } else { bits(dc) <= vin && BAND_BITS[3 - i] <= vin }, "level {}: vertical input needs {} bits", 4 - i, bits(ev));
            assert!(bits(vpeak) <= vw, "level {}: vertical pass needs {} bits", 4 - i, bits(vpeak));
            // Horizontal pass (legall_h, synthesis) on the vertical outputs.
            let m = e.max(o);
            let s = 2 * m + 2;
            let e2 = m + shr(s, 2);
            let c = 2 * e2 + 1;
            let osum = m + 1 + shr(c, 1);
            let hpeak = [m, s, e2 + 1, c, osum].into_iter().max().unwrap();
            assert!(bits(hpeak) <= hw, "level {}: horizontal pass needs {} bits", 4 - i, bits(hpeak));
            // The level's output: halved (with rounding) or, Haar without shift, not.
            dc = osum.max(e2);
            println!("level {}: vertical {} / {} bits, horizontal {} bits", 4 - i, bits(ev), bits(vpeak), bits(hpeak));
        }
    }
}
