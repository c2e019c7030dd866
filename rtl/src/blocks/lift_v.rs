//! Vertical wavelet transform of a picture for **every VC-2 wavelet** (indices 0–6), chosen
//! at run time, `2P` columns per clock, with line buffers and no frame buffer: the vertical
//! half of ST 2042-1 15.4.3 `vh_analysis` / `vh_synthesis`.
//!
//! **Function.** The picture is `cfg_rows` rows of `cfg_pairs` beats; a beat carries `P`
//! column pairs (lane `k`'s `a`, `b`: columns `2(cP + k)` and `2(cP + k) + 1` of beat `c`). Analysis (`S = 0`): per column, the even rows `e_n` and odd rows `o_n`
//! become the low and high halves (L, H) — exactly `uhdpipe_model::wavelet::oned_analysis`
//! (the wavelet's lifting stages in reverse, each inverted; no `filter_bit_shift`: the
//! horizontal pass applies it). Synthesis (`S = 1`): the rows alternate `L_n`, `H_n` and
//! become the even and odd rows, exactly `oned_synthesis` (15.4.4). Output rows alternate
//! even and odd (`out_vhigh` marks the odd ones: H in analysis).
//!
//! **Structure.** A framing check ([`super::v_frame`]), then four [`super::lift_v_unit`]s in
//! a row, one per lifting position, in the order of [`super::lift_h`] (synthesis positions
//! 0..3, analysis 3..0); a wavelet with no step in a position passes that unit with no delay.
//! Taps, offsets and shifts come from the model's table through [`super::lift_h::variants`].
//!
//! **Throughput:** one beat per clock. Each unit with a step of delay `D` (row pairs, see
//! [`super::lift_v_unit`]) flushes `2D` rows after a picture while refusing input, so a
//! picture takes `cfg_pairs · (cfg_rows + 2 ΣD)` clocks ([`flush_rows`]: LeGall 4 rows,
//! Fidelity 16). **Latency:** `2 ΣD` rows plus about 13 clocks per unit.
//!
//! **Protocol errors.** As [`super::legall_v`]: a beat that breaks the framing pulses
//! `err_pic`, the picture is abandoned, and the next picture (`in_sop` with `in_first`)
//! comes out exactly right.
//!
//! **Picture numbers.** `in_tag` (read with a picture's first beat) leaves on `out_tag` with
//! the picture's first output beat; every unit carries it beside its `sop` marker. An
//! abandoned picture may leave some rows (its first output beat with its number) or none:
//! a consumer that compares numbers ([`super::ll_join`]) tells a lost picture from a late
//! one.
//!
//! **LL stream.** With `cfg_ll`, the a columns of every even output row (analysis: the LL
//! band) also leave on `ll_*`, `P` coefficients per beat, for the next level
//! ([`super::ll_pack`]); each stream has its own two-entry queue and the block advances while
//! both have room.
//!
//! **Wavelet set** (build time, [`LiftV::with_wavelets`]): only the chosen wavelets' steps
//! and line buffers are built; `err_wavelet` is high while `cfg_wavelet` names another.
//!
//! **Reset:** none needed. **Run-time registers:** `cfg_pairs`, `cfg_rows`, `cfg_wavelet` —
//! set them at least three clocks before a picture and change them only while the block is
//! empty.
//!
//! **Build-time parameters:** `W` input bits; `V` datapath and output bits ([`analysis_bits`]
//! / [`synthesis_bits`]); `A` the MACs' accumulator bits ([`accumulator_bits`]); `N` column
//! address bits (rows up to `2^N` beats); `S` the direction; `Sk`/`Tk` unit `k`'s line-buffer
//! words ([`words`]: `K · V` and `D_max · V` bits, which Rust's const generics cannot compute
//! from `V`); `P` column pairs per beat (1, 2, 4, 8: 2 to 16 columns per clock). **Resources:**
//! per unit and column (`2P` columns), two `2^N`-word RAMs of those widths.

use super::lift_h::{bits_for, pass_bounds, variants_in, ALL_WAVELETS, POSITIONS};
use super::lift_v_unit::{chain_slots, delay, LiftVUnit};
use super::pair_queue::PairQueue;
use super::sext::Sext;
use super::tag_queue::TagQueue;
use super::v_frame::VFrame;
use rust_hdl::prelude::*;

/// The generated analysis build: 12-bit samples in, 15-bit coefficients out, rows up to 64
/// beats (the test build; `rtl-generate` writes `lift_v`).
pub type LiftVTest = LiftV<12, 15, 27, 6, 0, 30, 15, 120, 60, 120, 60, 60, 30, 1>;
/// The generated synthesis build (`lift_vs`): 20-bit coefficients in a 20-bit datapath,
/// range-checked (`err_range`): exact for any 16-bit coefficients ([`synthesis_bits`]`(16)`
/// is 20), flagged where wider ones wrap.
pub type LiftVsTest = LiftV<20, 20, 35, 6, 1, 80, 40, 160, 80, 160, 80, 40, 20, 1>;
/// The analysis build at 8 column pairs per beat (`lift_v16`: 16 columns per clock), rows
/// up to 32 beats (512 columns).
pub type LiftV16Test = LiftV<12, 15, 27, 5, 0, 30, 15, 120, 60, 120, 60, 60, 30, 8>;
/// The synthesis build at 8 column pairs per beat (`lift_vs16`), rows up to 32 beats.
pub type LiftVs16Test = LiftV<20, 20, 35, 5, 1, 80, 40, 160, 80, 160, 80, 40, 20, 8>;

/// Datapath bits `V` a vertical analysis build with `W`-bit input needs (every wavelet).
pub fn analysis_bits(w: usize) -> usize {
    bits_for(pass_bounds(1 << (w - 1), false, false).0)
}

/// Datapath bits `V` a vertical synthesis build with `W`-bit input needs (every wavelet).
pub fn synthesis_bits(w: usize) -> usize {
    bits_for(pass_bounds(1 << (w - 1), true, false).0)
}

/// Accumulator bits `A` a vertical build with `W`-bit input needs (every wavelet).
pub fn accumulator_bits(w: usize, synthesis: bool) -> usize {
    bits_for(pass_bounds(1 << (w - 1), synthesis, false).1)
}

/// The synthesis position of unit `k` (data-flow order).
fn position(k: usize, synthesis: bool) -> usize {
    if synthesis {
        k
    } else {
        POSITIONS - 1 - k
    }
}

/// Each unit's line-buffer words `(Sk, Tk)` for a build of wavelet set `set` with `V`-bit
/// samples, in data-flow order.
pub fn words(set: u8, synthesis: bool, v: usize) -> [(usize, usize); POSITIONS] {
    std::array::from_fn(|k| {
        let pos = position(k, synthesis);
        let (s, t) = chain_slots(&variants_in(pos, synthesis, set), pos % 2 == 1);
        (s * v, t * v)
    })
}

/// Rows each picture of wavelet `w` spends flushing (`2 ΣD` over the units): the block's
/// overhead over one beat per clock, and its latency in rows.
pub fn flush_rows(w: usize) -> usize {
    (0..POSITIONS).map(|pos| variants_in(pos, true, 1 << w).first().map_or(0, |v| delay(v, pos % 2 == 1))).sum::<usize>() * 2
}

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
#[allow(clippy::type_complexity)]
pub struct LiftV<
    const W: usize,
    const V: usize,
    const A: usize,
    const N: usize,
    const S: usize,
    const S0: usize,
    const T0: usize,
    const S1: usize,
    const T1: usize,
    const S2: usize,
    const T2: usize,
    const S3: usize,
    const T3: usize,
    const P: usize,
> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Input stream: a beat is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes it at this edge (a register).
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: pair lane `k`'s column a (column `2(cP + k)` of beat `c`), `W`-bit
    /// two's complement.
    pub in_a: [Signal<In, Bits<W>>; P],
    /// Input stream: pair lane `k`'s column b (column `2(cP + k) + 1`), `W`-bit two's
    /// complement.
    pub in_b: [Signal<In, Bits<W>>; P],
    /// Input stream: first beat of a row.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last beat of a row.
    pub in_last: Signal<In, Bit>,
    /// Input stream: first beat of a picture (with `in_first`).
    pub in_sop: Signal<In, Bit>,
    /// Input stream: the picture's number (read with `in_sop`), 4 bits; it leaves on
    /// `out_tag` with the picture's first output beat.
    pub in_tag: Signal<In, Bits<4>>,
    /// Run-time register: beats per row, 1..=`2^N`.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: rows per picture, even, 2..=8190.
    pub cfg_rows: Signal<In, Bits<13>>,
    /// Run-time register: VC-2 wavelet index, 0..=6.
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Protocol error: high for one clock when a picture breaks the framing.
    pub err_pic: Signal<Out, Bit>,
    /// Configuration error: high (a register) while `cfg_wavelet` names a wavelet this build
    /// does not hold; the output is then meaningless.
    pub err_wavelet: Signal<Out, Bit>,
    /// Range error: high for one clock, a few clocks after a sample that does not fit `V`
    /// bits left a lifting step (it travels on wrapped). A build sized by [`synthesis_bits`]
    /// (or [`analysis_bits`]) never raises it; one sized from `vc2-bit-widths` for real
    /// streams raises it on a corrupt one.
    pub err_range: Signal<Out, Bit>,
    /// Framing state: no picture is open and none is being dropped (a register).
    pub pic_idle: Signal<Out, Bit>,
    /// Output stream: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: pair lane `k`'s column a, `V`-bit two's complement.
    pub out_a: [Signal<Out, Bits<V>>; P],
    /// Output stream: pair lane `k`'s column b, `V`-bit two's complement.
    pub out_b: [Signal<Out, Bits<V>>; P],
    /// Output stream: first beat of a row.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last beat of a row.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: first beat of a picture.
    pub out_sop: Signal<Out, Bit>,
    /// Output stream: an odd row (analysis H, synthesis `o_n`).
    pub out_vhigh: Signal<Out, Bit>,
    /// Output stream: the picture's number (with `out_sop`).
    pub out_tag: Signal<Out, Bits<4>>,
    /// Run-time register: also send the even rows' a columns on the `ll_*` stream (analysis:
    /// the LL band, the next level's input). When low, `ll_valid` stays low.
    pub cfg_ll: Signal<In, Bit>,
    /// LL stream: a beat of `P` coefficients is offered (a copy of the a columns of an even
    /// output row's beat).
    pub ll_valid: Signal<Out, Bit>,
    /// LL stream: the consumer takes it. Each stream has its own two-entry queue; the
    /// block advances while both have room.
    pub ll_ready: Signal<In, Bit>,
    /// LL stream: lane `k`'s coefficient (pair lane `k`'s column a), `V`-bit two's
    /// complement.
    pub ll_c: [Signal<Out, Bits<V>>; P],
    /// LL stream: first coefficient of a row.
    pub ll_first: Signal<Out, Bit>,
    /// LL stream: last coefficient of a row.
    pub ll_last: Signal<Out, Bit>,
    /// LL stream: first coefficient of a picture.
    pub ll_sop: Signal<Out, Bit>,
    frame: VFrame<W, P>,
    u0: LiftVUnit<V, A, N, S0, T0, P>,
    u1: LiftVUnit<V, A, N, S1, T1, P>,
    u2: LiftVUnit<V, A, N, S2, T2, P>,
    u3: LiftVUnit<V, A, N, S3, T3, P>,
    wset: Constant<Bits<8>>,
    one8: Constant<Bits<8>>,
    bad: DFF<Bit>,
    rng: DFF<Bit>,
    // the framed lanes, sign-extended into the datapath
    sa: [Sext<W, V>; P],
    sb: [Sext<W, V>; P],
    // the two output queues; the last unit's row parity (register, current beat)
    oq: PairQueue<V, P>,
    tq: TagQueue<4>,
    tag_unused: Signal<Local, Bit>,
    lq: PairQueue<V, P>,
    // the LL queue's b lanes (it carries the a columns only)
    ll_unused: Signal<Local, Bit>,
    ll_on: DFF<Bit>,
    u_odd: DFF<Bit>,
    u_cur_odd: Signal<Local, Bit>,
    u_take: Signal<Local, Bit>,
    // output row parity: the register, and the current beat's
    odd: DFF<Bit>,
    cur_odd: Signal<Local, Bit>,
}

impl<
        const W: usize,
        const V: usize,
        const A: usize,
        const N: usize,
        const S: usize,
        const S0: usize,
        const T0: usize,
        const S1: usize,
        const T1: usize,
        const S2: usize,
        const T2: usize,
        const S3: usize,
        const T3: usize,
        const P: usize,
    > Default for LiftV<W, V, A, N, S, S0, T0, S1, T1, S2, T2, S3, T3, P>
{
    /// Every wavelet.
    fn default() -> Self {
        Self::with_wavelets(ALL_WAVELETS)
    }
}

impl<
        const W: usize,
        const V: usize,
        const A: usize,
        const N: usize,
        const S: usize,
        const S0: usize,
        const T0: usize,
        const S1: usize,
        const T1: usize,
        const S2: usize,
        const T2: usize,
        const S3: usize,
        const T3: usize,
        const P: usize,
    > LiftV<W, V, A, N, S, S0, T0, S1, T1, S2, T2, S3, T3, P>
{
    /// A build holding only the wavelets in `set` (bit `w` for VC-2 index `w`).
    pub fn with_wavelets(set: u8) -> Self {
        assert!(S < 2 && V >= W && V < 64 && A > V && A < 64);
        assert!(set != 0 && set & !ALL_WAVELETS == 0, "wavelet set {set:#x}");
        let syn = S == 1;
        let unit_variants = |k: usize| {
            let pos = position(k, syn);
            (pos % 2 == 1, variants_in(pos, syn, set))
        };
        let (o0, v0) = unit_variants(0);
        let (o1, v1) = unit_variants(1);
        let (o2, v2) = unit_variants(2);
        let (o3, v3) = unit_variants(3);
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_a: std::array::from_fn(|_| Default::default()),
            in_b: std::array::from_fn(|_| Default::default()),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            in_tag: Default::default(),
            cfg_pairs: Default::default(),
            cfg_rows: Default::default(),
            cfg_wavelet: Default::default(),
            err_pic: Default::default(),
            err_wavelet: Default::default(),
            err_range: Default::default(),
            rng: Default::default(),
            pic_idle: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_a: std::array::from_fn(|_| Default::default()),
            out_b: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            out_vhigh: Default::default(),
            out_tag: Default::default(),
            frame: Default::default(),
            u0: LiftVUnit::new(o0, &v0),
            u1: LiftVUnit::new(o1, &v1),
            u2: LiftVUnit::new(o2, &v2),
            u3: LiftVUnit::new(o3, &v3),
            wset: Constant::new((set as u64).to_bits()),
            one8: Constant::new(1u64.to_bits()),
            bad: Default::default(),
            sa: std::array::from_fn(|_| Default::default()),
            sb: std::array::from_fn(|_| Default::default()),
            ll_unused: Default::default(),
            cfg_ll: Default::default(),
            ll_valid: Default::default(),
            ll_ready: Default::default(),
            ll_c: std::array::from_fn(|_| Default::default()),
            ll_first: Default::default(),
            ll_last: Default::default(),
            ll_sop: Default::default(),
            oq: Default::default(),
            tq: Default::default(),
            tag_unused: Default::default(),
            lq: Default::default(),
            ll_on: Default::default(),
            u_odd: Default::default(),
            u_cur_odd: Default::default(),
            u_take: Default::default(),
            odd: Default::default(),
            cur_odd: Default::default(),
        }
    }
}

impl<
        const W: usize,
        const V: usize,
        const A: usize,
        const N: usize,
        const S: usize,
        const S0: usize,
        const T0: usize,
        const S1: usize,
        const T1: usize,
        const S2: usize,
        const T2: usize,
        const S3: usize,
        const T3: usize,
        const P: usize,
    > Logic for LiftV<W, V, A, N, S, S0, T0, S1, T1, S2, T2, S3, T3, P>
{
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, bad, odd, u_odd, ll_on, rng);
        self.rng.d.next = self.u0.err_range.val() | self.u1.err_range.val() | self.u2.err_range.val() | self.u3.err_range.val();
        self.err_range.next = self.rng.q.val();
        clock!(self, clock, frame, u0, u1, u2, u3, oq, tq, lq);
        self.bad.d.next = !(self.wset.val() & (self.one8.val() << self.cfg_wavelet.val())).any();
        self.err_wavelet.next = self.bad.q.val();
        // Framing.
        self.frame.in_valid.next = self.in_valid.val();
        for k in 0..P {
            self.frame.in_a[k].next = self.in_a[k].val();
            self.frame.in_b[k].next = self.in_b[k].val();
        }
        self.frame.in_first.next = self.in_first.val();
        self.frame.in_last.next = self.in_last.val();
        self.frame.in_sop.next = self.in_sop.val();
        self.frame.in_tag.next = self.in_tag.val();
        self.frame.cfg_pairs.next = self.cfg_pairs.val();
        self.frame.cfg_rows.next = self.cfg_rows.val();
        self.in_ready.next = self.frame.in_ready.val();
        self.err_pic.next = self.frame.err_pic.val();
        self.pic_idle.next = self.frame.pic_idle.val();
        // Sign extension into the datapath.
        for k in 0..P {
            self.sa[k].a.next = self.frame.out_a[k].val();
            self.sb[k].a.next = self.frame.out_b[k].val();
            self.u0.in_a[k].next = self.sa[k].y.val();
            self.u0.in_b[k].next = self.sb[k].y.val();
        }
        // The units in a row.
        self.u0.cfg_wavelet.next = self.cfg_wavelet.val();
        self.u1.cfg_wavelet.next = self.cfg_wavelet.val();
        self.u2.cfg_wavelet.next = self.cfg_wavelet.val();
        self.u3.cfg_wavelet.next = self.cfg_wavelet.val();
        self.u0.cfg_pairs.next = self.cfg_pairs.val();
        self.u1.cfg_pairs.next = self.cfg_pairs.val();
        self.u2.cfg_pairs.next = self.cfg_pairs.val();
        self.u3.cfg_pairs.next = self.cfg_pairs.val();
        self.u0.cfg_rows.next = self.cfg_rows.val();
        self.u1.cfg_rows.next = self.cfg_rows.val();
        self.u2.cfg_rows.next = self.cfg_rows.val();
        self.u3.cfg_rows.next = self.cfg_rows.val();
        self.u0.in_valid.next = self.frame.out_valid.val();
        self.u0.in_first.next = self.frame.out_first.val();
        self.u0.in_last.next = self.frame.out_last.val();
        self.u0.in_sop.next = self.frame.out_sop.val();
        self.u0.in_tag.next = self.frame.out_tag.val();
        self.frame.out_ready.next = self.u0.in_ready.val();
        self.u1.in_valid.next = self.u0.out_valid.val();
        for k in 0..P {
            self.u1.in_a[k].next = self.u0.out_a[k].val();
            self.u1.in_b[k].next = self.u0.out_b[k].val();
        }
        self.u1.in_first.next = self.u0.out_first.val();
        self.u1.in_last.next = self.u0.out_last.val();
        self.u1.in_sop.next = self.u0.out_sop.val();
        self.u1.in_tag.next = self.u0.out_tag.val();
        self.u0.out_ready.next = self.u1.in_ready.val();
        self.u2.in_valid.next = self.u1.out_valid.val();
        for k in 0..P {
            self.u2.in_a[k].next = self.u1.out_a[k].val();
            self.u2.in_b[k].next = self.u1.out_b[k].val();
        }
        self.u2.in_first.next = self.u1.out_first.val();
        self.u2.in_last.next = self.u1.out_last.val();
        self.u2.in_sop.next = self.u1.out_sop.val();
        self.u2.in_tag.next = self.u1.out_tag.val();
        self.u1.out_ready.next = self.u2.in_ready.val();
        self.u3.in_valid.next = self.u2.out_valid.val();
        for k in 0..P {
            self.u3.in_a[k].next = self.u2.out_a[k].val();
            self.u3.in_b[k].next = self.u2.out_b[k].val();
        }
        self.u3.in_first.next = self.u2.out_first.val();
        self.u3.in_last.next = self.u2.out_last.val();
        self.u3.in_sop.next = self.u2.out_sop.val();
        self.u3.in_tag.next = self.u2.out_tag.val();
        self.u2.out_ready.next = self.u3.in_ready.val();
        // The last unit's beats into the output queue and, for its even rows with `cfg_ll`,
        // lane a into the LL queue: the unit advances while both have room.
        self.ll_on.d.next = self.cfg_ll.val();
        self.u3.out_ready.next = self.oq.free.val() & self.lq.free.val();
        self.u_take.next = self.u3.out_valid.val() & self.oq.free.val() & self.lq.free.val();
        self.u_cur_odd.next = self.u_odd.q.val() & !self.u3.out_sop.val();
        if self.u_take.val() {
            self.u_odd.d.next = self.u_cur_odd.val() ^ self.u3.out_last.val();
        }
        self.oq.push.next = self.u_take.val();
        self.ll_unused.next = false;
        for k in 0..P {
            self.oq.in_a[k].next = self.u3.out_a[k].val();
            self.oq.in_b[k].next = self.u3.out_b[k].val();
            self.out_a[k].next = self.oq.out_a[k].val();
            self.out_b[k].next = self.oq.out_b[k].val();
            self.lq.in_a[k].next = self.u3.out_a[k].val();
            self.lq.in_b[k].next = self.u3.out_a[k].val();
            self.ll_c[k].next = self.lq.out_a[k].val();
            if self.lq.out_b[k].val().any() {
                self.ll_unused.next = true;
            }
        }
        self.oq.in_first.next = self.u3.out_first.val();
        self.oq.in_last.next = self.u3.out_last.val();
        self.oq.in_sop.next = self.u3.out_sop.val();
        self.lq.push.next = self.u_take.val() & self.ll_on.q.val() & !self.u_cur_odd.val();
        self.lq.in_first.next = self.u3.out_first.val();
        self.lq.in_last.next = self.u3.out_last.val();
        self.lq.in_sop.next = self.u3.out_sop.val();
        self.lq.out_ready.next = self.ll_ready.val();
        self.ll_valid.next = self.lq.out_valid.val();
        self.ll_first.next = self.lq.out_first.val();
        self.ll_last.next = self.lq.out_last.val();
        self.ll_sop.next = self.lq.out_sop.val();
        self.oq.out_ready.next = self.out_ready.val();
        // Picture numbers beside the output queue (two beats: never full).
        self.tq.push.next = self.u_take.val() & self.u3.out_sop.val();
        self.tq.in_tag.next = self.u3.out_tag.val();
        self.tq.pop.next = self.oq.out_valid.val() & self.out_ready.val() & self.oq.out_sop.val();
        self.out_tag.next = self.tq.out_tag.val();
        self.tag_unused.next = self.tq.full.val();
        self.out_valid.next = self.oq.out_valid.val();
        self.out_first.next = self.oq.out_first.val();
        self.out_last.next = self.oq.out_last.val();
        self.out_sop.next = self.oq.out_sop.val();
        // Output row parity: rows alternate from each picture's first.
        self.cur_odd.next = self.odd.q.val() & !self.oq.out_sop.val();
        self.out_vhigh.next = self.cur_odd.val();
        if self.oq.out_valid.val() & self.out_ready.val() {
            self.odd.d.next = self.cur_odd.val() ^ self.oq.out_last.val();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_flushes_follow_the_steps() {
        // every wavelet, analysis order: Daubechies' last step, Fidelity's and Daubechies'
        // even steps, the odd steps (Fidelity's eight taps, four pairs of delay), the even
        // steps (DD (13,7)'s four taps, two pairs)
        assert_eq!(words(ALL_WAVELETS, false, 1), [(2, 1), (8, 4), (8, 4), (4, 2)]);
        assert_eq!(words(ALL_WAVELETS, true, 1), [(4, 2), (8, 4), (8, 4), (2, 1)]);
        // LeGall alone: two small units and two pass-through ones
        assert_eq!(words(0b10, false, 1), [(1, 1), (1, 1), (2, 1), (2, 1)]);
        assert_eq!((0..7).map(flush_rows).collect::<Vec<_>>(), [6, 4, 8, 2, 2, 16, 8]);
    }

    #[test]
    fn built_widths_hold_the_worst_case() {
        // the generated builds (rtl-generate): analysis 12 -> 15 bits, accumulators 27 bits;
        // synthesis 20 -> 20 range-checked (exact for 16-bit input), accumulators 35 bits
        assert!(analysis_bits(12) <= 15, "{}", analysis_bits(12));
        assert!(synthesis_bits(16) <= 20, "{}", synthesis_bits(16));
        assert!(accumulator_bits(12, false) <= 27, "{}", accumulator_bits(12, false));
        assert!(super::super::lift_h::checked_accumulator_bits(20) <= 35, "{}", super::super::lift_h::checked_accumulator_bits(20));
        // the vertical pass of a 2-D level has no bit shift: narrower than the horizontal
        assert!(analysis_bits(12) < super::super::lift_h::analysis_bits(12));
    }
}
